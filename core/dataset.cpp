// Strict loader for the dataset: every structural and referential rule lives here, and every
// violation is reported with the JSON pointer of the offending value.
#include "dataset.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <initializer_list>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "sha256.hpp"
#include "text.hpp"

namespace breachcheck {

using json = nlohmann::json;

const std::vector<std::string> network_ids = {"itelis", "kalixia", "santeclair", "carte-blanche",
                                              "seveane", "other", "none", "unknown"};

std::string_view to_string(Verdict v) {
    switch (v) {
        case Verdict::affected: return "affected";
        case Verdict::likely: return "likely";
        case Verdict::possible: return "possible";
        case Verdict::unknown: return "unknown";
        case Verdict::not_affected: return "not_affected";
    }
    return "unknown";
}

std::string_view to_string(Confidence c) {
    switch (c) {
        case Confidence::own_statement: return "own_statement";
        case Confidence::press: return "press";
        case Confidence::weak: return "weak";
    }
    return "weak";
}

bool parse_verdict(std::string_view s, Verdict& out) {
    for (Verdict v : {Verdict::affected, Verdict::likely, Verdict::possible, Verdict::unknown, Verdict::not_affected}) {
        if (to_string(v) == s) { out = v; return true; }
    }
    return false;
}

template <typename T>
static const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    for (const T& item : items) {
        if (item.id == id) return &item;
    }
    return nullptr;
}

const Organization* Dataset::find_org(std::string_view id) const { return find_by_id(organizations, id); }
const Network* Dataset::find_network(std::string_view id) const { return find_by_id(networks, id); }
const DataClass* Dataset::find_class(std::string_view id) const { return find_by_id(data_classes, id); }
const Question* Dataset::find_question(std::string_view id) const { return find_by_id(questions, id); }

namespace {

constexpr std::size_t max_errors = 200;
constexpr std::size_t max_text = 8000;
constexpr std::size_t max_name = 300;

std::string child(const std::string& path, std::string_view key) {
    std::string out = path;
    out.push_back('/');
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out.push_back(c);
    }
    return out;
}

std::string child(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

// Safe member access: a missing key or a non-object gives null instead of undefined behaviour.
const json& field(const json& obj, std::string_view key) {
    static const json null_value;
    if (!obj.is_object()) return null_value;
    const auto it = obj.find(key);
    return it == obj.end() ? null_value : *it;
}

std::string shown(std::string_view s) {
    // Error messages repeat ids from the input: cut them and keep them printable. The input is
    // valid UTF-8 (the parser checks it): cut before a lead byte, never inside a character.
    std::string out = "\"";
    std::size_t n = 0;
    for (char c : s) {
        if (++n > 60 && (static_cast<unsigned char>(c) & 0xC0) != 0x80) { out += "…"; break; }
        out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
    }
    return out + "\"";
}

// Re-encodes text as valid UTF-8, each invalid byte becoming U+FFFD (as sanitize_utf8 does).
std::string valid_utf8(std::string_view s) {
    std::string out;
    for (const char32_t c : text::decode_utf8(s)) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

bool valid_date(std::string_view d) {
    // YYYY, YYYY-MM or YYYY-MM-DD with plausible ranges.
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i) {
            if (i >= d.size() || d[i] < '0' || d[i] > '9') return false;
        }
        return true;
    };
    auto num = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (d[i] - '0');
        return v;
    };
    if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
    if (!digits(0, 4) || num(0, 4) < 1990 || num(0, 4) > 2100) return false;
    if (d.size() >= 7 && (d[4] != '-' || !digits(5, 2) || num(5, 2) < 1 || num(5, 2) > 12)) return false;
    if (d.size() == 10 && (d[7] != '-' || !digits(8, 2) || num(8, 2) < 1 || num(8, 2) > 31)) return false;
    return true;
}

bool valid_id(std::string_view id, bool underscore) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (underscore ? c == '_' : c == '-');
        if (!ok) return false;
    }
    return true;
}

bool valid_url(std::string_view u) {
    if (u.size() > 2048) return false;
    if (u.rfind("https://", 0) != 0 && u.rfind("http://", 0) != 0) return false;
    const std::size_t host = u.find("://") + 3;
    if (host >= u.size() || u[host] == '/') return false;
    for (char c : u) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') return false;
    }
    return true;
}

class Loader {
public:
    std::vector<ValidationError> errors;
    Dataset ds;
    bool french_only = false;  // texts need no "en" (a dataset with "languages": ["fr"])

    void error(const std::string& path, std::string message) {
        if (errors.size() < max_errors) errors.push_back({path, std::move(message)});
    }

