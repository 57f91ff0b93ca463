// Declares load_fonts: the app's fonts at a given pixel size (presentation mode loads them again).
#pragma once

namespace conclab::ui {

/// @brief Loads DejaVu Sans (when the platform has it) with the glyphs our text needs — Latin-1 for
/// Portuguese, ✓ ✗ × ± ≈ — and adds ⏳, which DejaVu Sans lacks, as a glyph drawn into the atlas.
/// Falls back to ImGui's built-in font (ASCII only) and says so on stderr.
void load_fonts(float size_pixels);

}  // namespace conclab::ui
