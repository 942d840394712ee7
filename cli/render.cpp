// Plain-text rendering of check/search/list/stats results for people reading a terminal.
#include "render.hpp"

#include <sstream>

using json = nlohmann::json;

namespace {

std::string headline(const std::string& verdict, bool en) {
    if (verdict == "affected") return en ? "AFFECTED: your insurer says people in your situation were on the exposed file"
                                         : "CONCERNÉ : votre complémentaire indique que les personnes dans votre situation figuraient dans le fichier exposé";
    if (verdict == "likely") return en ? "LIKELY affected" : "PROBABLEMENT concerné";
    if (verdict == "possible") return en ? "POSSIBLY affected: the sources leave your situation open" : "PEUT-ÊTRE concerné : les sources laissent votre situation ouverte";
    if (verdict == "not_affected") return en ? "NOT AFFECTED according to the available information" : "NON CONCERNÉ d'après les informations disponibles";
    return en ? "UNKNOWN: no public information; ask your insurer" : "INCONNU : aucune information publique ; demandez à votre complémentaire";
}

std::string short_verdict(const std::string& verdict, bool en) {
    if (verdict == "affected") return en ? "affected" : "concerné";
    if (verdict == "likely") return en ? "likely" : "probable";
    if (verdict == "possible") return en ? "possible" : "possible";
    if (verdict == "not_affected") return en ? "not affected" : "non concerné";
    return en ? "unknown" : "inconnu";
}

std::string join_labels(const json& list) {
    std::string out;
    for (const json& c : list) {
        if (!out.empty()) out += ", ";
        out += c["label"].get<std::string>();
    }
    return out;
}

}  // namespace

std::string render_check(const json& r) {
    const bool en = r["lang"] == "en";
    std::ostringstream out;
    if (r.contains("match")) {
        const json& m = r["match"];
        if (r["org"].is_null()) {
            out << (en ? "No insurer in the dataset matches \"" : "Aucune complémentaire de la base ne correspond à « ")
                << m["query"].get<std::string>() << (en ? "\".\n" : " ».\n");
        } else {
            out << (en ? "Understood \"" : "Compris « ") << m["query"].get<std::string>() << (en ? "\" as " : " » comme ")
                << r["org"]["name"].get<std::string>() << ".\n";
        }
    }
    const json& ov = r["overlay"];
    if (!ov.is_null()) {
        out << (en ? "Information from your insurer (" : "Informations de votre complémentaire (") << ov["organization"]["name"].get<std::string>() << ")\n";
        if (!ov["notification"].is_null()) out << "  " << ov["notification"]["date"].get<std::string>() << " : " << ov["notification"]["text"].get<std::string>() << "\n";
        for (const json& c : ov["contacts"]) out << "  " << c["label"].get<std::string>() << " : " << c["value"].get<std::string>() << "\n";
    }
    if (r["role"] == "pro") out << (en ? "Health professional\n" : "Professionnel de santé\n");
    else if (!r["org"].is_null()) out << (en ? "Insurer: " : "Complémentaire : ") << r["org"]["name"].get<std::string>() << "\n";
    out << "\n" << headline(r["overall"].get<std::string>(), en);
    if (r["provisional"].get<bool>()) out << (en ? " (provisional)" : " (provisoire)");
    out << "\n";
    for (const json& inc : r["incidents"]) {
        out << "\n" << inc["name"].get<std::string>() << " : " << short_verdict(inc["verdict"].get<std::string>(), en) << "\n";
        out << (en ? "  Why:\n" : "  Pourquoi :\n");
        for (const json& reason : inc["reasons"]) {
            out << "  - " << (reason["provenance"] == "insurer" ? (en ? "[from your insurer] " : "[de votre complémentaire] ") : "")
                << reason["text"].get<std::string>() << "\n";
            for (const json& s : reason["sources"]) {
                const std::string date = s["date"] == "undated"
                                             ? (en ? "undated, read " : "non daté, consulté ") + s["accessed"].get<std::string>()
                                             : s["date"].get<std::string>();
                out << "      [" << s["publisher"].get<std::string>() << ", " << date << "] " << s["url"].get<std::string>() << "\n";
            }
        }
        if (!inc["exposed"].empty()) {
            out << (inc["verdict"] == "unknown" ? (en ? "  Exposed if you were on the file: " : "  Exposé si vous figuriez dans le fichier : ")
                                                : (en ? "  Exposed: " : "  Exposé : "))
                << join_labels(inc["exposed"]) << "\n";
        }
        if (!inc["not_exposed"].empty()) out << (en ? "  Not exposed: " : "  Non exposé : ") << join_labels(inc["not_exposed"]) << "\n";
    }
    if (!r["questions"].empty()) {
        out << "\n" << (en ? "Questions that could change the answer:\n" : "Questions qui peuvent changer la réponse :\n");
        for (const json& q : r["questions"]) {
            out << "  - " << q["text"].get<std::string>() << " (--" << q["id"].get<std::string>() << ")\n";
        }
    }
    if (!r["actions"].empty()) {
        out << "\n" << (en ? "What to do:\n" : "Que faire :\n");
        int n = 0;
        for (const json& a : r["actions"]) {
            out << "  " << ++n << ". " << a["title"].get<std::string>() << "\n     " << a["text"].get<std::string>() << "\n";
            for (const json& l : a["links"]) out << "     → " << l["label"].get<std::string>() << " : " << l["url"].get<std::string>() << "\n";
        }
    }
    out << "\n"
        << (en ? "Only your insurer can confirm your individual situation. This tool holds no leaked data and sends nothing.\n"
               : "Seule votre complémentaire peut confirmer votre situation individuelle. Cet outil ne contient aucune donnée volée et n'envoie rien.\n")
        << (en ? "Dataset " : "Données ") << r["dataset"]["version"].get<std::string>() << ", SHA-256 " << r["dataset"]["sha256"].get<std::string>() << "\n";
    return out.str();
}

