// Shared by the libFuzzer targets: the datasets they run on, and the invariants every answer of
// the engine must satisfy (docs/api.md). The engine answers JSON text; the targets parse it with
// nlohmann::json and check it against the dataset model. A broken invariant aborts with its
// context, which libFuzzer reports as a crash and saves as a reproducer.
//
// Two levels of trust in a dataset:
//  - Trust::validated: it came through the strict JSON loader (or is the image of such a
//    dataset). Everything the loader guarantees holds too: every reason cites a source, ids are
//    unique, texts are valid UTF-8; so the truth rules are checked in full.
//  - Trust::image: an image of unknown origin that read_image accepted. read_image promises
//    memory safety and the references the engine relies on (check_model), not the loader's
//    rules: only what the engine's code guarantees whatever the data is checked.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "assess.hpp"
#include "image.hpp"
#include "load.hpp"
#include "text.hpp"
#include "vocab.hpp"

namespace fuzz {

using json = nlohmann::json;
namespace bc = breachcheck;

enum class Trust { image, validated };

inline std::string show(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

[[noreturn]] inline void fail(const char* what, const char* file, int line, const std::string& context) {
    std::fprintf(stderr, "\n*** invariant broken: %s (%s:%d)\n", what, file, line);
    if (!context.empty()) std::fprintf(stderr, "*** context: %.6000s\n", context.c_str());
    std::abort();
}

inline std::string context() { return {}; }
inline std::string context(const std::string& s) { return s; }
inline std::string context(const char* s) { return s; }
inline std::string context(const json& j) { return show(j); }

// FUZZ_CHECK(cond) or FUZZ_CHECK(cond, context): a string or a json value.
#define FUZZ_CHECK(cond, ...)                                                               \
    do {                                                                                    \
        if (!(cond)) ::fuzz::fail(#cond, __FILE__, __LINE__, ::fuzz::context(__VA_ARGS__)); \
    } while (0)

inline std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz: cannot read %s\n", path);
        std::abort();
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::unique_ptr<bc::Engine> engine_from_file(const char* path) {
    bc::LoadOutcome o = bc::load_engine(read_file(path));
    if (!o.engine) {
        std::fprintf(stderr, "fuzz: %s does not load: %s\n", path, o.error_json().c_str());
        std::abort();
    }
    return std::move(o.engine);
}

// The real dataset and the test fixture (JSON), loaded once per process.
inline const bc::Engine& real_engine() {
    static const auto engine = engine_from_file(BREACHCHECK_DATASET);
    return *engine;
}
inline const bc::Engine& fixture_engine() {
    static const auto engine = engine_from_file(BREACHCHECK_FIXTURE);
    return *engine;
}

// The text as the engine's JSON writer shows it (invalid bytes become U+FFFD).
inline std::string shown(std::string_view s) { return bc::text::to_valid_utf8(s); }

// Two answers that must be the same text; when they differ, the context shows where.
inline void same_text(const std::string& a, const std::string& b, const std::string& what, const char* file, int line) {
    if (a == b) return;
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const std::size_t from = i > 120 ? i - 120 : 0;
    fail("the two answers are the same text", file, line,
         what + ": they differ at byte " + std::to_string(i) + "\n  first:  …" + a.substr(from, 400) + "\n  second: …" + b.substr(from, 400));
}
#define FUZZ_SAME(a, b, what) ::fuzz::same_text((a), (b), (what), __FILE__, __LINE__)

// ---- Reading the engine's output --------------------------------------------------------------

// Parses an answer of the engine: valid UTF-8, valid JSON, an object with a boolean "ok", no raw
// "<", ">" or "&" (the writer escapes them, so that the text stays inert pasted into HTML), and,
// unless duplicates are allowed, no key twice in an object.
inline json parse_output(const std::string& text, const std::string& what, bool allow_duplicate_keys = false) {
    FUZZ_CHECK(text.find_first_of("<>&") == std::string::npos, what + ": raw <, > or & in " + text);
    std::vector<std::set<std::string>> keys;
    std::string duplicate;
    const json::parser_callback_t cb = [&](int, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::object_start) keys.emplace_back();
        else if (event == json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
        else if (event == json::parse_event_t::key && !keys.empty() && parsed.is_string()) {
            if (!keys.back().insert(parsed.get<std::string>()).second && duplicate.empty()) duplicate = parsed.get<std::string>();
        }
        return true;
    };
    json j = json::parse(text, cb, /*allow_exceptions=*/false);  // strict: invalid UTF-8 is an error
    FUZZ_CHECK(!j.is_discarded(), what + (bc::text::is_valid_utf8(text) ? ": output is not JSON: " : ": output is not valid UTF-8: ") + text);
    FUZZ_CHECK(allow_duplicate_keys || duplicate.empty(), what + ": key \"" + duplicate + "\" twice in an object: " + text);
    FUZZ_CHECK(j.is_object() && j.contains("ok") && j["ok"].is_boolean(), what + ": " + text);
    return j;
}

inline const json& at(const json& j, const char* key) {
    FUZZ_CHECK(j.is_object() && j.contains(key), std::string("missing \"") + key + "\" in " + show(j));
    return j[key];
}
inline std::string str(const json& j, const char* key) {
    const json& v = at(j, key);
    FUZZ_CHECK(v.is_string(), std::string("\"") + key + "\" is not a string in " + show(j));
    return v.get<std::string>();
}
inline bool boolean(const json& j, const char* key) {
    const json& v = at(j, key);
    FUZZ_CHECK(v.is_boolean(), std::string("\"") + key + "\" is not a boolean in " + show(j));
    return v.get<bool>();
}
inline const json& array(const json& j, const char* key) {
    const json& v = at(j, key);
    FUZZ_CHECK(v.is_array(), std::string("\"") + key + "\" is not an array in " + show(j));
    return v;
}

inline void expect_keys(const json& j, std::initializer_list<const char*> required, std::initializer_list<const char*> optional = {}) {
    FUZZ_CHECK(j.is_object(), j);
    for (const char* k : required) FUZZ_CHECK(j.contains(k), std::string("missing \"") + k + "\" in " + show(j));
    for (auto it = j.begin(); it != j.end(); ++it) {
        const bool known = std::any_of(required.begin(), required.end(), [&](const char* k) { return it.key() == k; }) ||
                           std::any_of(optional.begin(), optional.end(), [&](const char* k) { return it.key() == k; });
        FUZZ_CHECK(known, "undocumented key \"" + it.key() + "\" in " + show(j));
    }
}

// Severity of a verdict id (the Verdict enum is declared in severity order, vocab.hpp).
inline int severity(const json& v) {
    bc::Verdict out{};
    FUZZ_CHECK(v.is_string() && bc::parse_verdict(v.get<std::string>(), out), "not a verdict: " + show(v));
    return static_cast<int>(out);
}
inline int severity(bc::Verdict v) { return static_cast<int>(v); }

// Every id in a "sources" (or "…_sources", as incidents' "exposed_sources") array anywhere in
// `j` (the top-level table itself is an object).
inline bool cites(const std::string& key) {
    const std::string suffix = "_sources";
    return key == "sources" || (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0);
}
inline void cited_sources(const json& j, std::set<std::string>& out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (cites(it.key()) && it->is_array()) {
                for (const json& s : *it) {
                    FUZZ_CHECK(s.is_string(), "a source reference is not an id: " + show(*it));
                    out.insert(s.get<std::string>());
                }
            } else {
                cited_sources(*it, out);
            }
        }
    } else if (j.is_array()) {
        for (const json& x : j) cited_sources(x, out);
    }
}

// Every source cited anywhere in `r` is in r.sources, and the table holds only what is cited.
inline void check_source_table(const json& r) {
    const json& table = at(r, "sources");
    FUZZ_CHECK(table.is_object(), r);
    std::set<std::string> cited;
    for (auto it = r.begin(); it != r.end(); ++it) {
        if (it.key() != "sources") cited_sources(*it, cited);
    }
    for (const std::string& id : cited) FUZZ_CHECK(table.contains(id), "source \"" + id + "\" cited but not in the table: " + show(table));
    for (auto it = table.begin(); it != table.end(); ++it) {
        FUZZ_CHECK(cited.count(it.key()), "source \"" + it.key() + "\" in the table but cited nowhere");
        expect_keys(*it, {"url", "publisher", "date", "accessed", "confidence", "title", "provenance"});
        bc::Confidence c{};
        FUZZ_CHECK(bc::parse_id(bc::confidence_vocab, str(*it, "confidence"), c), *it);
        const std::string p = str(*it, "provenance");
        FUZZ_CHECK(p == "public" || p == "insurer", *it);
    }
}

// An error answer: {"ok": false, "error": {code, message, path?, errors?}}, with a code of
// vocab.hpp's table (never "internal") and, when given, one of `allowed`.
inline void check_error(const json& r, std::initializer_list<const char*> allowed = {}) {
    expect_keys(r, {"ok", "error"});
    FUZZ_CHECK(r["ok"] == false, r);
    const json& e = r["error"];
    expect_keys(e, {"code", "message"}, {"path", "errors"});
    const std::string code = str(e, "code");
    FUZZ_CHECK(code != "internal" && bc::error_code(code) == code, r);
    if (allowed.size()) FUZZ_CHECK(std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return code == a; }), r);
    FUZZ_CHECK(!str(e, "message").empty(), r);
    if (e.contains("path")) {
        const std::string p = str(e, "path");
        FUZZ_CHECK(p.empty() || p[0] == '/', r);
    }
    if (e.contains("errors")) {
        FUZZ_CHECK(e["errors"].is_array(), r);
        for (const json& x : e["errors"]) {
            expect_keys(x, {"path", "message"});
            FUZZ_CHECK(!str(x, "message").empty(), r);
        }
        // "path" is there exactly when there is one error.
        FUZZ_CHECK(e.contains("path") == (e["errors"].size() == 1), r);
    }
}

