// Lookups over the dataset model, and the invariants every loaded dataset satisfies (checked by
// the image reader on what it read, and by the tests on what the JSON loader built). Texts are
// not decoded here: the JSON writer turns any invalid UTF-8 into U+FFFD on output.
#include <algorithm>

#include "dataset.hpp"
#include "text.hpp"

namespace breachcheck {

// The rule texts assess.cpp needs (docs/dataset.md, "Rule texts"). own_sources: the sentence
// states a fact and cites it; otherwise it qualifies a statement and cites that statement.
const std::array<RuleSpec, 16> rule_specs = {{
    {"joined_after", false},          // cites the incident's attack-window sources
    {"former_member", true},
    {"former_operator_late_join", false},
    {"inferred_boundary", false},
    {"no_statement", true},
    {"no_insurer", true},
    {"card_other", true},
    {"weak_not_concerned", false},
    {"press_not_concerned", false},
    {"uncertain", false},
    {"depends_network", false},
    {"depends_contract", false},
    {"extra_classes", false},
    {"pro_named", false},             // cites the professionals' side
    {"pro_unknown", false},
    {"pro_not_named", false},
}};

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    for (const T& item : items) {
        if (item.id == id) return &item;
    }
    return nullptr;
}

}  // namespace

const Organization* Dataset::find_org(std::string_view id) const { return find_by_id(organizations, id); }
const Network* Dataset::find_network(std::string_view id) const { return find_by_id(networks, id); }
const Operator* Dataset::find_operator(std::string_view id) const { return find_by_id(operators, id); }
const Umbrella* Dataset::find_umbrella(std::string_view id) const { return find_by_id(umbrellas, id); }
const DataClass* Dataset::find_class(std::string_view id) const { return find_by_id(data_classes, id); }
const GlossaryTerm* Dataset::find_term(std::string_view id) const { return find_by_id(glossary, id); }
const Question* Dataset::find_question(std::string_view id) const { return find_by_id(questions, id); }
const Incident* Dataset::find_incident(std::string_view id) const { return find_by_id(incidents, id); }

const Question* Dataset::question_of(QuestionKind kind) const {
    for (const Question& q : questions) {
        if (q.kind == kind) return &q;
    }
    return nullptr;
}

const RuleText& Dataset::rule(std::string_view id) const {
    static const RuleText none;
    const auto it = rules.find(std::string(id));
    return it == rules.end() ? none : it->second;
}

std::string slug_of(std::string_view name) {
    std::string out;
    for (const std::string& t : text::tokens(name)) {
        if (!out.empty()) out.push_back('-');
        out += t;
    }
    return out.substr(0, 64);
}

std::string day_of(std::string_view d, bool end) {
    if (d.empty()) return {};
    std::string out(d);
    if (out.size() == 4) return out + (end ? "-12-31" : "-01-01");
    if (out.size() == 7) {
        if (!end) return out + "-01";
        const int month = (out[5] - '0') * 10 + (out[6] - '0');
        int year = 0;
        for (int k = 0; k < 4; ++k) year = year * 10 + (out[static_cast<std::size_t>(k)] - '0');
        static const char* last[] = {"31", "28", "31", "30", "31", "30", "31", "31", "30", "31", "30", "31"};
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const char* day = month == 2 && leap ? "29" : (month >= 1 && month <= 12 ? last[month - 1] : "31");
        return out + "-" + day;
    }
    return out;
}

namespace {

struct Checker {
    const Dataset& ds;
    std::vector<ValidationError> errors;

    void fail(std::string path, std::string message) {
        if (errors.size() < 50) errors.push_back({std::move(path), std::move(message)});
    }
    void refs(const SourceRefs& r, const std::string& path) {
        for (std::size_t k : r) {
            if (k >= ds.sources.size()) fail(path, "source index out of range");
        }
    }
    void classes(const std::vector<std::string>& ids, const std::string& path) {
        for (const std::string& c : ids) {
            if (!ds.find_class(c)) fail(path, "unknown data class");
        }
    }
};

}  // namespace

