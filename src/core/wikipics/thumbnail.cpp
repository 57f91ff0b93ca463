// The one translation unit with stb_image's and stb_image_resize's implementations.
#include "wikipics/thumbnail.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_FAILURE_USERMSG
#include <stb/stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace conclab::wikipics {

std::variant<Thumbnail, std::string> make_thumbnail(std::string_view encoded, int max_side) {
    if (encoded.empty()) return std::string("no image data");
    if (encoded.size() > static_cast<std::size_t>(INT_MAX)) return std::string("image too large to decode");
    const auto* bytes = reinterpret_cast<const stbi_uc*>(encoded.data());
    const int length = static_cast<int>(encoded.size());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(bytes, length, &width, &height, &channels))
        return std::string("cannot decode: ") + stbi_failure_reason();
    if (static_cast<long long>(width) * height > kMaxDecodedPixels)
        return "not decoded: " + std::to_string(width) + "x" + std::to_string(height) + " pixels is too many";
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(bytes, length, &width, &height, &channels, 4),
                                                      stbi_image_free);
    if (!pixels) return std::string("cannot decode: ") + stbi_failure_reason();
    Thumbnail thumb;
    thumb.source_width = width;
    thumb.source_height = height;
    const double scale = std::min(1.0, static_cast<double>(max_side) / std::max(width, height));
    thumb.width = std::max(1, static_cast<int>(width * scale + 0.5));
    thumb.height = std::max(1, static_cast<int>(height * scale + 0.5));
    thumb.rgba.resize(static_cast<std::size_t>(thumb.width) * thumb.height * 4);
    if (!stbir_resize_uint8(pixels.get(), width, height, 0, thumb.rgba.data(), thumb.width, thumb.height, 0, 4))
        return std::string("cannot scale the image");
    return thumb;
}

}  // namespace conclab::wikipics
