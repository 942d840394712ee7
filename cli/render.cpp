// Plain-text rendering of the engine's answers for people reading a terminal. Every word about a
// verdict comes from the engine (words, reasons, plan); only the layout is here.
#include "render.hpp"

#include <sstream>

using json = nlohmann::json;

namespace {

std::string join_labels(const json& list) {
    std::string out;
    for (const json& c : list) {
        if (!out.empty()) out += ", ";
        out += c["label"].get<std::string>();
    }
    return out;
}

std::string source_line(const json& s, bool en) {
    const std::string date = s["date"] == "undated" ? (en ? "undated, read " : "non daté, consulté ") + s["accessed"].get<std::string>()
                                                    : s["date"].get<std::string>();
    return "[" + s["publisher"].get<std::string>() + ", " + date + "] " + s["url"].get<std::string>();
}

void render_action(std::ostringstream& out, const json& a, const std::string& prefix) {
    out << prefix << a["title"].get<std::string>() << "\n";
    if (!a["text"].get<std::string>().empty()) out << "     " << a["text"].get<std::string>() << "\n";
    for (const json& p : a["points"]) out << "     • " << p.get<std::string>() << "\n";
    for (const json& l : a["links"]) out << "     → " << l["label"].get<std::string>() << " : " << l["url"].get<std::string>() << "\n";
}

}  // namespace

