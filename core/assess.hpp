// Assessment: from one person's answers to a verdict per incident, with sourced reasons, what
// leaked for them, the questions that could still change the verdict (most decisive first) and
// the plan. Every verdict of the product is decided in assess.cpp.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dataset.hpp"

namespace breachcheck {

struct Answers {
    const Organization* org = nullptr;  // null: no insurer chosen, or not in the dataset
    Role role = Role::insured;
    std::map<std::string, std::string> given;  // question id → option id; absent = "unknown"

    // The answer to `q` ("unknown" when not given).
    const std::string& get(const Question* q) const;
};

struct Reason {
    ReasonKind kind = ReasonKind::statement;
    LocalText text;
    SourceRefs sources;
};

struct IncidentResult {
    const Incident* incident = nullptr;
    Verdict verdict = Verdict::unknown;
    std::vector<Reason> reasons;
    std::vector<std::string> exposed;      // data class ids
    std::vector<std::string> not_exposed;  // data class ids
    // What backs a not_affected or affected verdict (the audit checks it): the organization's
    // own statement covering the person's situation, or their own answer dating them after.
    bool by_own_statement = false;
    bool by_dates = false;
    // False for an incident decided by criteria when an answer places the person outside it
    // (e.g. not in the Itélis network): listed, but not counted in the overall verdict.
    bool applies = true;
};

// One line of "what leaked for this person": a data class and the incidents it comes from.
struct ExposureItem {
    std::string id;
    std::vector<std::size_t> incidents;  // indices into Assessment::incidents
    bool partial = false;                // not common to every incident that applies
};

struct Exposure {
    std::vector<std::size_t> applies;  // incidents whose verdict is possible, likely or affected
    bool hypothetical = false;         // none applies: what would have leaked (unknown verdicts)
    std::vector<ExposureItem> exposed, not_exposed;
};

struct RankedQuestion {
    const Question* question = nullptr;
    bool changes_overall = false;  // some answer changes the overall verdict
    int outcomes = 0;              // distinct overall verdicts over its answers (with "unknown")
    int shift = 0;                 // largest change of the overall verdict's severity
};

struct Assessment {
    Verdict overall = Verdict::unknown;
    std::vector<IncidentResult> incidents;   // the assessed incidents that apply to this role
    Exposure exposure;
    std::vector<RankedQuestion> questions;   // open questions that change a verdict, most decisive first
    bool provisional = false;                // some question can still change the overall verdict
    std::vector<const Action*> first;        // at most three first steps
    std::vector<const Action*> more;         // the rest of the plan, by priority
    const Action* emergency = nullptr;       // "already clicked, paid or gave a code?"
};

inline constexpr std::size_t max_first_steps = 3;

Assessment assess(const Dataset& ds, const Answers& answers);

// The verdicts alone (no questions, no plan): what the audit and the question ranking sweep.
std::vector<IncidentResult> assess_incidents(const Dataset& ds, const Answers& answers);

// What may have leaked, merged over the incidents that apply (see Exposure).
Exposure exposure_of(const std::vector<IncidentResult>& incidents);

// Every answer `q` accepts for `org`, in the order shown: the generated ones (operators,
// networks, the organization's named contracts) then the question's own options.
std::vector<Option> answer_options(const Dataset& ds, const Question& q, const Organization* org);

// Free text typed as a contract name: the option id of the named contract it matches (equal
// after folding, or one containing the other as whole words, or a near spelling of a long
// name), else "unknown" — a name that matches nothing is not "another contract".
std::string resolve_contract(const Organization* org, const std::string& text);
bool contract_matches(const std::string& contract, const std::string& listed);

// The date rules, in days "YYYY-MM-DD" (dataset.hpp day_of): does `p` overlap [from, to]?
bool overlaps(const Period& p, const std::string& from, const std::string& to);

}  // namespace breachcheck
