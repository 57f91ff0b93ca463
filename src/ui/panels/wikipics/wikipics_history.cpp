// The wikipics panel's runs history: each finished run with its speedup against the last sequential run on the same
// sample, in the shared folding table (ui/widgets/folding_table.h): its columns fold, never clip, on a narrow screen.
#include "ui/panels/wikipics/wikipics_views.h"

#include "ui/responsive.h"
#include "ui/text/text_primes.h"
#include "ui/text/numbers.h"
#include "ui/widgets/folding_table.h"
#include "core/wikipics/wikipics_report.h"

#include <algorithm>
#include <cstdio>

namespace conclab::ui::wikipics_view {

void record_history(std::vector<HistoryEntry>& history, const wikipics::WikipicsReport& report) {
    if (report.sample_error) return;
    std::size_t errors = 0;
    for (const auto& r : report.results) errors += r.error ? 1 : 0;
    HistoryEntry entry{report.options.executor,
                       report.workers,
                       report.api_url + "|" + std::to_string(report.options.count) + "|" +
                           std::to_string(report.options.size) + "|" + std::to_string(report.options.seed),
                       report.options.count,
                       report.wall_s,
                       wikipics::total_bytes(report),
                       report.cpu ? std::optional<double>(report.cpu->total_s()) : std::nullopt,
                       errors,
                       report.cancelled,
                       std::nullopt};
    if (!entry.cancelled) {
        if (entry.executor == WikipicsExecutor::sequential) entry.speedup = 1.0;
        else
            for (auto it = history.rbegin(); it != history.rend(); ++it)
                if (it->executor == WikipicsExecutor::sequential && it->sample_key == entry.sample_key && !it->cancelled &&
                    entry.wall_s > 0) {
                    entry.speedup = it->wall_s / entry.wall_s;
                    break;
                }
    }
    history.push_back(entry);
}

void draw_history(std::vector<HistoryEntry>& history, std::vector<std::string>& drawn_columns) {
    ImGui::TextUnformatted(tr(PrimesText::history));
    if (history.empty()) return;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(PrimesText::clear_history))) {
        history.clear();
        return;
    }
    double best = 1.0;
    for (const auto& h : history)
        if (h.speedup) best = std::max(best, *h.speedup);
    // Executor, wall time and speedup always; MB/s and then CPU only where they fit whole (a phone, the narrow
    // right column of a small desktop): a column is folded, never clipped; the speedup's note wraps in its cell.
    const auto executor_cell = [](const HistoryEntry& h) {
        return format("%s x%d · %d", std::string(wikipics::to_string(h.executor)).c_str(), h.workers, h.count);
    };
    const auto cpu_cell = [](const HistoryEntry& h) { return h.cpu_s ? duration(*h.cpu_s) : std::string("n/a"); };
    const auto mb_s_cell = [](const HistoryEntry& h) { return format("%.2f", megabytes_per_s(h.bytes, h.wall_s)); };
    const auto width_of = [&](auto header, const auto& cell) {
        float w = ImGui::CalcTextSize(tr(header)).x;
        for (const auto& h : history) w = std::max(w, ImGui::CalcTextSize(cell(h).c_str()).x);
        return w;
    };
    const float executor_w = width_of(PrimesText::executor, executor_cell);
    const bool any_cancelled = std::any_of(history.begin(), history.end(), [](const HistoryEntry& h) { return h.cancelled; });
    const bool any_note = std::any_of(history.begin(), history.end(), [](const HistoryEntry& h) { return !h.speedup; });
    const float wall_w = std::max(width_of(PrimesText::wall, [](const HistoryEntry& h) { return duration(h.wall_s); }),
                                  any_cancelled ? ImGui::CalcTextSize(format("(%s)", tr(WikipicsText::reason_cancelled)).c_str()).x : 0.0f);
    const float mb_s_w = width_of(WikipicsText::mb_s, mb_s_cell);
    const float cpu_w = width_of(PrimesText::cpu, cpu_cell);
    // The speedup's bar, or its note ("run sequential on this sample…") in a few lines, not a word a line.
    const float speedup_w = std::max({ImGui::CalcTextSize(tr(PrimesText::speedup)).x, ImGui::CalcTextSize("x00.00").x * 1.5f,
                                      any_note ? 9 * ImGui::GetFontSize() : 0.0f});
    const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    // The executor's column shrinks (its cell wraps) before the speedup's does on a very narrow screen.
    const float executor_col = std::min(executor_w, std::max(avail - (wall_w + speedup_w + 3 * padding), avail * 0.35f));
    enum Col { executor, wall, mb_s, cpu, speedup };
    const std::vector<FoldingColumn> columns = {{tr(PrimesText::executor), executor_col, true},
                                                {tr(PrimesText::wall), wall_w, true},
                                                {tr(WikipicsText::mb_s), mb_s_w},
                                                {tr(PrimesText::cpu), cpu_w},
                                                {tr(PrimesText::speedup), speedup_w, true, true}};
    const auto cell = [&](std::size_t row, std::size_t column) {
        const HistoryEntry& h = history[row];
        switch (column) {
        case executor: ImGui::TextWrapped("%s", executor_cell(h).c_str()); break;
        case wall:
            ImGui::TextUnformatted(duration(h.wall_s).c_str());
            if (h.cancelled) ImGui::TextDisabled("(%s)", tr(WikipicsText::reason_cancelled));
            break;
        case mb_s: ImGui::TextUnformatted(mb_s_cell(h).c_str()); break;
        case cpu:
            if (h.cpu_s) ImGui::TextUnformatted(cpu_cell(h).c_str());
            else ImGui::TextDisabled("n/a");
            break;
        default:
            if (h.speedup) {
                char label[32];
                std::snprintf(label, sizeof label, "%s", text_format("x%.2f", *h.speedup).c_str());
                ImGui::ProgressBar(static_cast<float>(*h.speedup / best), ImVec2(-1, 0), label);
            } else {
                ImGui::TextDisabled("%s", tr(PrimesText::no_sequential_yet));
            }
        }
    };
    // MB/s before CPU: the order they fold in, as before the table was shared.
    drawn_columns = folding_table("##history", columns, history.size(), cell, nullptr, {executor, wall, speedup, mb_s, cpu});
}

}  // namespace conclab::ui::wikipics_view
