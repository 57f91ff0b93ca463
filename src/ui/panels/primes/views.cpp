// The primes panel's drawing: Compare all (the run button's progress, the speedup bars, the runs' table and one
// run's timeline) and one executor's run (its summary, its results table folding columns that don't fit, history).
//
// [SECTION] Drawing: Compare all
// [SECTION] Drawing: one executor's table, history
#include "ui/panels/primes/primes_panel.h"

#include "platform/platform.h"
#include "core/primes/primes_trace.h"
#include "ui/panels/primes/primes_compare_view.h"
#include "ui/responsive.h"
#include "ui/text/text_system.h"
#include "platform/trace_machine.h"
#include "ui/text/numbers.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace conclab::ui::primes_panel {

// -----------------------------------------------------------------------------
// [SECTION] Drawing: Compare all
// -----------------------------------------------------------------------------

// The picture first: the run button and its progress, the speedup bars full width; then the choices, the table
// of runs and the timeline of one run (the one in progress, or the executor picked below).
void PrimesPanel::draw_compare() {
    draw_run_button();
    const primes::CompareReport* report = compare_ ? &compare_->report() : nullptr;
    std::optional<CompareProgress> progress;
    if (compare_ && !compare_->finished()) {
        progress = CompareProgress{compare_->current_executor(), compare_->current_repeat()};
        char overlay[160];
        std::snprintf(overlay, sizeof overlay, "%s", text_format(tr(PrimesText::compare_progress), compare_->runs_done() + 1,
                      compare_->total_runs(), progress->repeat).c_str());
        same_line_if_fits(200.0f);
        ImGui::ProgressBar(static_cast<float>(compare_->runs_done()) / static_cast<float>(compare_->total_runs()),
                           ImVec2(-FLT_MIN, 0), overlay);
    } else if (report) {
        char done[96];
        std::snprintf(done, sizeof done, "%s", text_format(tr(PrimesText::compare_done), report->runs.size(),
                      unbroken(seconds_text(report->wall_s)).c_str()).c_str());
        std::string line = done;
        if (report->cancelled) line.append(" \u00b7 ").append(tr(PrimesText::compare_cancelled));
        line.append(" (").append(report->options.sample.name).append(")");
        same_line_if_fits(std::min(ImGui::CalcTextSize(line.c_str()).x, 160.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped_at_spaces(line);
        ImGui::PopStyleColor();
    }
    if (report && report->error) ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s: %s", tr(PrimesText::run_failed), report->error->c_str());
    const int ideal = std::min(report ? report->options.workers : workers_, platform::logical_cpus());
    draw_speedup_bars(report, progress, ideal);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", report ? tr(PrimesText::compare_about) : tr(PrimesText::compare_hint));
    if (const auto cores = platform::physical_cores())
        ImGui::TextDisabled("%s", text_format(tr(PrimesText::ideal_native_note), platform::logical_cpus(), *cores).c_str());
    else
        ImGui::TextDisabled("%s", text_format(tr(PrimesText::ideal_web_note), platform::logical_cpus()).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (controls_shown()) draw_controls();
    if (!report) return;
    ImGui::Separator();
    draw_compare_table(*report);
    ImGui::Spacing();
    draw_trace_export();
    draw_compare_timeline(*report);
}

// One run's trace, or every run of Compare all side by side (a process each), once it has ended.
void PrimesPanel::draw_trace_export() {
    if (view_ == View::compare) {
        trace_export_.draw("primes", compare_ && compare_->finished(),
                           [&] { return primes::to_trace(compare_->report(), platform::trace_machine()); });
    } else {
        trace_export_.draw("primes", run_ && run_->finished(),
                           [&] { return primes::to_trace(run_->report(), platform::trace_machine()); });
    }
}

void PrimesPanel::draw_compare_timeline(const primes::CompareReport& report) {
    if (const auto* live = compare_->current()) {
        ImGui::Text("%s: %s", tr(PrimesText::timeline_of), executor_label(live->report().options.executor));
        timeline_.draw(live->report(), live->in_flight(), live->elapsed_s());
        return;
    }
    // The last complete run of the executor picked (the GIL model's first: its timeline is the lesson).
    const float combo_w = std::min(330.0f, ImGui::GetContentRegionAvail().x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(PrimesText::timeline_of));   // before its choice: "Timeline of [the GIL model]"
    same_line_if_fits(combo_w);
    ImGui::SetNextItemWidth(combo_w);
    if (ImGui::BeginCombo("##timeline_of", executor_label(timeline_executor_))) {
        for (auto kind : kExecutors) {
            if (ImGui::Selectable(executor_label(kind), kind == timeline_executor_)) {
                if (kind != timeline_executor_) timeline_.reset();
                timeline_executor_ = kind;
            }
        }
        ImGui::EndCombo();
    }
    for (auto it = report.runs.rbegin(); it != report.runs.rend(); ++it) {
        if (it->report.options.executor != timeline_executor_ || it->report.cancelled) continue;
        timeline_.draw(it->report, {}, it->report.wall_s);
        return;
    }
}

// -----------------------------------------------------------------------------
// [SECTION] Drawing: one executor's table, history
// -----------------------------------------------------------------------------

void PrimesPanel::draw_summary() const {
    const auto& report = run_->report();
    const auto& options = report.options;
    std::size_t ok = 0;
    for (const auto& r : report.results) ok += r.error ? 0 : 1;
    // A duration wraps as a whole: "1.05 s", never "1.05" and "s" on two lines.
    const auto duration = [](double seconds) { return unbroken(seconds_text(seconds)); };
    const std::string who = report.runtime.is_python()
                                ? exec::short_label(report.runtime) + " " + std::string(exec::to_string(options.executor))
                                : std::string(executor_label(options.executor));
    ImGui::TextWrapped("%s", text_format("%zu/%zu %s %.2f\u00a0s (%s x%d) · %s %s", ok, options.sample.numbers.size(), tr(PrimesText::checks_in),
                run_->elapsed_s(), who.c_str(), options.workers, tr(PrimesText::startup),
                duration(report.startup_s).c_str()).c_str());
    // Until the run ends, the CPU line and its note are laid out unseen: the table below does not jump when they come.
    const bool done = report.finished && report.cpu;
    const CpuSeconds placeholder{};
    if (!done) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    if (!done) ImGui::PushStyleColor(ImGuiCol_TextDisabled, ImVec4(0, 0, 0, 0));
    {
        const auto& cpu = done ? *report.cpu : placeholder;
        ImGui::TextWrapped("%s", text_format("%s: user %s, sys %s, total %s (%.0f%% %s)   %s:\u00a0%s", tr(PrimesText::cpu),
                    duration(cpu.user_s).c_str(), duration(cpu.sys_s).c_str(), duration(cpu.total_s()).c_str(),
                    report.wall_s > 0 ? 100.0 * cpu.total_s() / report.wall_s : 0.0, tr(PrimesText::of_wall),
                    tr(PrimesText::wall), duration(report.wall_s).c_str()).c_str());
        ImGui::PushTextWrapPos(0.0f);
        const bool busy = done ? cpu.busy_time : !platform::capabilities().os_cpu_times;
        ImGui::TextDisabled("%s", tr(busy ? PrimesText::cpu_busy_note : PrimesText::cpu_process_note));
        ImGui::PopTextWrapPos();
    }
    if (!done) ImGui::PopStyleColor(2);
    if (report.runtime.is_python()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(PrimesText::python_timeline_note));
        ImGui::PopTextWrapPos();
    }
}

// Number, ✓/✗ and lpf always; the elapsed time and the worker only where they fit whole (a phone, a tablet's
// narrow panel): a column is folded, never clipped.
void PrimesPanel::draw_results_table(bool compact) const {
    const auto& report = run_->report();
    const auto in_flight = run_->in_flight();
    std::size_t widest = 0;   // digits are equally wide in DejaVu Sans: size the column for this sample
    for (auto n : report.options.sample.numbers) widest = std::max(widest, primes::group_digits(n).size());
    const float number_w = std::max(ImGui::CalcTextSize(std::string(widest, '8').c_str()).x,
                                    ImGui::CalcTextSize(tr(PrimesText::number)).x);
    const float check_w = ImGui::CalcTextSize("\u2713").x;
    const float lpf_w = std::max(ImGui::CalcTextSize(kWidestFactor).x, ImGui::CalcTextSize(tr(PrimesText::lpf)).x);
    const float elapsed_w = std::max(ImGui::CalcTextSize("000.000 s").x, ImGui::CalcTextSize(tr(PrimesText::elapsed)).x);
    // The worker process's own CPU time for its check (native processes) is the per-task figure.
    const auto worker_cell = [](const auto& r) {
        return r.cpu_s ? r.worker + " \u00b7 " + tr(PrimesText::cpu) + " " + seconds_text(*r.cpu_s) : r.worker;
    };
    float worker_w = ImGui::CalcTextSize(tr(SystemText::worker)).x;
    for (const auto& r : report.results) worker_w = std::max(worker_w, ImGui::CalcTextSize(worker_cell(r).c_str()).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float padding = style.CellPadding.x * 2 + 1.0f;   // each column's cell padding and its border
    const float avail = ImGui::GetContentRegionAvail().x - style.ScrollbarSize;
    const float kept_w = number_w + check_w + lpf_w + 3 * padding;
    const bool show_elapsed = !compact && avail >= kept_w + elapsed_w + padding;
    const bool show_worker = show_elapsed && avail >= kept_w + elapsed_w + worker_w + 2 * padding;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    const float height = compact ? std::min(560.0f, std::max(200.0f, ImGui::GetContentRegionAvail().y * 0.6f)) : 560.0f;
    if (!ImGui::BeginTable("##results", 3 + show_elapsed + show_worker, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(PrimesText::number), ImGuiTableColumnFlags_WidthFixed, number_w);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, check_w);
    ImGui::TableSetupColumn(tr(PrimesText::lpf), ImGuiTableColumnFlags_WidthFixed, lpf_w);
    if (show_elapsed) ImGui::TableSetupColumn(tr(PrimesText::elapsed), ImGuiTableColumnFlags_WidthFixed, elapsed_w);
    if (show_worker) ImGui::TableSetupColumn(tr(SystemText::worker), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    std::vector<bool> done(report.options.sample.numbers.size(), false);
    for (const auto& r : report.results) {
        done[r.index] = true;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        right_aligned(primes::group_digits(r.n), number_w);
        ImGui::TableNextColumn();
        if (r.error) ImGui::TextColored(ImVec4(1, 0.6f, 0.3f, 1), "!");
        else if (r.prime) ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.45f, 1), "\u2713");
        else ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.4f, 1), "\u2717");
        ImGui::TableNextColumn();
        if (r.error) ImGui::TextDisabled("%s", r.error->c_str());
        else if (!r.prime) right_aligned(primes::group_digits(r.lpf), lpf_w);
        if (show_elapsed && ImGui::TableNextColumn() && r.worker.size()) ImGui::Text("%s", text_format("%8.3f s", r.elapsed_s).c_str());
        if (!show_worker) continue;
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(worker_cell(r).c_str());
        if (r.worker_startup_s && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s %s", tr(PrimesText::startup), seconds_text(*r.worker_startup_s).c_str());
    }
    const double now = run_->elapsed_s();
    for (std::size_t i = 0; i < done.size(); ++i) {
        if (done[i]) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        right_aligned(primes::group_digits(report.options.sample.numbers[i]), number_w);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("\u23f3");
        const auto running = std::find_if(in_flight.begin(), in_flight.end(), [&](auto& r) { return r.index == i; });
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", running != in_flight.end() ? tr(PrimesText::running_for) : tr(PrimesText::pending));
        if (show_elapsed && ImGui::TableNextColumn() && running != in_flight.end())
            ImGui::TextDisabled("%s", text_format("%8.3f s", now - running->started_s).c_str());
        if (show_worker && ImGui::TableNextColumn() && running != in_flight.end())
            ImGui::TextDisabled("%s", running->worker.c_str());
    }
    ImGui::EndTable();
}

void PrimesPanel::right_aligned(const std::string& text, float width) {
    const float pad = width - ImGui::CalcTextSize(text.c_str()).x;
    if (pad > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
    ImGui::TextUnformatted(text.c_str());
}

void PrimesPanel::draw_history() {
    ImGui::TextUnformatted(tr(PrimesText::history));
    if (history_.empty()) return;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(PrimesText::clear_history))) {
        history_.clear();
        history_trace_.reset();
        return;
    }
    double best = 1.0;
    for (const auto& h : history_)
        if (h.speedup) best = std::max(best, *h.speedup);
    // Proportional columns: every one keeps a share of a narrow panel, the speedup bar the largest.
    if (!ImGui::BeginTable("##history", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn(tr(PrimesText::executor), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr(PrimesText::sample), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(PrimesText::wall), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(PrimesText::cpu), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(tr(PrimesText::speedup), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (const auto& h : history_) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // A phone's column: wrapped at spaces only, "×2" kept with its word ("sequential ×1" never "sequenti" "al").
        std::string label = history_label(h);
        if (const auto at = label.rfind(" \u00d7"); at != std::string::npos) label.replace(at, 1, "\u00a0");
        text_wrapped_at_spaces(label);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(h.sample_name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s%s", seconds_text(h.wall_s).c_str(), h.cancelled ? " (cancelled)" : "");
        ImGui::TableNextColumn();
        ImGui::Text("%s%s", seconds_text(h.cpu_s).c_str(), h.busy_time ? "*" : "");
        ImGui::TableNextColumn();
        if (h.speedup) {
            char label[32];
            std::snprintf(label, sizeof label, "%s", text_format("x%.2f", *h.speedup).c_str());
            ImGui::ProgressBar(static_cast<float>(*h.speedup / best), ImVec2(-1, 0), label);
        } else {
            ImGui::PushTextWrapPos(0.0f);   // the cell's right edge: a narrow column wraps, never clips
            ImGui::TextDisabled("%s", tr(PrimesText::no_sequential_yet));
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::EndTable();
    history_trace_.draw("primes-history", true, [&] { return history_trace(); }, TraceText::export_history,
                        TraceText::history_how_to_open);
}

nlohmann::json PrimesPanel::history_trace() const {
    std::vector<const primes::PrimesReport*> runs;
    for (const auto& h : history_) runs.push_back(h.report.get());
    return primes::to_trace(runs, platform::trace_machine());
}

}  // namespace conclab::ui::primes_panel
