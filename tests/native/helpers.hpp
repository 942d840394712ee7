// Shared test helpers: read the real dataset and load engines from JSON edits of it.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "api.hpp"

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline const std::string& real_dataset_text() {
    static const std::string text = read_text(BREACHCHECK_DATASET);
    return text;
}

inline nlohmann::json real_dataset_json() { return nlohmann::json::parse(real_dataset_text()); }

inline const breachcheck::Engine& real_engine() {
    static const std::unique_ptr<breachcheck::Engine> engine = [] {
        std::vector<breachcheck::ValidationError> errors;
        auto e = breachcheck::Engine::load(real_dataset_text(), errors);
        if (!e) throw std::runtime_error("real dataset invalid: " + (errors.empty() ? std::string() : errors[0].path + " " + errors[0].message));
        return e;
    }();
    return *engine;
}
