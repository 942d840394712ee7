// Tolerant UTF-8 decoding and French-aware folding used by search and contract matching.
#include "text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace breachcheck::text {
namespace {

constexpr char32_t replacement = 0xFFFD;

// Folded ASCII for U+00C0..U+024F, generated from Unicode canonical decompositions
// (base letter of NFD) plus the ligatures and letters that have none (æ, œ, ß, ø, ł, …).
// An empty entry (× and ÷) is a separator.
constexpr std::array<const char*, 0x250 - 0xC0> latin_fold = {
#include "fold_table.inc"
};

bool is_combining(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

// Appends the folded form of `c` to `out`; returns false when `c` separates tokens.
bool fold_char(char32_t c, std::string& out) {
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') { out.push_back(static_cast<char>(c - 'A' + 'a')); return true; }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) { out.push_back(static_cast<char>(c)); return true; }
        return false;
    }
    if (c >= 0xC0 && c < 0x250) {
        const char* f = latin_fold[c - 0xC0];
        if (*f == '\0') return false;
        out += f;
        return true;
    }
    // Fullwidth ASCII letters and digits (seen when text is pasted from some phones).
    if (c >= 0xFF10 && c <= 0xFF19) { out.push_back(static_cast<char>('0' + (c - 0xFF10))); return true; }
    if (c >= 0xFF21 && c <= 0xFF3A) { out.push_back(static_cast<char>('a' + (c - 0xFF21))); return true; }
    if (c >= 0xFF41 && c <= 0xFF5A) { out.push_back(static_cast<char>('a' + (c - 0xFF41))); return true; }
    return false;
}

// The character starting at s[i] and its length in bytes: a byte that does not start a
// well-formed sequence is U+FFFD, one byte long.
struct Decoded {
    char32_t cp;
    std::size_t len;
};

Decoded decode_at(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return {b0, 1};
    std::size_t len = 0;
    char32_t cp = 0, min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else return {replacement, 1};
    if (i + len > s.size()) return {replacement, 1};
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return {replacement, 1};
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {replacement, 1};
    return {cp, len};
}

}  // namespace

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode_at(s, i);
        out.push_back(d.cp);
        i += d.len;
    }
    return out;
}

bool is_valid_utf8(std::string_view s) {
    // Invalid exactly where the decoder replaces a byte (a literal U+FFFD is three bytes long).
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode_at(s, i);
        if (d.cp == replacement && d.len == 1) return false;
        i += d.len;
    }
    return true;
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const std::size_t len = decode_at(s, i).len;
    return len > 1 ? len : 0;
}

void encode_utf8(char32_t c, std::string& out) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

namespace {

std::string reencode(std::string_view s, std::size_t max_bytes, bool drop_bidi) {
    std::string out;
    std::string one;
    // Character by character, so that a cut never falls inside one, even after dropped
    // controls: an invalid byte becomes U+FFFD, as in decode_utf8.
    for (std::size_t i = 0; i < s.size() && out.size() < max_bytes;) {
        const auto [c, len] = decode_at(s, i);
        i += len;
        if (drop_bidi && is_bidi_control(c)) continue;
        one.clear();
        encode_utf8(c, one);
        if (out.size() + one.size() > max_bytes) break;
        out += one;
    }
    return out;
}

}  // namespace

std::string to_valid_utf8(std::string_view s, std::size_t max_bytes) { return reencode(s, max_bytes, false); }

std::string to_display(std::string_view s, std::size_t max_bytes) { return reencode(s, max_bytes, true); }

bool is_bidi_control(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string hex4(char32_t c) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (int shift = c > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) out.push_back(digits[(c >> shift) & 0xF]);
    return out;
}

