// Where every verdict is decided (docs/dataset.md, "Verdict rules", says the same in words).
//
// An incident decided by insurer and operator, for one person:
//  1. a health professional gets the professionals' side (role pro);
//  2. someone whose cover started after the attack window is not_affected: their own answer
//     dates them after, and the reason cites the sources that date the attack;
//  3. each statement (scope) about the organization gives a verdict from its best source:
//     own statement → affected, press → likely, weak → possible; "not concerned" reassures only
//     on the organization's own statement (press or weak: unknown, with the press reason shown);
//     uncertain or indirect statements are capped at possible; an unanswered restriction
//     (network, contract) gives possible; outside a restricted scope its "outside" applies
//     (not_affected only on an own statement, which the loader also requires); the coverage
//     period is compared with the person's; a former member under a statement about members
//     is capped at likely; several scopes: the most severe wins;
//  4. still unknown: a care network linked to the operator raises it to possible;
//  5. a card naming the operator raises it to at least likely; a card without it rules nothing
//     out.
// An incident decided by criteria (no insurer statement exists): all criteria inside → the cap
// of its sources (press: likely), the first inside and the rest unanswered → possible, anything
// else → unknown. It is never not_affected.
// Finally a guard: a not_affected that is backed by neither an own statement nor the person's
// dates becomes unknown (the rule enforced by code, whatever a future edit of the rules does).
#include "assess.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "text.hpp"

namespace breachcheck {

const std::string& Answers::get(const Question* q) const {
    static const std::string unknown(answer_unknown);
    if (!q) return unknown;
    const auto it = given.find(q->id);
    return it == given.end() ? unknown : it->second;
}

bool contract_matches(const std::string& contract, const std::string& listed) {
    const std::string a = text::fold(contract);
    const std::string b = text::fold(listed);
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    const std::string pa = " " + a + " ";
    const std::string pb = " " + b + " ";
    if (pa.find(pb) != std::string::npos || pb.find(pa) != std::string::npos) return true;
    // "Protec Territoriale" and "ProtecTerritoriale" name the same contract.
    std::string sa, sb;
    for (char c : a) if (c != ' ') sa.push_back(c);
    for (char c : b) if (c != ' ') sb.push_back(c);
    if (sa == sb) return true;
    return sb.size() >= 8 && text::edit_distance(sa, sb, 2) <= 2;
}

std::string resolve_contract(const Organization* org, const std::string& typed) {
    if (!org || text::fold(typed).empty()) return std::string(answer_unknown);
    for (const Scope& s : org->scopes) {
        for (const std::string& c : s.contracts) {
            if (slug_of(typed) == slug_of(c) || contract_matches(typed, c)) return slug_of(c);
        }
    }
    return std::string(answer_unknown);
}

bool overlaps(const Period& p, const std::string& from, const std::string& to) {
    const std::string pf = day_of(p.from, false), pt = day_of(p.to, true);
    const std::string wf = day_of(from, false), wt = day_of(to, true);
    const bool starts_before_end = pf.empty() || wt.empty() || pf <= wt;
    const bool ends_after_start = pt.empty() || wf.empty() || pt >= wf;
    return starts_before_end && ends_after_start;
}

std::vector<Option> answer_options(const Dataset& ds, const Question& q, const Organization* org) {
    std::vector<Option> out;
    auto named = [&](const std::string& id, const std::string& name) { out.push_back(Option{id, LocalText{name, name}, false, {}}); };
    if (q.kind == QuestionKind::card) {
        for (const Operator& o : ds.operators) named(o.id, o.name);
    } else if (q.kind == QuestionKind::network) {
        for (const Network& n : ds.networks) named(n.id, n.name);
    } else if (q.kind == QuestionKind::contract && org) {
        for (const Scope& s : org->scopes) {
            for (const std::string& c : s.contracts) {
                const std::string id = slug_of(c);
                if (std::none_of(out.begin(), out.end(), [&](const Option& o) { return o.id == id; })) named(id, c);
            }
        }
    }
    out.insert(out.end(), q.options.begin(), q.options.end());
    return out;
}

namespace {

LocalText fill(const LocalText& t, std::initializer_list<std::pair<const char*, std::string>> values) {
    LocalText out = t;
    for (std::string* s : {&out.fr, &out.en}) {
        for (const auto& [key, value] : values) {
            for (std::size_t at = s->find(key); at != std::string::npos; at = s->find(key, at + value.size())) s->replace(at, std::strlen(key), value);
        }
    }
    out.fr = text::elide_fr(out.fr);
    return out;
}

SourceRefs joined(SourceRefs a, const SourceRefs& b) {
    for (std::size_t k : b) {
        if (std::find(a.begin(), a.end(), k) == a.end()) a.push_back(k);
    }
    return a;
}

Confidence best_confidence(const Dataset& ds, const SourceRefs& refs) {
    Confidence best = Confidence::weak;
    for (std::size_t k : refs) best = std::max(best, ds.sources[k].confidence);
    return best;
}

Verdict from_confidence(Confidence c) {
    switch (c) {
        case Confidence::own_statement: return Verdict::affected;
        case Confidence::press: return Verdict::likely;
        case Confidence::weak: return Verdict::possible;
    }
    return Verdict::possible;
}

// The person's answers and what they mean for one incident.
struct Context {
    const Dataset& ds;
    const Answers& a;
    const Incident& inc;
    std::size_t index;
    std::string org_name, op_name;
    const Option* period = nullptr;  // the covered answer, when it has a period

