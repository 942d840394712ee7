// Assessment rules on the fixture, one row per rule of assess.cpp, plus the real cases the truth
// issue names. The table is the specification: change it only with the rules.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "assess.hpp"
#include "helpers.hpp"

using namespace breachcheck;

namespace {

struct Row {
    const char* name;
    const char* org;  // "" = none
    std::vector<std::pair<const char*, const char*>> given;  // question id → option id
    Role role;
    Verdict viamedis, almerys, overall;
};

Answers answers_of(const Dataset& ds, const Row& r) {
    Answers a;
    a.org = *r.org ? ds.find_org(r.org) : nullptr;
    for (const auto& [q, v] : r.given) a.given[q] = v;
    a.role = r.role;
    return a;
}

std::vector<std::string> question_ids(const Assessment& as) {
    std::vector<std::string> ids;
    for (const RankedQuestion& q : as.questions) ids.push_back(q.question->id);
    return ids;
}

std::vector<std::string> ids(const std::vector<const Action*>& list) {
    std::vector<std::string> out;
    for (const Action* a : list) out.push_back(a->id);
    return out;
}

constexpr auto U = Verdict::unknown;
constexpr auto N = Verdict::not_affected;
constexpr auto P = Verdict::possible;
constexpr auto L = Verdict::likely;
constexpr auto A = Verdict::affected;
constexpr auto I = Role::insured;

}  // namespace

TEST_CASE("one row per rule") {
    const std::vector<Row> rows = {
        {"own statement → affected", "stated", {}, I, A, U, A},
        {"press → likely", "pressed", {}, I, U, L, L},
        {"weak source → possible", "weakly", {}, I, U, P, P},
        {"network restriction unanswered → possible", "networked", {}, I, P, N, P},
        {"network inside the scope → affected", "networked", {{"network", "itelis"}}, I, A, N, A},
        {"second listed network → affected", "networked", {{"network", "kalixia"}}, I, A, N, A},
        {"network outside the scope → the outside verdict (unknown)", "networked", {{"network", "other"}}, I, U, N, U},
        {"no network → the outside verdict (unknown)", "networked", {{"network", "none"}}, I, U, N, U},
        {"outside + a network with only a note → still unknown", "networked", {{"network", "santeclair"}}, I, U, N, U},
        {"contract unanswered → possible", "contracted", {}, I, U, P, P},
        {"named contract → affected", "contracted", {{"contract", "protecterritoriale"}}, I, U, A, A},
        {"another contract → not_affected (its own statement says so)", "contracted", {{"contract", "other"}}, I, U, N, U},
        {"coverage window, covered unknown → affected", "windowed", {}, I, A, U, A},
        {"coverage window, before 2024 → affected", "windowed", {{"covered", "before2024"}}, I, A, U, A},
        {"coverage window, Jan 2024 → affected", "windowed", {{"covered", "jan2024"}}, I, A, U, A},
        {"coverage window ended 2023, cover started Jan 2024 → its own outside: not_affected", "windowed", {{"covered", "joined_early_2024"}}, I, N, U, U},
        {"joined after the attacks → not_affected everywhere (their own dates)", "windowed", {{"covered", "after2024"}, {"network", "none"}}, I, N, N, N},
        {"joined after, even with no statement → not_affected", "silent", {{"covered", "after2024"}, {"network", "none"}}, I, N, N, N},
        {"joined after, card naming the operator (new card) → not_affected", "silent", {{"covered", "after2024"}, {"card", "viamedis"}, {"network", "other"}}, I, N, N, N},
        {"joined after, network unknown → the later incident keeps it unknown overall", "silent", {{"covered", "after2024"}}, I, N, N, U},
        {"former member under a statement about members → capped at likely", "stated", {{"covered", "before2024"}}, I, L, U, L},
        {"uncertain statement → capped at possible", "uncertain", {}, I, P, U, P},
        {"indirect exposure → capped at possible", "indirect", {}, I, P, U, P},
        {"weak denial does not reassure → unknown", "weak-denial", {}, I, U, U, U},
        {"own denial reassures → not_affected", "networked", {{"network", "itelis"}}, I, A, N, A},
        {"no statement → unknown", "silent", {}, I, U, U, U},
        {"no statement + card names Viamedis → likely", "silent", {{"card", "viamedis"}}, I, L, U, L},
        {"no statement + card without operator → still unknown", "silent", {{"card", "none"}}, I, U, U, U},
        {"no statement + card naming another operator → still unknown", "silent", {{"card", "other-op"}}, I, U, U, U},
        {"no statement + network hosted by the operator → possible", "silent", {{"network", "kalixia"}}, I, P, U, P},
        {"no insurer + card names Almerys → likely", "", {{"card", "almerys"}}, I, U, L, L},
        {"no insurer, nothing known → unknown", "", {}, I, U, U, U},
        {"card never lowers: stated + card names Almerys", "stated", {{"card", "almerys"}}, I, A, L, A},
        {"card contradicting a denial → likely (never reassure against evidence)", "networked", {{"network", "itelis"}, {"card", "almerys"}}, I, A, L, A},
        {"professional, operator unknown → possible", "", {}, Role::pro, P, P, P},
        {"professional working with Viamedis → likely", "", {{"card", "viamedis"}}, Role::pro, L, U, L},
    };
    const Dataset& ds = fixture();
    for (const Row& r : rows) {
        const std::string name = r.name;
        CAPTURE(name);
        const Assessment as = assess(ds, answers_of(ds, r));
        REQUIRE(as.incidents.size() >= 2);
        CHECK(to_string(as.incidents[0].verdict) == to_string(r.viamedis));
        CHECK(to_string(as.incidents[1].verdict) == to_string(r.almerys));
        CHECK(to_string(as.overall) == to_string(r.overall));
        for (const IncidentResult& inc : as.incidents) {
            CHECK_FALSE(inc.reasons.empty());  // every verdict is explained
            for (const Reason& reason : inc.reasons) CHECK_FALSE(reason.sources.empty());  // every reason cites a source
            if (inc.verdict == Verdict::not_affected) {
                CHECK(inc.exposed.empty());
                CHECK((inc.by_own_statement || inc.by_dates));
            }
        }
    }
}

