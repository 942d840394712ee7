// breachcheck: the command-line face of the core (same calls as the page, see docs/api.md).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "audit.hpp"
#include "image.hpp"
#include "load.hpp"
#include "render.hpp"
#include "sha256.hpp"
#include "stats.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace breachcheck;

namespace {

constexpr int exit_ok = 0;
constexpr int exit_invalid_data = 1;
constexpr int exit_usage = 2;

const char* usage_text =
    "Usage:\n"
    "  breachcheck search QUERY [--limit N] [--json]\n"
    "  breachcheck list [--json]\n"
    "  breachcheck check [--org ID | --query TEXT] [--card ID] [--covered ID] [--network ID] [--contract TEXT]\n"
    "                    [--answer QUESTION=ID]... [--role insured|pro] [--lang fr|en] [--json]\n"
    "  breachcheck incidents [--lang fr|en] [--json]   (every incident, assessed and informational)\n"
    "  breachcheck audit [--json]                      (every organization x every answer: no reassurance without a source)\n"
    "  breachcheck validate FILE... [--json]           (a dataset, JSON or image)\n"
    "  breachcheck validate --overlay FILE [--data BASE] [--json]   (an insurer's overlay)\n"
    "  breachcheck compile [--overlay FILE] [--source-of JSON] --out IMAGE   (the compact image the page loads)\n"
    "  breachcheck stats [--json]\n"
    "  breachcheck scan-message [FILE|-] [--lang fr|en] [--json]   (is this SMS/e-mail a scam? exit 0 whatever the risk)\n"
    "Common options: --data FILE (dataset to use instead of the installed one, JSON or image),\n"
    "                --overlay FILE (an insurer's overlay merged over it; check, search, list, audit, compile).\n"
    "Answers: `breachcheck check --org ID` lists the questions that can change the answer, with their ids;\n"
    "         --card, --covered, --network and --contract are --answer for those questions.\n"
    "Exit codes: 0 answered, 1 invalid data, 2 usage error.\n";

struct Usage {
    std::string message;
};

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::vector<std::string> answers;  // --answer QUESTION=ID, in order
    bool json = false;
};

Args parse_args(int argc, char** argv) {
    static const std::vector<std::string> with_value = {"--org", "--query", "--network", "--card", "--covered", "--contract", "--role",
                                                        "--lang", "--limit", "--data", "--overlay", "--answer", "--out", "--source-of"};
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json") {
            args.json = true;
        } else if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string name = a, value;
            const auto eq = a.find('=');
            const bool inline_value = eq != std::string::npos;
            if (inline_value) {
                name = a.substr(0, eq);
                value = a.substr(eq + 1);
            }
            if (std::find(with_value.begin(), with_value.end(), name) == with_value.end()) throw Usage{"unknown option " + name};
            if (!inline_value) {
                if (i + 1 >= argc) throw Usage{"option " + name + " needs a value"};
                value = argv[++i];
            }
            if (name == "--answer") {
                args.answers.push_back(value);
                continue;
            }
            if (args.options.count(name)) throw Usage{"option " + name + " given twice"};
            args.options[name] = value;
        } else if (args.command.empty()) {
            args.command = a;
        } else {
            args.positional.push_back(a);
        }
    }
    return args;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path;
        return false;
    }
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > static_cast<std::streamoff>(max_dataset_bytes)) {
        error = path + ": file too large (" + std::to_string(static_cast<long long>(size)) + " bytes, at most " + std::to_string(max_dataset_bytes) + ")";
        return false;
    }
    in.seekg(0);
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

// The installed dataset sits next to the binary (or in ../share/breachcheck); a build-tree
// binary falls back to the repository's data/.
std::string default_dataset_path() {
    if (const char* env = std::getenv("BREACHCHECK_DATA"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& p : {exe.parent_path() / "dataset.json", exe.parent_path() / "../share/breachcheck/dataset.json"}) {
            if (fs::exists(p, ec)) return p.string();
        }
    }
#ifdef BREACHCHECK_SOURCE_DATA
    return BREACHCHECK_SOURCE_DATA;
#else
    return "data/dataset.json";
#endif
}

