// Insurer search: every name and alias is folded once; a query word scores against the best
// name word (exact > prefix > small typo), weighted so that generic words count little. Words
// joined or split by the user are matched too: two adjacent query words joined against one name
// word ("mg tic" → MGTIC), and one query word against two adjacent name words joined
// ("grassavoye" → Gras Savoye).
//
// Cost per keystroke: each query word (and each adjacent pair, joined) is compared once with the
// distinct terms of the index, with cheap rejections first (length, letter masks, and for words of
// fewer than 4 letters, which only match exactly or as a prefix, a binary search); only the names
// containing a matching term are then scored, from those precomputed comparisons, and only the
// best `limit` are sorted.
#include "search.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "text.hpp"

namespace breachcheck {
namespace {

constexpr double generic_weight = 0.15;
// A match through an organization's detail counts a little less than one through its names, and
// ranks after them among equal scores.
constexpr double context_weight = 0.9;
constexpr std::uint32_t rank_context = 0xFFFFFFFFu;

// Generic words and single letters ("d'", stray markup like <b>) say little about the insurer.
double token_weight(const std::string& t) { return t.size() == 1 || text::is_generic(t) ? generic_weight : 1.0; }

std::uint64_t letter_mask(std::string_view s) {
    std::uint64_t m = 0;
    for (const char c : s) {
        if (c >= 'a' && c <= 'z') m |= std::uint64_t{1} << (c - 'a');
        else if (c >= '0' && c <= '9') m |= std::uint64_t{1} << (26 + (c - '0'));
    }
    return m;
}

int popcount(std::uint64_t x) {
    int n = 0;
    for (; x != 0; x &= x - 1) ++n;
    return n;
}

// Optimal-string-alignment distance <= 1 (one substitution, insertion, deletion or adjacent
// transposition), in one pass: the same answer as text::edit_distance(a, b, 1) <= 1.
bool within_one(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if (m - n > 1) return false;
    std::size_t p = 0;
    while (p < n && a[p] == b[p]) ++p;
    if (p == n) return true;
    if (n == m) {
        if (a.substr(p + 1) == b.substr(p + 1)) return true;
        return p + 1 < n && a[p] == b[p + 1] && a[p + 1] == b[p] && a.substr(p + 2) == b.substr(p + 2);
    }
    return a.substr(p) == b.substr(p + 1);
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t p = 0;
    while (p < n && a[p] == b[p]) ++p;
    return p;
}

// How well query word `q` matches name term `a` (0 = not at all). `typing` marks the last query
// word, which is probably incomplete. `qmask`/`amask` are their letter masks: one edit changes at
// most two bits of the mask, so most terms are rejected without computing a distance.
//
// `spaced` marks a comparison across a space: two query words joined, or two name words joined.
// The space is then the one liberty taken: at most one more edit, and no "misspelt and still
// being typed" match, so that unrelated neighbours do not add up to a match.
double token_match(std::string_view q, std::uint64_t qmask, std::string_view a, std::uint64_t amask, bool typing,
                   bool spaced = false) {
    const std::size_t qn = q.size();
    const std::size_t an = a.size();
    if (an >= qn && (qn == 0 || a[0] == q[0]) && a.compare(0, qn, q) == 0) {
        if (an == qn) return 1.0;
        if (qn < 2) return 0.0;
        const double completeness = static_cast<double>(qn) / static_cast<double>(an);
        return (typing ? 0.8 : 0.65) + 0.2 * completeness;
    }
    if (qn < 4) return 0.0;
    const std::size_t limit = qn >= 8 && !spaced ? 2 : 1;
    if ((an > qn ? an - qn : qn - an) <= limit && popcount(qmask ^ amask) <= static_cast<int>(2 * limit)) {
        // q != a here (equality returned above), so the distance is >= 1.
        const std::size_t d = within_one(q, a) ? 1 : limit == 2 ? text::edit_distance(q, a, 2) : 2;
        if (d <= limit) return 0.88 - 0.12 * static_cast<double>(d - 1);
    }
    // A misspelt word still being typed: compare with the term's beginning. Every letter of q but
    // one must then occur in a.
    if (!spaced && qn + 1 < an && popcount(qmask & ~amask) <= 1 && within_one(q, a.substr(0, qn))) return typing ? 0.7 : 0.55;
    return 0.0;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Per-search working memory, kept between searches so that a keystroke allocates (almost)
// nothing. Arrays indexed by term, entry or organization hold a stamp: a value equal to the
// current search's stamp means "set during this search", so nothing has to be cleared. Stamps
// only grow (per thread), so values left by another index never look current.
struct Scratch {
    std::uint32_t stamp = 0;
    std::vector<std::uint32_t> term_stamp, term_row;  // per term: row of its comparisons
    std::vector<double> row_score;                    // row * units + unit
    std::vector<std::uint32_t> row_agree;
    std::vector<std::uint32_t> matched;               // terms matched by some unit
    std::vector<std::uint32_t> entry_stamp, candidates;
    std::vector<std::uint32_t> org_stamp, org_slot;
    std::vector<unsigned char> used;
    struct Best {
        std::uint32_t org;  // the entry's slot (all kinds numbered together)
        EntryKind kind;
        std::uint32_t index;
        const Alias* alias_info;
        const std::string* alias;
        double score;
        std::uint32_t words, agreement;
        std::uint32_t rank;  // 0 = an AMC number, k + 1 = name (k = 0) or alias k of the organization
        bool context;        // through the detail row (Entry::context)
    };
    std::vector<Best> best;

    void begin(std::size_t terms, std::size_t entries, std::size_t orgs) {
        if (++stamp == 0) {  // wrapped: forget every old stamp
            std::fill(term_stamp.begin(), term_stamp.end(), 0);
            std::fill(entry_stamp.begin(), entry_stamp.end(), 0);
            std::fill(org_stamp.begin(), org_stamp.end(), 0);
            stamp = 1;
        }
        if (term_stamp.size() < terms) { term_stamp.resize(terms, 0); term_row.resize(terms, 0); }
        if (entry_stamp.size() < entries) entry_stamp.resize(entries, 0);
        if (org_stamp.size() < orgs) { org_stamp.resize(orgs, 0); org_slot.resize(orgs, 0); }
        row_score.clear();
        row_agree.clear();
        matched.clear();
        candidates.clear();
        best.clear();
    }
};

}  // namespace

SearchIndex::SearchIndex(const Dataset& ds) : ds_(&ds) {
    // Distinct terms; a pair is keyed by its text and where its first word ends.
    struct Found {
        std::string text;
        std::uint32_t first;
    };
    std::vector<Found> found;
    std::unordered_map<std::string, std::uint32_t> ids;
    ids.reserve(8 * ds.organizations.size());
    auto term_id = [&](std::string text, std::size_t first) {
        std::string key = first == 0 ? text : std::to_string(first) + ' ' + text;
        const auto [it, added] = ids.emplace(std::move(key), static_cast<std::uint32_t>(found.size()));
        if (added) found.push_back({std::move(text), static_cast<std::uint32_t>(first)});
        return it->second;
    };
    base_[0] = 0;
    base_[1] = static_cast<std::uint32_t>(ds.organizations.size());
    base_[2] = base_[1] + static_cast<std::uint32_t>(ds.operators.size());
    base_[3] = base_[2] + static_cast<std::uint32_t>(ds.networks.size());
    slots_ = base_[3] + static_cast<std::uint32_t>(ds.umbrellas.size());
    auto add_names = [&](EntryKind kind, std::size_t i, const std::string& name, const std::vector<Alias>& aliases, const std::string& detail) {
        const std::size_t rows = aliases.size() + (detail.empty() ? 0 : 1);
        for (std::size_t k = 0; k <= rows; ++k) {
            const bool context = k > aliases.size();
            const std::vector<std::string> tokens = text::tokens(k == 0 ? name : context ? name + " " + detail : aliases[k - 1].name);
            if (tokens.empty()) continue;
            Entry e;
            e.kind = kind;
            e.org = static_cast<std::uint32_t>(i);
            e.alias = context ? 0 : static_cast<std::uint32_t>(k);
            e.context = context;
            for (const std::string& t : tokens) {  // = text::fold(name), without tokenizing again
                if (!e.folded.empty()) e.folded.push_back(' ');
                e.folded += t;
            }
            for (const std::string& t : tokens) {
                e.weights.push_back(token_weight(t));
                e.total_weight += e.weights.back();
                e.terms.push_back(term_id(t, 0));
            }
            for (std::size_t j = 0; j + 1 < tokens.size(); ++j) e.terms.push_back(term_id(tokens[j] + tokens[j + 1], tokens[j].size()));
            entries_.push_back(std::move(e));
        }
    };
    const std::string none;
    for (std::size_t i = 0; i < ds.organizations.size(); ++i) add_names(EntryKind::organization, i, ds.organizations[i].name, ds.organizations[i].aliases, ds.organizations[i].detail.fr);
    for (std::size_t i = 0; i < ds.operators.size(); ++i) add_names(EntryKind::operator_, i, ds.operators[i].name, ds.operators[i].aliases, none);
    for (std::size_t i = 0; i < ds.networks.size(); ++i) add_names(EntryKind::network, i, ds.networks[i].name, ds.networks[i].aliases, none);
    for (std::size_t i = 0; i < ds.umbrellas.size(); ++i) add_names(EntryKind::umbrella, i, ds.umbrellas[i].name, ds.umbrellas[i].aliases, none);
    ids.clear();
    // Scan order: single tokens, then pairs, each sorted by text (then by where the pair splits).
    std::vector<std::uint32_t> order(found.size());
    for (std::uint32_t t = 0; t < order.size(); ++t) order[t] = t;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const bool pa = found[a].first != 0, pb = found[b].first != 0;
        if (pa != pb) return pb;
        if (found[a].text != found[b].text) return found[a].text < found[b].text;
        return found[a].first < found[b].first;
    });
    std::vector<std::uint32_t> renumber(found.size());
    std::size_t pool_size = 0;
    for (const Found& f : found) pool_size += f.text.size();
    pool_.reserve(pool_size);
    terms_.resize(found.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) {
        const Found& f = found[order[k]];
        renumber[order[k]] = k;
        Term& t = terms_[k];
        t.offset = static_cast<std::uint32_t>(pool_.size());
        t.length = static_cast<std::uint32_t>(f.text.size());
        t.first = f.first;
        t.pair = f.first != 0;
        t.mask = letter_mask(f.text);
        pool_ += f.text;
        if (!t.pair) singles_ = k + 1;
    }
    for (Entry& e : entries_) {
        for (std::uint32_t& t : e.terms) t = renumber[t];
    }
    // Postings: for each term, the entries that contain it (once each), in entry order.
    std::vector<std::uint32_t> count(terms_.size() + 1, 0);
    std::vector<std::uint32_t> last(terms_.size(), UINT32_MAX);
    for (std::uint32_t ei = 0; ei < entries_.size(); ++ei) {
        for (const std::uint32_t t : entries_[ei].terms) {
            if (last[t] != ei) { last[t] = ei; ++count[t + 1]; }
        }
    }
    for (std::size_t t = 0; t < terms_.size(); ++t) count[t + 1] += count[t];
    posting_start_ = count;
    postings_.resize(count.back());
    std::fill(last.begin(), last.end(), UINT32_MAX);
    for (std::uint32_t ei = 0; ei < entries_.size(); ++ei) {
        for (const std::uint32_t t : entries_[ei].terms) {
            if (last[t] != ei) { last[t] = ei; postings_[count[t]++] = ei; }
        }
    }
}