// ---- The check result -----------------------------------------------------------------------

// What people read for a verdict (vocab.cpp): "headline", "short" or "summary".
inline std::string words(bc::Verdict v, bool en, const char* which) {
    const bc::VerdictWords& w = bc::words_for(v);
    if (std::string_view(which) == "headline") return std::string(en ? w.headline_en : w.headline_fr);
    if (std::string_view(which) == "short") return std::string(en ? w.short_en : w.short_fr);
    return std::string(en ? w.summary_en : w.summary_fr);
}

inline bc::Verdict verdict_of(const json& v) {
    bc::Verdict out{};
    FUZZ_CHECK(v.is_string() && bc::parse_verdict(v.get<std::string>(), out), v);
    return out;
}

inline std::vector<std::string> ids_of(const json& list) {
    std::vector<std::string> out;
    for (const json& x : list) out.push_back(x.is_string() ? x.get<std::string>() : str(x, "id"));
    return out;
}

inline std::vector<std::string> option_ids(const bc::Dataset& ds, const bc::Question& q, const bc::Organization* org) {
    std::vector<std::string> out;
    for (const bc::Option& o : bc::answer_options(ds, q, org)) out.push_back(shown(o.id));
    return out;
}

inline bool contains(const std::vector<std::string>& list, const std::string& v) { return std::find(list.begin(), list.end(), v) != list.end(); }

