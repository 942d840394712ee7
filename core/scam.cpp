// Local scam-message analyser: keyword families (accent- and case-insensitive), links checked
// against official domains, look-alike hosts, call-back numbers. Rules are listed in one table.
#include "scam.hpp"

#include <algorithm>
#include <array>

#include "json_out.hpp"
#include "text.hpp"

namespace breachcheck {
namespace {


// One table, as data (no code runs to build it): each family of phrases, folded (lowercase, no
// accents) and matched as whole words, and what it means.
struct Family {
    const char* id;
    const char* const* phrases;  // ends with nullptr
    const char* fr;
    const char* en;
};

constexpr const char* phrases_claims_health_body[] = {"ameli", "assurance maladie", "cpam", "carte vitale", "securite sociale", "mutuelle", "complementaire sante", "tiers payant", "viamedis", "almerys", "mon espace sante", "caisse primaire", "health insurance", nullptr};
constexpr const char* phrases_urgency[] = {"urgent", "immediatement", "sans delai", "sous 24h", "sous 48h", "24 heures", "48 heures", "dernier rappel", "derniere relance", "expire", "expiration", "suspendu", "suspension", "bloque", "blocage", "desactive", "avant le", "dans les plus brefs delais", "action requise", "immediately", "within 24", "final notice", nullptr};
constexpr const char* phrases_asks_bank_or_codes[] = {"iban", "rib", "carte bancaire", "numero de carte", "cryptogramme", "cvv", "coordonnees bancaires", "code de confirmation", "code recu", "code sms", "code de securite", "mot de passe", "identifiant", "code secret", "bank details", "card number", "password", nullptr};
constexpr const char* phrases_money_bait[] = {"remboursement", "rembourse", "trop percu", "versement", "indemnisation", "indemnite", "compensation", "dedommagement", "vous etes eligible", "en attente de paiement", "refund", "reimbursement", nullptr};
constexpr const char* phrases_new_card_or_fee[] = {"nouvelle carte vitale", "renouveler votre carte", "renouvellement de votre carte", "commander votre carte", "frais de livraison", "frais d envoi", "frais de dossier", "nouvelle edition", "mise a jour de votre carte", "new card", nullptr};
constexpr const char* phrases_quotes_your_details[] = {"numero de securite sociale", "votre nir", "date de naissance", "numero d adherent", "rang de naissance", "vos garanties", "social security number", "date of birth", nullptr};
constexpr const char* phrases_asks_to_call_back[] = {"rappelez", "appelez le", "appelez nous", "contactez le", "call us", "call back", "composez le", nullptr};

constexpr Family families[] = {
    {"claims_health_body", phrases_claims_health_body,
     "Le message se présente comme venant de l'Assurance Maladie, d'une mutuelle ou du service de la carte Vitale : c'est l'habillage le plus courant des arnaques qui ont suivi la fuite.",
     "The message presents itself as coming from the Assurance Maladie, an insurer or the Carte Vitale service: the most common disguise of the scams that followed the leak."},
    {"urgency", phrases_urgency,
     "Il vous presse (délai très court, compte « suspendu » ou « bloqué ») : l'urgence sert à vous empêcher de vérifier.",
     "It rushes you (a very short deadline, an account \"suspended\" or \"blocked\"): urgency is there to stop you from checking."},
    {"asks_bank_or_codes", phrases_asks_bank_or_codes,
     "Il demande des coordonnées bancaires, un code ou un mot de passe : ni l'Assurance Maladie, ni une mutuelle, ni une banque ne les demandent par message ou par téléphone.",
     "It asks for bank details, a code or a password: neither the Assurance Maladie, an insurer nor a bank asks for them by message or phone."},
    {"money_bait", phrases_money_bait,
     "Il promet un remboursement ou une indemnisation : la CNIL a averti que les fraudeurs utiliseraient justement ce prétexte après la fuite.",
     "It promises a refund or compensation: the CNIL warned that fraudsters would use exactly this pretext after the leak."},
    {"new_card_or_fee", phrases_new_card_or_fee,
     "Il parle d'une nouvelle carte Vitale ou de frais à payer : la carte Vitale est gratuite, n'expire pas et se met à jour en pharmacie.",
     "It talks about a new Carte Vitale or a fee to pay: the Carte Vitale is free, does not expire and is updated at the pharmacy."},
    {"quotes_your_details", phrases_quotes_your_details,
     "Il cite vos données (numéro de sécurité sociale, date de naissance, n° d'adhérent…) : ce sont justement les données volées, cela ne prouve pas que le message est authentique.",
     "It quotes your details (social security number, date of birth, member number…): those are exactly the stolen data, so it does not prove the message is genuine."},
    {"asks_to_call_back", phrases_asks_to_call_back,
     "Il vous demande d'appeler un numéro : raccrochez et appelez vous-même le numéro que vous connaissez (celui de votre carte, ou le 3646 pour l'Assurance Maladie).",
     "It asks you to call a number: call the number you already know instead (the one on your card, or 3646 for the Assurance Maladie)."},
};

// Hosts that belong to the bodies named in the guidance; any subdomain counts.
const std::array<std::string_view, 10> official_suffixes = {"gouv.fr", "ameli.fr", "cnil.fr", "service-public.fr", "monespacesante.fr",
                                                              "33700.fr", "signal-spam.fr", "phishing-initiative.fr", "sesam-vitale.fr", "franceconnect.fr"};

// Words that, inside a host that is not official, make it a look-alike.
const std::array<std::string_view, 12> lure_words = {"ameli", "vitale", "cpam", "securite-sociale", "assurance-maladie", "mutuelle",
                                                      "viamedis", "almerys", "gouv", "monespacesante", "franceconnect", "impots"};

const std::array<std::string_view, 8> shorteners = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "cutt.ly", "is.gd", "rebrand.ly", "shorturl.at"};

bool ends_with_domain(std::string_view host, std::string_view suffix) {
    if (host == suffix) return true;
    return host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0 &&
           host[host.size() - suffix.size() - 1] == '.';
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool host_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// Finds link-like tokens ("https://x.y/…", "www.x.y", "x-y.com/…") and returns their hosts.
std::vector<std::string> find_hosts(std::string_view message) {
    std::vector<std::string> hosts;
    const std::string lower = lower_ascii(message);
    std::size_t i = 0;
    while (i < lower.size()) {
        while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\n' || lower[i] == '\t' || lower[i] == '\r' || lower[i] == '(' ||
                                    lower[i] == '<' || lower[i] == '"' || lower[i] == '\'')) {
            ++i;
        }
        std::size_t end = i;
        while (end < lower.size() && lower[end] != ' ' && lower[end] != '\n' && lower[end] != '\t' && lower[end] != '\r' && lower[end] != '"' &&
               lower[end] != '<' && lower[end] != '>') {
            ++end;
        }
        std::string_view token(lower.data() + i, end - i);
        i = end + 1;
        bool explicit_link = false;
        for (std::string_view scheme : {"https://", "http://", "hxxp://", "hxxps://"}) {
            if (token.rfind(scheme, 0) == 0) {
                token.remove_prefix(scheme.size());
                explicit_link = true;
            }
        }
        if (token.rfind("www.", 0) == 0) explicit_link = true;
        std::size_t h = 0;
        while (h < token.size() && host_char(token[h])) ++h;
        std::string host(token.substr(0, h));
        while (!host.empty() && (host.back() == '.' || host.back() == '-')) host.pop_back();
        const std::size_t dot = host.rfind('.');
        if (dot == std::string::npos || dot == 0 || host.size() - dot - 1 < 2) continue;
        const std::string tld = host.substr(dot + 1);
        const bool letters_tld = std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        // A bare "word.word" is a link only with a known-looking TLD or a path after it.
        static const std::array<std::string_view, 14> tlds = {"fr", "com", "net", "org", "info", "io", "co", "me", "xyz", "top", "site", "online", "eu", "ly"};
        const bool path_follows = h < token.size() && token[h] == '/';
        if (!letters_tld) continue;
        if (!explicit_link && !path_follows && std::find(tlds.begin(), tlds.end(), tld) == tlds.end()) continue;
        if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) hosts.push_back(host);
        if (hosts.size() >= 20) break;
    }
    return hosts;
}

