// Assessment rules on the fixture, one row per rule of assess.cpp, plus the real cases the core
// issue names. The table is the specification: change it only with the rules.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "assess.hpp"
#include "helpers.hpp"

using namespace breachcheck;

namespace {

const Dataset& fixture() {
    static const auto ds = load_dataset(read_text(std::string(BREACHCHECK_FIXTURES) + "/minimal.json")).dataset;
    return *ds;
}

struct Row {
    const char* name;
    const char* org;  // "" = none
    const char* network;
    Card card;
    Covered covered;
    const char* contract;
    Role role;
    Verdict viamedis, almerys, overall;
};

Answers answers_of(const Dataset& ds, const Row& r) {
    Answers a;
    a.org = *r.org ? ds.find_org(r.org) : nullptr;
    a.network = r.network;
    a.card = r.card;
    a.covered = r.covered;
    a.contract = r.contract;
    a.role = r.role;
    return a;
}

std::vector<std::string> question_ids(const Assessment& as) {
    std::vector<std::string> ids;
    for (const Question* q : as.questions) ids.push_back(q->id);
    return ids;
}

std::vector<std::string> action_ids(const Assessment& as) {
    std::vector<std::string> ids;
    for (const Action* a : as.actions) ids.push_back(a->id);
    return ids;
}

constexpr auto U = Verdict::unknown;
constexpr auto N = Verdict::not_affected;
constexpr auto P = Verdict::possible;
constexpr auto L = Verdict::likely;
constexpr auto A = Verdict::affected;
constexpr auto CU = Card::unknown;
constexpr auto KU = Covered::unknown;
constexpr auto I = Role::insured;

}  // namespace

TEST_CASE("one row per rule") {
    const std::vector<Row> rows = {
        {"own statement → affected", "stated", "unknown", CU, KU, "", I, A, U, A},
        {"press → likely", "pressed", "unknown", CU, KU, "", I, U, L, L},
        {"weak source → possible", "weakly", "unknown", CU, KU, "", I, U, P, P},
        {"network restriction unanswered → possible", "networked", "unknown", CU, KU, "", I, P, N, P},
        {"network inside the scope → affected", "networked", "itelis", CU, KU, "", I, A, N, A},
        {"second listed network → affected", "networked", "kalixia", CU, KU, "", I, A, N, A},
        {"network outside the scope → the outside verdict (unknown)", "networked", "other", CU, KU, "", I, U, N, U},
        {"outside + a network with only a note → still unknown", "networked", "santeclair", CU, KU, "", I, U, N, U},
        {"contract unanswered → possible", "contracted", "unknown", CU, KU, "", I, U, P, P},
        {"named contract → affected", "contracted", "unknown", CU, KU, "ProtecTerritoriale", I, U, A, A},
        {"named contract, other spelling → affected", "contracted", "unknown", CU, KU, "protec territoriale", I, U, A, A},
        {"named contract inside longer text → affected", "contracted", "unknown", CU, KU, "contrat Caen la Mer Habitat 2024", I, U, A, A},
        {"another contract → not_affected (the source says so)", "contracted", "unknown", CU, KU, "Autre contrat", I, U, N, U},
        {"coverage window, covered unknown → affected", "windowed", "unknown", CU, KU, "", I, A, U, A},
        {"coverage window, before 2024 → affected", "windowed", "unknown", CU, Covered::before2024, "", I, A, U, A},
        {"coverage window, Jan 2024 → affected", "windowed", "unknown", CU, Covered::jan2024, "", I, A, U, A},
        {"joined after the attacks → not_affected everywhere", "windowed", "unknown", CU, Covered::after2024, "", I, N, N, N},
        {"joined after, even with no statement → not_affected", "silent", "unknown", CU, Covered::after2024, "", I, N, N, N},
        {"joined after, card naming the operator (new card) → not_affected", "silent", "unknown", Card::viamedis, Covered::after2024, "", I, N, N, N},
        {"uncertain statement → capped at possible", "uncertain", "unknown", CU, KU, "", I, P, U, P},
        {"indirect exposure → capped at possible", "indirect", "unknown", CU, KU, "", I, P, U, P},
        {"weak denial does not reassure → unknown", "weak-denial", "unknown", CU, KU, "", I, U, U, U},
        {"no statement → unknown", "silent", "unknown", CU, KU, "", I, U, U, U},
        {"no statement + card names Viamedis → likely", "silent", "unknown", Card::viamedis, KU, "", I, L, U, L},
        {"no statement + card without operator → still unknown", "silent", "unknown", Card::none, KU, "", I, U, U, U},
        {"no statement + network hosted by the operator → possible", "silent", "kalixia", CU, KU, "", I, P, U, P},
        {"no insurer + card names Almerys → likely", "", "unknown", Card::almerys, KU, "", I, U, L, L},
        {"no insurer, nothing known → unknown", "", "unknown", CU, KU, "", I, U, U, U},
        {"card never lowers: stated + card names Almerys", "stated", "unknown", Card::almerys, KU, "", I, A, L, A},
        {"card contradicting a denial → likely (never reassure against evidence)", "networked", "itelis", Card::almerys, KU, "", I, A, L, A},
        {"professional, operator unknown → possible", "", "unknown", CU, KU, "", Role::pro, P, P, P},
        {"professional working with Viamedis → likely", "", "unknown", Card::viamedis, KU, "", Role::pro, L, U, L},
    };
    const Dataset& ds = fixture();
    for (const Row& r : rows) {
        const std::string name = r.name;
        CAPTURE(name);
        const Assessment as = assess(ds, answers_of(ds, r));
        REQUIRE(as.incidents.size() == 2);
        CHECK(to_string(as.incidents[0].verdict) == to_string(r.viamedis));
        CHECK(to_string(as.incidents[1].verdict) == to_string(r.almerys));
        CHECK(to_string(as.overall) == to_string(r.overall));
        for (const IncidentResult& inc : as.incidents) {
            CHECK_FALSE(inc.reasons.empty());  // every verdict is explained
            if (inc.verdict == Verdict::not_affected) {
                CHECK(inc.exposed.empty());
                // not_affected is only ever said with a source behind it
                bool sourced = false;
                for (const Reason& reason : inc.reasons) sourced = sourced || !reason.sources.empty();
                CHECK(sourced);
            }
        }
    }
}

