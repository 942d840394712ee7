// The JSON face shared by the CLI and the wasm module: answers validation, result shape, query
// resolution, the one error shape, and hostile answers.
#include <doctest/doctest.h>

#include <string>

#include "api.hpp"
#include "helpers.hpp"
#include "json_out.hpp"
#include "text.hpp"

using namespace breachcheck;
using nlohmann::json;

TEST_CASE("check result has exactly the documented fields") {
    const json r = check(real_engine(), {{"org", "helium"}, {"lang", "en"}});
    REQUIRE(r["ok"] == true);
    for (const char* key : {"ok", "dataset", "role", "lang", "org", "overall", "words", "provisional", "answers", "incidents", "exposure",
                            "questions", "plan", "timeline", "related", "glossary", "report", "overlay", "sources"}) {
        CAPTURE(key);
        CHECK(r.contains(key));
    }
    CHECK(r.size() == 19);  // no "match" without a query, no "contract_match" without typed text
    CHECK(r["overlay"].is_null());
    CHECK(r["dataset"]["source_sha256"].get<std::string>().size() == 64);
    CHECK(r["org"]["id"] == "helium");
    CHECK(r["org"]["name"] == "Hélium");
    CHECK(r["provisional"] == true);
    const json& inc = r["incidents"][0];
    for (const char* key : {"id", "mode", "operator", "operator_name", "short_name", "name", "applies", "verdict", "verdict_label", "reasons", "exposed", "not_exposed"}) {
        CAPTURE(key);
        CHECK(inc.contains(key));
    }
    const json& reason = inc["reasons"][0];
    for (const char* key : {"kind", "text", "sources", "provenance"}) CHECK(reason.contains(key));
    // Reasons cite source ids; each source is written once, in "sources".
    const json& source = r["sources"][reason["sources"][0].get<std::string>()];
    for (const char* key : {"url", "publisher", "date", "accessed", "confidence", "title", "provenance"}) CHECK(source.contains(key));
    const json& q = r["questions"][0];
    for (const char* key : {"id", "kind", "text", "help", "options", "changes_overall", "outcomes"}) CHECK(q.contains(key));
    const json& a = r["plan"]["first"][0];
    for (const char* key : {"id", "tier", "title", "text", "why", "points", "links", "sources", "provenance"}) CHECK(a.contains(key));
    CHECK(a["provenance"] == "public");
    CHECK(r["plan"]["first"].size() <= max_first_steps);
    CHECK(r["plan"]["emergency"]["id"] == "already-clicked");
    CHECK(inc["name"].get<std::string>().find("cyberattack") != std::string::npos);  // English texts
    CHECK(r["words"]["headline"] == "Possibly affected");
    CHECK(r["related"].size() >= 4);  // the other leaks are listed for everyone
    // The correction report carries ids only, never anything typed.
    const std::string body = r["report"]["body"];
    CHECK(body.find("organization: helium") != std::string::npos);
}

TEST_CASE("a query picks only a confident, unambiguous match, and says so") {
    const json r = check(real_engine(), {{"query", "malakof humanis"}});
    CHECK(r["org"]["id"] == "malakoff-humanis");
    CHECK(r["match"]["query"] == "malakof humanis");
    CHECK(r["match"]["kind"] == "organization");
    CHECK(r["match"]["ambiguous"] == false);
    const json none = check(real_engine(), {{"query", "zzzz qqqq"}});
    CHECK(none["org"].is_null());
    CHECK(none["match"]["kind"].is_null());
    CHECK(none["match"]["candidates"].empty());
    CHECK(none["overall"] == "unknown");
    bool card_asked = false;
    for (const json& q : none["questions"]) card_asked = card_asked || q["id"] == "card";
    CHECK(card_asked);  // a query matching nothing is not an error: the card question remains
    const json dk = check(real_engine(), {{"query", "Je ne sais pas"}});
    CHECK(dk["match"]["dont_know"] == true);
    CHECK(dk["org"].is_null());
    const json gen = check(real_engine(), {{"query", "mutuelle generale"}});
    CHECK(gen["org"].is_null());
    CHECK(gen["match"]["ambiguous"] == true);
    bool lmg = false, mgp = false;
    for (const json& c : gen["match"]["candidates"]) {
        lmg = lmg || c["id"] == "la-mutuelle-generale";
        mgp = mgp || c["id"] == "mgp";
    }
    CHECK((lmg && mgp));
}

