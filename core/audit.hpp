// The reassurance audit: every organization (and "no insurer") × every answer of every question,
// through the same assessment the page uses, checked against the verdict rules from the
// reasons alone (not from the assessment's own flags). Run by the test command on every shipped
// dataset and overlay, and by `breachcheck audit` before a dataset change is proposed.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "dataset.hpp"

namespace breachcheck {

struct AuditProblem {
    std::string org, incident, answers, rule;  // answers: "card=viamedis covered=… …"
};

struct AuditReport {
    std::size_t checks = 0;        // answer combinations assessed
    std::size_t organizations = 0;
    std::array<std::size_t, 5> overall{};                    // per Verdict (enum order)
    std::map<std::string, std::array<std::size_t, 5>> per_incident;
    std::vector<AuditProblem> problems;  // the first ones found (capped)
    std::size_t problem_count = 0;
};

AuditReport audit(const Dataset& ds);

// {ok, checks, organizations, overall: {verdict: n}, incidents: {id: {verdict: n}}, problems: [...]}
std::string audit_json(const AuditReport& r);
std::string audit_text(const AuditReport& r);

}  // namespace breachcheck
