// JSON faces of the engine; the only place that turns answers and assessments into documents.
#include "api.hpp"

#include <cmath>

#include "scam.hpp"
#include "text.hpp"

namespace breachcheck {

using json = nlohmann::json;

std::string dump(const json& j, int indent) {
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string sanitize_utf8(std::string_view s, std::size_t max_bytes) {
    std::string out;
    for (char32_t c : text::decode_utf8(s.substr(0, std::min(s.size(), max_bytes + 4)))) {
        char buf[4];
        std::size_t n = 0;
        if (c < 0x80) { buf[0] = static_cast<char>(c); n = 1; }
        else if (c < 0x800) { buf[0] = static_cast<char>(0xC0 | (c >> 6)); buf[1] = static_cast<char>(0x80 | (c & 0x3F)); n = 2; }
        else if (c < 0x10000) { buf[0] = static_cast<char>(0xE0 | (c >> 12)); buf[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F)); buf[2] = static_cast<char>(0x80 | (c & 0x3F)); n = 3; }
        else { buf[0] = static_cast<char>(0xF0 | (c >> 18)); buf[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F)); buf[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F)); buf[3] = static_cast<char>(0x80 | (c & 0x3F)); n = 4; }
        if (out.size() + n > max_bytes) break;
        out.append(buf, n);
    }
    return out;
}

json error_json(std::string_view code, std::string message) {
    return json{{"error", {{"code", code}, {"message", std::move(message)}}}};
}

json validate(std::string_view text) {
    std::vector<ValidationError> errors = load_dataset(text).errors;
    json list = json::array();
    for (const ValidationError& e : errors) list.push_back({{"path", e.path}, {"message", e.message}});
    return json{{"valid", errors.empty()}, {"errors", std::move(list)}};
}

std::unique_ptr<Engine> Engine::load(std::string_view text, std::vector<ValidationError>& errors, std::string_view overlay_text) {
    LoadResult r = load_dataset(text);
    errors = std::move(r.errors);
    if (!r.dataset) return nullptr;
    if (!overlay_text.empty()) {
        r = apply_overlay(*r.dataset, overlay_text);
        errors = std::move(r.errors);
        if (!r.dataset) return nullptr;
    }
    return std::unique_ptr<Engine>(new Engine(std::move(r.dataset)));
}

