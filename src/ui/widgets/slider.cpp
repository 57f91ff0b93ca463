// Sliders whose handle never covers their value (slider.h).
#include "ui/widgets/slider.h"

#include "core/base/options.h"
#include "ui/text/numbers.h"

#include <imgui_internal.h>  // the text field a Ctrl+click opens: TempInputIsActive, InputTextEx, its state

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
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

// [SECTION] The text field of Ctrl+click (or Tab). ImGui 1.86's own starts empty (these sliders hand it no format:
// they draw their value themselves), lets no comma in (its CharsScientific filter) and reads with C's sscanf. This one
// starts from the value as the page writes it ("3,0" on a PT page) and reads "0,5" and "0.5" alike with
// options::parse_real, the reader of links and of the CLI.

constexpr int kTypedChars = 32;  // the size of ImGui's own field (TempInputScalar)

int number_chars_only(ImGuiInputTextCallbackData* data) {
    const ImWchar c = data->EventChar;
    const bool number =
        (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '_' || c == '-' || c == '+' || c == 'e' || c == 'E';
    return number ? 0 : 1;
}

// "%.1f s" of 3 → "3,0" on a PT page: the number alone, without the format's decorations.
std::string typed_text(double value, const char* format, bool integer) {
    char trimmed[32];
    const char* number = ImParseFormatTrimDecorations(format, trimmed, sizeof trimmed);
    char text[64];
    if (integer) std::snprintf(text, sizeof text, number, static_cast<int>(std::lround(value)));
    else std::snprintf(text, sizeof text, number, value);
    return localized(text, language());
}

// ImGui began its field this frame, empty: it starts from `text` instead, all selected, and Escape goes back to it.
void start_typing(ImGuiID id, const std::string& text) {
    ImGuiInputTextState* state = ImGui::GetInputTextState(id);
    if (!state) return;
    const char* end = nullptr;
    state->TextW.resize(kTypedChars + 1);
    state->CurLenW = ImTextStrFromUtf8(state->TextW.Data, kTypedChars, text.c_str(), nullptr, &end);
    state->CurLenA = static_cast<int>(end - text.c_str());
    state->TextAIsValid = false;  // rebuilt from TextW on the next frame
    state->InitialTextA.resize(state->CurLenA + 1);
    std::memcpy(state->InitialTextA.Data, text.c_str(), static_cast<std::size_t>(state->CurLenA));
    state->InitialTextA[state->CurLenA] = '\0';
    state->SelectAll();
}

// The field on the frames after the first: the item laid out as SliderScalar lays it, the value read at each edit
// (as ImGui's own field does), clamped only with AlwaysClamp (as ImGui's).
bool typed_value(const char* label, ImGuiID id, double* value, double min, double max, const char* format, bool integer,
                 bool clamp) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 label_size = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 at = window->DC.CursorPos;
    const ImRect frame(at, ImVec2(at.x + ImGui::CalcItemWidth(), at.y + label_size.y + style.FramePadding.y * 2));
    const ImRect total(
        frame.Min, ImVec2(frame.Max.x + (label_size.x > 0 ? style.ItemInnerSpacing.x + label_size.x : 0), frame.Max.y));
    ImGui::ItemSize(total, style.FramePadding.y);
    if (!ImGui::ItemAdd(total, id, &frame, ImGuiItemFlags_Inputable)) return false;
    char buf[kTypedChars];
    std::snprintf(buf, sizeof buf, "%s", typed_text(*value, format, integer).c_str());
    window->DC.CursorPos = frame.Min;
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_CallbackCharFilter |
                                      static_cast<int>(ImGuiInputTextFlags_NoMarkEdited) |
                                      static_cast<int>(ImGuiInputTextFlags_MergedItem);
    if (!ImGui::InputTextEx(label, nullptr, buf, sizeof buf, frame.GetSize(), flags, number_chars_only)) return false;
    std::optional<double> typed;
    if (integer) {
        if (const auto n = options::parse_decimal(buf)) typed = static_cast<double>(*n);
    } else {
        typed = options::parse_real(buf);
    }
    if (!typed) return false;  // "0," on the way to "0,5", or not a number: the value stays
    const double v = clamp ? std::clamp(*typed, min, max) : *typed;
    if (v == *value) return false;
    *value = v;
    ImGui::MarkItemEdited(id);
    return true;
}

}  // namespace

float slider_min_width(const char* widest_value, int steps) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // The value with its margin on each half of the frame beside a centred grab (draw_slider_value's room).
    const float halves = 2 * (ImGui::CalcTextSize(widest_value).x + style.FramePadding.x);
    const float usable =
        std::max(halves + style.GrabMinSize, steps > 1 ? halves / (1.0f - 1.0f / static_cast<float>(steps)) : 0.0f);
    return usable + 2 * 2.0f;  // the frame's own padding (draw_slider_value's `padding`) each side
}

bool slider_int(const char* label, int* value, int min, int max, const char* format, ImGuiSliderFlags flags) {
    const ImGuiID id = ImGui::GetID(label);
    if (ImGui::TempInputIsActive(id)) {
        double typed = *value;
        const bool changed =
            typed_value(label, id, &typed, min, max, format, true, flags & ImGuiSliderFlags_AlwaysClamp);
        *value = static_cast<int>(std::clamp(typed, double(INT_MIN), double(INT_MAX)));
        return changed;
    }
    const int before = *value;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcItemWidth();
    const bool changed = ImGui::SliderInt(label, value, min, max, "", flags);
    if (ImGui::TempInputIsActive(id)) {  // Ctrl+click or Tab opened ImGui's field this frame: ours from now on
        *value = before;
        start_typing(id, typed_text(before, format, true));
        return false;
    }
    char text[64];
    std::snprintf(text, sizeof text, format, *value);
    const std::string shown = localized(text, language());
    const double span = static_cast<double>(max) - min;
    draw_slider_value(shown.c_str(), ImVec2(at.x, ImGui::GetItemRectMin().y), width,
                      span > 0 ? (*value - min) / span : 0.0, span + 1);
    return changed;
}

bool slider_double(const char* label, double* value, double min, double max, const char* format,
                   ImGuiSliderFlags flags) {
    const ImGuiID id = ImGui::GetID(label);
    if (ImGui::TempInputIsActive(id))
        return typed_value(label, id, value, min, max, format, false, flags & ImGuiSliderFlags_AlwaysClamp);
    const double before = *value;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcItemWidth();
    bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, value, &min, &max, "",
                                       flags | ImGuiSliderFlags_NoRoundToFormat);
    if (ImGui::TempInputIsActive(id)) {  // Ctrl+click or Tab opened ImGui's field this frame: ours from now on
        *value = before;
        start_typing(id, typed_text(before, format, false));
        return false;
    }
    if (changed) *value = std::clamp(rounded_to_format(*value, format), min, max);
    char text[64];
    std::snprintf(text, sizeof text, format, *value);
    const std::string shown = localized(text, language());  // "3,0 s" on a PT page
    const bool log = (flags & ImGuiSliderFlags_Logarithmic) && min > 0;
    const double t =
        log ? std::log(*value / min) / std::log(max / min) : (max > min ? (*value - min) / (max - min) : 0.0);
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
