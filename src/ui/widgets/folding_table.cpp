// A table that folds the columns that do not fit (see folding_table.h).
#include "ui/widgets/folding_table.h"

#include "ui/responsive.h"
#include "ui/widgets/measure_card.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace conclab::ui {

std::vector<bool> columns_that_fit(const std::vector<FoldingColumn>& columns, float avail, const std::vector<std::size_t>& importance) {
    const std::size_t n = columns.size();
    const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
    std::vector<bool> kept(n, false);
    float used = 0;
    for (std::size_t c = 0; c < n; ++c)
        if (c == 0 || columns[c].always) {
            kept[c] = true;
            used += columns[c].width + padding;
        }
    std::vector<std::size_t> order = importance;
    if (order.empty())
        for (std::size_t c = 0; c < n; ++c) order.push_back(c);
    for (std::size_t c : order)
        if (c < n && !kept[c] && used + columns[c].width + padding <= avail) {
            kept[c] = true;
            used += columns[c].width + padding;
        }
    return kept;
}

std::vector<std::string> folding_table(const char* id, const std::vector<FoldingColumn>& columns, std::size_t rows,
                                       const std::function<void(std::size_t, std::size_t)>& draw_cell, const char* folded_note,
                                       std::vector<std::size_t> importance) {
    std::vector<std::string> drawn;
    const std::size_t n = columns.size();
    if (n == 0) return drawn;
    const std::vector<bool> kept = columns_that_fit(columns, ImGui::GetContentRegionAvail().x, importance);
    const auto kept_count = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), true));
    if (kept_count < std::min<std::size_t>(n, 2)) {
        std::vector<std::string> titles;
        for (std::size_t c = 1; c < n; ++c) titles.push_back(columns[c].title);
        for (std::size_t r = 0; r < rows; ++r) {
            ImGui::PushID(static_cast<int>(r));
            ImGui::PushTextWrapPos(0.0f);
            draw_cell(r, 0);
            ImGui::PopTextWrapPos();
            measure_card((std::string(id) + "/" + std::to_string(r)).c_str(), "", titles,
                         [&](std::size_t k) {
                             ImGui::PushTextWrapPos(0.0f);
                             draw_cell(r, k + 1);
                             ImGui::PopTextWrapPos();
                         },
                         [] {});
            ImGui::PopID();
        }
        return {columns[0].title};
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable(id, static_cast<int>(kept_count), flags)) return drawn;
    for (std::size_t c = 0; c < n; ++c)
        if (kept[c]) {
            ImGui::TableSetupColumn(columns[c].title.c_str(),
                                    columns[c].stretch ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed,
                                    columns[c].stretch ? 0.0f : columns[c].width);
            drawn.push_back(columns[c].title);
        }
    ImGui::TableHeadersRow();
    for (std::size_t r = 0; r < rows; ++r) {
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(r));
        for (std::size_t c = 0; c < n; ++c) {
            if (!kept[c]) continue;
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);   // the cell's right edge: a narrow column wraps, never clips
            draw_cell(r, c);
            ImGui::PopTextWrapPos();
            if (c == 0 && kept_count < n && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                for (std::size_t k = 1; k < n; ++k) {
                    if (kept[k]) continue;
                    ImGui::TextUnformatted((columns[k].title + ":").c_str());
                    ImGui::SameLine();
                    draw_cell(r, k);
                }
                ImGui::EndTooltip();
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (kept_count < n && folded_note) {
        std::string folded;
        for (std::size_t c = 0; c < n; ++c)
            if (!kept[c]) folded += (folded.empty() ? "" : ", ") + columns[c].title;
        char note[400];
        std::snprintf(note, sizeof note, folded_note, folded.c_str());
        text_disabled_wrapped(note);
    }
    return drawn;
}

void folding_table(const char* id, const TextTable& t, const char* folded_note, std::vector<std::size_t> importance) {
    if (t.header.empty()) return;
    const std::size_t n = t.header.size();
    std::vector<FoldingColumn> columns(n);
    for (std::size_t c = 0; c < n; ++c) columns[c] = {t.header[c], ImGui::CalcTextSize(t.header[c].c_str()).x};
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size() && c < n; ++c)
            columns[c].width = std::max(columns[c].width, ImGui::CalcTextSize(row[c].c_str()).x);
    const bool folds = [&] {
        const auto kept = columns_that_fit(columns, ImGui::GetContentRegionAvail().x, importance);
        return std::count(kept.begin(), kept.end(), true) < static_cast<long>(n);
    }();
    folding_table(id, columns, t.rows.size(),
                  [&](std::size_t r, std::size_t c) {
                      const auto& row = t.rows[r];
                      const char* text = c < row.size() ? row[c].c_str() : "";
                      if (c > 0 || !folds) {
                          ImGui::TextUnformatted(text);
                          return;
                      }
                      // Folded: the first cell spans the row, so that hovering (touching) anywhere on it shows all of it.
                      ImGui::Selectable(text, false, ImGuiSelectableFlags_SpanAllColumns);
                  },
                  folded_note, std::move(importance));
}

}  // namespace conclab::ui
