// Sliders whose handle never covers their value: ImGui 1.86 centres the value in the frame and its grab slides over
// it ("55.▮ s" at some positions, always at presentation mode's scale); these draw the value in the wider part of
// the frame beside the grab instead. Same arguments as ImGui's, the value rounded to its format as ImGui does.
// Ctrl+click (or Tab) opens a text field that starts from the value as the page writes it ("3,0" in PT) and takes a
// decimal comma or point (ImGui's own started empty and let no comma in).
#pragma once

#include <imgui.h>

namespace conclab::ui {

/// @brief ImGui::SliderInt whose handle never covers its value.
bool slider_int(const char* label, int* value, int min, int max, const char* format = "%d", ImGuiSliderFlags flags = 0);

/// @brief ImGui::SliderScalar of a double (linear or logarithmic) whose handle never covers its value.
bool slider_double(const char* label, double* value, double min, double max, const char* format,
                   ImGuiSliderFlags flags = 0);

/// @brief The narrowest slider (frame width) on which `widest_value` (as drawn: localised) never meets the grab, even
/// with the grab in the middle; `steps`: an integer slider's count of values (its grab is width / steps wide), 0 for a
/// real one. A field narrower than this would have its value covered: panels give their sliders at least this width.
float slider_min_width(const char* widest_value, int steps = 0);

/// @brief slider_double for a float.
bool slider_float(const char* label, float* value, float min, float max, const char* format,
                  ImGuiSliderFlags flags = 0);

}  // namespace conclab::ui
