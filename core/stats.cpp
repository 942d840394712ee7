// Coverage summary printed by `breachcheck stats` and quoted in the README.
#include "stats.hpp"

#include <algorithm>

namespace breachcheck {

using json = nlohmann::json;

nlohmann::json dataset_stats(const Dataset& ds) {
    json by_conf = {{"own_statement", 0}, {"press", 0}, {"weak", 0}};
    for (const Source& s : ds.sources) by_conf[std::string(to_string(s.confidence))] = by_conf[std::string(to_string(s.confidence))].get<int>() + 1;

    json per_incident = json::object();
    json scopes_by_conf = {{"own_statement", 0}, {"press", 0}, {"weak", 0}};
    json without_own = json::array();
    std::size_t orgs_without_scope = 0;
    for (std::size_t i = 0; i < ds.incidents.size(); ++i) {
        if (ds.incidents[i].mode != IncidentMode::insurer_operator || ds.incidents[i].kind != IncidentKind::assessed) continue;
        json counts = {{"current", 0}, {"former", 0}, {"indirect", 0}, {"not_concerned", 0}, {"no_statement", 0}};
        for (const Organization& o : ds.organizations) {
            bool any = false;
            for (const Scope& s : o.scopes) {
                if (s.incident != i) continue;
                any = true;
                const char* key = s.status == ScopeStatus::current ? "current" : s.status == ScopeStatus::former ? "former"
                                : s.status == ScopeStatus::indirect ? "indirect" : "not_concerned";
                counts[key] = counts[key].get<int>() + 1;
                Confidence best = Confidence::weak;
                for (std::size_t k : s.sources) best = std::max(best, ds.sources[k].confidence);
                const std::string c(to_string(best));
                scopes_by_conf[c] = scopes_by_conf[c].get<int>() + 1;
                if (best != Confidence::own_statement) without_own.push_back(o.id + " / " + ds.incidents[i].id + " (" + c + ")");
            }
            if (!any) counts["no_statement"] = counts["no_statement"].get<int>() + 1;
        }
        per_incident[ds.incidents[i].id] = std::move(counts);
    }
    for (const Organization& o : ds.organizations) {
        if (o.scopes.empty()) ++orgs_without_scope;
    }
    std::size_t facts = 0, informational = 0;
    for (const Incident& inc : ds.incidents) {
        facts += inc.facts.size();
        if (inc.kind == IncidentKind::informational) ++informational;
    }
    return json{{"dataset_version", ds.dataset_version},
                {"organizations", ds.organizations.size()},
                {"organizations_without_statement", orgs_without_scope},
                {"sources", ds.sources.size()},
                {"sources_by_confidence", std::move(by_conf)},
                {"incidents", ds.incidents.size()},
                {"informational_incidents", informational},
                {"incident_facts", facts},
                {"operators", ds.operators.size()},
                {"umbrellas", ds.umbrellas.size()},
                {"networks", ds.networks.size()},
                {"actions", ds.actions.size()},
                {"per_incident", std::move(per_incident)},
                {"scopes_by_confidence", std::move(scopes_by_conf)},
                {"scopes_without_own_statement", std::move(without_own)}};
}

}  // namespace breachcheck
