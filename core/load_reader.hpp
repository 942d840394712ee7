// The JSON side of the loader: parsing within limits, and typed reads that record an error with
// the JSON pointer of any value that does not fit (used by load_dataset.cpp and load_overlay.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "dataset.hpp"

namespace breachcheck::load {

using json = nlohmann::json;

inline constexpr std::size_t max_errors = 200;
inline constexpr std::size_t max_text = 8000;
inline constexpr std::size_t max_name = 300;

std::string child(const std::string& path, std::string_view key);
std::string child(const std::string& path, std::size_t index);

// A member of an object, or null (a missing key or a non-object never is undefined behaviour).
const json& field(const json& obj, std::string_view key);

// An id or name quoted in a message: cut, printable, never cut inside a character.
std::string shown(std::string_view s);

// Parses JSON text within the depth limit; returns "" or the error message (never throws).
std::string parse_json(std::string_view text, json& root);
// A whole document of `what` ("dataset", "overlay"): refused above max_bytes, then parsed;
// returns "" or the one error of the document.
std::string parse_document(std::string_view text, std::size_t max_bytes, const char* what, json& root);

bool valid_date(std::string_view d);
bool valid_id(std::string_view id, bool underscore);
// https: only, a host without userinfo, no spaces, controls or bidi characters, and a host in
// one script (ASCII, or letters of one script: no Cyrillic "а" in a Latin name).
bool valid_url(std::string_view u, std::string* why = nullptr);
bool valid_colour(std::string_view c);

// Typed reads over one JSON document; every problem is an error at a JSON pointer.
class Reader {
public:
    std::vector<ValidationError> errors;
    bool french_only = false;  // texts need no "en" (a dataset with "languages": ["fr"])
    std::unordered_map<std::string, std::size_t> source_index;  // source id → index
    const Dataset* ds = nullptr;  // for references (data classes, incidents, networks)

    void error(const std::string& path, std::string message);

    // `j` is an object whose keys are all in `required` ∪ `optional`, the required ones present.
    bool object(const json& j, const std::string& path, std::initializer_list<std::string_view> required,
                std::initializer_list<std::string_view> optional);
    // A string field; `max_len` in bytes. "" when absent or invalid (error recorded if `required`).
    std::string string(const json& obj, std::string_view key, const std::string& path, bool required, std::size_t max_len = max_name);
    std::string id(const json& obj, const std::string& path, bool underscore = false);
    std::string date(const json& obj, std::string_view key, const std::string& path, bool required);
    std::string url(const json& obj, std::string_view key, const std::string& path, bool required);
    LocalText local(const json& obj, std::string_view key, const std::string& path, bool required = true, std::size_t max_len = max_text);
    bool boolean(const json& obj, std::string_view key, const std::string& path, bool fallback);
    // An optional array of at most `max_items`; null when absent or not an array (error then).
    const json* array(const json& obj, std::string_view key, const std::string& path, std::size_t max_items = 5000);
    std::vector<std::string> strings(const json& obj, std::string_view key, const std::string& path, std::size_t max_len = max_name);
    // Calls `fn(item, item_path)` for each element of the array `key` (the one loop every
    // section uses); returns the number of items.
    std::size_t for_each_item(const json& obj, std::string_view key, const std::string& path, std::size_t max_items,
                              const std::function<void(const json&, const std::string&)>& fn);
    // Source id references; `required` means at least one.
    SourceRefs sources(const json& obj, const std::string& path, bool required);
    ClassList class_list(const json& obj, std::string_view key, const std::string& path);
    Sourced sourced(const json& obj, std::string_view key, const std::string& path, bool sources_required = true);
    std::size_t incident_ref(const json& obj, const std::string& path);
    // One value of a fixed vocabulary (vocab.hpp), with the list in the message.
    template <typename E, std::size_t N>
    bool vocab(const json& obj, std::string_view key, const std::string& path, const Vocab<E, N>& table, const char* what, E& out) {
        if (!obj.is_object() || !obj.contains(key)) return false;
        const std::string s = string(obj, key, path, true, 64);
        if (!field(obj, key).is_string()) return false;
        if (parse_id(table, s, out)) return true;
        error(child(path, key), std::string("unknown ") + what + " " + shown(s) + " (expected " + id_list(table) + ")");
        return false;
    }
    void check_unique(const std::vector<std::string>& ids, const std::string& path, const char* what);
};

}  // namespace breachcheck::load
