// Streaming JSON writer and flat answers reader (json_out.hpp).
#include "json_out.hpp"

#include <algorithm>
#include <cmath>

#include "text.hpp"

namespace breachcheck {

std::string format_int(std::int64_t n) {
    if (n == 0) return "0";
    const bool negative = n < 0;
    // Work on the magnitude as unsigned so that the most negative value is handled.
    std::uint64_t m = negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    char buf[24];
    std::size_t i = sizeof buf;
    while (m > 0) {
        buf[--i] = static_cast<char>('0' + m % 10);
        m /= 10;
    }
    if (negative) buf[--i] = '-';
    return std::string(buf + i, sizeof buf - i);
}

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_.push_back(',');
        first_.back() = false;
    }
}

JsonWriter& JsonWriter::begin_object() {
    separate();
    out_.push_back('{');
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    out_.push_back('}');
    first_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    separate();
    out_.push_back('[');
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    out_.push_back(']');
    first_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    value(k);
    out_.push_back(':');
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    separate();
    static const char hex[] = "0123456789abcdef";
    out_.push_back('"');
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80) {
            // A valid multi-byte sequence is copied as is; any invalid byte becomes U+FFFD.
            const std::size_t n = text::utf8_sequence_length(s, i);
            if (n == 0) out_ += "\xEF\xBF\xBD";
            else out_.append(s.data() + i, n), i += n - 1;
            continue;
        }
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            case '<': out_ += "\\u003c"; break;
            case '>': out_ += "\\u003e"; break;
            case '&': out_ += "\\u0026"; break;
            default:
                if (b < 0x20 || b == 0x7F) {
                    out_ += "\\u00";
                    out_.push_back(hex[b >> 4]);
                    out_.push_back(hex[b & 0xF]);
                } else {
                    out_.push_back(c);
                }
        }
    }
    out_.push_back('"');
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
    separate();
    out_ += format_int(n);
    return *this;
}

JsonWriter& JsonWriter::score(double v) {
    separate();
    if (!(v > 0)) v = 0;
    if (v > 1) v = 1;
    const auto thousandths = static_cast<std::int64_t>(std::lround(v * 1000.0));
    if (thousandths % 1000 == 0) {
        out_ += format_int(thousandths / 1000);
        return *this;
    }
    // 913 → "0.913", 50 → "0.05" (no trailing zeros, as JSON serializers print doubles)
    std::string frac = format_int(thousandths % 1000);
    while (frac.size() < 3) frac.insert(frac.begin(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    out_ += format_int(thousandths / 1000) + "." + frac;
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    separate();
    out_ += json;
    return *this;
}

const std::string* FlatObject::find(std::string_view key) const {
    for (const auto& [k, v] : fields) {
        if (k == key) return &v;
    }
    return nullptr;
}

namespace {

struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    void space() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    bool eat(char c) {
        space();
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    bool hex4(std::uint32_t& out) {
        if (s.size() - i < 4) return false;
        out = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s[i++];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }
    // A JSON string (the opening quote already seen); false on any malformation.
    bool string(std::string& out) {
        while (i < s.size()) {
            const char c = s[i++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (i >= s.size()) return false;
            const char e = s[i++];
            switch (e) {
                case '"': out.push_back('"'); break;
                case '\\': out.push_back('\\'); break;
                case '/': out.push_back('/'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        std::uint32_t lo = 0;
                        if (s.size() - i < 6 || s[i] != '\\' || s[i + 1] != 'u') return false;
                        i += 2;
                        if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return false;
                    }
                    text::encode_utf8(static_cast<char32_t>(cp), out);
                    break;
                }
                default: return false;
            }
        }
        return false;
    }
};

}  // namespace

FlatObject parse_flat_object(std::string_view json, std::size_t max_keys) {
    FlatObject out;
    Cursor c{json};
    auto fail = [&](const char* why) {
        out.fields.clear();
        out.error = why;
        return out;
    };
    if (!c.eat('{')) return fail("answers must be a JSON object");
    if (c.eat('}')) {
        c.space();
        return c.i == json.size() ? out : fail("answers are not valid JSON");
    }
    std::size_t keys = 0;
    std::vector<std::string> seen;  // every key, those set to null too
    while (true) {
        if (!c.eat('"')) return fail("answers are not valid JSON");
        std::string key;
        if (!c.string(key)) return fail("answers are not valid JSON");
        if (++keys > max_keys) return fail("too many answers");
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) return fail("an answer is given twice");
        seen.push_back(key);
        if (!c.eat(':')) return fail("answers are not valid JSON");
        c.space();
        if (c.i < json.size() && json[c.i] == '"') {
            ++c.i;
            std::string value;
            if (!c.string(value)) return fail("answers are not valid JSON");
            out.fields.emplace_back(std::move(key), std::move(value));
        } else if (json.substr(c.i, 4) == "null") {
            c.i += 4;
        } else {
            out.error = "\"" + text::to_display(key, 40) + "\" must be a string";
            out.fields.clear();
            return out;
        }
        if (c.eat(',')) continue;
        if (c.eat('}')) break;
        return fail("answers are not valid JSON");
    }
    c.space();
    if (c.i != json.size()) return fail("answers are not valid JSON");
    return out;
}

}  // namespace breachcheck