std::vector<ValidationError> check_model(const Dataset& ds) {
    Checker c{ds, {}};
    for (std::size_t i = 0; i < ds.data_classes.size(); ++i) {
        const DataClass& d = ds.data_classes[i];
        if (!d.gloss.empty() && !ds.find_term(d.gloss)) c.fail("/data_classes/" + std::to_string(i), "unknown glossary term");
    }
    for (std::size_t i = 0; i < ds.incidents.size(); ++i) {
        const Incident& inc = ds.incidents[i];
        const std::string p = "/incidents/" + std::to_string(i);
        if (inc.kind == IncidentKind::assessed && inc.mode == IncidentMode::insurer_operator && inc.operator_index >= ds.operators.size()) {
            c.fail(p, "operator index out of range");
        }
        // As the JSON loader: only an incident decided by insurer and operator names an operator.
        const bool by_operator = inc.kind == IncidentKind::assessed && inc.mode == IncidentMode::insurer_operator;
        if (!by_operator && inc.operator_index != no_index) c.fail(p, "operator on an incident not decided by insurer and operator");
        if (!by_operator && (!inc.card_evidence.text.empty() || !inc.card_evidence.sources.empty())) {
            c.fail(p, "card evidence on an incident not decided by insurer and operator");
        }
        const bool by_criteria = inc.kind == IncidentKind::assessed && inc.mode == IncidentMode::criteria;
        if (by_criteria == inc.criteria.empty()) c.fail(p + "/criteria", by_criteria ? "an incident decided by criteria needs at least one" : "criteria on an incident not decided by criteria");
        if (!by_criteria && (!inc.no_statement.text.empty() || !inc.no_statement.sources.empty())) c.fail(p, "no_statement on an incident not decided by criteria");
        if (inc.kind == IncidentKind::informational && inc.has_pro) c.fail(p, "pro on an informational incident");
        c.refs(inc.attack_window.sources, p);
        for (const Fact& f : inc.facts) {
            c.refs(f.sources, p + "/facts");
        }
        c.classes(inc.exposed.classes, p + "/exposed");
        c.classes(inc.not_exposed.classes, p + "/not_exposed");
        c.refs(inc.exposed.sources, p);
        c.refs(inc.not_exposed.sources, p);
        c.refs(inc.card_evidence.sources, p);
        c.refs(inc.pro.sources, p);
        c.classes(inc.pro.exposed.classes, p + "/pro");
        c.refs(inc.no_statement.sources, p);
        for (const Criterion& cr : inc.criteria) {
            if (cr.question >= ds.questions.size()) c.fail(p + "/criteria", "question index out of range");
            c.refs(cr.sources, p + "/criteria");
        }
    }
    // Every alias cites its sources, whoever it names.
    const auto aliases = [&](const std::vector<Alias>& list, const std::string& path) {
        for (const Alias& a : list) c.refs(a.sources, path + "/aliases");
    };
    for (std::size_t i = 0; i < ds.operators.size(); ++i) {
        const std::string p = "/operators/" + std::to_string(i);
        aliases(ds.operators[i].aliases, p);
        c.refs(ds.operators[i].about.sources, p + "/about");
    }
    for (std::size_t i = 0; i < ds.networks.size(); ++i) {
        aliases(ds.networks[i].aliases, "/networks/" + std::to_string(i));
        for (const NetworkLink& l : ds.networks[i].links) {
            if (l.incident >= ds.incidents.size()) c.fail("/networks/" + std::to_string(i), "incident index out of range");
            c.refs(l.sources, "/networks/" + std::to_string(i));
        }
    }
    for (std::size_t i = 0; i < ds.umbrellas.size(); ++i) {
        for (std::size_t k : ds.umbrellas[i].candidates) {
            if (k >= ds.organizations.size()) c.fail("/umbrellas/" + std::to_string(i), "organization index out of range");
        }
        aliases(ds.umbrellas[i].aliases, "/umbrellas/" + std::to_string(i));
        c.refs(ds.umbrellas[i].about.sources, "/umbrellas/" + std::to_string(i));
    }
    for (std::size_t i = 0; i < ds.organizations.size(); ++i) {
        const Organization& o = ds.organizations[i];
        const std::string p = "/organizations/" + std::to_string(i);
        aliases(o.aliases, p);
        for (const Contact& k : o.contacts) c.refs(k.sources, p + "/contacts");
        for (const Scope& s : o.scopes) {
            if (s.incident >= ds.incidents.size()) c.fail(p + "/scopes", "incident index out of range");
            c.refs(s.sources, p + "/scopes");
            c.refs(s.coverage.sources, p + "/scopes");
            c.refs(s.outside.sources, p + "/scopes");
            c.refs(s.extra_exposed.sources, p + "/scopes");
            c.classes(s.extra_exposed.classes, p + "/scopes");
            if (s.outside.verdict != Verdict::not_affected && s.outside.verdict != Verdict::unknown) c.fail(p + "/scopes", "invalid outside verdict");
        }
    }
    for (const QuestionKind k : {QuestionKind::card, QuestionKind::covered, QuestionKind::network, QuestionKind::contract}) {
        if (!ds.question_of(k)) c.fail("/questions", "missing question of kind " + std::string(id_of(question_kind_vocab, k)));
    }
    for (const Action& a : ds.actions) {
        c.refs(a.sources, "/actions");
        c.classes(a.classes_any, "/actions");
        for (const std::string& id : a.incidents_any) {
            if (!ds.find_incident(id)) c.fail("/actions", "unknown incident");
        }
    }
    for (const RuleSpec& spec : rule_specs) {
        const auto it = ds.rules.find(std::string(spec.id));
        if (it == ds.rules.end()) c.fail("/rules", "missing rule text " + std::string(spec.id));
        else c.refs(it->second.sources, "/rules/" + std::string(spec.id));
    }
    if (ds.overlay.present) {
        if (ds.overlay.organization >= ds.organizations.size()) c.fail("/overlay", "organization index out of range");
        for (const OverlayNote& n : ds.overlay.notes) {
            if (n.incident >= ds.incidents.size()) c.fail("/overlay", "incident index out of range");
            c.refs(n.sources, "/overlay");
        }
        for (const Contact& k : ds.overlay.contacts) c.refs(k.sources, "/overlay/contacts");
    }
    return c.errors;
}

}  // namespace breachcheck