TEST_CASE("an incident decided by criteria: never not_affected; outside it, it does not count") {
    const Dataset& ds = fixture();
    auto net = [&](std::vector<std::pair<const char*, const char*>> given) {
        Answers a;
        for (const auto& [q, v] : given) a.given[q] = v;
        const Assessment as = assess(ds, a);
        REQUIRE(as.incidents.size() == 3);  // the informational incident is not assessed
        return std::make_pair(as.incidents[2], as.overall);
    };
    CHECK(net({}).first.verdict == U);
    CHECK(net({{"network", "itelis"}}).first.verdict == P);                    // first criterion in, the rest unanswered
    CHECK(net({{"network", "itelis"}, {"window", "yes"}}).first.verdict == L); // press at most: likely, never affected
    CHECK(net({{"network", "itelis"}, {"window", "late"}}).first.verdict == P); // one published version only
    CHECK(net({{"window", "yes"}}).first.verdict == U);                        // the window alone proves nothing
    const auto out = net({{"network", "none"}});
    CHECK(out.first.verdict == U);
    CHECK_FALSE(out.first.applies);
    CHECK(out.second == U);  // the 2024 incidents are unknown here, not the excluded one
    const auto no = net({{"network", "itelis"}, {"window", "no"}});
    CHECK(no.first.verdict == U);  // "no" is never a reassurance: there is no own statement
    Answers dated;
    dated.org = ds.find_org("windowed");
    dated.given = {{"covered", "after2024"}, {"network", "none"}};
    CHECK(assess(ds, dated).overall == N);  // excluded criteria incident: the dates decide
    dated.given = {{"covered", "after2024"}};
    CHECK(assess(ds, dated).overall == U);  // the network could still place the person in it
}

