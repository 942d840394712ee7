// Insurer overlays: merge precedence and provenance, the locked organization, the theme's
// contrast check, and every overlay error with its JSON path.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "helpers.hpp"

using namespace breachcheck;
using nlohmann::json;

namespace {

json overlay() {
    return json::parse(R"({
      "overlay_version": 1, "id": "demo", "organization": "networked", "lock": true, "lang": "en",
      "sources": [{"id": "ins-notice", "url": "https://networked.example/notice", "publisher": "Réseau Santé", "date": "2024-02-08", "confidence": "own_statement", "title": "Notice"}],
      "scopes": [{"incident": "viamedis-2024", "status": "current", "text": {"fr": "Tous nos adhérents", "en": "All our members"}, "sources": ["ins-notice"]}],
      "notes": [{"incident": "almerys-2024", "text": {"fr": "Note assureur", "en": "Insurer note"}, "sources": ["ins-notice"]}],
      "contacts": [{"kind": "phone", "value": "01 00 00 00 00", "label": {"fr": "Ligne dédiée", "en": "Dedicated line"}},
                   {"kind": "web", "value": "https://networked.example/espace", "label": {"fr": "Espace adhérent", "en": "Member area"}}],
      "notification": {"date": "2024-02-09", "text": {"fr": "Courriel envoyé", "en": "E-mail sent"}},
      "actions": [{"id": "everyone", "priority": 1, "title": {"fr": "Remplacé", "en": "Replaced"}, "text": {"fr": "R", "en": "R"}, "why": {"fr": "W", "en": "W"}, "links": [], "when": {"roles": ["insured"]}},
                  {"id": "insurer-extra", "priority": 99, "title": {"fr": "Extra", "en": "Extra"}, "text": {"fr": "E", "en": "E"}, "why": {"fr": "W", "en": "W"}, "links": [], "when": {"roles": ["insured"]}}],
      "theme": {"accent": "#1d3f8f", "accent_text": "#ffffff", "radius": 8, "font": "sans"}
    })");
}

std::unique_ptr<Engine> engine_with(const json& ov, std::vector<ValidationError>& errors) {
    LoadOutcome r = load_engine(fixture_text(), ov.dump());
    errors = r.errors;
    return std::move(r.engine);
}

// Every action of the plan, in order (first steps, then the rest).
json actions(const json& r) {
    json all = r["plan"]["first"];
    for (const json& a : r["plan"]["more"]) all.push_back(a);
    return all;
}

