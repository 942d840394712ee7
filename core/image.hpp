// The compact dataset image: the dataset as validated at build time by the strict JSON loader,
// written as a flat binary the page's module reads without a JSON parser. Reading checks every
// length, count, index and enum against the buffer and the model (a hostile or truncated image
// is refused with a message, never read out of bounds). docs/dataset.md, "The image".
//
// Layout (little-endian): "BCIMAGE\0", u32 format version, u32 schema version, u32 payload
// length, payload. The payload is the model in declaration order: u32 counts and lengths, u8
// enums and booleans, strings as u32 length + bytes. image.cpp holds the one description of it,
// used both to write and to read.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"

namespace breachcheck {

inline constexpr std::uint32_t image_format_version = 1;
inline constexpr std::string_view image_magic{"BCIMAGE\0", 8};

// The image of a valid dataset (with its overlay merged, if any).
std::string write_image(const Dataset& ds);

struct ImageResult {
    std::unique_ptr<const Dataset> dataset;  // null on error
    std::string error;                       // what is wrong, with the byte offset
};

// Reads and verifies an image. The dataset's sha256 is left empty (the engine computes the
// image's own when asked: it is not needed for a verdict); source_sha256 keeps the JSON's.
ImageResult read_image(std::string_view bytes);

// True when the bytes start like an image (to tell an image from JSON).
bool looks_like_image(std::string_view bytes);

}  // namespace breachcheck