    // Checks that `j` is an object whose keys are all in `required` ∪ `optional`, and that the
    // required ones are present.
    bool object(const json& j, const std::string& path, std::initializer_list<std::string_view> required,
                std::initializer_list<std::string_view> optional) {
        if (!j.is_object()) {
            error(path, "expected an object");
            return false;
        }
        for (std::string_view key : required) {
            if (!j.contains(key)) error(child(path, key), "missing required field");
        }
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& key = it.key();
            const bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                               std::find(optional.begin(), optional.end(), key) != optional.end();
            if (!known) error(child(path, key), "unknown field " + shown(key));
        }
        return true;
    }

    // A string field; `max_len` in bytes. Returns "" when absent or invalid (error recorded
    // when `required`).
    std::string string(const json& obj, std::string_view key, const std::string& path, bool required,
                       std::size_t max_len = max_name) {
        if (!obj.is_object() || !obj.contains(key)) return {};
        const json& v = field(obj, key);
        const std::string p = child(path, key);
        if (!v.is_string()) {
            error(p, "expected a string");
            return {};
        }
        const std::string& s = v.get_ref<const std::string&>();
        if (required && s.empty()) error(p, "must not be empty");
        if (s.size() > max_len) error(p, "string too long (" + std::to_string(s.size()) + " bytes, at most " + std::to_string(max_len) + ")");
        for (char c : s) {
            const auto b = static_cast<unsigned char>(c);
            if (b < 0x20 && c != '\n' && c != '\t') {
                error(p, "control character in string");
                break;
            }
        }
        return s;
    }

    std::string id(const json& obj, const std::string& path, bool underscore = false) {
        std::string s = string(obj, "id", path, true, 64);
        if (obj.is_object() && obj.contains("id") && field(obj, "id").is_string() && !valid_id(s, underscore)) {
            error(child(path, "id"), std::string("invalid id ") + shown(s) + (underscore ? " (expected [a-z0-9_]+)" : " (expected [a-z0-9-]+)"));
        }
        return s;
    }

    std::string date(const json& obj, std::string_view key, const std::string& path, bool required) {
        std::string s = string(obj, key, path, required, 10);
        if (obj.is_object() && obj.contains(key) && field(obj, key).is_string() && !valid_date(s)) {
            error(child(path, key), "invalid date " + shown(s) + " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        return s;
    }

    LocalText local(const json& obj, std::string_view key, const std::string& path, bool required = true,
                    std::size_t max_len = max_text) {
        LocalText out;
        if (!obj.is_object() || !obj.contains(key)) return out;
        const json& v = field(obj, key);
        const std::string p = child(path, key);
        if (!(french_only ? object(v, p, {"fr"}, {"en"}) : object(v, p, {"fr", "en"}, {}))) return out;
        out.fr = string(v, "fr", p, required, max_len);
        out.en = string(v, "en", p, required && !french_only, max_len);
        // A French-only file (see load()): English readers get the French text, never nothing.
        if (french_only && out.en.empty()) out.en = out.fr;
        return out;
    }

    const json* array(const json& obj, std::string_view key, const std::string& path, std::size_t max_items = 5000) {
        if (!obj.is_object() || !obj.contains(key)) return nullptr;
        const json& v = field(obj, key);
        if (!v.is_array()) {
            error(child(path, key), "expected an array");
            return nullptr;
        }
        if (v.size() > max_items) {
            error(child(path, key), "too many items (" + std::to_string(v.size()) + ", at most " + std::to_string(max_items) + ")");
            return nullptr;
        }
        return &v;
    }

    std::vector<std::string> strings(const json& obj, std::string_view key, const std::string& path,
                                     std::size_t max_len = max_name) {
        std::vector<std::string> out;
        const json* arr = array(obj, key, path, 500);
        if (!arr) return out;
        const std::string p = child(path, key);
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const json& v = (*arr)[i];
            if (!v.is_string()) {
                error(child(p, i), "expected a string");
                continue;
            }
            const std::string& s = v.get_ref<const std::string&>();
            if (s.empty()) error(child(p, i), "must not be empty");
            else if (s.size() > max_len) error(child(p, i), "string too long");
            else out.push_back(s);
        }
        return out;
    }

    // Source id references; `required` means at least one.
    SourceRefs sources(const json& obj, const std::string& path, bool required) {
        SourceRefs out;
        if (!obj.is_object()) return out;
        if (!obj.contains("sources")) {
            if (required) error(child(path, "sources"), "missing required field");
            return out;
        }
        const json* arr = array(obj, "sources", path, 100);
        if (!arr) return out;
        const std::string p = child(path, "sources");
        if (arr->empty() && required) error(p, "a fact needs at least one source");
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const json& v = (*arr)[i];
            if (!v.is_string()) {
                error(child(p, i), "expected a source id (string)");
                continue;
            }
            const auto it = source_index.find(v.get_ref<const std::string&>());
            if (it == source_index.end()) error(child(p, i), "unknown source id " + shown(v.get_ref<const std::string&>()));
            else out.push_back(it->second);
        }
        return out;
    }

    ClassList class_list(const json& obj, std::string_view key, const std::string& path) {
        ClassList out;
        if (!obj.is_object() || !obj.contains(key)) return out;
        const json& v = field(obj, key);
        const std::string p = child(path, key);
        if (!object(v, p, {"classes", "sources"}, {})) return out;
        out.classes = strings(v, "classes", p, 64);
        for (std::size_t i = 0; i < out.classes.size(); ++i) {
            if (!ds.find_class(out.classes[i])) error(child(child(p, "classes"), i), "unknown data class " + shown(out.classes[i]));
        }
        out.sources = sources(v, p, true);
        return out;
    }

    std::size_t incident_ref(const json& obj, const std::string& path) {
        const std::string s = string(obj, "incident", path, true, 64);
        for (std::size_t i = 0; i < ds.incidents.size(); ++i) {
            if (ds.incidents[i].id == s) return i;
        }
        if (obj.is_object() && obj.contains("incident") && field(obj, "incident").is_string()) {
            error(child(path, "incident"), "unknown incident " + shown(s));
        }
        return SIZE_MAX;
    }

    void check_unique(const std::vector<std::string>& ids, const std::string& path, const char* what) {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (ids[i].empty()) continue;
            const auto [it, inserted] = seen.emplace(ids[i], i);
            if (!inserted) {
                error(child(child(path, i), "id"), std::string("duplicate ") + what + " id " + shown(ids[i]) + " (first at " + child(path, it->second) + ")");
            }
        }
    }

    void load(const json& root);
    void start_from(const Dataset& base);
    void load_overlay(const json& root);

