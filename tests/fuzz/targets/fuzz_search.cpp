// Target (c): name search with arbitrary queries (what people type or paste into the search box),
// on the real dataset and the test fixture: Engine::search, the query path of Engine::check
// (how a typed name is understood) and the scam-message scanner on the same bytes.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "common.hpp"
#include "json_out.hpp"
#include "scam.hpp"

using namespace breachcheck;
using fuzz::json;

namespace {

// Every name and alias of every entry, folded, with the entry's id (names never collide).
const std::map<std::string, std::string>& names_of(const Engine& engine) {
    static std::map<const Engine*, std::map<std::string, std::string>> cache;
    const auto [it, added] = cache.try_emplace(&engine);
    if (!added) return it->second;
    std::map<std::string, std::string>& names = it->second;
    auto add = [&](const std::string& id, const std::string& name, const std::vector<Alias>& aliases) {
        names[text::fold(name)] = id;
        for (const Alias& a : aliases) names[text::fold(a.name)] = id;
    };
    const Dataset& ds = engine.dataset();
    for (const Organization& o : ds.organizations) add(o.id, o.name, o.aliases);
    for (const Operator& o : ds.operators) add(o.id, o.name, o.aliases);
    for (const Network& o : ds.networks) add(o.id, o.name, o.aliases);
    for (const Umbrella& o : ds.umbrellas) add(o.id, o.name, o.aliases);
    return names;
}

// The entry a result names, by kind: its name and aliases.
const std::string* entry_name(const Dataset& ds, const std::string& kind, const std::string& id, const std::vector<Alias>** aliases) {
    auto find = [&](const auto& list) -> const std::string* {
        for (const auto& x : list) {
            if (x.id == id) {
                *aliases = &x.aliases;
                return &x.name;
            }
        }
        return nullptr;
    };
    if (kind == "organization") return find(ds.organizations);
    if (kind == "operator") return find(ds.operators);
    if (kind == "network") return find(ds.networks);
    if (kind == "umbrella") return find(ds.umbrellas);
    return nullptr;
}

void check_search(const Engine& engine, const std::string& query) {
    const Dataset& ds = engine.dataset();
    const std::size_t entries = ds.organizations.size() + ds.operators.size() + ds.networks.size() + ds.umbrellas.size();
    const json r = fuzz::parse_output(engine.search(query, 10), "search");
    fuzz::expect_keys(r, {"ok", "query", "dont_know", "results"});
    FUZZ_CHECK(r["ok"] == true && r["query"] == text::to_display(query, text::max_query_bytes) && r["dont_know"] == text::is_dont_know(query), r);
    const json& results = fuzz::array(r, "results");
    FUZZ_CHECK(results.size() <= 10, r);
    const std::vector<Suggestion> raw10 = engine.index().search(query, 10);
    FUZZ_CHECK(raw10.size() == results.size(), r);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const json& s = results[i];
        fuzz::expect_keys(s, {"id", "kind", "name", "detail", "alias", "alias_kind", "score"});
        const std::string id = fuzz::str(s, "id"), kind = fuzz::str(s, "kind");
        const std::vector<Alias>* aliases = nullptr;
        const std::string* name = entry_name(ds, kind, id, &aliases);
        FUZZ_CHECK(name && s["name"] == *name, r);
        const Organization* org = kind == "organization" ? ds.find_org(id) : nullptr;
        FUZZ_CHECK(s["detail"] == (org ? org->detail.fr : std::string()), r);
        if (!s["alias_kind"].is_null()) {
            const bool listed = std::any_of(aliases->begin(), aliases->end(), [&](const Alias& a) {
                return a.name == s["alias"] && id_of(alias_kind_vocab, a.kind) == s["alias_kind"];
            });
            FUZZ_CHECK(listed, "alias_kind for an alias the entry does not have: " + fuzz::show(s));
        }
        FUZZ_CHECK(s["score"].is_number(), r);
        const double score = s["score"].get<double>();
        FUZZ_CHECK(score >= SearchIndex::min_score - 0.0005 && score <= 1.0, r);
        FUZZ_CHECK(score < 1.0 || raw10[i].score == 1.0, r);  // 1 only for an exact name, alias or AMC number
        for (std::size_t k = 0; k < i; ++k) FUZZ_CHECK(results[k]["id"] != s["id"], r);  // one row per entry
        FUZZ_CHECK(s["id"] == raw10[i].id && s["alias"] == fuzz::shown(raw10[i].alias), r);
        if (i > 0) {
            // Shown score, then (not shown) query words matched and agreeing letters, then name, id.
            const json& p = results[i - 1];
            const Suggestion& a = raw10[i - 1];
            const Suggestion& b = raw10[i];
            const bool by_name = p["name"].get<std::string>() < s["name"].get<std::string>() ||
                                 (p["name"] == s["name"] && p["id"].get<std::string>() < s["id"].get<std::string>());
            const bool ordered = p["score"].get<double>() > score ||
                                 (p["score"].get<double>() == score &&
                                  (a.words > b.words || (a.words == b.words && (a.agreement > b.agreement || (a.agreement == b.agreement && by_name)))));
            FUZZ_CHECK(ordered, r);
        }
    }