// The answers the engine took into account (r.answers), by question id.
inline std::map<std::string, std::string> taken_answers(const json& r) {
    std::map<std::string, std::string> out;
    for (const json& a : array(r, "answers")) out[str(a, "question")] = str(a, "value");
    return out;
}

// Verdict rules of core/assess.cpp that can be predicted exactly from the model and the answers
// the result says it used (validated datasets: ids are unique there).
inline void check_rules(const bc::Engine& engine, const json& r) {
    const bc::Dataset& ds = engine.dataset();
    const std::map<std::string, std::string> given = taken_answers(r);
    auto answer = [&](const bc::Question* q) -> std::string {
        if (!q) return std::string(bc::answer_unknown);
        const auto it = given.find(q->id);
        return it == given.end() ? std::string(bc::answer_unknown) : it->second;
    };
    const bool pro = r["role"] == "pro";
    const bool no_org = r["org"].is_null();
    const std::string card = answer(ds.question_of(bc::QuestionKind::card));
    const std::string network = answer(ds.question_of(bc::QuestionKind::network));
    const bc::Option* period = nullptr;
    if (const bc::Question* cq = ds.question_of(bc::QuestionKind::covered)) {
        for (const bc::Option& o : cq->options) {
            if (o.id == answer(cq) && o.has_period) period = &o;
        }
    }
    for (const json& ri : r["incidents"]) {
        const bc::Incident* inc = ds.find_incident(str(ri, "id"));
        FUZZ_CHECK(inc, ri);
        const std::size_t index = static_cast<std::size_t>(inc - ds.incidents.data());
        const bc::Verdict v = verdict_of(ri["verdict"]);
        const std::vector<std::string> exposed = ids_of(ri["exposed"]);
        const std::vector<std::string> not_exposed = ids_of(ri["not_exposed"]);
        const auto what = [&] { return "incident " + inc->id + " in " + show(r); };  // only on failure
        auto minus = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
            std::vector<std::string> out;
            for (const std::string& x : a) {
                if (!contains(b, x)) out.push_back(x);
            }
            return out;
        };
        if (inc->mode == bc::IncidentMode::criteria) {
            // All criteria inside: the cap of the sources (at most likely); the first inside and
            // the others unanswered or partly inside: possible; one outside: does not apply (an answer a
            // criterion does not list counts as unanswered when it lists partial or out answers).
            enum class St { in, partial, out, unknown };
            std::vector<St> st;
            bc::Confidence best = bc::Confidence::weak;
            for (const bc::Criterion& cr : inc->criteria) {
                const std::string a = answer(&ds.questions[cr.question]);
                // Only a criterion that lists nothing but its "in" answers leaves out every other
                // answer; otherwise only its "out" answers are out, and an unlisted one tells nothing.
                const bool only_in = cr.partial.empty() && cr.out.empty();
                st.push_back(a == bc::answer_unknown ? St::unknown
                             : contains(cr.in, a)      ? St::in
                             : contains(cr.partial, a) ? St::partial
                             : (contains(cr.out, a) || only_in) ? St::out
                                                                 : St::unknown);
                for (std::size_t k : cr.sources) best = std::max(best, ds.sources[k].confidence);
            }
            const bc::Verdict cap = std::min(best == bc::Confidence::own_statement ? bc::Verdict::affected
                                             : best == bc::Confidence::press       ? bc::Verdict::likely
                                                                                   : bc::Verdict::possible,
                                             bc::Verdict::likely);
            const bool any_out = std::count(st.begin(), st.end(), St::out) > 0;
            const bool all_in = std::all_of(st.begin(), st.end(), [](St s) { return s == St::in; });
            const bool all_inside = std::all_of(st.begin(), st.end(), [](St s) { return s == St::in || s == St::partial; });
            const bool first_inside = !st.empty() && (st[0] == St::in || st[0] == St::partial);
            const bc::Verdict want = any_out ? bc::Verdict::unknown
                                     : all_in ? cap
                                     : (all_inside || first_inside) ? std::min(cap, bc::Verdict::possible)
                                                                    : bc::Verdict::unknown;
            FUZZ_CHECK(boolean(ri, "applies") == !any_out, what());
            FUZZ_CHECK(v == want, "criteria verdict should be " + std::string(bc::to_string(want)) + ": " + what());
            FUZZ_CHECK(exposed == inc->exposed.classes, what());
            FUZZ_CHECK(not_exposed == minus(inc->not_exposed.classes, inc->exposed.classes), what());
            continue;
        }
        const bc::Operator& op = ds.operators[inc->operator_index];
        if (pro) {
            const bc::Verdict want = card == op.id ? bc::Verdict::likely : card == bc::answer_unknown ? bc::Verdict::possible : bc::Verdict::unknown;
            FUZZ_CHECK(v == want, "professional's verdict should be " + std::string(bc::to_string(want)) + ": " + what());
            FUZZ_CHECK(exposed == inc->pro.exposed.classes && not_exposed.empty(), what());
            continue;
        }
        // Rule 2: cover that began after the attack window.
        if (period && !period->period.from.empty() && bc::day_of(period->period.from, false) > inc->attack_window.end) {
            FUZZ_CHECK(v == bc::Verdict::not_affected, "joined after the attack, so not_affected: " + what());
            FUZZ_CHECK(exposed.empty() && not_exposed == inc->not_exposed.classes, what());
            continue;
        }
        // Rule 5: a card naming the operator.
        if (card == op.id) FUZZ_CHECK(v == bc::Verdict::likely || v == bc::Verdict::affected, "the card names the operator: " + what());
        bool has_scope = false;
        if (!no_org) {
            const bc::Organization* org = ds.find_org(str(r["org"], "id"));
            FUZZ_CHECK(org, r);
            for (const bc::Scope& s : org->scopes) has_scope = has_scope || s.incident == index;
        }
        if (!has_scope) {
            // No statement (or no insurer): only the card (likely) or a network linked to the
            // operator (possible) says something.
            bool linked = false;
            if (const bc::Network* n = ds.find_network(network)) {
                for (const bc::NetworkLink& l : n->links) linked = linked || (l.incident == index && l.kind != bc::LinkKind::note);
            }
            const bc::Verdict want = card == op.id ? bc::Verdict::likely : linked ? bc::Verdict::possible : bc::Verdict::unknown;
            FUZZ_CHECK(v == want, "without a statement the verdict should be " + std::string(bc::to_string(want)) + ": " + what());
            FUZZ_CHECK(exposed == inc->exposed.classes, what());
            FUZZ_CHECK(not_exposed == minus(inc->not_exposed.classes, inc->exposed.classes), what());
        }
    }
}

