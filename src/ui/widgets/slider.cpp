// Sliders whose handle never covers their value (slider.h).
#include "ui/widgets/slider.h"

#include "ui/text/numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace conclab::ui {

namespace {

// The slider's value drawn in the wider part of its frame beside the grab (where ImGui's centred value would sit
// under the grab, "55.▮ s"). `t` is the value's place along the slider (0..1), `steps` the count of integer
// values (0: a real slider), as ImGui 1.86 sizes the grab from them (SliderBehaviorT).
void draw_slider_value(const char* text, ImVec2 min, float width, double t, double steps) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = ImGui::GetFrameHeight(), padding = 2.0f;
    const float usable = width - padding * 2;
    const float grab = steps > 0 ? std::max(static_cast<float>(usable / steps), style.GrabMinSize) : style.GrabMinSize;
    const float grab_min = min.x + padding + static_cast<float>(std::clamp(t, 0.0, 1.0)) * (usable - grab);
    const float left_w = grab_min - min.x, right_w = min.x + width - (grab_min + grab);
    const float from = left_w >= right_w ? min.x : grab_min + grab, room = std::max(left_w, right_w);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const float x = from + std::max(style.FramePadding.x * 0.5f, (room - size.x) / 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(min, ImVec2(min.x + width, min.y + height), true);
    draw->AddText(ImVec2(x, min.y + (height - size.y) / 2), ImGui::GetColorU32(ImGuiCol_Text), text);
    draw->PopClipRect();
}

// The number a format prints (what ImGui rounds a slider's value to): "×%.0f" of 2.6 is 3.
double rounded_to_format(double value, const char* format) {
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    const char* number = text + std::strcspn(text, "-+.0123456789");
    return *number ? std::strtod(number, nullptr) : value;
}

}  // namespace

float slider_min_width(const char* widest_value, int steps) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // The value with its margin on each half of the frame beside a centred grab (draw_slider_value's room).
    const float halves = 2 * (ImGui::CalcTextSize(widest_value).x + style.FramePadding.x);
    const float usable = std::max(halves + style.GrabMinSize, steps > 1 ? halves / (1.0f - 1.0f / static_cast<float>(steps)) : 0.0f);
    return usable + 2 * 2.0f;   // the frame's own padding (draw_slider_value's `padding`) each side
}

bool slider_int(const char* label, int* value, int min, int max, const char* format, ImGuiSliderFlags flags) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcItemWidth();
    const bool changed = ImGui::SliderInt(label, value, min, max, "", flags);
    char text[64];
    std::snprintf(text, sizeof text, format, *value);
    const std::string shown = localized(text, language());
    const double span = static_cast<double>(max) - min;
    draw_slider_value(shown.c_str(), ImVec2(at.x, ImGui::GetItemRectMin().y), width, span > 0 ? (*value - min) / span : 0.0, span + 1);
    return changed;
}

bool slider_double(const char* label, double* value, double min, double max, const char* format, ImGuiSliderFlags flags) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcItemWidth();
    bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, value, &min, &max, "", flags | ImGuiSliderFlags_NoRoundToFormat);
    if (changed) *value = std::clamp(rounded_to_format(*value, format), min, max);
    char text[64];
    std::snprintf(text, sizeof text, format, *value);
    const std::string shown = localized(text, language());   // "3,0 s" on a PT page
    const bool log = (flags & ImGuiSliderFlags_Logarithmic) && min > 0;
    const double t = log ? std::log(*value / min) / std::log(max / min) : (max > min ? (*value - min) / (max - min) : 0.0);
    draw_slider_value(shown.c_str(), ImVec2(at.x, ImGui::GetItemRectMin().y), width, t, 0);
    return changed;
}

bool slider_float(const char* label, float* value, float min, float max, const char* format, ImGuiSliderFlags flags) {
    double v = *value;
    const bool changed = slider_double(label, &v, min, max, format, flags);
    *value = static_cast<float>(v);
    return changed;
}

}  // namespace conclab::ui
