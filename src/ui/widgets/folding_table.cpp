// A table of text that folds the columns that do not fit (see folding_table.h).
#include "ui/widgets/folding_table.h"

#include "ui/responsive.h"
#include "ui/widgets/measure_card.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace conclab::ui {

void folding_table(const char* id, const TextTable& t, const char* folded_note, std::vector<std::size_t> importance) {
    if (t.header.empty()) return;
    const std::size_t n = t.header.size();
    const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
    std::vector<float> widths(n, 0.0f);
    for (std::size_t c = 0; c < n; ++c) widths[c] = ImGui::CalcTextSize(t.header[c].c_str()).x;
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size() && c < n; ++c) widths[c] = std::max(widths[c], ImGui::CalcTextSize(row[c].c_str()).x);
    if (importance.empty())
        for (std::size_t c = 0; c < n; ++c) importance.push_back(c);
    const float avail = ImGui::GetContentRegionAvail().x;
    std::vector<bool> kept(n, false);
    float used = 0;
    for (std::size_t c : importance)
        if (c < n && (c == 0 || used + widths[c] + padding <= avail)) {
            kept[c] = true;
            used += widths[c] + padding;
        }
    const auto kept_count = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), true));
    if (kept_count < std::min<std::size_t>(n, 2)) {
        const std::vector<std::string> titles(t.header.begin() + 1, t.header.end());
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const auto& row = t.rows[r];
            const std::string name = row.empty() ? std::string() : row[0];
            measure_card((std::string(id) + "/" + std::to_string(r)).c_str(), name.c_str(), titles,
                         [&](std::size_t k) {
                             ImGui::PushTextWrapPos(0.0f);
                             if (k + 1 < row.size()) ImGui::TextUnformatted(row[k + 1].c_str());
                             ImGui::PopTextWrapPos();
                         },
                         [] {});
        }
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable(id, static_cast<int>(kept_count), flags)) return;
    for (std::size_t c = 0; c < n; ++c)
        if (kept[c]) ImGui::TableSetupColumn(t.header[c].c_str());
    ImGui::TableHeadersRow();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        ImGui::TableNextRow();
        for (std::size_t c = 0; c < row.size() && c < n; ++c) {
            if (!kept[c]) continue;
            ImGui::TableNextColumn();
            if (c > 0 || kept_count == n) {
                ImGui::TextUnformatted(row[c].c_str());
                continue;
            }
            // Folded: the first cell spans the row; hovering (touching) the row shows all of it.
            ImGui::PushID(static_cast<int>(r));
            ImGui::Selectable(row[c].c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
            ImGui::PopID();
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                for (std::size_t k = 0; k < row.size() && k < n; ++k) ImGui::Text("%s: %s", t.header[k].c_str(), row[k].c_str());
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::EndTable();
    if (kept_count < n) {
        std::string folded;
        for (std::size_t c = 0; c < n; ++c)
            if (!kept[c]) folded += (folded.empty() ? "" : ", ") + t.header[c];
        char note[400];
        std::snprintf(note, sizeof note, folded_note, folded.c_str());
        text_disabled_wrapped(note);
    }
}

}  // namespace conclab::ui
