// Target (a): the dataset loader/validator on arbitrary bytes. Whatever the input, load_dataset
// must not crash, throw or hang, and must either reject it with errors (each naming a JSON path)
// or accept it; an accepted dataset must then give a working engine whose answers keep the
// documented invariants.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common.hpp"
#include "sha256.hpp"
#include "stats.hpp"

using namespace breachcheck;
using fuzz::json;

namespace {

void exercise(const Engine& engine, std::string_view text) {
    const Dataset& ds = engine.dataset();
    FUZZ_CHECK(ds.sha256 == sha256_hex(text));
    FUZZ_CHECK(fuzz::dumps_as_valid_utf8(engine.info()));
    FUZZ_CHECK(fuzz::dumps_as_valid_utf8(engine.list()));
    FUZZ_CHECK(fuzz::dumps_as_valid_utf8(dataset_stats(ds)));

    const json nobody = engine.check(json::object());
    fuzz::check_result_invariants(engine, nobody);
    fuzz::check_result_invariants(engine, engine.check({{"role", "pro"}, {"card", "almerys"}}));
    if (ds.organizations.empty()) return;

    // A few organizations per input (all of them would make big inputs too slow): the first, the
    // last and one chosen by the input's hash.
    const std::size_t n = ds.organizations.size();
    const std::size_t picked[] = {0, n - 1, std::hash<std::string_view>{}(text) % n};
    for (std::size_t i : picked) {
        const Organization& o = ds.organizations[i];
        // Searching an organization's exact name finds it with score 1 (names never collide).
        const json found = engine.search(o.name, n);
        bool exact = false;
        for (const json& s : found["results"]) exact = exact || (s["id"] == o.id && s["score"] == 1.0);
        FUZZ_CHECK(exact, o.name + " → " + dump(found));

        const json plain = engine.check({{"org", o.id}});
        fuzz::check_result_invariants(engine, plain);
        FUZZ_CHECK(plain["org"]["id"] == o.id, plain);

        // Someone who joined after the attacks was not on the file, whatever the card says.
        const json later = engine.check({{"org", o.id}, {"covered", "after2024"}, {"card", "viamedis"}, {"lang", "en"}});
        fuzz::check_result_invariants(engine, later);
        for (const json& inc : later["incidents"]) FUZZ_CHECK(inc["verdict"] == "not_affected", later);

        std::string contract = "?";
        for (const Scope& s : o.scopes) {
            if (!s.contracts.empty()) contract = s.contracts.front();
        }
        fuzz::check_result_invariants(engine, engine.check({{"org", o.id}, {"network", "itelis"}, {"card", "almerys"},
                                                            {"covered", "jan2024"}, {"contract", contract}}));
        fuzz::check_result_invariants(engine, engine.check({{"query", o.aliases.empty() ? o.name : o.aliases.back()},
                                                            {"network", "other"}, {"card", "none"}}));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<ValidationError> errors;
    const std::unique_ptr<Engine> engine = Engine::load(text, errors);
    FUZZ_CHECK((engine == nullptr) == !errors.empty());
    FUZZ_CHECK(errors.size() <= 200);
    json listed = json::array();
    for (const ValidationError& e : errors) {
        FUZZ_CHECK(e.path.empty() || e.path[0] == '/', e.path);
        FUZZ_CHECK(!e.message.empty(), e.path);
        listed.push_back({{"path", e.path}, {"message", e.message}});
    }
    // What `validate` returns must be valid UTF-8 (it is shown in the page and the terminal).
    FUZZ_CHECK(fuzz::dumps_as_valid_utf8(listed), dump(listed));
    if (engine) exercise(*engine, text);
    return 0;
}
