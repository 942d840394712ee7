// Regression tests for what the fuzzers of tests/fuzz found: one test per bug, named after what
// broke, on the saved reproducer (tests/fuzz/regressions/<target>/<name>, which the fuzz tests
// also replay through their fuzzer).
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "text.hpp"

using namespace breachcheck;

namespace {

std::string reproducer(const std::string& target, const std::string& name) {
    return read_text(std::string(BREACHCHECK_FIXTURES) + "/../../fuzz/regressions/" + target + "/" + name);
}

// Every message and path the validator returns is valid UTF-8: it is shown in the page and in
// the terminal, and a strict JSON serialisation of it must not fail.
void check_messages_are_utf8(const std::string& text) {
    const LoadResult r = load_dataset(text);
    REQUIRE_FALSE(r.errors.empty());
    for (const ValidationError& e : r.errors) {
        CAPTURE(e.message);
        CHECK(text::is_valid_utf8(e.message));
        CHECK(text::is_valid_utf8(e.path));
    }
    CHECK_NOTHROW((void)nlohmann::json::parse(validate_text(text)).dump());  // strict: throws on invalid UTF-8
}

}  // namespace

TEST_CASE("fuzz/dataset: a byte that is not UTF-8 is not echoed raw in the invalid-JSON message") {
    // A dataset saved as Latin-1 or a binary file: the parser's message quotes the bytes it read.
    const std::string text = reproducer("dataset", "invalid-byte-echoed-in-json-error");
    REQUIRE(text == "\xFF");
    check_messages_are_utf8(text);
    const LoadResult r = load_dataset(text);
    CHECK(r.errors[0].message.rfind("invalid JSON: ", 0) == 0);
    CHECK(r.errors[0].message.find("\xEF\xBF\xBD") != std::string::npos);  // the byte became U+FFFD
    check_messages_are_utf8("{\"name\": \"Mutuelle G\xE9n\xE9rale\"}");       // Latin-1 inside a string
}

TEST_CASE("fuzz/dataset: a long unknown key is cut between characters, not inside one") {
    // 59 ASCII letters then "é": the 60-byte cut of shown() used to fall between é's two bytes.
    const std::string text = reproducer("dataset", "long-key-cut-inside-a-character");
    check_messages_are_utf8(text);
    const LoadResult r = load_dataset(text);
    bool found = false;
    for (const ValidationError& e : r.errors) {
        if (e.message.rfind("unknown field", 0) != 0) continue;
        found = true;
        CHECK(e.message == "unknown field \"" + std::string(59, 'a') + "\xC3\xA9…\"");
    }
    CHECK(found);
}

TEST_CASE("fuzz/search: results that look tied (same 3-decimal score) are ordered by what is not shown, then name, then id") {
    // "B\xF6P Snté": ten results, among them AMAE and APPA both shown with 0.545 but ranked on
    // their unrounded scores, APPA first, against the order docs/api.md gives (at the same shown
    // score: more query words matched, more agreeing letters, then name, then id).
    const std::string query = reproducer("search", "rounded-tie-not-in-name-order");
    const nlohmann::json r = nlohmann::json::parse(real_engine().search(query, 10));
    const nlohmann::json& results = r["results"];
    const std::vector<breachcheck::Suggestion> raw = real_engine().index().search(query, 10);
    REQUIRE(results.size() >= 5);
    REQUIRE(raw.size() == results.size());
    for (std::size_t i = 1; i < results.size(); ++i) {
        const nlohmann::json& p = results[i - 1];
        const nlohmann::json& s = results[i];
        CAPTURE(p.dump());
        CAPTURE(s.dump());
        CHECK(s["id"] == raw[i].id);
        CHECK(p["score"].get<double>() >= s["score"].get<double>());
        if (p["score"] == s["score"]) {
            const breachcheck::Suggestion& a = raw[i - 1];
            const breachcheck::Suggestion& b = raw[i];
            const bool by_name = p["name"].get<std::string>() < s["name"].get<std::string>() ||
                                 (p["name"] == s["name"] && p["id"].get<std::string>() < s["id"].get<std::string>());
            const bool ordered = a.words > b.words || (a.words == b.words && (a.agreement > b.agreement ||
                                                                              (a.agreement == b.agreement && by_name)));
            CHECK(ordered);
        }
    }
    // check() understands the query as search() ranks it: the same first entry, picked or first
    // among the candidates (this query is far from any name: it picks nothing).
    REQUIRE(query.find('"') == std::string::npos);
    const nlohmann::json c = nlohmann::json::parse(real_engine().check("{\"query\": \"" + query + "\"}"));
    if (c["match"]["kind"].is_null()) {
        REQUIRE_FALSE(c["match"]["candidates"].empty());
        CHECK(c["match"]["candidates"][0]["id"] == results[0]["id"]);
    } else {
        CHECK(c["match"]["id"] == results[0]["id"]);
    }
}
