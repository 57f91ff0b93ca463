// Compare all drawn: the speedup bars and the runs' table (primes_compare_view.h).
#include "ui/panels/primes/primes_compare_view.h"

#include "ui/demo_panel.h"

#include "ui/responsive.h"
#include "ui/text/text_primes.h"
#include "ui/text/numbers.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace conclab::ui {
namespace {

ImU32 executor_colour(exec::ExecutorKind kind) {
    switch (kind) {
    case exec::ExecutorKind::sequential: return IM_COL32(150, 150, 160, 255);
    case exec::ExecutorKind::gil: return IM_COL32(220, 140, 60, 255);
    case exec::ExecutorKind::processes: return IM_COL32(120, 190, 90, 255);
    case exec::ExecutorKind::threads: return IM_COL32(86, 156, 214, 255);
    }
    return IM_COL32(200, 200, 200, 255);
}

// "CPython 3.11 threads" for CPython's rows (as the history words them), the executor's own label for C++'s.
std::string row_label(const primes::CompareReport* report, primes::Runtime runtime, exec::ExecutorKind kind) {
    if (runtime != primes::Runtime::python || !report || !report->python) return executor_label(kind);
    const PrimesText word = kind == exec::ExecutorKind::threads     ? PrimesText::executor_threads
                            : kind == exec::ExecutorKind::processes ? PrimesText::executor_processes
                                                                    : PrimesText::executor_sequential;
    return exec::short_label(*report->python) + " " + tr(word);
}

// "1.05 s" wraps as a whole, never "1.05" and "s" on two lines.
std::string unbroken_duration(double seconds) { return unbroken(seconds_text(seconds)); }

std::string times(const std::string& median, double min_s, double max_s) {
    return median + " (" + seconds_text(min_s) + " \u2013 " + seconds_text(max_s) + ")";
}

}  // namespace

