// Shared by the libFuzzer targets: the datasets they run on, and the invariants every check
// result must satisfy (docs/api.md). A broken invariant aborts, which libFuzzer reports as a
// crash and saves as a reproducer.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "text.hpp"

namespace fuzz {

using json = nlohmann::json;

[[noreturn]] inline void fail(const char* what, const char* file, int line, const std::string& context) {
    std::fprintf(stderr, "\n*** invariant broken: %s (%s:%d)\n", what, file, line);
    if (!context.empty()) std::fprintf(stderr, "*** context: %.4000s\n", context.c_str());
    std::abort();
}

// FUZZ_CHECK(cond) or FUZZ_CHECK(cond, context-string)
#define FUZZ_CHECK(cond, ...)                                                             \
    do {                                                                                  \
        if (!(cond)) ::fuzz::fail(#cond, __FILE__, __LINE__, ::fuzz::context(__VA_ARGS__)); \
    } while (0)

inline std::string context() { return {}; }
inline std::string context(const std::string& s) { return s; }
inline std::string context(const json& j) { return breachcheck::dump(j); }

inline std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz: cannot read %s\n", path);
        std::abort();
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::unique_ptr<breachcheck::Engine> load_engine(const char* path) {
    std::vector<breachcheck::ValidationError> errors;
    auto engine = breachcheck::Engine::load(read_file(path), errors);
    if (!engine) {
        std::fprintf(stderr, "fuzz: %s is invalid: %s %s\n", path, errors.empty() ? "" : errors[0].path.c_str(),
                     errors.empty() ? "" : errors[0].message.c_str());
        std::abort();
    }
    return engine;
}

// The real dataset and the test fixture, loaded once per process.
inline const breachcheck::Engine& real_engine() {
    static const auto engine = load_engine(BREACHCHECK_DATASET);
    return *engine;
}
inline const breachcheck::Engine& fixture_engine() {
    static const auto engine = load_engine(BREACHCHECK_FIXTURE);
    return *engine;
}

// Strict serialisation: throws (and so crashes the fuzzer) on invalid UTF-8.
inline bool dumps_as_valid_utf8(const json& j) {
    try {
        (void)j.dump();
        return true;
    } catch (const json::type_error&) {
        return false;
    }
}

inline int severity(const json& verdict) {
    static const char* const order[] = {"not_affected", "unknown", "possible", "likely", "affected"};
    FUZZ_CHECK(verdict.is_string(), verdict);
    for (int i = 0; i < 5; ++i) {
        if (verdict == order[i]) return i;
    }
    fail("verdict is one of the five documented values", __FILE__, __LINE__, verdict.dump());
}

// Invariants of a successful check result (docs/api.md), whatever the answers were.
inline void check_result_invariants(const breachcheck::Engine& engine, const json& r) {
    FUZZ_CHECK(r.is_object(), r);
    FUZZ_CHECK(!r.contains("error"), r);
    FUZZ_CHECK(dumps_as_valid_utf8(r), breachcheck::dump(r));
    for (const char* key : {"dataset", "role", "lang", "org", "overall", "provisional", "incidents", "questions", "actions"}) {
        FUZZ_CHECK(r.contains(key), std::string(key) + " in " + breachcheck::dump(r));
    }
    FUZZ_CHECK(r["dataset"]["sha256"] == engine.dataset().sha256, r);
    FUZZ_CHECK(r["org"].is_null() || (r["org"].is_object() && engine.dataset().find_org(r["org"]["id"].get<std::string>())), r);
    if (r["role"] == "pro") FUZZ_CHECK(r["org"].is_null(), r);

    // overall is the most severe incident verdict (unknown when there is no incident)
    const json& incidents = r["incidents"];
    FUZZ_CHECK(incidents.is_array() && incidents.size() == engine.dataset().incidents.size(), r);
    int worst = incidents.empty() ? severity("unknown") : 0;
    for (const json& inc : incidents) {
        const int v = severity(inc["verdict"]);
        worst = std::max(worst, v);
        if (inc["verdict"] == "not_affected") {
            // never "not affected" without a source that says so, and then nothing exposed
            bool sourced = false;
            for (const json& reason : inc["reasons"]) sourced = sourced || !reason["sources"].empty();
            FUZZ_CHECK(sourced, inc);
            FUZZ_CHECK(inc["exposed"].empty(), inc);
        }
        FUZZ_CHECK(!inc["reasons"].empty(), inc);
        for (const json& reason : inc["reasons"]) {
            for (const json& s : reason["sources"]) FUZZ_CHECK(s["url"].is_string() && !s["url"].get<std::string>().empty(), s);
        }
        for (const json& c : inc["exposed"]) {
            for (const json& n : inc["not_exposed"]) FUZZ_CHECK(c["id"] != n["id"], inc);  // never both
        }
    }
    FUZZ_CHECK(severity(r["overall"]) == worst, r);

    // provisional exactly while a question is left; questions in the documented order
    FUZZ_CHECK(r["provisional"] == !r["questions"].empty(), r);
    static const char* const question_order[] = {"card", "covered", "network", "contract"};
    std::size_t at = 0;
    for (const json& q : r["questions"]) {
        while (at < 4 && q["id"] != question_order[at]) ++at;
        FUZZ_CHECK(at < 4, r["questions"]);
        ++at;
    }
}

// An error result: one field, a documented code and a message.
inline void check_error_invariants(const json& r) {
    FUZZ_CHECK(r.is_object() && r.size() == 1 && r.contains("error"), r);
    const json& e = r["error"];
    FUZZ_CHECK(e["code"] == "invalid_answers" || e["code"] == "unknown_org", r);
    FUZZ_CHECK(e["message"].is_string() && !e["message"].get<std::string>().empty(), r);
    FUZZ_CHECK(dumps_as_valid_utf8(r), breachcheck::dump(r));
}

}  // namespace fuzz
