// Regression tests for what the fuzzers of tests/fuzz found: one test per bug, named after what
// broke, on the saved reproducer (tests/fuzz/regressions/<target>/<name>, which the fuzz tests
// also replay through their fuzzer).
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "helpers.hpp"
#include "image.hpp"
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

TEST_CASE("fuzz/dataset: a French-only dataset answers English readers in French, from its JSON as from its image") {
    // "languages": ["fr"] with an "en" text anyway: the image keeps only the French, so the JSON
    // load must too, or the page (image) and the CLI (JSON) would say different things.
    const std::string text = reproducer("dataset", "french-only-dataset-keeps-english-texts");
    const std::unique_ptr<breachcheck::Engine> json_engine = engine_from(text);
    REQUIRE(json_engine);
    breachcheck::LoadOutcome from_image = breachcheck::Engine::from_image(breachcheck::write_image(json_engine->dataset()));
    REQUIRE(from_image.engine);
    CHECK(json_engine->incidents("en") == from_image.engine->incidents("en"));
    const nlohmann::json inc = nlohmann::json::parse(json_engine->incidents("en"));
    CHECK(inc["incidents"][0]["summary"] == "Résumé");
}

TEST_CASE("fuzz/text: a display cut after dropped bidi controls never falls inside a character") {
    // Eight U+202E then "abc": the controls are dropped, so the cut text is "abc" (or its start),
    // never U+FFFD made from a control cut in two.
    const std::string s = reproducer("text", "display-cut-after-bidi-controls-shows-fffd");
    CHECK(text::to_display(s, 1000) == "abc");
    for (std::size_t n = 0; n <= 4; ++n) CHECK(text::to_display(s, n) == std::string("abc").substr(0, n));
    CHECK(text::to_display("\xE2\x80\xAE" "abc\xFF", 13) == "abc\xEF\xBF\xBD");  // a bad byte still shows as U+FFFD
}

TEST_CASE("fuzz/image: an incident decided by criteria that names an operator is refused, as its JSON is") {
    // The test fixture's image with its criteria incident (Réseau 2025) given the last operator:
    // the check answered with that operator, which no JSON dataset can say ("operator": not used
    // by an incident decided by criteria).
    const std::string bytes = reproducer("image", "criteria-incident-with-operator");
    const ImageResult r = read_image(bytes);
    CHECK_FALSE(r.dataset);
    CHECK(r.error.find("inconsistent image") != std::string::npos);
    CHECK(r.error.find("operator on an incident not decided by insurer and operator") != std::string::npos);
    // The same dataset without that operator reads, and its criteria incident names none.
    Dataset ds = real_engine().dataset();
    std::size_t criteria = 0;
    for (Incident& inc : ds.incidents) {
        if (inc.kind != IncidentKind::assessed || inc.mode != IncidentMode::criteria) continue;
        ++criteria;
        CHECK(inc.operator_index == no_index);
        inc.operator_index = 0;
    }
    REQUIRE(criteria > 0);
    CHECK_FALSE(read_image(write_image(ds)).dataset);
    CHECK(read_image(write_image(real_engine().dataset())).dataset);
}

