// breachcheck: the command-line face of the core (same calls as the page, see docs/api.md).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "api.hpp"
#include "render.hpp"
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
    "  breachcheck check [--org ID | --query TEXT] [--network ID] [--card viamedis|almerys|other|none|unknown]\n"
    "                    [--covered jan2024|before2024|after2024|unknown] [--contract TEXT] [--role insured|pro]\n"
    "                    [--lang fr|en] [--json]\n"
    "  breachcheck validate FILE... [--json]\n"
    "  breachcheck validate --overlay FILE [--data BASE] [--json]   (an insurer's overlay)\n"
    "  breachcheck stats [--json]\n"
    "  breachcheck scan-message [FILE|-] [--lang fr|en] [--json]   (is this SMS/e-mail a scam? exit 0 whatever the risk)\n"
    "Common options: --data FILE (dataset to use instead of the installed one),\n"
    "                --overlay FILE (an insurer's overlay merged over it; check, search, list).\n"
    "Exit codes: 0 answered, 1 invalid data, 2 usage error.\n";

struct Usage {
    std::string message;
};

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    bool json = false;
};

Args parse_args(int argc, char** argv) {
    static const std::vector<std::string> with_value = {"--org", "--query", "--network", "--card", "--covered", "--contract",
                                                        "--role", "--lang", "--limit", "--data", "--overlay"};
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

int print_errors(const std::string& file, const json& result, bool as_json) {
    if (as_json) return 0;
    for (const json& e : result["errors"]) {
        std::cerr << file << ": " << (e["path"].get<std::string>().empty() ? "(document)" : e["path"].get<std::string>()) << ": "
                  << e["message"].get<std::string>() << "\n";
    }
    return 0;
}

int cmd_validate_overlay(const Args& args) {
    if (!args.positional.empty()) throw Usage{"validate --overlay takes the overlay FILE only (the base dataset is --data)"};
    const std::string overlay = args.options.at("--overlay");
    const auto data = args.options.find("--data");
    const std::string base = data != args.options.end() ? data->second : default_dataset_path();
    std::string base_text, overlay_text, error;
    json result;
    if (!read_file(base, base_text, error) || !read_file(overlay, overlay_text, error)) {
        result = {{"valid", false}, {"errors", json::array({{{"path", ""}, {"message", error}}})}, {"warnings", json::array()}};
    } else {
        result = validate_overlay(base_text, overlay_text);
    }
    if (args.json) {
        std::cout << dump(json{{"file", overlay}, {"valid", result["valid"]}, {"errors", result["errors"]}, {"warnings", result["warnings"]}}, 2) << "\n";
    } else {
        print_errors(overlay, result, false);
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
        else result = validate(text);
        all_valid = all_valid && result["valid"].get<bool>();
        if (args.json) files.push_back({{"file", file}, {"valid", result["valid"]}, {"errors", result["errors"]}});
        else if (result["valid"].get<bool>()) std::cout << file << ": valid\n";
        else {
            print_errors(file, result, false);
            std::cout << file << ": invalid (" << result["errors"].size() << " error" << (result["errors"].size() > 1 ? "s" : "") << ")\n";
        }
    }
    if (args.json) std::cout << dump(json{{"valid", all_valid}, {"files", files}}, 2) << "\n";
    return all_valid ? exit_ok : exit_invalid_data;
}

std::unique_ptr<Engine> load_engine(const Args& args, int& status) {
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
    std::vector<ValidationError> errors;
    std::unique_ptr<Engine> engine = Engine::load(text, errors, overlay_text);
    if (!engine) {
        if (overlay != args.options.end() && load_dataset(text).dataset) {
            json result = {{"errors", json::array()}};
            for (const ValidationError& e : errors) result["errors"].push_back({{"path", e.path}, {"message", e.message}});
            print_errors(overlay->second, result, false);
            std::cerr << "breachcheck: invalid overlay " << overlay->second << " (run: breachcheck validate --overlay " << overlay->second << ")\n";
            status = exit_invalid_data;
            return nullptr;
        }
        json result = {{"errors", json::array()}};
        for (const ValidationError& e : errors) result["errors"].push_back({{"path", e.path}, {"message", e.message}});
        print_errors(path, result, false);
        std::cerr << "breachcheck: invalid dataset " << path << " (run: breachcheck validate " << path << ")\n";
        status = exit_invalid_data;
    }
    return engine;
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
    const json result = engine.search(args.positional[0], limit);
    if (args.json) std::cout << dump(result, 2) << "\n";
    else std::cout << render_search(result);
    return exit_ok;
}

int cmd_check(const Args& args, const Engine& engine) {
    if (!args.positional.empty()) throw Usage{"check takes no positional argument (use --query TEXT)"};
    if (args.options.count("--org") && args.options.count("--query")) throw Usage{"give --org or --query, not both"};
    json answers = json::object();
    for (const auto& [flag, key] : std::map<std::string, std::string>{{"--org", "org"}, {"--query", "query"}, {"--network", "network"},
                                                                       {"--card", "card"}, {"--covered", "covered"}, {"--contract", "contract"},
                                                                       {"--role", "role"}, {"--lang", "lang"}}) {
        if (const auto it = args.options.find(flag); it != args.options.end()) answers[key] = it->second;
    }
    const json result = engine.check(answers);
    if (result.contains("error")) throw Usage{result["error"]["message"].get<std::string>()};  // unknown org, locked org, bad value
    if (args.json) std::cout << dump(result, 2) << "\n";
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
    const json result = engine.scan(message, lang == args.options.end() ? "fr" : lang->second);
    if (result.contains("error")) throw Usage{result["error"]["message"].get<std::string>()};
    if (args.json) std::cout << dump(result, 2) << "\n";
    else std::cout << render_scan(result, lang != args.options.end() && lang->second == "en");
    return exit_ok;  // a verdict on a message is an answer, whatever the risk
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
    for (const auto& [name, value] : args.options) {
        static const std::map<std::string, std::vector<std::string>> allowed = {
            {"search", {"--limit", "--data", "--overlay"}}, {"list", {"--data", "--overlay"}}, {"validate", {"--overlay", "--data"}},
            {"stats", {"--data"}}, {"scan-message", {"--lang", "--data"}},
            {"check", {"--org", "--query", "--network", "--card", "--covered", "--contract", "--role", "--lang", "--data", "--overlay"}}};
        const auto it = allowed.find(args.command);
        if (it != allowed.end() && std::find(it->second.begin(), it->second.end(), name) == it->second.end()) {
            throw Usage{"option " + name + " does not apply to " + args.command};
        }
    }
    if (args.command == "validate") return cmd_validate(args);
    if (args.command != "search" && args.command != "list" && args.command != "check" && args.command != "stats" &&
        args.command != "scan-message") {
        throw Usage{"unknown command " + args.command};
    }
    int status = exit_ok;
    const std::unique_ptr<Engine> engine = load_engine(args, status);
    if (!engine) return status;
    if (args.command == "search") return cmd_search(args, *engine);
    if (args.command == "check") return cmd_check(args, *engine);
    if (args.command == "scan-message") return cmd_scan(args, *engine);
    if (!args.positional.empty()) throw Usage{args.command + " takes no argument"};
    if (args.command == "list") {
        const json result = engine->list();
        if (args.json) std::cout << dump(result, 2) << "\n";
        else std::cout << render_list(result);
        return exit_ok;
    }
    const json stats = dataset_stats(engine->dataset());
    if (args.json) std::cout << dump(stats, 2) << "\n";
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