bool has_error(const std::vector<ValidationError>& errors, const std::string& path, const std::string& message) {
    for (const auto& e : errors) {
        if (e.path == path && e.message.find(message) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("an overlay restates scopes, adds notes and actions, and marks what comes from the insurer") {
    std::vector<ValidationError> errors;
    const auto e = engine_with(overlay(), errors);
    REQUIRE(e);
    // Without the overlay, "networked" is possible for Viamedis until the network is known.
    const json r = check(*e, json::object());
    CHECK(r["org"]["id"] == "networked");              // preselected by the overlay
    CHECK(r["incidents"][0]["verdict"] == "affected");  // the insurer's scope replaced the public one
    CHECK(r["incidents"][0]["reasons"][0]["provenance"] == "insurer");
    CHECK(r["incidents"][1]["verdict"] == "not_affected");  // public scope for Almerys kept (an own statement)
    bool note = false;
    for (const json& reason : r["incidents"][1]["reasons"]) note = note || (reason["text"] == "Note assureur" && reason["provenance"] == "insurer");
    CHECK(note);
    CHECK(actions(r)[0]["id"] == "everyone");
    CHECK(actions(r)[0]["title"] == "Remplacé");  // same id: the insurer's version wins
    CHECK(actions(r)[0]["provenance"] == "insurer");
    CHECK(actions(r).back()["id"] == "insurer-extra");
    CHECK(r["overlay"]["lock"] == true);
    CHECK(r["overlay"]["contacts"].size() == 2);
    CHECK(r["overlay"]["notification"]["date"] == "2024-02-09");
    CHECK(r["overlay"]["theme"]["accent"] == "#1d3f8f");
    CHECK(r["overlay"]["theme"]["radius"] == 8);
    CHECK(r["overlay"]["sha256"].get<std::string>().size() == 64);
}

TEST_CASE("a locked overlay refuses another organization; an unlocked one only preselects") {
    std::vector<ValidationError> errors;
    const auto locked = engine_with(overlay(), errors);
    REQUIRE(locked);
    CHECK(check(*locked, {{"org", "stated"}})["error"]["code"] == "org_locked");
    CHECK(check(*locked, {{"query", "Mutuelle Déclarée"}})["org"]["id"] == "networked");
    CHECK(check(*locked, {{"role", "pro"}})["org"].is_null());  // professionals are not members
    json ov = overlay();
    ov["lock"] = false;
    const auto open = engine_with(ov, errors);
    REQUIRE(open);
    CHECK(check(*open, {{"org", "stated"}})["org"]["id"] == "stated");
    CHECK(check(*open, json::object())["org"]["id"] == "networked");
}

TEST_CASE("a theme that would fail WCAG AA contrast falls back to the default, with the reason") {
    json ov = overlay();
    ov["theme"] = {{"accent", "#ffff00"}, {"accent_text", "#ffffff"}};
    std::vector<ValidationError> errors;
    const auto e = engine_with(ov, errors);
    REQUIRE(e);
    const json r = check(*e, json::object());
    CHECK(r["overlay"]["theme"].is_null());
    CHECK(r["overlay"]["theme_fallback"].get<std::string>().find("accent_text on accent") != std::string::npos);
    const json v = json::parse(validate_overlay_text(fixture_text(), ov.dump()));
    CHECK(v["valid"] == true);
    REQUIRE(v["warnings"].size() == 1);
    CHECK(v["warnings"][0]["path"] == "/theme");
    CHECK(contrast_ratio("#000000", "#ffffff") == doctest::Approx(21.0));
    CHECK(contrast_ratio("#777777", "#ffffff") == doctest::Approx(4.48).epsilon(0.01));
    CHECK(contrast_ratio("red", "#ffffff") == 0);
}

TEST_CASE("every overlay error names its path") {
    struct Case {
        const char* name;
        const char* pointer;
        json value;
        const char* path;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"unknown organization", "/organization", "nope", "/organization", "unknown organization \"nope\""},
        {"missing organization", "/organization", json(json::value_t::discarded), "/organization", "missing required field"},
        {"future version", "/overlay_version", 2, "/overlay_version", "unsupported overlay version"},
        {"lock not a boolean", "/lock", "yes", "/lock", "expected true or false"},
        {"unknown language", "/lang", "de", "/lang", "expected fr or en"},
        {"source id taken by the public dataset", "/sources/0/id", "own", "/sources/0/id", "already exists in the public dataset"},
        {"scope citing an unknown source", "/scopes/0/sources", json::array({"nope"}), "/scopes/0/sources/0", "unknown source id"},
        {"scope without source", "/scopes/0/sources", json::array(), "/scopes/0/sources", "at least one source"},
        {"note on an unknown incident", "/notes/0/incident", "free-2024", "/notes/0/incident", "unknown incident"},
        {"note without source", "/notes/0/sources", json::array(), "/notes/0/sources", "at least one source"},
        {"unknown contact kind", "/contacts/0/kind", "fax", "/contacts/0/kind", "unknown contact kind"},
        {"javascript: contact URL", "/contacts/1/value", "javascript:alert(1)", "/contacts/1/value", "invalid URL"},
        {"bad notification date", "/notification/date", "9 février", "/notification/date", "invalid date"},
        {"duplicate overlay action", "/actions/1/id", "everyone", "/actions/1/id", "duplicate action id"},
        {"action with a bad link", "/actions/0/links", json::array({{{"url", "data:text/html,x"}, {"label", {{"fr", "x"}, {"en", "x"}}}}}), "/actions/0/links/0/url", "invalid URL"},
        {"CSS injection through a colour", "/theme/accent", "red;background:url(//evil)", "/theme/accent", "expected a colour as #rrggbb"},
        {"radius out of range", "/theme/radius", 400, "/theme/radius", "from 0 to 24"},
        {"arbitrary font stack", "/theme/font", "Comic Sans MS", "/theme/font", "expected system, sans, serif or rounded"},
        {"arbitrary CSS", "/theme/css", "body{display:none}", "/theme/css", "unknown field"},
        {"unknown top-level field", "/script", "alert(1)", "/script", "unknown field"},
        {"invalid id", "/id", "Demo Overlay", "/id", "invalid id"},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        json ov = overlay();
        const json::json_pointer ptr(c.pointer);
        if (c.value.is_discarded()) ov[ptr.parent_pointer()].erase(ptr.back());
        else ov[ptr] = c.value;
        std::vector<ValidationError> errors;
        CHECK_FALSE(engine_with(ov, errors));
        CHECK(has_error(errors, c.path, c.message));
        const json v = json::parse(validate_overlay_text(fixture_text(), ov.dump()));
        CHECK(v["valid"] == false);
    }
    for (const std::string& raw : {std::string(""), std::string("{"), std::string("[]"), std::string(2 * 1024 * 1024, ' ')}) {
        const LoadOutcome r = load_engine(fixture_text(), raw.empty() ? std::string(" ") : raw);
        CHECK_FALSE(r.engine);
        CHECK(r.stage == "overlay");
        CHECK_FALSE(r.errors.empty());
    }
}

TEST_CASE("the example overlay of the demo page is valid against the real dataset") {
    const std::string text = read_text(std::string(BREACHCHECK_DATASET).replace(std::string(BREACHCHECK_DATASET).rfind("dataset.json"), 12, "overlays/helium.json"));
    const json v = json::parse(validate_overlay_text(real_dataset_text(), text));
    CHECK(v["valid"] == true);
    CHECK(v["warnings"].empty());
}
