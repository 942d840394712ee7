// SHA-256 of the dataset text, shown to people so they can check which data answered them.
#pragma once

#include <string>
#include <string_view>

namespace breachcheck {

// Lower-case hex digest (64 characters) of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace breachcheck