std::string render_check(const json& r) {
    const bool en = r["lang"] == "en";
    std::ostringstream out;
    if (r.contains("match")) {
        const json& m = r["match"];
        if (m["dont_know"].get<bool>()) {
            out << (en ? "You do not know your insurer: the answer relies on your card.\n" : "Vous ne connaissez pas votre complémentaire : la réponse s'appuie sur votre carte.\n");
        } else if (!m["kind"].is_null()) {
            const std::string kind = m["kind"].get<std::string>();
            out << (en ? "Understood \"" : "Compris « ") << m["query"].get<std::string>() << (en ? "\" as " : " » comme ") << m["name"].get<std::string>();
            if (kind == "operator") out << (en ? ", a third-party payment operator: answered as if your card named it" : ", un opérateur de tiers payant : réponse comme si votre carte le nommait");
            if (kind == "network") out << (en ? ", a care network: answered as your network" : ", un réseau de soins : réponse comme pour votre réseau");
            out << ".\n";
            if (!m["about"].is_null()) out << "  " << m["about"]["text"].get<std::string>() << "\n";
        } else {
            if (!m["umbrella"].is_null()) out << m["umbrella"]["text"].get<std::string>() << "\n";
            if (m["candidates"].empty()) {
                out << (en ? "No insurer in the dataset matches \"" : "Aucune complémentaire de la base ne correspond à « ") << m["query"].get<std::string>()
                    << (en ? "\".\n" : " ».\n");
            } else {
                out << (en ? "\"" : "« ") << m["query"].get<std::string>()
                    << (en ? "\" could be several insurers; which one is on your card? Candidates:\n" : " » peut désigner plusieurs complémentaires ; laquelle figure sur votre carte ? Candidats :\n");
                for (const json& c : m["candidates"]) out << "  - " << c["name"].get<std::string>() << " (--org " << c["id"].get<std::string>() << ")\n";
            }
        }
    }
    if (r.contains("contract_match")) {
        const json& c = r["contract_match"];
        if (c["understood_as"] == "unknown") {
            out << (en ? "The contract \"" : "Le contrat « ") << c["text"].get<std::string>()
                << (en ? "\" matches none named in the sources: answered as \"I don't know\".\n" : " » ne correspond à aucun contrat cité : réponse « je ne sais pas ».\n");
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
    out << "\n" << r["words"]["headline"].get<std::string>();
    if (r["provisional"].get<bool>()) out << (en ? " (provisional)" : " (provisoire)");
    out << "\n" << r["words"]["summary"].get<std::string>() << "\n";
    for (const json& inc : r["incidents"]) {
        out << "\n" << inc["name"].get<std::string>() << " : " << inc["verdict_label"].get<std::string>() << "\n";
        out << (en ? "  Why:\n" : "  Pourquoi :\n");
        for (const json& reason : inc["reasons"]) {
            out << "  - " << (reason["provenance"] == "insurer" ? (en ? "[from your insurer] " : "[de votre complémentaire] ") : "") << reason["text"].get<std::string>() << "\n";
            for (const json& id : reason["sources"]) out << "      " << source_line(r["sources"][id.get<std::string>()], en) << "\n";
        }
    }
    const json& e = r["exposure"];
    if (!e["exposed"].empty()) {
        out << "\n" << (e["hypothetical"].get<bool>() ? (en ? "Exposed if you were on the files: " : "Exposé si vous figuriez dans les fichiers : ") : (en ? "Exposed: " : "Exposé : "))
            << join_labels(e["exposed"]) << "\n";
    }
    if (!e["not_exposed"].empty()) out << (en ? "Not exposed: " : "Non exposé : ") << join_labels(e["not_exposed"]) << "\n";
    if (!r["questions"].empty()) {
        out << "\n" << (en ? "Questions that could change the answer, most decisive first:\n" : "Questions qui peuvent changer la réponse, la plus décisive d'abord :\n");
        for (const json& q : r["questions"]) {
            out << "  - " << q["text"].get<std::string>() << " (--answer " << q["id"].get<std::string>() << "=";
            std::string ids;
            for (const json& o : q["options"]) ids += (ids.empty() ? "" : "|") + o["id"].get<std::string>();
            out << ids << ")\n";
        }
    }
    const json& plan = r["plan"];
    if (!plan["emergency"].is_null()) render_action(out, plan["emergency"], "\n!! ");
    if (!plan["first"].empty() || !plan["more"].empty()) {
        out << "\n" << (en ? "What to do first:\n" : "Que faire d'abord :\n");
        int n = 0;
        for (const json& a : plan["first"]) render_action(out, a, "  " + std::to_string(++n) + ". ");
        if (!plan["more"].empty()) out << (en ? "Then:\n" : "Ensuite :\n");
        for (const json& a : plan["more"]) render_action(out, a, "  " + std::to_string(++n) + ". ");
    }
    if (!r["related"].empty()) {
        out << "\n" << (en ? "Other leaks of health data in France:\n" : "Autres fuites de données de santé en France :\n");
        for (const json& x : r["related"]) out << "  - " << x["name"].get<std::string>() << " : " << x["summary"].get<std::string>() << "\n";
    }
    out << "\n"
        << (en ? "Only your insurer can confirm your individual situation. This tool holds no leaked data and sends nothing.\n"
               : "Seule votre complémentaire peut confirmer votre situation individuelle. Cet outil ne contient aucune donnée volée et n'envoie rien.\n")
        << (en ? "Dataset " : "Données ") << r["dataset"]["version"].get<std::string>() << ", SHA-256 " << r["dataset"]["source_sha256"].get<std::string>() << "\n";
    return out.str();
}

std::string render_search(const json& r) {
    std::ostringstream out;
    if (r["dont_know"].get<bool>()) out << "(« je ne sais pas » : breachcheck check --card viamedis|almerys|other)\n";
    if (r["results"].empty()) {
        out << "Aucune complémentaire trouvée pour « " << r["query"].get<std::string>() << " » (essayez : breachcheck check --card viamedis|almerys).\n";
        return out.str();
    }
    for (const json& s : r["results"]) {
        out << s["id"].get<std::string>() << "\t" << s["name"].get<std::string>() << "\t" << s["score"].dump();
        if (s["kind"] != "organization") out << "\t[" << s["kind"].get<std::string>() << "]";
        if (s["alias"] != s["name"]) out << "\t(" << s["alias"].get<std::string>() << ")";
        out << "\n";
    }
    return out.str();
}

std::string render_list(const json& r) {
    std::ostringstream out;
    for (const char* kind : {"organizations", "operators", "networks", "umbrellas"}) {
        for (const json& o : r[kind]) {
            out << o["id"].get<std::string>() << "\t" << o["name"].get<std::string>();
            if (std::string(kind) != "organizations") out << "\t[" << std::string(kind).substr(0, std::string(kind).size() - 1) << "]";
            std::string aliases;
            for (const json& a : o["aliases"]) aliases += (aliases.empty() ? "" : ", ") + a.get<std::string>();
            if (!aliases.empty()) out << "\t" << aliases;
            out << "\n";
        }
    }
    return out.str();
}

std::string render_incidents(const json& r) {
    std::ostringstream out;
    for (const json& inc : r["incidents"]) {
        out << inc["id"].get<std::string>() << "\t" << inc["kind"].get<std::string>() << "\t" << inc["name"].get<std::string>() << "\n";
        out << "  " << inc["summary"].get<std::string>() << "\n";
        for (const json& f : inc["facts"]) {
            if (f["kind"] != "timeline" && f["kind"] != "figure") continue;
            out << "  " << (f["date"].get<std::string>().empty() ? std::string("     ") : f["date"].get<std::string>()) << "  " << f["text"].get<std::string>() << "\n";
            for (const json& id : f["sources"]) out << "      " << source_line(r["sources"][id.get<std::string>()], false) << "\n";
        }
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
        << "Incidents: " << s["incidents"] << " (" << s["informational_incidents"] << " informational), incident facts: " << s["incident_facts"]
        << ", networks: " << s["networks"] << ", operators: " << s["operators"] << ", umbrellas: " << s["umbrellas"] << ", actions: " << s["actions"] << "\n";
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
