// Target (b): the text utilities of core/text.hpp on arbitrary bytes, against their documented
// properties and simple reference implementations (strict UTF-8 validation, full OSA distance).
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common.hpp"
#include "dataset.hpp"
#include "text.hpp"

using namespace breachcheck;

namespace {

// Reference: RFC 3629 well-formedness (table 3-7 of the Unicode standard): the length of the
// well-formed sequence at s[i], 0 if there is none (ASCII included, as utf8_sequence_length).
std::size_t reference_sequence(const std::string& s, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned b = at(i);
    std::size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) len = 2;
    else if (b == 0xE0) { len = 3; lo = 0xA0; }
    else if (b >= 0xE1 && b <= 0xEC) len = 3;
    else if (b == 0xED) { len = 3; hi = 0x9F; }
    else if (b >= 0xEE && b <= 0xEF) len = 3;
    else if (b == 0xF0) { len = 4; lo = 0x90; }
    else if (b >= 0xF1 && b <= 0xF3) len = 4;
    else if (b == 0xF4) { len = 4; hi = 0x8F; }
    else return 0;
    if (i + len > s.size()) return 0;
    if (at(i + 1) < lo || at(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k) {
        if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
    }
    return len;
}

bool reference_valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
        const std::size_t n = reference_sequence(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

// Reference: optimal string alignment distance, uncapped.
std::size_t reference_osa(const std::string& a, const std::string& b) {
    const std::size_t n = a.size(), m = b.size(), w = m + 1;
    std::vector<std::size_t> d((n + 1) * w);
    for (std::size_t i = 0; i <= n; ++i) d[i * w] = i;
    for (std::size_t j = 0; j <= m; ++j) d[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, d[(i - 2) * w + j - 2] + 1);
            d[i * w + j] = v;
        }
    }
    return d[n * w + m];
}

// Reference encoder (decode_utf8's output holds scalar values only).
std::string encode(const std::u32string& cps) {
    std::string out;
    for (char32_t c : cps) {
        if (c < 0x80) out.push_back(static_cast<char>(c));
        else if (c < 0x800) { out.push_back(static_cast<char>(0xC0 | (c >> 6))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
        else if (c < 0x10000) { out.push_back(static_cast<char>(0xE0 | (c >> 12))); out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
        else { out.push_back(static_cast<char>(0xF0 | (c >> 18))); out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F))); out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
    }
    return out;
}

bool reference_bidi(char32_t c) {
    for (char32_t b : {0x061Cu, 0x200Eu, 0x200Fu, 0x202Au, 0x202Bu, 0x202Cu, 0x202Du, 0x202Eu, 0x2066u, 0x2067u, 0x2068u, 0x2069u}) {
        if (c == b) return true;
    }
    return false;
}

// The text without its ordinary, no-break and narrow no-break spaces.
std::string without_spaces(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ') { ++i; continue; }
        if (s.compare(i, 2, "\u00A0") == 0) { i += 2; continue; }
        if (s.compare(i, 3, "\u202F") == 0) { i += 3; continue; }
        out.push_back(s[i++]);
    }
    return out;
}

bool is_prefix(const std::string& part, const std::string& whole) { return whole.compare(0, part.size(), part) == 0; }

