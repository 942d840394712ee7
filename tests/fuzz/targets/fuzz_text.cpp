// Target (b): UTF-8 decoding, folding, tokens and the capped edit distance, on arbitrary bytes.
// Compared with simple reference implementations (strict UTF-8 validation, full OSA distance).
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "api.hpp"
#include "common.hpp"
#include "text.hpp"

using namespace breachcheck;

namespace {

// Reference: RFC 3629 well-formedness, table 3-7 of the Unicode standard.
bool reference_valid_utf8(const std::string& s) {
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        const unsigned b = at(i);
        std::size_t len;
        unsigned lo = 0x80, hi = 0xBF;
        if (b < 0x80) { ++i; continue; }
        if (b >= 0xC2 && b <= 0xDF) len = 2;
        else if (b == 0xE0) { len = 3; lo = 0xA0; }
        else if (b >= 0xE1 && b <= 0xEC) len = 3;
        else if (b == 0xED) { len = 3; hi = 0x9F; }
        else if (b >= 0xEE && b <= 0xEF) len = 3;
        else if (b == 0xF0) { len = 4; lo = 0x90; }
        else if (b >= 0xF1 && b <= 0xF3) len = 4;
        else if (b == 0xF4) { len = 4; hi = 0x8F; }
        else return false;
        if (i + len > s.size()) return false;
        if (at(i + 1) < lo || at(i + 1) > hi) return false;
        for (std::size_t k = 2; k < len; ++k) {
            if (at(i + k) < 0x80 || at(i + k) > 0xBF) return false;
        }
        i += len;
    }
    return true;
}

// Reference: optimal string alignment distance, uncapped.
std::size_t reference_osa(const std::string& a, const std::string& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

std::string encode(const std::u32string& cps) {
    // Only used on decode_utf8's output, which holds scalar values.
    std::string out;
    for (char32_t c : cps) {
        if (c < 0x80) out.push_back(static_cast<char>(c));
        else if (c < 0x800) { out.push_back(static_cast<char>(0xC0 | (c >> 6))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
        else if (c < 0x10000) { out.push_back(static_cast<char>(0xE0 | (c >> 12))); out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
        else { out.push_back(static_cast<char>(0xF0 | (c >> 18))); out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F))); out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
    }
    return out;
}

void check_text(const std::string& s) {
    const std::u32string cps = text::decode_utf8(s);
    FUZZ_CHECK(cps.size() <= s.size());
    for (char32_t c : cps) FUZZ_CHECK(c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF));
    const bool valid = reference_valid_utf8(s);
    FUZZ_CHECK(text::is_valid_utf8(s) == valid, s);
    if (valid) FUZZ_CHECK(encode(cps) == s, s);  // valid text decodes losslessly

    const std::vector<std::string> toks = text::tokens(s);
    std::string joined;
    for (const std::string& t : toks) {
        FUZZ_CHECK(!t.empty());
        for (char c : t) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), t);
        if (!joined.empty()) joined.push_back(' ');
        joined += t;
    }
    const std::string folded = text::fold(s);
    FUZZ_CHECK(folded == joined, s);
    FUZZ_CHECK(text::fold(folded) == folded, s);  // folding is idempotent
    FUZZ_CHECK(text::tokens(folded) == toks, s);

    // Sanitising keeps the tokens, gives valid UTF-8 and respects the byte budget.
    const std::string clean = sanitize_utf8(s, 3 * s.size() + 4);
    FUZZ_CHECK(reference_valid_utf8(clean), s);
    FUZZ_CHECK(text::tokens(clean) == toks, s);
    const std::size_t budget = s.size() / 2;
    const std::string cut = sanitize_utf8(s, budget);
    FUZZ_CHECK(cut.size() <= budget && reference_valid_utf8(cut), s);
    FUZZ_CHECK(clean.compare(0, cut.size(), cut) == 0, s);  // a cut is a prefix of the whole
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string whole(reinterpret_cast<const char*>(data), size);
    check_text(whole);

    FuzzedDataProvider fdp(data, size);
    const std::size_t limit = fdp.ConsumeIntegralInRange<std::size_t>(0, 8);
    const std::string a = fdp.ConsumeRandomLengthString(256);
    const std::string b = fdp.ConsumeRemainingBytesAsString();
    const std::size_t d = text::edit_distance(a, b, limit);
    FUZZ_CHECK(d <= limit + 1);
    FUZZ_CHECK(d == text::edit_distance(b, a, limit), a + " | " + b);
    if (a.size() <= 300 && b.size() <= 300) FUZZ_CHECK(d == std::min(reference_osa(a, b), limit + 1), a + " | " + b);
    FUZZ_CHECK(text::edit_distance(a, a, limit) == 0);
    (void)text::is_generic(a);
    return 0;
}
