// Cross-record rules of the dataset: every name and alias identifies one entry, so that search
// and `check --query` never land on an organization through a wider name (docs/dataset.md,
// "Names and aliases").
#include <algorithm>
#include <map>
#include <set>

#include "load_dataset.hpp"
#include "text.hpp"

namespace breachcheck::load {
namespace {

struct Name {
    std::vector<std::string> tokens;
    std::string folded, text, path;
    EntryKind kind;
    std::string entry_id;
    std::size_t entry = 0;  // index within its kind
    bool alias = false;
};

std::string folded_of(const std::vector<std::string>& tokens) {
    std::string out;
    for (const std::string& t : tokens) {
        if (!out.empty()) out.push_back(' ');
        out += t;
    }
    return out;
}

// True when `part` occurs in `whole` as consecutive tokens.
bool contains_words(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
    if (part.empty() || part.size() > whole.size()) return false;
    for (std::size_t i = 0; i + part.size() <= whole.size(); ++i) {
        if (std::equal(part.begin(), part.end(), whole.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    }
    return false;
}

std::string describe(const Name& n) { return std::string(id_of(entry_kind_vocab, n.kind)) + " " + shown(n.entry_id); }

}  // namespace

void DatasetLoader::check_cross_rules() {
    std::vector<Name> names;
    auto add = [&](EntryKind kind, const std::string& id, std::size_t index, const std::string& base, const std::string& name,
                   const std::vector<Alias>& aliases) {
        names.push_back({text::tokens(name), "", name, child(base, "name"), kind, id, index, false});
        for (std::size_t k = 0; k < aliases.size(); ++k) {
            names.push_back({text::tokens(aliases[k].name), "", aliases[k].name, child(child(base, "aliases"), k), kind, id, index, true});
        }
    };
    for (std::size_t i = 0; i < out.organizations.size(); ++i) {
        add(EntryKind::organization, out.organizations[i].id, i, child("/organizations", i), out.organizations[i].name, out.organizations[i].aliases);
    }
    for (std::size_t i = 0; i < out.operators.size(); ++i) {
        add(EntryKind::operator_, out.operators[i].id, i, child("/operators", i), out.operators[i].name, out.operators[i].aliases);
    }
    for (std::size_t i = 0; i < out.networks.size(); ++i) {
        add(EntryKind::network, out.networks[i].id, i, child("/networks", i), out.networks[i].name, out.networks[i].aliases);
    }
    for (std::size_t i = 0; i < out.umbrellas.size(); ++i) {
        add(EntryKind::umbrella, out.umbrellas[i].id, i, child("/umbrellas", i), out.umbrellas[i].name, out.umbrellas[i].aliases);
    }
    for (Name& n : names) n.folded = folded_of(n.tokens);

    // 1. One id, one entry: `check` takes the id of whatever search returned.
    std::map<std::string, const Name*> by_id;
    for (const Name& n : names) {
        if (n.alias || n.entry_id.empty()) continue;
        const auto [it, added] = by_id.emplace(n.entry_id, &n);
        if (!added && it->second->kind != n.kind) {
            error(n.path.substr(0, n.path.rfind('/')) + "/id", "id " + shown(n.entry_id) + " is also the id of " + describe(*it->second) + ": ids are shared by no two entries");
        }
    }
    // 2. One folded name, one entry.
    std::map<std::string, const Name*> owner;
    for (const Name& n : names) {
        if (n.folded.empty()) {
            if (!n.text.empty()) error(n.path, "name has no letter or digit to search on");
            continue;
        }
        const auto [it, added] = owner.emplace(n.folded, &n);
        if (added) continue;
        const Name& first = *it->second;
        if (first.kind == n.kind && first.entry == n.entry) continue;  // the same alias twice in one entry is harmless
        error(n.path, std::string(n.alias ? "alias " : "name ") + shown(n.text) + " collides with " + first.path + " of " + describe(first));
    }
    // 3. An alias must identify its entry: not only generic words, not part of another entry's
    //    name or alias ("Mutuelle Générale" is in "Mutuelle Générale de la Police"), and not
    //    naming an umbrella ("Mercer APPA" names Mercer, who manages far more than APPA).
    for (const Name& n : names) {
        if (!n.alias || n.tokens.empty()) continue;
        if (std::all_of(n.tokens.begin(), n.tokens.end(), [](const std::string& t) { return text::is_generic(t) || t.size() == 1; })) {
            error(n.path, "alias " + shown(n.text) + " is only generic words: it does not identify one entry");
            continue;
        }
        for (const Name& other : names) {
            if (&other == &n || (other.kind == n.kind && other.entry == n.entry)) continue;
            if (other.tokens.size() > n.tokens.size() && contains_words(other.tokens, n.tokens)) {
                error(n.path, "alias " + shown(n.text) + " is part of " + other.path + " (" + shown(other.text) + ", " + describe(other) +
                              "): a wider or shared name must not pick one entry (remove it, or make it an umbrella)");
                break;
            }
            if (other.kind == EntryKind::umbrella && n.kind != EntryKind::umbrella && contains_words(n.tokens, other.tokens)) {
                error(n.path, "alias " + shown(n.text) + " names the umbrella " + shown(other.entry_id) +
                              ": an umbrella's name never picks one of the organizations it covers");
                break;
            }
        }
    }
}

}  // namespace breachcheck::load
