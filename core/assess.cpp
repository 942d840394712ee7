// Where every verdict is decided. Rules, in order of precedence for one incident:
//  1. a health professional gets the professionals' exposure (role pro);
//  2. someone who joined after the attack is not_affected (the file was collected before);
//  3. each statement (scope) about the organization gives a verdict from its best source —
//     own statement → affected, press → likely, weak → possible; uncertain or indirect scopes
//     are capped at possible; outside a restricted scope the dataset's "outside" verdict
//     applies; an unanswered restriction (network, contract) gives possible; several scopes:
//     the most severe wins;
//  4. still unknown (no statement, or outside a statement that leaves it open): raised to
//     possible by a care network linked to the operator;
//  5. a card naming the operator raises the verdict to at least likely; a card without it
//     rules nothing out.
// not_affected therefore only ever comes from a source that says so (rules 2 and 3).
#include "assess.hpp"

#include <algorithm>
#include <array>

#include "text.hpp"

namespace breachcheck {

std::string_view to_string(Card c) {
    switch (c) {
        case Card::viamedis: return "viamedis";
        case Card::almerys: return "almerys";
        case Card::other: return "other";
        case Card::none: return "none";
        case Card::unknown: return "unknown";
    }
    return "unknown";
}

std::string_view to_string(Covered c) {
    switch (c) {
        case Covered::jan2024: return "jan2024";
        case Covered::before2024: return "before2024";
        case Covered::after2024: return "after2024";
        case Covered::unknown: return "unknown";
    }
    return "unknown";
}

bool parse_card(std::string_view s, Card& out) {
    for (Card c : {Card::viamedis, Card::almerys, Card::other, Card::none, Card::unknown}) {
        if (to_string(c) == s) { out = c; return true; }
    }
    return false;
}

bool parse_covered(std::string_view s, Covered& out) {
    for (Covered c : {Covered::jan2024, Covered::before2024, Covered::after2024, Covered::unknown}) {
        if (to_string(c) == s) { out = c; return true; }
    }
    return false;
}

bool contract_matches(const std::string& contract, const std::string& listed) {
    const std::string a = text::fold(contract);
    const std::string b = text::fold(listed);
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    const std::string pa = " " + a + " ";
    const std::string pb = " " + b + " ";
    if (pa.find(pb) != std::string::npos || pb.find(pa) != std::string::npos) return true;
    // "Protec Territoriale" and "ProtecTerritoriale" name the same contract.
    std::string sa, sb;
    for (char c : a) if (c != ' ') sa.push_back(c);
    for (char c : b) if (c != ' ') sb.push_back(c);
    if (sa == sb) return true;
    return sb.size() >= 8 && text::edit_distance(sa, sb, 2) <= 2;
}

namespace {

LocalText say(std::string fr, std::string en) { return LocalText{std::move(fr), std::move(en)}; }

LocalText with(const LocalText& t, const std::string& key, const std::string& value) {
    LocalText out = t;
    for (std::string* s : {&out.fr, &out.en}) {
        for (std::size_t at = s->find(key); at != std::string::npos; at = s->find(key, at + value.size())) {
            s->replace(at, key.size(), value);
        }
    }
    return out;
}

std::string operator_name(const Incident& inc) { return inc.operator_id == "almerys" ? "Almerys" : "Viamedis"; }

Confidence best_confidence(const Dataset& ds, const SourceRefs& refs) {
    Confidence best = Confidence::weak;
    for (std::size_t k : refs) best = std::max(best, ds.sources[k].confidence);
    return best;
}

Verdict from_confidence(Confidence c) {
    switch (c) {
        case Confidence::own_statement: return Verdict::affected;
        case Confidence::press: return Verdict::likely;
        case Confidence::weak: return Verdict::possible;
    }
    return Verdict::possible;
}

struct ScopeEval {
    Verdict verdict = Verdict::unknown;
    std::vector<Reason> reasons;
    const ClassList* extra = nullptr;
};

ScopeEval eval_scope(const Dataset& ds, const Scope& s, const Answers& a) {
    ScopeEval out;
    const Confidence best = best_confidence(ds, s.sources);
    out.reasons.push_back({s.text, s.sources});
    if (s.status == ScopeStatus::not_concerned) {
        if (best == Confidence::weak) {
            out.verdict = Verdict::unknown;
            out.reasons.push_back({say("Cette indication ne vient que d'une source peu fiable : elle ne suffit pas à vous rassurer.",
                                       "This only comes from a weak source: it is not enough to rule you out."), {}});
        } else {
            out.verdict = Verdict::not_affected;
        }
        return out;
    }
    Verdict base = from_confidence(best);
    if (s.uncertain) {
        base = std::min(base, Verdict::possible);
        out.reasons.push_back({say("Les sources laissent un doute sur ce point : seule votre complémentaire peut confirmer.",
                                   "The sources leave doubt on this point: only your insurer can confirm."), {}});
    }
    if (s.status == ScopeStatus::indirect) base = std::min(base, Verdict::possible);
    if (s.has_coverage) out.reasons.push_back({s.coverage.text, s.coverage.sources});

    bool outside = false;
    bool open = false;
    if (!s.networks.empty()) {
        if (a.network == "unknown") {
            open = true;
            out.reasons.push_back({say("La réponse dépend du réseau de soins de votre contrat.",
                                       "The answer depends on your contract's care network."), {}});
        } else if (std::find(s.networks.begin(), s.networks.end(), a.network) == s.networks.end()) {
            outside = true;
        }
    }
    if (!s.contracts.empty()) {
        const bool named = std::any_of(s.contracts.begin(), s.contracts.end(),
                                       [&](const std::string& c) { return contract_matches(a.contract, c); });
        if (text::fold(a.contract).empty()) {
            open = true;
            out.reasons.push_back({say("La réponse dépend de votre contrat : seuls certains contrats sont concernés.",
                                       "The answer depends on your contract: only some contracts are concerned."), {}});
        } else if (!named) {
            outside = true;
        }
    }
    if (outside) {
        const bool strong = best_confidence(ds, s.outside.sources) != Confidence::weak && !s.outside.sources.empty();
        out.verdict = s.outside.verdict == Verdict::not_affected && strong ? Verdict::not_affected : Verdict::unknown;
        out.reasons.push_back({s.outside.text, s.outside.sources});
        return out;
    }
    out.verdict = open ? std::min(base, Verdict::possible) : base;
    if (!s.extra_exposed.classes.empty()) out.extra = &s.extra_exposed;
    return out;
}

void add_unique(std::vector<std::string>& list, const std::string& v) {
    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
}

IncidentResult assess_pro(const Incident& inc, const Answers& a) {
    IncidentResult r;
    r.incident = &inc;
    const Card own = inc.operator_id == "almerys" ? Card::almerys : Card::viamedis;
    if (a.card == own) {
        r.verdict = Verdict::likely;
        r.reasons.push_back({with(say("Vous indiquez travailler avec {op}.", "You say you work with {op}."), "{op}", operator_name(inc)), {}});
    } else if (a.card == Card::unknown) {
        r.verdict = Verdict::possible;
        r.reasons.push_back({with(say("Si vous aviez un compte sur le portail de {op}, vos données professionnelles ont pu être exposées.",
                                      "If you had an account on the {op} portal, your professional data may have been exposed."),
                                  "{op}", operator_name(inc)), {}});
    } else {
        r.verdict = Verdict::unknown;
        r.reasons.push_back({with(say("Vous n'indiquez pas travailler avec {op} ; en cas de doute, appelez l'opérateur.",
                                      "You do not say you work with {op}; if in doubt, call the operator."),
                                  "{op}", operator_name(inc)), {}});
    }
    r.reasons.push_back({inc.pro.text, inc.pro.sources});
    r.exposed = inc.pro.exposed.classes;
    return r;
}

IncidentResult assess_incident(const Dataset& ds, std::size_t index, const Answers& a) {
    const Incident& inc = ds.incidents[index];
    if (a.role == Role::pro) return assess_pro(inc, a);
    IncidentResult r;
    r.incident = &inc;
    const std::string org_name = a.org ? a.org->name : std::string();
    std::vector<const Scope*> scopes;
    if (a.org) {
        for (const Scope& s : a.org->scopes) {
            if (s.incident == index) scopes.push_back(&s);
        }
    }

    if (a.covered == Covered::after2024) {
        r.verdict = Verdict::not_affected;
        r.reasons.push_back({say("Vous avez adhéré après l'attaque : le fichier copié à ce moment-là ne pouvait pas contenir cette adhésion. Si vous aviez une autre complémentaire avant, vérifiez-la aussi.",
                                 "You joined after the attack: the file copied then could not contain this membership. If you had another insurer before, check that one too."),
                             {}});
        r.reasons.push_back({inc.attack_window.text, inc.attack_window.sources});
        for (const Scope* s : scopes) {
            if (s->has_coverage) r.reasons.push_back({s->coverage.text, s->coverage.sources});
        }
        r.not_exposed = inc.not_exposed.classes;
        return r;
    }

    std::vector<std::string> extra;
    if (scopes.empty()) {
        r.verdict = Verdict::unknown;
        if (a.org) {
            r.reasons.push_back({with(with(say("Aucune déclaration publique trouvée sur le lien entre {org} et {op} : cela ne veut pas dire que vous n'êtes pas concerné.",
                                               "No public statement found on a link between {org} and {op}: this does not mean you are not concerned."),
                                           "{org}", org_name), "{op}", operator_name(inc)), {}});
            if (a.org->has_note) r.reasons.push_back({a.org->note, {}});
        } else {
            r.reasons.push_back({say("Sans le nom de votre complémentaire, seule votre carte de tiers payant peut donner un indice.",
                                     "Without your insurer's name, only your third-party payment card can give a hint."), {}});
        }
    } else {
        bool first = true;
        for (const Scope* s : scopes) {
            ScopeEval e = eval_scope(ds, *s, a);
            r.verdict = first ? e.verdict : std::max(r.verdict, e.verdict);
            first = false;
            r.reasons.insert(r.reasons.end(), e.reasons.begin(), e.reasons.end());
            if (e.extra && e.verdict != Verdict::not_affected) {
                for (const std::string& c : e.extra->classes) add_unique(extra, c);
                r.reasons.push_back({say("Votre complémentaire indique aussi d'autres données exposées, ajoutées à la liste des données exposées.",
                                         "Your insurer also lists further exposed data, added to the list of exposed data."), e.extra->sources});
            }
        }
    }

    if (ds.overlay.present && a.org == &ds.organizations[ds.overlay.organization]) {
        for (const OverlayNote& note : ds.overlay.notes) {
            if (note.incident == index) r.reasons.push_back({note.text, note.sources});
        }
    }

    if (r.verdict == Verdict::unknown) {
        if (const Network* n = ds.find_network(a.network)) {
            for (const NetworkLink& link : n->links) {
                if (link.incident != index) continue;
                if (link.kind != "note") r.verdict = Verdict::possible;
                r.reasons.push_back({link.text, link.sources});
            }
        }
    }

    const Card own = inc.operator_id == "almerys" ? Card::almerys : Card::viamedis;
    if (a.card == own) {
        r.verdict = std::max(r.verdict, Verdict::likely);
        r.reasons.push_back({inc.card_evidence.text, inc.card_evidence.sources});
    } else if ((a.card == Card::other || a.card == Card::none) && r.verdict == Verdict::unknown) {
        r.reasons.push_back({with(say("Votre carte ne nomme pas {op}, mais cela n'exclut rien : une carte peut ne porter que le logo de la complémentaire, et une carte récente peut nommer un nouvel opérateur.",
                                      "Your card does not name {op}, but that rules nothing out: a card may carry only the insurer's logo, and a recent card may name a new operator."),
                                  "{op}", operator_name(inc)), {}});
        for (const Fact& f : inc.facts) {
            if (f.kind == "card") r.reasons.push_back({f.text, f.sources});
        }
    }

    if (r.verdict != Verdict::not_affected) {
        r.exposed = inc.exposed.classes;
        for (const std::string& c : extra) add_unique(r.exposed, c);
    }
    for (const std::string& c : inc.not_exposed.classes) {
        if (std::find(r.exposed.begin(), r.exposed.end(), c) == r.exposed.end()) r.not_exposed.push_back(c);
    }
    return r;
}

std::vector<IncidentResult> assess_incidents(const Dataset& ds, const Answers& a) {
    std::vector<IncidentResult> out;
    for (std::size_t i = 0; i < ds.incidents.size(); ++i) out.push_back(assess_incident(ds, i, a));
    return out;
}

bool same_verdicts(const std::vector<IncidentResult>& a, const std::vector<IncidentResult>& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].verdict != b[i].verdict) return false;
    }
    return true;
}

