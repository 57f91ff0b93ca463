// The small picture behind every mirrored JPEG: a landscape-like pattern (sky gradient, sun, hills) whose
// colours and shapes come from a hash of the file name, encoded as a baseline JPEG by stb_image_write.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace conclab::mirror {

/// @brief A baseline JPEG of width x height pixels, deterministic from `name`, no larger than `max_bytes`
/// and never exactly 1, 2 or 3 bytes smaller than it (padding needs 0 or at least 4 bytes): the quality
/// steps down from 90 until both hold. Empty when even quality 1 does not fit.
std::vector<std::uint8_t> encode_picture(std::string_view name, int width, int height, std::uint64_t max_bytes);

}  // namespace conclab::mirror
