// A slider of seconds whose figure reads in the page's language ("0,5 s" in PT): ImGui 1.86 prints a slider's value
// with C's printf, so the text is formatted here (text/numbers.h) and handed over with no conversion left in it.
#pragma once

#include "text/numbers.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace conclab::ui {

/// @brief ImGui::SliderScalar on a double shown as "%.{decimals}f s"; the value is rounded to `decimals` as ImGui's
/// own format would have rounded it. Ctrl+click typing takes "0.5" (ImGui's filter lets no comma in).
inline bool seconds_slider(const char* label, double* seconds, double min, double max, int decimals,
                           ImGuiSliderFlags flags = 0) {
    std::string shown = text_format("%.*f s", decimals, *seconds);
    if (language() == Language::en) shown = "%." + std::to_string(decimals) + "f s";   // ImGui's own, as before
    const bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, seconds, &min, &max, shown.c_str(), flags);
    if (changed && language() != Language::en) {
        const double scale = std::pow(10.0, decimals);
        *seconds = std::clamp(std::round(*seconds * scale) / scale, min, max);
    }
    return changed;
}

}  // namespace conclab::ui