void check_text(const std::string& s, std::size_t budget) {
    // decode_utf8 / is_valid_utf8 / utf8_sequence_length / encode_utf8
    const std::u32string cps = text::decode_utf8(s);
    FUZZ_CHECK(cps.size() <= s.size());
    for (char32_t c : cps) FUZZ_CHECK(c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF));
    const bool valid = reference_valid_utf8(s);
    FUZZ_CHECK(text::is_valid_utf8(s) == valid, s);
    if (valid) FUZZ_CHECK(encode(cps) == s, s);  // valid text decodes losslessly
    std::string encoded;
    for (char32_t c : cps) text::encode_utf8(c, encoded);
    FUZZ_CHECK(encoded == encode(cps), s);
    for (std::size_t i = 0; i < s.size() && i < 64; ++i) {
        FUZZ_CHECK(text::utf8_sequence_length(s, i) == reference_sequence(s, i), s + " at " + std::to_string(i));
    }
    for (char32_t c : cps) {
        FUZZ_CHECK(text::is_bidi_control(c) == reference_bidi(c));
        const std::string h = text::hex4(c);
        FUZZ_CHECK(h.size() >= 4 && h.find_first_not_of("0123456789ABCDEF") == std::string::npos && std::stoul(h, nullptr, 16) == c, h);
    }

    // tokens / fold / is_generic / is_dont_know / slug_of
    const std::vector<std::string> toks = text::tokens(s);
    std::string joined;
    for (const std::string& t : toks) {
        FUZZ_CHECK(!t.empty());
        FUZZ_CHECK(t.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos, t);
        if (text::is_generic(t)) FUZZ_CHECK(t.find_first_of("0123456789") == std::string::npos, t);
        if (!joined.empty()) joined.push_back(' ');
        joined += t;
    }
    const std::string folded = text::fold(s);
    FUZZ_CHECK(folded == joined, s);
    FUZZ_CHECK(text::fold(folded) == folded, s);  // folding is idempotent
    FUZZ_CHECK(text::tokens(folded) == toks, s);
    FUZZ_CHECK(text::is_dont_know(s) == text::is_dont_know(folded), s);
    const std::string slug = slug_of(s);
    FUZZ_CHECK(slug.size() <= 64 && slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos, slug);
    FUZZ_CHECK(slug.empty() || slug_of(slug) == slug || slug.back() == '-', s);  // an id is its own slug (unless cut after a '-')

    // to_valid_utf8: valid, unchanged when valid, keeps the tokens, a cut is a prefix of the whole.
    const std::string clean = text::to_valid_utf8(s);
    FUZZ_CHECK(reference_valid_utf8(clean), s);
    FUZZ_CHECK(!valid || clean == s, s);
    FUZZ_CHECK(text::tokens(clean) == toks, s);
    FUZZ_CHECK(clean == encode(cps), s);  // each bad byte is one U+FFFD
    const std::string cut = text::to_valid_utf8(s, budget);
    FUZZ_CHECK(cut.size() <= budget && reference_valid_utf8(cut), s);
    FUZZ_CHECK(is_prefix(cut, clean), s);
    FUZZ_CHECK(cut.size() + 3 >= std::min(budget, clean.size()) || cut.size() == clean.size(), s);  // cut before the char that does not fit

    // to_display: valid, within the budget, no bidirectional control; the whole is
    // to_valid_utf8 without them, and a cut shows the start of the whole.
    std::string no_bidi;
    for (char32_t c : cps) {
        if (!reference_bidi(c)) text::encode_utf8(c, no_bidi);
    }
    const std::string display = text::to_display(s, s.size() * 3 + 4);
    FUZZ_CHECK(display == no_bidi, s);
    const std::string display_cut = text::to_display(s, budget);
    FUZZ_CHECK(display_cut.size() <= budget && reference_valid_utf8(display_cut), s);
    for (char32_t c : text::decode_utf8(display_cut)) FUZZ_CHECK(!reference_bidi(c), s);
    FUZZ_CHECK(is_prefix(display_cut, display), "to_display(s, " + std::to_string(budget) + ") = \"" + display_cut +
                                                    "\" is not the start of the whole text \"" + display + "\"; s = " + s);

    // elide_fr / typeset_fr on text as the dataset holds it (valid UTF-8).
    const std::string elided = text::elide_fr(clean);
    FUZZ_CHECK(elided.size() <= clean.size() && reference_valid_utf8(elided), clean);
    FUZZ_CHECK(text::elide_fr(elided) == elided, clean + " → " + elided);  // idempotent
    if (clean.find("de ") == std::string::npos && clean.find("que ") == std::string::npos && clean.find("le ") == std::string::npos &&
        clean.find("la ") == std::string::npos && clean.find("ne ") == std::string::npos) {
        FUZZ_CHECK(elided == clean, clean);
    }
    const std::string typeset = text::typeset_fr(clean);
    FUZZ_CHECK(reference_valid_utf8(typeset), clean);
    FUZZ_CHECK(text::typeset_fr(typeset) == typeset, clean + " → " + typeset);  // idempotent
    FUZZ_CHECK(without_spaces(typeset) == without_spaces(clean), clean + " → " + typeset);  // spaces only
    for (const char* p : {" ;", " :", " !", " ?", " \u00BB", "\u00A0;", "\u00A0:", "\u00A0!", "\u00A0?", "\u00A0\u00BB", "\u00AB ", "\u00AB\u00A0"}) {
        FUZZ_CHECK(typeset.find(p) == std::string::npos, clean + " → " + typeset);
    }
    for (std::size_t i = 0; i + 2 < typeset.size(); ++i) {
        // A number and its unit never break apart: no ordinary space between a digit and % or €.
        if (typeset[i] >= '0' && typeset[i] <= '9' && typeset[i + 1] == ' ') {
            FUZZ_CHECK(typeset[i + 2] != '%' && typeset.compare(i + 2, 3, "\u20AC") != 0, clean + " → " + typeset);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string whole(reinterpret_cast<const char*>(data), size);
    check_text(whole, size / 2);

    FuzzedDataProvider fdp(data, size);
    const std::size_t limit = fdp.ConsumeIntegralInRange<std::size_t>(0, 8);
    const std::size_t budget = fdp.ConsumeIntegralInRange<std::size_t>(0, 64);
    const std::string a = fdp.ConsumeRandomLengthString(256);
    const std::string b = fdp.ConsumeRemainingBytesAsString();
    check_text(a, budget);
    const std::size_t d = text::edit_distance(a, b, limit);
    FUZZ_CHECK(d <= limit + 1);
    FUZZ_CHECK(d == text::edit_distance(b, a, limit), a + " | " + b);
    if (a.size() <= 300 && b.size() <= 300) FUZZ_CHECK(d == std::min(reference_osa(a, b), limit + 1), a + " | " + b);
    FUZZ_CHECK(text::edit_distance(a, a, limit) == 0);
    return 0;
}
