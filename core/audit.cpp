// The reassurance audit (audit.hpp). The rules it checks, from each verdict's reasons:
//  - not_affected: a statement (or its "outside") citing an own statement, or the person's own
//    dates with the sources that date the attack; never on an incident decided by criteria;
//  - affected: a statement citing an own statement;
//  - likely: a reason citing at least the press;
//  - every reason cites at least one source;
//  - "did not leak" never lists what an incident still open (any verdict but not_affected) leaked.
#include "audit.hpp"

#include <algorithm>

#include "assess.hpp"
#include "json_out.hpp"

namespace breachcheck {
namespace {

constexpr std::size_t max_listed_problems = 50;

bool cites(const Dataset& ds, const Reason& r, Confidence at_least) {
    return std::any_of(r.sources.begin(), r.sources.end(), [&](std::size_t k) { return ds.sources[k].confidence >= at_least; });
}

void check_one(const Dataset& ds, const IncidentResult& r, const std::string& org, const std::string& answers, AuditReport& out) {
    auto problem = [&](const char* rule) {
        ++out.problem_count;
        if (out.problems.size() < max_listed_problems) out.problems.push_back({org, r.incident->id, answers, rule});
    };
    const auto has = [&](auto pred) { return std::any_of(r.reasons.begin(), r.reasons.end(), pred); };
    for (const Reason& reason : r.reasons) {
        if (reason.sources.empty()) {
            problem("a reason without a source");
            break;
        }
    }
    switch (r.verdict) {
        case Verdict::not_affected: {
            if (r.incident->mode == IncidentMode::criteria) problem("not_affected on an incident decided by criteria");
            const bool stated = has([&](const Reason& x) {
                return (x.kind == ReasonKind::statement || x.kind == ReasonKind::outside) && cites(ds, x, Confidence::own_statement);
            });
            const bool dated = has([&](const Reason& x) { return x.kind == ReasonKind::joined_after && !x.sources.empty(); });
            if (!stated && !dated) problem("not_affected without the organization's own statement or the person's dates");
            break;
        }
        case Verdict::affected:
            if (!has([&](const Reason& x) { return x.kind == ReasonKind::statement && cites(ds, x, Confidence::own_statement); })) {
                problem("affected without the organization's own statement");
            }
            break;
        case Verdict::likely:
            if (!has([&](const Reason& x) { return cites(ds, x, Confidence::press); })) problem("likely without a press or stronger source");
            break;
        default:
            break;
    }
}

struct Sweep {
    const Dataset& ds;
    AuditReport& out;
    Answers a;
    std::vector<const Question*> questions;
    std::vector<std::vector<std::string>> options;
    std::string org_id;

    std::string describe() const {
        std::string s;
        for (const auto& [q, v] : a.given) s += (s.empty() ? "" : " ") + q + "=" + v;
        if (a.role == Role::pro) s += (s.empty() ? "" : " ") + std::string("role=pro");
        return s.empty() ? "(no answer)" : s;
    }
    void run(std::size_t depth) {
        if (depth == questions.size()) {
            const std::vector<IncidentResult> results = assess_incidents(ds, a);
            const bool any = std::any_of(results.begin(), results.end(), [](const IncidentResult& r) { return r.applies; });
            Verdict overall = any ? Verdict::not_affected : Verdict::unknown;
            const std::string answers = describe();
            for (const IncidentResult& r : results) {
                if (r.applies) overall = std::max(overall, r.verdict);
                ++out.per_incident[r.incident->id][static_cast<std::size_t>(r.verdict)];
                check_one(ds, r, org_id, answers, out);
            }
            // Nothing is listed as "did not leak" that an incident still open (not not_affected) leaked.
            const Exposure e = exposure_of(results);
            for (const ExposureItem& item : e.not_exposed) {
                for (const IncidentResult& r : results) {
                    if (r.applies && r.verdict != Verdict::not_affected && std::find(r.exposed.begin(), r.exposed.end(), item.id) != r.exposed.end()) {
                        ++out.problem_count;
                        if (out.problems.size() < max_listed_problems) out.problems.push_back({org_id, r.incident->id, answers, "listed as not leaked while an open incident leaked it"});
                    }
                }
            }
            ++out.overall[static_cast<std::size_t>(overall)];
            ++out.checks;
            return;
        }
        for (const std::string& v : options[depth]) {
            if (v == answer_unknown) a.given.erase(questions[depth]->id);
            else a.given[questions[depth]->id] = v;
            run(depth + 1);
        }
        a.given.erase(questions[depth]->id);
    }
};

}  // namespace

AuditReport audit(const Dataset& ds) {
    AuditReport out;
    auto sweep = [&](const Organization* org, Role role) {
        Sweep s{ds, out, Answers{}, {}, {}, org ? org->id : std::string("(none)")};
        s.a.org = org;
        s.a.role = role;
        for (const Question& q : ds.questions) {
            if (role == Role::pro && q.kind != QuestionKind::card) continue;
            if (q.kind == QuestionKind::contract && !org) continue;
            s.questions.push_back(&q);
            std::vector<std::string> ids;
            for (const Option& o : answer_options(ds, q, org)) ids.push_back(o.id);
            s.options.push_back(std::move(ids));
        }
        s.run(0);
    };
    sweep(nullptr, Role::insured);
    sweep(nullptr, Role::pro);
    for (const Organization& org : ds.organizations) sweep(&org, Role::insured);
    out.organizations = ds.organizations.size();
    return out;
}

std::string audit_json(const AuditReport& r) {
    JsonWriter w;
    auto counts = [&](const std::array<std::size_t, 5>& c) {
        w.begin_object();
        for (const auto& v : verdict_vocab) w.field(v.id, c[static_cast<std::size_t>(v.value)]);
        w.end_object();
    };
    w.begin_object().field("ok", true).field("passed", r.problem_count == 0).field("checks", r.checks).field("organizations", r.organizations);
    w.key("overall");
    counts(r.overall);
    w.key("incidents").begin_object();
    for (const auto& [id, c] : r.per_incident) {
        w.key(id);
        counts(c);
    }
    w.end_object().field("problem_count", r.problem_count).key("problems").begin_array();
    for (const AuditProblem& p : r.problems) {
        w.begin_object().field("organization", p.org).field("incident", p.incident).field("answers", p.answers).field("rule", p.rule).end_object();
    }
    w.end_array().end_object();
    return w.take();
}

std::string audit_text(const AuditReport& r) {
    std::string out = "Reassurance audit: " + format_int(static_cast<std::int64_t>(r.checks)) + " answer combinations over " +
                      format_int(static_cast<std::int64_t>(r.organizations)) + " organizations (plus no insurer, and professionals)\n";
    auto line = [&](const std::string& name, const std::array<std::size_t, 5>& c) {
        out += "  " + name + ":";
        for (const auto& v : verdict_vocab) out += " " + std::string(v.id) + " " + format_int(static_cast<std::int64_t>(c[static_cast<std::size_t>(v.value)]));
        out += "\n";
    };
    line("overall", r.overall);
    for (const auto& [id, c] : r.per_incident) line(id, c);
    if (r.problem_count == 0) {
        out += "No problem: every not_affected rests on an own statement or the person's dates, every affected on an own statement, every reason cites a source.\n";
    } else {
        out += format_int(static_cast<std::int64_t>(r.problem_count)) + " problems, the first ones:\n";
        for (const AuditProblem& p : r.problems) out += "  " + p.org + " / " + p.incident + " / " + p.answers + ": " + p.rule + "\n";
    }
    return out;
}

}  // namespace breachcheck
