// The JSON face shared by the CLI and the wasm module: answers validation, result shape, query
// resolution, and hostile answers.
#include <doctest/doctest.h>

#include <string>

#include "api.hpp"
#include "helpers.hpp"

using namespace breachcheck;
using nlohmann::json;

TEST_CASE("check result has exactly the documented fields") {
    const json r = real_engine().check({{"org", "helium"}, {"lang", "en"}});
    REQUIRE_FALSE(r.contains("error"));
    for (const char* key : {"dataset", "role", "lang", "org", "overall", "provisional", "incidents", "questions", "actions", "overlay"}) {
        CAPTURE(key);
        CHECK(r.contains(key));
    }
    CHECK(r.size() == 10);  // no "match" without a query
    CHECK(r["overlay"].is_null());
    CHECK(r["dataset"]["sha256"].get<std::string>().size() == 64);
    CHECK(r["org"] == json{{"id", "helium"}, {"name", "Hélium"}});
    CHECK(r["provisional"] == true);
    const json& inc = r["incidents"][0];
    for (const char* key : {"id", "operator", "name", "verdict", "reasons", "exposed", "not_exposed"}) CHECK(inc.contains(key));
    const json& source = inc["reasons"][0]["sources"][0];
    for (const char* key : {"id", "url", "publisher", "date", "accessed", "confidence", "title"}) CHECK(source.contains(key));
    const json& q = r["questions"][0];
    for (const char* key : {"id", "text", "help", "options"}) CHECK(q.contains(key));
    const json& a = r["actions"][0];
    for (const char* key : {"id", "title", "text", "links", "provenance"}) CHECK(a.contains(key));
    CHECK(a["provenance"] == "public");
    CHECK(inc["reasons"][0]["provenance"] == "public");
    CHECK(inc["name"].get<std::string>().find("cyberattack") != std::string::npos);  // English texts
}

TEST_CASE("a query picks the best match and says so") {
    const json r = real_engine().check({{"query", "malakof humanis"}});
    CHECK(r["org"]["id"] == "malakoff-humanis");
    CHECK(r["match"]["query"] == "malakof humanis");
    CHECK(r["match"]["score"].get<double>() >= Engine::query_pick_score);
    const json none = real_engine().check({{"query", "zzzz qqqq"}});
    CHECK(none["org"].is_null());
    CHECK(none["match"]["alias"].is_null());
    CHECK(none["overall"] == "unknown");
    bool card_asked = false;
    for (const json& q : none["questions"]) card_asked = card_asked || q["id"] == "card";
    CHECK(card_asked);  // a query matching nothing is not an error: the card question remains
}

TEST_CASE("invalid answers are errors with a code, never a wrong answer") {
    const Engine& e = real_engine();
    const std::vector<std::pair<json, std::string>> table = {
        {json::array(), "invalid_answers"},
        {json("helium"), "invalid_answers"},
        {{{"org", 42}}, "invalid_answers"},
        {{{"org", "nope"}}, "unknown_org"},
        {{{"network", "oxantis"}}, "invalid_answers"},
        {{{"card", "VIAMEDIS"}}, "invalid_answers"},
        {{{"covered", "2023"}}, "invalid_answers"},
        {{{"role", "admin"}}, "invalid_answers"},
        {{{"lang", "de"}}, "invalid_answers"},
        {{{"nir", "1 84 12 75 123 456 78"}}, "invalid_answers"},  // the engine never takes identifiers
    };
    for (const auto& [answers, code] : table) {
        CAPTURE(answers.dump());
        const json r = e.check(answers);
        REQUIRE(r.contains("error"));
        CHECK(r["error"]["code"] == code);
        CHECK_FALSE(r["error"]["message"].get<std::string>().empty());
    }
    // and the engine still answers afterwards
    CHECK(e.check({{"org", "helium"}})["org"]["id"] == "helium");
}

TEST_CASE("hostile free text: invalid UTF-8, markup, megabytes") {
    const Engine& e = real_engine();
    const json r = e.check({{"query", std::string("h\xC3\xA9lium\xFF")}, {"contract", std::string(1 << 20, 'x')}});
    REQUIRE_FALSE(r.contains("error"));
    const std::string out = dump(r);
    CHECK(out.find("\xFF") == std::string::npos);           // output is valid UTF-8
    CHECK(r["match"]["query"] == "h\xC3\xA9lium\xEF\xBF\xBD");  // the bad byte became U+FFFD
    const json s = e.search("<script>alert(1)</script>", 5);
    CHECK(s["results"].empty());
    CHECK(e.search(std::string(1 << 20, 'a'), 5)["query"].get<std::string>().size() <= 512);
    CHECK(sanitize_utf8("abc\xE2\x82", 10) == "abc\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(sanitize_utf8("\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9");  // never cut inside a character
}

TEST_CASE("validate reports every error with a path") {
    const json bad = validate("{\"schema_version\": 2}");
    CHECK(bad["valid"] == false);
    CHECK(bad["errors"].size() > 5);
    CHECK(bad["errors"][0].contains("path"));
    CHECK(validate(real_dataset_text())["valid"] == true);
}

TEST_CASE("list and info") {
    const json l = real_engine().list();
    CHECK(l["organizations"].size() == real_engine().dataset().organizations.size());
    const json i = real_engine().info();
    CHECK(i["sha256"].get<std::string>().size() == 64);
}
