// Two panes side by side while each keeps its minimum width, else one above the other (ImGui only, header-only).
#pragma once

#include <imgui.h>

namespace conclab::ui {

/// @brief Draws `left()` and `right()` in two equal columns when the region is at least 2 × `min_width` wide;
/// else `left()`, a spacing, `right()`. Returns true when they were stacked.
template <typename Left, typename Right>
bool side_by_side(const char* id, float min_width, Left&& left, Right&& right) {
    if (ImGui::GetContentRegionAvail().x < 2 * min_width) {
        left();
        ImGui::Spacing();
        right();
        return true;
    }
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_BordersInnerV)) return false;
    ImGui::TableSetupColumn("##left", ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn("##right", ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableNextColumn();
    left();
    ImGui::TableNextColumn();
    right();
    ImGui::EndTable();
    return false;
}

}  // namespace conclab::ui
