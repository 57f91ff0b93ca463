// The app's fonts loaded with the glyphs its text needs (fonts.h).
#include "ui/fonts.h"

#include "platform/gui_backend.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <fstream>

namespace conclab::ui {
namespace {

constexpr ImWchar kHourglass = 0x23F3;

// Paints an hourglass into the atlas rectangle reserved for U+23F3.
void paint_hourglass(ImFontAtlas* atlas, int rect_id) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
    const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(rect_id);
    auto* rgba = reinterpret_cast<ImU32*>(pixels);
    const int w = rect->Width, h = rect->Height;
    for (int y = 0; y < h; ++y) {
        const float t = (static_cast<float>(y) + 0.5f) / static_cast<float>(h);   // 0 top .. 1 bottom
        const float half = 0.42f * std::fabs(1.0f - 2.0f * t) * static_cast<float>(w) + 0.6f;
        const bool frame_row = y < 2 || y >= h - 2;
        const bool sand = (t > 0.2f && t < 0.5f) || t > 0.78f;
        for (int x = 0; x < w; ++x) {
            const float dx = std::fabs(static_cast<float>(x) + 0.5f - static_cast<float>(w) / 2.0f);
            float alpha = 0;
            if (frame_row) alpha = 1;
            else if (std::fabs(dx - half) < 0.9f) alpha = 1;           // the glass outline
            else if (dx < half && sand) alpha = 0.75f;                  // sand in both bulbs
            const ImU32 a = static_cast<ImU32>(alpha * 255.0f);
            rgba[(rect->Y + y) * width + rect->X + x] = IM_COL32(255, 255, 255, a);
        }
    }
}

bool readable(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return f.good();
}

}  // namespace

void load_fonts(float size_pixels) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();   // a new size (presentation mode) replaces the fonts, never adds to them
    // Laid out in window units, rasterised in drawing-buffer pixels: sharp on a high-DPI screen.
    const float ratio = platform::display_pixel_ratio();
    size_pixels *= ratio;
    io.FontGlobalScale = 1.0f / ratio;
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,   // Basic Latin + Latin-1 (Portuguese: ã õ ç é ê á à ó ô í ú)
        0x2013, 0x2026,   // – — ‘ ’ “ ” …
        0x2190, 0x2193,   // arrows
        0x2248, 0x2248,   // ≈
        0x2264, 0x2265,   // ≤ ≥
        0x25A0, 0x25A0,   // ■ (legend swatches)
        0x2654, 0x265F,   // chess pieces ♔♕♖♗♘♙ ♚♛♜♝♞♟ (the exhibition's boards)
        0x2713, 0x2713,   // ✓
        0x2717, 0x2717,   // ✗
        0,
    };
    const std::string path = platform::font_path();
    ImFont* font = nullptr;
    if (!path.empty() && readable(path)) {
        ImFontConfig config;
        config.OversampleH = 2;
        font = io.Fonts->AddFontFromFileTTF(path.c_str(), size_pixels, &config, ranges);
    }
    if (!font) {
        std::fprintf(stderr, "conclab: DejaVu Sans not found (%s); using ImGui's ASCII font\n", path.c_str());
        ImFontConfig config;
        config.SizePixels = size_pixels;
        font = io.Fonts->AddFontDefault(&config);
    }
    const int glyph = static_cast<int>(size_pixels * 0.62f);
    const int rect_id = io.Fonts->AddCustomRectFontGlyph(font, kHourglass, glyph, static_cast<int>(size_pixels * 0.8f),
                                                         static_cast<float>(glyph + 2), ImVec2(1, size_pixels * 0.12f));
    io.Fonts->Build();
    paint_hourglass(io.Fonts, rect_id);
}

}  // namespace conclab::ui
