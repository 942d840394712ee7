// JSON faces of the engine (docs/api.md): the only place that turns answers and assessments into
// documents, with the streaming writer (no JSON library in the page's module).
#include "api.hpp"

#include <algorithm>

#include "image.hpp"
#include "json_out.hpp"
#include "scam.hpp"
#include "match.hpp"
#include "sha256.hpp"
#include "text.hpp"

namespace breachcheck {

std::string error_json(std::string_view code, std::string_view message) {
    JsonWriter w;
    w.begin_object().field("ok", false).key("error").begin_object().field("code", error_code(code)).field("message", message).end_object().end_object();
    return w.take();
}

namespace {

void write_errors(JsonWriter& w, const std::vector<ValidationError>& errors) {
    w.begin_array();
    for (const ValidationError& e : errors) w.begin_object().field("path", e.path).field("message", e.message).end_object();
    w.end_array();
}

}  // namespace

std::string validation_json(const std::vector<ValidationError>& errors, const std::vector<ValidationError>& warnings) {
    JsonWriter w;
    w.begin_object().field("ok", true).field("valid", errors.empty()).key("errors");
    write_errors(w, errors);
    w.key("warnings");
    write_errors(w, warnings);
    w.end_object();
    return w.take();
}

std::string LoadOutcome::error_json() const {
    if (stage.empty()) return {};
    const char* code = stage == "overlay" ? "invalid_overlay" : stage == "image" ? "invalid_image" : "invalid_dataset";
    const std::string what = stage == "overlay" ? "the insurer's configuration is invalid" : stage == "image" ? "the dataset image is invalid"
                                                                                                           : "the dataset is invalid";
    JsonWriter w;
    w.begin_object().field("ok", false).key("error").begin_object().field("code", code);
    w.field("message", what + " (" + format_int(static_cast<std::int64_t>(errors.size())) + (errors.size() == 1 ? " error)" : " errors)"));
    if (!errors.empty() && errors.size() == 1) w.field("path", errors[0].path);
    w.key("errors");
    write_errors(w, errors);
    w.end_object().end_object();
    return w.take();
}

LoadOutcome Engine::from_image(std::string_view bytes) {
    LoadOutcome out;
    ImageResult r = read_image(bytes);
    if (!r.dataset) {
        out.stage = "image";
        out.errors.push_back({"", r.error});
        return out;
    }
    out.engine = from_dataset(std::move(r.dataset));
    out.engine->image_.assign(bytes.data(), bytes.size());
    return out;
}

const SearchIndex& Engine::index() const {
    if (!index_) index_ = std::make_unique<const SearchIndex>(*dataset_);
    return *index_;
}

const std::string& Engine::sha256() const {
    if (sha256_.empty()) sha256_ = image_.empty() ? dataset_->sha256 : sha256_hex(image_);
    return sha256_;
}

std::unique_ptr<Engine> Engine::from_dataset(std::unique_ptr<const Dataset> ds) { return std::unique_ptr<Engine>(new Engine(std::move(ds))); }

namespace {

struct Out {
    const Dataset& ds;
    Lang lang;
    JsonWriter& w;
    std::vector<bool> cited = std::vector<bool>(ds.sources.size(), false);

    const std::string& t(const LocalText& x) const { return x.get(lang); }

