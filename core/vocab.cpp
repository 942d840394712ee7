// The engine's fixed vocabularies (see vocab.hpp): one table per enum.
#include "vocab.hpp"

namespace breachcheck {

const Vocab<Confidence, 3> confidence_vocab = {{{Confidence::own_statement, "own_statement"},
                                                {Confidence::press, "press"},
                                                {Confidence::weak, "weak"}}};

// In severity order, strongest first (the order info() gives the page).
const Vocab<Verdict, 5> verdict_vocab = {{{Verdict::affected, "affected"},
                                          {Verdict::likely, "likely"},
                                          {Verdict::possible, "possible"},
                                          {Verdict::unknown, "unknown"},
                                          {Verdict::not_affected, "not_affected"}}};

const Vocab<ScopeStatus, 4> scope_status_vocab = {{{ScopeStatus::current, "current"},
                                                   {ScopeStatus::former, "former"},
                                                   {ScopeStatus::indirect, "indirect"},
                                                   {ScopeStatus::not_concerned, "not_concerned"}}};

const Vocab<Role, 2> role_vocab = {{{Role::insured, "insured"}, {Role::pro, "pro"}}};

const Vocab<OrgKind, 7> org_kind_vocab = {{{OrgKind::mutuelle, "mutuelle"},
                                           {OrgKind::institution_prevoyance, "institution_prevoyance"},
                                           {OrgKind::assureur, "assureur"},
                                           {OrgKind::courtier, "courtier"},
                                           {OrgKind::gestionnaire, "gestionnaire"},
                                           {OrgKind::contrat_collectif, "contrat_collectif"},
                                           {OrgKind::groupe, "groupe"}}};

const Vocab<EntryKind, 4> entry_kind_vocab = {{{EntryKind::organization, "organization"},
                                               {EntryKind::operator_, "operator"},
                                               {EntryKind::network, "network"},
                                               {EntryKind::umbrella, "umbrella"}}};

const Vocab<UmbrellaKind, 4> umbrella_kind_vocab = {{{UmbrellaKind::manager, "manager"},
                                                     {UmbrellaKind::bank_group, "bank_group"},
                                                     {UmbrellaKind::group, "group"},
                                                     {UmbrellaKind::product, "product"}}};

const Vocab<AliasKind, 3> alias_kind_vocab = {{{AliasKind::alias, "alias"},
                                               {AliasKind::former_name, "former_name"},
                                               {AliasKind::brand, "brand"}}};

const Vocab<IncidentKind, 2> incident_kind_vocab = {{{IncidentKind::assessed, "assessed"},
                                                     {IncidentKind::informational, "informational"}}};

const Vocab<IncidentMode, 2> incident_mode_vocab = {{{IncidentMode::insurer_operator, "insurer_operator"},
                                                     {IncidentMode::criteria, "criteria"}}};

const Vocab<FactKind, 7> fact_kind_vocab = {{{FactKind::timeline, "timeline"},
                                             {FactKind::vector, "vector"},
                                             {FactKind::figure, "figure"},
                                             {FactKind::ownership, "ownership"},
                                             {FactKind::contact, "contact"},
                                             {FactKind::card, "card"},
                                             {FactKind::note, "note"}}};

const Vocab<LinkKind, 3> link_kind_vocab = {{{LinkKind::hosted_by_operator, "hosted_by_operator"},
                                             {LinkKind::partner, "partner"},
                                             {LinkKind::note, "note"}}};

const Vocab<ContactKind, 4> contact_kind_vocab = {{{ContactKind::web, "web"},
                                                   {ContactKind::phone, "phone"},
                                                   {ContactKind::email, "email"},
                                                   {ContactKind::postal, "postal"}}};

const Vocab<QuestionKind, 5> question_kind_vocab = {{{QuestionKind::card, "card"},
                                                     {QuestionKind::covered, "covered"},
                                                     {QuestionKind::network, "network"},
                                                     {QuestionKind::contract, "contract"},
                                                     {QuestionKind::choice, "choice"}}};

const Vocab<ActionTier, 3> action_tier_vocab = {{{ActionTier::first, "first"},
                                                 {ActionTier::more, "more"},
                                                 {ActionTier::emergency, "emergency"}}};

const Vocab<ReasonKind, 18> reason_kind_vocab = {{{ReasonKind::statement, "statement"},
                                                  {ReasonKind::outside, "outside"},
                                                  {ReasonKind::coverage, "coverage"},
                                                  {ReasonKind::restriction, "restriction"},
                                                  {ReasonKind::uncertain, "uncertain"},
                                                  {ReasonKind::weak_not_concerned, "weak_not_concerned"},
                                                  {ReasonKind::joined_after, "joined_after"},
                                                  {ReasonKind::no_statement, "no_statement"},
                                                  {ReasonKind::no_insurer, "no_insurer"},
                                                  {ReasonKind::network_link, "network_link"},
                                                  {ReasonKind::card, "card"},
                                                  {ReasonKind::card_other, "card_other"},
                                                  {ReasonKind::picked, "picked"},
                                                  {ReasonKind::pro, "pro"},
                                                  {ReasonKind::extra_classes, "extra_classes"},
                                                  {ReasonKind::overlay_note, "overlay_note"},
                                                  {ReasonKind::criterion, "criterion"},
                                                  {ReasonKind::no_own_statement, "no_own_statement"}}};

const Vocab<Lang, 2> lang_vocab = {{{Lang::fr, "fr"}, {Lang::en, "en"}}};

std::string_view to_string(Verdict v) { return id_of(verdict_vocab, v); }
std::string_view to_string(Confidence c) { return id_of(confidence_vocab, c); }
bool parse_verdict(std::string_view s, Verdict& out) { return parse_id(verdict_vocab, s, out); }

const std::array<VerdictWords, 5> verdict_words = {{
    {Verdict::affected,
     "Concerné d'après les informations publiées", "Affected, according to published information",
     "Concerné", "Affected",
     "Votre complémentaire dit que les personnes dans votre situation figuraient dans les fichiers piratés.",
     "Your insurer says that people in your situation were on the hacked files."},
    {Verdict::likely,
     "Probablement concerné", "Probably affected",
     "Probablement concerné", "Probably affected",
     "Pour des personnes dans votre situation, les sources disponibles relient votre complémentaire à un opérateur piraté. Seule elle peut le confirmer.",
     "For people in your situation, the available sources link your insurer to a hacked operator. Only your insurer can confirm it."},
    {Verdict::possible,
     "Peut-être concerné", "Possibly affected",
     "Peut-être concerné", "Possibly affected",
     "Vos données ont pu être exposées, mais cela dépend de détails que les informations publiques ne tranchent pas.",
     "Your data may have been exposed, but it depends on details that public information does not settle."},
    {Verdict::unknown,
     "On ne peut pas savoir avec les informations publiques", "Cannot tell from public information",
     "Inconnu", "Unknown",
     "Aucune information publique ne répond pour votre situation. Cela ne veut dire ni oui, ni non : demandez à votre complémentaire.",
     "No public information answers for your situation. This means neither yes nor no: ask your insurer."},
    {Verdict::not_affected,
     "Non concerné d'après votre complémentaire", "Not affected, according to your insurer",
     "Non concerné", "Not affected",
     "D'après la déclaration de votre complémentaire (ou d'après vos dates), les fichiers piratés ne contenaient pas les personnes dans votre situation.",
     "According to your insurer's statement (or to your dates), the hacked files did not hold people in your situation."},
}};

const VerdictWords& words_for(Verdict v) {
    for (const VerdictWords& w : verdict_words) {
        if (w.verdict == v) return w;
    }
    return verdict_words[3];
}

const std::array<ErrorCode, 8> error_codes = {{
    {"invalid_dataset", "the dataset (JSON or image) does not pass validation; errors[] gives each path and message"},
    {"invalid_overlay", "the insurer's overlay does not pass validation against the dataset; errors[] gives paths inside the overlay"},
    {"invalid_image", "the compact dataset image is truncated, altered or of another version"},
    {"invalid_answers", "an answer is missing its expected type or value; the message names it"},
    {"unknown_org", "no organization, operator, network or umbrella has this id"},
    {"org_locked", "this embedded checker answers for its insurer only"},
    {"input_too_large", "the answers document is larger than the engine accepts"},
    {"internal", "a bug in the engine: please report it"},
}};

std::string_view error_code(std::string_view code) {
    for (const ErrorCode& e : error_codes) {
        if (e.code == code) return e.code;
    }
    return "internal";
}

}  // namespace breachcheck