TEST_CASE("fuzz/image: a source reference past the sources is refused, in every field that cites one") {
    // The fuzzer pointed an operator's "about" at a source past the end (the reproducer: the
    // fixture with every operator's "about" so moved): the image read (the model
    // check did not look at operators) and the check indexed past the sources. Now the reader
    // checks every source reference as it reads it; this sweep moves each field of the real
    // dataset past the end in turn, and the model check must refuse it too.
    const std::string bytes = reproducer("image", "operator-about-source-out-of-range");
    const ImageResult bad = read_image(bytes);
    CHECK_FALSE(bad.dataset);
    CHECK(bad.error.find("source index out of range") != std::string::npos);

    const Dataset& base = real_engine().dataset();
    REQUIRE(read_image(write_image(base)).dataset);
    const std::size_t past = base.sources.size();
    using Edit = std::function<bool(Dataset&)>;  // false: the dataset has no such field to move
    const auto first = [](auto& v, auto&& f) -> bool {
        for (auto& x : v) {
            if (f(x)) return true;
        }
        return false;
    };
    const auto move = [&](SourceRefs& r) {
        r.push_back(past);
        return true;
    };
    const auto add_alias = [&](auto& owners) {  // the real operators have no alias to move
        if (owners.empty()) return false;
        owners.front().aliases.push_back({"Nom de test", AliasKind::alias, {}, {past}});
        return true;
    };
    const std::vector<std::pair<std::string, Edit>> edits = {
        {"operator about", [&](Dataset& d) { return first(d.operators, [&](Operator& o) { return move(o.about.sources); }); }},
        {"operator alias", [&](Dataset& d) { return add_alias(d.operators); }},
        {"network alias", [&](Dataset& d) { return add_alias(d.networks); }},
        {"network link", [&](Dataset& d) { return first(d.networks, [&](Network& n) { return first(n.links, [&](NetworkLink& l) { return move(l.sources); }); }); }},
        {"umbrella alias", [&](Dataset& d) { return add_alias(d.umbrellas); }},
        {"umbrella about", [&](Dataset& d) { return first(d.umbrellas, [&](Umbrella& u) { return move(u.about.sources); }); }},
        {"organization alias", [&](Dataset& d) { return add_alias(d.organizations); }},
        {"organization contact", [&](Dataset& d) { return first(d.organizations, [&](Organization& o) { return first(o.contacts, [&](Contact& c) { return move(c.sources); }); }); }},
        {"scope", [&](Dataset& d) { return first(d.organizations, [&](Organization& o) { return first(o.scopes, [&](Scope& s) { return move(s.sources); }); }); }},
        {"scope coverage", [&](Dataset& d) { return first(d.organizations, [&](Organization& o) { return first(o.scopes, [&](Scope& s) { return move(s.coverage.sources); }); }); }},
        {"scope outside", [&](Dataset& d) { return first(d.organizations, [&](Organization& o) { return first(o.scopes, [&](Scope& s) { return move(s.outside.sources); }); }); }},
        {"scope extra classes", [&](Dataset& d) { return first(d.organizations, [&](Organization& o) { return first(o.scopes, [&](Scope& s) { return move(s.extra_exposed.sources); }); }); }},
        {"attack window", [&](Dataset& d) { return first(d.incidents, [&](Incident& i) { return move(i.attack_window.sources); }); }},
        {"incident fact", [&](Dataset& d) { return first(d.incidents, [&](Incident& i) { return first(i.facts, [&](Fact& f) { return move(f.sources); }); }); }},
        {"exposed classes", [&](Dataset& d) { return first(d.incidents, [&](Incident& i) { return move(i.exposed.sources); }); }},
        {"not exposed classes", [&](Dataset& d) { return first(d.incidents, [&](Incident& i) { return move(i.not_exposed.sources); }); }},
        {"card evidence", [&](Dataset& d) { return first(d.incidents, [&](Incident& i) { return !i.card_evidence.sources.empty() && move(i.card_evidence.sources); }); }},
        {"pro side", [&](Dataset& d) { return first(d.incidents, [&](Incident& i) { return i.has_pro && move(i.pro.sources); }); }},
        {"criterion", [&](Dataset& d) { return first(d.incidents, [&](Incident& i) { return first(i.criteria, [&](Criterion& c) { return move(c.sources); }); }); }},
        {"no statement", [&](Dataset& d) { return first(d.incidents, [&](Incident& i) { return !i.no_statement.sources.empty() && move(i.no_statement.sources); }); }},
        {"action", [&](Dataset& d) { return first(d.actions, [&](Action& a) { return move(a.sources); }); }},
        {"rule text", [&](Dataset& d) { return move(d.rules.begin()->second.sources); }},
    };
    for (const auto& [what, edit] : edits) {
        CAPTURE(what);
        Dataset d = base;
        REQUIRE(edit(d));
        CHECK_FALSE(check_model(d).empty());
        const ImageResult r = read_image(write_image(d));
        CHECK_FALSE(r.dataset);
        CHECK(r.error.find("source index out of range") != std::string::npos);
    }
}

