// The lab panel's cells: a figure with its spread (beside it or below), its method on hover and kept below the
// table on a click; a reason where a model has no figure; the compared result's figure under it.
#include "ui/panels/lab/lab_panel.h"

#include "ui/panels/lab/lab_words.h"
#include "ui/responsive.h"
#include "ui/text/text_lab_table.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace conclab::ui::lab_panel {

using lab::Column;
using lab::Figure;
using lab::Measure;

std::string figure_text(const Figure& f) { return figure_number(f.value, language()) + " " + f.unit; }

std::string spread_text(const Figure& f) {
    if (f.samples <= 1 || f.spread_low == f.spread_high) return {};
    return figure_number(f.spread_low, language()) + "\u2013" + figure_number(f.spread_high, language());
}

float figure_width(const Figure& f) {
    const std::string spread = spread_text(f);
    const float value = ImGui::CalcTextSize(figure_text(f).c_str()).x;
    return spread.empty() ? value : std::max(value, ImGui::CalcTextSize(("(" + spread + ")").c_str()).x);
}

LabText short_title(Column c) {
    return c == Column::threads ? LabText::threads : c == Column::processes ? LabText::processes : LabText::coroutines;
}

// A figure as a selectable cell: the method on hover, kept below the table on a click.
void LabPanel::figure_cell(const Figure& f, const std::string& id, const std::string& what) {
    const std::string text = figure_text(f);
    const std::string spread = spread_text(f);
    // The spread beside the figure when the cell is wide enough, else below it.
    const bool spread_beside =
        ImGui::CalcTextSize((text + "  (" + spread + ")").c_str()).x <= ImGui::GetContentRegionAvail().x;
    ImGui::PushID(id.c_str());
    const bool selected = selected_id_ == id;
    if (ImGui::Selectable(text.c_str(), selected, ImGuiSelectableFlags_None,
                          ImVec2(ImGui::CalcTextSize(text.c_str()).x, 0))) {
        selected_id_ = selected ? std::string() : id;
        selected_method_ = what + ": " + method_words(f.method);
        selected_detail_ = std::to_string(f.samples) + " " + tr(LabText::samples) +
                           (spread.empty() ? std::string() : ", " + std::string(tr(LabText::spread)) + " " + f.spread_kind + " " + spread);
    }
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
        ImGui::TextUnformatted(method_words(f.method).c_str());
        ImGui::TextDisabled("%d %s%s%s", f.samples, tr(LabText::samples), spread.empty() ? "" : (std::string(", ") + f.spread_kind + " ").c_str(),
                            spread.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    if (!spread.empty()) {
        if (spread_beside) ImGui::SameLine(0, 6);
        ImGui::TextDisabled("(%s)", spread.c_str());
    }
}

void LabPanel::missing_cell(const std::string& why) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMissingColour);
    ImGui::TextWrapped("%s", why.c_str());
    ImGui::PopStyleColor();
}

void LabPanel::missing_cell(const lab::Reason& why) { missing_cell(reason_words(why)); }

void LabPanel::compare_line(const Measure* other, Column c) {
    if (!view_.compare()) return;
    ImGui::PushTextWrapPos(0.0f);   // the cell's edge: a long figure and its spread wrap, never clip
    compare_figure(other, c);
    ImGui::PopTextWrapPos();
}

void LabPanel::compare_figure(const Measure* other, Column c) {
    if (const Figure* f = other ? other->at(c) : nullptr)
        ImGui::TextColored(kCompareColour, "%s", (figure_text(*f) + (spread_text(*f).empty() ? "" : "\u00a0(" + spread_text(*f) + ")")).c_str());
    else if (other && other->missing.count(c))
        ImGui::TextColored(kCompareColour, "-");
}

}  // namespace conclab::ui::lab_panel
