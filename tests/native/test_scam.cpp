// The scam-message analyser: every message of tests/cases/scam_messages.json gets its expected
// risk and flags, and it never calls a message safe.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "scam.hpp"

using namespace breachcheck;
using nlohmann::json;

TEST_CASE("the table of scam and genuine messages") {
    const json cases = json::parse(read_text(std::string(BREACHCHECK_REPO) + "/tests/cases/scam_messages.json"));
    for (const json& c : cases["messages"]) {
        const std::string text = c["text"];
        CAPTURE(text);
        const ScamReport r = scan_message(text, &real_engine().dataset());
        CHECK(r.risk == c["risk"].get<std::string>());
        for (const json& flag : c.value("flags", json::array())) {
            bool found = false;
            for (const ScamFlag& f : r.flags) found = found || f.id == flag.get<std::string>();
            CHECK(found);
        }
    }
}

TEST_CASE("the JSON answer: low never says safe; huge, invalid or bidi text stays inert") {
    const json low = json::parse(scan_json("Bonjour, votre commande est prête.", Lang::fr, nullptr));
    CHECK(low["ok"] == true);
    CHECK(low["risk"] == "low");
    CHECK(low["advice"].get<std::string>().find("ne veut pas dire que le message est s") != std::string::npos);
    const json big = json::parse(scan_json(std::string(max_message_bytes + 10, 'a'), Lang::en, nullptr));
    CHECK(big["truncated"] == true);
    const json odd = json::parse(scan_json("Cliquez https://\xE2\x80\xAEmoc.elgoog\xFF", Lang::fr, nullptr));
    for (const json& f : odd["flags"]) CHECK(f["detail"].get<std::string>().find("\xE2\x80\xAE") == std::string::npos);
}
