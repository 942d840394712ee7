// Shared test helpers: read the real dataset and the fixture, load engines, call them with
// JSON answers and read their JSON answers back.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "load.hpp"

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

inline std::string fixture_text() { return read_text(std::string(BREACHCHECK_FIXTURES) + "/minimal.json"); }

inline nlohmann::json real_dataset_json() { return nlohmann::json::parse(real_dataset_text()); }

inline std::unique_ptr<breachcheck::Engine> engine_from(const std::string& text, const std::string& overlay = {}) {
    breachcheck::LoadOutcome r = breachcheck::load_engine(text, overlay);
    if (!r.engine) throw std::runtime_error("dataset invalid: " + r.error_json());
    return std::move(r.engine);
}

inline const breachcheck::Engine& real_engine() {
    static const std::unique_ptr<breachcheck::Engine> engine = engine_from(real_dataset_text());
    return *engine;
}

inline const breachcheck::Dataset& fixture() {
    static const std::unique_ptr<breachcheck::Engine> engine = engine_from(fixture_text());
    return engine->dataset();
}

// The engine's check() with answers as a JSON object, its answer parsed.
inline nlohmann::json check(const breachcheck::Engine& e, const nlohmann::json& answers) {
    return nlohmann::json::parse(e.check(answers.dump()));
}