void draw_speedup_bars(const primes::CompareReport* report, std::optional<CompareProgress> progress, int ideal) {
    const auto summary = report ? primes::summarize(*report) : std::vector<primes::ExecutorSummary>{};
    double scale = std::max(ideal, 1);
    for (const auto& s : summary) scale = std::max(scale, s.speedup_max.value_or(0.0));
    scale *= 1.1;

    struct Row {
        primes::Runtime runtime;
        exec::ExecutorKind kind;
    };
    std::vector<Row> executors;
    for (auto kind : primes::compare_executors()) executors.push_back({primes::Runtime::cpp, kind});
    if (report && report->python)
        for (auto kind : primes::python_compare_executors()) executors.push_back({primes::Runtime::python, kind});
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    const float text_h = ImGui::GetTextLineHeight();
    // Presenting, the bars fill the screen but the hint and the options' line below them.
    const float natural_bar = std::max(24.0f, text_h + 10.0f);
    const float rows = static_cast<float>(executors.size());
    const float height = picture_height((text_h + 14.0f + natural_bar) * rows + text_h + 10.0f, 3.0f);
    const float row_h = (height - text_h - 10.0f) / rows;
    const float bar_h = std::min(row_h - text_h - 14.0f, 3.0f * natural_bar);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float bx = origin.x + 8.0f, bw = width - 16.0f;
    const auto x_of = [&](double speedup) { return bx + static_cast<float>(speedup / scale) * bw; };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(30, 33, 38, 255), 4.0f);
    const ImU32 text = IM_COL32(225, 225, 225, 255), dim = IM_COL32(150, 150, 150, 255);

    std::optional<std::size_t> hovered;
    for (std::size_t row = 0; row < executors.size(); ++row) {
        const auto kind = executors[row].kind;
        const auto runtime = executors[row].runtime;
        const float y = origin.y + 6.0f + row_h * static_cast<float>(row);
        const auto s = std::find_if(summary.begin(), summary.end(),
                                    [&](const auto& e) { return e.executor == kind && e.runtime == runtime; });
        const int workers = s != summary.end() ? s->workers
                            : report            ? exec::effective_workers(kind, report->options.workers)
                                                : 0;
        std::string label = row_label(report, runtime, kind);
        if (workers > 1) {
            char more[32];
            std::snprintf(more, sizeof more, " \u00b7 %d workers", workers);
            if (ImGui::CalcTextSize((label + more).c_str()).x <= bw) label += more;
        }
        draw->AddText(ImVec2(bx, y), text, label.c_str());
        const float by = y + text_h + 4.0f;
        draw->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + bar_h), IM_COL32(42, 46, 54, 255), 3.0f);
        const bool running_here = progress && progress->executor == kind && progress->runtime == runtime;
        std::string note;   // on the bar: the speedup, or why there is none yet
        if (s != summary.end() && s->speedup) {
            const float end = x_of(*s->speedup);
            draw->AddRectFilled(ImVec2(bx, by), ImVec2(std::max(bx + 2.0f, end), by + bar_h),
                                  executor_colour(runtime == primes::Runtime::python && kind == exec::ExecutorKind::threads
                                                      ? exec::ExecutorKind::gil   // the real GIL, in the model's colour
                                                      : kind),
                                  3.0f);
            if (s->walls_s.size() > 1 && s->speedup_min && s->speedup_max) {   // the whisker, low in the bar: slowest to fastest
                const float lo = x_of(*s->speedup_min), hi = x_of(*s->speedup_max), at = by + bar_h - 5.0f;
                const ImU32 ink = IM_COL32(235, 235, 235, 220);
                draw->AddLine(ImVec2(lo, at), ImVec2(hi, at), ink, 1.5f);
                draw->AddLine(ImVec2(lo, at - 4), ImVec2(lo, at + 3), ink, 1.5f);
                draw->AddLine(ImVec2(hi, at - 4), ImVec2(hi, at + 3), ink, 1.5f);
            }
            char speedup[32];
            std::snprintf(speedup, sizeof speedup, "%s", text_format("\u00d7%.2f", *s->speedup).c_str());
            note = speedup;
            if (running_here) note += std::string("   ") + tr(PrimesText::running_now);
            // The median and the range on the label's line, right-aligned, where they fit beside it.
            const std::string range = times(seconds_text(s->median_s), s->min_s, s->max_s);
            const float range_w = ImGui::CalcTextSize(range.c_str()).x;
            if (ImGui::CalcTextSize(label.c_str()).x + 16.0f + range_w <= bw)
                draw->AddText(ImVec2(bx + bw - range_w, y), dim, range.c_str());
        } else if (progress) {
            note = running_here ? tr(PrimesText::running_now) : tr(PrimesText::waiting_turn);
        }
        if (!note.empty()) {   // light text with a dark edge: readable on any bar colour and on the empty track
            const ImVec2 at(bx + 8.0f, by + (bar_h - text_h) / 2 - 1.0f);
            if (s != summary.end()) draw->AddText(ImVec2(at.x + 1, at.y + 1), IM_COL32(0, 0, 0, 230), note.c_str());
            draw->AddText(at, s != summary.end() ? IM_COL32(255, 255, 255, 255) : dim, note.c_str());
        }
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        if (s != summary.end() && mouse.y >= y && mouse.y < y + row_h && mouse.x >= origin.x && mouse.x < origin.x + width)
            hovered = row;
    }
    // ×1 (no gain) and the ideal for the cores, through every row, labelled under them.
    const float top = origin.y + 4.0f, bottom = origin.y + height - text_h - 6.0f;
    const float one = x_of(1.0);
    draw->AddLine(ImVec2(one, top), ImVec2(one, bottom), IM_COL32(200, 200, 200, 160), 1.0f);
    draw->AddText(ImVec2(one - ImGui::CalcTextSize("\u00d71").x / 2, bottom + 2), dim, "\u00d71");
    if (ideal > 1) {   // dashed, "×N" under it, and what it means at the bottom right
        const float at = x_of(ideal);
        const ImU32 gold = IM_COL32(230, 220, 120, 220);
        for (float y = top; y < bottom; y += 8.0f) draw->AddLine(ImVec2(at, y), ImVec2(at, std::min(bottom, y + 4.0f)), gold, 1.5f);
        char mark[16], legend[64];
        std::snprintf(mark, sizeof mark, "\u00d7%d", ideal);
        std::snprintf(legend, sizeof legend, "%s", text_format(tr(PrimesText::ideal), ideal).c_str());
        const float mark_w = ImGui::CalcTextSize(mark).x, legend_w = ImGui::CalcTextSize(legend).x;
        draw->AddText(ImVec2(at - mark_w / 2, bottom + 2), gold, mark);
        // What the line means, beside its mark: to the right where it fits, else to the left (clear of "×1").
        const float right_x = at + mark_w / 2 + 6.0f, left_x = at - mark_w / 2 - 6.0f - legend_w;
        const float one_right = one + ImGui::CalcTextSize("\u00d71").x / 2 + 6.0f;
        if (right_x + legend_w <= origin.x + width - 4.0f) draw->AddText(ImVec2(right_x, bottom + 2), gold, legend);
        else if (left_x >= one_right || left_x + legend_w <= one - 20.0f) draw->AddText(ImVec2(left_x, bottom + 2), gold, legend);
    }
    ImGui::Dummy(ImVec2(width, height));
    if (hovered && ImGui::IsItemHovered()) {
        const auto& s = *std::find_if(summary.begin(), summary.end(), [&](const auto& e) {
            return e.executor == executors[*hovered].kind && e.runtime == executors[*hovered].runtime;
        });
        std::string walls;
        for (double w : s.walls_s) walls += (walls.empty() ? "" : ", ") + seconds_text(w);
        ImGui::SetTooltip("%s\n%s: %s", row_label(report, s.runtime, s.executor).c_str(), tr(PrimesText::runs_of), walls.c_str());
    }
}