TEST_CASE("exposed data: the operator's list plus the insurer's additions; for this person only") {
    const Dataset& ds = fixture();
    Answers a;
    a.org = ds.find_org("stated");
    const Assessment as = assess(ds, a);
    CHECK(as.incidents[0].exposed == std::vector<std::string>{"name", "nir", "member_number"});
    CHECK(as.incidents[0].not_exposed == std::vector<std::string>{"bank_details"});
    // Only the incident that applies (Viamedis) feeds "what leaked".
    CHECK_FALSE(as.exposure.hypothetical);
    REQUIRE(as.exposure.applies.size() == 1);
    CHECK(as.incidents[as.exposure.applies[0]].incident->id == "viamedis-2024");
    for (const ExposureItem& x : as.exposure.exposed) CHECK_FALSE(x.partial);
    a.role = Role::pro;
    a.org = nullptr;
    const Assessment pro = assess(ds, a);
    CHECK(pro.incidents[0].exposed == std::vector<std::string>{"bank_details", "portal_login"});
    Answers none;
    const Assessment hyp = assess(ds, none);
    CHECK(hyp.exposure.hypothetical);  // nothing applies: what would have leaked
}

TEST_CASE("questions: only those that change a verdict, the most decisive first") {
    const Dataset& ds = fixture();
    Answers a;
    a.org = ds.find_org("networked");
    const std::vector<std::string> first = question_ids(assess(ds, a));
    REQUIRE_FALSE(first.empty());
    CHECK(first[0] == "network");  // it decides Viamedis: affected or unknown
    a.given = {{"network", "itelis"}, {"card", "none"}, {"covered", "jan2024"}, {"window", "no"}};
    CHECK(question_ids(assess(ds, a)).empty());
    CHECK_FALSE(assess(ds, a).provisional);

    Answers c;
    c.org = ds.find_org("contracted");
    CHECK(question_ids(assess(ds, c))[0] == "contract");
    Answers p;
    p.role = Role::pro;
    CHECK(question_ids(assess(ds, p)) == std::vector<std::string>{"card"});
}

TEST_CASE("the plan: at most three first steps for this verdict, the emergency box apart") {
    const Dataset& ds = fixture();
    Answers a;
    a.org = ds.find_org("silent");
    const Assessment as = assess(ds, a);
    CHECK(ids(as.first) == std::vector<std::string>{"everyone"});  // first_for unknown
    REQUIRE(as.emergency);
    CHECK(as.emergency->id == "emergency");
    a.org = ds.find_org("stated");
    const Assessment st = assess(ds, a);
    CHECK(st.first.empty());  // "everyone" is first only for unknown and possible
    CHECK(ids(st.more) == std::vector<std::string>{"everyone", "nir-only"});
    a.org = nullptr;
    a.role = Role::pro;
    const Assessment pro = assess(ds, a);
    CHECK(ids(pro.more) == std::vector<std::string>{"pro-bank"});
    CHECK_FALSE(pro.emergency);  // the box is for insured people (its roles say so)
}

TEST_CASE("contract_matches and resolve_contract") {
    CHECK(contract_matches("ProtecTerritoriale", "ProtecTerritoriale"));
    CHECK(contract_matches("protec territoriale", "ProtecTerritoriale"));
    CHECK(contract_matches("MST Perros Guirec", "MST-Perros-Guirec"));
    CHECK(contract_matches("mstcdg 27", "MSTCDG27"));
    CHECK(contract_matches("Protec Teritoriale", "ProtecTerritoriale"));  // one typo
    CHECK_FALSE(contract_matches("", "ProtecTerritoriale"));
    CHECK_FALSE(contract_matches("???", "ProtecTerritoriale"));
    CHECK(contract_matches("Habitat", "Caen la Mer Habitat"));  // whole-word containment
    CHECK_FALSE(contract_matches("Territoriale Plus Confort", "MSTCDG27"));
    const Organization* org = fixture().find_org("contracted");
    CHECK(resolve_contract(org, "contrat Caen la Mer Habitat 2024") == "caen-la-mer-habitat");
    CHECK(resolve_contract(org, "je ne sais pas") == "unknown");  // not matching is not an answer
    CHECK(resolve_contract(org, "Mon employeur SARL Dupont") == "unknown");
}

