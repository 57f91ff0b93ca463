// A downloaded JPEG decoded and reduced to a thumbnail for the gallery: the small CPU-bound part of an
// I/O-bound job, done on the worker that downloaded it (never on the UI thread).
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace conclab::wikipics {

inline constexpr int kThumbnailSide = 160;
/// @brief The pixel budget: a JPEG whose header claims more pixels than this is not decoded (stb_image holds the
/// whole image in memory, 4 bytes a pixel, plus its coefficients). 50 MP takes any real 10–30 MP Commons photo; a
/// 330-byte file claiming 12000x10000 is refused from its header, before any pixel memory is allocated.
inline constexpr long long kMaxDecodedPixels = 50'000'000;

/// @brief Why an image gave no thumbnail: `not_jpeg` (the bytes do not start like a JPEG, whatever the listing said:
/// PNG, GIF, HTML…), `too_many_pixels` (the header claims more than kMaxDecodedPixels), `corrupt` (a JPEG stb_image
/// cannot read), `empty`.
enum class DecodeError { empty, not_jpeg, too_many_pixels, corrupt };

/// @brief "empty", "not_jpeg", "too_many_pixels", "corrupt", as the JSON report spells them.
std::string_view to_string(DecodeError error);

struct DecodeFailure {
    DecodeError kind = DecodeError::corrupt;
    std::string detail;   ///< one line for humans: "12000x10000 pixels is over the budget of 50_000_000"
};

struct Thumbnail {
    int width = 0;
    int height = 0;
    int source_width = 0;
    int source_height = 0;
    std::vector<unsigned char> rgba;   ///< width * height * 4 bytes, rows top to bottom
};

/// @brief Decodes `encoded` — a JPEG only (the demo asks for JPEGs; stb_image is built with its JPEG decoder alone)
/// within the pixel budget — and scales it so the long side is at most `max_side` pixels, keeping the aspect ratio;
/// a DecodeFailure when it cannot or may not be decoded.
std::variant<Thumbnail, DecodeFailure> make_thumbnail(std::string_view encoded, int max_side = kThumbnailSide);

/// @brief The largest block stb_image asked for during the calling thread's last make_thumbnail (0 when it decoded
/// nothing): what a test reads to see that a refused image never got its pixel memory.
std::size_t largest_decode_allocation();

}  // namespace conclab::wikipics
