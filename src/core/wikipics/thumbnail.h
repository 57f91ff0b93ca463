// A downloaded JPEG decoded and reduced to a thumbnail for the gallery: the small CPU-bound part of an
// I/O-bound job, done on the worker that downloaded it (never on the UI thread).
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace conclab::wikipics {

inline constexpr int kThumbnailSide = 160;
/// @brief Images with more pixels than this are not decoded (stb_image holds the whole image in memory).
inline constexpr long long kMaxDecodedPixels = 120'000'000;

struct Thumbnail {
    int width = 0;
    int height = 0;
    int source_width = 0;
    int source_height = 0;
    std::vector<unsigned char> rgba;   ///< width * height * 4 bytes, rows top to bottom
};

/// @brief Decodes `encoded` (JPEG, or any format stb_image reads) and scales it so the long side is at most
/// `max_side` pixels, keeping the aspect ratio; an error message when it cannot be decoded.
std::variant<Thumbnail, std::string> make_thumbnail(std::string_view encoded, int max_side = kThumbnailSide);

}  // namespace conclab::wikipics