TEST_CASE("periods overlap in days, a year or month widened to its first or last day") {
    CHECK(overlaps(Period{"", "2023-12"}, "2016-01-01", "2023-12-31"));
    CHECK_FALSE(overlaps(Period{"2024-01", "2024-02"}, "2016-01-01", "2023-12-31"));
    CHECK(overlaps(Period{"2024-01", "2024-02"}, "", "2024-01-26"));
    CHECK_FALSE(overlaps(Period{"2024-03", ""}, "", "2024-01-26"));
    CHECK(day_of("2024-02", true) == "2024-02-29");
    CHECK(day_of("2023-02", true) == "2023-02-28");
    CHECK(day_of("2024", false) == "2024-01-01");
}

// The six findings of the truth issue, each by name.
TEST_CASE("regression: a wider name does not borrow a narrow entity's reassurance (Mercer, a bank, a generic word)") {
    const Engine& e = real_engine();
    for (const char* query : {"Mercer", "Crédit Agricole", "mutuelle", "ma mutuelle", "iSanté", "harmonie", "mutuelle generale"}) {
        CAPTURE(query);
        const auto r = check(e, {{"query", query}});
        CHECK(r["org"].is_null());
        CHECK(r["overall"] != "not_affected");
        for (const auto& inc : r["incidents"]) CHECK(inc["verdict"] != "not_affected");
    }
    const auto mercer = check(e, {{"query", "Mercer"}});
    CHECK(mercer["match"]["ambiguous"] == true);
    CHECK(mercer["match"]["umbrella"]["id"] == "mercer");
    CHECK(mercer["match"]["candidates"][0]["id"] == "appa");
}

TEST_CASE("regression: free text that fails to match a contract counts as I don't know, not another contract") {
    const Engine& e = real_engine();
    for (const char* text : {"je ne sais pas", "Mairie de Rennes", "SARL Dupont"}) {
        CAPTURE(text);
        const auto r = check(e, {{"org", "mutame-plus"}, {"contract", text}});
        CHECK(r["contract_match"]["understood_as"] == "unknown");
        CHECK(r["incidents"][1]["verdict"] == "possible");  // Almerys: depends on the contract
    }
    CHECK(check(e, {{"org", "mutame-plus"}, {"contract", "other"}})["incidents"][1]["verdict"] == "not_affected");
    CHECK(check(e, {{"org", "mutame-plus"}, {"contract", "Protec Territoriale"}})["incidents"][1]["verdict"] == "affected");
}

TEST_CASE("regression: press alone never reassures (CA Assurances and Almerys)") {
    const auto r = check(real_engine(), {{"org", "ca-assurances"}});
    CHECK(r["incidents"][1]["id"] == "almerys-2024");
    CHECK(r["incidents"][1]["verdict"] == "unknown");
    bool press_reason = false;
    for (const auto& reason : r["incidents"][1]["reasons"]) press_reason = press_reason || reason["kind"] == "weak_not_concerned";
    CHECK(press_reason);
}

TEST_CASE("regression: not too strong for a period the operator did not hold (La Mutuelle Générale before 2024)") {
    const auto r = check(real_engine(), {{"org", "la-mutuelle-generale"}, {"covered", "before2024"}});
    CHECK(r["incidents"][0]["verdict"] == "affected");  // Viamedis until 31 Dec 2023
    CHECK(r["incidents"][1]["verdict"] == "possible");  // Almerys afterwards, start date not published
    CHECK(check(real_engine(), {{"org", "la-mutuelle-generale"}, {"covered", "jan2024"}})["incidents"][1]["verdict"] == "affected");
}