void print_errors(const std::string& file, const json& errors) {
    for (const json& e : errors) {
        const std::string path = e["path"].get<std::string>();
        std::cerr << file << ": " << (path.empty() ? "(document)" : path) << ": " << e["message"].get<std::string>() << "\n";
    }
}

int cmd_validate_overlay(const Args& args) {
    if (!args.positional.empty()) throw Usage{"validate --overlay takes the overlay FILE only (the base dataset is --data)"};
    const std::string overlay = args.options.at("--overlay");
    const auto data = args.options.find("--data");
    const std::string base = data != args.options.end() ? data->second : default_dataset_path();
    std::string base_text, overlay_text, error;
    json result;
    if (!read_file(base, base_text, error) || !read_file(overlay, overlay_text, error)) {
        result = {{"ok", true}, {"valid", false}, {"errors", json::array({{{"path", ""}, {"message", error}}})}, {"warnings", json::array()}};
    } else {
        result = json::parse(validate_overlay_text(base_text, overlay_text));
    }
    if (args.json) {
        std::cout << json{{"ok", true}, {"file", overlay}, {"valid", result["valid"]}, {"errors", result["errors"]}, {"warnings", result["warnings"]}}.dump(2) << "\n";
    } else {
        print_errors(overlay, result["errors"]);
        for (const json& w : result["warnings"]) std::cerr << overlay << ": " << w["path"].get<std::string>() << ": warning: " << w["message"].get<std::string>() << "\n";
        std::cout << overlay << (result["valid"].get<bool>() ? ": valid overlay\n" : ": invalid overlay (" + std::to_string(result["errors"].size()) + " errors)\n");
    }
    return result["valid"].get<bool>() ? exit_ok : exit_invalid_data;
}

int cmd_validate(const Args& args) {
    if (args.options.count("--overlay")) return cmd_validate_overlay(args);
    if (args.options.count("--data")) throw Usage{"--data applies to validate --overlay only"};
    if (args.positional.empty()) throw Usage{"validate needs at least one FILE"};
    bool all_valid = true;
    json files = json::array();
    for (const std::string& file : args.positional) {
        std::string text, error;
        json result;
        if (!read_file(file, text, error)) result = {{"valid", false}, {"errors", json::array({{{"path", ""}, {"message", error}}})}};
        else result = json::parse(validate_text(text));
        all_valid = all_valid && result["valid"].get<bool>();
        if (args.json) {
            files.push_back({{"file", file}, {"valid", result["valid"]}, {"errors", result["errors"]}});
        } else if (result["valid"].get<bool>()) {
            std::cout << file << ": valid\n";
        } else {
            print_errors(file, result["errors"]);
            std::cout << file << ": invalid (" << result["errors"].size() << " error" << (result["errors"].size() > 1 ? "s" : "") << ")\n";
        }
    }
    if (args.json) std::cout << json{{"ok", true}, {"valid", all_valid}, {"files", files}}.dump(2) << "\n";
    return all_valid ? exit_ok : exit_invalid_data;
}

std::unique_ptr<Engine> load_engine_for(const Args& args, int& status) {
    const auto it = args.options.find("--data");
    const std::string path = it != args.options.end() ? it->second : default_dataset_path();
    std::string text, error;
    if (!read_file(path, text, error)) {
        std::cerr << "breachcheck: " << error << "\n";
        status = exit_invalid_data;
        return nullptr;
    }
    std::string overlay_text;
    const auto overlay = args.options.find("--overlay");
    if (overlay != args.options.end() && !read_file(overlay->second, overlay_text, error)) {
        std::cerr << "breachcheck: " << error << "\n";
        status = exit_invalid_data;
        return nullptr;
    }
    LoadOutcome loaded = load_engine(text, overlay_text);
    if (!loaded.engine) {
        const json err = json::parse(loaded.error_json());
        const std::string file = loaded.stage == "overlay" ? overlay->second : path;
        print_errors(file, err["error"]["errors"]);
        std::cerr << "breachcheck: invalid " << (loaded.stage == "overlay" ? "overlay " : "dataset ") << file << " (run: breachcheck validate "
                  << (loaded.stage == "overlay" ? "--overlay " : "") << file << ")\n";
        status = exit_invalid_data;
    }
    return std::move(loaded.engine);
}

