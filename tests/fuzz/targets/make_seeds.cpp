// Writes the seed corpora of the fuzz targets from the repository's data, into the build tree:
//   make_seeds DATASET FIXTURE REAL_CASES OUTDIR
// dataset/  the real dataset, the test fixture, and fixture variants (compact, each top-level
//           section missing, one organization only, an older schema version)
// image/    images written by write_image from the real dataset, the fixture and its one-
//           organization variants, in full and French-only, then truncated and bit-flipped copies
// text/     every name, alias and contract of both datasets, name/alias pairs for edit_distance,
//           and the French rule texts and action titles (for elide_fr and typeset_fr)
// search/   names, aliases, AMC numbers, and misspelt or cut variants of the names
// assess/   fuzz_assess.cpp's structured answers for every organization and the real cases
// answers/  the real cases as answers documents, and invalid answers
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assess.hpp"
#include "image.hpp"
#include "load.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace breachcheck;

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
    explicit Corpus(const fs::path& dir) : dir_(dir) { fs::create_directories(dir_); }
    void add(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / (name + "-" + std::to_string(count_++)), std::ios::binary) << bytes;
    }

private:
    fs::path dir_;
    int count_ = 0;
};

std::unique_ptr<const Dataset> load(const std::string& text, const char* what) {
    LoadResult r = load_dataset(text);
    if (!r.dataset) throw std::runtime_error(std::string(what) + " does not load: " + (r.errors.empty() ? "" : r.errors[0].path + " " + r.errors[0].message));
    return std::move(r.dataset);
}

// fuzz_assess.cpp's layout: flags, organization, name index, one byte per question (8), text.
constexpr std::size_t question_bytes = 8;

struct Assess {
    unsigned flags = 0;
    std::size_t org = 0, name = 0;
    std::vector<std::size_t> answers = std::vector<std::size_t>(question_bytes, 0);
    std::string text;
    std::string bytes() const {
        std::string s = {static_cast<char>(flags), static_cast<char>(org), static_cast<char>(name)};
        for (std::size_t a : answers) s.push_back(static_cast<char>(a));
        return s + text;
    }
};

// The index of option `id` among the answers `q` accepts for `org` (the order fuzz_assess reads).
std::size_t option_index(const Dataset& ds, const Question& q, const Organization* org, const std::string& id) {
    const std::vector<Option> opts = answer_options(ds, q, org);
    for (std::size_t i = 0; i < opts.size(); ++i) {
        if (opts[i].id == id) return i;
    }
    return opts.size() - 1;
}

// Every question answered "unknown" (for `org`).
Assess all_unknown(const Dataset& ds, unsigned flags, const Organization* org) {
    Assess a;
    a.flags = flags;
    if (org) a.org = ds.org_index(*org);
    for (std::size_t k = 0; k < ds.questions.size() && k < question_bytes; ++k) a.answers[k] = option_index(ds, ds.questions[k], org, "unknown");
    return a;
}

// Truncated and bit-flipped copies of an image (`spread` flips spread over the payload, besides
// the header's and the first counts' and lengths').
void image_variants(Corpus& c, const std::string& name, const std::string& image, unsigned seed, int spread) {
    c.add(name, image);
    // Cut: inside the header, after it, inside the payload, one byte short.
    for (std::size_t cut : {std::size_t{0}, std::size_t{7}, std::size_t{12}, std::size_t{20}, std::size_t{24}, image.size() / 3, image.size() - 1}) {
        if (cut < image.size()) c.add(name + "-cut", image.substr(0, cut));
    }
    // Flipped: the format version, the schema version, the length, the first count and string
    // lengths, then a few bytes spread over the payload.
    std::vector<std::size_t> at = {8, 12, 16, 20, 24, 28, 32};
    unsigned x = seed;
    for (int k = 0; k < spread; ++k) {
        x = x * 1103515245u + 12345u;
        at.push_back(20 + (x >> 8) % (image.size() - 20));
    }
    for (std::size_t i : at) {
        if (i >= image.size()) continue;
        std::string flipped = image;
        flipped[i] = static_cast<char>(flipped[i] ^ (1 << (i % 8)));
        c.add(name + "-flip", flipped);
        std::string big = image;
        big[i] = static_cast<char>(0xFF);
        c.add(name + "-ff", big);
    }
}

}  // namespace