private:
    std::unordered_map<std::string, std::size_t> source_index;

    void load_sources(const json& root, bool from_overlay = false);
    void load_classes(const json& root);
    void load_incidents(const json& root);
    void load_networks(const json& root);
    void load_organizations(const json& root);
    void load_scope(const json& j, const std::string& path, Scope& s);
    Contact parse_contact(const json& c, const std::string& path, bool sourced);
    Action parse_action(const json& j, const std::string& path);
    void load_questions(const json& root);
    void load_actions(const json& root);
    void check_alias_collisions();
};

void Loader::load(const json& root) {
    if (!object(root, "", {"schema_version", "dataset_version", "date", "jurisdiction", "sources", "data_classes",
                           "incidents", "networks", "organizations", "questions", "actions"}, {"languages"})) {
        return;
    }
    // "languages": ["fr"] marks a copy with the French texts only (the page's first download, made
    // at build time from the full file); absent or ["fr", "en"]: every text has both.
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
        if (is({"fr"})) ds.languages = {"fr"};
        else if (!is({"fr", "en"})) error("/languages", "expected [\"fr\", \"en\"] or [\"fr\"]");
    }
    french_only = ds.languages.size() == 1;
    const json& sv = field(root, "schema_version");
    if (!sv.is_number_integer()) error("/schema_version", "expected an integer");
    else if (sv.get<std::int64_t>() != 1) error("/schema_version", "unsupported schema version " + sv.dump() + " (this engine reads version 1)");
    else ds.schema_version = 1;
    ds.dataset_version = string(root, "dataset_version", "", true, 64);
    ds.date = date(root, "date", "", true);
    ds.jurisdiction = string(root, "jurisdiction", "", true, 8);
    if (root.contains("jurisdiction") && field(root, "jurisdiction").is_string() && ds.jurisdiction != "FR") {
        error("/jurisdiction", "only \"FR\" is supported");
    }
    load_sources(root);
    load_classes(root);
    load_incidents(root);
    load_networks(root);
    load_organizations(root);
    load_questions(root);
    load_actions(root);
}

void Loader::start_from(const Dataset& base) {
    ds = base;
    source_index.clear();
    for (std::size_t i = 0; i < ds.sources.size(); ++i) source_index.emplace(ds.sources[i].id, i);
}

namespace {

bool valid_colour(std::string_view c) {
    if (c.size() != 7 || c[0] != '#') return false;
    return std::all_of(c.begin() + 1, c.end(), [](char x) { return (x >= '0' && x <= '9') || (x >= 'a' && x <= 'f') || (x >= 'A' && x <= 'F'); });
}

// The page's own colours (web/style.css): an overlay token left out keeps these.
constexpr std::string_view default_background = "#ffffff";
constexpr std::string_view default_text = "#1b1b1b";
constexpr std::string_view default_accent = "#000091";
constexpr std::string_view default_accent_text = "#ffffff";

}  // namespace

