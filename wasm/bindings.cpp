// The only Embind file: a thin layer exposing the core's JSON API to JavaScript. Every call
// returns a JSON string (parsed by web/engine.js); errors come back as values, never as C++
// exceptions, which Emscripten does not catch by default.
#include <memory>
#include <string>
#include <vector>

#include <emscripten/bind.h>

#include "api.hpp"

namespace {

using breachcheck::dump;
using breachcheck::error_json;
using json = nlohmann::json;

class WasmEngine {
public:
    // `overlay_text` empty: no overlay. Overlay errors get their own code so that the page can
    // say "your insurer's configuration is invalid" rather than "the dataset is invalid".
    WasmEngine(const std::string& dataset_text, const std::string& overlay_text) {
        std::vector<breachcheck::ValidationError> errors;
        engine_ = breachcheck::Engine::load(dataset_text, errors, overlay_text);
        if (!engine_) {
            json list = json::array();
            for (const auto& e : errors) list.push_back({{"path", e.path}, {"message", e.message}});
            const bool overlay_at_fault = !overlay_text.empty() && breachcheck::load_dataset(dataset_text).dataset != nullptr;
            json err = overlay_at_fault
                           ? error_json("invalid_overlay", "the insurer's configuration is invalid (" + std::to_string(errors.size()) + " errors)")
                           : error_json("invalid_dataset", "the dataset is invalid (" + std::to_string(errors.size()) + " errors)");
            err["error"]["errors"] = std::move(list);
            error_ = dump(err);
        }
    }

    bool ok() const { return engine_ != nullptr; }
    std::string error() const { return error_; }

    std::string search(const std::string& query, int limit) const {
        if (!engine_) return error_;
        const std::size_t n = limit < 1 ? 1 : (limit > 1000 ? 1000 : static_cast<std::size_t>(limit));
        return dump(engine_->search(query, n));
    }

    std::string list() const { return engine_ ? dump(engine_->list()) : error_; }

    std::string scan(const std::string& message, const std::string& lang) const {
        return engine_ ? dump(engine_->scan(message, lang)) : error_;
    }
    std::string info() const { return engine_ ? dump(engine_->info()) : error_; }

    std::string check(const std::string& answers_json) const {
        if (!engine_) return error_;
        if (answers_json.size() > 64 * 1024) return dump(error_json("input_too_large", "answers larger than 64 KiB"));
        const json answers = json::parse(answers_json, nullptr, /*allow_exceptions=*/false);
        if (answers.is_discarded()) return dump(error_json("invalid_answers", "answers are not valid JSON"));
        return dump(engine_->check(answers));
    }

private:
    std::unique_ptr<breachcheck::Engine> engine_;
    std::string error_;
};

std::string validate(const std::string& dataset_text) { return dump(breachcheck::validate(dataset_text)); }

std::string validate_overlay(const std::string& dataset_text, const std::string& overlay_text) {
    return dump(breachcheck::validate_overlay(dataset_text, overlay_text));
}

}  // namespace

EMSCRIPTEN_BINDINGS(breachcheck) {
    emscripten::class_<WasmEngine>("Engine")
        .constructor<const std::string&, const std::string&>()
        .function("ok", &WasmEngine::ok)
        .function("error", &WasmEngine::error)
        .function("search", &WasmEngine::search)
        .function("list", &WasmEngine::list)
        .function("info", &WasmEngine::info)
        .function("check", &WasmEngine::check)
        .function("scanMessage", &WasmEngine::scan);
    emscripten::function("validate", &validate);
    emscripten::function("validateOverlay", &validate_overlay);
}