// The invariants of a successful check result (docs/api.md, "The check result"), whatever the
// answers were.
inline void check_result(const bc::Engine& engine, const json& r, Trust trust = Trust::validated) {
    const bc::Dataset& ds = engine.dataset();
    const bool validated = trust == Trust::validated;
    expect_keys(r, {"ok", "dataset", "role", "lang", "org", "overall", "words", "provisional", "answers", "incidents", "exposure",
                    "questions", "plan", "timeline", "related", "glossary", "report", "overlay", "sources"},
                {"match", "contract_match"});
    FUZZ_CHECK(r["ok"] == true, r);
    expect_keys(r["dataset"], {"version", "source_sha256"});
    FUZZ_CHECK(r["dataset"]["version"] == shown(ds.dataset_version) && r["dataset"]["source_sha256"] == shown(ds.source_sha256), r["dataset"]);
    const std::string role = str(r, "role"), lang = str(r, "lang");
    FUZZ_CHECK(role == "insured" || role == "pro", r);
    FUZZ_CHECK(lang == "fr" || lang == "en", r);
    const bool pro = role == "pro", en = lang == "en";

    // org: null, or an organization of the dataset; never for a professional.
    const bc::Organization* org = nullptr;
    if (!r["org"].is_null()) {
        expect_keys(r["org"], {"id", "name", "detail", "kind", "note", "contacts"});
        org = ds.find_org(str(r["org"], "id"));
        FUZZ_CHECK(org || !validated, r["org"]);
        FUZZ_CHECK(!pro, r);
        if (org && validated) FUZZ_CHECK(r["org"]["name"] == org->name, r["org"]);
    }

    // incidents: the assessed incidents of this role, in dataset order.
    std::vector<const bc::Incident*> expected;
    for (const bc::Incident& inc : ds.incidents) {
        if (inc.kind != bc::IncidentKind::assessed) continue;
        if (pro && (inc.mode != bc::IncidentMode::insurer_operator || !inc.has_pro)) continue;
        expected.push_back(&inc);
    }
    const json& incidents = array(r, "incidents");
    FUZZ_CHECK(incidents.size() == expected.size(), r);
    const json& table = at(r, "sources");
    int worst = -1;
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        const json& inc = incidents[i];
        const bc::Incident& model = *expected[i];
        expect_keys(inc, {"id", "mode", "operator", "operator_name", "short_name", "name", "applies", "verdict", "verdict_label", "reasons",
                          "exposed", "not_exposed"});
        FUZZ_CHECK(inc["id"] == shown(model.id), inc);
        const bool criteria = model.mode == bc::IncidentMode::criteria;
        FUZZ_CHECK(inc["mode"] == (criteria ? "criteria" : "insurer_operator"), inc);
        if (criteria) FUZZ_CHECK(inc["operator"].is_null() && inc["operator_name"] == "", inc);
        else FUZZ_CHECK(inc["operator"] == shown(ds.operators[model.operator_index].id), inc);
        FUZZ_CHECK(!str(inc, "short_name").empty() || !validated, inc);
        const bool applies = boolean(inc, "applies");
        FUZZ_CHECK(applies || criteria, "only a criteria incident can be placed outside: " + show(inc));
        const bc::Verdict v = verdict_of(inc["verdict"]);
        FUZZ_CHECK(inc["verdict_label"] == words(v, en, "short"), inc);
        if (applies) worst = std::max(worst, severity(v));
        // Truth rules (core/assess.cpp, core/audit.cpp).
        if (criteria) FUZZ_CHECK(v != bc::Verdict::not_affected, "a criteria incident is never not_affected: " + show(inc));
        if (pro) FUZZ_CHECK(v != bc::Verdict::not_affected, "a professional is never ruled out: " + show(inc));
        const json& reasons = array(inc, "reasons");
        FUZZ_CHECK(!reasons.empty(), "a verdict without a reason: " + show(inc));
        bool stated = false, outside = false, dated = false, sourced = false;
        for (const json& reason : reasons) {
            expect_keys(reason, {"kind", "text", "sources", "provenance"});
            bc::ReasonKind kind{};
            FUZZ_CHECK(bc::parse_id(bc::reason_kind_vocab, str(reason, "kind"), kind), reason);
            (void)str(reason, "text");
            const json& srcs = array(reason, "sources");
            bool insurer = false, own = false;
            for (const json& s : srcs) {
                FUZZ_CHECK(s.is_string() && table.contains(s.get<std::string>()), "a reason cites a source missing from the table: " + show(reason));
                const json& row = table[s.get<std::string>()];
                insurer = insurer || row["provenance"] == "insurer";
                own = own || row["confidence"] == "own_statement";
            }
            FUZZ_CHECK(reason["provenance"] == (insurer ? "insurer" : "public"), reason);
            if (validated) FUZZ_CHECK(!srcs.empty(), "every reason cites a source: " + show(inc));
            sourced = sourced || !srcs.empty();
            stated = stated || (kind == bc::ReasonKind::statement && own);
            outside = outside || (kind == bc::ReasonKind::outside && own);
            dated = dated || (kind == bc::ReasonKind::joined_after && !srcs.empty());
        }
        if (v == bc::Verdict::not_affected) {
            // Never "not affected" without an own statement or the person's own dates, and then
            // nothing exposed.
            if (validated) FUZZ_CHECK(sourced && (stated || outside || dated), "not_affected without a sourced own statement or dates: " + show(inc));
            FUZZ_CHECK(inc["exposed"].empty(), inc);
        }
        if (v == bc::Verdict::affected) FUZZ_CHECK(stated, "affected without the organization's own statement: " + show(inc));
        // A class is never both exposed and not exposed.
        const std::vector<std::string> exposed = ids_of(array(inc, "exposed")), not_exposed = ids_of(array(inc, "not_exposed"));
        for (const std::string& c : exposed) FUZZ_CHECK(!contains(not_exposed, c), inc);
        for (const json& c : inc["exposed"]) expect_keys(c, {"id", "label"}, {"gloss"});
        for (const json& c : inc["not_exposed"]) expect_keys(c, {"id", "label"}, {"gloss"});
    }
    // overall: the most severe verdict among the incidents that apply; unknown when none does.
    const bc::Verdict overall = verdict_of(r["overall"]);
    FUZZ_CHECK(severity(overall) == (worst < 0 ? severity(bc::Verdict::unknown) : worst), r);
    expect_keys(r["words"], {"headline", "short", "summary"});
    for (const char* w : {"headline", "short", "summary"}) FUZZ_CHECK(r["words"][w] == words(overall, en, w), r["words"]);

    // exposure, recomputed from the incidents listed above (core/assess.cpp, exposure_of).
    const json& exposure = at(r, "exposure");
    expect_keys(exposure, {"hypothetical", "applies", "exposed", "not_exposed"});
    std::vector<std::size_t> applies;
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        if (incidents[i]["applies"] == true && severity(incidents[i]["verdict"]) >= severity(bc::Verdict::possible)) applies.push_back(i);
    }
    const bool hypothetical = applies.empty();
    if (hypothetical) {
        for (std::size_t i = 0; i < incidents.size(); ++i) {
            if (incidents[i]["applies"] == true && incidents[i]["verdict"] == "unknown") applies.push_back(i);
        }
    }
    FUZZ_CHECK(exposure["hypothetical"] == hypothetical, exposure);
    std::vector<std::string> applies_ids;
    for (std::size_t i : applies) applies_ids.push_back(incidents[i]["id"].get<std::string>());
    FUZZ_CHECK(ids_of(array(exposure, "applies")) == applies_ids, exposure);
    auto open_exposes = [&](const std::string& id) {
        for (const json& inc : incidents) {
            if (inc["applies"] == true && inc["verdict"] != "not_affected" && contains(ids_of(inc["exposed"]), id)) return true;
        }
        return false;
    };
    for (const bool leaked : {true, false}) {
        std::vector<std::pair<std::string, std::vector<std::size_t>>> want;
        for (std::size_t i : applies) {
            for (const std::string& id : ids_of(incidents[i][leaked ? "exposed" : "not_exposed"])) {
                if (!leaked && open_exposes(id)) continue;
                auto it = std::find_if(want.begin(), want.end(), [&](const auto& x) { return x.first == id; });
                if (it == want.end()) want.push_back({id, {i}});
                else it->second.push_back(i);
            }
        }
        const json& got = array(exposure, leaked ? "exposed" : "not_exposed");
        FUZZ_CHECK(got.size() == want.size(), std::string(leaked ? "exposed" : "not_exposed") + " differs from the incidents': " + show(r));
        for (std::size_t k = 0; k < got.size(); ++k) {
            const json& item = got[k];
            expect_keys(item, {"id", "label", "partial", "incidents", "by"}, {"gloss"});
            FUZZ_CHECK(item["id"] == want[k].first, exposure);
            std::vector<std::string> from;
            for (std::size_t i : want[k].second) from.push_back(incidents[i]["id"].get<std::string>());
            FUZZ_CHECK(ids_of(item["incidents"]) == from, exposure);
            FUZZ_CHECK(array(item, "by").size() == from.size(), exposure);
            FUZZ_CHECK(item["partial"] == (applies.size() > 1 && from.size() < applies.size()), exposure);
            // "Did not leak" never lists a class that an open incident may have leaked.
            if (!leaked) FUZZ_CHECK(!open_exposes(item["id"].get<std::string>()), "listed as not leaked while an open incident leaked it: " + show(r));
        }
    }

    // answers: in question order, never "unknown", each among the question's options.
    const json& answers = array(r, "answers");
    std::vector<std::string> answered;
    {
        std::size_t at_q = 0;
        for (const json& a : answers) {
            expect_keys(a, {"question", "text", "value", "label"});
            FUZZ_CHECK(a["value"] != "unknown", a);
            while (at_q < ds.questions.size() && shown(ds.questions[at_q].id) != a["question"]) ++at_q;
            FUZZ_CHECK(at_q < ds.questions.size() || !validated, "answers not in question order: " + show(answers));
            if (at_q < ds.questions.size() && validated) {
                FUZZ_CHECK(contains(option_ids(ds, ds.questions[at_q], org), str(a, "value")), "an answer that is not an option: " + show(a));
                ++at_q;
            }
            answered.push_back(str(a, "question"));
        }
    }

    // questions: open ones only, ranked (changes_overall, then outcomes); provisional exactly
    // when one changes overall.
    bool any_changes = false;
    const json& questions = array(r, "questions");
    std::vector<std::string> asked;
    for (std::size_t k = 0; k < questions.size(); ++k) {
        const json& q = questions[k];
        expect_keys(q, {"id", "kind", "text", "help", "options", "changes_overall", "outcomes"});
        const std::string id = str(q, "id");
        FUZZ_CHECK(!contains(answered, id), "an answered question is asked again: " + show(r));
        FUZZ_CHECK(!contains(asked, id) || !validated, questions);
        asked.push_back(id);
        const bc::Question* model = ds.find_question(id);
        FUZZ_CHECK(model || !validated, q);
        if (model && validated) {
            FUZZ_CHECK(q["kind"] == bc::id_of(bc::question_kind_vocab, model->kind), q);
            FUZZ_CHECK(ids_of(q["options"]) == option_ids(ds, *model, org), q);
            if (model->kind == bc::QuestionKind::contract) FUZZ_CHECK(org != nullptr, "contract asked without an organization: " + show(r));
        }
        if (pro) FUZZ_CHECK(q["kind"] == "card", "a professional is asked the card question only: " + show(questions));
        const bool changes = boolean(q, "changes_overall");
        FUZZ_CHECK(q["outcomes"].is_number_integer(), q);
        const int outcomes = q["outcomes"].get<int>();
        FUZZ_CHECK(outcomes >= 1 && (outcomes >= 2) == changes, q);
        any_changes = any_changes || changes;
        if (k > 0) {
            const json& p = questions[k - 1];
            const bool ordered = p["changes_overall"] == true ? true : !changes;
            FUZZ_CHECK(ordered && (p["changes_overall"] != q["changes_overall"] || p["outcomes"].get<int>() >= outcomes),
                       "questions not ranked by changes_overall then outcomes: " + show(questions));
        }
    }
    FUZZ_CHECK(boolean(r, "provisional") == any_changes, r);

    // plan: at most three first steps, each action once, tiers as placed.
    const json& plan = at(r, "plan");
    expect_keys(plan, {"first", "more", "emergency"});
    FUZZ_CHECK(array(plan, "first").size() <= bc::max_first_steps, plan);
    std::vector<std::string> acted;
    auto action = [&](const json& a, const char* tier) {
        expect_keys(a, {"id", "tier", "title", "text", "why", "points", "links", "sources", "provenance"});
        FUZZ_CHECK(a["tier"] == tier, a);
        FUZZ_CHECK(!contains(acted, str(a, "id")) || !validated, plan);
        acted.push_back(str(a, "id"));
        if (!validated) return;
        const auto m = std::find_if(ds.actions.begin(), ds.actions.end(), [&](const bc::Action& x) { return x.id == a["id"]; });
        FUZZ_CHECK(m != ds.actions.end(), a);
        if (std::string_view(tier) == "first") FUZZ_CHECK(std::count(m->first_for.begin(), m->first_for.end(), overall) > 0, a);
        FUZZ_CHECK(m->emergency == (std::string_view(tier) == "emergency"), a);
    };
    for (const json& a : plan["first"]) action(a, "first");
    for (const json& a : array(plan, "more")) action(a, "more");
    if (!plan["emergency"].is_null()) action(plan["emergency"], "emergency");

    // timeline: dated facts of the incidents in exposure.applies, oldest first.
    std::string last;
    for (const json& f : array(r, "timeline")) {
        expect_keys(f, {"incident", "id", "kind", "date", "text", "sources"});
        FUZZ_CHECK(f["kind"] == "timeline" && !str(f, "date").empty() && contains(applies_ids, str(f, "incident")), f);
        const std::string day = bc::day_of(str(f, "date"), false);
        FUZZ_CHECK(day >= last, "timeline not oldest first: " + show(r["timeline"]));
        last = day;
    }
    // related: the informational incidents, for everyone.
    std::vector<std::string> informational;
    for (const bc::Incident& inc : ds.incidents) {
        if (inc.kind == bc::IncidentKind::informational) informational.push_back(shown(inc.id));
    }
    FUZZ_CHECK(ids_of(array(r, "related")) == informational, r["related"]);
    for (const json& g : array(r, "glossary")) {
        expect_keys(g, {"id", "term", "text"});
        FUZZ_CHECK(ds.find_term(str(g, "id")) || !validated, g);
    }

    // report: ids only, never anything typed.
    const json& report = at(r, "report");
    expect_keys(report, {"email", "url", "subject", "body"});
    const std::string org_id = org ? shown(org->id) : r["org"].is_null() ? std::string("-") : str(r["org"], "id");
    FUZZ_CHECK(report["subject"] == "breachcheck " + shown(ds.dataset_version) + ": " + org_id, report);
    if (validated) {
        const std::string body = str(report, "body");
        const std::string head = "dataset: " + ds.dataset_version + "\nsha256: " + ds.source_sha256 + "\norganization: " + org_id + "\n";
        FUZZ_CHECK(body.compare(0, head.size(), head) == 0, report);
        std::set<std::string> ids = {"insured", "pro"};
        for (const bc::Organization& x : ds.organizations) ids.insert(x.id);
        for (const auto& v : bc::verdict_vocab) ids.insert(std::string(v.id));
        for (const bc::Operator& x : ds.operators) ids.insert(x.id);
        for (const bc::Network& x : ds.networks) ids.insert(x.id);
        for (const bc::Umbrella& x : ds.umbrellas) ids.insert(x.id);
        for (const bc::Question& q : ds.questions) {
            for (const std::string& o : option_ids(ds, q, org)) ids.insert(o);
        }
        std::istringstream lines(body.substr(head.size()));
        for (std::string line; std::getline(lines, line);) {
            const std::size_t colon = line.find(": ");
            FUZZ_CHECK(colon != std::string::npos, report);
            const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
            const bool known_key = key == "name picked" || key == "umbrella" || key == "role" || ds.find_question(key) ||
                                   (key.rfind("verdict ", 0) == 0 && ds.find_incident(key.substr(8)));
            FUZZ_CHECK(known_key && ids.count(value), "the report holds something that is not an id: " + line + " in " + show(report));
        }
    }
    FUZZ_CHECK(r["overlay"].is_null() == !ds.overlay.present, r["overlay"]);

    // match: present when a name was understood (query, or the id of another kind of entry).
    if (r.contains("match")) {
        const json& m = r["match"];
        const bool picked = !at(m, "kind").is_null();
        if (picked) {
            expect_keys(m, {"query", "dont_know", "ambiguous", "kind", "id", "name", "alias", "score", "alias_kind", "about", "candidates"});
            FUZZ_CHECK(m["ambiguous"] == false && m["dont_know"] == false && m["candidates"].empty(), m);
            FUZZ_CHECK(m["score"].is_number() && m["score"].get<double>() >= bc::Engine::query_pick_score - 0.0005 && m["score"].get<double>() <= 1, m);
            if (m["kind"] == "organization" && !pro) FUZZ_CHECK(r["org"].is_object() && r["org"]["id"] == m["id"], r);
            FUZZ_CHECK(m["kind"] != "umbrella", "an umbrella name never picks: " + show(m));
        } else {
            expect_keys(m, {"query", "dont_know", "ambiguous", "kind", "id", "umbrella", "candidates"});
            FUZZ_CHECK(m["id"].is_null(), m);
            if (m["dont_know"] == true) FUZZ_CHECK(m["ambiguous"] == false && m["candidates"].empty(), m);
            if (m["ambiguous"] == false) FUZZ_CHECK(m["candidates"].empty() && m["umbrella"].is_null(), m);
            if (m["ambiguous"] == true && m["umbrella"].is_null()) FUZZ_CHECK(!m["candidates"].empty(), m);
            if (!pro && !ds.overlay.present) FUZZ_CHECK(r["org"].is_null(), "an organization without a picked name: " + show(r));
        }
        FUZZ_CHECK(str(m, "query").size() <= bc::text::max_query_bytes, m);
        FUZZ_CHECK(array(m, "candidates").size() <= 64, m);
    }
    if (r.contains("contract_match")) {
        const json& c = r["contract_match"];
        expect_keys(c, {"text", "understood_as"});
        FUZZ_CHECK(str(c, "text").size() <= bc::text::max_contract_bytes, c);
        const std::string u = str(c, "understood_as");
        if (const bc::Question* q = ds.question_of(bc::QuestionKind::contract); q && validated) {
            FUZZ_CHECK(contains(option_ids(ds, *q, org), u), c);
            FUZZ_CHECK(u == "unknown" || u == "other" || org, c);  // without an insurer, typed text is unknown
        }
    }
    check_source_table(r);
    if (validated) check_rules(engine, r);
}

