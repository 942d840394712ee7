// Insurer search on the fixture and on the real dataset: typos, accents, abbreviations, AMC.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "helpers.hpp"
#include "load.hpp"
#include "search.hpp"

using namespace breachcheck;

namespace {

std::string top(const SearchIndex& index, const std::string& query) {
    const auto r = index.search(query, 5);
    return r.empty() ? std::string("(none)") : r[0].id;
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

TEST_CASE("search: words joined or split by the user") {
    const SearchIndex index(fixture());
    // One query word for two name words, complete or still being typed, and with one typo.
    CHECK(top(index, "mutuelledeclaree") == "stated");
    CHECK(top(index, "assurancepres") == "pressed");
    CHECK(top(index, "asurancepresse") == "pressed");
    // Two query words for one name word.
    CHECK(top(index, "mutuelle decla ree") == "stated");
    CHECK(top(index, "assurance pres se") == "pressed");
    const auto joined = index.search("mutuelle decla ree", 1);
    REQUIRE(joined.size() == 1);
    CHECK(joined[0].words == 3);

    const SearchIndex& real = real_engine().index();
    CHECK(top(real, "mg tic") == "mgtic");
    CHECK(top(real, "mieuxetre") == "mieux-etre");
    CHECK(top(real, "grassavoye") == "gras-savoye");
    CHECK(top(real, "mutuelle entre nous") == "mutuelle-entrenous");
    CHECK(top(real, "fraternelle inter entreprises") == "fraternelle-interentreprises");
}

TEST_CASE("search: an initialism typed letter by letter is one word") {
    const SearchIndex& real = real_engine().index();
    for (const char* q : {"m.g.e.n", "M.G.E.N.", "m g e n"}) CHECK(top(real, q) == "mgen");
    CHECK(top(real, "M.N.T.") == "mnt");
    CHECK(top(real, "l.m.d.e") == "lmde");
    // A lone letter stays a word of its own.
    CHECK(top(real, "pro b") == "pro-btp");
}

TEST_CASE("search: a join is taken only when both words add to the match") {
    const SearchIndex& real = real_engine().index();
    // "mutuellebl" is "mutuelle" with two letters more: not a match for every Mutuelle X.
    for (const Suggestion& s : real.search("mutuelle bl", 10)) {
        CAPTURE(s.id);
        if (s.kind == EntryKind::organization) CHECK(s.id == "mutuelle-bleue");
        else CHECK(s.id == "carte-blanche");  // "bl…" is the start of a network's name
    }
    // "caassurances" is "assurances" with two letters more: not ADP Assurances or Gan Assurances.
    const auto ca = real.search("ca assurances", 10);
    REQUIRE(!ca.empty());
    CHECK(ca[0].id == "ca-assurances");
    for (const Suggestion& s : ca) {
        CAPTURE(s.id);
        CHECK(s.id != "adp-assurances");
        CHECK(s.id != "groupama");
    }
    // A name pair answers a query word only past its first word ("appa" is not "adpa…").
    const auto appa = real.search("appa", 10);
    REQUIRE(appa.size() == 1);
    CHECK(appa[0].id == "appa");
}

TEST_CASE("search: results shown with the same score are ordered by words matched, then agreeing letters") {
    const SearchIndex& real = real_engine().index();
    // One word each (same score): the longer word agreeing letter for letter ranks first.
    const auto mgen = real.search("mgen vyv", 2);
    REQUIRE(mgen.size() == 2);
    CHECK(mgen[0].id == "mgen");
    CHECK(mgen[1].id == "groupe-vyv");
    CHECK(std::round(mgen[0].score * 1000) == std::round(mgen[1].score * 1000));
    CHECK(mgen[0].words == mgen[1].words);
    CHECK(mgen[0].agreement > mgen[1].agreement);
    CHECK(top(real, "orange lmg") == "orange-lmg");
    // One typo each: Mutami agrees on "mutami", Mutame on "mutam".
    const auto mutamie = real.search("mutamie", 2);
    REQUIRE(mutamie.size() == 2);
    CHECK(mutamie[0].id == "mutami");
    CHECK(mutamie[0].agreement == 6);
    CHECK(mutamie[1].agreement == 5);
    // A result matching more query words comes first at the same shown score.
    const auto gen = real.search("la mutuelle général", 10);
    for (std::size_t i = 1; i < gen.size(); ++i) {
        if (std::round(gen[i - 1].score * 1000) == std::round(gen[i].score * 1000)) CHECK(gen[i - 1].words >= gen[i].words);
    }
}

TEST_CASE("search at scale: up to 100,000 organizations load (other lists keep 5,000), the right one is found") {
    nlohmann::json j = nlohmann::json::parse(read_text(std::string(BREACHCHECK_FIXTURES) + "/minimal.json"));
    // 6,000 more organizations than the fixture, above the limit of the other lists.
    for (int i = 0; i < 6000; ++i) {
        const std::string n = std::to_string(i);
        j["organizations"].push_back({{"id", "clone-" + n}, {"name", "Mutuelle Clone " + n}, {"kind", "mutuelle"},
                                      {"aliases", {"MC" + n}}, {"scopes", nlohmann::json::array()}});
    }
    const LoadResult big = load_dataset(j.dump());
    CAPTURE(big.errors.empty() ? std::string() : big.errors[0].path + " " + big.errors[0].message);
    REQUIRE(big.dataset);
    const SearchIndex index(*big.dataset);
    CHECK(top(index, "mutuelle clone 4321") == "clone-4321");
    CHECK(top(index, "mc4321") == "clone-4321");
    CHECK(top(index, "mutuelle declaree") == "stated");
    CHECK(index.search("mutuelle", 8).size() == 8);

    // The size check comes before the items are read: zeros are enough.
    nlohmann::json many = nlohmann::json::parse(read_text(std::string(BREACHCHECK_FIXTURES) + "/minimal.json"));
    many["organizations"] = nlohmann::json::array();
    for (int i = 0; i < 100001; ++i) many["organizations"].push_back(0);
    const LoadResult refused = load_dataset(many.dump());
    REQUIRE(!refused.errors.empty());
    CHECK(refused.errors[0].path == "/organizations");
    CHECK(refused.errors[0].message == "too many items (100001, at most 100000)");
    nlohmann::json sources = nlohmann::json::parse(read_text(std::string(BREACHCHECK_FIXTURES) + "/minimal.json"));
    sources["sources"] = nlohmann::json::array();
    for (int i = 0; i < 5001; ++i) sources["sources"].push_back(0);
    const LoadResult refused_sources = load_dataset(sources.dump());
    bool found = false;
    for (const auto& e : refused_sources.errors) found = found || (e.path == "/sources" && e.message == "too many items (5001, at most 5000)");
    CHECK(found);
}
