// "Is this message a scam?": flags the patterns seen after the 2024 breaches in a pasted SMS or
// e-mail. It never says a message is safe: "low" only means no known pattern was found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"

namespace breachcheck {

struct ScamFlag {
    std::string id;
    LocalText text;
    std::string detail;  // e.g. the domain or number found, shown as is (escaped by the page)
};

struct ScamReport {
    std::string risk;  // high | medium | low
    std::vector<ScamFlag> flags;
    std::vector<std::string> domains;  // hosts of the links found
};

// Longest message looked at; the rest is ignored (and said so).
inline constexpr std::size_t max_message_bytes = 64 * 1024;

// `ds` (optional) adds the hosts of insurers' own-statement sources to the official domains.
ScamReport scan_message(std::string_view message, const Dataset* ds = nullptr);

// {ok, risk, flags: [{id, text, detail}], advice, truncated}
std::string scan_json(std::string_view message, Lang lang, const Dataset* ds = nullptr);

}  // namespace breachcheck
