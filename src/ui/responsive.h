// Layout helpers for panels that must read on a phone as well as on a desktop (ImGui only, header-only):
// choices flow onto the next line when they would not fit beside the last one, labels go above fields that
// would be too narrow beside them, a checkbox's long label wraps. Nothing is horizontally clipped.
#pragma once

#include <imgui.h>

#include "ui/widgets/slider.h"   // sliders whose handle never covers their value

#include <algorithm>
#include <cfloat>
#include <initializer_list>
#include <string>

namespace conclab::ui {

/// @brief The right edge of the current content region (the window's, or the table column's), in screen space.
inline float content_right() { return ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x; }

/// @brief The width of a button labelled `label` at its natural size.
inline float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

/// @brief The width of a checkbox or a radio button with its label.
inline float choice_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

/// @brief A phrase that wraps as a whole ("Elapsed: 734 ms", never "Elapsed: 734" and "ms" on two lines):
/// its spaces become no-break spaces (U+00A0).
inline std::string unbroken(std::string text) {
    for (std::size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at)) text.replace(at, 1, "\u00a0");
    return text;
}

/// @brief Puts the next item on the last item's line when `width` more fits there; else it starts a new line.
inline bool same_line_if_fits(float width) {
    const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (x + width > content_right()) return false;
    ImGui::SameLine();
    return true;
}

/// @brief A checkbox whose label wraps at the content's right edge instead of running past it (a phone).
inline bool checkbox_wrapped(const char* label, bool* value) {
    if (choice_width(label) <= ImGui::GetContentRegionAvail().x) return ImGui::Checkbox(label, value);
    ImGui::PushID(label);
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::PopID();
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemClicked()) {   // the label toggles, as a checkbox's own label does (not when disabled)
        *value = !*value;
        changed = true;
    }
    return changed;
}

/// @brief Text that wraps at the content's right edge, in the disabled colour.
inline void text_disabled_wrapped(const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", text);
    ImGui::PopTextWrapPos();
}

/// @brief A bullet point whose text wraps at the content's right edge (ImGui::BulletText does not wrap).
inline void bullet_wrapped(const char* text) {
    ImGui::Bullet();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

/// @brief A group of labelled fields (sliders, combos) sharing one width: `preferred` with each label beside
/// its field when the widest label fits after it (never less than `min_width`); else the width left after the widest
/// label, down to `min_width`;
/// else every label on its own line above a field as wide as the content.
class LabelledFields {
public:
    LabelledFields(std::initializer_list<const char*> labels, float preferred, float min_width) {
        float widest = 0;
        for (const char* label : labels) widest = std::max(widest, ImGui::CalcTextSize(label, nullptr, true).x);
        const float room = ImGui::GetContentRegionAvail().x - widest - ImGui::GetStyle().ItemInnerSpacing.x;
        above_ = room < min_width;
        width_ = above_ ? -FLT_MIN : std::min(std::max(preferred, min_width), room);
    }

    /// @brief Call right before the field: sets its width, draws the label above it when it goes there, and
    /// returns the label to give the widget ("##label" when drawn above: the same words, no second copy).
    std::string operator()(const char* label) const {
        if (above_) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(label);
            ImGui::PopTextWrapPos();
        }
        ImGui::SetNextItemWidth(width_);
        return above_ ? std::string("##") + label : std::string(label);
    }

    bool above() const { return above_; }

private:
    bool above_ = false;
    float width_ = 0;
};

/// @brief Text wrapped at spaces only, from the cursor to the content's right edge, in the current text colour.
/// ImGui's own wrap also breaks after a full stop or a comma inside a word ("1." and "93 s", "v0." and "1.0",
/// "commons." and "wikimedia.org"); no-break spaces (U+00A0) keep "1.93 s" one word. A word wider than the line
/// is drawn whole. Lines sit as close as TextWrapped's; after SameLine() the next lines start below the first.
inline void text_wrapped_at_spaces(const std::string& text) {
    const float width = ImGui::GetContentRegionAvail().x;
    const auto line_out = [](const std::string& line, bool last) {
        if (!last) ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
        ImGui::TextUnformatted(line.c_str());
        if (!last) ImGui::PopStyleVar();
    };
    ImGui::BeginGroup();
    std::string line;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        std::string longer = line;
        if (!longer.empty()) longer += ' ';
        longer.append(text, at, end - at);
        if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
            line_out(line, false);
            line.assign(text, at, end - at);
        } else {
            line = std::move(longer);
        }
        at = end + 1;
    }
    line_out(line, true);
    ImGui::EndGroup();
}

}  // namespace conclab::ui
