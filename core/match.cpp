// How a typed name or an id is understood (match.hpp).
#include "match.hpp"

#include <algorithm>

#include "api.hpp"
#include "text.hpp"

namespace breachcheck {

Match understand(const Engine& e, const std::string& query) {
    Match m;
    m.used = true;
    m.query = text::to_display(query, text::max_query_bytes);
    m.dont_know = text::is_dont_know(query);
    if (m.dont_know) return m;
    m.results = e.index().search(query, 6);
    if (m.results.empty()) return m;
    const Suggestion& top = m.results[0];
    const std::vector<std::string> words = text::tokens(query);
    const bool generic_only = std::all_of(words.begin(), words.end(), [](const std::string& w) { return text::is_generic(w) || w.size() == 1; });
    const bool exact = top.score >= 0.9995;
    // A rival is another entry found by its own name or alias (an organization found through its
    // detail, "AMAE … assurés par Malakoff Humanis", is related, not a rival of Malakoff Humanis).
    const auto rival = std::find_if(m.results.begin() + 1, m.results.end(), [](const Suggestion& s) { return !s.context; });
    const bool close_second = rival != m.results.end() && rival->score >= top.score - Engine::query_pick_margin && !(exact && rival->score < 0.9995);
    // Another entry holds every word typed too ("harmonie": Harmonie Mutuelle and Harmonie
    // Fonction Publique): only an exact name or alias settles it.
    const std::size_t typed = words.size();
    const bool shared_words = !exact && std::any_of(m.results.begin() + 1, m.results.end(), [&](const Suggestion& s) {
        return !s.context && s.words >= typed && s.score >= Engine::query_pick_score;
    });
    if (generic_only || top.score < Engine::query_pick_score || close_second || shared_words) {
        m.ambiguous = true;
        return m;
    }
    if (top.kind == EntryKind::umbrella) {
        m.ambiguous = true;
        m.umbrella = &e.dataset().umbrellas[top.entry];
        return m;
    }
    m.picked_at = 0;
    return m;
}

// The entry named by an id given as `org` (any kind: the page passes what search returned).
Match by_id(const Engine& e, const std::string& id) {
    Match m;
    const Dataset& ds = e.dataset();
    Suggestion s;
    s.id = id;
    s.score = 1;
    if (const Operator* o = ds.find_operator(id)) {
        s.kind = EntryKind::operator_;
        s.entry = static_cast<std::size_t>(o - ds.operators.data());
        s.name = s.alias = o->name;
    } else if (const Network* n = ds.find_network(id)) {
        s.kind = EntryKind::network;
        s.entry = static_cast<std::size_t>(n - ds.networks.data());
        s.name = s.alias = n->name;
    } else if (const Umbrella* u = ds.find_umbrella(id)) {
        s.kind = EntryKind::umbrella;
        s.entry = static_cast<std::size_t>(u - ds.umbrellas.data());
        s.name = s.alias = u->name;
        m.umbrella = u;
        m.ambiguous = true;
    } else {
        return m;
    }
    m.used = true;
    m.query = s.name;
    m.results.push_back(s);
    if (!m.ambiguous) m.picked_at = 0;
    return m;
}

}  // namespace breachcheck
