// The lab panel's details: every figure of every suite under a folding header, as a table where its columns fit
// and as one card per measure where they do not, then the suite's own tables and notes.
#include "ui/panels/lab/lab_panel.h"

#include "ui/panels/lab/lab_words.h"
#include "ui/responsive.h"
#include "ui/text/text_lab_notes.h"
#include "ui/text/text_lab_steps.h"
#include "ui/text/text_lab_table.h"
#include "ui/text/text_lab_words.h"
#include "ui/widgets/folding_table.h"
#include "ui/widgets/measure_card.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace conclab::ui::lab_panel {

using lab::Column;
using lab::Figure;
using lab::Measure;
using lab::Section;
using lab::Suite;

namespace {

std::string column_name(Column c) {
    switch (c) {
    case Column::machine: return tr(LabWordText::machine);
    case Column::cpython_threads: return tr(LabTableText::c_cpython);
    case Column::cpython_processes: return tr(LabTableText::c_cpython_processes);
    case Column::cpython_coroutines: return tr(LabTableText::c_cpython_coroutines);
    default: return tr(short_title(c));
    }
}

}  // namespace

void LabPanel::draw_details() {
    ImGui::TextUnformatted(tr(LabText::details));
    for (Suite suite : lab::kAllSuites) {
        const Section* section = view_.shown().find(suite);
        const Section* other = view_.compare() ? view_.compare()->find(suite) : nullptr;
        const std::string name(lab::to_string(suite));
        // "###name": the same header (and its open state) whether or not the suite has run.
        std::string header = suite_words(suite, language());   // "inicialização" on a PT page; the id stays the suite's
        if (!section) header += " \u2014 " + std::string(tr(LabText::suite_not_run));
        header += "###" + name;
        if (!ImGui::CollapsingHeader(header.c_str())) continue;
        if (!section) continue;
        const std::vector<Column> used = lab::used_columns(*section);
        // The figure of measure `m` in column `c` (and the compared one under it).
        const auto cell = [&](const Measure& m, Column c, const std::string& shown_name) {
            if (const Figure* f = m.at(c)) figure_cell(*f, name + "/" + m.name + "/" + std::string(lab::to_string(c)), shown_name);
            else if (m.missing.count(c)) missing_cell(m.missing.at(c));
            compare_line(lab::counterpart(other, m), c);
        };
        std::vector<std::string> titles;
        float widest = 0;
        for (Column c : used) titles.emplace_back(column_name(c));
        for (const auto& m : section->measures)
            for (Column c : used)
                if (const Figure* f = m.at(c)) widest = std::max(widest, figure_width(*f));
        const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
        const bool as_table = ImGui::GetContentRegionAvail().x >=
                              kMeasureMinWidth + padding + static_cast<float>(used.size()) * (std::max(widest, 90.0f) + padding);
        if (!as_table) {
            for (std::size_t i = 0; i < section->measures.size(); ++i) {
                const auto& m = section->measures[i];
                const Measure* om = lab::counterpart(other, m);
                const std::string shown_name = measure_words(m);
                const std::vector<Column> has = lab::card_columns(m, om, used);   // a card lists only the columns it has
                std::vector<std::string> has_titles;
                for (Column c : has) has_titles.emplace_back(column_name(c));
                measure_card(("##" + name + std::to_string(i)).c_str(), shown_name.c_str(), has_titles,
                             [&](std::size_t k) { cell(m, has[k], shown_name); }, [] {});
            }
        } else if (!section->measures.empty() &&
                   ImGui::BeginTable(("##" + name).c_str(), 1 + static_cast<int>(used.size()),
                                     ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(tr(LabText::measure), ImGuiTableColumnFlags_WidthStretch, 1.3f);
            for (std::size_t k = 0; k < used.size(); ++k)
                ImGui::TableSetupColumn(titles[k].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            std::vector<std::string> headers{tr(LabText::measure)};
            headers.insert(headers.end(), titles.begin(), titles.end());
            wrapped_headers(headers);
            for (const auto& m : section->measures) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const std::string shown_name = measure_words(m);
                ImGui::TextWrapped("%s", shown_name.c_str());
                for (Column c : used) {
                    ImGui::TableNextColumn();
                    cell(m, c, shown_name);
                }
            }
            ImGui::EndTable();
        }
        for (const auto& t : section->tables) {
            if (lab::is_ladder_table(t)) continue;   // drawn beside the ladder
            text_disabled_wrapped(table_title(*section, t, language()).c_str());
            folding_table(("##t" + name + t.id).c_str(), table_words(*section, t, language()), tr(LabText::columns_folded));
        }
        if (!section->notes.empty()) {
            ImGui::TextUnformatted(tr(LabText::notes));
            ImGui::PushTextWrapPos(0.0f);
            const bool typed = section->note_ids.size() == section->notes.size();   // else a JSON from before
            for (std::size_t i = 0; i < section->notes.size(); ++i)
                bullet_wrapped(typed ? note_words(section->note_ids[i], language()).c_str() : section->notes[i].c_str());
            ImGui::PopTextWrapPos();
        }
    }
}

}  // namespace conclab::ui::lab_panel
