// Every fixed vocabulary of the engine, one table per enum: the id read from the dataset and the
// answers, the order, and (for what people see) the FR/EN names. Parsing, naming, the validator's
// lists and its messages, and the engine's info() all come from these tables: adding a value is
// one edit here (the dataset-driven vocabularies, networks, operators and options, are not here).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace breachcheck {

enum class Lang { fr, en };
enum class Confidence { weak, press, own_statement };  // ordered: stronger last
// Ordered by severity: the overall verdict is the maximum over incidents.
enum class Verdict { not_affected, unknown, possible, likely, affected };
enum class ScopeStatus { current, former, indirect, not_concerned };
enum class Role { insured, pro };
enum class OrgKind { mutuelle, institution_prevoyance, assureur, courtier, gestionnaire, contrat_collectif, groupe };
// What a search result or a picked name is: an insurer, a tiers-payant operator, a care network,
// or an umbrella name (a manager, a bank group, a product) that covers several insurers.
enum class EntryKind { organization, operator_, network, umbrella };
enum class UmbrellaKind { manager, bank_group, group, product };
enum class AliasKind { alias, former_name, brand };
// assessed: a per-person verdict; informational: listed with its facts, no verdict.
enum class IncidentKind { assessed, informational };
// How an assessed incident's scope is decided: by the insurer's statements about its operator
// (and the card, the network links), or by criteria on answers only (network, care window, …).
enum class IncidentMode { insurer_operator, criteria };
enum class FactKind { timeline, vector, figure, ownership, contact, card, note };
enum class LinkKind { hosted_by_operator, partner, note };
enum class ContactKind { web, phone, email, postal };
enum class QuestionKind { card, covered, network, contract, choice };
enum class ActionTier { first, more, emergency };
// Why a reason is there (docs/api.md): the page and the audit read it, never the text.
enum class ReasonKind {
    statement,       // the organization's statement about this incident (a scope)
    outside,         // what the statement says outside its scope
    coverage,        // the statement's coverage period
    restriction,     // the verdict hangs on an answer (network, contract, period)
    uncertain,       // the sources leave doubt
    weak_not_concerned,  // a "not concerned" that cannot reassure (press or weak only)
    joined_after,    // the person's own answer: joined after the attack
    no_statement,    // nothing published for this organization
    no_insurer,      // no insurer given
    network_link,    // a care network linked to the operator
    card,            // the card names the operator
    card_other,      // the card does not name it (rules nothing out)
    picked,          // how a typed name was understood (operator, network, alias)
    pro,             // the professionals' side
    extra_classes,   // more exposed data per the organization
    overlay_note,    // the insurer's own note (embedded checker)
    criterion,       // an incident decided by criteria: one criterion and its answer
    no_own_statement // criteria incidents: nobody has published a statement
};

// The answer "I don't know", accepted by every question.
inline constexpr std::string_view answer_unknown = "unknown";

template <typename E>
struct VocabEntry {
    E value;
    std::string_view id;
};

template <typename E, std::size_t N>
using Vocab = std::array<VocabEntry<E>, N>;

extern const Vocab<Confidence, 3> confidence_vocab;
extern const Vocab<Verdict, 5> verdict_vocab;
extern const Vocab<ScopeStatus, 4> scope_status_vocab;
extern const Vocab<Role, 2> role_vocab;
extern const Vocab<OrgKind, 7> org_kind_vocab;
extern const Vocab<EntryKind, 4> entry_kind_vocab;
extern const Vocab<UmbrellaKind, 4> umbrella_kind_vocab;
extern const Vocab<AliasKind, 3> alias_kind_vocab;
extern const Vocab<IncidentKind, 2> incident_kind_vocab;
extern const Vocab<IncidentMode, 2> incident_mode_vocab;
extern const Vocab<FactKind, 7> fact_kind_vocab;
extern const Vocab<LinkKind, 3> link_kind_vocab;
extern const Vocab<ContactKind, 4> contact_kind_vocab;
extern const Vocab<QuestionKind, 5> question_kind_vocab;
extern const Vocab<ActionTier, 3> action_tier_vocab;
extern const Vocab<ReasonKind, 18> reason_kind_vocab;
extern const Vocab<Lang, 2> lang_vocab;

template <typename E, std::size_t N>
std::string_view id_of(const Vocab<E, N>& vocab, E value) {
    for (const auto& e : vocab) {
        if (e.value == value) return e.id;
    }
    return {};
}

template <typename E, std::size_t N>
bool parse_id(const Vocab<E, N>& vocab, std::string_view id, E& out) {
    for (const auto& e : vocab) {
        if (e.id == id) {
            out = e.value;
            return true;
        }
    }
    return false;
}

// "a, b or c": the list of allowed ids, for error messages.
template <typename E, std::size_t N>
std::string id_list(const Vocab<E, N>& vocab) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) out += i + 1 == N ? " or " : ", ";
        out += vocab[i].id;
    }
    return out;
}

std::string_view to_string(Verdict v);
std::string_view to_string(Confidence c);
bool parse_verdict(std::string_view s, Verdict& out);

// What people read for each verdict (the page and the CLI show these, the engine's info() lists
// them): headline, short tag and one-sentence summary.
struct VerdictWords {
    Verdict verdict;
    std::string_view headline_fr, headline_en, short_fr, short_en, summary_fr, summary_en;
};
extern const std::array<VerdictWords, 5> verdict_words;
const VerdictWords& words_for(Verdict v);

// Error codes the engine can return ({ok: false, error: {code, message, path?}}), with what each
// means (docs/api.md lists the same table; tests/node checks it).
struct ErrorCode {
    std::string_view code, meaning;
};
extern const std::array<ErrorCode, 8> error_codes;
// The code, checked against the table (an unlisted code is a programming error: "internal").
std::string_view error_code(std::string_view code);

}  // namespace breachcheck