    // A smaller limit gives the start of the same list: the first result does not depend on it.
    const json all = fuzz::parse_output(engine.search(query, entries + 1), "search");
    for (const std::size_t limit : {std::size_t{1}, std::size_t{3}}) {
        const json some = fuzz::parse_output(engine.search(query, limit), "search");
        FUZZ_CHECK(some["results"].size() == std::min(limit, results.size()), some);
        for (std::size_t i = 0; i < some["results"].size(); ++i) FUZZ_CHECK(some["results"][i] == results[i], some);
    }
    for (std::size_t i = 0; i < results.size(); ++i) FUZZ_CHECK(all["results"][i] == results[i], all);
    FUZZ_CHECK(fuzz::parse_output(engine.search(query, 0), "search")["results"].empty());

    // An exact name or alias is found with score 1.
    if (query.size() <= text::max_query_bytes && !text::fold(query).empty()) {
        const auto& names = names_of(engine);
        const auto it = names.find(text::fold(query));
        if (it != names.end()) {
            bool exact = false;
            for (const json& s : all["results"]) exact = exact || (s["id"] == it->second && s["score"] == 1);
            FUZZ_CHECK(exact, "the exact name of " + it->second + " is not found with score 1: " + fuzz::show(all));
        }
    }
}

// check({query}): how a typed name is understood (docs/api.md, "match").
void check_query(const Engine& engine, const std::string& query) {
    JsonWriter w;  // the same writer as the engine: invalid bytes become U+FFFD
    w.begin_object().field("query", query).end_object();
    const std::string doc = w.take();
    const std::string typed = text::to_valid_utf8(query);  // what the engine reads back
    const json c = fuzz::parse_output(engine.check(doc), "check");
    FUZZ_CHECK(c["ok"] == true, c);
    fuzz::check_result(engine, c);
    FUZZ_CHECK(c.contains("match") == !typed.empty(), c);  // an empty query is no answer
    if (typed.empty()) {
        FUZZ_CHECK(c["org"].is_null(), c);
        return;
    }
    const json& m = c["match"];
    FUZZ_CHECK(m["query"] == text::to_display(typed, text::max_query_bytes) && m["dont_know"] == text::is_dont_know(typed), m);
    const bool picked = !m["kind"].is_null();
    if (m["dont_know"] == true) {
        FUZZ_CHECK(!picked && m["ambiguous"] == false && c["org"].is_null(), c);
        return;
    }
    const std::vector<Suggestion> raw = engine.index().search(typed, 6);
    if (raw.empty()) {
        FUZZ_CHECK(!picked && m["ambiguous"] == false && m["candidates"].empty() && c["org"].is_null(), c);
        return;
    }
    const Suggestion& top = raw[0];
    const std::vector<std::string> words = text::tokens(typed);
    const bool generic_only = std::all_of(words.begin(), words.end(), [](const std::string& t) { return text::is_generic(t) || t.size() == 1; });
    const bool exact = top.score == 1.0;
    // The rival is the next entry found by its own name or alias (one found through an
    // organization's detail is related, not a rival).
    const auto rival = std::find_if(raw.begin() + 1, raw.end(), [](const Suggestion& s) { return !s.context; });
    const bool exact_rival = rival != raw.end() && rival->score == 1.0;
    const bool close_rival = rival != raw.end() && rival->score >= top.score - Engine::query_pick_margin;
    bool shared_words = false;
    for (std::size_t i = 1; i < raw.size(); ++i) {
        shared_words = shared_words || (!raw[i].context && raw[i].words >= words.size() && raw[i].score >= Engine::query_pick_score);
    }
    if (picked) {
        // Picked: the best result, at 0.6 or more, not an umbrella nor generic words only, clearly
        // ahead of any rival (an exact name wins over non-exact ones), and when not exact, no other
        // entry holds every word typed.
        FUZZ_CHECK(m["id"] == top.id && m["alias"] == fuzz::shown(top.alias) && m["kind"] == id_of(entry_kind_vocab, top.kind), c);
        FUZZ_CHECK(top.score >= Engine::query_pick_score && top.kind != EntryKind::umbrella && !generic_only, c);
        FUZZ_CHECK(exact ? !exact_rival : !close_rival, "picked although a rival is close: " + fuzz::show(m));
        if (query.size() <= text::max_query_bytes) FUZZ_CHECK(exact || !shared_words, "picked although another entry holds every word: " + fuzz::show(m));
        if (top.kind == EntryKind::organization) FUZZ_CHECK(c["org"].is_object() && c["org"]["id"] == top.id, c);
        else FUZZ_CHECK(c["org"].is_null(), c);
    } else {
        FUZZ_CHECK(m["ambiguous"] == true && c["org"].is_null(), c);
        // An exact name, alone, that is neither an umbrella nor generic words, is always picked.
        FUZZ_CHECK(!(exact && !exact_rival && top.kind != EntryKind::umbrella && !generic_only), "an exact name was not picked: " + fuzz::show(m));
        if (m["umbrella"].is_null()) {
            std::vector<std::string> ids;
            for (const Suggestion& s : raw) ids.push_back(s.id);
            FUZZ_CHECK(fuzz::ids_of(m["candidates"]) == ids, m);
        } else {
            FUZZ_CHECK(m["umbrella"]["id"] == top.id && top.kind == EntryKind::umbrella, m);
        }
    }
}

void check_scan(const Engine& engine, const std::string& message) {
    const json s = fuzz::parse_output(engine.scan(message, "en"), "scan");
    fuzz::expect_keys(s, {"ok", "risk", "flags", "advice", "truncated"});
    FUZZ_CHECK(s["ok"] == true && (s["risk"] == "high" || s["risk"] == "medium" || s["risk"] == "low"), s);
    FUZZ_CHECK(s["truncated"] == (message.size() > max_message_bytes), s);
    for (const json& f : fuzz::array(s, "flags")) fuzz::expect_keys(f, {"id", "text", "detail"});
    FUZZ_CHECK(!fuzz::str(s, "advice").empty(), s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string query(reinterpret_cast<const char*>(data), size);
    check_search(fuzz::real_engine(), query);
    check_search(fuzz::fixture_engine(), query);
    // A check is the slow part (it assesses every answer of every open question): on one of the
    // two datasets, chosen by the input.
    check_query(size % 2 == 0 ? fuzz::real_engine() : fuzz::fixture_engine(), query);
    check_scan(fuzz::real_engine(), query);
    return 0;
}
