// Loader/validator: the real dataset loads; every malformed dataset is rejected with the JSON
// pointer of the offending value; hostile input never crashes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "helpers.hpp"
#include "load.hpp"

using breachcheck::load_dataset;
using nlohmann::json;

namespace {

json minimal() { return json::parse(fixture_text()); }

struct Case {
    const char* name;
    const char* pointer;  // where to change the minimal dataset
    json value;           // new value; a discarded json removes the member
    const char* path;     // expected error path
    const char* message;  // expected substring of the message
};

json removed() { return json(json::value_t::discarded); }

std::string describe(const std::vector<breachcheck::ValidationError>& errors) {
    std::string out;
    for (const auto& e : errors) out += "  " + e.path + ": " + e.message + "\n";
    return out;
}

bool has_error(const std::vector<breachcheck::ValidationError>& errors, const std::string& path, const std::string& message) {
    for (const auto& e : errors) {
        if (e.path == path && e.message.find(message) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("the real dataset and the minimal fixture load") {
    auto real = load_dataset(real_dataset_text());
    INFO(describe(real.errors));
    REQUIRE(real.dataset);
    CHECK(real.dataset->sha256.size() == 64);
    auto mini = load_dataset(minimal().dump());
    INFO(describe(mini.errors));
    REQUIRE(mini.dataset);
    CHECK(mini.dataset->organizations.size() == 10);
}

TEST_CASE("each malformed dataset is rejected with the path of the offending value") {
    const std::vector<Case> cases = {
        {"schema_version as a string", "/schema_version", "2", "/schema_version", "expected an integer"},
        {"future schema version", "/schema_version", 3, "/schema_version", "unsupported schema version 3"},
        {"old schema version", "/schema_version", 1, "/schema_version", "this engine reads version 2"},
        {"schema_version as a float", "/schema_version", 1.5, "/schema_version", "expected an integer"},
        {"languages as a string", "/languages", "fr", "/languages", "expected [\"fr\", \"en\"] or [\"fr\"]"},
        {"English-only languages", "/languages", json::array({"en"}), "/languages", "expected [\"fr\", \"en\"] or [\"fr\"]"},
        {"missing source URL", "/sources/0/url", removed(), "/sources/0/url", "missing required field"},
        {"javascript: URL", "/sources/0/url", "javascript:alert(1)", "/sources/0/url", "only https://"},
        {"plain http URL", "/sources/0/url", "http://insurer.example/notice", "/sources/0/url", "only https://"},
        {"URL without host", "/sources/0/url", "https:///x", "/sources/0/url", "no host"},
        {"URL with userinfo hiding the host", "/sources/0/url", "https://ameli.fr@evil.example/login", "/sources/0/url", "user information"},
        {"URL with a bidi control", "/sources/0/url", "https://insurer.example/\u202Egpj.exe", "/sources/0/url", "bidirectional"},
        {"URL host mixing scripts", "/sources/0/url", "https://\u0430meli.fr/", "/sources/0/url", "mixing scripts"},
        {"bidi control in displayed text", "/organizations/0/name", "Mutuelle \u202Eedialcé", "/organizations/0/name", "bidirectional control character"},
        {"unknown confidence", "/sources/1/confidence", "high", "/sources/1/confidence", "invalid confidence \"high\""},
        {"impossible date", "/sources/1/date", "2024-13-01", "/sources/1/date", "invalid date"},
        {"bare year as publication date", "/sources/1/date", "2024", "/sources/1/date", "a bare year is not a publication date"},
        {"undated source without access date", "/sources/1/date", "undated", "/sources/1/accessed", "needs the date it was accessed"},
        {"duplicate source id", "/sources/1/id", "own", "/sources/1/id", "duplicate source id \"own\""},
        {"invalid id characters", "/sources/1/id", "Press Source", "/sources/1/id", "invalid id"},
        {"fact with no source", "/organizations/0/scopes/0/sources", json::array(), "/organizations/0/scopes/0/sources", "at least one source"},
        {"fact citing an unknown source", "/organizations/0/scopes/0/sources", json::array({"nope"}), "/organizations/0/scopes/0/sources/0", "unknown source id \"nope\""},
        {"fact without sources field", "/organizations/0/scopes/0/sources", removed(), "/organizations/0/scopes/0/sources", "missing required field"},
        {"duplicate organization id", "/organizations/1/id", "stated", "/organizations/1/id", "duplicate organization id \"stated\""},
        {"alias colliding with another organization", "/organizations/1/aliases", json::array({"mutuelle declaree"}), "/organizations/1/aliases/0", "collides with /organizations/0/name"},
        {"alias that is part of another name", "/organizations/1/aliases", json::array({"Déclarée"}), "/organizations/1/aliases/0", "is part of /organizations/0/name"},
        {"alias naming an umbrella", "/organizations/1/aliases", json::array({"Gestionnaire Large Presse"}), "/organizations/1/aliases/0", "names the umbrella"},
        {"alias of generic words only", "/organizations/1/aliases", json::array({"Ma Mutuelle"}), "/organizations/1/aliases/0", "only generic words"},
        {"id shared by an organization and an operator", "/organizations/1/id", "almerys", "/operators/1/id", "also the id of organization"},
        {"sourced alias without a source", "/organizations/1/aliases", json::array({json{{"name", "Ancienne Presse"}, {"kind", "former_name"}, {"text", {{"fr", "x"}, {"en", "x"}}}, {"sources", json::array()}}}), "/organizations/1/aliases/0/sources", "at least one source"},
        {"unknown incident", "/organizations/0/scopes/0/incident", "free-2024", "/organizations/0/scopes/0/incident", "unknown incident \"free-2024\""},
        {"scope on an incident decided by criteria", "/organizations/0/scopes/0/incident", "net-2025", "/organizations/0/scopes/0/incident", "decided by insurer and operator"},
        {"unknown network", "/organizations/3/scopes/0/networks", json::array({"oxantis"}), "/organizations/3/scopes/0/networks/0", "unknown network \"oxantis\""},
        {"restricted scope without outside", "/organizations/3/scopes/0/outside", removed(), "/organizations/3/scopes/0/outside", "must say what applies outside"},
        {"outside without source", "/organizations/3/scopes/0/outside/sources", json::array(), "/organizations/3/scopes/0/outside/sources", "at least one source"},
        {"not_affected outside on a press source", "/organizations/4/scopes/0/outside/sources", json::array({"press"}), "/organizations/4/scopes/0/outside/sources", "own statement"},
        {"not_affected outside on a weak source", "/organizations/4/scopes/0/outside/sources", json::array({"weak"}), "/organizations/4/scopes/0/outside/sources", "own statement"},
        {"outside on an unrestricted scope", "/organizations/0/scopes/0/outside", json{{"verdict", "unknown"}, {"text", {{"fr", "x"}, {"en", "x"}}}, {"sources", json::array({"own"})}}, "/organizations/0/scopes/0/outside", "only a scope restricted"},
        {"outside verdict affected", "/organizations/3/scopes/0/outside/verdict", "affected", "/organizations/3/scopes/0/outside/verdict", "must be not_affected or unknown"},
        {"unknown scope status", "/organizations/0/scopes/0/status", "maybe", "/organizations/0/scopes/0/status", "unknown status \"maybe\""},
        {"unknown field", "/organizations/0/extra", "x", "/organizations/0/extra", "unknown field \"extra\""},
        {"name without letters", "/organizations/0/name", "!!!", "/organizations/0/name", "no letter or digit"},
        {"control character", "/organizations/0/name", std::string("Mutuelle\x07"), "/organizations/0/name", "control character"},
        {"NUL byte in a string", "/organizations/0/name", std::string("Mutu\0elle", 9), "/organizations/0/name", "control character"},
        {"huge string", "/organizations/0/name", std::string(100000, 'a'), "/organizations/0/name", "string too long"},
        {"label of the wrong type", "/data_classes/0/label/en", 12, "/data_classes/0/label/en", "expected a string"},
        {"missing translation", "/data_classes/0/label/en", removed(), "/data_classes/0/label/en", "missing required field"},
        {"unknown glossary term", "/data_classes/0/gloss", "nope", "/data_classes/0/gloss", "unknown glossary term"},
        {"unknown data class", "/organizations/0/scopes/0/extra_exposed/classes", json::array({"ssn"}), "/organizations/0/scopes/0/extra_exposed/classes/0", "unknown data class \"ssn\""},
        {"class both exposed and not", "/incidents/0/exposed/classes", json::array({"name", "bank_details"}), "/incidents/0/not_exposed", "both exposed and not exposed"},
        {"priority out of range", "/actions/0/priority", 1000000, "/actions/0/priority", "out of range"},
        {"negative priority", "/actions/0/priority", -1, "/actions/0/priority", "out of range"},
        {"fractional priority", "/actions/0/priority", 1.5, "/actions/0/priority", "expected an integer"},
        {"action without why", "/actions/0/why", removed(), "/actions/0/why", "missing required field"},
        {"unknown verdict in action", "/actions/0/when/verdicts", json::array({"bad"}), "/actions/0/when/verdicts/0", "unknown verdict \"bad\""},
        {"unknown role", "/actions/0/when/roles", json::array({"admin"}), "/actions/0/when/roles/0", "unknown role"},
        {"action on an informational incident", "/actions/0/when/incidents_any", json::array({"other-leak"}), "/actions/0/when/incidents_any/0", "no verdict to act on"},
        {"coverage from after to", "/organizations/5/scopes/0/coverage/from", "2025-01-01", "/organizations/5/scopes/0/coverage", "\"from\" is after \"to\""},
        {"unknown link kind", "/networks/0/links/0/kind", "friend", "/networks/0/links/0/kind", "unknown link kind"},
        {"network named like a fixed answer", "/networks/0/id", "other", "/networks/0/id", "fixed answer of the network question"},
        {"missing question kind", "/questions/3", removed(), "/questions", "missing question of kind \"contract\""},
        {"option the check does not understand", "/questions/0/options/0/id", "maybe", "/questions/0/options/0", "not an answer the check understands"},
        {"covered option without a period", "/questions/1/options/0/period", removed(), "/questions/1/options/0", "says when the person was covered"},
        {"question without its I don't know", "/questions/4/options/3", removed(), "/questions/4/options", "needs the option \"unknown\""},
        {"criterion naming an answer that is not an option", "/incidents/2/criteria/1/in", json::array({"maybe"}), "/incidents/2/criteria/1/in/0", "not an option of question"},
        {"criterion calling unknown inside", "/incidents/2/criteria/1/out", json::array({"unknown"}), "/incidents/2/criteria/1/out/0", "never inside or outside"},
        {"assessed incident without a mode", "/incidents/2/mode", removed(), "/incidents/2/mode", "missing required field"},
        {"informational incident with criteria", "/incidents/3/criteria", json::array(), "/incidents/3/criteria", "not used by an informational incident"},
        {"umbrella candidate that does not exist", "/umbrellas/0/candidates", json::array({"nope"}), "/umbrellas/0/candidates/0", "unknown organization"},
        {"missing rule text", "/rules/no_statement", removed(), "/rules", "missing rule text \"no_statement\""},
        {"rule text stating a fact without a source", "/rules/no_statement/sources", removed(), "/rules/no_statement/sources", "missing required field"},
        {"unknown rule text", "/rules/made_up", json{{"text", {{"fr", "x"}, {"en", "x"}}}}, "/rules/made_up", "unknown rule text"},
        {"AMC with letters", "/organizations/9/amc", json::array({"12ab"}), "/organizations/9/amc/0", "6 to 10 digits"},
        {"organizations not an array", "/organizations", "x", "/organizations", "expected an array"},
        {"source not an object", "/sources/0", 42, "/sources/0", "expected an object"},
        {"unknown operator", "/incidents/1/operator", "cegedim", "/incidents/1/operator", "unknown operator"},
        {"duplicate incident", "/incidents/1/id", "viamedis-2024", "/incidents/1/id", "duplicate incident id"},
        {"wrong jurisdiction", "/jurisdiction", "BE", "/jurisdiction", "only \"FR\""},
        {"empty networks restriction", "/organizations/3/scopes/0/networks", json::array(), "/organizations/3/scopes/0/networks", "restricts nothing"},
        {"not_concerned with a restriction", "/organizations/3/scopes/1/contracts", json::array({"X"}), "/organizations/3/scopes/1", "cannot be restricted"},
        {"contact phone with letters", "/organizations/0/contacts", json::array({json{{"kind", "phone"}, {"value", "call me"}, {"label", {{"fr", "x"}, {"en", "x"}}}, {"sources", json::array({"own"})}}}), "/organizations/0/contacts/0/value", "digits, spaces and +"},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        json j = minimal();
        const json::json_pointer ptr(c.pointer);
        json& parent = j[ptr.parent_pointer()];
        if (!c.value.is_discarded()) j[ptr] = c.value;
        else if (parent.is_array()) parent.erase(std::stoul(ptr.back()));
        else parent.erase(ptr.back());
        const auto result = load_dataset(j.dump(-1, ' ', false, json::error_handler_t::replace));
        INFO(describe(result.errors));
        CHECK_FALSE(result.dataset);
        CHECK(has_error(result.errors, c.path, c.message));
    }
}

TEST_CASE("every error is collected, not only the first") {
    json j = minimal();
    j["sources"][0]["url"] = "ftp://x";
    j["organizations"][2]["kind"] = "bank";
    j["actions"][1]["links"][0]["url"] = "data:text/html,<script>";
    const auto result = load_dataset(j.dump());
    INFO(describe(result.errors));
    CHECK(result.errors.size() == 3);
    CHECK(has_error(result.errors, "/sources/0/url", "invalid URL"));
    CHECK(has_error(result.errors, "/organizations/2/kind", "unknown organization kind \"bank\""));
    CHECK(has_error(result.errors, "/actions/1/links/0/url", "invalid URL"));
}

TEST_CASE("JSON pointers escape ~ and /") {
    json j = minimal();
    j["organizations"][0]["a/b~c"] = 1;
    const auto result = load_dataset(j.dump());
    CHECK(has_error(result.errors, "/organizations/0/a~1b~0c", "unknown field"));
}

TEST_CASE("hostile documents are rejected whole, with a clear message, without crashing") {
    struct Raw {
        const char* name;
        std::string text;
        const char* message;
    };
    const std::string valid = minimal().dump();
    std::string invalid_utf8 = valid;
    invalid_utf8.replace(invalid_utf8.find("Mutuelle D"), 1, "\xC3\x28");
    std::string nul = valid;
    nul.insert(10, 1, '\0');
    const std::vector<Raw> raws = {
        {"empty text", "", "invalid JSON"},
        {"only spaces", "   \n", "invalid JSON"},
        {"top-level array", "[]", "expected an object"},
        {"top-level string", "\"dataset\"", "expected an object"},
        {"truncated", valid.substr(0, valid.size() / 2), "invalid JSON"},
        {"trailing garbage", valid + "x", "invalid JSON"},
        {"invalid UTF-8 in a string", invalid_utf8, "invalid JSON"},
        {"NUL byte outside strings", nul, "invalid JSON"},
        {"deep nesting", std::string(100000, '[') + std::string(100000, ']'), "nested deeper than 32"},
        {"deep objects", std::string(5000, '{'), "nested deeper than 32"},
        {"number out of range", "{\"schema_version\": 1e999}", "invalid JSON"},
        {"too large", std::string(breachcheck::max_dataset_bytes + 1, ' '), "dataset too large"},
        {"HTML instead of JSON", "<html><body>404</body></html>", "invalid JSON"},
    };
    for (const Raw& r : raws) {
        const std::string name = r.name;
        CAPTURE(name);
        const auto result = load_dataset(r.text);
        INFO(describe(result.errors));
        CHECK_FALSE(result.dataset);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].path == "");
        CHECK(result.errors[0].message.find(r.message) != std::string::npos);
    }
}

TEST_CASE("a parse error names the line and column") {
    const auto result = load_dataset("{\n  \"a\": ,\n}");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message.find("line 2, column") != std::string::npos);
}

TEST_CASE("markup in names is data: accepted, and kept as is for the page to render inert") {
    json j = minimal();
    j["organizations"][0]["name"] = "<img src=x onerror=alert(1)> Mutuelle";
    const auto result = load_dataset(j.dump());
    REQUIRE(result.dataset);
    CHECK(result.dataset->organizations[0].name == "<img src=x onerror=alert(1)> Mutuelle");
}

TEST_CASE("the error list is capped so that a hostile dataset cannot flood the output") {
    json j = minimal();
    for (int i = 0; i < 2000; ++i) j["organizations"].push_back({{"id", "X"}});
    const auto result = load_dataset(j.dump());
    CHECK(result.errors.size() == 200);
}

namespace {
// Drops "en" from every {fr, en} text, as scripts/french-only.mjs does for the page.
void drop_english(json& j) {
    if (j.is_object()) {
        if (j.size() == 2 && j.contains("fr") && j.contains("en") && j["fr"].is_string()) j.erase("en");
        for (auto& [key, value] : j.items()) drop_english(value);
    } else if (j.is_array()) {
        for (auto& value : j) drop_english(value);
    }
}
}  // namespace

TEST_CASE("a French-only copy (\"languages\": [\"fr\"]) loads, with the French texts for English") {
    json full = real_dataset_json();
    json fr = full;
    drop_english(fr);
    SUBCASE("without the marker, every missing English text is an error") {
        const auto result = load_dataset(fr.dump());
        CHECK_FALSE(result.dataset);
        CHECK(result.errors.size() > 10);
        CHECK(result.errors[0].message == "missing required field");
    }
    SUBCASE("with it, the copy loads and gives the same French texts") {
        fr["languages"] = json::array({"fr"});
        const auto copy = load_dataset(fr.dump());
        INFO(describe(copy.errors));
        REQUIRE(copy.dataset);
        const auto original = load_dataset(full.dump());
        REQUIRE(original.dataset);
        CHECK(copy.dataset->languages == std::vector<std::string>{"fr"});
        CHECK(original.dataset->languages == std::vector<std::string>{"fr", "en"});
        REQUIRE(copy.dataset->actions.size() == original.dataset->actions.size());
        for (std::size_t i = 0; i < copy.dataset->actions.size(); ++i) {
            CHECK(copy.dataset->actions[i].text.fr == original.dataset->actions[i].text.fr);
            CHECK(copy.dataset->actions[i].text.get(breachcheck::Lang::en) == original.dataset->actions[i].text.fr);  // English readers get the French
        }
    }
    SUBCASE("\"languages\": [\"fr\", \"en\"] still requires both") {
        fr["languages"] = json::array({"fr", "en"});
        CHECK_FALSE(load_dataset(fr.dump()).dataset);
    }
}