// French phone numbers: 0X XX XX XX XX, +33 X…, 08 00…, short premium numbers are not looked for.
std::vector<std::string> find_phone_numbers(std::string_view message) {
    std::vector<std::string> out;
    std::string digits;
    std::string raw;
    auto flush = [&]() {
        if ((digits.size() == 10 && digits[0] == '0') || (digits.size() == 11 && digits.rfind("33", 0) == 0)) {
            if (std::find(out.begin(), out.end(), raw) == out.end() && out.size() < 10) out.push_back(raw);
        }
        digits.clear();
        raw.clear();
    };
    for (char c : message) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
            raw.push_back(c);
        } else if ((c == ' ' || c == '.' || c == '-' || c == '+') && !digits.empty()) {
            raw.push_back(c);
        } else if (c == '+' && digits.empty()) {
            raw.push_back(c);
        } else {
            while (!raw.empty() && (raw.back() == ' ' || raw.back() == '.' || raw.back() == '-')) raw.pop_back();
            flush();
        }
    }
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '.' || raw.back() == '-')) raw.pop_back();
    flush();
    return out;
}

// True when `phrase` occurs as whole words and is not negated just before ("nous ne vous
// demanderons jamais vos coordonnées bancaires" is the genuine insurers' own wording).
bool contains_phrase(const std::string& folded, std::string_view phrase) {
    const std::string needle = " " + std::string(phrase) + " ";
    static const std::array<std::string_view, 6> negations = {" jamais ", " aucun ", " aucune ", " never ", " no ", " pas "};
    for (std::size_t at = folded.find(needle); at != std::string::npos; at = folded.find(needle, at + 1)) {
        const std::size_t from = at > 60 ? at - 60 : 0;
        const std::string before = folded.substr(from, at - from + 1);
        const bool negated = std::any_of(negations.begin(), negations.end(), [&](std::string_view n) { return before.find(n) != std::string::npos; });
        if (!negated) return true;
    }
    return false;
}

