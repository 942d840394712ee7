// Writes the seed corpora of the fuzz targets from the repository's data, into the build tree:
//   make_seeds DATASET FIXTURE REAL_CASES OUTDIR
// dataset/  the real dataset, the test fixture, and fixture variants (compact, each top-level
//           section missing, one organization only)
// text/     every name, alias and contract of the dataset, and name/alias pairs for edit_distance
// search/   names, aliases, AMC numbers, and misspelt or cut variants of the names
// assess/   the structured answers of fuzz_assess.cpp for every organization and the real cases
// answers/  the real cases as answers documents, and invalid answers
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string read(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class Corpus {
public:
    Corpus(const fs::path& dir) : dir_(dir) { fs::create_directories(dir_); }
    void add(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / (name + "-" + std::to_string(count_++)), std::ios::binary) << bytes;
    }
private:
    fs::path dir_;
    int count_ = 0;
};

std::vector<std::string> names_of(const json& org) {
    std::vector<std::string> out = {org["name"].get<std::string>()};
    for (const json& a : org["aliases"]) out.push_back(a.get<std::string>());
    return out;
}

std::vector<std::string> contracts_of(const json& org) {
    std::vector<std::string> out;
    for (const json& s : org["scopes"]) {
        if (s.contains("contracts")) {
            for (const json& c : s["contracts"]) out.push_back(c.get<std::string>());
        }
    }
    return out;
}

// fuzz_assess.cpp's layout: flags, org, network, card, covered, name/contract index, free text.
std::string assess_input(unsigned flags, std::size_t org, unsigned network, unsigned card, unsigned covered,
                         unsigned index, const std::string& text = "") {
    std::string s = {static_cast<char>(flags), static_cast<char>(org), static_cast<char>(network),
                     static_cast<char>(card), static_cast<char>(covered), static_cast<char>(index)};
    return s + text;
}

unsigned index_in(const std::vector<std::string>& list, const std::string& v, unsigned otherwise) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i] == v) return static_cast<unsigned>(i);
    }
    return otherwise;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: make_seeds DATASET FIXTURE REAL_CASES OUTDIR\n");
        return 2;
    }
    const std::string real_text = read(argv[1]);
    const std::string fixture_text = read(argv[2]);
    const json real = json::parse(real_text);
    const json fixture = json::parse(fixture_text);
    const json cases = json::parse(read(argv[3]));
    const fs::path out = argv[4];

    // (a) dataset
    Corpus dataset(out / "dataset");
    dataset.add("real", real_text);
    dataset.add("fixture", fixture_text);
    dataset.add("fixture-compact", fixture.dump());
    for (auto it = fixture.begin(); it != fixture.end(); ++it) {
        json v = fixture;
        v.erase(it.key());
        dataset.add("fixture-without-" + it.key(), v.dump(1));
    }
    for (const json& org : fixture["organizations"]) {
        json v = fixture;
        v["organizations"] = json::array({org});
        dataset.add("fixture-only-" + org["id"].get<std::string>(), v.dump(1));
    }

    // (b) text and (c) search
    Corpus text(out / "text"), search(out / "search");
    for (const json* ds : {&real, &fixture}) {
        for (const json& org : (*ds)["organizations"]) {
            const std::vector<std::string> names = names_of(org);
            for (const std::string& n : names) {
                text.add("name", n);
                search.add("name", n);
                if (n.size() > 4) {
                    search.add("prefix", n.substr(0, n.size() / 2));
                    std::string typo = n;
                    std::swap(typo[typo.size() / 2], typo[typo.size() / 2 + 1]);
                    search.add("typo", typo);
                    search.add("dropped", n.substr(0, n.size() / 2) + n.substr(n.size() / 2 + 1));
                }
            }
            // fuzz_text.cpp splits "a\\\n" "b" "limit" into the two sides of edit_distance.
            if (names.size() > 1) text.add("pair", names[0] + "\\\n" + names[1] + "\x02");
            for (const std::string& c : contracts_of(org)) text.add("contract", c);
            if (org.contains("amc")) {
                for (const json& amc : org["amc"]) search.add("amc", amc.get<std::string>());
            }
        }
    }

    // (d) assess: flags bit 1-2 insurer mode, bits 5-6 contract mode (see fuzz_assess.cpp)
    Corpus assess(out / "assess");
    const std::vector<std::string> networks = {"itelis", "kalixia", "santeclair", "carte-blanche", "seveane", "other", "none", "unknown"};
    const std::vector<std::string> cards = {"viamedis", "almerys", "other", "none", "unknown"};
    const std::vector<std::string> periods = {"jan2024", "before2024", "after2024", "unknown"};
    for (unsigned d = 0; d < 2; ++d) {
        const json& orgs = (d ? fixture : real)["organizations"];
        for (std::size_t i = 0; i < orgs.size(); ++i) {
            assess.add("org", assess_input(d | 2u, i, 7, 4, 3, 0));
            assess.add("org-contract", assess_input(d | 2u | 32u, i, 0, 4, 1, 0));
            assess.add("name", assess_input(d | 4u, i, 1, 0, 0, 1));
            assess.add("org-all-explicit", assess_input(d | 2u | 16u | 128u, i, 5, 2, 1, 0));
        }
        assess.add("nobody", assess_input(d, 0, 7, 4, 3, 0));
        assess.add("pro", assess_input(d | 8u, 0, 7, 0, 3, 0));
        assess.add("query", assess_input(d | 6u, 0, 7, 4, 3, 0, "mutuelle generale"));
    }
    const json& real_orgs = real["organizations"];
    std::map<std::string, std::size_t> real_index;
    for (std::size_t i = 0; i < real_orgs.size(); ++i) real_index[real_orgs[i]["id"].get<std::string>()] = i;

    // (e) answers, and the real cases for (d) too
    Corpus answers(out / "answers");
    for (const json& c : cases["cases"]) {
        json a = json::object();
        const json& args = c["args"];
        for (std::size_t k = 0; k + 1 < args.size(); k += 2) a[args[k].get<std::string>().substr(2)] = args[k + 1];
        answers.add("case", a.dump());
        if (!a.contains("org") || !real_index.count(a["org"].get<std::string>())) continue;
        const std::string contract = a.value("contract", "");
        assess.add("case", assess_input(2u | (contract.empty() ? 0u : 96u) | (a.value("role", "") == "pro" ? 8u : 0u),
                                        real_index[a["org"].get<std::string>()],
                                        index_in(networks, a.value("network", "unknown"), 7),
                                        index_in(cards, a.value("card", "unknown"), 4),
                                        index_in(periods, a.value("covered", "unknown"), 3), 0, contract));
    }
    for (const char* a : {R"({"query":"malakof humanis","lang":"en"})", R"({"org":"helium","network":null,"contract":""})",
                          R"({"role":"pro","card":"viamedis"})", R"({"query":"123 456 789"})", R"({"org":"nope"})",
                          R"({"org":42})", R"({"network":"oxantis"})", R"({"lang":"de"})", R"({"nir":"1 84 12 75 123 456 78"})",
                          R"([])", R"("helium")", R"({"query":"h\u00e9lium\ud83d\ude00","contract":"Protec Territoriale"})"}) {
        answers.add("answers", a);
    }
    return 0;
}
