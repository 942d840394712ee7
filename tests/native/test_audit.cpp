// The reassurance audit: it passes on every shipped dataset and overlay, prints its counts, and
// it fails when a rule is broken (so that it is a test that can fail).
#include <doctest/doctest.h>

#include <iostream>

#include "audit.hpp"
#include "helpers.hpp"

using namespace breachcheck;

TEST_CASE("the shipped dataset passes the audit over every organization and every answer") {
    const AuditReport r = audit(real_engine().dataset());
    std::cout << audit_text(r);
    CHECK(r.problem_count == 0);
    CHECK(r.organizations == real_engine().dataset().organizations.size());
    CHECK(r.checks > 100000);
    CHECK(r.overall[static_cast<std::size_t>(Verdict::not_affected)] > 0);  // reassurance exists, where sourced
    CHECK(r.per_incident.at("itelis-2025")[static_cast<std::size_t>(Verdict::not_affected)] == 0);
}

TEST_CASE("the shipped overlay passes the audit too") {
    const std::string overlay = read_text(std::string(BREACHCHECK_REPO) + "/data/overlays/helium.json");
    const auto e = engine_from(real_dataset_text(), overlay);
    const AuditReport r = audit(e->dataset());
    std::cout << "with data/overlays/helium.json: " << audit_text(r);
    CHECK(r.problem_count == 0);
}

TEST_CASE("the audit fails on a reason without a source, and names where") {
    Dataset ds = fixture();
    ds.incidents[0].attack_window.sources.clear();  // the dates rule would then cite nothing
    const AuditReport r = audit(ds);
    REQUIRE(r.problem_count > 0);
    CHECK(r.problems[0].rule == "a reason without a source");
    CHECK(r.problems[0].incident == "viamedis-2024");
    CHECK(r.problems[0].answers.find("covered=after2024") != std::string::npos);
    CHECK(nlohmann::json::parse(audit_json(r))["passed"] == false);
}