std::vector<std::string> official_hosts(const Dataset* ds) {
    std::vector<std::string> hosts;
    if (!ds) return hosts;
    for (const Source& s : ds->sources) {
        if (s.confidence != Confidence::own_statement) continue;
        const std::size_t start = s.url.find("://");
        if (start == std::string::npos) continue;
        std::string host = lower_ascii(s.url.substr(start + 3, s.url.find('/', start + 3) - start - 3));
        if (host.rfind("www.", 0) == 0) host = host.substr(4);
        if (!host.empty() && std::find(hosts.begin(), hosts.end(), host) == hosts.end()) hosts.push_back(host);
    }
    return hosts;
}

}  // namespace

ScamReport scan_message(std::string_view message, const Dataset* ds) {
    ScamReport r;
    if (message.size() > max_message_bytes) message = message.substr(0, max_message_bytes);
    const std::string folded = " " + text::fold(message) + " ";
    std::vector<std::string> found;
    for (const Family& f : families) {
        for (const char* const* p = f.phrases; *p; ++p) {
            const char* phrase = *p;
            if (contains_phrase(folded, phrase)) {
                r.flags.push_back({f.id, LocalText{f.fr, f.en}, phrase});
                found.push_back(f.id);
                break;
            }
        }
    }
    auto has = [&](std::string_view id) { return std::find(found.begin(), found.end(), id) != found.end(); };

    r.domains = find_hosts(message);
    const std::vector<std::string> insurer_hosts = official_hosts(ds);
    for (const std::string& host : r.domains) {
        std::string bare = host.rfind("www.", 0) == 0 ? host.substr(4) : host;
        const bool official = std::any_of(official_suffixes.begin(), official_suffixes.end(), [&](std::string_view s) { return ends_with_domain(bare, s); }) ||
                              std::any_of(insurer_hosts.begin(), insurer_hosts.end(), [&](const std::string& s) { return ends_with_domain(bare, s); });
        if (official) continue;
        if (std::any_of(shorteners.begin(), shorteners.end(), [&](std::string_view s) { return ends_with_domain(bare, s); })) {
            r.flags.push_back({"shortened_link",
                               {"Le lien est raccourci : on ne voit pas où il mène. N'ouvrez pas un lien reçu par message ; tapez vous-même l'adresse du site officiel.",
                                "The link is shortened: you cannot see where it leads. Do not open a link received in a message; type the official site's address yourself."},
                               host});
            found.push_back("shortened_link");
            continue;
        }
        const bool lure = std::any_of(lure_words.begin(), lure_words.end(), [&](std::string_view w) { return bare.find(w) != std::string::npos; });
        if (lure) {
            r.flags.push_back({"lookalike_domain",
                               {"Le lien imite un site officiel mais n'en est pas un : l'adresse de l'Assurance Maladie se termine par ameli.fr, celle des services publics par gouv.fr.",
                                "The link imitates an official site but is not one: the Assurance Maladie's address ends in ameli.fr, public services' in gouv.fr."},
                               host});
            found.push_back("lookalike_domain");
        } else {
            r.flags.push_back({"unofficial_link",
                               {"Le message contient un lien vers un site qui n'est pas un site officiel connu. N'y saisissez rien ; passez par l'adresse que vous connaissez.",
                                "The message links to a site that is not a known official site. Enter nothing there; use the address you already know."},
                               host});
            found.push_back("unofficial_link");
        }
    }
    const std::vector<std::string> numbers = find_phone_numbers(message);
    if (!numbers.empty()) {
        r.flags.push_back({"callback_number",
                           {"Le message donne un numéro de téléphone : ne l'appelez pas ; utilisez le numéro figurant sur votre carte ou le 3646 (Assurance Maladie).",
                            "The message gives a phone number: do not call it; use the number on your card or 3646 (Assurance Maladie)."},
                           numbers[0]});
        found.push_back("callback_number");
    }

    const bool lure_channel = has("unofficial_link") || has("lookalike_domain") || has("shortened_link") || has("callback_number") || has("asks_to_call_back");
    const bool pretext = has("claims_health_body") || has("money_bait") || has("new_card_or_fee") || has("urgency") || has("quotes_your_details");
    if ((has("asks_bank_or_codes") && (pretext || lure_channel)) || has("lookalike_domain") || (lure_channel && pretext)) r.risk = "high";
    else if (has("asks_bank_or_codes") || lure_channel || has("money_bait") || has("new_card_or_fee") ||
             (has("urgency") && has("claims_health_body"))) {
        r.risk = "medium";
    }
    else r.risk = "low";
    return r;
}