void Loader::load_overlay(const json& root) {
    if (!object(root, "", {"overlay_version", "id", "organization"},
                {"lock", "lang", "sources", "scopes", "notes", "contacts", "notification", "actions", "theme"})) {
        return;
    }
    Overlay& ov = ds.overlay;
    ov.present = true;
    const json& version = field(root, "overlay_version");
    if (!version.is_number_integer()) error("/overlay_version", "expected an integer");
    else if (version.get<std::int64_t>() != 1) error("/overlay_version", "unsupported overlay version " + version.dump() + " (this engine reads version 1)");
    ov.id = id(root, "");
    const std::string org = string(root, "organization", "", true, 64);
    const Organization* target = ds.find_org(org);
    if (!target && field(root, "organization").is_string()) error("/organization", "unknown organization " + shown(org) + " (not in the public dataset)");
    if (target) ov.organization = ds.org_index(*target);
    if (root.contains("lock")) {
        if (!field(root, "lock").is_boolean()) error("/lock", "expected true or false");
        else ov.lock = field(root, "lock").get<bool>();
    }
    if (root.contains("lang")) {
        ov.lang = string(root, "lang", "", true, 2);
        if (field(root, "lang").is_string() && ov.lang != "fr" && ov.lang != "en") error("/lang", "expected fr or en");
    }
    load_sources(root, /*from_overlay=*/true);

    if (const json* scopes = array(root, "scopes", "", 20)) {
        std::vector<Scope> restated;
        for (std::size_t k = 0; k < scopes->size(); ++k) {
            Scope sc;
            load_scope((*scopes)[k], child("/scopes", k), sc);
            restated.push_back(std::move(sc));
        }
        if (target) {
            // The insurer's word on an incident replaces what the public sources said about it.
            Organization& o = ds.organizations[ov.organization];
            for (const Scope& sc : restated) {
                if (sc.incident >= ds.incidents.size()) continue;
                const std::string& inc = ds.incidents[sc.incident].id;
                if (std::find(ov.replaced_incidents.begin(), ov.replaced_incidents.end(), inc) == ov.replaced_incidents.end()) {
                    ov.replaced_incidents.push_back(inc);
                    const std::size_t index = sc.incident;
                    o.scopes.erase(std::remove_if(o.scopes.begin(), o.scopes.end(), [&](const Scope& x) { return x.incident == index; }), o.scopes.end());
                }
            }
            o.scopes.insert(o.scopes.end(), restated.begin(), restated.end());
        }
    }
    if (const json* notes = array(root, "notes", "", 50)) {
        for (std::size_t k = 0; k < notes->size(); ++k) {
            const std::string np = child("/notes", k);
            OverlayNote note;
            if (object((*notes)[k], np, {"incident", "text", "sources"}, {})) {
                note.incident = incident_ref((*notes)[k], np);
                note.text = local((*notes)[k], "text", np);
                note.sources = sources((*notes)[k], np, true);
                if (note.incident < ds.incidents.size()) ov.notes.push_back(std::move(note));
            }
        }
    }
    if (const json* contacts = array(root, "contacts", "", 20)) {
        for (std::size_t k = 0; k < contacts->size(); ++k) {
            ov.contacts.push_back(parse_contact((*contacts)[k], child("/contacts", k), false));
        }
    }
    if (root.contains("notification")) {
        const json& n = field(root, "notification");
        if (object(n, "/notification", {"date", "text"}, {})) {
            ov.has_notification = true;
            ov.notification_date = date(n, "date", "/notification", true);
            ov.notification_text = local(n, "text", "/notification");
        }
    }
    if (const json* actions = array(root, "actions", "", 50)) {
        std::vector<std::string> ids;
        for (std::size_t k = 0; k < actions->size(); ++k) {
            Action a = parse_action((*actions)[k], child("/actions", k));
            a.from_overlay = true;
            ids.push_back(a.id);
            // Same id as a public action: the insurer's version replaces it.
            auto same = std::find_if(ds.actions.begin(), ds.actions.end(), [&](const Action& x) { return x.id == a.id; });
            if (same != ds.actions.end() && !same->from_overlay) *same = std::move(a);
            else if (same == ds.actions.end()) ds.actions.push_back(std::move(a));
        }
        check_unique(ids, "/actions", "action");
    }
    if (root.contains("theme")) {
        const json& t = field(root, "theme");
        Theme& theme = ov.theme;
        if (object(t, "/theme", {}, {"accent", "accent_text", "background", "text", "radius", "font"})) {
            for (auto [key, out] : {std::pair<const char*, std::string*>{"accent", &theme.accent}, {"accent_text", &theme.accent_text},
                                    {"background", &theme.background}, {"text", &theme.text}}) {
                if (!t.contains(key)) continue;
                *out = string(t, key, "/theme", true, 64);
                if (field(t, key).is_string() && !valid_colour(*out)) {
                    error(child("/theme", key), "expected a colour as #rrggbb, not " + shown(*out));
                    out->clear();
                }
            }
            if (t.contains("radius")) {
                const json& r = field(t, "radius");
                if (!r.is_number_integer() || r.get<std::int64_t>() < 0 || r.get<std::int64_t>() > 24) error("/theme/radius", "expected a whole number of pixels from 0 to 24");
                else theme.radius = static_cast<int>(r.get<std::int64_t>());
            }
            if (t.contains("font")) {
                theme.font = string(t, "font", "/theme", true, 16);
                if (field(t, "font").is_string() && theme.font != "system" && theme.font != "sans" && theme.font != "serif" && theme.font != "rounded") {
                    error("/theme/font", "expected system, sans, serif or rounded");
                }
            }
            // Checked on the colours that will really be shown (the page's defaults fill gaps).
            const std::string bg = theme.background.empty() ? std::string(default_background) : theme.background;
            const std::string fg = theme.text.empty() ? std::string(default_text) : theme.text;
            const std::string ac = theme.accent.empty() ? std::string(default_accent) : theme.accent;
            const std::string at = theme.accent_text.empty() ? std::string(default_accent_text) : theme.accent_text;
            struct Pair { const char* what; std::string a, b; double min; };
            for (const Pair& pr : {Pair{"text on background", fg, bg, 4.5}, Pair{"accent_text on accent", at, ac, 4.5},
                                   Pair{"accent on background", ac, bg, 3.0}}) {
                const double ratio = contrast_ratio(pr.a, pr.b);
                if (ratio < pr.min && theme.fallback_reason.empty()) {
                    char buf[160];
                    std::snprintf(buf, sizeof buf, "contrast of %s is %.2f:1, below the %.1f:1 WCAG AA minimum", pr.what, ratio, pr.min);
                    theme.fallback_reason = buf;
                }
            }
            theme.applied = theme.fallback_reason.empty();
        }
    }
}

void Loader::load_sources(const json& root, bool from_overlay) {
    const json* arr = array(root, "sources", "");
    if (!arr) return;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& j = (*arr)[i];
        const std::string p = child("/sources", i);
        Source s;
        if (object(j, p, {"id", "url", "publisher", "date", "confidence"}, {"title", "note", "accessed"})) {
            s.id = id(j, p);
            s.url = string(j, "url", p, true, 2048);
            if (j.contains("url") && field(j, "url").is_string() && !valid_url(s.url)) error(child(p, "url"), "invalid URL " + shown(s.url) + " (expected http:// or https:// with a host, no spaces)");
            s.publisher = string(j, "publisher", p, true);
            if (field(j, "date") == "undated") {
                s.date = "undated";
                if (!j.contains("accessed")) error(child(p, "accessed"), "an undated source needs the date it was accessed");
            } else {
                s.date = date(j, "date", p, true);
            }
            s.accessed = date(j, "accessed", p, false);
            s.title = string(j, "title", p, false, 500);
            s.note = string(j, "note", p, false, 1000);
            const std::string c = string(j, "confidence", p, true, 32);
            if (c == "own_statement") s.confidence = Confidence::own_statement;
            else if (c == "press") s.confidence = Confidence::press;
            else if (c == "weak") s.confidence = Confidence::weak;
            else if (j.contains("confidence") && field(j, "confidence").is_string()) error(child(p, "confidence"), "invalid confidence " + shown(c) + " (expected own_statement, press or weak)");
        }
        s.from_overlay = from_overlay;
        ids.push_back(s.id);
        if (from_overlay && source_index.count(s.id)) {
            error(child(p, "id"), "source id " + shown(s.id) + " already exists in the public dataset: choose another id");
            continue;
        }
        if (!s.id.empty() && !source_index.count(s.id)) source_index.emplace(s.id, ds.sources.size());
        ds.sources.push_back(std::move(s));
    }
    check_unique(ids, "/sources", "source");
}

