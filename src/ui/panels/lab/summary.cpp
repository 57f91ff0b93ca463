// The lab panel's summary: the lab's table in its final shape (core/lab/lab_table.h) worded in the page's language:
// group rows (the talk's four, then the app's), one unit per row in its label, a ratio column, the numbered notes
// under it; a table where the figures fit and cards where they do not; under it the method of the figure clicked last.
#include "ui/panels/lab/lab_panel.h"

#include "ui/panels/lab/lab_words.h"
#include "platform/platform.h"
#include "ui/responsive.h"
#include "ui/text/text_lab_table.h"
#include "ui/widgets/measure_card.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace conclab::ui::lab_panel {

using lab::Column;
using lab::TableColumn;

namespace {

inline const ImVec4 kGroupColour(0.55f, 0.78f, 0.95f, 1.0f);
inline const ImVec4 kBusyColour(0.95f, 0.55f, 0.35f, 1.0f);

std::string number(double value, int decimals) { return table_number(value, decimals, language()); }

std::string printf1(const char* format, int value) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

// "note 3" / "nota 3", "note 2, 7".
std::string note_ref(const std::string& numbers) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, tr(LabTableText::note_ref), numbers.c_str());
    return buffer;
}
std::string note_ref(int n) { return note_ref(std::to_string(n)); }

std::string row_label(const lab::TableRow& row) {
    return std::string(tr(words_of(row.id))) + " (" + tr(words_of(row.unit)) + ")";
}

// "(7,408–8,578)": both ends in one count of decimals.
std::string range_text(const lab::TableCell& cell) {
    std::string text(1, '(');
    text += number(*cell.low, cell.range_decimals);
    text += "\u2013";
    text += number(*cell.high, cell.range_decimals);
    text += ')';
    return text;
}

std::string ratio_text(double ratio) { return number(ratio, lab::decimals_for(ratio)) + "\u00d7"; }

// The report's column a table column stands for.
Column model_of(TableColumn c) {
    switch (c) {
    case TableColumn::cpython: return Column::cpython_threads;
    case TableColumn::cpython_processes: return Column::cpython_processes;
    case TableColumn::cpython_coroutines: return Column::cpython_coroutines;
    default: return static_cast<Column>(c);
    }
}

std::optional<LabTableText> cpython_title(TableColumn c) {
    switch (c) {
    case TableColumn::cpython: return LabTableText::c_cpython;
    case TableColumn::cpython_processes: return LabTableText::c_cpython_processes;
    case TableColumn::cpython_coroutines: return LabTableText::c_cpython_coroutines;
    default: return std::nullopt;
    }
}

}  // namespace

int SummaryNotes::reason(const lab::Reason& why) {
    const std::string worded = reason_words(why);
    auto it = std::find(reasons.begin(), reasons.end(), worded);
    if (it == reasons.end()) it = reasons.insert(reasons.end(), worded);
    return static_cast<int>(table.notes.size() + static_cast<std::size_t>(it - reasons.begin())) + 1;
}

LabText LabPanel::column_title(Column c) const {
    switch (c) {
    case Column::threads: return LabText::threads;
    case Column::processes: return platform::capabilities().os_processes ? LabText::processes : LabText::processes_web;
    default: return LabText::coroutines;
    }
}