std::string scan_json(std::string_view message, Lang lang, const Dataset* ds) {
    const ScamReport r = scan_message(message, ds);
    JsonWriter w;
    w.begin_object().field("ok", true).field("risk", r.risk).key("flags").begin_array();
    for (const ScamFlag& f : r.flags) w.begin_object().field("id", f.id).field("text", f.text.get(lang)).field("detail", text::to_display(f.detail, 300)).end_object();
    w.end_array();
    const bool en = lang == Lang::en;
    std::string advice;
    if (r.risk == "high") {
        advice = en ? "This message has the marks of the scams that followed the leak. Do not click, do not call back, give nothing. Forward a scam SMS to 33700, report e-mails on signal-spam.fr; if you gave bank details, call your bank now."
                    : "Ce message a les caractéristiques des arnaques qui ont suivi la fuite. Ne cliquez pas, ne rappelez pas, ne donnez rien. Transférez un SMS frauduleux au 33700, signalez un e-mail sur signal-spam.fr ; si vous avez donné vos coordonnées bancaires, appelez votre banque tout de suite.";
    } else if (r.risk == "medium") {
        advice = en ? "Some signs call for caution. Check by contacting the sender yourself, through the contact details you already know (your card, your member area, 3646)."
                    : "Certains signes appellent à la prudence. Vérifiez en contactant vous-même l'expéditeur, par les coordonnées que vous connaissez déjà (votre carte, votre espace adhérent, le 3646).";
    } else {
        advice = en ? "No known pattern was found, which does not make the message safe: this check only knows some patterns. When in doubt, contact the sender through the details you already know."
                    : "Aucun signe connu n'a été trouvé, ce qui ne veut pas dire que le message est sûr : cette vérification ne connaît que certains procédés. Dans le doute, contactez l'expéditeur par les coordonnées que vous connaissez déjà.";
    }
    w.field("advice", advice).field("truncated", message.size() > max_message_bytes).end_object();
    return w.take();
}

}  // namespace breachcheck
