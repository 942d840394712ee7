// Section loaders of the dataset (docs/dataset.md): each section is read with Reader's typed,
// path-reporting reads; cross-record rules (aliases, umbrellas, truth) are in load_rules.cpp.
#include "load_dataset.hpp"

#include <algorithm>

#include "sha256.hpp"
#include "text.hpp"

namespace breachcheck::load {

void DatasetLoader::load(const json& root) {
    if (!object(root, "", {"schema_version", "dataset_version", "date", "jurisdiction", "sources", "data_classes", "glossary",
                           "operators", "incidents", "networks", "organizations", "umbrellas", "questions", "actions", "rules"},
                {"languages", "corrections"})) {
        return;
    }
    ds = &out;
    // "languages": ["fr"] marks a copy with the French texts only (made at build time from the
    // full file); absent or ["fr", "en"]: every text has both.
    if (root.contains("languages")) {
        const json& langs = field(root, "languages");
        const auto is = [&](std::initializer_list<const char*> want) {
            if (!langs.is_array() || langs.size() != want.size()) return false;
            std::size_t i = 0;
            for (const char* w : want) {
                if (!langs[i].is_string() || langs[i].get_ref<const std::string&>() != w) return false;
                ++i;
            }
            return true;
        };
        if (is({"fr"})) out.languages = {"fr"};
        else if (!is({"fr", "en"})) error("/languages", "expected [\"fr\", \"en\"] or [\"fr\"]");
    }
    french_only = out.languages.size() == 1;
    const json& sv = field(root, "schema_version");
    if (!sv.is_number_integer()) error("/schema_version", "expected an integer");
    else if (sv.get<std::int64_t>() != schema_version) {
        error("/schema_version", "unsupported schema version " + sv.dump() + " (this engine reads version " + std::to_string(schema_version) + ")");
    } else {
        out.schema_version = schema_version;
    }
    out.dataset_version = string(root, "dataset_version", "", true, 64);
    out.date = date(root, "date", "", true);
    out.jurisdiction = string(root, "jurisdiction", "", true, 8);
    if (root.contains("jurisdiction") && field(root, "jurisdiction").is_string() && out.jurisdiction != "FR") {
        error("/jurisdiction", "only \"FR\" is supported");
    }
    if (root.contains("corrections") && object(field(root, "corrections"), "/corrections", {}, {"email", "url"})) {
        out.corrections.email = string(field(root, "corrections"), "email", "/corrections", false, 200);
        out.corrections.url = url(field(root, "corrections"), "url", "/corrections", false);
        const std::string& e = out.corrections.email;
        if (!e.empty() && (e.find('@') == std::string::npos || e.find_first_of(" <>\"?&") != std::string::npos)) {
            error("/corrections/email", "expected an e-mail address");
        }
    }
    load_sources(root, false);
    load_glossary(root);
    load_classes(root);
    load_operators(root);
    load_incidents(root);
    load_networks(root);
    load_organizations(root);
    load_umbrellas(root);
    load_questions(root);
    load_actions(root, "", false);
    load_rules(root);
    check_cross_rules();
}

void DatasetLoader::load_sources(const json& root, bool from_overlay) {
    std::vector<std::string> ids;
    for_each_item(root, "sources", "", 5000, [&](const json& j, const std::string& p) {
        Source s;
        if (object(j, p, {"id", "url", "publisher", "date", "confidence"}, {"title", "note", "accessed"})) {
            s.id = id(j, p);
            s.url = url(j, "url", p, true);
            s.publisher = string(j, "publisher", p, true);
            if (field(j, "date") == "undated") {
                s.date = "undated";
                if (!j.contains("accessed")) error(child(p, "accessed"), "an undated source needs the date it was accessed");
            } else {
                s.date = date(j, "date", p, true);
                // A bare year reads like a publication date that nobody checked: say "undated"
                // and when it was read instead (docs/dataset.md).
                if (s.date.size() == 4 && !j.contains("accessed")) {
                    error(child(p, "date"), "a bare year is not a publication date: use \"undated\" with \"accessed\", or give the month");
                }
            }
            s.accessed = date(j, "accessed", p, false);
            s.title = string(j, "title", p, false, 500);
            s.note = string(j, "note", p, false, 1000);
            if (j.contains("confidence") && field(j, "confidence").is_string()) {
                const std::string c = field(j, "confidence").get<std::string>();
                if (!parse_id(confidence_vocab, c, s.confidence)) {
                    error(child(p, "confidence"), "invalid confidence " + shown(c) + " (expected " + id_list(confidence_vocab) + ")");
                }
            } else {
                string(j, "confidence", p, true, 32);
            }
        }
        s.from_overlay = from_overlay;
        ids.push_back(s.id);
        if (from_overlay && source_index.count(s.id)) {
            error(child(p, "id"), "source id " + shown(s.id) + " already exists in the public dataset: choose another id");
            return;
        }
        if (!s.id.empty() && !source_index.count(s.id)) source_index.emplace(s.id, out.sources.size());
        out.sources.push_back(std::move(s));
    });
    check_unique(ids, "/sources", "source");
}

void DatasetLoader::load_glossary(const json& root) {
    std::vector<std::string> ids;
    for_each_item(root, "glossary", "", 200, [&](const json& j, const std::string& p) {
        GlossaryTerm g;
        if (object(j, p, {"id", "term", "text"}, {"match"})) {
            g.id = id(j, p);
            g.term = local(j, "term", p, true, max_name);
            g.text = local(j, "text", p, true, 1000);
            for (const std::string& m : strings(j, "match", p)) {
                const std::string folded = text::fold(m);
                if (folded.empty()) error(child(p, "match"), "a match phrase needs letters");
                else g.match.push_back(folded);
            }
        }
        ids.push_back(g.id);
        out.glossary.push_back(std::move(g));
    });
    check_unique(ids, "/glossary", "glossary term");
}

void DatasetLoader::load_classes(const json& root) {
    std::vector<std::string> ids;
    for_each_item(root, "data_classes", "", 5000, [&](const json& j, const std::string& p) {
        DataClass c;
        if (object(j, p, {"id", "label"}, {"gloss"})) {
            c.id = id(j, p, true);
            c.label = local(j, "label", p, true, max_name);
            c.gloss = string(j, "gloss", p, false, 64);
            if (!c.gloss.empty() && !out.find_term(c.gloss)) error(child(p, "gloss"), "unknown glossary term " + shown(c.gloss));
        }
        ids.push_back(c.id);
        out.data_classes.push_back(std::move(c));
    });
    check_unique(ids, "/data_classes", "data class");
}

std::vector<Alias> DatasetLoader::aliases(const json& j, const std::string& p) {
    std::vector<Alias> list;
    for_each_item(j, "aliases", p, 100, [&](const json& a, const std::string& ap) {
        Alias alias;
        if (a.is_string()) {
            alias.name = a.get<std::string>();
            if (alias.name.empty()) error(ap, "must not be empty");
            else if (alias.name.size() > max_name) error(ap, "string too long");
        } else if (object(a, ap, {"name", "kind", "text", "sources"}, {})) {
            alias.name = string(a, "name", ap, true);
            vocab(a, "kind", ap, alias_kind_vocab, "alias kind", alias.kind);
            alias.text = local(a, "text", ap, true, 1000);
            alias.sources = sources(a, ap, true);
        }
        list.push_back(std::move(alias));
    });
    return list;
}

void DatasetLoader::load_operators(const json& root) {
    std::vector<std::string> ids;
    for_each_item(root, "operators", "", 50, [&](const json& j, const std::string& p) {
        Operator op;
        if (object(j, p, {"id", "name", "aliases", "about"}, {})) {
            op.id = id(j, p);
            if (op.id == "other" || op.id == "none" || op.id == "unknown") error(child(p, "id"), "the id " + shown(op.id) + " is a fixed answer of the card question");
            op.name = string(j, "name", p, true);
            op.aliases = aliases(j, p);
            op.about = sourced(j, "about", p);
        }
        ids.push_back(op.id);
        out.operators.push_back(std::move(op));
    });
    check_unique(ids, "/operators", "operator");
}

void DatasetLoader::load_networks(const json& root) {
    std::vector<std::string> ids;
    for_each_item(root, "networks", "", 50, [&](const json& j, const std::string& p) {
        Network n;
        if (object(j, p, {"id", "name", "links"}, {"aliases"})) {
            n.id = id(j, p);
            if (std::find(network_fixed_answers.begin(), network_fixed_answers.end(), n.id) != network_fixed_answers.end()) {
                error(child(p, "id"), "the id " + shown(n.id) + " is a fixed answer of the network question");
            }
            n.name = string(j, "name", p, true);
            n.aliases = aliases(j, p);
            for_each_item(j, "links", p, 50, [&](const json& l, const std::string& lp) {
                NetworkLink link;
                if (object(l, lp, {"incident", "kind", "text", "sources"}, {})) {
                    link.incident = incident_ref(l, lp);
                    vocab(l, "kind", lp, link_kind_vocab, "link kind", link.kind);
                    link.text = local(l, "text", lp);
                    link.sources = sources(l, lp, true);
                    if (link.incident < out.incidents.size() && out.incidents[link.incident].mode != IncidentMode::insurer_operator) {
                        error(child(lp, "incident"), "a network link applies to an incident decided by insurer and operator");
                    }
                }
                if (link.incident != no_index) n.links.push_back(std::move(link));
            });
        }
        ids.push_back(n.id);
        out.networks.push_back(std::move(n));
    });
    check_unique(ids, "/networks", "network");
}

void DatasetLoader::load_scope(const json& j, const std::string& p, Scope& s) {
    if (!object(j, p, {"incident", "status", "text", "sources"},
                {"certainty", "coverage", "networks", "contracts", "extra_exposed", "outside"})) {
        return;
    }
    s.incident = incident_ref(j, p);
    if (s.incident < out.incidents.size() && out.incidents[s.incident].mode != IncidentMode::insurer_operator) {
        error(child(p, "incident"), "an organization's scope applies to an incident decided by insurer and operator");
    }
    vocab(j, "status", p, scope_status_vocab, "status", s.status);
    if (j.contains("certainty")) {
        const std::string c = string(j, "certainty", p, true, 32);
        if (c == "uncertain") s.uncertain = true;
        else if (c != "stated" && field(j, "certainty").is_string()) error(child(p, "certainty"), "unknown certainty " + shown(c) + " (expected stated or uncertain)");
    }
    s.text = local(j, "text", p);
    s.sources = sources(j, p, true);
    if (j.contains("coverage")) {
        const std::string cp = child(p, "coverage");
        if (object(field(j, "coverage"), cp, {"text", "sources"}, {"from", "to", "inferred"})) {
            s.has_coverage = true;
            s.coverage.from = date(field(j, "coverage"), "from", cp, false);
            s.coverage.to = date(field(j, "coverage"), "to", cp, false);
            s.coverage.inferred = boolean(field(j, "coverage"), "inferred", cp, false);
            if (s.coverage.from.empty() && s.coverage.to.empty()) error(cp, "coverage needs \"from\" or \"to\"");
            if (!s.coverage.from.empty() && !s.coverage.to.empty() && day_of(s.coverage.from, false) > day_of(s.coverage.to, true)) {
                error(cp, "coverage \"from\" is after \"to\"");
            }
            s.coverage.text = local(field(j, "coverage"), "text", cp);
            s.coverage.sources = sources(field(j, "coverage"), cp, true);
        }
    }
    s.networks = strings(j, "networks", p, 64);
    for (std::size_t k = 0; k < s.networks.size(); ++k) {
        if (!out.find_network(s.networks[k])) error(child(child(p, "networks"), k), "unknown network " + shown(s.networks[k]));
    }
    if (j.contains("networks") && field(j, "networks").is_array() && field(j, "networks").empty()) error(child(p, "networks"), "an empty list restricts nothing: remove it");
    s.contracts = strings(j, "contracts", p);
    for (std::size_t k = 0; k < s.contracts.size(); ++k) {
        const std::string slug = slug_of(s.contracts[k]);
        if (slug.empty()) error(child(child(p, "contracts"), k), "a contract name needs letters or digits");
        else if (slug == "other" || slug == "unknown") error(child(child(p, "contracts"), k), "a contract cannot be called " + shown(slug));
    }
    if (j.contains("contracts") && field(j, "contracts").is_array() && field(j, "contracts").empty()) error(child(p, "contracts"), "an empty list restricts nothing: remove it");
    if (j.contains("extra_exposed")) s.extra_exposed = class_list(j, "extra_exposed", p);
    if (j.contains("outside")) {
        const std::string op = child(p, "outside");
        if (object(field(j, "outside"), op, {"verdict", "text", "sources"}, {})) {
            s.has_outside = true;
            const std::string v = string(field(j, "outside"), "verdict", op, true, 32);
            if (v == "not_affected") s.outside.verdict = Verdict::not_affected;
            else if (v == "unknown") s.outside.verdict = Verdict::unknown;
            else if (field(field(j, "outside"), "verdict").is_string()) error(child(op, "verdict"), "outside verdict must be not_affected or unknown, not " + shown(v));
            s.outside.text = local(field(j, "outside"), "text", op);
            // Every reason cites a source: an "unknown" outside cites the statement it reads.
            s.outside.sources = sources(field(j, "outside"), op, true);
            if (s.outside.verdict == Verdict::not_affected && !s.outside.sources.empty()) {
                const bool own = std::any_of(s.outside.sources.begin(), s.outside.sources.end(), [&](std::size_t k) {
                    return out.sources[k].confidence == Confidence::own_statement;
                });
                if (!own) error(child(op, "sources"), "\"not_affected\" needs the organization's own statement (press or weak sources cannot reassure)");
            }
        }
    }
    const bool restricted = s.has_coverage || !s.networks.empty() || !s.contracts.empty();
    if (s.status == ScopeStatus::not_concerned && restricted) {
        error(p, "a not_concerned scope cannot be restricted by coverage, networks or contracts");
    } else if (restricted && !s.has_outside && j.contains("status")) {
        error(child(p, "outside"), "missing: a restricted scope must say what applies outside it");
    } else if (!restricted && s.has_outside) {
        error(child(p, "outside"), "only a scope restricted by coverage, networks or contracts has an outside");
    }
}

Contact DatasetLoader::contact(const json& c, const std::string& cp, bool sourced_contact) {
    Contact k;
    if (!object(c, cp, sourced_contact ? std::initializer_list<std::string_view>{"kind", "value", "label", "sources"}
                                       : std::initializer_list<std::string_view>{"kind", "value", "label"}, {})) {
        return k;
    }
    vocab(c, "kind", cp, contact_kind_vocab, "contact kind", k.kind);
    k.value = string(c, "value", cp, true, 500);
    if (k.kind == ContactKind::web && !k.value.empty()) url(c, "value", cp, true);
    if (k.kind == ContactKind::phone && k.value.find_first_not_of("+0123456789 ") != std::string::npos) {
        error(child(cp, "value"), "a phone number has digits, spaces and + only");
    }
    k.label = local(c, "label", cp, true, max_name);
    if (sourced_contact) k.sources = sources(c, cp, true);
    return k;
}

void DatasetLoader::load_organizations(const json& root) {
    // Organizations may be many more than the other lists (a dataset for every complémentaire, or
    // synthetic ones for the benchmark): up to 100,000, within the 16 MiB byte limit.
    constexpr std::size_t max_organizations = 100000;
    std::vector<std::string> ids;
    for_each_item(root, "organizations", "", max_organizations, [&](const json& j, const std::string& p) {
        Organization o;
        if (object(j, p, {"id", "name", "kind", "aliases", "scopes"}, {"detail", "group", "amc", "note", "contacts"})) {
            o.id = id(j, p);
            o.name = string(j, "name", p, true);
            o.detail = local(j, "detail", p, true, max_name);
            vocab(j, "kind", p, org_kind_vocab, "organization kind", o.kind);
            o.group = string(j, "group", p, false);
            o.aliases = aliases(j, p);
            o.amc = strings(j, "amc", p, 16);
            for (std::size_t k = 0; k < o.amc.size(); ++k) {
                const bool digits = o.amc[k].size() >= 6 && o.amc[k].size() <= 10 &&
                                    std::all_of(o.amc[k].begin(), o.amc[k].end(), [](char c) { return c >= '0' && c <= '9'; });
                if (!digits) error(child(child(p, "amc"), k), "AMC number must be 6 to 10 digits");
            }
            if (j.contains("note")) {
                o.has_note = true;
                o.note = local(j, "note", p);
            }
            for_each_item(j, "contacts", p, 20, [&](const json& c, const std::string& cp) { o.contacts.push_back(contact(c, cp, true)); });
            for_each_item(j, "scopes", p, 20, [&](const json& sj, const std::string& sp) {
                Scope s;
                load_scope(sj, sp, s);
                o.scopes.push_back(std::move(s));
            });
        }
        ids.push_back(o.id);
        out.organizations.push_back(std::move(o));
    });
    check_unique(ids, "/organizations", "organization");
}

void DatasetLoader::load_umbrellas(const json& root) {
    std::vector<std::string> ids;
    for_each_item(root, "umbrellas", "", 500, [&](const json& j, const std::string& p) {
        Umbrella u;
        if (object(j, p, {"id", "name", "kind", "aliases", "about", "candidates"}, {})) {
            u.id = id(j, p);
            u.name = string(j, "name", p, true);
            vocab(j, "kind", p, umbrella_kind_vocab, "umbrella kind", u.kind);
            u.aliases = aliases(j, p);
            u.about = sourced(j, "about", p);
            const std::vector<std::string> candidates = strings(j, "candidates", p, 64);
            for (std::size_t k = 0; k < candidates.size(); ++k) {
                const Organization* o = out.find_org(candidates[k]);
                if (!o) error(child(child(p, "candidates"), k), "unknown organization " + shown(candidates[k]));
                else u.candidates.push_back(out.org_index(*o));
            }
        }
        ids.push_back(u.id);
        out.umbrellas.push_back(std::move(u));
    });
    check_unique(ids, "/umbrellas", "umbrella");
}

std::vector<std::string> DatasetLoader::answer_ids(const Question& q) const {
    std::vector<std::string> ids;
    for (const Option& o : q.options) ids.push_back(o.id);
    if (q.kind == QuestionKind::network) {
        for (const Network& n : out.networks) ids.push_back(n.id);
    }
    if (q.kind == QuestionKind::card) {
        for (const Operator& o : out.operators) ids.push_back(o.id);
    }
    return ids;
}

void DatasetLoader::load_questions(const json& root) {
    std::vector<std::string> ids;
    for_each_item(root, "questions", "", 20, [&](const json& j, const std::string& p) {
        Question q;
        if (object(j, p, {"id", "kind", "text", "help", "options"}, {})) {
            q.id = id(j, p, true);
            vocab(j, "kind", p, question_kind_vocab, "question kind", q.kind);
            q.text = local(j, "text", p, true, 500);
            q.help = local(j, "help", p);
            std::vector<std::string> option_ids;
            for_each_item(j, "options", p, 20, [&](const json& o, const std::string& op) {
                Option opt;
                if (object(o, op, {"id", "label"}, {"period"})) {
                    opt.id = id(o, op, true);
                    opt.label = local(o, "label", op, true, max_name);
                    if (o.contains("period")) {
                        const std::string pp = child(op, "period");
                        if (q.kind != QuestionKind::covered) error(pp, "only the covered question's options have a period");
                        else if (object(field(o, "period"), pp, {}, {"from", "to"})) {
                            opt.has_period = true;
                            opt.period.from = date(field(o, "period"), "from", pp, false);
                            opt.period.to = date(field(o, "period"), "to", pp, false);
                            if (opt.period.from.empty() && opt.period.to.empty()) error(pp, "a period needs \"from\" or \"to\"");
                        }
                    }
                }
                option_ids.push_back(opt.id);
                q.options.push_back(std::move(opt));
            });
            check_unique(option_ids, child(p, "options"), "option");
            check_options(q, p);
        }
        ids.push_back(q.id);
        out.questions.push_back(std::move(q));
    });
    check_unique(ids, "/questions", "question");
    for (const QuestionKind k : {QuestionKind::card, QuestionKind::covered, QuestionKind::network, QuestionKind::contract}) {
        const auto n = std::count_if(out.questions.begin(), out.questions.end(), [&](const Question& q) { return q.kind == k; });
        if (n == 0) error("/questions", "missing question of kind \"" + std::string(id_of(question_kind_vocab, k)) + "\"");
        else if (n > 1) error("/questions", "more than one question of kind \"" + std::string(id_of(question_kind_vocab, k)) + "\"");
    }
    load_criteria();
}

// The fixed options each kind of question must offer, and those it must not list (the engine
// generates them from the dataset).
void DatasetLoader::check_options(const Question& q, const std::string& p) {
    auto has = [&](std::string_view id) {
        return std::any_of(q.options.begin(), q.options.end(), [&](const Option& o) { return o.id == id; });
    };
    std::vector<std::string_view> required = {answer_unknown};
    if (q.kind == QuestionKind::card || q.kind == QuestionKind::network) required = {"other", "none", "unknown"};
    if (q.kind == QuestionKind::contract) required = {"other", "unknown"};
    for (std::string_view id : required) {
        if (!has(id)) error(child(p, "options"), "the " + std::string(id_of(question_kind_vocab, q.kind)) + " question needs the option \"" + std::string(id) + "\"");
    }
    for (std::size_t k = 0; k < q.options.size(); ++k) {
        const Option& o = q.options[k];
        const bool generated_kind = q.kind == QuestionKind::card || q.kind == QuestionKind::network || q.kind == QuestionKind::contract;
        if (generated_kind && std::find(required.begin(), required.end(), o.id) == required.end()) {
            error(child(child(p, "options"), k), "option " + shown(o.id) + " is not an answer the check understands (its other options come from the " +
                  (q.kind == QuestionKind::card ? "operators" : q.kind == QuestionKind::network ? "networks" : "contracts named in scopes") + ")");
        }
        if (q.kind == QuestionKind::covered && o.id != answer_unknown && !o.has_period) {
            error(child(child(p, "options"), k), "a covered option says when the person was covered (\"period\")");
        }
    }
}

void DatasetLoader::load_actions(const json& root, const std::string& base, bool from_overlay) {
    std::vector<std::string> ids;
    for_each_item(root, "actions", base, 200, [&](const json& j, const std::string& p) {
        Action a = action(j, p);
        a.from_overlay = from_overlay;
        ids.push_back(a.id);
        if (!from_overlay) {
            out.actions.push_back(std::move(a));
            return;
        }
        // Same id as a public action: the insurer's version replaces it.
        auto same = std::find_if(out.actions.begin(), out.actions.end(), [&](const Action& x) { return x.id == a.id; });
        if (same != out.actions.end() && !same->from_overlay) *same = std::move(a);
        else if (same == out.actions.end()) out.actions.push_back(std::move(a));
    });
    check_unique(ids, base + "/actions", "action");
    if (!from_overlay && std::count_if(out.actions.begin(), out.actions.end(), [](const Action& a) { return a.emergency; }) > 1) {
        error("/actions", "at most one action is the emergency box");
    }
}

Action DatasetLoader::action(const json& j, const std::string& p) {
    Action a;
    if (!object(j, p, {"id", "priority", "title", "text", "why", "links", "when"}, {"points", "emergency", "sources"})) return a;
    a.id = id(j, p);
    if (!field(j, "priority").is_number_integer()) {
        error(child(p, "priority"), "expected an integer");
    } else {
        const std::int64_t pr = field(j, "priority").get<std::int64_t>();
        if (pr < 0 || pr > 10000) error(child(p, "priority"), "priority out of range (0 to 10000)");
        else a.priority = static_cast<int>(pr);
    }
    a.title = local(j, "title", p, true, 500);
    a.text = local(j, "text", p);
    a.why = local(j, "why", p, true, 1000);
    for_each_item(j, "points", p, 20, [&](const json& pt, const std::string& pp) {
        if (!object(pt, pp, {"text"}, {})) return;
        a.points.push_back(local(pt, "text", pp, true, 1000));
    });
    a.emergency = boolean(j, "emergency", p, false);
    a.sources = sources(j, p, false);
    for_each_item(j, "links", p, 20, [&](const json& l, const std::string& lp) { a.links.push_back(link(l, lp)); });
    const std::string wp = child(p, "when");
    if (object(field(j, "when"), wp, {}, {"verdicts", "classes_any", "roles", "incidents_any", "first_for"})) {
        const json& when = field(j, "when");
        for (const char* key : {"verdicts", "first_for"}) {
            const std::vector<std::string> list = strings(when, key, wp, 32);
            for (std::size_t k = 0; k < list.size(); ++k) {
                Verdict v;
                if (!parse_verdict(list[k], v)) error(child(child(wp, key), k), "unknown verdict " + shown(list[k]));
                else (key[0] == 'v' ? a.verdicts : a.first_for).push_back(v);
            }
        }
        a.classes_any = strings(when, "classes_any", wp, 64);
        for (std::size_t k = 0; k < a.classes_any.size(); ++k) {
            if (!out.find_class(a.classes_any[k])) error(child(child(wp, "classes_any"), k), "unknown data class " + shown(a.classes_any[k]));
        }
        a.roles = strings(when, "roles", wp, 16);
        for (std::size_t k = 0; k < a.roles.size(); ++k) {
            Role r;
            if (!parse_id(role_vocab, a.roles[k], r)) error(child(child(wp, "roles"), k), "unknown role " + shown(a.roles[k]) + " (expected " + id_list(role_vocab) + ")");
        }
        a.incidents_any = strings(when, "incidents_any", wp, 64);
        for (std::size_t k = 0; k < a.incidents_any.size(); ++k) {
            const Incident* inc = out.find_incident(a.incidents_any[k]);
            if (!inc) error(child(child(wp, "incidents_any"), k), "unknown incident " + shown(a.incidents_any[k]));
            else if (inc->kind != IncidentKind::assessed) error(child(child(wp, "incidents_any"), k), "an informational incident has no verdict to act on");
        }
        if (a.emergency && !a.first_for.empty()) error(child(wp, "first_for"), "the emergency box is not a step");
    }
    return a;
}

void DatasetLoader::load_rules(const json& root) {
    const json& rules = field(root, "rules");
    if (!rules.is_object()) {
        if (root.contains("rules")) error("/rules", "expected an object");
        return;
    }
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const std::string p = child("/rules", it.key());
        const auto spec = std::find_if(rule_specs.begin(), rule_specs.end(), [&](const RuleSpec& s) { return s.id == it.key(); });
        if (spec == rule_specs.end()) {
            error(p, "unknown rule text " + shown(it.key()));
            continue;
        }
        RuleText r;
        if (object(*it, p, spec->own_sources ? std::initializer_list<std::string_view>{"text", "sources"}
                                             : std::initializer_list<std::string_view>{"text"}, {})) {
            r.text = local(*it, "text", p, true, 1000);
            if (spec->own_sources) r.sources = sources(*it, p, true);
        }
        out.rules.emplace(it.key(), std::move(r));
    }
    for (const RuleSpec& spec : rule_specs) {
        if (!rules.contains(spec.id)) error("/rules", "missing rule text \"" + std::string(spec.id) + "\"");
    }
}

}  // namespace breachcheck::load

namespace breachcheck {

LoadResult load_dataset(std::string_view text) {
    LoadResult result;
    load::json root;
    if (std::string message = load::parse_document(text, max_dataset_bytes, "dataset", root); !message.empty()) {
        result.errors.push_back({"", message});
        return result;
    }
    load::DatasetLoader loader;
    loader.load(root);
    if (!loader.errors.empty()) {
        result.errors = std::move(loader.errors);
        return result;
    }
    loader.out.sha256 = sha256_hex(text);
    loader.out.source_sha256 = loader.out.sha256;
    result.dataset = std::make_unique<const Dataset>(std::move(loader.out));
    return result;
}

}  // namespace breachcheck
