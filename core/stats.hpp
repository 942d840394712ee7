// Coverage summary of the dataset: what it knows, per operator and per confidence level.
#pragma once

#include <nlohmann/json.hpp>

#include "dataset.hpp"

namespace breachcheck {

// {organizations, sources, sources_by_confidence, per_incident: {id: {current, former, indirect,
//  not_concerned, no_statement}}, scopes_by_confidence, scopes_without_own_statement: [org/incident]}
nlohmann::json dataset_stats(const Dataset& ds);

}  // namespace breachcheck