std::uint32_t SearchIndex::slot(EntryKind kind, std::uint32_t index) const { return base_[static_cast<int>(kind)] + index; }

const Alias* SearchIndex::alias_of(const Entry& e) const {
    if (e.alias == 0) return nullptr;
    switch (e.kind) {
        case EntryKind::organization: return &ds_->organizations[e.org].aliases[e.alias - 1];
        case EntryKind::operator_: return &ds_->operators[e.org].aliases[e.alias - 1];
        case EntryKind::network: return &ds_->networks[e.org].aliases[e.alias - 1];
        case EntryKind::umbrella: return &ds_->umbrellas[e.org].aliases[e.alias - 1];
    }
    return nullptr;
}

const std::string& SearchIndex::name_of(EntryKind kind, std::uint32_t index) const {
    switch (kind) {
        case EntryKind::organization: return ds_->organizations[index].name;
        case EntryKind::operator_: return ds_->operators[index].name;
        case EntryKind::network: return ds_->networks[index].name;
        case EntryKind::umbrella: return ds_->umbrellas[index].name;
    }
    return ds_->organizations[index].name;
}

const std::string& SearchIndex::id_of_entry(EntryKind kind, std::uint32_t index) const {
    switch (kind) {
        case EntryKind::organization: return ds_->organizations[index].id;
        case EntryKind::operator_: return ds_->operators[index].id;
        case EntryKind::network: return ds_->networks[index].id;
        case EntryKind::umbrella: return ds_->umbrellas[index].id;
    }
    return ds_->organizations[index].id;
}

