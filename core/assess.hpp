// Assessment: from one person's answers to a verdict per incident, with reasons, exposed data,
// follow-up questions and actions. Every verdict of the product is decided in assess.cpp.
#pragma once

#include <string>
#include <vector>

#include "dataset.hpp"

namespace breachcheck {

enum class Card { viamedis, almerys, other, none, unknown };
enum class Covered { jan2024, before2024, after2024, unknown };
enum class Role { insured, pro };

struct Answers {
    const Organization* org = nullptr;  // null: no insurer chosen, or not in the dataset
    std::string network = "unknown";    // one of network_ids
    Card card = Card::unknown;
    Covered covered = Covered::unknown;
    std::string contract;  // free text; empty = not answered
    Role role = Role::insured;
};

struct Reason {
    LocalText text;
    SourceRefs sources;
};

struct IncidentResult {
    const Incident* incident = nullptr;
    Verdict verdict = Verdict::unknown;
    std::vector<Reason> reasons;
    std::vector<std::string> exposed;      // data class ids
    std::vector<std::string> not_exposed;  // data class ids
};

struct Assessment {
    Verdict overall = Verdict::unknown;
    std::vector<IncidentResult> incidents;
    std::vector<const Question*> questions;  // whose answer would change a verdict
    std::vector<const Action*> actions;      // ordered by priority
};

Assessment assess(const Dataset& ds, const Answers& answers);

// True when `contract` (free text) names `listed` (a contract named in a scope): equal after
// folding, or one contains the other as whole words.
bool contract_matches(const std::string& contract, const std::string& listed);

std::string_view to_string(Card c);
std::string_view to_string(Covered c);
bool parse_card(std::string_view s, Card& out);
bool parse_covered(std::string_view s, Covered& out);

}  // namespace breachcheck
