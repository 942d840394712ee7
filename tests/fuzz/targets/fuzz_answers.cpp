// Target (e): the answers path of the JSON API, as the WebAssembly binding runs it: arbitrary
// bytes parsed as JSON (at most 64 KiB), then Engine::check. Any document must give either a
// documented error or a result that keeps the invariants of docs/api.md, never a crash.
#include <cstddef>
#include <cstdint>

#include "common.hpp"

using namespace breachcheck;
using fuzz::json;

namespace {

void check_on(const Engine& engine, const json& answers) {
    const json r = engine.check(answers);
    if (r.contains("error")) {
        fuzz::check_error_invariants(r);
        return;
    }
    fuzz::check_result_invariants(engine, r);
    FUZZ_CHECK(answers.is_object(), r);
    // A valid "org" is the one answered (a professional's answer does not depend on it).
    const auto org = answers.find("org");
    if (org != answers.end() && org->is_string() && !org->get<std::string>().empty()) {
        FUZZ_CHECK(r["role"] == "pro" ? r["org"].is_null() : r["org"]["id"] == *org, r);
    }
    const auto lang = answers.find("lang");
    FUZZ_CHECK(r["lang"] == (lang == answers.end() || lang->is_null() ? json("fr") : *lang), r);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return -1;  // the binding refuses larger answers before parsing
    const json answers = json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (answers.is_discarded()) return 0;
    check_on(fuzz::real_engine(), answers);
    check_on(fuzz::fixture_engine(), answers);
    return 0;
}
