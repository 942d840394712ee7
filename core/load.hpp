// Reading the dataset and insurers' overlays from JSON: strict, never throws, and every error
// names the JSON pointer of the offending value. Uses nlohmann::json, so only the CLI, the
// validator and the validating wasm module link it; the page's module reads the image instead.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "api.hpp"
#include "dataset.hpp"

namespace breachcheck {

struct LoadResult {
    std::unique_ptr<const Dataset> dataset;  // null when errors is not empty
    std::vector<ValidationError> errors;
};

// Parses and validates; collects every error it can find (up to a cap) instead of stopping at
// the first.
LoadResult load_dataset(std::string_view json_text);

// Validates an insurer's overlay against `base` and returns the merged dataset: the overlay's
// sources and actions are added (an action with a base id replaces it), its scopes replace the
// organization's scopes for the incidents they name, its notes, contacts, notification and theme
// are attached. Errors name JSON paths inside the overlay.
LoadResult apply_overlay(const Dataset& base, std::string_view overlay_text);

// An engine from dataset text (JSON, or an image), with an insurer's overlay (JSON) merged when
// not empty. One call tells which stage failed.
LoadOutcome load_engine(std::string_view dataset_text, std::string_view overlay_text = {});

// `breachcheck validate`: {ok, valid, errors, warnings} for a dataset (JSON or image).
std::string validate_text(std::string_view dataset_text);
// An insurer's overlay against a (valid) base dataset: {ok, valid, errors, warnings}.
std::string validate_overlay_text(std::string_view dataset_text, std::string_view overlay_text);

// WCAG 2.1 contrast ratio of two "#rrggbb" colours (1 to 21); 0 when either is malformed.
double contrast_ratio(std::string_view a, std::string_view b);

// The page's own colours (web/css/theme.css: --panel, --ink, --accent, --accent-text, --muted;
// tests/node/i18n.test.mjs checks they are equal): an overlay token left out keeps these, and
// the contrast check uses them.
inline constexpr std::string_view default_background = "#ffffff";
inline constexpr std::string_view default_text = "#1b1f24";
inline constexpr std::string_view default_accent = "#1d4f91";
inline constexpr std::string_view default_accent_text = "#ffffff";
inline constexpr std::string_view default_muted = "#4a5361";

}  // namespace breachcheck
