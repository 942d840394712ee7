// Insurer search on the fixture and on the real dataset: typos, accents, abbreviations, AMC.
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "search.hpp"

using namespace breachcheck;

namespace {

const Dataset& fixture() {
    static const auto ds = load_dataset(read_text(std::string(BREACHCHECK_FIXTURES) + "/minimal.json")).dataset;
    return *ds;
}

std::string top(const SearchIndex& index, const std::string& query) {
    const auto r = index.search(query, 5);
    return r.empty() ? std::string("(none)") : r[0].org->id;
}

}  // namespace

TEST_CASE("search the fixture: exact, prefix, accents, order, abbreviation, AMC") {
    const SearchIndex index(fixture());
    CHECK(top(index, "Mutuelle Déclarée") == "stated");
    CHECK(top(index, "mutuelle declaree") == "stated");
    CHECK(top(index, "declaree mutuelle") == "stated");
    CHECK(top(index, "décl") == "stated");
    CHECK(top(index, "MD") == "stated");
    CHECK(top(index, "assurance presse") == "pressed");
    CHECK(top(index, "123 456 789") == "silent");
    CHECK(top(index, "123456789") == "silent");
    const auto exact = index.search("Mutuelle Déclarée", 1);
    REQUIRE(exact.size() == 1);
    CHECK(exact[0].score == 1.0);
    CHECK(exact[0].alias == "Mutuelle Déclarée");
    const auto abbr = index.search("md", 1);
    REQUIRE(abbr.size() == 1);
    CHECK(abbr[0].alias == "MD");
}

TEST_CASE("search: nothing for garbage, and garbage never crashes") {
    const SearchIndex index(fixture());
    CHECK(index.search("", 5).empty());
    CHECK(index.search("   ", 5).empty());
    CHECK(index.search("zzzzzzzz", 5).empty());
    CHECK(index.search("<script>alert(1)</script>", 5).empty());
    CHECK(index.search("\xFF\xFE\xFD", 5).empty());
    CHECK(index.search(std::string(1 << 20, 'x'), 5).empty());
    CHECK(index.search("mutuelle declaree", 0).empty());
    const std::string huge = "mutuelle declaree " + std::string(1 << 20, 'y');
    CHECK(top(index, huge) == "stated");  // only the first bytes are looked at
}

TEST_CASE("search is deterministic and sorted") {
    const SearchIndex index(fixture());
    const auto a = index.search("mutuelle", 10);
    const auto b = index.search("mutuelle", 10);
    REQUIRE(a.size() == b.size());
    REQUIRE(a.size() >= 2);
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].org == b[i].org);
        if (i > 0) CHECK(a[i - 1].score >= a[i].score);
    }
}

TEST_CASE("search the real dataset: the misspellings people type") {
    const SearchIndex& index = real_engine().index();
    const std::vector<std::pair<std::string, std::string>> table = {
        {"malakof humanis", "malakoff-humanis"},
        {"malakoff", "malakoff-humanis"},
        {"mutuel generale", "la-mutuelle-generale"},
        {"la mutuelle generale", "la-mutuelle-generale"},
        {"helium", "helium"},
        {"HELIUM", "helium"},
        {"heluim", "helium"},
        {"mutame", "mutame-plus"},
        {"alan", "alan"},
        {"mutami", "mutami"},
        {"mgen", "mgen"},
    };
    for (const auto& [query, id] : table) {
        CAPTURE(query);
        CHECK(top(index, query) == id);
    }
}