void Loader::load_classes(const json& root) {
    const json* arr = array(root, "data_classes", "");
    if (!arr) return;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& j = (*arr)[i];
        const std::string p = child("/data_classes", i);
        DataClass c;
        if (object(j, p, {"id", "label"}, {})) {
            c.id = id(j, p, true);
            c.label = local(j, "label", p, true, max_name);
        }
        ids.push_back(c.id);
        ds.data_classes.push_back(std::move(c));
    }
    check_unique(ids, "/data_classes", "data class");
}

void Loader::load_incidents(const json& root) {
    const json* arr = array(root, "incidents", "", 20);
    if (!arr) return;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& j = (*arr)[i];
        const std::string p = child("/incidents", i);
        Incident inc;
        if (object(j, p, {"id", "operator", "name", "attack_window", "facts", "exposed", "not_exposed", "card_evidence", "pro"}, {})) {
            inc.id = id(j, p);
            inc.operator_id = string(j, "operator", p, true, 32);
            if (field(j, "operator").is_string() && inc.operator_id != "viamedis" && inc.operator_id != "almerys") {
                error(child(p, "operator"), "unknown operator " + shown(inc.operator_id) + " (expected viamedis or almerys)");
            }
            inc.name = local(j, "name", p, true, max_name);
            const std::string wp = child(p, "attack_window");
            if (object(field(j, "attack_window"), wp, {"end", "text", "sources"}, {})) {
                inc.attack_window.end = date(field(j, "attack_window"), "end", wp, true);
                inc.attack_window.text = local(field(j, "attack_window"), "text", wp);
                inc.attack_window.sources = sources(field(j, "attack_window"), wp, true);
            }
            if (const json* facts = array(j, "facts", p, 200)) {
                std::vector<std::string> fact_ids;
                for (std::size_t k = 0; k < facts->size(); ++k) {
                    const json& f = (*facts)[k];
                    const std::string fp = child(child(p, "facts"), k);
                    Fact fact;
                    if (object(f, fp, {"id", "kind", "text", "sources"}, {"date"})) {
                        fact.id = id(f, fp);
                        fact.kind = string(f, "kind", fp, true, 32);
                        static const std::set<std::string> kinds = {"timeline", "vector", "figure", "ownership", "note", "contact", "card"};
                        if (field(f, "kind").is_string() && !kinds.count(fact.kind)) error(child(fp, "kind"), "unknown fact kind " + shown(fact.kind));
                        fact.date = date(f, "date", fp, false);
                        fact.text = local(f, "text", fp);
                        fact.sources = sources(f, fp, true);
                    }
                    fact_ids.push_back(fact.id);
                    inc.facts.push_back(std::move(fact));
                }
                check_unique(fact_ids, child(p, "facts"), "fact");
            }
            inc.exposed = class_list(j, "exposed", p);
            inc.not_exposed = class_list(j, "not_exposed", p);
            for (const std::string& c : inc.exposed.classes) {
                if (std::find(inc.not_exposed.classes.begin(), inc.not_exposed.classes.end(), c) != inc.not_exposed.classes.end()) {
                    error(child(p, "not_exposed"), "data class " + shown(c) + " is listed as both exposed and not exposed");
                }
            }
            const std::string cp = child(p, "card_evidence");
            if (object(field(j, "card_evidence"), cp, {"text", "sources"}, {})) {
                inc.card_evidence.text = local(field(j, "card_evidence"), "text", cp);
                inc.card_evidence.sources = sources(field(j, "card_evidence"), cp, true);
            }
            const std::string pp = child(p, "pro");
            if (object(field(j, "pro"), pp, {"exposed", "text", "sources"}, {})) {
                inc.pro.exposed = class_list(field(j, "pro"), "exposed", pp);
                inc.pro.text = local(field(j, "pro"), "text", pp);
                inc.pro.sources = sources(field(j, "pro"), pp, true);
            }
        }
        ids.push_back(inc.id);
        ds.incidents.push_back(std::move(inc));
    }
    check_unique(ids, "/incidents", "incident");
}