// check(answers) on the engine, parsed; `answers` is a JSON object.
inline json check(const bc::Engine& engine, const json& answers, Trust trust = Trust::validated) {
    const std::string text = answers.dump(-1, ' ', false, json::error_handler_t::replace);
    const json r = parse_output(engine.check(text), "check(" + text + ")", trust == Trust::image);
    if (r["ok"] == true) check_result(engine, r, trust);
    else check_error(r, {"invalid_answers", "unknown_org", "org_locked", "input_too_large"});
    return r;
}

// The other calls of the engine, on a dataset just loaded: info, list, incidents, questions and
// search answer, and keep their shapes.
inline void check_other_calls(const bc::Engine& engine, Trust trust) {
    const bc::Dataset& ds = engine.dataset();
    const bool dup = trust == Trust::image;
    for (const char* lang : {"fr", "en"}) {
        const json info = parse_output(engine.info(lang), "info", dup);
        FUZZ_CHECK(info["ok"] == true, info);
        FUZZ_CHECK(info["sha256"] == engine.sha256() && info["source_sha256"] == shown(ds.source_sha256), info);
        FUZZ_CHECK(info["organizations"] == ds.organizations.size() && info["sources"] == ds.sources.size(), info);
        const json& verdicts = array(info, "verdicts");
        FUZZ_CHECK(verdicts.size() == 5, info);
        for (std::size_t i = 0; i + 1 < verdicts.size(); ++i) FUZZ_CHECK(severity(verdicts[i]["id"]) > severity(verdicts[i + 1]["id"]), verdicts);
        if (trust == Trust::validated) {
            const json& answers = at(info, "answers");
            FUZZ_CHECK(answers.size() == ds.questions.size(), answers);
            for (const bc::Question& q : ds.questions) {
                FUZZ_CHECK(answers.contains(q.id) && ids_of(answers[q.id]) == option_ids(ds, q, nullptr), answers);
                FUZZ_CHECK(contains(ids_of(answers[q.id]), "unknown"), "every question accepts unknown: " + show(answers));
            }
        }
        if (std::string_view(lang) == "fr") {  // the largest answer: once
            const json inc = parse_output(engine.incidents(lang), "incidents", dup);
            FUZZ_CHECK(inc["ok"] == true && array(inc, "incidents").size() == ds.incidents.size(), inc);
            check_source_table(inc);
        }
        const json qs = parse_output(engine.questions(lang, ""), "questions", dup);
        FUZZ_CHECK(qs["ok"] == true && array(qs, "questions").size() == ds.questions.size(), qs);
    }
    check_error(parse_output(engine.info("de"), "info(de)"), {"invalid_answers"});
    check_error(parse_output(engine.incidents(""), "incidents()"), {"invalid_answers"});
    if (!ds.find_org("no-such-organization")) {
        check_error(parse_output(engine.questions("fr", "no-such-organization"), "questions"), {"unknown_org"});
    }
    const json list = parse_output(engine.list(), "list", dup);
    FUZZ_CHECK(list["ok"] == true && array(list, "organizations").size() == ds.organizations.size(), list);
    FUZZ_CHECK(array(list, "operators").size() == ds.operators.size() && array(list, "networks").size() == ds.networks.size() &&
                   array(list, "umbrellas").size() == ds.umbrellas.size(),
               list);
}

}  // namespace fuzz