    // A list of source ids; each source is written once, in source_table() at the end.
    void sources(const SourceRefs& refs) {
        w.begin_array();
        for (std::size_t k : refs) {
            w.value(ds.sources[k].id);
            cited[k] = true;
        }
        w.end_array();
    }
    void source_table() {
        w.key("sources").begin_object();
        for (std::size_t k = 0; k < ds.sources.size(); ++k) {
            if (!cited[k]) continue;
            const Source& s = ds.sources[k];
            w.key(s.id).begin_object().field("url", s.url).field("publisher", s.publisher).field("date", s.date).field("accessed", s.accessed);
            w.field("confidence", to_string(s.confidence)).field("title", s.title).field("provenance", s.from_overlay ? "insurer" : "public").end_object();
        }
        w.end_object();
    }
    // "insurer" when the insurer published it in its overlay, else "public".
    const char* provenance(const SourceRefs& refs) const {
        for (std::size_t k : refs) {
            if (ds.sources[k].from_overlay) return "insurer";
        }
        return "public";
    }
    void data_class(const std::string& id) {
        const DataClass* c = ds.find_class(id);
        w.begin_object().field("id", id).field("label", c ? t(c->label) : id);
        if (c && !c->gloss.empty()) w.field("gloss", c->gloss);
        w.end_object();
    }
    void classes(const std::vector<std::string>& ids) {
        w.begin_array();
        for (const std::string& id : ids) data_class(id);
        w.end_array();
    }
    void links(const std::vector<Link>& list) {
        w.begin_array();
        for (const Link& l : list) w.begin_object().field("url", l.url).field("label", t(l.label)).end_object();
        w.end_array();
    }
    void contacts(const std::vector<Contact>& list) {
        w.begin_array();
        for (const Contact& c : list) {
            w.begin_object().field("kind", id_of(contact_kind_vocab, c.kind)).field("value", c.value).field("label", t(c.label));
            w.key("sources");
            sources(c.sources);
            w.end_object();
        }
        w.end_array();
    }
    void options(const std::vector<Option>& list) {
        w.begin_array();
        for (const Option& o : list) w.begin_object().field("id", o.id).field("label", t(o.label)).end_object();
        w.end_array();
    }
    void question(const Question& q, const Organization* org) {
        w.begin_object().field("id", q.id).field("kind", id_of(question_kind_vocab, q.kind)).field("text", t(q.text)).field("help", t(q.help));
        w.key("options");
        options(answer_options(ds, q, org));
        w.end_object();
    }
    void action(const Action& a, ActionTier tier) {
        w.begin_object().field("id", a.id).field("tier", id_of(action_tier_vocab, tier)).field("title", t(a.title)).field("text", t(a.text)).field("why", t(a.why));
        w.key("points").begin_array();
        for (const LocalText& p : a.points) w.value(t(p));
        w.end_array().key("links");
        links(a.links);
        w.key("sources");
        sources(a.sources);
        w.field("provenance", a.from_overlay ? "insurer" : "public").end_object();
    }
    void words(Verdict v) {
        const VerdictWords& x = words_for(v);
        const bool en = lang == Lang::en;
        w.begin_object().field("headline", en ? x.headline_en : x.headline_fr).field("short", en ? x.short_en : x.short_fr);
        w.field("summary", en ? x.summary_en : x.summary_fr).end_object();
    }
    void fact(const Fact& f, const Incident* inc) {
        w.begin_object();
        if (inc) w.field("incident", inc->id);
        w.field("id", f.id).field("kind", id_of(fact_kind_vocab, f.kind)).field("date", f.date).field("text", t(f.text)).key("sources");
        sources(f.sources);
        w.end_object();
    }
    void overlay() {
        const Overlay& ov = ds.overlay;
        if (!ov.present) {
            w.null();
            return;
        }
        const Organization& org = ds.organizations[ov.organization];
        w.begin_object().field("id", ov.id).field("sha256", ov.sha256);
        w.key("organization").begin_object().field("id", org.id).field("name", org.name).end_object();
        w.field("lock", ov.lock).field_or_null("lang", ov.lang).key("contacts");
        contacts(ov.contacts);
        w.key("notification");
        if (ov.has_notification) w.begin_object().field("date", ov.notification_date).field("text", t(ov.notification_text)).end_object();
        else w.null();
        w.key("theme");
        if (ov.theme.applied) {
            const Theme& th = ov.theme;
            w.begin_object();
            for (auto [key, value] : {std::pair<const char*, const std::string*>{"accent", &th.accent}, {"accent_text", &th.accent_text},
                                      {"background", &th.background}, {"text", &th.text}, {"font", &th.font},
                                      {"muted", &th.muted}, {"accent_ink", &th.accent_ink}, {"accent_soft", &th.accent_soft}}) {
                if (!value->empty()) w.field(key, *value);
            }
            if (th.radius >= 0) w.field("radius", th.radius);
            w.end_object();
        } else {
            w.null();
        }
        w.field_or_null("theme_fallback", ov.theme.fallback_reason).end_object();
    }
};

// The incident's label where space is short: its short_name, else its operator's name, else its name.
std::string short_name(const Dataset& ds, const Incident& inc, const Out& o) {
    if (!o.t(inc.short_name).empty()) return o.t(inc.short_name);
    if (inc.operator_index < ds.operators.size()) return ds.operators[inc.operator_index].name;
    return o.t(inc.name);
}

bool parse_lang(std::string_view s, Lang& out) { return parse_id(lang_vocab, s, out); }

void write_match(Out& o, const Match& m) {
    JsonWriter& w = o.w;
    const Dataset& ds = o.ds;
    w.begin_object().field("query", m.query).field("dont_know", m.dont_know).field("ambiguous", m.ambiguous);
    if (m.picked()) {
        const Suggestion& p = *m.picked();
        w.field("kind", id_of(entry_kind_vocab, p.kind)).field("id", p.id).field("name", p.name).field("alias", p.alias).key("score").score(p.score);
        w.key("alias_kind");
        if (p.alias_info) w.value(id_of(alias_kind_vocab, p.alias_info->kind));
        else w.null();
        // What the name means, with its sources: a former name, an operator, a network.
        const Sourced* about = p.kind == EntryKind::operator_ ? &ds.operators[p.entry].about : nullptr;
        w.key("about");
        if (p.alias_info && !p.alias_info->sources.empty()) {
            w.begin_object().field("text", o.t(p.alias_info->text)).key("sources");
            o.sources(p.alias_info->sources);
            w.end_object();
        } else if (about && !about->sources.empty()) {
            w.begin_object().field("text", o.t(about->text)).key("sources");
            o.sources(about->sources);
            w.end_object();
        } else {
            w.null();
        }
    } else {
        w.key("kind").null().key("id").null();
        w.key("umbrella");
        if (m.umbrella) {
            w.begin_object().field("id", m.umbrella->id).field("name", m.umbrella->name).field("kind", id_of(umbrella_kind_vocab, m.umbrella->kind));
            w.field("text", o.t(m.umbrella->about.text)).key("sources");
            o.sources(m.umbrella->about.sources);
            w.end_object();
        } else {
            w.null();
        }
    }
    // The candidates: the umbrella's insurers, or what search found (for the person to choose).
    w.key("candidates").begin_array();
    if (m.umbrella) {
        for (std::size_t k : m.umbrella->candidates) {
            const Organization& org = ds.organizations[k];
            w.begin_object().field("kind", "organization").field("id", org.id).field("name", org.name).field("detail", o.t(org.detail)).end_object();
        }
    } else if (!m.picked()) {
        for (const Suggestion& s : m.results) {
            w.begin_object().field("kind", id_of(entry_kind_vocab, s.kind)).field("id", s.id).field("name", s.name);
            w.field("detail", s.org ? o.t(s.org->detail) : std::string()).key("score").score(s.score).end_object();
        }
    }
    w.end_array().end_object();
}

void write_reason(Out& o, const Reason& r) {
    o.w.begin_object().field("kind", id_of(reason_kind_vocab, r.kind)).field("text", o.t(r.text)).key("sources");
    o.sources(r.sources);
    o.w.field("provenance", o.provenance(r.sources)).end_object();
}

// The glossary terms whose phrases appear in what the result shows.
std::vector<const GlossaryTerm*> glossary_for(const Dataset& ds, const Assessment& as, Lang lang) {
    std::string shown;
    for (const IncidentResult& r : as.incidents) {
        for (const Reason& reason : r.reasons) shown += " " + text::fold(reason.text.get(lang));
    }
    std::vector<std::string> classes;
    for (const ExposureItem& x : as.exposure.exposed) classes.push_back(x.id);
    for (const ExposureItem& x : as.exposure.not_exposed) classes.push_back(x.id);
    shown += " ";
    std::vector<const GlossaryTerm*> out;
    for (const GlossaryTerm& g : ds.glossary) {
        bool used = std::any_of(g.match.begin(), g.match.end(), [&](const std::string& m) { return shown.find(" " + m + " ") != std::string::npos; });
        for (const std::string& id : classes) {
            const DataClass* c = ds.find_class(id);
            used = used || (c && c->gloss == g.id);
        }
        if (used) out.push_back(&g);
    }
    return out;
}

}  // namespace

std::string Engine::search(std::string_view query, std::size_t limit) const {
    JsonWriter w;
    Out o{*dataset_, Lang::fr, w};
    w.begin_object().field("ok", true).field("query", text::to_display(query, text::max_query_bytes)).field("dont_know", text::is_dont_know(query));
    w.key("results").begin_array();
    for (const Suggestion& s : index().search(query, limit)) {
        w.begin_object().field("id", s.id).field("kind", id_of(entry_kind_vocab, s.kind)).field("name", s.name);
        w.field("detail", s.org ? s.org->detail.fr : std::string()).field("alias", s.alias);
        w.key("alias_kind");
        if (s.alias_info) w.value(id_of(alias_kind_vocab, s.alias_info->kind));
        else w.null();
        w.key("score").score(s.score).end_object();
    }
    w.end_array().end_object();
    return w.take();
}

std::string Engine::list() const {
    JsonWriter w;
    const Dataset& ds = *dataset_;
    auto names = [&](const std::vector<Alias>& aliases) {
        w.key("aliases").begin_array();
        for (const Alias& a : aliases) w.value(a.name);
        w.end_array();
    };
    w.begin_object().field("ok", true).key("organizations").begin_array();
    for (const Organization& org : ds.organizations) {
        w.begin_object().field("id", org.id).field("name", org.name).field("detail", org.detail.fr).field("kind", id_of(org_kind_vocab, org.kind));
        w.field_or_null("group", org.group);
        names(org.aliases);
        w.end_object();
    }
    w.end_array().key("operators").begin_array();
    for (const Operator& op : ds.operators) {
        w.begin_object().field("id", op.id).field("name", op.name);
        names(op.aliases);
        w.end_object();
    }
    w.end_array().key("networks").begin_array();
    for (const Network& n : ds.networks) {
        w.begin_object().field("id", n.id).field("name", n.name);
        names(n.aliases);
        w.end_object();
    }
    w.end_array().key("umbrellas").begin_array();
    for (const Umbrella& u : ds.umbrellas) {
        w.begin_object().field("id", u.id).field("name", u.name).field("kind", id_of(umbrella_kind_vocab, u.kind));
        names(u.aliases);
        w.end_object();
    }
    w.end_array().end_object();
    return w.take();
}

std::string Engine::info(std::string_view lang_id, bool with_sha256) const {
    Lang lang = Lang::fr;
    if (!parse_lang(lang_id, lang)) return error_json("invalid_answers", "\"lang\" must be " + id_list(lang_vocab));
    const Dataset& ds = *dataset_;
    JsonWriter w;
    Out o{ds, lang, w};
    w.begin_object().field("ok", true).field("version", ds.dataset_version).field("date", ds.date).field_or_null("sha256", with_sha256 ? sha256() : std::string());
    w.field("source_sha256", ds.source_sha256).field("schema_version", ds.schema_version);
    w.field("organizations", ds.organizations.size()).field("sources", ds.sources.size());
    w.key("languages").begin_array();
    for (const std::string& l : ds.languages) w.value(l);
    w.end_array();
    w.key("verdicts").begin_array();  // severity order, strongest first
    for (const auto& v : verdict_vocab) {
        w.begin_object().field("id", v.id).key("words");
        o.words(v.value);
        w.end_object();
    }
    w.end_array();
    w.key("answers").begin_object();  // what each question accepts (contracts depend on the insurer)
    for (const Question& q : ds.questions) {
        w.key(q.id).begin_array();
        for (const Option& opt : answer_options(ds, q, nullptr)) w.value(opt.id);
        w.end_array();
    }
    w.end_object();
    w.key("limits").begin_object().field("query_bytes", text::max_query_bytes).field("contract_bytes", text::max_contract_bytes);
    w.field("message_bytes", max_message_bytes).field("answers_bytes", max_answers_bytes).end_object();
    w.key("corrections").begin_object().field("email", ds.corrections.email).field("url", ds.corrections.url).end_object();
    w.key("overlay");
    o.overlay();
    w.end_object();
    return w.take();
}

std::string Engine::questions(std::string_view lang_id, std::string_view org_id) const {
    Lang lang = Lang::fr;
    if (!parse_lang(lang_id, lang)) return error_json("invalid_answers", "\"lang\" must be " + id_list(lang_vocab));
    const Organization* org = nullptr;
    if (!org_id.empty()) {
        org = dataset_->find_org(org_id);
        if (!org) return error_json("unknown_org", "no organization with id \"" + text::to_display(org_id, 64) + "\"");
    }
    JsonWriter w;
    Out o{*dataset_, lang, w};
    w.begin_object().field("ok", true).key("questions").begin_array();
    for (const Question& q : dataset_->questions) o.question(q, org);
    w.end_array().end_object();
    return w.take();
}

std::string Engine::incidents(std::string_view lang_id) const {
    Lang lang = Lang::fr;
    if (!parse_lang(lang_id, lang)) return error_json("invalid_answers", "\"lang\" must be " + id_list(lang_vocab));
    const Dataset& ds = *dataset_;
    JsonWriter w;
    Out o{ds, lang, w};
    w.begin_object().field("ok", true).key("incidents").begin_array();
    for (const Incident& inc : ds.incidents) {
        w.begin_object().field("id", inc.id).field("kind", id_of(incident_kind_vocab, inc.kind));
        if (inc.kind == IncidentKind::assessed) w.field("mode", id_of(incident_mode_vocab, inc.mode));
        w.field("name", o.t(inc.name)).field("summary", o.t(inc.summary));
        w.field_or_null("operator", inc.operator_index < ds.operators.size() ? ds.operators[inc.operator_index].id : std::string());
        w.field_or_null("attack_window_end", inc.attack_window.end);
        w.key("facts").begin_array();
        for (const Fact& f : inc.facts) o.fact(f, nullptr);
        w.end_array().key("exposed");
        o.classes(inc.exposed.classes);
        w.key("exposed_sources");
        o.sources(inc.exposed.sources);
        w.key("not_exposed");
        o.classes(inc.not_exposed.classes);
        w.field("who_can_tell", o.t(inc.who_can_tell)).key("routes");
        o.links(inc.routes);
        w.end_object();
    }
    w.end_array();
    o.source_table();
    w.end_object();
    return w.take();
}

std::string Engine::scan(std::string_view message, std::string_view lang_id) const {
    Lang lang = Lang::fr;
    if (!parse_lang(lang_id, lang)) return error_json("invalid_answers", "\"lang\" must be " + id_list(lang_vocab));
    return scan_json(message, lang, dataset_.get());
}

std::string Engine::check(std::string_view answers_json) const {
    if (answers_json.size() > max_answers_bytes) return error_json("input_too_large", "answers larger than 64 KiB");
    const FlatObject in = parse_flat_object(answers_json);
    if (!in.error.empty()) return error_json("invalid_answers", in.error);
    const Dataset& ds = *dataset_;
    // Known keys: the fixed ones and every question id.
    for (const auto& [key, value] : in.fields) {
        const bool fixed = key == "org" || key == "query" || key == "role" || key == "lang";
        if (!fixed && !ds.find_question(key)) return error_json("invalid_answers", "unknown answer \"" + text::to_display(key, 40) + "\"");
    }
    auto get = [&](const char* key, const char* fallback) { const std::string* v = in.find(key); return v ? *v : std::string(fallback); };
    Lang lang = Lang::fr;
    if (!parse_lang(get("lang", "fr"), lang)) return error_json("invalid_answers", "\"lang\" must be " + id_list(lang_vocab));
    Answers a;
    if (!parse_id(role_vocab, get("role", "insured"), a.role)) return error_json("invalid_answers", "\"role\" must be " + id_list(role_vocab));
    std::string org_id = get("org", ""), query = get("query", "");
    const Overlay& ov = ds.overlay;
    if (ov.present && ov.lock && a.role == Role::insured) {
        // The insurer's page checks its own members only.
        if (!org_id.empty() && org_id != ds.organizations[ov.organization].id) {
            return error_json("org_locked", "this checker is set up for " + ds.organizations[ov.organization].name + " only");
        }
        org_id = ds.organizations[ov.organization].id;
        query.clear();
    } else if (ov.present && org_id.empty() && query.empty()) {
        org_id = ds.organizations[ov.organization].id;  // preselected, still changeable
    }
    Match match;
    if (!org_id.empty()) {
        a.org = ds.find_org(org_id);
        if (!a.org) {
            match = by_id(*this, org_id);
            if (!match.used) return error_json("unknown_org", "no organization with id \"" + text::to_display(org_id, 64) + "\"");
        }
    } else if (!query.empty()) {
        match = understand(*this, query);
        if (match.picked() && match.picked()->kind == EntryKind::organization) a.org = match.picked()->org;
    }
    // A picked operator or network answers as the card or the network would.
    const Question* card_q = ds.question_of(QuestionKind::card);
    const Question* network_q = ds.question_of(QuestionKind::network);
    if (match.picked() && match.picked()->kind == EntryKind::operator_ && card_q) a.given[card_q->id] = match.picked()->id;
    if (match.picked() && match.picked()->kind == EntryKind::network && network_q) a.given[network_q->id] = match.picked()->id;
    if (a.role == Role::pro) a.org = nullptr;  // professionals' exposure does not depend on an insurer
    // The answers to the questions, checked against what each accepts.
    std::string contract_text;
    bool contract_typed = false;
    for (const Question& q : ds.questions) {
        const std::string* v = in.find(q.id);
        if (!v) continue;
        if (q.kind == QuestionKind::contract) {
            const std::vector<Option> opts = answer_options(ds, q, a.org);
            const bool listed = std::any_of(opts.begin(), opts.end(), [&](const Option& o) { return o.id == *v; });
            if (listed) {
                a.given[q.id] = *v;
            } else {
                // Free text: matched with the named contracts; no match means "I don't know".
                contract_typed = !text::fold(*v).empty();
                contract_text = text::to_display(*v, text::max_contract_bytes);
                a.given[q.id] = resolve_contract(a.org, contract_text);
            }
            continue;
        }
        const std::vector<Option> opts = answer_options(ds, q, a.org);
        if (std::none_of(opts.begin(), opts.end(), [&](const Option& o) { return o.id == *v; })) {
            std::string allowed;
            for (std::size_t i = 0; i < opts.size(); ++i) allowed += (i ? ", " : "") + opts[i].id;
            return error_json("invalid_answers", "\"" + q.id + "\" must be one of " + allowed);
        }
        // "I don't know" adds nothing: it keeps what a picked operator or network answered.
        if (*v != answer_unknown || !a.given.count(q.id)) a.given[q.id] = *v;
    }
    for (auto it = a.given.begin(); it != a.given.end();) {
        it = it->second == answer_unknown ? a.given.erase(it) : std::next(it);
    }

    const Assessment as = assess(ds, a);
    JsonWriter w;
    Out o{ds, lang, w};
    w.begin_object().field("ok", true);
    w.key("dataset").begin_object().field("version", ds.dataset_version).field("source_sha256", ds.source_sha256).end_object();
    w.field("role", id_of(role_vocab, a.role)).field("lang", id_of(lang_vocab, lang));
    w.key("org");
    if (a.org) {
        w.begin_object().field("id", a.org->id).field("name", a.org->name).field("detail", o.t(a.org->detail)).field("kind", id_of(org_kind_vocab, a.org->kind));
        w.field_or_null("note", a.org->has_note ? o.t(a.org->note) : std::string()).key("contacts");
        o.contacts(a.org->contacts);
        w.end_object();
    } else {
        w.null();
    }
    if (match.used) {
        w.key("match");
        write_match(o, match);
    }
    if (contract_typed) {
        w.key("contract_match").begin_object().field("text", contract_text).field("understood_as", a.get(ds.question_of(QuestionKind::contract))).end_object();
    }
    w.field("overall", to_string(as.overall)).key("words");
    o.words(as.overall);
    w.field("provisional", as.provisional);
    w.key("answers").begin_array();
    for (const Question& q : ds.questions) {
        const std::string& v = a.get(&q);
        if (v == answer_unknown) continue;
        const std::vector<Option> opts = answer_options(ds, q, a.org);
        const auto opt = std::find_if(opts.begin(), opts.end(), [&](const Option& x) { return x.id == v; });
        w.begin_object().field("question", q.id).field("text", o.t(q.text)).field("value", v).field("label", opt != opts.end() ? o.t(opt->label) : v).end_object();
    }
    w.end_array();
    w.key("incidents").begin_array();
    for (const IncidentResult& r : as.incidents) {
        const Incident& inc = *r.incident;
        w.begin_object().field("id", inc.id).field("mode", id_of(incident_mode_vocab, inc.mode));
        w.field_or_null("operator", inc.operator_index < ds.operators.size() ? ds.operators[inc.operator_index].id : std::string());
        w.field("operator_name", inc.operator_index < ds.operators.size() ? ds.operators[inc.operator_index].name : std::string()).field("short_name", short_name(ds, inc, o));
        w.field("name", o.t(inc.name)).field("applies", r.applies).field("verdict", to_string(r.verdict)).field("verdict_label", o.lang == Lang::en ? words_for(r.verdict).short_en : words_for(r.verdict).short_fr);
        w.key("reasons").begin_array();
        for (const Reason& reason : r.reasons) write_reason(o, reason);
        w.end_array().key("exposed");
        o.classes(r.exposed);
        w.key("not_exposed");
        o.classes(r.not_exposed);
        w.end_object();
    }
    w.end_array();
    w.key("exposure").begin_object().field("hypothetical", as.exposure.hypothetical).key("applies").begin_array();
    for (std::size_t i : as.exposure.applies) w.value(as.incidents[i].incident->id);
    w.end_array();
    for (const bool exposed : {true, false}) {
        w.key(exposed ? "exposed" : "not_exposed").begin_array();
        for (const ExposureItem& x : exposed ? as.exposure.exposed : as.exposure.not_exposed) {
            const DataClass* c = ds.find_class(x.id);
            w.begin_object().field("id", x.id).field("label", c ? o.t(c->label) : x.id);
            if (c && !c->gloss.empty()) w.field("gloss", c->gloss);
            w.field("partial", x.partial).key("incidents").begin_array();
            for (std::size_t i : x.incidents) w.value(as.incidents[i].incident->id);
            w.end_array().key("by").begin_array();
            for (std::size_t i : x.incidents) w.value(short_name(ds, *as.incidents[i].incident, o));
            w.end_array().end_object();
        }
        w.end_array();
    }
    w.end_object();
    w.key("questions").begin_array();
    for (const RankedQuestion& rq : as.questions) {
        w.begin_object().field("id", rq.question->id).field("kind", id_of(question_kind_vocab, rq.question->kind));
        w.field("text", o.t(rq.question->text)).field("help", o.t(rq.question->help)).key("options");
        o.options(answer_options(ds, *rq.question, a.org));
        w.field("changes_overall", rq.changes_overall).field("outcomes", rq.outcomes).end_object();
    }
    w.end_array();
    w.key("plan").begin_object().key("first").begin_array();
    for (const Action* act : as.first) o.action(*act, ActionTier::first);
    w.end_array().key("more").begin_array();
    for (const Action* act : as.more) o.action(*act, ActionTier::more);
    w.end_array().key("emergency");
    if (as.emergency) o.action(*as.emergency, ActionTier::emergency);
    else w.null();
    w.end_object();
    // The dated events of the incidents that apply to this person (those of "what leaked"),
    // oldest first.
    std::vector<std::pair<const Fact*, const Incident*>> events;
    for (const std::size_t i : as.exposure.applies) {
        const IncidentResult& r = as.incidents[i];
        for (const Fact& f : r.incident->facts) {
            if (f.kind == FactKind::timeline && !f.date.empty()) events.emplace_back(&f, r.incident);
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const auto& x, const auto& y) { return day_of(x.first->date, false) < day_of(y.first->date, false); });
    w.key("timeline").begin_array();
    for (const auto& [f, inc] : events) o.fact(*f, inc);
    w.end_array();
    // Other leaks of French health data: listed for everyone, one line each.
    // (each in full from incidents(): the page opens them on demand)
    w.key("related").begin_array();
    for (const Incident& inc : ds.incidents) {
        if (inc.kind != IncidentKind::informational) continue;
        w.begin_object().field("id", inc.id).field("name", o.t(inc.name)).field("summary", o.t(inc.summary)).end_object();
    }
    w.end_array();
    w.key("glossary").begin_array();
    for (const GlossaryTerm* g : glossary_for(ds, as, lang)) w.begin_object().field("id", g->id).field("term", o.t(g->term)).field("text", o.t(g->text)).end_object();
    w.end_array();
    // A correction report that carries ids only, never anything typed.
    std::string body = "dataset: " + ds.dataset_version + "\nsha256: " + ds.source_sha256 + "\norganization: " + (a.org ? a.org->id : std::string("-"));
    if (match.picked() && !a.org) body += "\nname picked: " + match.picked()->id;
    if (match.umbrella) body += "\numbrella: " + match.umbrella->id;
    body += "\nrole: " + std::string(id_of(role_vocab, a.role));
    for (const auto& [q, v] : a.given) body += "\n" + q + ": " + v;
    for (const IncidentResult& r : as.incidents) body += "\nverdict " + r.incident->id + ": " + std::string(to_string(r.verdict));
    w.key("report").begin_object().field("email", ds.corrections.email).field("url", ds.corrections.url);
    w.field("subject", "breachcheck " + ds.dataset_version + ": " + (a.org ? a.org->id : std::string("-"))).field("body", body).end_object();
    w.key("overlay");
    o.overlay();
    o.source_table();
    w.end_object();
    return w.take();
}

}  // namespace breachcheck
