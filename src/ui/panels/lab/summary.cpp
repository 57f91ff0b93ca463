// The lab panel's summary: the talk's closing table, one row per measure (lab::kSummaryRows) and one column per
// model, as a table where the figures fit and as cards where they do not; under it the method of the figure
// clicked last.
#include "lab_panel.h"

#include "platform.h"
#include "responsive.h"
#include "widgets/measure_card.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace conclab::ui::lab_panel {

using lab::Column;
using lab::Figure;
using lab::Measure;

namespace {

LabText row_label(lab::SummaryRowId id) {
    switch (id) {
    case lab::SummaryRowId::startup: return LabText::row_startup;
    case lab::SummaryRowId::resident: return LabText::row_resident;
    case lab::SummaryRowId::reserved: return LabText::row_virtual;
    case lab::SummaryRowId::wasm: return LabText::row_wasm;
    case lab::SummaryRowId::round_trip: return LabText::row_round_trip;
    case lab::SummaryRowId::throughput: return LabText::row_throughput;
    case lab::SummaryRowId::switches: return LabText::row_switches;
    case lab::SummaryRowId::speedup: break;
    }
    return LabText::row_speedup;
}

LabText coroutine_note(lab::CoroutineNote note) {
    return note == lab::CoroutineNote::function_call ? LabText::coroutine_call : LabText::coroutine_no_speedup;
}

}  // namespace

LabText LabPanel::column_title(Column c) const {
    switch (c) {
    case Column::threads: return LabText::threads;
    case Column::processes: return platform::capabilities().os_processes ? LabText::processes : LabText::processes_web;
    default: return LabText::coroutines;
    }
}

// A table with one column per model where every column keeps room for its widest figure; on a narrower panel
// (a tablet beside the sidebar, a phone) one card per measure: its name above, one line per model below.
void LabPanel::draw_summary() {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(LabText::summary));
    if (view_.compare()) {
        const std::string loaded = "(" + std::string(tr(LabText::loaded)) + ": " + view_.compare_name() + ")";
        same_line_if_fits(ImGui::CalcTextSize(loaded.c_str()).x);
        ImGui::TextColored(kCompareColour, "%s", loaded.c_str());
    }
    ImGui::PopTextWrapPos();
    const auto rows = lab::summary_lines(view_.shown(), view_.compare(), platform::logical_cpus());
    float widest = ImGui::CalcTextSize(tr(LabText::not_measured)).x;
    for (const auto& r : rows)
        for (const Measure* each : {r.here, r.other})
            for (Column c : lab::kModelColumns)
                if (const Figure* f = each ? each->at(c) : nullptr) widest = std::max(widest, figure_width(*f));
    const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
    const float value_w = widest + padding;
    const bool as_table = ImGui::GetContentRegionAvail().x >= kMeasureMinWidth + padding + 3 * value_w;
    const auto cell = [&](const lab::SummaryLine& r, Column c) {
        const std::string id = std::string(tr(row_label(r.row->id))) + "/" + std::string(lab::to_string(c));
        if (const Figure* f = r.here ? r.here->at(c) : nullptr) {
            figure_cell(*f, id, std::string(tr(row_label(r.row->id))) + ", " + tr(column_title(c)));
        } else if (c == Column::coroutines && r.row->coroutine_note != lab::CoroutineNote::none) {
            text_disabled_wrapped(tr(coroutine_note(r.row->coroutine_note)));
        } else if (r.here && r.here->missing.count(c)) {
            missing_cell(r.here->missing.at(c));
        } else if (view_.shown().find(r.row->suite)) {
            ImGui::TextDisabled("\u2013");   // the suite ran and has no such figure for this model
        } else {
            text_disabled_wrapped(tr(LabText::not_measured));
        }
        compare_line(r.other, c);
    };
    const auto workers_note = [](const lab::SummaryLine& r) {
        if (r.row->measure.id == lab::MeasureId::speedup && r.here)
            ImGui::TextDisabled("%d %s", r.here->key.workers, tr(LabText::workers_axis));
    };
    std::vector<std::string> titles;
    for (Column c : lab::kModelColumns) titles.emplace_back(tr(column_title(c)));
    if (!as_table) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            measure_card(("##summary" + std::to_string(i)).c_str(), tr(row_label(rows[i].row->id)), titles,
                         [&](std::size_t k) { cell(rows[i], lab::kModelColumns[k]); }, [&] { workers_note(rows[i]); });
        }
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##summary", 4, flags)) return;
    ImGui::TableSetupColumn(tr(LabText::measure), ImGuiTableColumnFlags_WidthStretch, 1.25f);
    for (Column c : lab::kModelColumns) ImGui::TableSetupColumn(tr(column_title(c)), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    wrapped_headers({tr(LabText::measure), titles[0], titles[1], titles[2]});
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", tr(row_label(r.row->id)));
        workers_note(r);
        for (Column c : lab::kModelColumns) {
            ImGui::TableNextColumn();
            cell(r, c);
        }
    }
    ImGui::EndTable();
}

void LabPanel::draw_method_box() {
    if (selected_id_.empty()) {
        text_disabled_wrapped(tr(LabText::click_hint));
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(LabText::how));
    const std::string detail = "(" + selected_detail_ + ")";
    same_line_if_fits(ImGui::CalcTextSize(detail.c_str()).x);
    ImGui::TextDisabled("%s", detail.c_str());
    ImGui::TextUnformatted(selected_method_.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace conclab::ui::lab_panel
