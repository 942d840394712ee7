// Typed, path-reporting reads over nlohmann::json, and JSON parsing within limits.
#include "load_reader.hpp"

#include <algorithm>
#include <unordered_map>

#include "text.hpp"

namespace breachcheck::load {

std::string child(const std::string& path, std::string_view key) {
    std::string out = path;
    out.push_back('/');
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out.push_back(c);
    }
    return out;
}

std::string child(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

const json& field(const json& obj, std::string_view key) {
    static const json null_value;
    if (!obj.is_object()) return null_value;
    const auto it = obj.find(key);
    return it == obj.end() ? null_value : *it;
}

std::string shown(std::string_view s) {
    // The input is valid UTF-8 (the parser checks it): cut before a lead byte, never inside a
    // character; controls become '?'.
    std::string out = "\"";
    std::size_t n = 0;
    for (char c : s) {
        if (++n > 60 && (static_cast<unsigned char>(c) & 0xC0) != 0x80) { out += "…"; break; }
        out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
    }
    return out + "\"";
}

bool valid_date(std::string_view d) {
    // YYYY, YYYY-MM or YYYY-MM-DD with plausible ranges.
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i) {
            if (i >= d.size() || d[i] < '0' || d[i] > '9') return false;
        }
        return true;
    };
    auto num = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (d[i] - '0');
        return v;
    };
    if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
    if (!digits(0, 4) || num(0, 4) < 1990 || num(0, 4) > 2100) return false;
    if (d.size() >= 7 && (d[4] != '-' || !digits(5, 2) || num(5, 2) < 1 || num(5, 2) > 12)) return false;
    if (d.size() == 10 && (d[7] != '-' || !digits(8, 2) || num(8, 2) < 1 || num(8, 2) > 31)) return false;
    return true;
}

bool valid_id(std::string_view id, bool underscore) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (underscore ? c == '_' : c == '-');
        if (!ok) return false;
    }
    return true;
}

namespace {

// The script of a letter, coarsely: enough to refuse a host that mixes scripts.
enum class Script { none, latin, greek, cyrillic, other };

Script script_of(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F)) return Script::latin;
    if (c >= 0x370 && c <= 0x3FF) return Script::greek;
    if (c >= 0x400 && c <= 0x52F) return Script::cyrillic;
    if (c < 0x80) return Script::none;  // digits, '-', '.'
    return Script::other;
}

}  // namespace

bool valid_url(std::string_view u, std::string* why) {
    auto no = [&](const char* reason) {
        if (why) *why = reason;
        return false;
    };
    if (u.size() > 2048) return no("longer than 2048 bytes");
    if (u.rfind("https://", 0) != 0) return no("only https:// addresses are accepted");
    const std::size_t host_start = 8;
    std::size_t host_end = u.find_first_of("/?#", host_start);
    if (host_end == std::string_view::npos) host_end = u.size();
    const std::string_view authority = u.substr(host_start, host_end - host_start);
    if (authority.empty()) return no("no host");
    if (authority.find('@') != std::string_view::npos) return no("user information before the host (\"…@\") is refused: it hides the real host");
    for (char c : u) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return no("spaces, controls, quotes or angle brackets");
    }
    const std::u32string chars = text::decode_utf8(u);
    for (char32_t c : chars) {
        if (text::is_bidi_control(c)) return no("bidirectional control characters");
        if (c == 0xFFFD) return no("not valid UTF-8");
    }
    // One script per host: a Latin name with one Cyrillic letter is a lookalike.
    Script seen = Script::none;
    std::string_view host = authority.substr(0, authority.rfind(':') == std::string_view::npos ? authority.size() : authority.rfind(':'));
    for (char32_t c : text::decode_utf8(host)) {
        const Script s = script_of(c);
        if (s == Script::none) continue;
        if (s == Script::other) return no("characters outside Latin, Greek and Cyrillic in the host");
        if (seen != Script::none && s != seen) return no("a host mixing scripts (a lookalike)");
        seen = s;
    }
    if (host.empty() || host.front() == '.' || host.front() == '-') return no("no host");
    return true;
}

bool valid_colour(std::string_view c) {
    if (c.size() != 7 || c[0] != '#') return false;
    return std::all_of(c.begin() + 1, c.end(), [](char x) { return (x >= '0' && x <= '9') || (x >= 'a' && x <= 'f') || (x >= 'A' && x <= 'F'); });
}

namespace {

// Finds the deepest nesting without recursion, so that "[[[[…" cannot exhaust the stack of
// the parser or of the destructor.
std::size_t nesting_depth(std::string_view s) {
    std::size_t depth = 0, max_depth = 0;
    bool in_string = false, escaped = false;
    for (char c : s) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            max_depth = std::max(max_depth, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return max_depth;
}

// Collects the parser's message for invalid JSON (the DOM parse without exceptions gives none).
struct ErrorFinder : nlohmann::json_sax<json> {
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
        message = ex.what();
        return false;
    }
};

}  // namespace