void draw_compare_table(const primes::CompareReport& report) {
    const auto summary = primes::summarize(report);
    if (summary.empty()) return;
    // A phone's table has no room for a column of every run's time: they go under the executor's name.
    const bool narrow = ImGui::GetContentRegionAvail().x < 560.0f;
    const int columns = narrow ? 4 : 5;
    // Median, spread and speedup as wide as their header or their widest figure: never a word cut in two.
    const auto fit = [&](PrimesText header, auto figure) {
        float w = ImGui::CalcTextSize(tr(header)).x;
        for (const auto& s : summary) w = std::max(w, ImGui::CalcTextSize(figure(s).c_str()).x);
        return w;
    };
    const float median_w = fit(PrimesText::median, [](const auto& s) { return unbroken_duration(s.median_s); });
    const float spread_w = fit(PrimesText::spread, [](const auto& s) { return unbroken_duration(s.spread_s()); });
    const float speedup_w = fit(PrimesText::speedup, [](const auto&) { return std::string("\u00d700.00"); });
    if (!ImGui::BeginTable("##compare", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn(tr(PrimesText::executor), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    if (!narrow) ImGui::TableSetupColumn(tr(PrimesText::runs_of), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr(PrimesText::median), ImGuiTableColumnFlags_WidthFixed, median_w);
    ImGui::TableSetupColumn(tr(PrimesText::spread), ImGuiTableColumnFlags_WidthFixed, spread_w);
    ImGui::TableSetupColumn(tr(PrimesText::speedup), ImGuiTableColumnFlags_WidthFixed, speedup_w);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);   // headers that wrap (at spaces) in narrow columns
    for (int column = 0; column < columns; ++column) {
        ImGui::TableSetColumnIndex(column);
        text_wrapped_at_spaces(ImGui::TableGetColumnName(column));
    }
    for (const auto& s : summary) {
        std::string walls;
        for (double w : s.walls_s) walls += (walls.empty() ? "" : " \u00b7 ") + unbroken_duration(w);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text_wrapped_at_spaces(row_label(&report, s.runtime, s.executor) + " \u00d7" + std::to_string(s.workers));
        if (narrow) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            text_wrapped_at_spaces(walls);
            ImGui::PopStyleColor();
        } else {
            ImGui::TableNextColumn();
            text_wrapped_at_spaces(walls);
        }
        ImGui::TableNextColumn();
        text_wrapped_at_spaces(unbroken_duration(s.median_s));
        ImGui::TableNextColumn();
        text_wrapped_at_spaces(unbroken_duration(s.spread_s()));
        ImGui::TableNextColumn();
        if (s.speedup) ImGui::Text("%s", text_format("\u00d7%.2f", *s.speedup).c_str());
    }
    ImGui::EndTable();
}

}  // namespace conclab::ui