void Loader::load_networks(const json& root) {
    const json* arr = array(root, "networks", "", 50);
    if (!arr) return;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& j = (*arr)[i];
        const std::string p = child("/networks", i);
        Network n;
        if (object(j, p, {"id", "name", "links"}, {})) {
            n.id = id(j, p);
            if (!n.id.empty() && (std::find(network_ids.begin(), network_ids.end(), n.id) == network_ids.end() ||
                                  n.id == "other" || n.id == "none" || n.id == "unknown")) {
                error(child(p, "id"), "unknown network " + shown(n.id) + " (the check's answers name itelis, kalixia, santeclair, carte-blanche, seveane)");
            }
            n.name = string(j, "name", p, true);
            if (const json* links = array(j, "links", p, 50)) {
                for (std::size_t k = 0; k < links->size(); ++k) {
                    const json& l = (*links)[k];
                    const std::string lp = child(child(p, "links"), k);
                    NetworkLink link;
                    if (object(l, lp, {"incident", "kind", "text", "sources"}, {})) {
                        link.incident = incident_ref(l, lp);
                        link.kind = string(l, "kind", lp, true, 32);
                        if (field(l, "kind").is_string() && link.kind != "hosted_by_operator" && link.kind != "partner" && link.kind != "note") {
                            error(child(lp, "kind"), "unknown link kind " + shown(link.kind) + " (expected hosted_by_operator, partner or note)");
                        }
                        link.text = local(l, "text", lp);
                        link.sources = sources(l, lp, true);
                    }
                    n.links.push_back(std::move(link));
                }
            }
        }
        ids.push_back(n.id);
        ds.networks.push_back(std::move(n));
    }
    check_unique(ids, "/networks", "network");
}

