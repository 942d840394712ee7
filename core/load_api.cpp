// Loading an engine and validating files from their text (JSON or image): the CLI's and the
// validating module's entry points (load.hpp).
#include "image.hpp"
#include "load.hpp"

namespace breachcheck {

namespace {

LoadResult load_any(std::string_view text) {
    if (!looks_like_image(text)) return load_dataset(text);
    ImageResult r = read_image(text);
    LoadResult out;
    if (r.dataset) out.dataset = std::move(r.dataset);
    else out.errors.push_back({"", r.error});
    return out;
}

}  // namespace

LoadOutcome load_engine(std::string_view dataset_text, std::string_view overlay_text) {
    LoadOutcome out;
    LoadResult r = load_any(dataset_text);
    if (!r.dataset) {
        out.stage = looks_like_image(dataset_text) ? "image" : "dataset";
        out.errors = std::move(r.errors);
        return out;
    }
    if (!overlay_text.empty()) {
        r = apply_overlay(*r.dataset, overlay_text);
        if (!r.dataset) {
            out.stage = "overlay";
            out.errors = std::move(r.errors);
            return out;
        }
    }
    out.engine = Engine::from_dataset(std::move(r.dataset));
    return out;
}

std::string validate_text(std::string_view text) { return validation_json(load_any(text).errors); }

std::string validate_overlay_text(std::string_view dataset_text, std::string_view overlay_text) {
    const LoadResult base = load_any(dataset_text);
    if (!base.dataset) return validation_json({{"", "the base dataset is invalid: run validate on it first"}});
    const LoadResult merged = apply_overlay(*base.dataset, overlay_text);
    std::vector<ValidationError> warnings;
    if (merged.dataset && !merged.dataset->overlay.theme.fallback_reason.empty()) {
        warnings.push_back({"/theme", merged.dataset->overlay.theme.fallback_reason + ": the default theme will be used"});
    }
    return validation_json(merged.errors, warnings);
}

}  // namespace breachcheck
