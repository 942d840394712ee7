// Target (d): the assessment with structured answers. The fuzz bytes choose valid answers (an
// organization of the dataset, by id or by one of its names, network, card, coverage period,
// contract, role, language), so every call must succeed, and the result must follow the rules
// written at the top of core/assess.cpp.
//
// Input layout (missing bytes read as 0):
//   byte 0  flags: bit 0 dataset (real / test fixture); bits 1-2 insurer given as none / "org" id /
//           "query" = one of its names / "query" = the free text; bit 3 role pro; bit 4 lang en;
//           bits 5-6 contract absent / one named in the insurer's scopes / one named anywhere in
//           the dataset / the free text; bit 7 write default answers and nulls explicitly
//   byte 1  organization index     byte 2 network     byte 3 card     byte 4 coverage period
//   byte 5  name or contract index  bytes 6… free text
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common.hpp"

using namespace breachcheck;
using fuzz::json;

namespace {

const char* const cards[] = {"viamedis", "almerys", "other", "none", "unknown"};
const char* const periods[] = {"jan2024", "before2024", "after2024", "unknown"};

std::vector<std::string> all_contracts(const Dataset& ds) {
    std::vector<std::string> out;
    for (const Organization& o : ds.organizations) {
        for (const Scope& s : o.scopes) out.insert(out.end(), s.contracts.begin(), s.contracts.end());
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto at = [&](std::size_t i) -> unsigned { return i < size ? data[i] : 0u; };
    const unsigned flags = at(0);
    const Engine& engine = (flags & 1) ? fuzz::fixture_engine() : fuzz::real_engine();
    const Dataset& ds = engine.dataset();
    const std::string tail = size > 6 ? std::string(reinterpret_cast<const char*>(data) + 6, size - 6) : std::string();
    const bool explicit_defaults = flags & 0x80;

    const Organization& org = ds.organizations[at(1) % ds.organizations.size()];
    const unsigned org_mode = (flags >> 1) & 3;
    const bool pro = flags & 8;
    const std::string lang = (flags & 16) ? "en" : "fr";
    const std::string network = network_ids[at(2) % network_ids.size()];
    const std::string card = cards[at(3) % 5];
    const std::string covered = periods[at(4) % 4];

    json answers = json::object();
    std::string name;  // the name or alias used as a query
    if (org_mode == 1) answers["org"] = org.id;
    else if (org_mode == 2) {
        std::vector<std::string> names = {org.name};
        names.insert(names.end(), org.aliases.begin(), org.aliases.end());
        name = names[at(5) % names.size()];
        answers["query"] = name;
    } else if (org_mode == 3) answers["query"] = tail;
    else if (explicit_defaults) answers["org"] = nullptr;

    std::string contract;
    const unsigned contract_mode = (flags >> 5) & 3;
    if (contract_mode == 1) {
        std::vector<std::string> own;
        for (const Scope& s : org.scopes) own.insert(own.end(), s.contracts.begin(), s.contracts.end());
        if (!own.empty()) contract = own[at(5) % own.size()];
    } else if (contract_mode == 2) {
        const std::vector<std::string> any = all_contracts(ds);
        if (!any.empty()) contract = any[at(5) % any.size()];
    } else if (contract_mode == 3) {
        contract = tail;
    }
    if (!contract.empty() || explicit_defaults) answers["contract"] = contract;
    if (network != "unknown" || explicit_defaults) answers["network"] = network;
    if (card != "unknown" || explicit_defaults) answers["card"] = card;
    if (covered != "unknown" || explicit_defaults) answers["covered"] = covered;
    if (pro || explicit_defaults) answers["role"] = pro ? "pro" : "insured";
    if (lang == "en" || explicit_defaults) answers["lang"] = lang;

    const json r = engine.check(answers);
    fuzz::check_result_invariants(engine, r);  // includes: no "error" for these valid answers
    FUZZ_CHECK(engine.check(answers) == r, answers);  // deterministic
    FUZZ_CHECK(r["lang"] == lang && r["role"] == (pro ? "pro" : "insured"), r);

    if (pro) {
        FUZZ_CHECK(r["org"].is_null(), r);
    } else if (org_mode == 1) {
        FUZZ_CHECK(r["org"]["id"] == org.id, r);
    } else if (org_mode == 2) {
        // One of its own names always picks the organization (names never collide).
        FUZZ_CHECK(r["match"]["score"] == 1.0 && r["org"]["id"] == org.id, answers.dump() + " → " + dump(r));
    }

    // The rules of core/assess.cpp, per incident.
    for (std::size_t i = 0; i < ds.incidents.size(); ++i) {
        const Incident& inc = ds.incidents[i];
        const json& v = r["incidents"][i]["verdict"];
        FUZZ_CHECK(r["incidents"][i]["id"] == inc.id, r);
        if (pro) {
            FUZZ_CHECK(v != "not_affected", r);  // a professional is never ruled out
            if (card == inc.operator_id) FUZZ_CHECK(v == "likely", r);
            continue;
        }
        if (covered == "after2024") {
            FUZZ_CHECK(v == "not_affected", r);  // rule 2
            continue;
        }
        if (card == inc.operator_id) FUZZ_CHECK(fuzz::severity(v) >= fuzz::severity("likely"), r);  // rule 5
        if (r["org"].is_null()) {
            // Without an insurer, only a network (possible) or the card (likely) can say something.
            FUZZ_CHECK(v == "unknown" || v == "possible" || (card == inc.operator_id && v == "likely"), r);
        }
    }
    return 0;
}