std::string parse_json(std::string_view text, json& root) {
    if (nesting_depth(text) > max_json_depth) return "JSON nested deeper than " + std::to_string(max_json_depth) + " levels";
    root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!root.is_discarded()) return {};
    ErrorFinder finder;
    json::sax_parse(text.begin(), text.end(), &finder, nlohmann::detail::input_format_t::json, /*strict=*/true);
    std::string message = finder.message;
    // "[json.exception.parse_error.101] parse error at line 3, column 5: …" → drop the prefix.
    if (message.rfind("[json.exception.", 0) == 0 && message.find("] ") != std::string::npos) {
        message = message.substr(message.find("] ") + 2);
    }
    // The message quotes the input ("last read: '…'"), which may be anything but UTF-8.
    return message.empty() ? "invalid JSON" : "invalid JSON: " + text::to_valid_utf8(message);
}

std::string parse_document(std::string_view text, std::size_t max_bytes, const char* what, json& root) {
    if (text.size() > max_bytes) {
        return std::string(what) + " too large (" + std::to_string(text.size()) + " bytes, at most " + std::to_string(max_bytes) + ")";
    }
    return parse_json(text, root);
}

void Reader::error(const std::string& path, std::string message) {
    if (errors.size() < max_errors) errors.push_back({path, std::move(message)});
}

bool Reader::object(const json& j, const std::string& path, std::initializer_list<std::string_view> required,
                    std::initializer_list<std::string_view> optional) {
    if (!j.is_object()) {
        error(path, "expected an object");
        return false;
    }
    for (std::string_view key : required) {
        if (!j.contains(key)) error(child(path, key), "missing required field");
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                           std::find(optional.begin(), optional.end(), key) != optional.end();
        if (!known) error(child(path, key), "unknown field " + shown(key));
    }
    return true;
}

std::string Reader::string(const json& obj, std::string_view key, const std::string& path, bool required, std::size_t max_len) {
    if (!obj.is_object() || !obj.contains(key)) return {};
    const json& v = field(obj, key);
    const std::string p = child(path, key);
    if (!v.is_string()) {
        error(p, "expected a string");
        return {};
    }
    const std::string& s = v.get_ref<const std::string&>();
    if (required && s.empty()) error(p, "must not be empty");
    if (s.size() > max_len) error(p, "string too long (" + std::to_string(s.size()) + " bytes, at most " + std::to_string(max_len) + ")");
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 && c != '\n' && c != '\t') {
            error(p, "control character in string");
            break;
        }
    }
    // Bidi controls reverse what people read (U+202E turns "moc.liame" into "email.com").
    for (char32_t c : text::decode_utf8(s)) {
        if (text::is_bidi_control(c)) {
            error(p, "bidirectional control character in string (U+" + text::hex4(c) + ")");
            break;
        }
    }
    return s;
}

std::string Reader::id(const json& obj, const std::string& path, bool underscore) {
    std::string s = string(obj, "id", path, true, 64);
    if (obj.is_object() && obj.contains("id") && field(obj, "id").is_string() && !valid_id(s, underscore)) {
        error(child(path, "id"), std::string("invalid id ") + shown(s) + (underscore ? " (expected [a-z0-9_]+)" : " (expected [a-z0-9-]+)"));
    }
    return s;
}