// A question is worth asking when one of its possible answers changes a verdict.
std::vector<const Question*> useful_questions(const Dataset& ds, const Answers& a, const std::vector<IncidentResult>& now) {
    std::vector<const Question*> out;
    auto changes = [&](auto&& set_answer, const auto& alternatives) {
        for (const auto& alt : alternatives) {
            Answers b = a;
            set_answer(b, alt);
            if (!same_verdicts(assess_incidents(ds, b), now)) return true;
        }
        return false;
    };
    auto ask = [&](const char* id) {
        if (const Question* q = ds.find_question(id)) out.push_back(q);
    };
    if (a.card == Card::unknown &&
        changes([](Answers& b, Card c) { b.card = c; }, std::array<Card, 4>{Card::viamedis, Card::almerys, Card::other, Card::none})) {
        ask("card");
    }
    if (a.role == Role::pro) return out;
    if (a.covered == Covered::unknown &&
        changes([](Answers& b, Covered c) { b.covered = c; },
                std::array<Covered, 3>{Covered::jan2024, Covered::before2024, Covered::after2024})) {
        ask("covered");
    }
    if (a.network == "unknown") {
        std::vector<std::string> alternatives(network_ids.begin(), network_ids.end() - 1);
        if (changes([](Answers& b, const std::string& n) { b.network = n; }, alternatives)) ask("network");
    }
    if (a.org && text::fold(a.contract).empty()) {
        std::vector<std::string> alternatives = {"?"};  // "?" folds to nothing listed: another contract
        for (const Scope& s : a.org->scopes) alternatives.insert(alternatives.end(), s.contracts.begin(), s.contracts.end());
        if (alternatives.size() > 1 && changes([](Answers& b, const std::string& c) { b.contract = c; }, alternatives)) ask("contract");
    }
    return out;
}