TEST_CASE("exposed data: the operator's list plus the insurer's additions") {
    const Dataset& ds = fixture();
    Answers a;
    a.org = ds.find_org("stated");
    const Assessment as = assess(ds, a);
    CHECK(as.incidents[0].exposed == std::vector<std::string>{"name", "nir", "member_number"});
    CHECK(as.incidents[0].not_exposed == std::vector<std::string>{"bank_details"});
    a.role = Role::pro;
    a.org = nullptr;
    const Assessment pro = assess(ds, a);
    CHECK(pro.incidents[0].exposed == std::vector<std::string>{"bank_details", "portal_login"});
}

TEST_CASE("questions: only those whose answer changes a verdict") {
    const Dataset& ds = fixture();
    Answers a;
    a.org = ds.find_org("networked");
    CHECK(question_ids(assess(ds, a)) == std::vector<std::string>{"card", "covered", "network"});
    a.network = "itelis";
    a.card = Card::none;
    a.covered = Covered::jan2024;
    CHECK(question_ids(assess(ds, a)).empty());

    Answers c;
    c.org = ds.find_org("contracted");
    CHECK(question_ids(assess(ds, c)) == std::vector<std::string>{"card", "covered", "network", "contract"});
    c.contract = "ProtecTerritoriale";
    c.covered = Covered::jan2024;
    // Viamedis is still unknown for this insurer: the card and a Kalixia network could change it.
    CHECK(question_ids(assess(ds, c)) == std::vector<std::string>{"card", "network"});

    Answers s;
    s.org = ds.find_org("stated");
    s.covered = Covered::jan2024;
    s.card = Card::other;
    CHECK(question_ids(assess(ds, s)).empty());  // the network cannot change anything here

    Answers p;
    p.role = Role::pro;
    CHECK(question_ids(assess(ds, p)) == std::vector<std::string>{"card"});
}

