// The engine's public face: JSON text in and out, shared by the CLI (--json) and the WebAssembly
// bindings so that both give exactly the same answers (docs/api.md). Every answer is an object
// with "ok": true, or {"ok": false, "error": {"code", "message", "path"?, "errors"?}}, the one
// error shape; codes come from vocab.hpp's error_codes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "assess.hpp"
#include "dataset.hpp"
#include "search.hpp"

namespace breachcheck {

class Engine;

// What loading gives, in one go: the engine, or the stage that failed and its errors.
struct LoadOutcome {
    std::unique_ptr<Engine> engine;
    std::string stage;  // "" when loaded; else "dataset", "overlay" or "image"
    std::vector<ValidationError> errors;
    // {ok:false, error:{code, message, errors}} for a failed load ("" when loaded).
    std::string error_json() const;
};

class Engine {
public:
    // From a compact image (image.hpp): what the page's module does.
    static LoadOutcome from_image(std::string_view image_bytes);
    // From a dataset already loaded (the JSON loader, in load.hpp, gives one).
    static std::unique_ptr<Engine> from_dataset(std::unique_ptr<const Dataset> ds);

    const Dataset& dataset() const { return *dataset_; }
    // SHA-256 of the file the dataset was loaded from (for an image: computed on first use, so
    // that a first verdict does not wait for it; the page compares it with the manifest).
    const std::string& sha256() const;
    // Built on first use (a search, or a typed name in check): a first verdict from an id, as a
    // pre-filled link gives, does not wait for it.
    const SearchIndex& index() const;

    std::string search(std::string_view query, std::size_t limit) const;
    std::string list() const;
    // `answers_json`: a flat object of string answers (docs/api.md).
    std::string check(std::string_view answers_json) const;
    // with_sha256 = false leaves "sha256" null: the page reads the limits and answers before its
    // first verdict, and has the file hashed after it (hashing is slow in freshly loaded wasm).
    std::string info(std::string_view lang, bool with_sha256 = true) const;
    // Every question's definition, with the options generated for `org_id` ("" = none).
    std::string questions(std::string_view lang, std::string_view org_id) const;
    // Every incident, assessed and informational, with its dates, figures and sources.
    std::string incidents(std::string_view lang) const;
    // The scam-message analyser (core/scam.hpp), with the dataset's insurer domains as official.
    std::string scan(std::string_view message, std::string_view lang) const;

    // Smallest search score at which a typed name picks an entry, and the lead it needs over the
    // next one: below either, the answer lists candidates instead of guessing.
    static constexpr double query_pick_score = 0.6;
    static constexpr double query_pick_margin = 0.1;
    static constexpr std::size_t max_answers_bytes = 64 * 1024;

private:
    explicit Engine(std::unique_ptr<const Dataset> ds) : dataset_(std::move(ds)) {}
    std::unique_ptr<const Dataset> dataset_;
    mutable std::unique_ptr<const SearchIndex> index_;
    std::string image_;              // the image's bytes, until its SHA-256 is computed
    mutable std::string sha256_;
};

// {ok:false, error:{code, message}}; the code is checked against vocab.hpp's table.
std::string error_json(std::string_view code, std::string_view message);
// {ok:true, valid, errors:[{path, message}], warnings:[…]}
std::string validation_json(const std::vector<ValidationError>& errors, const std::vector<ValidationError>& warnings = {});

}  // namespace breachcheck
