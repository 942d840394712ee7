// The engine's public face: JSON documents in and out, shared by the CLI (--json) and the
// WebAssembly bindings so that both give exactly the same answers (see docs/api.md).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "assess.hpp"
#include "dataset.hpp"
#include "search.hpp"

namespace breachcheck {

class Engine {
public:
    // Null engine and the validation errors when the dataset (or the overlay, when not empty)
    // is invalid; overlay errors carry paths inside the overlay document.
    static std::unique_ptr<Engine> load(std::string_view dataset_text, std::vector<ValidationError>& errors,
                                        std::string_view overlay_text = {});

    const Dataset& dataset() const { return *dataset_; }
    const SearchIndex& index() const { return index_; }

    nlohmann::json search(std::string_view query, std::size_t limit) const;
    nlohmann::json list() const;
    // `answers` as in docs/api.md; returns the check result or {"error": {code, message}}.
    nlohmann::json check(const nlohmann::json& answers) const;
    nlohmann::json info() const;
    // The scam-message analyser (core/scam.hpp), with the dataset's insurer domains as official.
    nlohmann::json scan(std::string_view message, std::string_view lang) const;

    // Smallest search score at which a free-text query picks an organization for check.
    static constexpr double query_pick_score = 0.6;

private:
    Engine(std::shared_ptr<const Dataset> ds) : dataset_(std::move(ds)), index_(*dataset_) {}
    std::shared_ptr<const Dataset> dataset_;
    SearchIndex index_;
};

nlohmann::json validate(std::string_view dataset_text);
// Validates an insurer's overlay against a (valid) base dataset: {valid, errors, warnings}.
nlohmann::json validate_overlay(std::string_view dataset_text, std::string_view overlay_text);
nlohmann::json error_json(std::string_view code, std::string message);

// Serialises with invalid UTF-8 replaced (user text can contain anything); never throws.
std::string dump(const nlohmann::json& j, int indent = -1);

// Re-encodes text as valid UTF-8 (invalid bytes become U+FFFD), cut to `max_bytes`.
std::string sanitize_utf8(std::string_view s, std::size_t max_bytes);

}  // namespace breachcheck