    Reason rule(ReasonKind kind, std::string_view id, SourceRefs sources) const {
        const RuleText& r = ds.rule(id);
        return {kind, fill(r.text, {{"{org}", org_name}, {"{op}", op_name}, {"{date}", inc.attack_window.end}}), joined(r.sources, sources)};
    }
};

struct ScopeEval {
    Verdict verdict = Verdict::unknown;
    std::vector<Reason> reasons;
    const ClassList* extra = nullptr;
    bool by_own_statement = false;
};

ScopeEval eval_scope(const Context& c, const Scope& s) {
    ScopeEval out;
    const Dataset& ds = c.ds;
    const Confidence best = best_confidence(ds, s.sources);
    out.reasons.push_back({ReasonKind::statement, s.text, s.sources});
    if (s.status == ScopeStatus::not_concerned) {
        if (best == Confidence::own_statement) {
            out.verdict = Verdict::not_affected;
            out.by_own_statement = true;
        } else {
            out.verdict = Verdict::unknown;
            out.reasons.push_back(c.rule(ReasonKind::weak_not_concerned, best == Confidence::press ? "press_not_concerned" : "weak_not_concerned", s.sources));
        }
        return out;
    }
    Verdict base = from_confidence(best);
    if (s.uncertain) {
        base = std::min(base, Verdict::possible);
        out.reasons.push_back(c.rule(ReasonKind::uncertain, "uncertain", s.sources));
    }
    if (s.status == ScopeStatus::indirect) base = std::min(base, Verdict::possible);

    bool outside = false, open = false;
    if (!s.networks.empty()) {
        const std::string& n = c.a.get(ds.question_of(QuestionKind::network));
        if (n == answer_unknown) {
            open = true;
            out.reasons.push_back(c.rule(ReasonKind::restriction, "depends_network", s.sources));
        } else if (std::find(s.networks.begin(), s.networks.end(), n) == s.networks.end()) {
            outside = true;
        }
    }
    if (!s.contracts.empty()) {
        const std::string& k = c.a.get(ds.question_of(QuestionKind::contract));
        const bool named = std::any_of(s.contracts.begin(), s.contracts.end(), [&](const std::string& x) { return slug_of(x) == k; });
        if (k == answer_unknown) {
            open = true;
            out.reasons.push_back(c.rule(ReasonKind::restriction, "depends_contract", s.sources));
        } else if (!named) {
            outside = true;
        }
    }
    // The person's cover against the statement's period.
    if (s.has_coverage) {
        out.reasons.push_back({ReasonKind::coverage, s.coverage.text, s.coverage.sources});
        if (c.period && !overlaps(c.period->period, s.coverage.from, s.coverage.to)) {
            if (s.coverage.inferred) {
                base = std::min(base, Verdict::possible);
                out.reasons.push_back(c.rule(ReasonKind::restriction, "inferred_boundary", s.coverage.sources));
            } else {
                outside = true;
            }
        }
    } else if (c.period) {
        const std::string end = c.inc.attack_window.end;
        const std::string covered_to = day_of(c.period->period.to, true);
        const std::string covered_from = day_of(c.period->period.from, false);
        if ((s.status == ScopeStatus::current || s.status == ScopeStatus::indirect) && !covered_to.empty() && covered_to < end) {
            // A former member, under a statement about the insurer's members.
            base = std::min(base, Verdict::likely);
            out.reasons.push_back(c.rule(ReasonKind::restriction, "former_member", s.sources));
        } else if (s.status == ScopeStatus::former && !covered_from.empty() && covered_from >= end.substr(0, 4) + "-01-01") {
            // Cover that began in the attack's year, after the insurer had left this operator
            // (operators change on 1 January): the statement does not reach it.
            out.verdict = Verdict::unknown;
            out.reasons.push_back(c.rule(ReasonKind::restriction, "former_operator_late_join", s.sources));
            return out;
        }
    }
    if (outside) {
        const bool own = best_confidence(ds, s.outside.sources) == Confidence::own_statement && !s.outside.sources.empty();
        out.verdict = s.outside.verdict == Verdict::not_affected && own ? Verdict::not_affected : Verdict::unknown;
        out.by_own_statement = out.verdict == Verdict::not_affected;
        out.reasons.push_back({ReasonKind::outside, s.outside.text, s.outside.sources});
        return out;
    }
    out.verdict = open ? std::min(base, Verdict::possible) : base;
    out.by_own_statement = out.verdict == Verdict::affected;
    if (!s.extra_exposed.classes.empty()) out.extra = &s.extra_exposed;
    return out;
}

void add_unique(std::vector<std::string>& list, const std::string& v) {
    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
}

IncidentResult assess_pro(const Context& c) {
    IncidentResult r;
    r.incident = &c.inc;
    const std::string& card = c.a.get(c.ds.question_of(QuestionKind::card));
    const Operator& op = c.ds.operators[c.inc.operator_index];
    if (card == op.id) {
        r.verdict = Verdict::likely;
        r.reasons.push_back(c.rule(ReasonKind::pro, "pro_named", c.inc.pro.sources));
    } else if (card == answer_unknown) {
        r.verdict = Verdict::possible;
        r.reasons.push_back(c.rule(ReasonKind::pro, "pro_unknown", c.inc.pro.sources));
    } else {
        r.verdict = Verdict::unknown;
        r.reasons.push_back(c.rule(ReasonKind::pro, "pro_not_named", c.inc.pro.sources));
    }
    r.reasons.push_back({ReasonKind::pro, c.inc.pro.text, c.inc.pro.sources});
    r.exposed = c.inc.pro.exposed.classes;
    return r;
}

IncidentResult assess_by_insurer(const Context& c) {
    const Dataset& ds = c.ds;
    const Incident& inc = c.inc;
    if (c.a.role == Role::pro) return assess_pro(c);
    IncidentResult r;
    r.incident = &inc;
    std::vector<const Scope*> scopes;
    if (c.a.org) {
        for (const Scope& s : c.a.org->scopes) {
            if (s.incident == c.index) scopes.push_back(&s);
        }
    }
    // Rule 2: cover that began after the attack window.
    if (c.period && !c.period->period.from.empty() && day_of(c.period->period.from, false) > inc.attack_window.end) {
        r.verdict = Verdict::not_affected;
        r.by_dates = true;
        r.reasons.push_back(c.rule(ReasonKind::joined_after, "joined_after", inc.attack_window.sources));
        r.reasons.push_back({ReasonKind::joined_after, inc.attack_window.text, inc.attack_window.sources});
        r.not_exposed = inc.not_exposed.classes;
        return r;
    }
    std::vector<std::string> extra;
    if (scopes.empty()) {
        r.verdict = Verdict::unknown;
        if (c.a.org) r.reasons.push_back(c.rule(ReasonKind::no_statement, "no_statement", {}));
        else r.reasons.push_back(c.rule(ReasonKind::no_insurer, "no_insurer", {}));
    } else {
        bool first = true;
        for (const Scope* s : scopes) {
            ScopeEval e = eval_scope(c, *s);
            if (first || e.verdict > r.verdict) {
                r.verdict = e.verdict;
                r.by_own_statement = e.by_own_statement;
            } else if (e.verdict == r.verdict) {
                r.by_own_statement = r.by_own_statement || e.by_own_statement;
            }
            first = false;
            r.reasons.insert(r.reasons.end(), e.reasons.begin(), e.reasons.end());
            if (e.extra && e.verdict != Verdict::not_affected) {
                for (const std::string& k : e.extra->classes) add_unique(extra, k);
                r.reasons.push_back(c.rule(ReasonKind::extra_classes, "extra_classes", e.extra->sources));
            }
        }
    }
    if (ds.overlay.present && c.a.org == &ds.organizations[ds.overlay.organization]) {
        for (const OverlayNote& note : ds.overlay.notes) {
            if (note.incident == c.index) r.reasons.push_back({ReasonKind::overlay_note, note.text, note.sources});
        }
    }
    // Rule 4: a network linked to the operator.
    if (r.verdict == Verdict::unknown) {
        if (const Network* n = ds.find_network(c.a.get(ds.question_of(QuestionKind::network)))) {
            for (const NetworkLink& link : n->links) {
                if (link.incident != c.index) continue;
                if (link.kind != LinkKind::note) r.verdict = Verdict::possible;
                r.reasons.push_back({ReasonKind::network_link, link.text, link.sources});
            }
        }
    }
    // Rule 5: the card.
    const std::string& card = c.a.get(ds.question_of(QuestionKind::card));
    const Operator& own = ds.operators[inc.operator_index];
    if (card == own.id) {
        if (r.verdict < Verdict::likely) {
            r.verdict = Verdict::likely;
            r.by_own_statement = false;
        }
        r.reasons.push_back({ReasonKind::card, inc.card_evidence.text, inc.card_evidence.sources});
    } else if (card != answer_unknown && r.verdict == Verdict::unknown) {
        r.reasons.push_back(c.rule(ReasonKind::card_other, "card_other", {}));
        if (const Operator* other = ds.find_operator(card)) {
            if (!other->about.sources.empty()) r.reasons.push_back({ReasonKind::card_other, other->about.text, other->about.sources});
        }
    }
    if (r.verdict != Verdict::not_affected) {
        r.exposed = inc.exposed.classes;
        for (const std::string& k : extra) add_unique(r.exposed, k);
    }
    for (const std::string& k : inc.not_exposed.classes) {
        if (std::find(r.exposed.begin(), r.exposed.end(), k) == r.exposed.end()) r.not_exposed.push_back(k);
    }
    return r;
}

IncidentResult assess_by_criteria(const Context& c) {
    const Dataset& ds = c.ds;
    IncidentResult r;
    r.incident = &c.inc;
    enum class Status { in, partial, out, unknown };
    std::vector<Status> status;
    SourceRefs all;
    for (const Criterion& cr : c.inc.criteria) {
        const std::string& ans = c.a.get(&ds.questions[cr.question]);
        auto has = [&](const std::vector<std::string>& l) { return std::find(l.begin(), l.end(), ans) != l.end(); };
        // A criterion that lists only the answers in it leaves out every other (not being in the
        // network at all); one that also lists partial or out answers leaves out only those, and
        // an answer it does not list tells nothing (a published care period that the sources
        // disagree on does not take anyone out: press never reassures).
        const bool only_in = cr.partial.empty() && cr.out.empty();
        Status st = Status::unknown;
        if (ans != answer_unknown) {
            if (has(cr.in)) st = Status::in;
            else if (has(cr.partial)) st = Status::partial;
            else if (has(cr.out) || only_in) st = Status::out;
        }
        status.push_back(st);
        all = joined(all, cr.sources);
        r.reasons.push_back({ReasonKind::criterion, cr.text, cr.sources});
    }
    const Verdict cap = std::min(from_confidence(best_confidence(ds, all)), Verdict::likely);
    const bool any_out = std::find(status.begin(), status.end(), Status::out) != status.end();
    const bool all_in = std::all_of(status.begin(), status.end(), [](Status s) { return s == Status::in; });
    const bool all_inside = std::all_of(status.begin(), status.end(), [](Status s) { return s == Status::in || s == Status::partial; });
    const bool first_inside = !status.empty() && (status[0] == Status::in || status[0] == Status::partial);
    r.applies = !any_out;
    if (any_out) r.verdict = Verdict::unknown;
    else if (all_in) r.verdict = cap;
    else if (all_inside || first_inside) r.verdict = std::min(cap, Verdict::possible);
    else r.verdict = Verdict::unknown;
    r.reasons.push_back({ReasonKind::no_own_statement, c.inc.no_statement.text, c.inc.no_statement.sources});
    r.exposed = c.inc.exposed.classes;
    for (const std::string& k : c.inc.not_exposed.classes) {
        if (std::find(r.exposed.begin(), r.exposed.end(), k) == r.exposed.end()) r.not_exposed.push_back(k);
    }
    return r;
}

const Option* covered_option(const Dataset& ds, const Answers& a) {
    const Question* q = ds.question_of(QuestionKind::covered);
    if (!q) return nullptr;
    const std::string& id = a.get(q);
    for (const Option& o : q->options) {
        if (o.id == id && o.has_period) return &o;
    }
    return nullptr;
}

}  // namespace

std::vector<IncidentResult> assess_incidents(const Dataset& ds, const Answers& a) {
    std::vector<IncidentResult> out;
    const Option* period = covered_option(ds, a);
    for (std::size_t i = 0; i < ds.incidents.size(); ++i) {
        const Incident& inc = ds.incidents[i];
        if (inc.kind != IncidentKind::assessed) continue;
        if (a.role == Role::pro && (inc.mode != IncidentMode::insurer_operator || !inc.has_pro)) continue;
        Context c{ds, a, inc, i, a.org ? a.org->name : std::string(),
                  inc.operator_index < ds.operators.size() ? ds.operators[inc.operator_index].name : std::string(), period};
        IncidentResult r = inc.mode == IncidentMode::criteria ? assess_by_criteria(c) : assess_by_insurer(c);
        // The guard: no reassurance without an own statement covering the situation or the
        // person's own dates; no "affected" without an own statement.
        if (r.verdict == Verdict::not_affected && !r.by_own_statement && !r.by_dates) r.verdict = Verdict::unknown;
        if (r.verdict == Verdict::affected && !r.by_own_statement) r.verdict = Verdict::likely;
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

Verdict overall_of(const std::vector<IncidentResult>& incidents) {
    Verdict v = Verdict::not_affected;
    bool any = false;
    for (const IncidentResult& r : incidents) {
        if (!r.applies) continue;
        v = std::max(v, r.verdict);
        any = true;
    }
    return any ? v : Verdict::unknown;
}

// Which open questions can change a verdict, and by how much (the page asks them in this order).
std::vector<RankedQuestion> rank_questions(const Dataset& ds, const Answers& a, const std::vector<IncidentResult>& now) {
    std::vector<RankedQuestion> out;
    const Verdict current = overall_of(now);
    for (const Question& q : ds.questions) {
        if (a.get(&q) != answer_unknown) continue;
        if (a.role == Role::pro && q.kind != QuestionKind::card) continue;  // professionals: the portal only
        if (q.kind == QuestionKind::contract && !a.org) continue;
        RankedQuestion rq{&q, false, 1, 0};
        bool changes_any = false;
        std::vector<Verdict> seen{current};
        for (const Option& o : answer_options(ds, q, a.org)) {
            if (o.id == answer_unknown) continue;
            Answers b = a;
            b.given[q.id] = o.id;
            const std::vector<IncidentResult> then = assess_incidents(ds, b);
            const Verdict v = overall_of(then);
            for (std::size_t i = 0; i < then.size() && i < now.size(); ++i) changes_any = changes_any || then[i].verdict != now[i].verdict || then[i].applies != now[i].applies;
            if (v != current) rq.changes_overall = true;
            if (std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
            rq.shift = std::max(rq.shift, std::abs(static_cast<int>(v) - static_cast<int>(current)));
        }
        rq.outcomes = static_cast<int>(seen.size());
        if (changes_any) out.push_back(rq);
    }
    std::stable_sort(out.begin(), out.end(), [](const RankedQuestion& x, const RankedQuestion& y) {
        if (x.changes_overall != y.changes_overall) return x.changes_overall;
        if (x.outcomes != y.outcomes) return x.outcomes > y.outcomes;
        return x.shift > y.shift;
    });
    return out;
}


bool action_applies(const Action& action, const Answers& a, Verdict overall, const std::vector<IncidentResult>& incidents,
                    const std::vector<std::string>& exposed) {
    auto verdict_ok = [&](Verdict v) {
        return action.verdicts.empty() || std::find(action.verdicts.begin(), action.verdicts.end(), v) != action.verdicts.end();
    };
    if (action.incidents_any.empty()) {
        if (!verdict_ok(overall)) return false;
    } else if (std::none_of(incidents.begin(), incidents.end(), [&](const IncidentResult& r) {
                   return r.applies && std::find(action.incidents_any.begin(), action.incidents_any.end(), r.incident->id) != action.incidents_any.end() &&
                          r.verdict != Verdict::not_affected && verdict_ok(r.verdict);
               })) {
        return false;
    }
    const std::string role(id_of(role_vocab, a.role));
    if (!action.roles.empty() && std::find(action.roles.begin(), action.roles.end(), role) == action.roles.end()) return false;
    if (!action.classes_any.empty() && std::none_of(action.classes_any.begin(), action.classes_any.end(), [&](const std::string& c) {
            return std::find(exposed.begin(), exposed.end(), c) != exposed.end();
        })) {
        return false;
    }
    return true;
}

void select_actions(const Dataset& ds, const Answers& a, Assessment& as) {
    std::vector<std::string> exposed;
    for (const IncidentResult& r : as.incidents) {
        if (r.verdict == Verdict::not_affected || !r.applies) continue;
        for (const std::string& c : r.exposed) add_unique(exposed, c);
    }
    std::vector<const Action*> chosen;
    for (const Action& action : ds.actions) {
        if (action_applies(action, a, as.overall, as.incidents, exposed)) chosen.push_back(&action);
    }
    std::stable_sort(chosen.begin(), chosen.end(), [](const Action* x, const Action* y) {
        if (x->priority != y->priority) return x->priority < y->priority;
        return x->id < y->id;
    });
    for (const Action* action : chosen) {
        const bool first = std::find(action->first_for.begin(), action->first_for.end(), as.overall) != action->first_for.end();
        if (action->emergency) as.emergency = action;
        else if (first && as.first.size() < max_first_steps) as.first.push_back(action);
        else as.more.push_back(action);
    }
}

}  // namespace

Exposure exposure_of(const std::vector<IncidentResult>& incidents) {
    Exposure e;
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        if (incidents[i].applies && incidents[i].verdict >= Verdict::possible) e.applies.push_back(i);
    }
    if (e.applies.empty()) {
        e.hypothetical = true;
        for (std::size_t i = 0; i < incidents.size(); ++i) {
            if (incidents[i].applies && incidents[i].verdict == Verdict::unknown) e.applies.push_back(i);
        }
    }
    // "Did not leak" only for what no incident that may still apply exposed (an unknown one too:
    // Itélis 2025 leaked phone numbers, so a phone number is never listed as safe while it is open).
    auto could_have_leaked = [&](const std::string& id) {
        return std::any_of(incidents.begin(), incidents.end(), [&](const IncidentResult& r) {
            return r.applies && r.verdict != Verdict::not_affected && std::find(r.exposed.begin(), r.exposed.end(), id) != r.exposed.end();
        });
    };
    auto merge = [&](std::vector<ExposureItem>& list, bool exposed) {
        for (const std::size_t i : e.applies) {
            for (const std::string& id : exposed ? incidents[i].exposed : incidents[i].not_exposed) {
                if (!exposed && could_have_leaked(id)) continue;
                auto it = std::find_if(list.begin(), list.end(), [&](const ExposureItem& x) { return x.id == id; });
                if (it == list.end()) list.push_back({id, {i}, false});
                else it->incidents.push_back(i);
            }
        }
        for (ExposureItem& item : list) item.partial = e.applies.size() > 1 && item.incidents.size() < e.applies.size();
    };
    merge(e.exposed, true);
    merge(e.not_exposed, false);
    return e;
}

Assessment assess(const Dataset& ds, const Answers& answers) {
    Assessment out;
    out.incidents = assess_incidents(ds, answers);
    out.overall = overall_of(out.incidents);
    out.exposure = exposure_of(out.incidents);
    out.questions = rank_questions(ds, answers, out.incidents);
    out.provisional = std::any_of(out.questions.begin(), out.questions.end(), [](const RankedQuestion& q) { return q.changes_overall; });
    select_actions(ds, answers, out);
    return out;
}

}  // namespace breachcheck
