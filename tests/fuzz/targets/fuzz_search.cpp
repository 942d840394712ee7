// Target (c): insurer search on the real dataset with arbitrary queries (what people type or
// paste into the search box), through Engine::search and the query path of Engine::check.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common.hpp"

using namespace breachcheck;
using fuzz::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Engine& engine = fuzz::real_engine();
    const std::string query(reinterpret_cast<const char*>(data), size);

    const json r = engine.search(query, 10);
    FUZZ_CHECK(fuzz::dumps_as_valid_utf8(r), dump(r));
    FUZZ_CHECK(r["query"].get<std::string>().size() <= text::max_query_bytes);
    const json& results = r["results"];
    FUZZ_CHECK(results.size() <= 10, r);
    const std::vector<Suggestion> raw10 = engine.index().search(query, 10);
    FUZZ_CHECK(raw10.size() == results.size(), r);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const json& s = results[i];
        const Organization* org = engine.dataset().find_org(s["id"].get<std::string>());
        FUZZ_CHECK(org && s["name"] == org->name, r);
        const double score = s["score"].get<double>();
        FUZZ_CHECK(score >= 0.45 && score <= 1.0, r);
        for (std::size_t k = 0; k < i; ++k) FUZZ_CHECK(results[k]["id"] != s["id"], r);  // one row per organization
        FUZZ_CHECK(s["id"] == raw10[i].org->id, r);
        if (i > 0) {
            // Shown score, then (not shown) query words matched and agreeing letters, then name, id.
            const json& p = results[i - 1];
            const Suggestion& a = raw10[i - 1];
            const Suggestion& b = raw10[i];
            const bool by_name = p["name"].get<std::string>() < s["name"].get<std::string>() ||
                                 (p["name"] == s["name"] && p["id"].get<std::string>() < s["id"].get<std::string>());
            const bool ordered = p["score"].get<double>() > score ||
                                 (p["score"].get<double>() == score &&
                                  (a.words > b.words || (a.words == b.words && (a.agreement > b.agreement ||
                                                                                (a.agreement == b.agreement && by_name)))));
            FUZZ_CHECK(ordered, r);
        }
    }

    // The best suggestion does not depend on how many were asked for.
    const json one = engine.search(query, 1);
    FUZZ_CHECK(one["results"].size() == std::min<std::size_t>(1, results.size()), r);
    if (!results.empty()) FUZZ_CHECK(one["results"][0] == results[0], one);

    // check({query}) reports that same match, and picks it only above the pick score.
    const json c = engine.check({{"query", query}});
    fuzz::check_result_invariants(engine, c);
    FUZZ_CHECK(c.contains("match") == !query.empty(), c);  // an empty query is no answer
    if (query.empty()) {
        FUZZ_CHECK(c["org"].is_null(), c);
    } else if (results.empty()) {
        FUZZ_CHECK(c["match"]["alias"].is_null() && c["org"].is_null(), c);
    } else {
        FUZZ_CHECK(c["match"]["alias"] == results[0]["alias"] && c["match"]["score"] == results[0]["score"], c);
        const bool picked = !c["org"].is_null();
        FUZZ_CHECK(!picked || c["org"]["id"] == results[0]["id"], c);
        const std::vector<Suggestion> raw = engine.index().search(query, 1);
        FUZZ_CHECK(!raw.empty() && picked == (raw[0].score >= Engine::query_pick_score), c);
    }
    return 0;
}