std::vector<const Action*> select_actions(const Dataset& ds, const Answers& a, Verdict overall,
                                          const std::vector<IncidentResult>& incidents) {
    std::vector<std::string> exposed;
    for (const IncidentResult& r : incidents) {
        if (r.verdict == Verdict::not_affected) continue;
        for (const std::string& c : r.exposed) add_unique(exposed, c);
    }
    const std::string role = a.role == Role::pro ? "pro" : "insured";
    std::vector<const Action*> out;
    for (const Action& action : ds.actions) {
        if (!action.verdicts.empty() && std::find(action.verdicts.begin(), action.verdicts.end(), overall) == action.verdicts.end()) continue;
        if (!action.roles.empty() && std::find(action.roles.begin(), action.roles.end(), role) == action.roles.end()) continue;
        if (!action.classes_any.empty() &&
            std::none_of(action.classes_any.begin(), action.classes_any.end(), [&](const std::string& c) {
                return std::find(exposed.begin(), exposed.end(), c) != exposed.end();
            })) {
            continue;
        }
        out.push_back(&action);
    }
    std::stable_sort(out.begin(), out.end(), [](const Action* x, const Action* y) {
        if (x->priority != y->priority) return x->priority < y->priority;
        return x->id < y->id;
    });
    return out;
}

}  // namespace

Assessment assess(const Dataset& ds, const Answers& answers) {
    Assessment out;
    out.incidents = assess_incidents(ds, answers);
    out.overall = Verdict::not_affected;
    for (const IncidentResult& r : out.incidents) out.overall = std::max(out.overall, r.verdict);
    if (out.incidents.empty()) out.overall = Verdict::unknown;
    out.questions = useful_questions(ds, answers, out.incidents);
    out.actions = select_actions(ds, answers, out.overall, out.incidents);
    return out;
}

}  // namespace breachcheck