std::string render_search(const json& r) {
    std::ostringstream out;
    if (r["results"].empty()) {
        out << "Aucune complémentaire trouvée pour « " << r["query"].get<std::string>() << " » (essayez : breachcheck check --card viamedis|almerys).\n";
        return out.str();
    }
    for (const json& s : r["results"]) {
        out << s["id"].get<std::string>() << "\t" << s["name"].get<std::string>() << "\t" << s["score"].dump();
        if (s["alias"] != s["name"]) out << "\t(" << s["alias"].get<std::string>() << ")";
        out << "\n";
    }
    return out.str();
}

std::string render_list(const json& r) {
    std::ostringstream out;
    for (const json& o : r["organizations"]) {
        out << o["id"].get<std::string>() << "\t" << o["name"].get<std::string>();
        std::string aliases;
        for (const json& a : o["aliases"]) aliases += (aliases.empty() ? "" : ", ") + a.get<std::string>();
        if (!aliases.empty()) out << "\t" << aliases;
        out << "\n";
    }
    return out.str();
}

std::string render_stats(const json& s) {
    std::ostringstream out;
    out << "Dataset " << s["dataset_version"].get<std::string>() << "\n"
        << "Organizations: " << s["organizations"] << " (" << s["organizations_without_statement"] << " with no public statement: answered \"unknown\")\n"
        << "Sources: " << s["sources"] << " (own statement " << s["sources_by_confidence"]["own_statement"] << ", press "
        << s["sources_by_confidence"]["press"] << ", weak " << s["sources_by_confidence"]["weak"] << ")\n"
        << "Incident facts: " << s["incident_facts"] << ", networks: " << s["networks"] << ", actions: " << s["actions"] << "\n";
    for (auto it = s["per_incident"].begin(); it != s["per_incident"].end(); ++it) {
        const json& c = it.value();
        out << it.key() << ": current " << c["current"] << ", former " << c["former"] << ", indirect " << c["indirect"]
            << ", not concerned " << c["not_concerned"] << ", no statement " << c["no_statement"] << "\n";
    }
    out << "Statements by best source: own statement " << s["scopes_by_confidence"]["own_statement"] << ", press "
        << s["scopes_by_confidence"]["press"] << ", weak " << s["scopes_by_confidence"]["weak"] << "\n";
    out << "Statements without an own-statement source (" << s["scopes_without_own_statement"].size() << "):\n";
    for (const json& x : s["scopes_without_own_statement"]) out << "  " << x.get<std::string>() << "\n";
    return out.str();
}

std::string render_scan(const json& r, bool en) {
    std::ostringstream out;
    const std::string risk = r["risk"].get<std::string>();
    if (risk == "high") out << (en ? "HIGH RISK of scam\n" : "RISQUE ÉLEVÉ d'arnaque\n");
    else if (risk == "medium") out << (en ? "MEDIUM risk: be careful\n" : "RISQUE MOYEN : prudence\n");
    else out << (en ? "LOW risk detected (this does not mean the message is safe)\n" : "RISQUE FAIBLE détecté (cela ne veut pas dire que le message est sûr)\n");
    for (const json& f : r["flags"]) {
        out << "  - " << f["text"].get<std::string>();
        if (!f["detail"].get<std::string>().empty()) out << " [" << f["detail"].get<std::string>() << "]";
        out << "\n";
    }
    out << "\n" << r["advice"].get<std::string>() << "\n";
    return out.str();
}
