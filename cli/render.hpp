// Human-readable output of the CLI (French by default), rendered from the same JSON as --json.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

std::string render_check(const nlohmann::json& result);
std::string render_search(const nlohmann::json& result);
std::string render_list(const nlohmann::json& result);
std::string render_incidents(const nlohmann::json& result);
std::string render_stats(const nlohmann::json& stats);
std::string render_scan(const nlohmann::json& result, bool en);
