// Text handling for French insurer names: tolerant UTF-8 decoding, accent/case folding, tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace breachcheck::text {

// Longest input (in bytes) that search and matching look at; longer text is cut, not rejected,
// so that pasting a megabyte into the search box stays fast.
inline constexpr std::size_t max_query_bytes = 512;

// Decodes UTF-8; each invalid or truncated sequence becomes U+FFFD (one per bad byte).
std::u32string decode_utf8(std::string_view bytes);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Folds case and French accents (é→e, œ→oe, ç→c, ß→ss), drops combining marks, and turns every
// other character (punctuation, symbols, controls, bidi marks, other scripts) into a separator.
// Returns the tokens [a-z0-9]+ in order.
std::vector<std::string> tokens(std::string_view utf8);

// tokens() joined with single spaces.
std::string fold(std::string_view utf8);

// Words that say little about which insurer is meant (mutuelle, groupe, de, la, …).
bool is_generic(std::string_view token);

// Optimal-string-alignment distance (adjacent transpositions count 1), capped: returns
// `limit + 1` as soon as the distance is known to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace breachcheck::text
