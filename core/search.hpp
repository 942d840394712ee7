// Ranked suggestions for free text: insurers, and the operators, care networks and umbrella
// names people read on their card; typos, missing accents, abbreviations, AMC numbers, words
// joined or split ("grassavoye", "mg tic").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"

namespace breachcheck {

struct Suggestion {
    EntryKind kind = EntryKind::organization;
    std::size_t entry = 0;             // index in the dataset list of that kind
    const Organization* org = nullptr;  // kind organization: the organization
    std::string id, name;
    std::string alias;  // the name or alias (or AMC number) that matched best
    const Alias* alias_info = nullptr;  // the alias record, when an alias matched
    double score = 0;   // (0, 1]; 1 = exact match of a name, alias or AMC number
    // Tie-breakers between suggestions shown with the same score (see SearchIndex::search):
    std::size_t words = 0;      // query words that found a match in `alias`
    std::size_t agreement = 0;  // letters typed that agree with the start of the matched words
    bool context = false;       // found through the organization's detail, not a name or alias
};

// Everything about the names that does not depend on the query is computed once per dataset:
// folded tokens and their weights, the distinct terms (a token, or two adjacent tokens joined)
// with a letter mask for cheap rejection, and for each term the names that contain it. A search
// then compares each query word with the distinct terms only once, and scores only the names
// that contain a matching term.
class SearchIndex {
public:
    explicit SearchIndex(const Dataset& ds);

    // Suggestions with score >= min_score, best first: by score as shown (3 decimals), then more
    // query words matched, then more agreeing letters, then name, then id. Deterministic; the first
    // result does not depend on `limit`.
    std::vector<Suggestion> search(std::string_view query, std::size_t limit) const;

    static constexpr double min_score = 0.45;

    struct Term {
        std::uint32_t offset = 0, length = 0;  // text: pool_[offset, offset + length)
        std::uint32_t first = 0;               // for a pair: length of its first token
        bool pair = false;                     // two adjacent tokens of a name, joined
        std::uint64_t mask = 0;                // one bit per letter/digit present
    };
    struct Entry {
        EntryKind kind = EntryKind::organization;
        std::uint32_t org = 0;    // index in the dataset list of `kind` (organizations, operators…)
        std::uint32_t alias = 0;  // 0 = the entry's name, k = its alias k - 1
        // An organization's name followed by its detail ("AMAE contrats santé assurés par Malakoff
        // Humanis"): lets "amae malakoff" find AMAE, scored below a name or alias (context_weight)
        // and never a rival of another entry's name (Suggestion::context).
        bool context = false;
        std::string folded;
        std::vector<std::uint32_t> terms;  // term of each token, then of each adjacent pair
        std::vector<double> weights;       // weight of each token
        double total_weight = 0;
        std::size_t tokens() const { return weights.size(); }
    };

private:
    const Dataset* ds_;
    std::vector<Entry> entries_;
    // Terms in scan order: single tokens sorted by text (ids [0, singles_)), then pairs sorted by
    // text; their texts are contiguous in pool_, in the same order, so that a scan reads memory
    // sequentially.
    std::vector<Term> terms_;
    std::uint32_t singles_ = 0;
    std::string pool_;
    std::string_view text(const Term& t) const { return std::string_view(pool_).substr(t.offset, t.length); }
    std::vector<std::uint32_t> posting_start_;  // entries containing term t:
    std::vector<std::uint32_t> postings_;       // postings_[posting_start_[t] .. posting_start_[t+1])

    std::uint32_t slot(EntryKind kind, std::uint32_t index) const;  // one number per entry, all kinds
    const std::string& alias_text(const Entry& e) const;
    const Alias* alias_of(const Entry& e) const;
    const std::string& name_of(EntryKind kind, std::uint32_t index) const;
    const std::string& id_of_entry(EntryKind kind, std::uint32_t index) const;
    std::uint32_t base_[4] = {0, 0, 0, 0};  // first slot of each kind
    std::uint32_t slots_ = 0;
};

}  // namespace breachcheck
