// How a typed name, or an id the page passes, is understood: the entry it picks, or none and
// the candidates. A wider or ambiguous name is never guessed (docs/api.md, "match").
#pragma once

#include <string>
#include <vector>

#include "dataset.hpp"
#include "search.hpp"

namespace breachcheck {

class Engine;

// A typed name, understood: the entry it picks, or none (and then the candidates).
struct Match {
    bool used = false;
    std::string query;
    std::vector<Suggestion> results;
    int picked_at = -1;  // index in results of the entry picked, -1 = none
    const Suggestion* picked() const { return picked_at >= 0 ? &results[static_cast<std::size_t>(picked_at)] : nullptr; }
    bool ambiguous = false;
    bool dont_know = false;
    const Umbrella* umbrella = nullptr;
};

// Free text: picks an entry only when the search is confident (Engine::query_pick_score, a lead of
// query_pick_margin over any rival, not generic words only, no other entry holding every word
// typed); an umbrella name is never picked: its candidates are offered.
Match understand(const Engine& e, const std::string& query);
// An id of any kind (organization, operator, network, umbrella); an unknown id gives an unused match.
Match by_id(const Engine& e, const std::string& id);

}  // namespace breachcheck