void Loader::load_scope(const json& j, const std::string& p, Scope& s) {
    if (!object(j, p, {"incident", "status", "text", "sources"},
                {"certainty", "coverage", "networks", "contracts", "extra_exposed", "outside"})) {
        return;
    }
    s.incident = incident_ref(j, p);
    const std::string status = string(j, "status", p, true, 32);
    if (status == "current") s.status = ScopeStatus::current;
    else if (status == "former") s.status = ScopeStatus::former;
    else if (status == "indirect") s.status = ScopeStatus::indirect;
    else if (status == "not_concerned") s.status = ScopeStatus::not_concerned;
    else if (field(j, "status").is_string()) error(child(p, "status"), "unknown status " + shown(status) + " (expected current, former, indirect or not_concerned)");
    if (j.contains("certainty")) {
        const std::string c = string(j, "certainty", p, true, 32);
        if (c == "uncertain") s.uncertain = true;
        else if (c != "stated" && field(j, "certainty").is_string()) error(child(p, "certainty"), "unknown certainty " + shown(c) + " (expected stated or uncertain)");
    }
    s.text = local(j, "text", p);
    s.sources = sources(j, p, true);
    if (j.contains("coverage")) {
        const std::string cp = child(p, "coverage");
        if (object(field(j, "coverage"), cp, {"text", "sources"}, {"from", "to"})) {
            s.has_coverage = true;
            s.coverage.from = date(field(j, "coverage"), "from", cp, false);
            s.coverage.to = date(field(j, "coverage"), "to", cp, false);
            if (s.coverage.from.empty() && s.coverage.to.empty()) error(cp, "coverage needs \"from\" or \"to\"");
            if (!s.coverage.from.empty() && !s.coverage.to.empty() && s.coverage.from > s.coverage.to) error(cp, "coverage \"from\" is after \"to\"");
            s.coverage.text = local(field(j, "coverage"), "text", cp);
            s.coverage.sources = sources(field(j, "coverage"), cp, true);
        }
    }
    s.networks = strings(j, "networks", p, 64);
    for (std::size_t k = 0; k < s.networks.size(); ++k) {
        if (!ds.find_network(s.networks[k])) error(child(child(p, "networks"), k), "unknown network " + shown(s.networks[k]));
    }
    if (j.contains("networks") && field(j, "networks").is_array() && field(j, "networks").empty()) error(child(p, "networks"), "an empty list restricts nothing: remove it");
    s.contracts = strings(j, "contracts", p);
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
            s.outside.sources = sources(field(j, "outside"), op, s.outside.verdict == Verdict::not_affected);
            if (s.outside.verdict == Verdict::not_affected && !s.outside.sources.empty()) {
                const bool strong = std::any_of(s.outside.sources.begin(), s.outside.sources.end(), [&](std::size_t k) {
                    return ds.sources[k].confidence != Confidence::weak;
                });
                if (!strong) error(child(op, "sources"), "\"not_affected\" needs a source stronger than weak");
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

Contact Loader::parse_contact(const json& c, const std::string& cp, bool sourced) {
    Contact contact;
    if (!object(c, cp, sourced ? std::initializer_list<std::string_view>{"kind", "value", "label", "sources"}
                               : std::initializer_list<std::string_view>{"kind", "value", "label"}, {})) {
        return contact;
    }
    contact.kind = string(c, "kind", cp, true, 16);
    if (field(c, "kind").is_string() && contact.kind != "hotline" && contact.kind != "dpo" && contact.kind != "web" && contact.kind != "postal") {
        error(child(cp, "kind"), "unknown contact kind " + shown(contact.kind) + " (expected hotline, dpo, web or postal)");
    }
    contact.value = string(c, "value", cp, true, 500);
    if (contact.kind == "web" && !contact.value.empty() && !valid_url(contact.value)) error(child(cp, "value"), "invalid URL " + shown(contact.value));
    contact.label = local(c, "label", cp, true, max_name);
    if (sourced) contact.sources = sources(c, cp, true);
    return contact;
}

void Loader::load_organizations(const json& root) {
    // Organizations may be many more than the other lists (a dataset for every complémentaire, or
    // synthetic ones for the benchmark): up to 100,000 — within the 16 MiB byte limit, ~120 bytes
    // each at the least. The search index is built for that size (core/search.hpp).
    constexpr std::size_t max_organizations = 100000;
    const json* arr = array(root, "organizations", "", max_organizations);
    if (!arr) return;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& j = (*arr)[i];
        const std::string p = child("/organizations", i);
        Organization o;
        if (object(j, p, {"id", "name", "kind", "aliases", "scopes"}, {"group", "amc", "note", "contacts"})) {
            o.id = id(j, p);
            o.name = string(j, "name", p, true);
            o.kind = string(j, "kind", p, true, 32);
            static const std::set<std::string> kinds = {"mutuelle", "institution_prevoyance", "assureur", "courtier",
                                                        "gestionnaire", "contrat_collectif", "groupe"};
            if (field(j, "kind").is_string() && !kinds.count(o.kind)) error(child(p, "kind"), "unknown organization kind " + shown(o.kind));
            o.group = string(j, "group", p, false);
            o.aliases = strings(j, "aliases", p);
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
            if (const json* contacts = array(j, "contacts", p, 20)) {
                for (std::size_t k = 0; k < contacts->size(); ++k) {
                    o.contacts.push_back(parse_contact((*contacts)[k], child(child(p, "contacts"), k), true));
                }
            }
            if (const json* scopes = array(j, "scopes", p, 20)) {
                for (std::size_t k = 0; k < scopes->size(); ++k) {
                    Scope s;
                    load_scope((*scopes)[k], child(child(p, "scopes"), k), s);
                    o.scopes.push_back(std::move(s));
                }
            }
        }
        ids.push_back(o.id);
        ds.organizations.push_back(std::move(o));
    }
    check_unique(ids, "/organizations", "organization");
    check_alias_collisions();
}

void Loader::check_alias_collisions() {
    // Two organizations answering to the same folded name would make search ambiguous.
    std::unordered_map<std::string, std::pair<std::size_t, std::string>> owner;  // folded → (org, path)
    for (std::size_t i = 0; i < ds.organizations.size(); ++i) {
        const Organization& o = ds.organizations[i];
        const std::string op = child("/organizations", i);
        std::vector<std::pair<std::string, std::string>> names = {{o.name, child(op, "name")}};
        for (std::size_t k = 0; k < o.aliases.size(); ++k) names.emplace_back(o.aliases[k], child(child(op, "aliases"), k));
        std::set<std::string> own;
        for (const auto& [name, path] : names) {
            const std::string folded = text::fold(name);
            if (folded.empty()) {
                if (!name.empty()) error(path, "name has no letter or digit to search on");
                continue;
            }
            if (!own.insert(folded).second) continue;  // the same alias twice in one org is harmless
            const auto [it, inserted] = owner.emplace(folded, std::make_pair(i, path));
            if (!inserted) {
                error(path, "alias " + shown(name) + " collides with " + it->second.second + " of organization " + shown(ds.organizations[it->second.first].id));
            }
        }
    }
}

void Loader::load_questions(const json& root) {
    const json* arr = array(root, "questions", "", 20);
    if (!arr) return;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& j = (*arr)[i];
        const std::string p = child("/questions", i);
        Question q;
        if (object(j, p, {"id", "text", "help", "options"}, {})) {
            q.id = id(j, p);
            if (!q.id.empty() && q.id != "card" && q.id != "covered" && q.id != "network" && q.id != "contract") {
                error(child(p, "id"), "unknown question " + shown(q.id) + " (expected card, covered, network or contract)");
            }
            q.text = local(j, "text", p, true, 500);
            q.help = local(j, "help", p);
            if (const json* opts = array(j, "options", p, 20)) {
                for (std::size_t k = 0; k < opts->size(); ++k) {
                    const json& o = (*opts)[k];
                    const std::string op = child(child(p, "options"), k);
                    Option opt;
                    if (object(o, op, {"id", "label"}, {})) {
                        opt.id = id(o, op);
                        opt.label = local(o, "label", op, true, max_name);
                    }
                    q.options.push_back(std::move(opt));
                }
            }
        }
        ids.push_back(q.id);
        ds.questions.push_back(std::move(q));
    }
    check_unique(ids, "/questions", "question");
    for (const char* needed : {"card", "covered", "network", "contract"}) {
        if (!ds.find_question(needed)) error("/questions", std::string("missing question \"") + needed + "\"");
    }
    // The check only understands these answers: a question offering anything else would
    // produce answers that are then rejected.
    const std::map<std::string, std::vector<std::string>> allowed = {
        {"card", {"viamedis", "almerys", "other", "none", "unknown"}},
        {"covered", {"jan2024", "before2024", "after2024", "unknown"}},
        {"network", network_ids},
        {"contract", {}}};
    for (std::size_t i = 0; i < ds.questions.size(); ++i) {
        const auto it = allowed.find(ds.questions[i].id);
        if (it == allowed.end()) continue;
        for (std::size_t k = 0; k < ds.questions[i].options.size(); ++k) {
            const std::string& oid = ds.questions[i].options[k].id;
            if (std::find(it->second.begin(), it->second.end(), oid) == it->second.end() && !oid.empty()) {
                error(child(child(child("/questions", i), "options"), k), "option " + shown(oid) + " is not an answer the check understands");
            }
        }
    }
}

