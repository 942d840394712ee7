// Ranked insurer suggestions for free text: typos, missing accents, abbreviations, AMC numbers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"

namespace breachcheck {

struct Suggestion {
    const Organization* org = nullptr;
    std::string alias;  // the name or alias (or AMC number) that matched best
    double score = 0;   // (0, 1]; 1 = exact match of a name, alias or AMC number
};

// Precomputed folded names of every organization; built once per dataset.
class SearchIndex {
public:
    explicit SearchIndex(const Dataset& ds);

    // Suggestions with score >= min_score, best first (ties: name, then id). Deterministic.
    std::vector<Suggestion> search(std::string_view query, std::size_t limit) const;

    static constexpr double min_score = 0.45;

private:
    struct Entry {
        std::size_t org;
        std::string alias;
        std::string folded;
        std::vector<std::string> tokens;
        std::vector<double> weights;
        double total_weight = 0;
    };
    const Dataset* ds_;
    std::vector<Entry> entries_;

    double score(const Entry& e, const std::string& folded_query, const std::vector<std::string>& q,
                 const std::vector<double>& qw, double q_total) const;
};

}  // namespace breachcheck
