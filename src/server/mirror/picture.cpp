// The small landscape picture behind every mirrored JPEG (picture.h).
#include "server/mirror/picture.h"

#include "server/mirror/name_hash.h"

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wconversion"
#endif
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include <algorithm>
#include <cmath>

namespace conclab::mirror {

namespace {

struct Rgb {
    double r, g, b;
};

Rgb colour_from(std::uint64_t bits) {
    return {static_cast<double>(bits & 0xFF), static_cast<double>((bits >> 8) & 0xFF),
            static_cast<double>((bits >> 16) & 0xFF)};
}

Rgb mix(Rgb a, Rgb b, double t) { return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t}; }

std::vector<std::uint8_t> render(std::string_view name, int width, int height) {
    const std::uint64_t h = hash_name(name);
    const Rgb sky_top = colour_from(h), sky_bottom = colour_from(h >> 24), land = colour_from(mix64(h));
    const Rgb sun{255, 230 - static_cast<double>((h >> 48) & 0x3F), 120};
    const double sun_x = 0.15 + 0.7 * static_cast<double>((h >> 40) & 0xFF) / 255.0;
    const double sun_y = 0.15 + 0.3 * static_cast<double>((h >> 32) & 0xFF) / 255.0;
    const double sun_r = 0.06 + 0.08 * static_cast<double>((h >> 56) & 0xFF) / 255.0;
    const double hill_phase = static_cast<double>(h % 628) / 100.0;
    const double hill_waves = 1.0 + static_cast<double>((h >> 12) % 5);

    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    const double aspect = static_cast<double>(width) / height;
    for (int y = 0; y < height; ++y) {
        const double v = static_cast<double>(y) / height;
        for (int x = 0; x < width; ++x) {
            const double u = static_cast<double>(x) / width;
            Rgb c = mix(sky_top, sky_bottom, v);
            const double du = (u - sun_x) * aspect, dv = v - sun_y;
            if (du * du + dv * dv < sun_r * sun_r) c = sun;
            const double horizon = 0.65 + 0.08 * std::sin(hill_phase + u * hill_waves * 6.2832);
            if (v > horizon) c = mix(land, Rgb{20, 30, 20}, (v - horizon) / (1.0 - horizon));
            std::uint8_t* p = &pixels[(static_cast<std::size_t>(y) * width + x) * 3];
            p[0] = static_cast<std::uint8_t>(std::clamp(c.r, 0.0, 255.0));
            p[1] = static_cast<std::uint8_t>(std::clamp(c.g, 0.0, 255.0));
            p[2] = static_cast<std::uint8_t>(std::clamp(c.b, 0.0, 255.0));
        }
    }
    return pixels;
}

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

std::vector<std::uint8_t> encode_picture(std::string_view name, int width, int height, std::uint64_t max_bytes) {
    const std::vector<std::uint8_t> pixels = render(name, width, height);
    for (int quality = 90; quality >= 1; quality -= quality > 10 ? 10 : 1) {
        std::vector<std::uint8_t> jpeg;
        if (!stbi_write_jpg_to_func(append_bytes, &jpeg, width, height, 3, pixels.data(), quality)) return {};
        const std::uint64_t room = max_bytes >= jpeg.size() ? max_bytes - jpeg.size() : 0;
        if (jpeg.size() <= max_bytes && (room == 0 || room >= 4)) return jpeg;
    }
    return {};
}

}  // namespace conclab::mirror