std::string Reader::date(const json& obj, std::string_view key, const std::string& path, bool required) {
    std::string s = string(obj, key, path, required, 10);
    if (obj.is_object() && obj.contains(key) && field(obj, key).is_string() && !valid_date(s)) {
        error(child(path, key), "invalid date " + shown(s) + " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    return s;
}

std::string Reader::url(const json& obj, std::string_view key, const std::string& path, bool required) {
    std::string s = string(obj, key, path, required, 2048);
    std::string why;
    if (obj.is_object() && obj.contains(key) && field(obj, key).is_string() && !s.empty() && !valid_url(s, &why)) {
        error(child(path, key), "invalid URL " + shown(s) + " (" + why + ")");
    }
    return s;
}

LocalText Reader::local(const json& obj, std::string_view key, const std::string& path, bool required, std::size_t max_len) {
    LocalText out;
    if (!obj.is_object() || !obj.contains(key)) return out;
    const json& v = field(obj, key);
    const std::string p = child(path, key);
    if (!(french_only ? object(v, p, {"fr"}, {"en"}) : object(v, p, {"fr", "en"}, {}))) return out;
    out.fr = text::typeset_fr(string(v, "fr", p, required, max_len));
    // A French-only file: English readers get the French text (LocalText::get), never nothing;
    // an "en" it carries anyway is checked but not kept, as its image keeps only the French.
    out.en = string(v, "en", p, required && !french_only, max_len);
    if (french_only) out.en.clear();
    return out;
}

bool Reader::boolean(const json& obj, std::string_view key, const std::string& path, bool fallback) {
    if (!obj.is_object() || !obj.contains(key)) return fallback;
    if (!field(obj, key).is_boolean()) {
        error(child(path, key), "expected true or false");
        return fallback;
    }
    return field(obj, key).get<bool>();
}

const json* Reader::array(const json& obj, std::string_view key, const std::string& path, std::size_t max_items) {
    if (!obj.is_object() || !obj.contains(key)) return nullptr;
    const json& v = field(obj, key);
    if (!v.is_array()) {
        error(child(path, key), "expected an array");
        return nullptr;
    }
    if (v.size() > max_items) {
        error(child(path, key), "too many items (" + std::to_string(v.size()) + ", at most " + std::to_string(max_items) + ")");
        return nullptr;
    }
    return &v;
}

std::size_t Reader::for_each_item(const json& obj, std::string_view key, const std::string& path, std::size_t max_items,
                                  const std::function<void(const json&, const std::string&)>& fn) {
    const json* arr = array(obj, key, path, max_items);
    if (!arr) return 0;
    const std::string p = child(path, key);
    for (std::size_t i = 0; i < arr->size(); ++i) fn((*arr)[i], child(p, i));
    return arr->size();
}

std::vector<std::string> Reader::strings(const json& obj, std::string_view key, const std::string& path, std::size_t max_len) {
    std::vector<std::string> out;
    for_each_item(obj, key, path, 500, [&](const json& v, const std::string& p) {
        if (!v.is_string()) {
            error(p, "expected a string");
            return;
        }
        const std::string& s = v.get_ref<const std::string&>();
        if (s.empty()) error(p, "must not be empty");
        else if (s.size() > max_len) error(p, "string too long");
        else out.push_back(s);
    });
    return out;
}

SourceRefs Reader::sources(const json& obj, const std::string& path, bool required) {
    SourceRefs out;
    if (!obj.is_object()) return out;
    if (!obj.contains("sources")) {
        if (required) error(child(path, "sources"), "missing required field");
        return out;
    }
    const std::size_t n = for_each_item(obj, "sources", path, 100, [&](const json& v, const std::string& p) {
        if (!v.is_string()) {
            error(p, "expected a source id (string)");
            return;
        }
        const auto it = source_index.find(v.get_ref<const std::string&>());
        if (it == source_index.end()) error(p, "unknown source id " + shown(v.get_ref<const std::string&>()));
        else out.push_back(it->second);
    });
    if (n == 0 && required && field(obj, "sources").is_array()) error(child(path, "sources"), "a fact needs at least one source");
    return out;
}

ClassList Reader::class_list(const json& obj, std::string_view key, const std::string& path) {
    ClassList out;
    if (!obj.is_object() || !obj.contains(key)) return out;
    const json& v = field(obj, key);
    const std::string p = child(path, key);
    if (!object(v, p, {"classes", "sources"}, {})) return out;
    out.classes = strings(v, "classes", p, 64);
    for (std::size_t i = 0; i < out.classes.size(); ++i) {
        if (ds && !ds->find_class(out.classes[i])) error(child(child(p, "classes"), i), "unknown data class " + shown(out.classes[i]));
    }
    out.sources = sources(v, p, true);
    return out;
}

Sourced Reader::sourced(const json& obj, std::string_view key, const std::string& path, bool sources_required) {
    Sourced out;
    if (!obj.is_object() || !obj.contains(key)) return out;
    const std::string p = child(path, key);
    if (!object(field(obj, key), p, sources_required ? std::initializer_list<std::string_view>{"text", "sources"}
                                                      : std::initializer_list<std::string_view>{"text"},
                sources_required ? std::initializer_list<std::string_view>{} : std::initializer_list<std::string_view>{"sources"})) {
        return out;
    }
    out.text = local(field(obj, key), "text", p);
    out.sources = sources(field(obj, key), p, sources_required);
    return out;
}

std::size_t Reader::incident_ref(const json& obj, const std::string& path) {
    const std::string s = string(obj, "incident", path, true, 64);
    if (ds) {
        for (std::size_t i = 0; i < ds->incidents.size(); ++i) {
            if (ds->incidents[i].id == s) return i;
        }
    }
    if (obj.is_object() && obj.contains("incident") && field(obj, "incident").is_string()) {
        error(child(path, "incident"), "unknown incident " + shown(s));
    }
    return no_index;
}

void Reader::check_unique(const std::vector<std::string>& ids, const std::string& path, const char* what) {
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i].empty()) continue;
        const auto [it, inserted] = seen.emplace(ids[i], i);
        if (!inserted) {
            error(child(child(path, i), "id"), std::string("duplicate ") + what + " id " + shown(ids[i]) + " (first at " + child(path, it->second) + ")");
        }
    }
}

}  // namespace breachcheck::load