Action Loader::parse_action(const json& j, const std::string& p) {
    Action a;
    if (object(j, p, {"id", "priority", "title", "text", "links", "when"}, {})) {
        a.id = id(j, p);
        if (!field(j, "priority").is_number_integer()) error(child(p, "priority"), "expected an integer");
        else {
            const std::int64_t pr = field(j, "priority").get<std::int64_t>();
            if (pr < 0 || pr > 10000) error(child(p, "priority"), "priority out of range (0 to 10000)");
            else a.priority = static_cast<int>(pr);
        }
        a.title = local(j, "title", p, true, 500);
        a.text = local(j, "text", p);
        if (const json* links = array(j, "links", p, 20)) {
            for (std::size_t k = 0; k < links->size(); ++k) {
                const json& l = (*links)[k];
                const std::string lp = child(child(p, "links"), k);
                Link link;
                if (object(l, lp, {"url", "label"}, {})) {
                    link.url = string(l, "url", lp, true, 2048);
                    if (field(l, "url").is_string() && !valid_url(link.url)) error(child(lp, "url"), "invalid URL " + shown(link.url));
                    link.label = local(l, "label", lp, true, max_name);
                }
                a.links.push_back(std::move(link));
            }
        }
        const std::string wp = child(p, "when");
        if (object(field(j, "when"), wp, {}, {"verdicts", "classes_any", "roles"})) {
            const std::vector<std::string> verdicts = strings(field(j, "when"), "verdicts", wp, 32);
            for (std::size_t k = 0; k < verdicts.size(); ++k) {
                Verdict v;
                if (parse_verdict(verdicts[k], v)) a.verdicts.push_back(v);
                else error(child(child(wp, "verdicts"), k), "unknown verdict " + shown(verdicts[k]));
            }
            a.classes_any = strings(field(j, "when"), "classes_any", wp, 64);
            for (std::size_t k = 0; k < a.classes_any.size(); ++k) {
                if (!ds.find_class(a.classes_any[k])) error(child(child(wp, "classes_any"), k), "unknown data class " + shown(a.classes_any[k]));
            }
            a.roles = strings(field(j, "when"), "roles", wp, 16);
            for (std::size_t k = 0; k < a.roles.size(); ++k) {
                if (a.roles[k] != "insured" && a.roles[k] != "pro") error(child(child(wp, "roles"), k), "unknown role " + shown(a.roles[k]) + " (expected insured or pro)");
            }
        }
    }
    return a;
}

void Loader::load_actions(const json& root) {
    const json* arr = array(root, "actions", "", 200);
    if (!arr) return;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Action a = parse_action((*arr)[i], child("/actions", i));
        ids.push_back(a.id);
        ds.actions.push_back(std::move(a));
    }
    check_unique(ids, "/actions", "action");
}

// Finds the deepest nesting without recursion, so that "[[[[…" cannot exhaust the stack of
// the parser or of the destructor.
std::size_t nesting_depth(std::string_view s) {
    std::size_t depth = 0, max_depth = 0;
    bool in_string = false, escaped = false;
    for (char c : s) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            max_depth = std::max(max_depth, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return max_depth;
}

// Collects the parser's message for invalid JSON (the DOM parse without exceptions gives none).
struct ErrorFinder : nlohmann::json_sax<json> {
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
        message = ex.what();
        return false;
    }
};

}  // namespace

namespace {

// Parses JSON text within the size and depth limits; returns "" or the error message.
std::string parse_json(std::string_view text, json& root) {
    if (nesting_depth(text) > max_json_depth) return "JSON nested deeper than " + std::to_string(max_json_depth) + " levels";
    root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!root.is_discarded()) return {};
    ErrorFinder finder;
    json::sax_parse(text.begin(), text.end(), &finder, nlohmann::detail::input_format_t::json, /*strict=*/true);
    std::string message = finder.message;
    // "[json.exception.parse_error.101] parse error at line 3, column 5: …" → drop the prefix.
    if (message.rfind("[json.exception.", 0) == 0 && message.find("] ") != std::string::npos) {
        message = message.substr(message.find("] ") + 2);
    }
    // The message quotes the input ("last read: '…'"), which may be anything but UTF-8.
    return message.empty() ? "invalid JSON" : "invalid JSON: " + valid_utf8(message);
}

}  // namespace

LoadResult load_dataset(std::string_view text) {
    LoadResult result;
    if (text.size() > max_dataset_bytes) {
        result.errors.push_back({"", "dataset too large (" + std::to_string(text.size()) + " bytes, at most " + std::to_string(max_dataset_bytes) + ")"});
        return result;
    }
    json root;
    if (std::string message = parse_json(text, root); !message.empty()) {
        result.errors.push_back({"", message});
        return result;
    }
    Loader loader;
    loader.load(root);
    if (!loader.errors.empty()) {
        result.errors = std::move(loader.errors);
        return result;
    }
    loader.ds.sha256 = sha256_hex(text);
    result.dataset = std::make_shared<const Dataset>(std::move(loader.ds));
    return result;
}

double contrast_ratio(std::string_view a, std::string_view b) {
    if (!valid_colour(a) || !valid_colour(b)) return 0;
    auto luminance = [](std::string_view c) {
        auto channel = [&](std::size_t at) {
            const double v = std::stoi(std::string(c.substr(at, 2)), nullptr, 16) / 255.0;
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

LoadResult apply_overlay(const Dataset& base, std::string_view text) {
    LoadResult result;
    if (text.size() > 1024 * 1024) {
        result.errors.push_back({"", "overlay too large (" + std::to_string(text.size()) + " bytes, at most 1048576)"});
        return result;
    }
    json root;
    if (std::string message = parse_json(text, root); !message.empty()) {
        result.errors.push_back({"", message});
        return result;
    }
    Loader loader;
    loader.start_from(base);
    loader.load_overlay(root);
    if (!loader.errors.empty()) {
        result.errors = std::move(loader.errors);
        return result;
    }
    loader.ds.overlay.sha256 = sha256_hex(text);
    result.dataset = std::make_shared<const Dataset>(std::move(loader.ds));
    return result;
}

}  // namespace breachcheck
