// Cards and table headers for narrow panels (ImGui only, header-only): a measure as a card of "name | value"
// rows when its table's columns do not fit, and header rows whose titles wrap inside their columns.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace conclab::ui {

/// @brief A header row whose titles wrap in their columns ("Processes (isolated Workers)" in a narrow column).
inline void wrapped_headers(const std::vector<std::string>& titles) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (const auto& title : titles) {
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", title.c_str());
    }
}

/// @brief A measure as a card on a narrow panel: its name (and `note()`) above, then one row per column: the
/// column's name, and its cell drawn by `cell(k)`. The names' column is as wide as the widest name, at most 40%.
template <typename Cell, typename Note>
void measure_card(const char* id, const char* name, const std::vector<std::string>& columns, Cell&& cell, Note&& note) {
    const ImVec4 dim(0.62f, 0.65f, 0.70f, 1.0f);
    if (name[0] != '\0') {   // "": the caller drew the name (folding_table draws it as a cell)
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(name);
        ImGui::PopTextWrapPos();
    }
    note();
    float names_w = 0;
    for (const auto& c : columns) names_w = std::max(names_w, ImGui::CalcTextSize(c.c_str()).x);
    names_w = std::min(names_w, ImGui::GetContentRegionAvail().x * 0.4f);
    if (ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthFixed, names_w);
        ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch);
        for (std::size_t k = 0; k < columns.size(); ++k) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, dim);
            ImGui::TextWrapped("%s", columns[k].c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            cell(k);
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
}

}  // namespace conclab::ui