TEST_CASE("actions follow verdict, exposed data and role, in priority order") {
    const Dataset& ds = fixture();
    Answers a;
    a.org = ds.find_org("stated");
    CHECK(action_ids(assess(ds, a)) == std::vector<std::string>{"everyone", "nir-only"});
    a.org = ds.find_org("silent");
    CHECK(action_ids(assess(ds, a)) == std::vector<std::string>{"everyone"});
    a.org = nullptr;
    a.role = Role::pro;
    CHECK(action_ids(assess(ds, a)) == std::vector<std::string>{"pro-bank"});
}

TEST_CASE("contract_matches") {
    CHECK(contract_matches("ProtecTerritoriale", "ProtecTerritoriale"));
    CHECK(contract_matches("protec territoriale", "ProtecTerritoriale"));
    CHECK(contract_matches("MST Perros Guirec", "MST-Perros-Guirec"));
    CHECK(contract_matches("mstcdg 27", "MSTCDG27"));
    CHECK(contract_matches("Protec Teritoriale", "ProtecTerritoriale"));  // one typo
    CHECK_FALSE(contract_matches("", "ProtecTerritoriale"));
    CHECK_FALSE(contract_matches("???", "ProtecTerritoriale"));
    CHECK(contract_matches("Habitat", "Caen la Mer Habitat"));  // whole-word containment
    CHECK_FALSE(contract_matches("Territoriale Plus Confort", "MSTCDG27"));
}

TEST_CASE("real dataset: the cases the core issue names") {
    const Engine& e = real_engine();
    auto check = [&](nlohmann::json answers) { return e.check(answers); };
    auto verdicts = [](const nlohmann::json& r) {
        return std::make_pair(r["incidents"][0]["verdict"].get<std::string>(), r["incidents"][1]["verdict"].get<std::string>());
    };
    using P2 = std::pair<std::string, std::string>;
    CHECK(verdicts(check({{"org", "helium"}, {"network", "itelis"}})) == P2{"affected", "not_affected"});
    CHECK(verdicts(check({{"org", "helium"}, {"network", "kalixia"}})) == P2{"affected", "not_affected"});
    CHECK(verdicts(check({{"org", "helium"}})) == P2{"possible", "not_affected"});
    CHECK(verdicts(check({{"org", "helium"}, {"network", "none"}})) == P2{"unknown", "not_affected"});
    CHECK(verdicts(check({{"org", "mutame-plus"}, {"contract", "ProtecTerritoriale"}})) == P2{"not_affected", "affected"});
    CHECK(verdicts(check({{"org", "mutame-plus"}, {"contract", "Mutame Santé Confort"}})) == P2{"not_affected", "not_affected"});
    CHECK(check({{"org", "mutame-plus"}, {"contract", "Mutame Santé Confort"}})["overall"] == "not_affected");
    CHECK(verdicts(check({{"org", "mutame-plus"}})) == P2{"not_affected", "possible"});
    CHECK(verdicts(check({{"org", "la-mutuelle-generale"}, {"covered", "before2024"}})) == P2{"affected", "affected"});
    CHECK(verdicts(check({{"org", "la-mutuelle-generale"}, {"covered", "after2024"}})) == P2{"not_affected", "not_affected"});
    CHECK(verdicts(check({{"org", "mutami"}, {"covered", "jan2024"}})).first == "affected");
    CHECK(verdicts(check({{"org", "mutami"}, {"covered", "after2024"}})).first == "not_affected");
    CHECK(verdicts(check({{"org", "alan"}, {"covered", "jan2024"}})).second == "affected");
    CHECK(verdicts(check({{"org", "alan"}, {"covered", "after2024"}})).second == "not_affected");
    CHECK(check({{"org", "mgen"}})["overall"] == "unknown");
    CHECK(verdicts(check({{"org", "mgen"}, {"card", "viamedis"}})) == P2{"likely", "unknown"});
    CHECK(verdicts(check({{"org", "mgen"}, {"card", "none"}})) == P2{"unknown", "unknown"});
    CHECK(verdicts(check({{"card", "almerys"}})) == P2{"unknown", "likely"});
    const auto pro = check({{"role", "pro"}, {"card", "viamedis"}});
    CHECK(verdicts(pro) == P2{"likely", "unknown"});
    bool rib = false;
    for (const auto& c : pro["incidents"][0]["exposed"]) rib = rib || c["id"] == "bank_details";
    CHECK(rib);
}