void LabPanel::table_cell(const lab::TableRow& row, TableColumn c, const lab::TableRow* other, SummaryNotes& notes) {
    const lab::TableCell& cell = row.at(c);
    const std::string label = std::string(tr(words_of(row.id))) + ", " +
                              (cpython_title(c) ? tr(*cpython_title(c)) : tr(column_title(model_of(c))));
    if (cell.value) {
        const std::string text = number(*cell.value, cell.decimals);
        const std::string id = std::string(lab::to_string(model_of(c))) + "/" + std::to_string(static_cast<int>(row.id));
        ImGui::PushID(id.c_str());
        const bool selected = selected_id_ == id;
        if (ImGui::Selectable(text.c_str(), selected, ImGuiSelectableFlags_None, ImVec2(ImGui::CalcTextSize(text.c_str()).x, 0))) {
            selected_id_ = selected ? std::string() : id;
            selected_method_ = label + ": " + (cell.figure ? method_words(cell.figure->method) : std::string());
            selected_detail_ = std::to_string(cell.samples) + " " + tr(LabText::samples);
        }
        if (ImGui::IsItemHovered() && cell.figure) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
            ImGui::TextUnformatted(method_words(cell.figure->method).c_str());
            ImGui::TextDisabled("%d %s", cell.samples, tr(LabText::samples));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
        if (cell.low && cell.high) {
            const std::string range = range_text(cell);
            same_line_if_fits(ImGui::CalcTextSize(range.c_str()).x);
            ImGui::TextDisabled("%s", range.c_str());
        }
        if (cell.busy) {
            same_line_if_fits(ImGui::CalcTextSize(tr(LabTableText::busy)).x);
            ImGui::TextColored(kBusyColour, "%s", tr(LabTableText::busy));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", printf1(tr(LabTableText::busy_tip), notes.table.number(lab::TableNote::ranges)).c_str());
        }
        if (cell.workers == 1) ImGui::TextDisabled("%s", tr(LabTableText::worker_at_one));
        else if (cell.workers > 1) ImGui::TextDisabled("%s", printf1(tr(LabTableText::workers_at), cell.workers).c_str());
    } else {
        switch (cell.why) {
        case lab::CellWhy::not_run: text_disabled_wrapped(tr(LabTableText::not_run)); break;
        case lab::CellWhy::function_call:
            ImGui::TextDisabled("\u2013 (%s)", note_ref(notes.table.number(lab::TableNote::function_call)).c_str());
            break;
        case lab::CellWhy::one_thread:
            ImGui::TextDisabled("\u2013 (%s)", note_ref(notes.table.number(lab::TableNote::one_thread)).c_str());
            break;
        case lab::CellWhy::missing:
            ImGui::TextColored(kMissingColour, "\u2013 (%s)", note_ref(notes.reason(cell.missing)).c_str());
            break;
        default: ImGui::TextDisabled("\u2013"); break;
        }
    }
    if (other && view_.compare()) {
        const lab::TableCell& o = other->at(c);
        if (o.value) {
            const double v = lab::convert(*o.value, other->unit, row.unit).value_or(*o.value);
            ImGui::TextColored(kCompareColour, "%s", number(v, lab::decimals_for(v)).c_str());
        } else {
            ImGui::TextColored(kCompareColour, "\u2013");
        }
    }
}

