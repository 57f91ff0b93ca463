// The one translation unit with stb_image's and stb_image_resize's implementations.
#include "core/wikipics/thumbnail.h"

#include <cstdlib>

namespace conclab::wikipics {
namespace {
// The largest block stb_image asked for on this thread since the last make_thumbnail began.
thread_local std::size_t largest_allocation = 0;
void* counted_malloc(std::size_t size) {
    if (size > largest_allocation) largest_allocation = size;
    return std::malloc(size);
}
[[maybe_unused]] void* counted_realloc(void* pointer, std::size_t size) {
    if (size > largest_allocation) largest_allocation = size;
    return std::realloc(pointer, size);
}
}  // namespace
}  // namespace conclab::wikipics

#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_FAILURE_USERMSG
#define STBI_ONLY_JPEG   // the demo decodes JPEGs only: no PNG inflater to bomb, no GIF/PSD/HDR parsers to attack
#define STBI_MALLOC(size) conclab::wikipics::counted_malloc(size)
#define STBI_REALLOC(pointer, size) conclab::wikipics::counted_realloc(pointer, size)
#define STBI_FREE(pointer) std::free(pointer)
#include <stb/stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <vector>

namespace conclab::wikipics {
namespace {

// Each output pixel the mean of an fx × fy block of `rgba` (partial blocks at the right and bottom edges average
// what they hold), as Pillow's Image.reduce(). One pass over the image in integers.
std::vector<unsigned char> box_reduce(const unsigned char* rgba, int w, int h, int fx, int fy, int& out_w, int& out_h) {
    out_w = (w + fx - 1) / fx;
    out_h = (h + fy - 1) / fy;
    std::vector<unsigned char> out(static_cast<std::size_t>(out_w) * out_h * 4);
    std::vector<std::uint32_t> sums(static_cast<std::size_t>(out_w) * 4);
    for (int oy = 0; oy < out_h; ++oy) {
        std::fill(sums.begin(), sums.end(), 0u);
        const int y0 = oy * fy, y1 = std::min(h, y0 + fy);
        for (int y = y0; y < y1; ++y) {
            const unsigned char* row = rgba + static_cast<std::size_t>(y) * w * 4;
            std::uint32_t* sum = sums.data();
            for (int x0 = 0; x0 < w; x0 += fx, sum += 4) {
                const unsigned char* px = row + 4 * static_cast<std::size_t>(x0);
                for (int k = std::min(fx, w - x0); k > 0; --k, px += 4) {
                    sum[0] += px[0];
                    sum[1] += px[1];
                    sum[2] += px[2];
                    sum[3] += px[3];
                }
            }
        }
        unsigned char* dst = out.data() + static_cast<std::size_t>(oy) * out_w * 4;
        for (int ox = 0; ox < out_w; ++ox) {
            const std::uint32_t count = static_cast<std::uint32_t>((std::min(w, (ox + 1) * fx) - ox * fx) * (y1 - y0));
            for (int c = 0; c < 4; ++c) dst[4 * ox + c] = static_cast<unsigned char>((sums[static_cast<std::size_t>(ox) * 4 + c] + count / 2) / count);
        }
    }
    return out;
}

}  // namespace

std::string_view to_string(DecodeError error) {
    switch (error) {
        case DecodeError::empty: return "empty";
        case DecodeError::not_jpeg: return "not_jpeg";
        case DecodeError::too_many_pixels: return "too_many_pixels";
        case DecodeError::corrupt: return "corrupt";
    }
    return "corrupt";
}

std::size_t largest_decode_allocation() { return largest_allocation; }

std::variant<Thumbnail, DecodeFailure> make_thumbnail(std::string_view encoded, int max_side) {
    largest_allocation = 0;
    if (encoded.empty()) return DecodeFailure{DecodeError::empty, "no image data"};
    // A JPEG begins with SOI (FF D8) and a marker (FF): anything else is not what the demo asked for, whatever the
    // listing's MIME type said.
    if (encoded.size() < 3 || static_cast<unsigned char>(encoded[0]) != 0xFF ||
        static_cast<unsigned char>(encoded[1]) != 0xD8 || static_cast<unsigned char>(encoded[2]) != 0xFF)
        return DecodeFailure{DecodeError::not_jpeg, "the data does not begin like a JPEG"};
    if (encoded.size() > static_cast<std::size_t>(INT_MAX)) return DecodeFailure{DecodeError::too_many_pixels, "over 2 GiB of data"};
    const auto* bytes = reinterpret_cast<const stbi_uc*>(encoded.data());
    const int length = static_cast<int>(encoded.size());
    int width = 0, height = 0, channels = 0;
    // The header alone (stb_image reads up to the frame header): the budget is checked before any pixel memory.
    if (!stbi_info_from_memory(bytes, length, &width, &height, &channels))
        return DecodeFailure{DecodeError::corrupt, std::string("cannot read the JPEG header: ") + stbi_failure_reason()};
    if (static_cast<long long>(width) * height > kMaxDecodedPixels)
        return DecodeFailure{DecodeError::too_many_pixels, std::to_string(width) + "x" + std::to_string(height) +
                                                               " pixels is over the budget of " +
                                                               std::to_string(kMaxDecodedPixels)};
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(bytes, length, &width, &height, &channels, 4),
                                                      stbi_image_free);
    if (!pixels) return DecodeFailure{DecodeError::corrupt, std::string("cannot decode: ") + stbi_failure_reason()};
    Thumbnail thumb;
    thumb.source_width = width;
    thumb.source_height = height;
    const double scale = std::min(1.0, static_cast<double>(max_side) / std::max(width, height));
    thumb.width = std::max(1, static_cast<int>(width * scale + 0.5));
    thumb.height = std::max(1, static_cast<int>(height * scale + 0.5));
    thumb.rgba.resize(static_cast<std::size_t>(thumb.width) * thumb.height * 4);
    // As Pillow's thumbnail() (reducing_gap 2): a box reduction by whole factors while the image stays at least
    // twice the thumbnail, then stb's filter on the reduced image. Filtering the whole image was ~3/4 of the CPU
    // an image cost (bench: 800x600 JPEGs of ~1 MB).
    const int fx = std::max(1, width / (2 * thumb.width)), fy = std::max(1, height / (2 * thumb.height));
    const unsigned char* source = pixels.get();
    int source_w = width, source_h = height;
    std::vector<unsigned char> reduced;
    if (fx > 1 || fy > 1) {
        reduced = box_reduce(pixels.get(), width, height, fx, fy, source_w, source_h);
        pixels.reset();
        source = reduced.data();
    }
    if (!stbir_resize_uint8(source, source_w, source_h, 0, thumb.rgba.data(), thumb.width, thumb.height, 0, 4))
        return DecodeFailure{DecodeError::corrupt, "cannot scale the image"};
    return thumb;
}

}  // namespace conclab::wikipics
