// The dataset loader's sections (load_dataset.cpp), cross-record rules (load_rules.cpp) and the
// overlay merge (load_overlay.cpp), over Reader's typed reads. Internal to the loader.
#pragma once

#include <string>
#include <vector>

#include "load.hpp"
#include "load_reader.hpp"

namespace breachcheck::load {

inline constexpr int schema_version = supported_schema_version;  // dataset.hpp

class DatasetLoader : public Reader {
public:
    Dataset out;

    void load(const json& root);
    // Overlays: start from a valid dataset, then read the overlay over it.
    void start_from(const Dataset& base);
    void load_overlay(const json& root);

private:
    std::vector<const json*> criteria_json;  // per incident, read once the questions are known
    std::vector<std::string> criteria_path;

    void load_sources(const json& root, bool from_overlay);
    void load_glossary(const json& root);
    void load_classes(const json& root);
    void load_operators(const json& root);
    void load_incidents(const json& root);
    void load_incident_parts(const json& j, const std::string& p, Incident& inc);
    void load_criteria();
    void load_networks(const json& root);
    void load_organizations(const json& root);
    void load_umbrellas(const json& root);
    void load_questions(const json& root);
    void check_options(const Question& q, const std::string& p);
    void load_actions(const json& root, const std::string& base, bool from_overlay);
    void load_rules(const json& root);
    void load_scope(const json& j, const std::string& p, Scope& s);
    void load_theme(const json& t);
    std::vector<Alias> aliases(const json& j, const std::string& p);
    Contact contact(const json& c, const std::string& cp, bool sourced_contact);
    Action action(const json& j, const std::string& p);
    Link link(const json& l, const std::string& lp);
    std::vector<std::string> answer_ids(const Question& q) const;
    // load_rules.cpp: names that must identify one entry, and ids shared by no two entries.
    void check_cross_rules();
};

}  // namespace breachcheck::load