const std::string& SearchIndex::alias_text(const Entry& e) const {
    const Alias* a = alias_of(e);
    return a ? a->name : name_of(e.kind, e.org);
}

namespace {

// An initialism typed letter by letter ("M.G.E.N", "l m d e": folding makes the dots spaces)
// is one word: a run of three or more one-letter tokens is joined. Two letters ("m h", "b p")
// are left to the joined-words rule of score(), which weighs them against each other; a single
// letter stays apart ("pro b"), and digits too.
std::vector<std::string> join_initials(std::vector<std::string> tokens) {
    std::vector<std::string> out;
    out.reserve(tokens.size());
    const auto letter = [](const std::string& t) { return t.size() == 1 && t[0] >= 'a' && t[0] <= 'z'; };
    for (std::size_t i = 0; i < tokens.size();) {
        std::size_t j = i;
        while (j < tokens.size() && letter(tokens[j])) ++j;
        if (j - i >= 3) {
            std::string joined;
            for (std::size_t k = i; k < j; ++k) joined += tokens[k];
            out.push_back(std::move(joined));
            i = j;
        } else {
            out.push_back(std::move(tokens[i]));
            ++i;
        }
    }
    return out;
}

}  // namespace

std::vector<Suggestion> SearchIndex::search(std::string_view query, std::size_t limit) const {
    std::vector<Suggestion> out;
    if (limit == 0) return out;
    if (query.size() > text::max_query_bytes) query = query.substr(0, text::max_query_bytes);
    const std::vector<std::string> q = join_initials(text::tokens(query));
    if (q.empty()) return out;
    const std::size_t n = q.size();
    std::string folded_query;
    std::string digits;
    std::uint32_t letters = 0;
    for (const std::string& t : q) {
        if (!folded_query.empty()) folded_query.push_back(' ');
        folded_query += t;
        digits += t;
        letters += static_cast<std::uint32_t>(t.size());
    }
    thread_local Scratch s;
    s.begin(terms_.size(), entries_.size(), slots_);

    // Per organization, the best match: a higher score, then more query words matched, then more
    // agreeing letters, then an AMC number before the name before its aliases (in their order).
    auto offer = [&](const Scratch::Best& b) {
        if (s.org_stamp[b.org] != s.stamp) {
            s.org_stamp[b.org] = s.stamp;
            s.org_slot[b.org] = static_cast<std::uint32_t>(s.best.size());
            s.best.push_back(b);
            return;
        }
        Scratch::Best& cur = s.best[s.org_slot[b.org]];
        const bool better = b.score != cur.score     ? b.score > cur.score
                          : b.words != cur.words     ? b.words > cur.words
                          : b.agreement != cur.agreement ? b.agreement > cur.agreement
                                                         : b.rank < cur.rank;
        if (better) cur = b;
    };
    // AMC numbers are printed with spaces ("123 456 789"): compare the digits only.
    if (all_digits(digits) && digits.size() >= 6) {
        const auto all = static_cast<std::uint32_t>(n);
        const auto len = static_cast<std::uint32_t>(digits.size());
        for (std::size_t i = 0; i < ds_->organizations.size(); ++i) {
            for (const std::string& amc : ds_->organizations[i].amc) {
                const auto org = static_cast<std::uint32_t>(i);
                if (amc == digits) offer({org, EntryKind::organization, org, nullptr, &amc, 1.0, all, len, 0, false});
                else if (amc.compare(0, digits.size(), digits) == 0) offer({org, EntryKind::organization, org, nullptr, &amc, 0.8, all, len, 0, false});
            }
        }
    }

    // Units: each query word (0..n-1), then each adjacent pair joined (n..2n-2). A joined pair is
    // compared with single name words only (a pair against a pair is just two words).
    const std::size_t units = 2 * n - 1;
    std::vector<double> qw(n);
    double q_total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        qw[i] = token_weight(q[i]);
        q_total += qw[i];
    }
    auto record = [&](std::uint32_t t, std::size_t u, double m, std::uint32_t agree) {
        if (s.term_stamp[t] != s.stamp) {
            s.term_stamp[t] = s.stamp;
            s.term_row[t] = static_cast<std::uint32_t>(s.matched.size());
            s.matched.push_back(t);
            s.row_score.resize(s.row_score.size() + units, 0.0);
            s.row_agree.resize(s.row_agree.size() + units, 0);
        }
        s.row_score[s.term_row[t] * units + u] = m;
        s.row_agree[s.term_row[t] * units + u] = agree;
    };
    std::string joined;
    for (std::size_t u = 0; u < units; ++u) {
        std::string_view w;
        if (u < n) {
            w = q[u];
        } else {
            joined = q[u - n];
            joined += q[u - n + 1];
            w = joined;
        }
        const bool typing = u == n - 1 || u == units - 1;
        const bool spaced = u >= n;
        const std::uint64_t wmask = letter_mask(w);
        // Whether term t may answer unit u. A name pair answers a query word only when the word
        // reaches past the pair's first word (otherwise that word alone answers it). Two query
        // words joined answer a name word only when each adds to the match: better than either
        // word alone ("mutuelle bl" is not "mutuelle" with two typos).
        auto keep = [&](const Term& t, std::string_view tt, double m) {
            if (t.pair) return w.size() > t.first;
            if (u < n) return true;
            const std::string& a = q[u - n];
            const std::string& b = q[u - n + 1];
            return m > token_match(a, letter_mask(a), tt, t.mask, false) &&
                   m > token_match(b, letter_mask(b), tt, t.mask, typing);
        };
        // Terms [from, to) of the scan order (sorted by text within it).
        auto scan = [&](std::uint32_t from, std::uint32_t to) {
            if (w.size() < 4) {
                // Short words match only exactly or as a prefix: the terms that start with w
                // (one letter: only a term of that letter).
                std::uint32_t lo = from, hi = to;
                while (lo < hi) {
                    const std::uint32_t mid = lo + (hi - lo) / 2;
                    if (text(terms_[mid]) < w) lo = mid + 1;
                    else hi = mid;
                }
                for (std::uint32_t id = lo; id < to; ++id) {
                    const Term& t = terms_[id];
                    const std::string_view tt = text(t);
                    if (tt.compare(0, w.size(), w) != 0) break;
                    if (w.size() == 1 && tt.size() != 1) break;  // sorted: "m" comes before "ma…"
                    const double m = token_match(w, wmask, tt, t.mask, typing, spaced || t.pair);
                    if (m > 0 && keep(t, tt, m)) record(id, u, m, static_cast<std::uint32_t>(w.size()));
                }
                return;
            }
            const std::size_t shortest = w.size() - (w.size() >= 8 && !spaced ? 2 : 1);
            for (std::uint32_t id = from; id < to; ++id) {
                const Term& t = terms_[id];
                // Cheap rejections, before token_match: too short for any match, or a pair whose
                // first word already holds the whole query word (see keep()).
                if (t.length < shortest || (t.pair && w.size() <= t.first)) continue;
                const std::string_view tt = text(t);
                const double m = token_match(w, wmask, tt, t.mask, typing, spaced || t.pair);
                if (m > 0 && keep(t, tt, m)) record(id, u, m, static_cast<std::uint32_t>(common_prefix(w, tt)));
            }
        };
        scan(0, singles_);
        if (u < n) scan(singles_, static_cast<std::uint32_t>(terms_.size()));
    }

    // Candidates: the entries that contain at least one matched term (any other scores 0).
    for (const std::uint32_t t : s.matched) {
        for (std::uint32_t p = posting_start_[t]; p < posting_start_[t + 1]; ++p) {
            const std::uint32_t ei = postings_[p];
            if (s.entry_stamp[ei] != s.stamp) {
                s.entry_stamp[ei] = s.stamp;
                s.candidates.push_back(ei);
            }
        }
    }
    for (const std::uint32_t ei : s.candidates) {
        const Entry& e = entries_[ei];
        if (e.folded == folded_query && !e.context) {
            offer({slot(e.kind, e.org), e.kind, e.org, alias_of(e), &alias_text(e), 1.0, static_cast<std::uint32_t>(n), letters, e.alias + 1, false});
            continue;
        }
        const std::size_t tn = e.tokens();
        const std::size_t slots = e.terms.size();  // tn single words, then tn - 1 pairs
        s.used.assign(tn, 0);
        auto value = [&](std::size_t slot, std::size_t u) {
            const std::uint32_t t = e.terms[slot];
            return s.term_stamp[t] == s.stamp ? s.row_score[s.term_row[t] * units + u] : 0.0;
        };
        auto agree = [&](std::size_t slot, std::size_t u) { return s.row_agree[s.term_row[e.terms[slot]] * units + u]; };
        auto taken = [&](std::size_t slot) { return slot < tn ? s.used[slot] != 0 : s.used[slot - tn] || s.used[slot - tn + 1]; };
        auto take = [&](std::size_t slot) {
            if (slot < tn) s.used[slot] = 1;
            else s.used[slot - tn] = s.used[slot - tn + 1] = 1;
        };
        // Best slot for unit u; one name word should not answer two query words (half value).
        auto best_slot = [&](std::size_t u, std::size_t upto, double& best) {
            best = 0;
            std::size_t at = slots;
            for (std::size_t j = 0; j < upto; ++j) {
                double m = value(j, u);
                if (m <= 0) continue;
                if (taken(j)) m *= 0.5;
                if (m > best) { best = m; at = j; }
            }
            return at;
        };
        double matched = 0;
        std::uint32_t words = 0, agreement = 0;
        for (std::size_t i = 0; i < n;) {
            if (i + 1 < n) {
                // Two query words typed for one name word ("mg tic", "entre nous"): take the
                // joined pair when it explains both words better than each does alone.
                double mj = 0, mi = 0, mk = 0;
                const std::size_t sj = best_slot(n + i, tn, mj);
                if (sj < slots) {
                    best_slot(i, slots, mi);
                    best_slot(i + 1, slots, mk);
                    if ((qw[i] + qw[i + 1]) * mj > qw[i] * mi + qw[i + 1] * mk) {
                        take(sj);
                        matched += (qw[i] + qw[i + 1]) * mj;
                        words += 2;
                        agreement += agree(sj, n + i);
                        i += 2;
                        continue;
                    }
                }
            }
            double m = 0;
            const std::size_t sl = best_slot(i, slots, m);
            if (sl < slots) {
                take(sl);
                matched += qw[i] * m;
                words += 1;
                agreement += agree(sl, i);
            }
            ++i;
        }
        double covered = 0;
        for (std::size_t j = 0; j < tn; ++j) {
            if (s.used[j]) covered += e.weights[j];
        }
        const double query_part = matched / q_total;
        const double alias_part = covered / e.total_weight;
        // Mostly "did every query word find its match", a little "is the whole name covered", so
        // that "mutuelle generale" ranks La Mutuelle Générale above the Mutuelle Générale de la Police.
        const double score = std::min(0.99, query_part * (0.8 + 0.2 * alias_part)) * (e.context ? context_weight : 1.0);
        if (score >= min_score) offer({slot(e.kind, e.org), e.kind, e.org, alias_of(e), &alias_text(e), score, words, agreement, e.context ? rank_context : e.alias + 1, e.context});
    }

    // Scores are shown with 3 decimals (api.cpp): rank on that, so that results which look tied
    // are ordered by what is not shown: first how many query words found a match ("mgen vyv":
    // MGEN and Groupe VYV each match one word, see next), then how many typed letters agree with
    // the beginnings of the matched words — the start of a word is what people get right, and a
    // longer exact word is stronger evidence than a shorter one ("mgen vyv": 4 letters for MGEN
    // against 3 for VYV; "mutamie": Mutami agrees on 6 letters, Mutame on 5) — then name, then id.
    const auto shown = [](double score) { return std::round(score * 1000.0); };
    const auto before = [&](const Scratch::Best& a, const Scratch::Best& b) {
        if (shown(a.score) != shown(b.score)) return shown(a.score) > shown(b.score);
        if (a.words != b.words) return a.words > b.words;
        if (a.agreement != b.agreement) return a.agreement > b.agreement;
        const std::string& na = name_of(a.kind, a.index);
        const std::string& nb = name_of(b.kind, b.index);
        if (na != nb) return na < nb;
        return id_of_entry(a.kind, a.index) < id_of_entry(b.kind, b.index);
    };
    const std::size_t k = std::min(limit, s.best.size());
    std::partial_sort(s.best.begin(), s.best.begin() + static_cast<std::ptrdiff_t>(k), s.best.end(), before);
    out.reserve(k);
    for (std::size_t i = 0; i < k; ++i) {
        const Scratch::Best& b = s.best[i];
        Suggestion sug;
        sug.kind = b.kind;
        sug.entry = b.index;
        sug.org = b.kind == EntryKind::organization ? &ds_->organizations[b.index] : nullptr;
        sug.id = id_of_entry(b.kind, b.index);
        sug.name = name_of(b.kind, b.index);
        sug.alias = *b.alias;
        sug.alias_info = b.alias_info;
        sug.score = b.score;
        sug.words = b.words;
        sug.agreement = b.agreement;
        sug.context = b.context;
        out.push_back(std::move(sug));
    }
    return out;
}

}  // namespace breachcheck