// A table with one column per model where every column keeps room for its widest figure; on a narrower panel
// (a tablet beside the sidebar, a phone) one card per row: its label above, one line per column below.
void LabPanel::draw_summary() {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(LabText::summary));
    if (view_.compare()) {
        std::string loaded(1, '(');
        loaded += tr(LabText::loaded);
        loaded += ": " + view_.compare_name() + ")";
        same_line_if_fits(ImGui::CalcTextSize(loaded.c_str()).x);
        ImGui::TextColored(kCompareColour, "%s", loaded.c_str());
    }
    ImGui::PopTextWrapPos();
    const lab::LabTable table = lab::lab_table(view_.shown(), platform::logical_cpus());
    std::optional<lab::LabTable> other;
    if (view_.compare()) other = lab::lab_table(*view_.compare(), table.cpus);
    SummaryNotes notes{table, {}};
    std::vector<TableColumn> columns{TableColumn::threads, TableColumn::processes, TableColumn::coroutines};
    if (table.cpython || (other && other->cpython)) columns.insert(columns.end(), std::begin(lab::kCpythonColumns), std::end(lab::kCpythonColumns));
    std::vector<std::string> titles;
    for (TableColumn c : columns)
        titles.emplace_back(cpython_title(c)       ? tr(*cpython_title(c))
                            : c == TableColumn::coroutines ? tr(LabTableText::c_coroutines)
                                                           : tr(column_title(model_of(c))));
    titles.emplace_back(tr(LabTableText::c_ratio));
    // The widest cell: a figure with its range ("8,067 (7,408–8,578)"), or a ratio line.
    float widest = ImGui::CalcTextSize(tr(LabTableText::not_run)).x;
    for (const auto& r : table.rows)
        for (TableColumn c : columns)
            if (const auto& cell = r.at(c); cell.value) {
                widest = std::max(widest, ImGui::CalcTextSize(number(*cell.value, cell.decimals).c_str()).x);
                if (cell.low) {
                    const std::string range = range_text(cell);
                    widest = std::max(widest, ImGui::CalcTextSize(range.c_str()).x);   // below the figure when narrow
                }
            }
    const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
    const float value_w = widest + padding;
    const bool as_table = ImGui::GetContentRegionAvail().x >= 1.5f * kMeasureMinWidth + padding + static_cast<float>(columns.size() + 1) * value_w;
    const auto ratios = [&](const lab::TableRow& r) {
        if (r.processes_over_threads)
            ImGui::TextDisabled("%s %s", tr(LabTableText::ratio_pt), ratio_text(*r.processes_over_threads).c_str());
        if (r.threads_over_coroutines)
            ImGui::TextDisabled("%s %s", tr(LabTableText::ratio_tc), ratio_text(*r.threads_over_coroutines).c_str());
        if (!r.processes_over_threads && !r.threads_over_coroutines) ImGui::TextDisabled("\u2013");
    };
    const auto refs = [&](const lab::TableRow& r) {
        std::string text;
        for (lab::TableNote n : r.notes)
            if (n != lab::TableNote::function_call && n != lab::TableNote::one_thread)   // the cells point at those
                text += (text.empty() ? "" : ", ") + std::to_string(table.number(n));
        if (!text.empty()) ImGui::TextDisabled("(%s)", note_ref(text).c_str());
    };
    const auto group_line = [&](const lab::TableRow& r) {
        ImGui::PushStyleColor(ImGuiCol_Text, kGroupColour);
        ImGui::TextWrapped("%s %s", tr(words_of(r.group)), tr(r.talk ? LabTableText::talks_row : LabTableText::apps_row));
        ImGui::PopStyleColor();
    };
    const auto other_row = [&](const lab::TableRow& r) { return other ? other->find(r.id) : nullptr; };
    if (!as_table) {
        std::optional<lab::TableGroup> group;
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            const auto& r = table.rows[i];
            if (group != r.group) {
                group = r.group;
                ImGui::Spacing();
                group_line(r);
            }
            measure_card(("##summary" + std::to_string(i)).c_str(), row_label(r).c_str(), titles,
                         [&](std::size_t k) {
                             if (k < columns.size()) table_cell(r, columns[k], other_row(r), notes);
                             else ratios(r);
                         },
                         [&] { refs(r); });
        }
    } else {
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##summary", static_cast<int>(columns.size()) + 2, flags)) {
            ImGui::TableSetupColumn(tr(LabTableText::c_measure), ImGuiTableColumnFlags_WidthStretch, 1.6f);
            for (const auto& t : titles) ImGui::TableSetupColumn(t.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            std::vector<std::string> header{tr(LabTableText::c_measure)};
            header.insert(header.end(), titles.begin(), titles.end());
            wrapped_headers(header);
            std::optional<lab::TableGroup> group;
            for (const auto& r : table.rows) {
                if (group != r.group) {
                    group = r.group;
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    group_line(r);
                }
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Indent(ImGui::GetFontSize() * 0.6f);
                ImGui::TextWrapped("%s", row_label(r).c_str());
                refs(r);
                ImGui::Unindent(ImGui::GetFontSize() * 0.6f);
                for (TableColumn c : columns) {
                    ImGui::TableNextColumn();
                    table_cell(r, c, other_row(r), notes);
                }
                ImGui::TableNextColumn();
                ratios(r);
            }
            ImGui::EndTable();
        }
    }
    // The numbered notes: the table's, then the reasons its cells gave.
    ImGui::TextDisabled("%s", tr(LabTableText::notes_title));
    ImGui::PushTextWrapPos(0.0f);
    int n = 0;
    for (lab::TableNote note : table.notes) ImGui::TextDisabled("%d. %s", ++n, note_text(note, table, language()).c_str());
    for (const auto& reason : notes.reasons) ImGui::TextDisabled("%d. %s", ++n, reason.c_str());
    ImGui::PopTextWrapPos();
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