TEST_CASE("invalid answers are errors in the one shape, with a code, never a wrong answer") {
    const Engine& e = real_engine();
    const std::vector<std::pair<std::string, std::string>> table = {
        {"[]", "invalid_answers"},
        {"\"helium\"", "invalid_answers"},
        {"{\"org\": 42}", "invalid_answers"},
        {"{\"org\": \"nope\"}", "unknown_org"},
        {"{\"network\": \"oxantis\"}", "invalid_answers"},
        {"{\"card\": \"VIAMEDIS\"}", "invalid_answers"},
        {"{\"covered\": \"2023\"}", "invalid_answers"},
        {"{\"role\": \"admin\"}", "invalid_answers"},
        {"{\"lang\": \"de\"}", "invalid_answers"},
        {"{\"nir\": \"1 84 12 75 123 456 78\"}", "invalid_answers"},  // the engine never takes identifiers
        {"{\"org\": \"helium\", \"org\": \"mgen\"}", "invalid_answers"},
        {"{\"org\": {\"id\": \"helium\"}}", "invalid_answers"},
        {"{\"org\": \"helium\"} x", "invalid_answers"},
        {"{\"org\": \"\\ud800\"}", "invalid_answers"},
        {std::string(Engine::max_answers_bytes + 1, ' '), "input_too_large"},
    };
    for (const auto& [answers, code] : table) {
        CAPTURE(answers.substr(0, 80));
        const json r = json::parse(e.check(answers));
        CHECK(r["ok"] == false);
        CHECK(r.size() == 2);
        CHECK(r["error"]["code"] == code);
        CHECK_FALSE(r["error"]["message"].get<std::string>().empty());
    }
    // and the engine still answers afterwards
    CHECK(check(e, {{"org", "helium"}})["org"]["id"] == "helium");
}

