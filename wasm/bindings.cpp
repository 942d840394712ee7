// The only Embind file: a thin layer over core/api.hpp, compiled twice (wasm/CMakeLists.txt):
//  - breachcheck_core: the page's module. It reads the compact image and has no JSON library.
//  - breachcheck_validate (BREACHCHECK_WITH_LOADER): adds the strict JSON loader, to validate a
//    dataset or an insurer's overlay in the browser; loaded only on that path.
// Every call returns a JSON string (parsed by web/engine.js); errors come back as values in the
// one error shape, never as C++ exceptions, which Emscripten does not catch by default.
#include <memory>
#include <string>

#include <emscripten/bind.h>

#include "api.hpp"
#ifdef BREACHCHECK_WITH_LOADER
#include "load.hpp"
#endif

namespace {

using breachcheck::error_json;

class WasmEngine {
public:
    // `bytes`: the image, as a Uint8Array (Embind copies it into the string).
    explicit WasmEngine(const std::string& bytes) { adopt(breachcheck::Engine::from_image(bytes)); }

    bool ok() const { return engine_ != nullptr; }
    std::string error() const { return error_; }

    std::string search(const std::string& query, int limit) const {
        if (!engine_) return error_;
        const std::size_t n = limit < 1 ? 1 : (limit > 1000 ? 1000 : static_cast<std::size_t>(limit));
        return engine_->search(query, n);
    }
    std::string list() const { return engine_ ? engine_->list() : error_; }
    std::string info(const std::string& lang, bool with_sha256) const { return engine_ ? engine_->info(lang, with_sha256) : error_; }
    std::string questions(const std::string& lang, const std::string& org) const { return engine_ ? engine_->questions(lang, org) : error_; }
    std::string incidents(const std::string& lang) const { return engine_ ? engine_->incidents(lang) : error_; }
    std::string check(const std::string& answers_json) const { return engine_ ? engine_->check(answers_json) : error_; }
    std::string scan(const std::string& message, const std::string& lang) const { return engine_ ? engine_->scan(message, lang) : error_; }

protected:
    WasmEngine() = default;
    void adopt(breachcheck::LoadOutcome loaded) {
        engine_ = std::move(loaded.engine);
        if (!engine_) error_ = loaded.error_json();
    }

private:
    std::unique_ptr<breachcheck::Engine> engine_;
    std::string error_;
};

#ifdef BREACHCHECK_WITH_LOADER
// An engine from dataset JSON (and an overlay's JSON): what an insurer previewing an overlay
// needs, and what tests/node compares with the image.
class WasmJsonEngine : public WasmEngine {
public:
    WasmJsonEngine(const std::string& dataset_text, const std::string& overlay_text) {
        adopt(breachcheck::load_engine(dataset_text, overlay_text));
    }
};

std::string validate(const std::string& dataset_text) { return breachcheck::validate_text(dataset_text); }

std::string validate_overlay(const std::string& dataset_text, const std::string& overlay_text) {
    return breachcheck::validate_overlay_text(dataset_text, overlay_text);
}
#endif

}  // namespace

EMSCRIPTEN_BINDINGS(breachcheck) {
    emscripten::class_<WasmEngine>("Engine")
        .constructor<const std::string&>()
        .function("ok", &WasmEngine::ok)
        .function("error", &WasmEngine::error)
        .function("search", &WasmEngine::search)
        .function("list", &WasmEngine::list)
        .function("info", &WasmEngine::info)
        .function("questions", &WasmEngine::questions)
        .function("incidents", &WasmEngine::incidents)
        .function("check", &WasmEngine::check)
        .function("scanMessage", &WasmEngine::scan);
#ifdef BREACHCHECK_WITH_LOADER
    emscripten::class_<WasmJsonEngine, emscripten::base<WasmEngine>>("JsonEngine").constructor<const std::string&, const std::string&>();
    emscripten::function("validate", &validate);
    emscripten::function("validateOverlay", &validate_overlay);
#endif
}
