// Target (a): the dataset loader and validator on arbitrary bytes (load_engine, the JSON path).
// Whatever the input, loading must not crash, throw or hang, and must either reject it with
// errors (each naming a JSON pointer, with a readable message) or accept it. An accepted dataset
// gives a working engine whose answers keep the invariants of common.hpp, and it survives the
// compact image: write_image, read_image and the image's engine answer exactly as the JSON one.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common.hpp"
#include "sha256.hpp"
#include "stats.hpp"

using namespace breachcheck;
using fuzz::json;

namespace {

// A few answer documents for an accepted dataset: nobody, a professional, and for a few
// organizations (the first, the last, one chosen by the input's hash) their id alone, with the
// first answer of every question, with the last one, and their name typed as a query.
std::vector<json> sample_answers(const Dataset& ds, std::string_view text) {
    std::vector<json> out = {json::object(), {{"role", "pro"}, {"lang", "en"}}};
    if (const Question* card = ds.question_of(QuestionKind::card); card && !ds.operators.empty()) {
        out.push_back({{"role", "pro"}, {card->id, ds.operators.front().id}});
        out.push_back({{card->id, ds.operators.back().id}});
    }
    if (ds.organizations.empty()) return out;
    const std::size_t n = ds.organizations.size();
    for (const std::size_t i : {std::size_t{0}, n - 1, std::hash<std::string_view>{}(text) % n}) {
        const Organization& o = ds.organizations[i];
        out.push_back({{"org", o.id}});
        json first = {{"org", o.id}}, last = {{"org", o.id}, {"lang", "en"}};
        for (const Question& q : ds.questions) {
            const std::vector<std::string> ids = fuzz::option_ids(ds, q, &o);
            first[q.id] = ids.front();
            last[q.id] = ids.size() > 1 ? ids[ids.size() - 2] : ids.back();  // the last is usually "unknown"
        }
        out.push_back(first);
        out.push_back(last);
        out.push_back({{"query", o.aliases.empty() ? o.name : o.aliases.back().name}});
        // Every covered answer: rule 2 (joined after the attack) is checked by check_rules.
        if (const Question* covered = ds.question_of(QuestionKind::covered)) {
            for (const Option& opt : covered->options) out.push_back({{"org", o.id}, {covered->id, opt.id}});
        }
    }
    return out;
}

void exercise(const Engine& engine, std::string_view text) {
    const Dataset& ds = engine.dataset();
    FUZZ_CHECK(ds.sha256 == sha256_hex(text) && ds.source_sha256 == ds.sha256 && engine.sha256() == ds.sha256);
    FUZZ_CHECK(check_model(ds).empty());
    (void)dataset_stats(ds).dump();  // strict serialisation: throws on invalid UTF-8
    fuzz::check_other_calls(engine, fuzz::Trust::validated);

    // Each sampled organization is found by its exact name with score 1 (names never collide).
    const std::size_t entries = ds.organizations.size() + ds.operators.size() + ds.networks.size() + ds.umbrellas.size();
    if (!ds.organizations.empty()) {
        const std::size_t n = ds.organizations.size();
        for (const std::size_t i : {std::size_t{0}, n - 1, std::hash<std::string_view>{}(text) % n}) {
            const Organization& o = ds.organizations[i];
            const json found = fuzz::parse_output(engine.search(o.name, entries), "search");
            bool exact = false;
            for (const json& s : found["results"]) exact = exact || (s["id"] == o.id && s["score"] == 1);
            FUZZ_CHECK(exact, o.name + " → " + fuzz::show(found));
        }
    }

    // The image of the dataset reads back, rewrites to the same bytes, and its engine answers
    // exactly as this one: the same check results (dataset.source_sha256 is the JSON's in both),
    // the same info apart from "sha256" (the file each engine loaded).
    const std::string image = write_image(ds);
    FUZZ_CHECK(looks_like_image(image));
    const ImageResult back = read_image(image);
    FUZZ_CHECK(back.dataset != nullptr, back.error);
    FUZZ_CHECK(write_image(*back.dataset) == image, "the image does not rewrite to the same bytes");
    LoadOutcome from_image = Engine::from_image(image);
    FUZZ_CHECK(from_image.engine && from_image.stage.empty() && from_image.errors.empty(), from_image.error_json());
    const Engine& other = *from_image.engine;
    FUZZ_CHECK(other.sha256() == sha256_hex(image) && other.dataset().source_sha256 == ds.source_sha256);
    FUZZ_CHECK(load_engine(image).engine != nullptr);  // load_engine takes images too
    for (const char* lang : {"fr", "en"}) {
        json a = fuzz::parse_output(engine.info(lang), "info"), b = fuzz::parse_output(other.info(lang), "info");
        FUZZ_CHECK(b["sha256"] == other.sha256(), b);
        a.erase("sha256");
        b.erase("sha256");
        FUZZ_CHECK(a == b, fuzz::show(a) + "\n  vs image: " + fuzz::show(b));
        FUZZ_SAME(engine.incidents(lang), other.incidents(lang), std::string("incidents(") + lang + ") of the JSON and the image");
        FUZZ_SAME(engine.questions(lang, ""), other.questions(lang, ""), "questions of the JSON and the image");
    }
    FUZZ_SAME(engine.list(), other.list(), "list of the JSON and the image");

    for (const json& answers : sample_answers(ds, text)) {
        const json r = fuzz::check(engine, answers);
        FUZZ_CHECK(r["ok"] == true, fuzz::show(answers) + " → " + fuzz::show(r));
        const std::string doc = answers.dump();
        FUZZ_SAME(engine.check(doc), other.check(doc), "check(" + doc + ") of the JSON and the image");
        if (answers.contains("org")) FUZZ_CHECK(r["org"].is_object() && r["org"]["id"] == answers["org"], r);
    }
    for (const Organization& o : ds.organizations) {
        if (&o - ds.organizations.data() >= 3) break;
        FUZZ_SAME(engine.search(o.name, 10), other.search(o.name, 10), "search of the JSON and the image");
        FUZZ_SAME(engine.questions("fr", o.id), other.questions("fr", o.id), "questions(" + o.id + ") of the JSON and the image");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LoadOutcome outcome = load_engine(text);
    FUZZ_CHECK((outcome.engine == nullptr) == !outcome.errors.empty());
    FUZZ_CHECK(outcome.stage == (outcome.engine ? "" : looks_like_image(text) ? "image" : "dataset"), outcome.stage);
    FUZZ_CHECK(outcome.errors.size() <= 200);
    for (const ValidationError& e : outcome.errors) {
        FUZZ_CHECK(e.path.empty() || e.path[0] == '/', e.path);
        FUZZ_CHECK(!e.message.empty(), e.path);
        // What `validate` returns is shown in the page and the terminal.
        FUZZ_CHECK(text::is_valid_utf8(e.path) && text::is_valid_utf8(e.message), e.path + ": " + e.message);
    }
    // The error document lists the same errors; validate_text says the same.
    const json report = fuzz::parse_output(validate_text(text), "validate");
    fuzz::expect_keys(report, {"ok", "valid", "errors", "warnings"});
    FUZZ_CHECK(report["ok"] == true && report["valid"] == (outcome.engine != nullptr), report);
    FUZZ_CHECK(report["errors"].size() == outcome.errors.size(), report);
    for (std::size_t i = 0; i < outcome.errors.size(); ++i) {
        FUZZ_CHECK(report["errors"][i]["path"] == outcome.errors[i].path && report["errors"][i]["message"] == outcome.errors[i].message, report);
    }
    if (!outcome.engine) {
        const json e = fuzz::parse_output(outcome.error_json(), "error_json");
        fuzz::check_error(e, {"invalid_dataset", "invalid_image"});
        FUZZ_CHECK(e["error"]["code"] == (outcome.stage == "image" ? "invalid_image" : "invalid_dataset"), e);
        FUZZ_CHECK(e["error"]["errors"].size() == outcome.errors.size(), e);
        return 0;
    }
    FUZZ_CHECK(outcome.error_json().empty());
    if (looks_like_image(text)) return 0;  // fuzz_image's job
    exercise(*outcome.engine, text);
    return 0;
}
