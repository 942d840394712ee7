// The incidents of the dataset (load_dataset.hpp): assessed ones, decided by insurer and operator
// or by criteria (a network, a care window), and informational ones; their facts, exposed data,
// attack windows, the professionals' side, and the criteria (read after the questions they name).
#include "load_dataset.hpp"

#include <algorithm>

#include "text.hpp"

namespace breachcheck::load {

void DatasetLoader::load_incidents(const json& root) {
    std::vector<std::string> ids;
    for_each_item(root, "incidents", "", 50, [&](const json& j, const std::string& p) {
        Incident inc;
        if (object(j, p, {"id", "kind", "name", "summary", "facts", "exposed", "not_exposed"},
                   {"mode", "operator", "attack_window", "card_evidence", "pro", "criteria", "no_statement", "who_can_tell", "routes", "short_name"})) {
            inc.id = id(j, p);
            vocab(j, "kind", p, incident_kind_vocab, "incident kind", inc.kind);
            inc.name = local(j, "name", p, true, max_name);
            inc.summary = local(j, "summary", p, true, 1000);
            inc.short_name = local(j, "short_name", p, true, 40);
            load_incident_parts(j, p, inc);
        }
        ids.push_back(inc.id);
        out.incidents.push_back(std::move(inc));
    });
    check_unique(ids, "/incidents", "incident");
}

void DatasetLoader::load_incident_parts(const json& j, const std::string& p, Incident& inc) {
    std::vector<std::string> fact_ids;
    for_each_item(j, "facts", p, 200, [&](const json& f, const std::string& fp) {
        Fact fact;
        if (object(f, fp, {"id", "kind", "text", "sources"}, {"date"})) {
            fact.id = id(f, fp);
            vocab(f, "kind", fp, fact_kind_vocab, "fact kind", fact.kind);
            fact.date = date(f, "date", fp, false);
            fact.text = local(f, "text", fp);
            fact.sources = sources(f, fp, true);
        }
        fact_ids.push_back(fact.id);
        inc.facts.push_back(std::move(fact));
    });
    check_unique(fact_ids, child(p, "facts"), "fact");
    inc.exposed = class_list(j, "exposed", p);
    inc.not_exposed = class_list(j, "not_exposed", p);
    for (const std::string& c : inc.exposed.classes) {
        if (std::find(inc.not_exposed.classes.begin(), inc.not_exposed.classes.end(), c) != inc.not_exposed.classes.end()) {
            error(child(p, "not_exposed"), "data class " + shown(c) + " is listed as both exposed and not exposed");
        }
    }
    const bool informational = inc.kind == IncidentKind::informational;
    if (j.contains("mode")) vocab(j, "mode", p, incident_mode_vocab, "incident mode", inc.mode);
    else if (!informational) error(child(p, "mode"), "missing required field (an assessed incident says how it is decided)");
    // Which parts each kind and mode needs, and which it must not have.
    const bool by_insurer = !informational && inc.mode == IncidentMode::insurer_operator;
    const bool by_criteria = !informational && inc.mode == IncidentMode::criteria;
    auto need = [&](const char* key, bool wanted) {
        if (wanted && !j.contains(key)) error(child(p, key), "missing required field");
        if (!wanted && j.contains(key)) error(child(p, key), std::string("not used by ") + (informational ? "an informational incident" : by_insurer ? "an incident decided by insurer and operator" : "an incident decided by criteria"));
    };
    need("operator", by_insurer);
    need("card_evidence", by_insurer);
    need("attack_window", !informational);
    need("criteria", by_criteria);
    need("no_statement", by_criteria);
    need("who_can_tell", informational);
    if (informational && j.contains("pro")) error(child(p, "pro"), "not used by an informational incident");
    if (j.contains("operator")) {
        const std::string op = string(j, "operator", p, true, 64);
        if (const Operator* o = out.find_operator(op)) inc.operator_index = static_cast<std::size_t>(o - out.operators.data());
        else if (field(j, "operator").is_string()) error(child(p, "operator"), "unknown operator " + shown(op));
    }
    if (j.contains("attack_window")) {
        const std::string wp = child(p, "attack_window");
        if (object(field(j, "attack_window"), wp, {"end", "text", "sources"}, {})) {
            inc.attack_window.end = date(field(j, "attack_window"), "end", wp, true);
            inc.attack_window.text = local(field(j, "attack_window"), "text", wp);
            inc.attack_window.sources = sources(field(j, "attack_window"), wp, true);
        }
    }
    inc.card_evidence = sourced(j, "card_evidence", p);
    if (j.contains("pro")) {
        const std::string pp = child(p, "pro");
        if (object(field(j, "pro"), pp, {"exposed", "text", "sources"}, {})) {
            inc.has_pro = true;
            inc.pro.exposed = class_list(field(j, "pro"), "exposed", pp);
            inc.pro.text = local(field(j, "pro"), "text", pp);
            inc.pro.sources = sources(field(j, "pro"), pp, true);
        }
    }
    inc.no_statement = sourced(j, "no_statement", p);
    inc.who_can_tell = local(j, "who_can_tell", p, true, 1000);
    for_each_item(j, "routes", p, 20, [&](const json& l, const std::string& lp) { inc.routes.push_back(link(l, lp)); });
    criteria_json.push_back(j.contains("criteria") ? &field(j, "criteria") : nullptr);
    criteria_path.push_back(child(p, "criteria"));
}

Link DatasetLoader::link(const json& l, const std::string& lp) {
    Link out_link;
    if (object(l, lp, {"url", "label"}, {})) {
        out_link.url = url(l, "url", lp, true);
        out_link.label = local(l, "label", lp, true, max_name);
    }
    return out_link;
}

// Criteria are ANDed per person; more than a few would be a dataset error, not a rule.
constexpr std::size_t max_criteria = 10;

void DatasetLoader::load_criteria() {
    // After the questions: criteria name them.
    for (std::size_t i = 0; i < out.incidents.size() && i < criteria_json.size(); ++i) {
        if (!criteria_json[i] || !criteria_json[i]->is_array()) {
            if (criteria_json[i]) error(criteria_path[i], "expected an array");
            continue;
        }
        Incident& inc = out.incidents[i];
        const json& arr = *criteria_json[i];
        if (arr.empty()) error(criteria_path[i], "an incident decided by criteria needs at least one");
        if (arr.size() > max_criteria) error(criteria_path[i], "too many criteria (" + std::to_string(arr.size()) + ", at most " + std::to_string(max_criteria) + ")");
        for (std::size_t k = 0; k < arr.size() && k < max_criteria; ++k) {
            const json& c = arr[k];
            const std::string cp = child(criteria_path[i], k);
            Criterion cr;
            if (!object(c, cp, {"question", "in", "text", "sources"}, {"partial", "out"})) continue;
            const std::string qid = string(c, "question", cp, true, 64);
            const Question* q = out.find_question(qid);
            if (!q && field(c, "question").is_string()) error(child(cp, "question"), "unknown question " + shown(qid));
            if (q) cr.question = static_cast<std::size_t>(q - out.questions.data());
            cr.in = strings(c, "in", cp, 64);
            cr.partial = strings(c, "partial", cp, 64);
            cr.out = strings(c, "out", cp, 64);
            if (cr.in.empty()) error(child(cp, "in"), "a criterion needs at least one answer inside it");
            if (q) {
                const std::vector<std::string> allowed = answer_ids(*q);
                for (const char* key : {"in", "partial", "out"}) {
                    const std::vector<std::string>& list = key[0] == 'i' ? cr.in : key[0] == 'p' ? cr.partial : cr.out;
                    for (std::size_t m = 0; m < list.size(); ++m) {
                        if (list[m] == answer_unknown) error(child(child(cp, key), m), "\"unknown\" is never inside or outside a criterion");
                        else if (std::find(allowed.begin(), allowed.end(), list[m]) == allowed.end()) {
                            error(child(child(cp, key), m), "answer " + shown(list[m]) + " is not an option of question " + shown(q->id));
                        }
                    }
                }
            }
            cr.text = local(c, "text", cp);
            cr.sources = sources(c, cp, true);
            inc.criteria.push_back(std::move(cr));
        }
    }
}

}  // namespace breachcheck::load
