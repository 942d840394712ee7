// The dataset coverage summary (`breachcheck stats`, quoted in the README).
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "stats.hpp"

using namespace breachcheck;

TEST_CASE("stats count what the dataset holds") {
    const Dataset& ds = real_engine().dataset();
    const nlohmann::json s = dataset_stats(ds);
    CHECK(s["organizations"] == ds.organizations.size());
    CHECK(s["sources"] == ds.sources.size());
    const int by_conf = s["sources_by_confidence"]["own_statement"].get<int>() + s["sources_by_confidence"]["press"].get<int>() +
                        s["sources_by_confidence"]["weak"].get<int>();
    CHECK(by_conf == static_cast<int>(ds.sources.size()));
    // Only incidents decided by insurer and operator have per-organization statements.
    CHECK(s["per_incident"].contains("viamedis-2024"));
    CHECK_FALSE(s["per_incident"].contains("itelis-2025"));
    const auto& v = s["per_incident"]["viamedis-2024"];
    const int total = v["current"].get<int>() + v["former"].get<int>() + v["indirect"].get<int>() + v["not_concerned"].get<int>() + v["no_statement"].get<int>();
    CHECK(total >= static_cast<int>(ds.organizations.size()));  // an organization may have two scopes
    CHECK(s["informational_incidents"] == 5);
}