int main(int argc, char** argv) try {
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
    const auto real_ds = load(real_text, argv[1]);
    const auto fixture_ds = load(fixture_text, argv[2]);

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
    std::vector<std::pair<std::string, std::string>> small;  // one organization each, for images
    for (const json& org : fixture["organizations"]) {
        json v = fixture;
        v["organizations"] = json::array({org});
        v["umbrellas"] = json::array();  // their candidates name other organizations
        small.push_back({org["id"].get<std::string>(), v.dump(1)});
        dataset.add("fixture-only-" + org["id"].get<std::string>(), v.dump(1));
    }
    {
        json v = fixture;
        v["schema_version"] = 1;
        dataset.add("fixture-schema-1", v.dump(1));
        v = fixture;
        v["languages"] = json::array({"fr"});
        dataset.add("fixture-fr-only-marked", v.dump(1));
    }

    // (f) image
    Corpus image(out / "image");
    unsigned seed = 1;
    // The real image is large (every input of it takes long): it and its French-only copy, a few
    // cuts and flips; the fixture's images get the many variants.
    {
        const std::string real_image = write_image(*real_ds);
        image.add("real", real_image);
        Dataset fr = *real_ds;
        fr.languages = {"fr"};
        image.add("real-fr", write_image(fr));
        for (std::size_t cut : {std::size_t{24}, real_image.size() / 2, real_image.size() - 1}) image.add("real-cut", real_image.substr(0, cut));
        for (std::size_t at : {std::size_t{20}, std::size_t{4000}, real_image.size() / 2}) {
            std::string flipped = real_image;
            flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
            image.add("real-flip", flipped);
        }
    }
    {
        const std::string fixture_image = write_image(*fixture_ds);
        image_variants(image, "fixture", fixture_image, seed++, 24);
        Dataset fr = *fixture_ds;
        fr.languages = {"fr"};
        image_variants(image, "fixture-fr", write_image(fr), seed++, 6);
    }
    for (const auto& [id, text] : small) {
        LoadResult r = load_dataset(text);
        if (!r.dataset) continue;
        const std::string img = write_image(*r.dataset);
        image.add("fixture-only-" + id, img);
        if (id == small.front().first || id == small.back().first) image_variants(image, "fixture-only-" + id, img, seed++, 12);
    }

    // (b) text and (c) search
    Corpus text(out / "text"), search(out / "search");
    for (const Dataset* ds : {real_ds.get(), fixture_ds.get()}) {
        auto names = [&](const std::string& name, const std::vector<Alias>& aliases) {
            std::vector<std::string> list = {name};
            for (const Alias& a : aliases) list.push_back(a.name);
            for (const std::string& n : list) {
                text.add("name", n);
                search.add("name", n);
                if (n.size() > 4 && &n == &list.front() && ds == real_ds.get()) {  // misspelt: the real names only
                    search.add("prefix", n.substr(0, n.size() / 2));
                    std::string typo = n;
                    std::swap(typo[typo.size() / 2], typo[typo.size() / 2 + 1]);
                    search.add("typo", typo);
                    search.add("dropped", n.substr(0, n.size() / 2) + n.substr(n.size() / 2 + 1));
                }
            }
            // fuzz_text.cpp reads "limit, budget" from the end and the first string up to "\\\n".
            if (list.size() > 1) text.add("pair", list[0] + "\\\n" + list[1] + "\x02\x10");
        };
        for (const Organization& o : ds->organizations) {
            names(o.name, o.aliases);
            for (const Scope& s : o.scopes) {
                for (const std::string& c : s.contracts) text.add("contract", c);
            }
            for (const std::string& amc : o.amc) search.add("amc", amc);
        }
        for (const Operator& o : ds->operators) names(o.name, o.aliases);
        for (const Network& o : ds->networks) names(o.name, o.aliases);
        for (const Umbrella& o : ds->umbrellas) names(o.name, o.aliases);
    }
    for (const auto& [id, rule] : real_ds->rules) text.add("rule-" + id, rule.text.fr);
    for (const Action& a : real_ds->actions) text.add("action", a.title.fr + " : " + a.why.fr.substr(0, 200));
    for (const char* s : {"de Almerys que Alan le Hôpital la Église ne y", "« Attention ! » 48 h, 30 %, 12 € ; voir : https://x.fr 3:00",
                          "\u202E\u202E\u202E\u202E\u202E\u202E\u202E\u202Eabc", "je ne sais pas", "I don't know"}) {
        text.add("hand", s);
        search.add("hand", s);
    }

    // (d) assess (flag bits: see fuzz_assess.cpp)
    Corpus assess(out / "assess");
    for (unsigned d = 0; d < 2; ++d) {
        const Dataset& ds = d ? *fixture_ds : *real_ds;
        for (const Organization& o : ds.organizations) {
            assess.add("org", all_unknown(ds, d | 2u, &o).bytes());
            Assess named = all_unknown(ds, d | 4u, &o);
            if (!o.aliases.empty() && ds.org_index(o) % 2) {  // by an alias (every other one)
                named.name = 1;
                named.flags |= 16u;
            }
            assess.add("name", named.bytes());
            // Each question answered with its first option (the second for every other one).
            const std::size_t pick = ds.org_index(o) % 2;
            Assess a = all_unknown(ds, d | 2u | (pick ? 64u : 0u), &o);
            for (std::size_t k = 0; k < ds.questions.size() && k < question_bytes; ++k) a.answers[k] = pick;
            assess.add("org-answers", a.bytes());
            if (!o.scopes.empty() && !o.scopes[0].contracts.empty()) {
                Assess a = all_unknown(ds, d | 2u | 32u, &o);
                a.text = o.scopes[0].contracts[0];
                assess.add("org-typed-contract", a.bytes());
            }
        }
        assess.add("nobody", all_unknown(ds, d, nullptr).bytes());
        assess.add("pro", all_unknown(ds, d | 8u, nullptr).bytes());
        Assess q = all_unknown(ds, d | 6u, nullptr);
        q.text = "mutuelle generale";
        assess.add("query", q.bytes());
        const std::size_t entries = ds.operators.size() + ds.networks.size() + ds.umbrellas.size();
        for (std::size_t e = 0; e < entries; ++e) {
            Assess a = all_unknown(ds, d | 2u | 128u, nullptr);
            a.org = e;
            assess.add("entry", a.bytes());
            a.flags |= 64u;  // the same with every "unknown" written out
            assess.add("entry-explicit", a.bytes());
        }
    }

    // (e) answers, and the real cases for (d) too
    Corpus answers(out / "answers");
    for (const json& c : cases["cases"]) {
        json a = json::object();
        const json& args = c["args"];
        for (std::size_t k = 0; k + 1 < args.size(); k += 2) a[args[k].get<std::string>().substr(2)] = args[k + 1];
        answers.add("case", a.dump());
        // As structured answers of the real dataset: the CLI's --card, --covered, --network and
        // --contract answer the question of that kind.
        const Dataset& ds = *real_ds;
        const Organization* org = a.contains("org") ? ds.find_org(a["org"].get<std::string>()) : nullptr;
        Assess s = all_unknown(ds, 0, org);
        if (org) s.flags |= 2u;
        else if (a.contains("query")) {
            s.flags |= 6u;
            s.text = a["query"].get<std::string>();
        }
        if (a.value("role", "") == "pro") s.flags |= 8u;
        for (std::size_t k = 0; k < ds.questions.size() && k < question_bytes; ++k) {
            const Question& q = ds.questions[k];
            const std::string kind(id_of(question_kind_vocab, q.kind));
            if (!a.contains(kind)) continue;
            const std::string v = a[kind].get<std::string>();
            if (q.kind == QuestionKind::contract && option_index(ds, q, org, slug_of(v)) + 1 == answer_options(ds, q, org).size()) {
                s.flags |= 32u;
                if (s.text.empty()) s.text = v;
            } else {
                s.answers[k] = option_index(ds, q, org, q.kind == QuestionKind::contract ? slug_of(v) : v);
            }
        }
        assess.add("case", s.bytes());
    }
    for (const char* a : {R"({"query":"malakof humanis","lang":"en"})", R"({"org":"helium","network":null,"contract":""})",
                          R"({"role":"pro","card":"viamedis"})", R"({"query":"123 456 789"})", R"({"org":"nope"})",
                          R"({"org":42})", R"({"network":"oxantis"})", R"({"lang":"de"})", R"({"nir":"1 84 12 75 123 456 78"})",
                          R"([])", R"("helium")", R"({"query":"h\u00e9lium\ud83d\ude00","contract":"Protec Territoriale"})",
                          R"({"org":"viamedis","card":"unknown"})", R"({"org":"itelis","network":"kalixia"})", R"({"org":"mercer"})",
                          R"({"org":"mutame-plus","care_window":"optical_2020_2021","covered":"joined_early_2024","contract":"mstcdg27"})",
                          R"({"window":"late","org":"t-one"})", R"({"org":null,"org":"helium"})", R"({"org":"helium","org":null})",
                          R"( { "lang" : "en" , "role" : "pro" } )", "\xEF\xBB\xBF{}", R"({"query":"\ud800"})", R"({"query":"a\u0000b"})",
                          "{\"query\":\"\xFF\xFEmalakoff\"}", R"({"org":"helium",})", R"({"org":"helium"} {})"}) {
        answers.add("answers", a);
    }
    {
        json many = json::object();
        for (int k = 0; k < 33; ++k) many["k" + std::to_string(k)] = nullptr;
        answers.add("too-many-keys", many.dump());
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "make_seeds: %s\n", e.what());
    return 1;
}
