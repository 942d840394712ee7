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
// Longest contract name looked at (the page's field has the same maxlength, from info()).
inline constexpr std::size_t max_contract_bytes = 120;

// Decodes UTF-8; each invalid or truncated sequence becomes U+FFFD (one per bad byte).
std::u32string decode_utf8(std::string_view bytes);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Length (2 to 4) of the well-formed UTF-8 sequence starting at s[i], or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// Appends the UTF-8 encoding of `c` (a valid code point) to `out`.
void encode_utf8(char32_t c, std::string& out);

// Re-encodes text as valid UTF-8 (each invalid byte becomes U+FFFD), cut to at most `max_bytes`
// without splitting a character.
std::string to_valid_utf8(std::string_view s, std::size_t max_bytes = static_cast<std::size_t>(-1));

// Text typed by a person, made safe to show: valid UTF-8, cut to `max_bytes`, with the
// bidirectional controls (which reverse what people read) removed.
std::string to_display(std::string_view s, std::size_t max_bytes);

// U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: characters that reorder text.
bool is_bidi_control(char32_t c);

// "202E": four (or more) upper-case hex digits.
std::string hex4(char32_t c);

// Folds case and French accents (é→e, œ→oe, ç→c, ß→ss), drops combining marks, and turns every
// other character (punctuation, symbols, controls, bidi marks, other scripts) into a separator.
// Returns the tokens [a-z0-9]+ in order.
std::vector<std::string> tokens(std::string_view utf8);

// tokens() joined with single spaces.
std::string fold(std::string_view utf8);

// Words that say little about which insurer is meant (mutuelle, groupe, de, la, ma, …).
bool is_generic(std::string_view token);

// French elision after a name is put in a sentence: "de Almerys" → "d'Almerys", "que Alan"
// → "qu'Alan" (de, que, le, la, ne before a vowel or a mute h).
std::string elide_fr(std::string s);

// French typography for display text: a narrow no-break space (U+202F) before ; : ! ? and
// inside « », a no-break space (U+00A0) between a number and h, %, € (so "48 h" never breaks).
// Spaces only: "https://" and "3:00" are left alone.
std::string typeset_fr(std::string_view s);

// "je ne sais pas", "aucune idée", "I don't know"…: typed where a name was asked.
bool is_dont_know(std::string_view utf8);

// Optimal-string-alignment distance (adjacent transpositions count 1), capped: returns
// `limit + 1` as soon as the distance is known to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace breachcheck::text
