// A small streaming JSON writer for the engine's answers (no DOM, no printf), and a checked
// reader for the one JSON document the engine takes in: a flat object of string answers. The
// page's module uses these instead of nlohmann::json (bench/README.md: size and start-up).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace breachcheck {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    // Strings are written as valid UTF-8 (invalid bytes become U+FFFD) and escaped; "<", ">"
    // and "&" are escaped too, so that the text stays inert if someone pastes it into HTML.
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter& value(std::size_t n) { return value(static_cast<std::int64_t>(n)); }
    // A score in [0, 1], with three decimals ("0.913").
    JsonWriter& score(double v);
    JsonWriter& null();
    // key(k).value(v) in one call.
    template <typename T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    JsonWriter& field_or_null(std::string_view k, std::string_view v) {
        key(k);
        return v.empty() ? null() : value(v);
    }
    // A value already written as JSON by another JsonWriter.
    JsonWriter& raw(std::string_view json);

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    std::vector<bool> first_;  // per open container: no element written yet
    bool after_key_ = false;
    void separate();
};

std::string format_int(std::int64_t n);

// A parsed answers document: {"key": "value" | null, ...}. Anything else (nested values,
// numbers, duplicate keys, invalid JSON, more than `max_keys` keys) is an error with a message.
struct FlatObject {
    std::vector<std::pair<std::string, std::string>> fields;  // null values are left out
    std::string error;                                         // "" when parsed
    const std::string* find(std::string_view key) const;
};

FlatObject parse_flat_object(std::string_view json, std::size_t max_keys = 32);

}  // namespace breachcheck
