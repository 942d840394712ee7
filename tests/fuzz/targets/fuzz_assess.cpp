// Target (d): the assessment with structured answers. The fuzz bytes choose valid answers: an
// organization by id or by one of its names typed as a query (or another kind of entry by id, or
// free text), the role, the language, and for every question one of the ids it accepts (from
// info().answers, or questions(lang, org) for the organization's contracts), or a contract typed
// as text. So every call must succeed, keep the invariants of common.hpp (the truth rules
// included), and answer the way docs/api.md says about names, ids and open questions.
//
// Input layout (missing bytes read as 0):
//   byte 0  flags: bit 0 dataset (real / test fixture); bits 1-2 insurer given as none / "org" id
//           / "query" = one of its names / "query" = the free text; bit 3 role pro; bit 4 lang en;
//           bit 5 contract typed as the free text; bit 6 write the "unknown" answers explicitly
//           (and check that it changes nothing); bit 7 with "org": the id of an operator, network
//           or umbrella instead of an organization
//   byte 1  organization (or entry) index    byte 2  name index (its name, then its aliases)
//   bytes 3-10  one per question: the index of its answer
//   bytes 11…   free text
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common.hpp"

using namespace breachcheck;
using fuzz::json;

namespace {

constexpr std::size_t question_bytes = 8;
constexpr std::size_t tail_at = 3 + question_bytes;

// Option ids per question: info(lang).answers without an organization, questions(lang, org) with
// one; parsed once per engine and organization.
using Options = std::map<std::string, std::vector<std::string>>;

const Options& options_for(const Engine& engine, const Organization* org) {
    static std::map<std::pair<const Engine*, const Organization*>, Options> cache;
    auto [it, added] = cache.try_emplace({&engine, org});
    if (!added) return it->second;
    if (!org) {
        const json info = fuzz::parse_output(engine.info("fr"), "info");
        for (auto q = info["answers"].begin(); q != info["answers"].end(); ++q) it->second[q.key()] = fuzz::ids_of(*q);
    } else {
        const json qs = fuzz::parse_output(engine.questions("en", org->id), "questions");
        FUZZ_CHECK(qs["ok"] == true, qs);
        for (const json& q : qs["questions"]) it->second[q["id"].get<std::string>()] = fuzz::ids_of(q["options"]);
        // questions(lang, org) offers what info() lists, plus the organization's contracts.
        const Options& base = options_for(engine, nullptr);
        for (const auto& [id, ids] : base) {
            for (const std::string& o : ids) FUZZ_CHECK(fuzz::contains(it->second[id], o), id + "=" + o);
        }
    }
    return it->second;
}

struct Outcome {
    Verdict overall;
    std::vector<std::string> verdicts;
};

Outcome outcome_of(const Engine& engine, const json& answers) {
    const json r = fuzz::parse_output(engine.check(answers.dump()), "check");
    FUZZ_CHECK(r["ok"] == true, answers.dump() + " → " + fuzz::show(r));
    Outcome o{fuzz::verdict_of(r["overall"]), {}};
    for (const json& inc : r["incidents"]) o.verdicts.push_back(inc["verdict"].get<std::string>() + (inc["applies"] == true ? "" : " (n/a)"));
    return o;
}

// The same through the core's assessment, from the answers the result says it took: what
// check(answers + one more) gives, without writing and parsing a whole result for each.
Outcome outcome_of(const Dataset& ds, const Answers& a) {
    Outcome o{Verdict::unknown, {}};
    bool any = false;
    Verdict worst = Verdict::not_affected;
    for (const IncidentResult& x : assess_incidents(ds, a)) {
        o.verdicts.push_back(std::string(to_string(x.verdict)) + (x.applies ? "" : " (n/a)"));
        if (x.applies) worst = std::max(worst, x.verdict), any = true;
    }
    if (any) o.overall = worst;
    return o;
}

// The open questions, answered one option at a time: a question is listed exactly when an answer
// changes some incident's verdict (core/assess.cpp), its changes_overall and outcomes are what
// those answers give, and (docs/api.md) provisional is true whenever an open question could still
// change the overall verdict. One of those answers (chosen by `pick`) also goes through check()
// itself, which must agree.
void check_questions(const Engine& engine, const json& answers, const json& r, unsigned pick) {
    const Dataset& ds = engine.dataset();
    const Organization* org = r["org"].is_null() ? nullptr : ds.find_org(r["org"]["id"].get<std::string>());
    const std::map<std::string, std::string> taken = fuzz::taken_answers(r);
    Answers base;
    base.org = org;
    base.role = r["role"] == "pro" ? Role::pro : Role::insured;
    base.given = taken;
    const Verdict overall = fuzz::verdict_of(r["overall"]);
    std::vector<std::string> now;
    for (const json& inc : r["incidents"]) now.push_back(inc["verdict"].get<std::string>() + (inc["applies"] == true ? "" : " (n/a)"));
    FUZZ_CHECK(outcome_of(ds, base).verdicts == now && outcome_of(ds, base).overall == overall, "the result is not the assessment of its own answers: " + fuzz::show(r));
    std::size_t tried = 0;
    for (const Question& q : ds.questions) {
        if (taken.count(q.id)) continue;
        if (r["role"] == "pro" && q.kind != QuestionKind::card) continue;
        if (q.kind == QuestionKind::contract && !org) continue;
        bool changes_verdict = false, changes_overall = false;
        std::vector<Verdict> seen = {overall};
        std::string how;
        for (const std::string& opt : fuzz::option_ids(ds, q, org)) {
            if (opt == answer_unknown) continue;
            Answers more = base;
            more.given[q.id] = opt;
            const Outcome o = outcome_of(ds, more);
            if (tried++ == pick) {
                json doc = answers;
                doc[q.id] = opt;
                const Outcome c = outcome_of(engine, doc);
                FUZZ_CHECK(c.verdicts == o.verdicts && c.overall == o.overall, "check(" + doc.dump() + ") is not the assessment of its answers");
            }
            FUZZ_CHECK(o.verdicts.size() == now.size());
            changes_verdict = changes_verdict || o.verdicts != now;
            if (o.overall != overall && how.empty()) how = q.id + "=" + opt + " gives " + std::string(to_string(o.overall));
            changes_overall = changes_overall || o.overall != overall;
            if (std::find(seen.begin(), seen.end(), o.overall) == seen.end()) seen.push_back(o.overall);
        }
        const json* listed = nullptr;
        for (const json& x : r["questions"]) {
            if (x["id"] == q.id) listed = &x;
        }
        const auto what = [&] { return "question " + q.id + " for " + answers.dump() + " (overall " + std::string(to_string(overall)) + ")"; };
        FUZZ_CHECK((listed != nullptr) == changes_verdict, what() + ": listed exactly when an answer changes a verdict: " + fuzz::show(r["questions"]));
        if (listed) {
            FUZZ_CHECK((*listed)["changes_overall"] == changes_overall, what() + ": " + fuzz::show(*listed));
            FUZZ_CHECK((*listed)["outcomes"] == seen.size(), what() + ": " + fuzz::show(*listed));
        }
        FUZZ_CHECK(!changes_overall || listed, what() + ": " + how + ", yet the question is not asked: " + fuzz::show(r["questions"]));
        FUZZ_CHECK(!changes_overall || r["provisional"] == true,
                   what() + ": " + how + ", yet provisional is false and the question is " + (listed ? "listed" : "not asked"));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto at = [&](std::size_t i) -> unsigned { return i < size ? data[i] : 0u; };
    const unsigned flags = at(0);
    const Engine& engine = (flags & 1) ? fuzz::fixture_engine() : fuzz::real_engine();
    const Dataset& ds = engine.dataset();
    const std::string tail = size > tail_at ? std::string(reinterpret_cast<const char*>(data) + tail_at, size - tail_at) : std::string();
    const unsigned org_mode = (flags >> 1) & 3;
    const bool pro = flags & 8, en = flags & 16, typed_contract = flags & 32, explicit_unknown = flags & 64, other_entry = flags & 128;
    const std::string lang = en ? "en" : "fr";

    json answers = json::object();
    const Organization& org = ds.organizations[at(1) % ds.organizations.size()];
    const Organization* chosen = nullptr;  // the organization the answers name
    std::string entry_kind, entry_id;      // another kind of entry given by id
    if (org_mode == 1 && other_entry) {
        std::vector<std::pair<std::string, std::string>> entries;
        for (const Operator& x : ds.operators) entries.push_back({"operator", x.id});
        for (const Network& x : ds.networks) entries.push_back({"network", x.id});
        for (const Umbrella& x : ds.umbrellas) entries.push_back({"umbrella", x.id});
        std::tie(entry_kind, entry_id) = entries[at(1) % entries.size()];
        answers["org"] = entry_id;
    } else if (org_mode == 1) {
        answers["org"] = org.id;
        chosen = &org;
    } else if (org_mode == 2) {
        std::vector<std::string> names = {org.name};
        for (const Alias& a : org.aliases) names.push_back(a.name);
        answers["query"] = names[at(2) % names.size()];
        chosen = &org;
    } else if (org_mode == 3) {
        answers["query"] = fuzz::shown(tail);
    }
    if (pro || explicit_unknown) answers["role"] = pro ? "pro" : "insured";
    if (en || explicit_unknown) answers["lang"] = lang;

    // One answer per question, among those it accepts.
    const Options& accepted = options_for(engine, chosen);
    std::map<std::string, std::string> given;  // the answers other than unknown
    for (std::size_t k = 0; k < ds.questions.size(); ++k) {
        const Question& q = ds.questions[k];
        const auto it = accepted.find(q.id);
        FUZZ_CHECK(it != accepted.end() && !it->second.empty() && fuzz::contains(it->second, "unknown"), q.id);
        std::string v = it->second[at(3 + k % question_bytes) % it->second.size()];
        if (q.kind == QuestionKind::contract && typed_contract) v = fuzz::shown(tail.substr(0, 200));
        if (v != answer_unknown) given[q.id] = v;
        if (v != answer_unknown || explicit_unknown) answers[q.id] = v;
    }

    const json r = fuzz::check(engine, answers);
    FUZZ_CHECK(r["ok"] == true, "valid answers refused: " + answers.dump() + " → " + fuzz::show(r));
    FUZZ_CHECK(r["lang"] == lang && r["role"] == (pro ? "pro" : "insured"), r);

    // "unknown" means the same as leaving the question out (docs/api.md, "Answers").
    if (explicit_unknown) {
        json without = json::object();
        for (auto it = answers.begin(); it != answers.end(); ++it) {
            if (*it != "unknown" && !(it.key() == "role" && *it == "insured") && !(it.key() == "lang" && *it == "fr")) without[it.key()] = *it;
        }
        FUZZ_CHECK(engine.check(without.dump()) == engine.check(answers.dump()),
                   "an explicit \"unknown\" answers differently from leaving it out: " + answers.dump() + " vs " + without.dump() + "\n  → " +
                       fuzz::show(fuzz::parse_output(engine.check(answers.dump()), "check")["answers"]) + " vs " +
                       fuzz::show(fuzz::parse_output(engine.check(without.dump()), "check")["answers"]));
    }

    // The insurer, as given.
    if (pro) {
        FUZZ_CHECK(r["org"].is_null(), r);
    } else if (chosen) {
        // By id, or by one of its own names: names never collide, so the name picks it, exactly.
        FUZZ_CHECK(r["org"].is_object() && r["org"]["id"] == chosen->id, answers.dump() + " → " + fuzz::show(r["org"]) + " " + fuzz::show(r.value("match", json())));
        if (org_mode == 2) FUZZ_CHECK(fuzz::at(r, "match")["score"] == 1 && r["match"]["kind"] == "organization", r["match"]);
    }
    const std::map<std::string, std::string> taken = fuzz::taken_answers(r);
    if (!entry_id.empty()) {
        const json& m = fuzz::at(r, "match");
        FUZZ_CHECK(m["query"].is_string() && r["org"].is_null(), r);
        if (entry_kind == "umbrella") {
            // An umbrella name never picks one insurer: it lists its insurers to choose from.
            FUZZ_CHECK(m["ambiguous"] == true && m["kind"].is_null() && m["umbrella"].is_object() && m["umbrella"]["id"] == entry_id, m);
            std::vector<std::string> ids;
            for (std::size_t k : ds.find_umbrella(entry_id)->candidates) ids.push_back(ds.organizations[k].id);
            FUZZ_CHECK(fuzz::ids_of(m["candidates"]) == ids, m);
        } else {
            // An operator's id answers the card question, a network's the network question,
            // unless the answers give another value for it.
            FUZZ_CHECK(m["kind"] == entry_kind && m["id"] == entry_id && m.contains("score") && m["score"] == 1, m);
            const Question* q = ds.question_of(entry_kind == "operator" ? QuestionKind::card : QuestionKind::network);
            const auto own = given.find(q->id);
            const auto it = taken.find(q->id);
            FUZZ_CHECK(it != taken.end() && it->second == (own != given.end() ? own->second : entry_id), r["answers"]);
        }
    }
    // Every answer given (other than unknown) is taken as given; a typed contract as understood.
    for (const auto& [q, v] : given) {
        const Question* model = ds.find_question(q);
        if (model->kind == QuestionKind::contract && (typed_contract || r.contains("contract_match"))) {
            if (r.contains("contract_match")) {
                const std::string u = r["contract_match"]["understood_as"];
                FUZZ_CHECK(u == "unknown" ? !taken.count(q) : taken.count(q) && taken.at(q) == u, r);
            }
            continue;
        }
        if (pro && model->kind == QuestionKind::contract) {
            // The organization is ignored for a professional: its contracts are typed text then.
            continue;
        }
        FUZZ_CHECK(taken.count(q) && taken.at(q) == v, q + "=" + v + " not taken: " + fuzz::show(r["answers"]));
    }
    // A typed name that picks an operator or a network answers its question, as its id does
    // (docs/api.md): "almerys" typed is card=almerys.
    const json typed = org_mode == 3 ? r.value("match", json()) : json();
    const bool typed_entry = typed.is_object() && (typed["kind"] == "operator" || typed["kind"] == "network") && typed["id"].is_string();
    for (const auto& [q, v] : taken) {
        const bool from_entry = !entry_id.empty() && v == entry_id;
        const bool from_typed = typed_entry && v == typed["id"].get<std::string>() &&
                                ds.find_question(q)->kind == (typed["kind"] == "operator" ? QuestionKind::card : QuestionKind::network);
        FUZZ_CHECK(given.count(q) || from_entry || from_typed || (ds.find_question(q)->kind == QuestionKind::contract),
                   q + "=" + v + " was not given: " + answers.dump());
    }

    check_questions(engine, answers, r, at(2) % 32);
    return 0;
}