json validate_overlay(std::string_view dataset_text, std::string_view overlay_text) {
    const LoadResult base = load_dataset(dataset_text);
    json errors = json::array();
    json warnings = json::array();
    if (!base.dataset) {
        errors.push_back({{"path", ""}, {"message", "the base dataset is invalid: run validate on it first"}});
    } else {
        const LoadResult merged = apply_overlay(*base.dataset, overlay_text);
        for (const ValidationError& e : merged.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
        if (merged.dataset && !merged.dataset->overlay.theme.fallback_reason.empty()) {
            warnings.push_back({{"path", "/theme"}, {"message", merged.dataset->overlay.theme.fallback_reason + ": the default theme will be used"}});
        }
    }
    return json{{"valid", errors.empty()}, {"errors", std::move(errors)}, {"warnings", std::move(warnings)}};
}

namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// "insurer" when the insurer published it in its overlay, else "public" (the dataset's sources).
const char* provenance(const Dataset& ds, const SourceRefs& refs) {
    for (std::size_t k : refs) {
        if (ds.sources[k].from_overlay) return "insurer";
    }
    return "public";
}

json overlay_json(const Dataset& ds, Lang lang) {
    const Overlay& ov = ds.overlay;
    if (!ov.present) return nullptr;
    const Organization& org = ds.organizations[ov.organization];
    json contacts = json::array();
    for (const Contact& c : ov.contacts) contacts.push_back({{"kind", c.kind}, {"value", c.value}, {"label", c.label.get(lang)}});
    json theme = nullptr;
    if (ov.theme.applied) {
        theme = json::object();
        for (auto [key, value] : {std::pair<const char*, const std::string*>{"accent", &ov.theme.accent}, {"accent_text", &ov.theme.accent_text},
                                  {"background", &ov.theme.background}, {"text", &ov.theme.text}, {"font", &ov.theme.font}}) {
            if (!value->empty()) theme[key] = *value;
        }
        if (ov.theme.radius >= 0) theme["radius"] = ov.theme.radius;
    }
    return {{"id", ov.id},
            {"sha256", ov.sha256},
            {"organization", {{"id", org.id}, {"name", org.name}}},
            {"lock", ov.lock},
            {"lang", ov.lang.empty() ? json(nullptr) : json(ov.lang)},
            {"contacts", std::move(contacts)},
            {"notification", ov.has_notification ? json{{"date", ov.notification_date}, {"text", ov.notification_text.get(lang)}} : json(nullptr)},
            {"theme", std::move(theme)},
            {"theme_fallback", ov.theme.fallback_reason.empty() ? json(nullptr) : json(ov.theme.fallback_reason)}};
}

json sources_json(const Dataset& ds, const SourceRefs& refs) {
    json out = json::array();
    for (std::size_t k : refs) {
        const Source& s = ds.sources[k];
        out.push_back({{"id", s.id}, {"url", s.url}, {"publisher", s.publisher}, {"date", s.date}, {"accessed", s.accessed},
                       {"confidence", to_string(s.confidence)}, {"title", s.title}});
    }
    return out;
}

json classes_json(const Dataset& ds, const std::vector<std::string>& ids, Lang lang) {
    json out = json::array();
    for (const std::string& id : ids) {
        const DataClass* c = ds.find_class(id);
        out.push_back({{"id", id}, {"label", c ? c->label.get(lang) : id}});
    }
    return out;
}

json question_json(const Question& q, const Answers& a, Lang lang) {
    json options = json::array();
    for (const Option& o : q.options) options.push_back({{"id", o.id}, {"label", o.label.get(lang)}});
    if (q.id == "contract" && a.org) {
        // The contracts named in the sources are the useful choices; free text stays possible.
        for (const Scope& s : a.org->scopes) {
            for (const std::string& c : s.contracts) options.push_back({{"id", c}, {"label", c}});
        }
    }
    return {{"id", q.id}, {"text", q.text.get(lang)}, {"help", q.help.get(lang)}, {"options", std::move(options)}};
}

// Reads one optional string answer; returns false (with `error` set) when it is not a string.
bool answer_string(const json& answers, const char* key, std::string& out, std::string& error) {
    const auto it = answers.find(key);
    if (it == answers.end() || it->is_null()) return true;
    if (!it->is_string()) {
        error = std::string("\"") + key + "\" must be a string";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

}  // namespace

json Engine::search(std::string_view query, std::size_t limit) const {
    json results = json::array();
    for (const Suggestion& s : index_.search(query, limit)) {
        results.push_back({{"id", s.org->id}, {"name", s.org->name}, {"alias", s.alias}, {"score", round3(s.score)}});
    }
    return json{{"query", sanitize_utf8(query, text::max_query_bytes)}, {"results", std::move(results)}};
}

json Engine::list() const {
    json orgs = json::array();
    for (const Organization& o : dataset_->organizations) {
        orgs.push_back({{"id", o.id}, {"name", o.name}, {"kind", o.kind},
                        {"group", o.group.empty() ? json(nullptr) : json(o.group)}, {"aliases", o.aliases}});
    }
    return json{{"organizations", std::move(orgs)}};
}

json Engine::info() const {
    return json{{"version", dataset_->dataset_version}, {"date", dataset_->date}, {"sha256", dataset_->sha256},
                {"organizations", dataset_->organizations.size()}, {"sources", dataset_->sources.size()},
                {"languages", dataset_->languages},
                {"overlay", overlay_json(*dataset_, Lang::fr)}};
}

json Engine::scan(std::string_view message, std::string_view lang) const {
    if (lang != "fr" && lang != "en") return error_json("invalid_answers", "\"lang\" must be fr or en");
    return scan_json(message, lang == "en" ? Lang::en : Lang::fr, dataset_.get());
}

json Engine::check(const json& in) const {
    if (!in.is_object()) return error_json("invalid_answers", "answers must be an object");
    static const std::vector<std::string> known = {"org", "query", "network", "card", "covered", "contract", "role", "lang"};
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
            return error_json("invalid_answers", "unknown answer \"" + sanitize_utf8(it.key(), 40) + "\"");
        }
    }
    std::string org_id, query, network = "unknown", card = "unknown", covered = "unknown", contract, role = "insured", lang = "fr";
    std::string error;
    for (auto [key, out] : {std::pair<const char*, std::string*>{"org", &org_id}, {"query", &query}, {"network", &network},
                            {"card", &card}, {"covered", &covered}, {"contract", &contract}, {"role", &role}, {"lang", &lang}}) {
        if (!answer_string(in, key, *out, error)) return error_json("invalid_answers", error);
    }
    Answers a;
    Lang l = Lang::fr;
    if (lang == "en") l = Lang::en;
    else if (lang != "fr") return error_json("invalid_answers", "\"lang\" must be fr or en");
    if (role == "pro") a.role = Role::pro;
    else if (role != "insured") return error_json("invalid_answers", "\"role\" must be insured or pro");
    if (std::find(network_ids.begin(), network_ids.end(), network) == network_ids.end()) {
        return error_json("invalid_answers", "\"network\" must be one of itelis, kalixia, santeclair, carte-blanche, seveane, other, none, unknown");
    }
    a.network = network;
    if (!parse_card(card, a.card)) return error_json("invalid_answers", "\"card\" must be viamedis, almerys, other, none or unknown");
    if (!parse_covered(covered, a.covered)) return error_json("invalid_answers", "\"covered\" must be jan2024, before2024, after2024 or unknown");
    a.contract = sanitize_utf8(contract, text::max_query_bytes);

    json result;
    result["dataset"] = {{"version", dataset_->dataset_version}, {"sha256", dataset_->sha256}};
    result["role"] = a.role == Role::pro ? "pro" : "insured";
    result["lang"] = lang;
    const Overlay& ov = dataset_->overlay;
    if (ov.present && ov.lock && a.role == Role::insured) {
        // The insurer's page checks its own members only.
        if (!org_id.empty() && org_id != dataset_->organizations[ov.organization].id) {
            return error_json("org_locked", "this checker is set up for " + dataset_->organizations[ov.organization].name + " only");
        }
        org_id = dataset_->organizations[ov.organization].id;
        query.clear();
    } else if (ov.present && org_id.empty() && query.empty()) {
        org_id = dataset_->organizations[ov.organization].id;  // preselected, still changeable
    }
    if (!org_id.empty()) {
        a.org = dataset_->find_org(org_id);
        if (!a.org) return error_json("unknown_org", "no organization with id \"" + sanitize_utf8(org_id, 64) + "\"");
    } else if (!query.empty()) {
        const std::vector<Suggestion> best = index_.search(query, 1);
        json match = {{"query", sanitize_utf8(query, text::max_query_bytes)}, {"alias", nullptr}, {"score", 0}};
        if (!best.empty()) {
            match["alias"] = best[0].alias;
            match["score"] = round3(best[0].score);
            if (best[0].score >= query_pick_score) a.org = best[0].org;
        }
        result["match"] = std::move(match);
    }
    if (a.role == Role::pro) a.org = nullptr;  // professionals' exposure does not depend on an insurer
    result["org"] = a.org ? json{{"id", a.org->id}, {"name", a.org->name}} : json(nullptr);

    const Assessment as = assess(*dataset_, a);
    result["overall"] = to_string(as.overall);
    result["provisional"] = !as.questions.empty();
    json incidents = json::array();
    for (const IncidentResult& r : as.incidents) {
        json reasons = json::array();
        for (const Reason& reason : r.reasons) {
            reasons.push_back({{"text", reason.text.get(l)}, {"sources", sources_json(*dataset_, reason.sources)},
                               {"provenance", provenance(*dataset_, reason.sources)}});
        }
        incidents.push_back({{"id", r.incident->id},
                             {"operator", r.incident->operator_id},
                             {"name", r.incident->name.get(l)},
                             {"verdict", to_string(r.verdict)},
                             {"reasons", std::move(reasons)},
                             {"exposed", classes_json(*dataset_, r.exposed, l)},
                             {"not_exposed", classes_json(*dataset_, r.not_exposed, l)}});
    }
    result["incidents"] = std::move(incidents);
    json questions = json::array();
    for (const Question* q : as.questions) questions.push_back(question_json(*q, a, l));
    result["questions"] = std::move(questions);
    json actions = json::array();
    for (const Action* act : as.actions) {
        json links = json::array();
        for (const Link& link : act->links) links.push_back({{"url", link.url}, {"label", link.label.get(l)}});
        actions.push_back({{"id", act->id}, {"title", act->title.get(l)}, {"text", act->text.get(l)}, {"links", std::move(links)},
                           {"provenance", act->from_overlay ? "insurer" : "public"}});
    }
    result["actions"] = std::move(actions);
    result["overlay"] = overlay_json(*dataset_, l);
    return result;
}

}  // namespace breachcheck
