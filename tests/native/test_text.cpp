// Text folding and decoding: French accents, ligatures, hostile bytes and sizes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text.hpp"

using namespace breachcheck::text;

TEST_CASE("fold: case, accents, ligatures and punctuation") {
    const std::vector<std::pair<std::string, std::string>> table = {
        {"Hélium", "helium"},
        {"LA MUTUELLE GÉNÉRALE", "la mutuelle generale"},
        {"Mutuelle Générale de l'Éducation nationale", "mutuelle generale de l education nationale"},
        {"Cœur d'Œuvre", "coeur d oeuvre"},
        {"Ægis Straße", "aegis strasse"},
        {"Français Çà", "francais ca"},
        {"AG2R-La Mondiale", "ag2r la mondiale"},
        {"Mutame & Plus", "mutame plus"},
        {"  spaced\t\nout  ", "spaced out"},
        {"Crédit Agricole Assurances (santé)", "credit agricole assurances sante"},
        {"Sévéane", "seveane"},
        {"Mutuelle’s apostrophe", "mutuelle s apostrophe"},
        {"ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ", "aaaeeeeiioouuuyc"},
        {"e\xCC\x81" "e", "ee"},  // e + combining acute accent, then e
        {"\xEF\xBC\xAD\xEF\xBC\xA8", "mh"},  // fullwidth MH
        {"", ""},
        {"!!!", ""},
    };
    for (const auto& [in, out] : table) {
        CAPTURE(in);
        CHECK(fold(in) == out);
    }
}

TEST_CASE("fold: invalid UTF-8 and control characters separate tokens instead of failing") {
    CHECK(fold("abc\xFF" "def") == "abc def");
    CHECK(fold("abc\xC3") == "abc");                // truncated sequence at the end
    CHECK(fold("\xC0\xAF" "x") == "x");               // overlong encoding of '/'
    CHECK(fold("\xED\xA0\x80" "y") == "y");           // UTF-16 surrogate
    CHECK(fold("a\x00" "b") == "a");                  // C string stops; std::string keeps going:
    CHECK(fold(std::string("a\0b", 3)) == "a b");
    CHECK(fold("\xE2\x80\xAE" "siwlem") == "siwlem"); // right-to-left override is a separator
    CHECK(fold("<b>Alan</b>") == "b alan b");
    CHECK(fold("\xF0\x9F\x98\x80 Alan \xF0\x9F\x8F\xA5") == "alan");  // emoji
}

TEST_CASE("decode_utf8 replaces each bad byte and keeps valid sequences") {
    const std::u32string d = decode_utf8("a\xFF\xC3\xA9\xF0\x9F\x98\x80");
    REQUIRE(d.size() == 4);
    CHECK(d[0] == U'a');
    CHECK(d[1] == 0xFFFD);
    CHECK(d[2] == 0xE9);
    CHECK(d[3] == 0x1F600);
    CHECK(is_valid_utf8("Hélium \xEF\xBF\xBD"));  // a literal U+FFFD is valid
    CHECK_FALSE(is_valid_utf8("H\xE9lium"));      // Latin-1 é
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST_CASE("tokens of a megabyte of text are computed without trouble") {
    const std::string big(1 << 20, 'a');
    const auto t = tokens(big);
    REQUIRE(t.size() == 1);
    CHECK(t[0].size() == big.size());
}

TEST_CASE("generic words") {
    for (const char* w : {"mutuelle", "groupe", "assurance", "de", "la", "sante", "prevoyance"}) CHECK(is_generic(w));
    for (const char* w : {"alan", "helium", "generale", "humanis", "police"}) CHECK_FALSE(is_generic(w));
}

TEST_CASE("edit_distance with adjacent transpositions and a cap") {
    CHECK(edit_distance("malakof", "malakoff", 2) == 1);
    CHECK(edit_distance("harmonie", "harmonei", 2) == 1);  // transposition
    CHECK(edit_distance("aesio", "aesio", 0) == 0);
    CHECK(edit_distance("mgen", "mnt", 1) == 2);           // over the cap: cap + 1
    CHECK(edit_distance("abcdefgh", "a", 2) == 3);
    CHECK(edit_distance("", "", 0) == 0);
    // Longer than the stack rows (64): the same answers.
    const std::string long_a(100, 'a');
    CHECK(edit_distance(long_a, long_a + "b", 2) == 1);
    CHECK(edit_distance(long_a + "xy", long_a + "yx", 2) == 1);
    CHECK(edit_distance(long_a, std::string(100, 'b'), 2) == 3);
}

TEST_CASE("typeset_fr: narrow no-break spaces before ; : ! ? and inside guillemets, no break in 48 h") {
    const std::string n = "\u202F";
    const std::string nb = "\u00A0";
    CHECK(typeset_fr("Attention : un code ; non ! Vraiment ?") == "Attention" + n + ": un code" + n + "; non" + n + "! Vraiment" + n + "?");
    CHECK(typeset_fr("« Nouvelle carte »") == "«" + n + "Nouvelle carte" + n + "»");
    CHECK(typeset_fr("sous 24 à 48 h, 10 % et 2 €.") == "sous 24 à 48" + nb + "h, 10" + nb + "% et 2" + nb + "€.");
    CHECK(typeset_fr("48 heures") == "48 heures");                        // a word, not the unit
    CHECK(typeset_fr("https://assure.ameli.fr/ à 15:00") == "https://assure.ameli.fr/ à 15:00");  // no space, no change
    CHECK(typeset_fr("déjà" + nb + ": fait") == "déjà" + n + ": fait");   // a no-break space becomes the narrow one
    CHECK(typeset_fr(typeset_fr("a : b « c »")) == typeset_fr("a : b « c »"));  // idempotent
    CHECK(typeset_fr("") == "");
}