TEST_CASE("fuzz/assess: an explicit \"I don't know\" answers as leaving the question out") {
    // Typing an operator's name answers the card question; a "card": "unknown" sent with it must
    // not erase that (it did: the Almerys verdict fell back to the no-card one).
    const nlohmann::json all_unknown = check(real_engine(), {{"org", "almerys"}, {"card", "unknown"}, {"covered", "unknown"},
                                                             {"contract", "unknown"}, {"network", "unknown"}, {"care_window", "unknown"}});
    const nlohmann::json left_out = check(real_engine(), {{"org", "almerys"}});
    REQUIRE(left_out["ok"] == true);
    CHECK(all_unknown["answers"] == left_out["answers"]);
    CHECK(all_unknown["incidents"] == left_out["incidents"]);
    CHECK(all_unknown["questions"] == left_out["questions"]);
}

TEST_CASE("fuzz/assess: a question whose answer takes an incident out of the person's situation is asked") {
    // Mutami, covered since 2024 only, with the dataset as the fuzzer found it (care_window's
    // "no_optical" listed as out): that answer makes the Itélis 2025 leak not apply (every
    // verdict unchanged, the overall one changes): the question must be listed.
    nlohmann::json data = real_dataset_json();
    bool patched = false;
    for (nlohmann::json& inc : data["incidents"]) {
        if (!inc.contains("criteria")) continue;
        for (nlohmann::json& cr : inc["criteria"]) {
            if (cr["question"] == "care_window") cr["out"] = {"no_optical"}, patched = true;
        }
    }
    REQUIRE(patched);
    const std::unique_ptr<breachcheck::Engine> engine = engine_from(data.dump());
    REQUIRE(engine);
    const nlohmann::json r = check(*engine, {{"org", "mutami"}, {"covered", "after2024"}});
    REQUIRE(r["ok"] == true);
    const nlohmann::json then = check(*engine, {{"org", "mutami"}, {"covered", "after2024"}, {"care_window", "no_optical"}});
    REQUIRE(then["overall"] != r["overall"]);
    bool listed = false;
    for (const nlohmann::json& q : r["questions"]) {
        if (q["id"] == "care_window") listed = q["changes_overall"] == true;
    }
    CHECK(listed);
    CHECK(r["provisional"] == true);
}

TEST_CASE("fuzz/answers: an answer given twice is refused even when the first is null") {
    const std::string answers = reproducer("answers", "duplicate-key-after-a-null-accepted");
    const nlohmann::json r = nlohmann::json::parse(real_engine().check(answers));
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == "invalid_answers");
    CHECK(nlohmann::json::parse(real_engine().check(R"({"org":"helium","org":null})"))["ok"] == false);
}

TEST_CASE("no optical care in the published periods never reassures about Itélis 2025 (press only)") {
    // Found while checking the fix above: with "no_optical" out, Mutami covered after 2024 was
    // "not affected" overall, on two press versions of which care leaked. Swept over every
    // organization and every network answer: the answer takes no one out of Itélis 2025.
    const breachcheck::Dataset& ds = real_engine().dataset();
    const std::vector<std::string> network_answers{"unknown", "itelis"};
    for (const breachcheck::Organization& org : ds.organizations) {
        for (const std::string& net : network_answers) {
            for (const char* covered : {"jan2024", "joined_early_2024", "before2024", "after2024", "unknown"}) {
                nlohmann::json answers = {{"org", org.id}, {"care_window", "no_optical"}, {"network", net}};
                if (std::string(covered) != "unknown") answers["covered"] = covered;
                const nlohmann::json r = check(real_engine(), answers);
                if (r["ok"] != true) continue;  // an answer this insurer does not offer
                CAPTURE(answers.dump());
                for (const nlohmann::json& inc : r["incidents"]) {
                    if (inc["id"] != "itelis-2025") continue;
                    CHECK(inc["applies"] == true);
                    CHECK(inc["verdict"] != "not_affected");
                }
                CHECK(r["overall"] != "not_affected");
            }
        }
    }
}
