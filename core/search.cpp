// Insurer search: every name and alias is folded once; a query token scores against the best
// alias token (exact > prefix > small typo), weighted so that generic words count little.
#include "search.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "text.hpp"

namespace breachcheck {
namespace {

constexpr double generic_weight = 0.15;

// Generic words and single letters ("d'", stray markup like <b>) say little about the insurer.
double token_weight(const std::string& t) { return t.size() == 1 || text::is_generic(t) ? generic_weight : 1.0; }

// How well query token `q` matches alias token `a` (0 = not at all). `typing` marks the last
// query token, which is probably incomplete.
double token_match(const std::string& q, const std::string& a, bool typing) {
    if (q == a) return 1.0;
    const std::size_t qn = q.size();
    const std::size_t an = a.size();
    if (qn >= 2 && qn < an && a.compare(0, qn, q) == 0) {
        const double completeness = static_cast<double>(qn) / static_cast<double>(an);
        return (typing ? 0.8 : 0.65) + 0.2 * completeness;
    }
    if (qn >= 4) {
        const std::size_t limit = qn >= 8 ? 2 : 1;
        const std::size_t d = text::edit_distance(q, a, limit);
        if (d <= limit) return 0.88 - 0.12 * static_cast<double>(d - 1);  // d >= 1: equality returned above
        // A misspelt word still being typed: compare with the alias token's beginning.
        if (qn + 1 < an) {
            const std::size_t dp = text::edit_distance(q, std::string_view(a).substr(0, qn), 1);
            if (dp <= 1) return typing ? 0.7 : 0.55;
        }
    }
    return 0.0;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

SearchIndex::SearchIndex(const Dataset& ds) : ds_(&ds) {
    for (std::size_t i = 0; i < ds.organizations.size(); ++i) {
        const Organization& o = ds.organizations[i];
        std::vector<std::string> names = {o.name};
        names.insert(names.end(), o.aliases.begin(), o.aliases.end());
        for (const std::string& name : names) {
            Entry e;
            e.org = i;
            e.alias = name;
            e.tokens = text::tokens(name);
            if (e.tokens.empty()) continue;
            e.folded = text::fold(name);
            for (const std::string& t : e.tokens) {
                e.weights.push_back(token_weight(t));
                e.total_weight += e.weights.back();
            }
            entries_.push_back(std::move(e));
        }
    }
}

double SearchIndex::score(const Entry& e, const std::string& folded_query, const std::vector<std::string>& q,
                          const std::vector<double>& qw, double q_total) const {
    if (e.folded == folded_query) return 1.0;
    std::vector<bool> used(e.tokens.size(), false);
    double matched = 0;
    for (std::size_t i = 0; i < q.size(); ++i) {
        double best = 0;
        std::size_t best_j = e.tokens.size();
        for (std::size_t j = 0; j < e.tokens.size(); ++j) {
            double m = token_match(q[i], e.tokens[j], i + 1 == q.size());
            if (used[j]) m *= 0.5;  // one alias token should not answer two query tokens
            if (m > best) { best = m; best_j = j; }
        }
        if (best_j < e.tokens.size()) used[best_j] = true;
        matched += qw[i] * best;
    }
    double covered = 0;
    for (std::size_t j = 0; j < e.tokens.size(); ++j) {
        if (used[j]) covered += e.weights[j];
    }
    const double query_part = matched / q_total;
    const double alias_part = covered / e.total_weight;
    // Mostly "did every query word find its match", a little "is the whole name covered", so
    // that "mutuelle generale" ranks La Mutuelle Générale above the Mutuelle Générale de la Police.
    return std::min(0.99, query_part * (0.8 + 0.2 * alias_part));
}

std::vector<Suggestion> SearchIndex::search(std::string_view query, std::size_t limit) const {
    std::vector<Suggestion> out;
    if (limit == 0) return out;
    if (query.size() > text::max_query_bytes) query = query.substr(0, text::max_query_bytes);
    const std::vector<std::string> q = text::tokens(query);
    if (q.empty()) return out;
    std::string folded_query;
    std::string digits;
    for (const std::string& t : q) {
        if (!folded_query.empty()) folded_query.push_back(' ');
        folded_query += t;
        digits += t;
    }
    std::unordered_map<std::size_t, Suggestion> best;  // per organization
    auto offer = [&](std::size_t org, const std::string& alias, double s) {
        Suggestion& cur = best[org];
        if (cur.org == nullptr || s > cur.score) cur = Suggestion{&ds_->organizations[org], alias, s};
    };
    // AMC numbers are printed with spaces ("123 456 789"): compare the digits only.
    if (all_digits(digits) && digits.size() >= 6) {
        for (std::size_t i = 0; i < ds_->organizations.size(); ++i) {
            for (const std::string& amc : ds_->organizations[i].amc) {
                if (amc == digits) offer(i, amc, 1.0);
                else if (digits.size() >= 6 && amc.compare(0, digits.size(), digits) == 0) offer(i, amc, 0.8);
            }
        }
    }
    std::vector<double> qw;
    double q_total = 0;
    for (const std::string& t : q) {
        qw.push_back(token_weight(t));
        q_total += qw.back();
    }
    for (const Entry& e : entries_) {
        const double s = score(e, folded_query, q, qw, q_total);
        if (s >= min_score) offer(e.org, e.alias, s);
    }
    for (auto& [org, s] : best) out.push_back(s);
    // Scores are shown with 3 decimals (api.cpp): rank on that, so that results which look tied
    // are listed by name, then id, as docs/api.md says.
    const auto shown = [](double score) { return std::round(score * 1000.0); };
    std::sort(out.begin(), out.end(), [&](const Suggestion& a, const Suggestion& b) {
        if (shown(a.score) != shown(b.score)) return shown(a.score) > shown(b.score);
        if (a.org->name != b.org->name) return a.org->name < b.org->name;
        return a.org->id < b.org->id;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace breachcheck