void print(const Args& args, const std::string& result_json, std::string (*render)(const json&)) {
    const json r = json::parse(result_json);
    if (args.json) std::cout << r.dump(2) << "\n";
    else std::cout << render(r);
}

int cmd_search(const Args& args, const Engine& engine) {
    if (args.positional.size() != 1) throw Usage{"search needs exactly one QUERY (quote it)"};
    std::size_t limit = 10;
    if (const auto it = args.options.find("--limit"); it != args.options.end()) {
        const std::string& v = it->second;
        if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos || std::stoul(v) == 0) {
            throw Usage{"--limit must be a number from 1 to 9999"};
        }
        limit = std::stoul(v);
    }
    print(args, engine.search(args.positional[0], limit), render_search);
    return exit_ok;
}

int cmd_check(const Args& args, const Engine& engine) {
    if (!args.positional.empty()) throw Usage{"check takes no positional argument (use --query TEXT)"};
    if (args.options.count("--org") && args.options.count("--query")) throw Usage{"give --org or --query, not both"};
    json answers = json::object();
    // --card, --covered, --network, --contract name the questions of those kinds.
    const Dataset& ds = engine.dataset();
    for (const auto& [flag, kind] : std::map<std::string, QuestionKind>{
             {"--card", QuestionKind::card}, {"--covered", QuestionKind::covered}, {"--network", QuestionKind::network}, {"--contract", QuestionKind::contract}}) {
        if (const auto it = args.options.find(flag); it != args.options.end()) answers[ds.question_of(kind)->id] = it->second;
    }
    for (const auto& [flag, key] : std::map<std::string, std::string>{{"--org", "org"}, {"--query", "query"}, {"--role", "role"}, {"--lang", "lang"}}) {
        if (const auto it = args.options.find(flag); it != args.options.end()) answers[key] = it->second;
    }
    for (const std::string& a : args.answers) {
        const auto eq = a.find('=');
        if (eq == std::string::npos || eq == 0) throw Usage{"--answer needs QUESTION=ID (got \"" + a + "\")"};
        if (answers.contains(a.substr(0, eq))) throw Usage{"answer " + a.substr(0, eq) + " given twice"};
        answers[a.substr(0, eq)] = a.substr(eq + 1);
    }
    const json result = json::parse(engine.check(answers.dump(-1, ' ', false, json::error_handler_t::replace)));
    if (!result["ok"].get<bool>()) throw Usage{result["error"]["message"].get<std::string>()};  // unknown org, locked org, bad value
    if (args.json) std::cout << result.dump(2) << "\n";
    else std::cout << render_check(result);
    return exit_ok;
}

int cmd_scan(const Args& args, const Engine& engine) {
    if (args.positional.size() > 1) throw Usage{"scan-message takes one FILE (or - for standard input)"};
    std::string message, error;
    if (args.positional.empty() || args.positional[0] == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        message = ss.str();
    } else if (!read_file(args.positional[0], message, error)) {
        std::cerr << "breachcheck: " << error << "\n";
        return exit_invalid_data;
    }
    const auto lang = args.options.find("--lang");
    const json result = json::parse(engine.scan(message, lang == args.options.end() ? "fr" : lang->second));
    if (!result["ok"].get<bool>()) throw Usage{result["error"]["message"].get<std::string>()};
    if (args.json) std::cout << result.dump(2) << "\n";
    else std::cout << render_scan(result, lang != args.options.end() && lang->second == "en");
    return exit_ok;  // a verdict on a message is an answer, whatever the risk
}

