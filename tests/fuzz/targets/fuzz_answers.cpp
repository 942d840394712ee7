// Target (e): the answers document of Engine::check on arbitrary bytes, as the CLI and the
// WebAssembly binding pass it (JSON text, at most 64 KiB), on the real dataset and the fixture.
// Any document must give either a documented error or a result that keeps the invariants of
// common.hpp, never a crash. The decision is predicted independently from docs/api.md
// ("Answers"), with nlohmann's strict parser reading the document: a flat object whose values are
// strings (null ignored), no key twice, at most 32 keys, only the documented keys and each
// question's options; else invalid_answers, an unknown "org" is unknown_org, too large is
// input_too_large.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"

using namespace breachcheck;
using fuzz::json;

namespace {

// The document as nlohmann's SAX parser sees it: ok when it is one flat object of strings and
// nulls (the order and every key kept, duplicates included).
struct Flat : json::json_sax_t {
    std::vector<std::pair<std::string, std::optional<std::string>>> fields;
    int depth = 0;
    bool flat = true;
    std::string key_;

    bool value() {
        if (depth != 1) flat = false;
        return flat;
    }
    bool null() override {
        if (!value()) return false;
        fields.emplace_back(key_, std::nullopt);
        return true;
    }
    bool boolean(bool) override { return flat = false; }
    bool number_integer(number_integer_t) override { return flat = false; }
    bool number_unsigned(number_unsigned_t) override { return flat = false; }
    bool number_float(number_float_t, const string_t&) override { return flat = false; }
    bool string(string_t& s) override {
        if (!value()) return false;
        fields.emplace_back(key_, s);
        return true;
    }
    bool binary(binary_t&) override { return flat = false; }
    bool start_object(std::size_t) override {
        if (++depth != 1) flat = false;
        return flat;
    }
    bool key(string_t& k) override {
        key_ = k;
        return true;
    }
    bool end_object() override {
        --depth;
        return true;
    }
    bool start_array(std::size_t) override { return flat = false; }
    bool end_array() override { return flat = false; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return flat = false; }
};

const Question* question(const Dataset& ds, const std::string& id) { return ds.find_question(id); }

bool entry_exists(const Dataset& ds, const std::string& id) {
    return ds.find_org(id) || ds.find_operator(id) || ds.find_network(id) || ds.find_umbrella(id);
}

// What docs/api.md says the engine answers to this document: "" (a result) or an error code.
std::string predict(const Dataset& ds, std::string_view bytes, std::vector<std::pair<std::string, std::string>>& fields) {
    if (bytes.size() > Engine::max_answers_bytes) return "input_too_large";
    // The engine reads bytes, not characters: a byte that is not UTF-8 inside a string is kept as
    // it is (and shown as U+FFFD), one outside a string breaks the document either way.
    const std::string text = text::is_valid_utf8(bytes) ? std::string(bytes) : text::to_valid_utf8(bytes);
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) return "invalid_answers";  // nlohmann skips a BOM; JSON text has none
    if (text.find('\0') != std::string::npos) return "invalid_answers";      // nlohmann stops at a NUL byte; JSON text has none
    Flat flat;
    const bool parsed = json::sax_parse(text, &flat, json::input_format_t::json, /*strict=*/true) && flat.flat && flat.depth == 0;
    if (!parsed || flat.fields.size() > 32) return "invalid_answers";
    for (std::size_t i = 0; i < flat.fields.size(); ++i) {
        for (std::size_t k = 0; k < i; ++k) {
            if (flat.fields[k].first == flat.fields[i].first) return "invalid_answers";  // a key twice, even after a null
        }
    }
    for (const auto& [k, v] : flat.fields) {
        if (v) fields.emplace_back(k, *v);  // a null value is ignored
    }
    auto get = [&](const char* key) -> std::string {
        for (const auto& [k, v] : fields) {
            if (k == key) return v;
        }
        return {};
    };
    for (const auto& [k, v] : fields) {
        if (k != "org" && k != "query" && k != "role" && k != "lang" && !question(ds, k)) return "invalid_answers";
    }
    const std::string lang = get("lang"), role = get("role"), org = get("org");
    bool has_lang = false, has_role = false;
    for (const auto& f : fields) {
        has_lang = has_lang || f.first == "lang";
        has_role = has_role || f.first == "role";
    }
    if (has_lang && lang != "fr" && lang != "en") return "invalid_answers";
    if (has_role && role != "insured" && role != "pro") return "invalid_answers";
    if (!org.empty() && !entry_exists(ds, org)) return "unknown_org";
    for (const Question& q : ds.questions) {
        if (q.kind == QuestionKind::contract) continue;  // any text: a contract name typed
        for (const auto& [k, v] : fields) {
            if (k == q.id && !fuzz::contains(fuzz::option_ids(ds, q, nullptr), v)) return "invalid_answers";
        }
    }
    return "";
}

void check_on(const Engine& engine, std::string_view bytes) {
    const Dataset& ds = engine.dataset();
    std::vector<std::pair<std::string, std::string>> fields;
    const std::string want = predict(ds, bytes, fields);
    const json r = fuzz::parse_output(engine.check(bytes), "check");
    const auto what = [&] { return "answers " + fuzz::shown(bytes.substr(0, 2000)) + " → " + fuzz::show(r); };  // only on failure
    if (r["ok"] == false) {
        fuzz::check_error(r, {"invalid_answers", "unknown_org", "input_too_large"});
        FUZZ_CHECK(r["error"]["code"] == want, "expected " + (want.empty() ? std::string("a result") : want) + ": " + what());
        return;
    }
    FUZZ_CHECK(want.empty(), "expected the error " + want + ": " + what());
    fuzz::check_result(engine, r);
    auto get = [&](const char* key) -> std::string {
        for (const auto& [k, v] : fields) {
            if (k == key) return v;
        }
        return {};
    };
    FUZZ_CHECK(r["lang"] == (get("lang").empty() ? "fr" : get("lang")) && r["role"] == (get("role").empty() ? "insured" : get("role")), what());
    const std::string org = get("org"), query = get("query");
    if (!org.empty()) {
        // The id answered: an organization (ignored for a professional), or another kind of entry.
        if (ds.find_org(org)) {
            FUZZ_CHECK(r["role"] == "pro" ? r["org"].is_null() : r["org"].is_object() && r["org"]["id"] == org, what());
            FUZZ_CHECK(!r.contains("match"), what());
        } else {
            const json& m = fuzz::at(r, "match");
            FUZZ_CHECK(ds.find_umbrella(org) ? m["umbrella"].is_object() && m["umbrella"]["id"] == org : m["id"] == org, what());
        }
    } else if (!query.empty()) {
        FUZZ_CHECK(fuzz::at(r, "match")["query"] == text::to_display(query, text::max_query_bytes), what());
    } else {
        FUZZ_CHECK(!r.contains("match") && r["org"].is_null(), what());
    }
    // Every question answered (other than unknown and a typed contract) is taken as given.
    const std::map<std::string, std::string> taken = fuzz::taken_answers(r);
    for (const auto& [k, v] : fields) {
        const Question* q = question(ds, k);
        if (!q || v == answer_unknown || q->kind == QuestionKind::contract) continue;
        FUZZ_CHECK(taken.count(k) && taken.at(k) == v, what());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 80 * 1024) return -1;  // just past the engine's limit is enough
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check_on(fuzz::real_engine(), bytes);
    check_on(fuzz::fixture_engine(), bytes);
    return 0;
}
