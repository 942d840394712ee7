// Target (f): the compact image reader on arbitrary bytes (read_image, Engine::from_image, and
// load_engine / validate_text for bytes that start like an image), as the page's module runs it
// on a downloaded file. The reader promises to refuse a truncated, altered or hostile image with a
// message and never to read out of bounds (AddressSanitizer and UBSan watch every read here). An
// image it accepts must give an engine that answers every call within the invariants that the
// engine's code guarantees whatever the data (common.hpp, Trust::image), and that rewrites to an
// image that reads back the same.
//
// The seeds are real images (make_seeds writes them from data/dataset.json and the test fixture,
// in full and French-only), plus truncated and bit-flipped copies.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common.hpp"
#include "sha256.hpp"

using namespace breachcheck;
using fuzz::json;

namespace {

void exercise(const Engine& engine, std::string_view bytes) {
    const Dataset& ds = engine.dataset();
    FUZZ_CHECK(ds.sha256.empty());
    // The image's own SHA-256, computed on first use (once: it is slow under the sanitizers).
    FUZZ_CHECK(engine.sha256() == (bytes.size() <= 64 * 1024 ? sha256_hex(bytes) : engine.sha256()) && engine.sha256().size() == 64);
    FUZZ_CHECK(ds.schema_version == supported_schema_version);
    FUZZ_CHECK(check_model(ds).empty());

    // What it read rewrites to an image that reads back and rewrites to the same bytes. (The
    // bytes themselves come back unless the rule texts were out of order or repeated: the model
    // keeps them in a map.)
    const std::string again = write_image(ds);
    FUZZ_CHECK(again.size() <= bytes.size());
    const ImageResult back = read_image(again);
    FUZZ_CHECK(back.dataset != nullptr, back.error);
    FUZZ_CHECK(write_image(*back.dataset) == again);

    fuzz::check_other_calls(engine, fuzz::Trust::image);
    const json found = fuzz::parse_output(engine.search(ds.organizations.empty() ? std::string("mutuelle") : ds.organizations[0].name, 5),
                                          "search", true);
    FUZZ_CHECK(found["ok"] == true && found["results"].size() <= 5, found);

    // Answers: nobody, a professional, and for a few organizations their id alone and with one
    // answer per question (chosen by the image's size).
    std::vector<json> docs = {json::object(), {{"role", "pro"}, {"lang", "en"}}};
    const std::size_t n = ds.organizations.size();
    if (n > 0) {
        for (const std::size_t i : {std::size_t{0}, n - 1, bytes.size() % n}) {
            const Organization& o = ds.organizations[i];
            if (!text::is_valid_utf8(o.id)) continue;  // not an id the page could send
            json a = {{"org", o.id}};
            docs.push_back(a);
            for (const Question& q : ds.questions) {
                if (!text::is_valid_utf8(q.id) || a.contains(q.id) || q.id == "org" || q.id == "query" || q.id == "role" || q.id == "lang") continue;
                const std::vector<Option> opts = answer_options(ds, q, &o);
                if (opts.empty()) continue;
                const std::string& id = opts[(bytes.size() / 7 + i) % opts.size()].id;
                if (text::is_valid_utf8(id)) a[q.id] = id;
            }
            docs.push_back(a);
        }
    }
    for (const json& answers : docs) (void)fuzz::check(engine, answers, fuzz::Trust::image);
    (void)fuzz::parse_output(engine.scan("Votre carte Vitale expire : https://ameli-renouvellement.com", "fr"), "scan", true);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const ImageResult r = read_image(bytes);
    FUZZ_CHECK((r.dataset == nullptr) == !r.error.empty());
    FUZZ_CHECK(text::is_valid_utf8(r.error), r.error);
    if (!looks_like_image(bytes)) FUZZ_CHECK(r.dataset == nullptr);

    LoadOutcome o = Engine::from_image(bytes);
    FUZZ_CHECK((o.engine != nullptr) == (r.dataset != nullptr));
    if (!o.engine) {
        FUZZ_CHECK(o.stage == "image" && o.errors.size() == 1 && o.errors[0].path.empty() && o.errors[0].message == r.error, o.error_json());
        const json e = fuzz::parse_output(o.error_json(), "error_json");
        fuzz::check_error(e, {"invalid_image"});
    } else {
        FUZZ_CHECK(o.stage.empty() && o.errors.empty() && o.error_json().empty());
    }
    if (looks_like_image(bytes)) {
        // The CLI's and the validating module's entry points take images too.
        const LoadOutcome via_load = load_engine(bytes);
        FUZZ_CHECK((via_load.engine != nullptr) == (r.dataset != nullptr) && via_load.stage == (r.dataset ? "" : "image"));
        const json report = fuzz::parse_output(validate_text(bytes), "validate");
        FUZZ_CHECK(report["valid"] == (r.dataset != nullptr), report);
        if (!r.dataset) FUZZ_CHECK(report["errors"].size() == 1 && report["errors"][0]["message"] == r.error, report);
    }
    if (o.engine) exercise(*o.engine, bytes);
    return 0;
}