int cmd_compile(const Args& args, const Engine& engine) {
    if (!args.positional.empty()) throw Usage{"compile takes no positional argument (the dataset is --data, the output --out)"};
    const auto out = args.options.find("--out");
    if (out == args.options.end()) throw Usage{"compile needs --out IMAGE"};
    // --source-of FILE: the image was derived from FILE (the French first copy is derived from the
    // full dataset): it names FILE's SHA-256 as its source, the one a correction report quotes.
    std::string image;
    if (const auto src = args.options.find("--source-of"); src != args.options.end()) {
        std::string text;
        std::string error;
        if (!read_file(src->second, text, error)) {
            std::cerr << "breachcheck: " << error << "\n";
            return exit_invalid_data;
        }
        Dataset copy = engine.dataset();
        copy.source_sha256 = sha256_hex(text);
        image = write_image(copy);
    } else {
        image = write_image(engine.dataset());
    }
    // Read it back before writing: an image the page could not read is never shipped.
    if (const ImageResult check = read_image(image); !check.dataset) {
        std::cerr << "breachcheck: internal error: the image does not read back (" << check.error << ")\n";
        return exit_invalid_data;
    }
    std::ofstream f(out->second, std::ios::binary | std::ios::trunc);
    f.write(image.data(), static_cast<std::streamsize>(image.size()));
    if (!f) {
        std::cerr << "breachcheck: cannot write " << out->second << "\n";
        return exit_invalid_data;
    }
    if (!args.json) std::cout << out->second << ": " << image.size() << " bytes, dataset " << engine.dataset().dataset_version << "\n";
    return exit_ok;
}

int cmd_audit(const Args& args, const Engine& engine) {
    if (!args.positional.empty()) throw Usage{"audit takes no argument"};
    const AuditReport r = audit(engine.dataset());
    if (args.json) std::cout << json::parse(audit_json(r)).dump(2) << "\n";
    else std::cout << audit_text(r);
    return r.problem_count == 0 ? exit_ok : exit_invalid_data;
}

int run(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << usage_text;
            return exit_ok;
        }
    }
    const Args args = parse_args(argc, argv);
    if (args.command.empty() || args.command == "help") {
        std::cout << usage_text;
        return args.command.empty() ? exit_usage : exit_ok;
    }
    static const std::map<std::string, std::vector<std::string>> allowed = {
        {"search", {"--limit", "--data", "--overlay"}},
        {"list", {"--data", "--overlay"}},
        {"validate", {"--overlay", "--data"}},
        {"stats", {"--data"}},
        {"scan-message", {"--lang", "--data"}},
        {"incidents", {"--lang", "--data"}},
        {"audit", {"--data", "--overlay"}},
        {"compile", {"--data", "--overlay", "--out", "--source-of"}},
        {"check", {"--org", "--query", "--network", "--card", "--covered", "--contract", "--role", "--lang", "--data", "--overlay"}}};
    const auto command = allowed.find(args.command);
    if (command == allowed.end()) throw Usage{"unknown command " + args.command};
    for (const auto& [name, value] : args.options) {
        if (std::find(command->second.begin(), command->second.end(), name) == command->second.end()) {
            throw Usage{"option " + name + " does not apply to " + args.command};
        }
    }
    if (!args.answers.empty() && args.command != "check") throw Usage{"option --answer does not apply to " + args.command};
    if (args.command == "validate") return cmd_validate(args);
    int status = exit_ok;
    const std::unique_ptr<Engine> engine = load_engine_for(args, status);
    if (!engine) return status;
    if (args.command == "search") return cmd_search(args, *engine);
    if (args.command == "check") return cmd_check(args, *engine);
    if (args.command == "scan-message") return cmd_scan(args, *engine);
    if (args.command == "compile") return cmd_compile(args, *engine);
    if (args.command == "audit") return cmd_audit(args, *engine);
    if (!args.positional.empty()) throw Usage{args.command + " takes no argument"};
    if (args.command == "incidents") {
        const auto lang = args.options.find("--lang");
        const json r = json::parse(engine->incidents(lang == args.options.end() ? "fr" : lang->second));
        if (!r["ok"].get<bool>()) throw Usage{r["error"]["message"].get<std::string>()};
        if (args.json) std::cout << r.dump(2) << "\n";
        else std::cout << render_incidents(r);
        return exit_ok;
    }
    if (args.command == "list") {
        print(args, engine->list(), render_list);
        return exit_ok;
    }
    const json stats = dataset_stats(engine->dataset());
    if (args.json) std::cout << stats.dump(2) << "\n";
    else std::cout << render_stats(stats);
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const Usage& u) {
        std::cerr << "breachcheck: " << u.message << "\n\n" << usage_text;
        return exit_usage;
    } catch (const std::exception& e) {
        // Not expected: the core reports problems as values. Still, never die silently.
        std::cerr << "breachcheck: internal error: " << e.what() << "\n";
        return exit_invalid_data;
    }
}