std::vector<std::string> tokens(std::string_view utf8) {
    std::vector<std::string> out;
    std::string current;
    for (char32_t c : decode_utf8(utf8)) {
        if (is_combining(c)) continue;  // "e" + U+0301 folds like "é"
        if (!fold_char(c, current)) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::string fold(std::string_view utf8) {
    std::string out;
    for (const std::string& t : tokens(utf8)) {
        if (!out.empty()) out.push_back(' ');
        out += t;
    }
    return out;
}

bool is_generic(std::string_view t) {
    static constexpr std::array<std::string_view, 37> generic = {
        "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "the",
        "mutuelle", "mutuelles", "mutuel", "mutualiste", "groupe", "group", "assurance",
        "assurances", "assureur", "sante", "prevoyance", "institution", "complementaire", "sa",
        "sas", "contrat", "ma", "mon", "mes", "my", "votre", "notre", "carte"};
    return std::find(generic.begin(), generic.end(), t) != generic.end();
}

std::string elide_fr(std::string s) {
    static constexpr std::array<std::string_view, 5> words = {"de ", "que ", "le ", "la ", "ne "};
    auto vowel_start = [&](std::size_t at) {
        if (at >= s.size()) return false;
        const char c = static_cast<char>(s[at] | 0x20);
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'h') return true;
        // É È Ê À Â Î Ô Û, é è ê à â î ô û (UTF-8: C3 xx)
        if (static_cast<unsigned char>(s[at]) != 0xC3 || at + 1 >= s.size()) return false;
        const auto b = static_cast<unsigned char>(s[at + 1]);
        return (b >= 0x80 && b <= 0x9D && b != 0x87 && b != 0x91) || (b >= 0xA0 && b <= 0xBD && b != 0xA7 && b != 0xB1);
    };
    for (std::string_view w : words) {
        for (std::size_t at = s.find(w); at != std::string::npos; at = s.find(w, at + 1)) {
            const bool word_start = at == 0 || s[at - 1] == ' ' || s[at - 1] == '(' || s[at - 1] == '\'';
            if (!word_start || !vowel_start(at + w.size())) continue;
            s.replace(at + w.size() - 2, 2, "'");
        }
    }
    return s;
}

std::string typeset_fr(std::string_view s) {
    static constexpr std::string_view nnbsp = "\u202F";
    static constexpr std::string_view nbsp = "\u00A0";
    std::string out;
    out.reserve(s.size() + 16);
    auto space_at = [&](std::size_t i) -> std::size_t {  // length of an ordinary or no-break space at i
        if (i < s.size() && s[i] == ' ') return 1;
        if (s.compare(i, nbsp.size(), nbsp) == 0) return nbsp.size();
        return 0;
    };
    auto is_unit_end = [&](std::size_t i) {  // after "h": end, space or punctuation, not a letter
        return i >= s.size() || !(std::isalnum(static_cast<unsigned char>(s[i])) || static_cast<unsigned char>(s[i]) >= 0x80);
    };
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t sp = space_at(i)) {
            const std::size_t next = i + sp;
            const char c = next < s.size() ? s[next] : '\0';
            if (c == ';' || c == ':' || c == '!' || c == '?' || s.compare(next, 2, "\u00BB") == 0) {
                out += nnbsp;
                i = next;
                continue;
            }
            const bool after_digit = !out.empty() && std::isdigit(static_cast<unsigned char>(out.back()));
            if (after_digit && ((c == 'h' && is_unit_end(next + 1)) || c == '%' || s.compare(next, 3, "\u20AC") == 0)) {
                out += nbsp;
                i = next;
                continue;
            }
            if (!out.empty() && out.size() >= 2 && out.compare(out.size() - 2, 2, "\u00AB") == 0) {
                out += nnbsp;
                i = next;
                continue;
            }
        }
        out.push_back(s[i]);
        ++i;
    }
    return out;
}

bool is_dont_know(std::string_view utf8) {
    static constexpr std::array<std::string_view, 14> phrases = {
        "je ne sais pas", "je sais pas", "sais pas", "ne sais pas", "j sais pas", "aucune idee", "je ne connais pas",
        "je ne sais plus", "inconnu", "inconnue", "i don t know", "don t know", "dont know", "i do not know"};
    const std::string f = fold(utf8);
    return std::find(phrases.begin(), phrases.end(), f) != phrases.end();
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Three rows of the table; on the stack for the short words search compares (no allocation
    // per call), on the heap only for longer text.
    constexpr std::size_t stack_len = 64;
    std::size_t stack_rows[3][stack_len];
    std::vector<std::size_t> heap_rows;
    std::size_t* prev2 = stack_rows[0];
    std::size_t* prev = stack_rows[1];
    std::size_t* cur = stack_rows[2];
    if (m + 1 > stack_len) {
        heap_rows.assign(3 * (m + 1), 0);
        prev2 = heap_rows.data();
        prev = prev2 + (m + 1);
        cur = prev + (m + 1);
    }
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        // No later row can go below this row's minimum (a transposition costs at least the
        // diagonal step it replaces).
        if (row_min > limit) return limit + 1;
        std::size_t* const oldest = prev2;
        prev2 = prev;
        prev = cur;
        cur = oldest;
    }
    return std::min(prev[m], limit + 1);
}

}  // namespace breachcheck::text