TEST_CASE("hostile free text: invalid UTF-8, markup, bidi controls, megabytes") {
    const Engine& e = real_engine();
    const std::string answers = std::string("{\"query\": \"h\xC3\xA9lium\xFF\", \"contract\": \"") + std::string(1 << 15, 'x') + "\"}";
    const json r = json::parse(e.check(answers));
    REQUIRE(r["ok"] == true);
    CHECK(r["match"]["query"] == "h\xC3\xA9lium\xEF\xBF\xBD");  // the bad byte became U+FFFD
    const std::string s = e.search("<script>alert(1)</script>", 5);
    CHECK(s.find('<') == std::string::npos);  // escaped as \u003c: inert even if pasted into HTML
    CHECK(json::parse(s)["results"].empty());
    CHECK(json::parse(e.search(std::string(1 << 20, 'a'), 5))["query"].get<std::string>().size() <= text::max_query_bytes);
    const json rtl = check(e, {{"query", "\u202Eenilno\u202C mgen"}});
    CHECK(rtl["match"]["query"].get<std::string>().find("\u202E") == std::string::npos);
    CHECK(text::to_valid_utf8("abc\xE2\x82", 10) == "abc\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(text::to_valid_utf8("\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9");  // never cut inside a character
}

TEST_CASE("validate reports every error with a path, in one shape") {
    const json bad = json::parse(validate_text("{\"schema_version\": 2}"));
    CHECK(bad["ok"] == true);
    CHECK(bad["valid"] == false);
    CHECK(bad["errors"].size() > 5);
    CHECK(bad["errors"][0].contains("path"));
    CHECK(json::parse(validate_text(real_dataset_text()))["valid"] == true);
}

TEST_CASE("load reports the stage that failed and its errors in one go") {
    LoadOutcome bad = load_engine("{}");
    CHECK_FALSE(bad.engine);
    CHECK(bad.stage == "dataset");
    const json err = json::parse(bad.error_json());
    CHECK(err["ok"] == false);
    CHECK(err["error"]["code"] == "invalid_dataset");
    CHECK(err["error"]["errors"].size() == bad.errors.size());
    LoadOutcome overlay = load_engine(real_dataset_text(), "{\"overlay_version\": 1}");
    CHECK(overlay.stage == "overlay");
    CHECK(json::parse(overlay.error_json())["error"]["code"] == "invalid_overlay");
    LoadOutcome image = Engine::from_image("BCIMAGE");
    CHECK(image.stage == "image");
    CHECK(json::parse(image.error_json())["error"]["code"] == "invalid_image");
}

TEST_CASE("list, info and questions: the vocabularies come from the engine") {
    const Engine& e = real_engine();
    const json l = json::parse(e.list());
    CHECK(l["organizations"].size() == e.dataset().organizations.size());
    CHECK(l["operators"].size() == e.dataset().operators.size());
    const json i = json::parse(e.info("fr"));
    CHECK(i["sha256"].get<std::string>().size() == 64);
    REQUIRE(i["verdicts"].size() == 5);
    CHECK(i["verdicts"][0]["id"] == "affected");  // severity order, strongest first
    CHECK(i["verdicts"][4]["id"] == "not_affected");
    CHECK(i["answers"]["network"][0] == e.dataset().networks[0].id);  // networks come from the dataset
    CHECK(i["limits"]["query_bytes"] == text::max_query_bytes);
    const json q = json::parse(e.questions("fr", "mutame-plus"));
    bool contract_options = false;
    for (const json& question : q["questions"]) {
        if (question["id"] == "contract") contract_options = question["options"].size() == 6;  // 4 named + other + unknown
    }
    CHECK(contract_options);
    CHECK(json::parse(e.questions("fr", "nope"))["error"]["code"] == "unknown_org");
    CHECK(json::parse(e.info("de"))["ok"] == false);
}

TEST_CASE("every error code the engine mints is in the table, documented in docs/api.md") {
    const std::string doc = read_text(std::string(BREACHCHECK_REPO) + "/docs/api.md");
    for (const ErrorCode& c : error_codes) {
        CAPTURE(std::string(c.code));
        CHECK(doc.find("`" + std::string(c.code) + "`") != std::string::npos);
    }
    CHECK(error_code("made_up") == "internal");
}

TEST_CASE("the JSON writer: escapes, numbers, nesting") {
    JsonWriter w;
    w.begin_object().field("a", "x\"y\\z\n<&>").field("n", -12).key("s").score(0.9126).key("l").begin_array().value(true).null().end_array().end_object();
    CHECK(w.str() == "{\"a\":\"x\\\"y\\\\z\\n\\u003c\\u0026\\u003e\",\"n\":-12,\"s\":0.913,\"l\":[true,null]}");
    CHECK(json::parse(w.str())["a"] == "x\"y\\z\n<&>");
    JsonWriter s;
    s.score(1.0);
    CHECK(s.str() == "1");
    JsonWriter z;
    z.score(0.05);
    CHECK(z.str() == "0.05");
    CHECK(format_int(INT64_MIN) == "-9223372036854775808");
}

TEST_CASE("the answers reader: a flat object of strings only") {
    CHECK(parse_flat_object("{}").error.empty());
    const FlatObject ok = parse_flat_object(" {\"org\" : \"h\\u00e9lium\", \"x\": null} ");
    CHECK(ok.error.empty());
    REQUIRE(ok.fields.size() == 1);
    CHECK(ok.fields[0].second == "h\xC3\xA9lium");
    CHECK(parse_flat_object("{\"a\": \"\\ud83d\\ude00\"}").fields[0].second == "\xF0\x9F\x98\x80");
    for (const char* bad : {"", "[]", "{", "{\"a\"}", "{\"a\": 1}", "{\"a\": true}", "{\"a\": \"b\",}", "{\"a\": \"\\x\"}", "{\"a\": \"\x01\"}",
                            "{\"a\": \"b\"} {}", "{\"a\": \"\\udc00\"}", "{\"a\": [\"b\"]}"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_flat_object(bad).error.empty());
    }
}