TEST_CASE("regression: every reason cites a source") {
    const Engine& e = real_engine();
    for (const auto& answers : {nlohmann::json{{"org", "mgen"}}, {{"org", "mutami"}, {"covered", "after2024"}}, {{"card", "other"}},
                                {{"role", "pro"}}, {{"org", "helium"}, {"network", "none"}}, {{"query", "zzzz"}}}) {
        CAPTURE(answers.dump());
        const auto r = check(e, answers);
        for (const auto& inc : r["incidents"]) {
            for (const auto& reason : inc["reasons"]) CHECK_FALSE(reason["sources"].empty());
        }
    }
}

TEST_CASE("regression: an operator or network typed as the insurer is understood, and said so") {
    const Engine& e = real_engine();
    const auto almerys = check(e, {{"query", "Almerys"}});
    CHECK(almerys["match"]["kind"] == "operator");
    CHECK(almerys["incidents"][1]["verdict"] == "likely");  // as if the card named Almerys
    const auto itelis = check(e, {{"query", "itelis"}});
    CHECK(itelis["match"]["kind"] == "network");
    CHECK(itelis["match"]["id"] == "itelis");
    const auto former = check(e, {{"query", "Prévadiès"}});
    CHECK(former["org"]["id"] == "harmonie-mutuelle");
    CHECK(former["match"]["alias_kind"] == "former_name");
    CHECK_FALSE(former["match"]["about"]["sources"].empty());
    for (const char* op : {"SP Santé", "Actil", "Viamedis"}) {
        CAPTURE(op);
        CHECK(check(e, {{"query", op}})["match"]["kind"] == "operator");
    }
}

TEST_CASE("real dataset: the sourced scopes of the truth issue") {
    const Engine& e = real_engine();
    auto verdicts = [&](nlohmann::json answers) {
        const auto r = check(e, answers);
        return std::make_pair(r["incidents"][0]["verdict"].get<std::string>(), r["incidents"][1]["verdict"].get<std::string>());
    };
    using P2 = std::pair<std::string, std::string>;
    CHECK(verdicts({{"org", "helium"}, {"network", "itelis"}}) == P2{"affected", "not_affected"});
    CHECK(verdicts({{"org", "helium"}, {"network", "kalixia"}}) == P2{"affected", "not_affected"});
    CHECK(verdicts({{"org", "helium"}}) == P2{"possible", "not_affected"});
    CHECK(verdicts({{"org", "helium"}, {"network", "none"}}) == P2{"unknown", "not_affected"});
    CHECK(verdicts({{"org", "mutame-plus"}}) == P2{"not_affected", "possible"});
    // Mutami: contracts 2016–2023 concerned; a contract started in 2024 is not (its own words).
    CHECK(verdicts({{"org", "mutami"}, {"covered", "jan2024"}}).first == "affected");
    CHECK(verdicts({{"org", "mutami"}, {"covered", "joined_early_2024"}}).first == "not_affected");
    CHECK(verdicts({{"org", "mutami"}, {"covered", "after2024"}}).first == "not_affected");
    // Alan: everyone up to 26 January 2024, nobody insured after.
    CHECK(verdicts({{"org", "alan"}, {"covered", "joined_early_2024"}}).second == "affected");
    CHECK(verdicts({{"org", "alan"}, {"covered", "before2024"}}).second == "affected");
    CHECK(verdicts({{"org", "alan"}, {"covered", "after2024"}}).second == "not_affected");
    CHECK(verdicts({{"org", "la-mutuelle-generale"}, {"covered", "after2024"}}) == P2{"not_affected", "not_affected"});
    CHECK(check(e, {{"org", "mgen"}})["overall"] == "unknown");
    CHECK(verdicts({{"org", "mgen"}, {"card", "viamedis"}}) == P2{"likely", "unknown"});
    CHECK(verdicts({{"org", "mgen"}, {"card", "none"}}) == P2{"unknown", "unknown"});
    CHECK(verdicts({{"card", "almerys"}}) == P2{"unknown", "likely"});
    const auto pro = check(e, {{"role", "pro"}, {"card", "viamedis"}});
    CHECK(pro["incidents"][0]["verdict"] == "likely");
    bool rib = false;
    for (const auto& c : pro["incidents"][0]["exposed"]) rib = rib || c["id"] == "bank_details";
    CHECK(rib);
}
