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
        progress = CompareProgress{compare_->current_executor(), compare_->current_repeat(), compare_->current_runtime()};
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
    if (!platform::capabilities().machine_python)
        ImGui::TextDisabled("%s", tr(PrimesText::compare_cpython_page));
    else if (report ? report->python.has_value() : runtime_ == primes::Runtime::python)
        ImGui::TextDisabled("%s", tr(PrimesText::compare_cpython_on));
    else
        ImGui::TextDisabled("%s", tr(PrimesText::compare_cpython_off));
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
    // Where even number, ✓/✗ and lpf do not fit side by side (a phone, presenting on one), the lpf folds under its
    // number in the same cell: a column squeezed by the table would cut the digits ("134_217_68").
    const bool lpf_below = avail < kept_w;
    const bool show_elapsed = !compact && !lpf_below && avail >= kept_w + elapsed_w + padding;
    const bool show_worker = show_elapsed && avail >= kept_w + elapsed_w + worker_w + 2 * padding;
    results_columns_ = lpf_below ? 2 : 3 + show_elapsed + show_worker;
    const auto lpf_line = [](std::uint64_t lpf) { return std::string(tr(PrimesText::lpf)) + " " + primes::group_digits(lpf); };
    const float first_w = lpf_below ? std::max(number_w, ImGui::CalcTextSize(lpf_line(0xFFFFFFFFull).c_str()).x) : number_w;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    const float height = compact ? std::min(560.0f, std::max(200.0f, ImGui::GetContentRegionAvail().y * 0.6f)) : 560.0f;
    if (!ImGui::BeginTable("##results", results_columns_, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(PrimesText::number), ImGuiTableColumnFlags_WidthFixed, first_w);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, check_w);
    if (!lpf_below) ImGui::TableSetupColumn(tr(PrimesText::lpf), ImGuiTableColumnFlags_WidthFixed, lpf_w);
    if (show_elapsed) ImGui::TableSetupColumn(tr(PrimesText::elapsed), ImGuiTableColumnFlags_WidthFixed, elapsed_w);
    if (show_worker) ImGui::TableSetupColumn(tr(SystemText::worker), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    std::vector<bool> done(report.options.sample.numbers.size(), false);
    for (const auto& r : report.results) {
        done[r.index] = true;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        right_aligned(primes::group_digits(r.n), first_w);
        if (lpf_below) {
            if (r.error) text_disabled_wrapped(r.error->c_str());
            else if (!r.prime) right_aligned(lpf_line(r.lpf), first_w, true);
        }
        ImGui::TableNextColumn();
        if (r.error) ImGui::TextColored(ImVec4(1, 0.6f, 0.3f, 1), "!");
        else if (r.prime) ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.45f, 1), "\u2713");
        else ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.4f, 1), "\u2717");
        if (lpf_below) continue;
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
        right_aligned(primes::group_digits(report.options.sample.numbers[i]), first_w);
        const auto running = std::find_if(in_flight.begin(), in_flight.end(), [&](auto& r) { return r.index == i; });
        const char* status = running != in_flight.end() ? tr(PrimesText::running_for) : tr(PrimesText::pending);
        if (lpf_below) right_aligned(status, first_w, true);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("\u23f3");
        if (lpf_below) continue;
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", status);
        if (show_elapsed && ImGui::TableNextColumn() && running != in_flight.end())
            ImGui::TextDisabled("%s", text_format("%8.3f s", now - running->started_s).c_str());
        if (show_worker && ImGui::TableNextColumn() && running != in_flight.end())
            ImGui::TextDisabled("%s", running->worker.c_str());
    }
    ImGui::EndTable();
}

void PrimesPanel::right_aligned(const std::string& text, float width, bool disabled) {
    const float pad = width - ImGui::CalcTextSize(text.c_str()).x;
    if (pad > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
    if (disabled) ImGui::TextDisabled("%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
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
    // Each run's cells as text: the label wraps at spaces only, "×2" kept with its word ("sequential ×1" never
    // "sequenti" "al"); the others are drawn whole.
    struct Cells {
        std::string label, sample, wall, cpu;
    };
    std::vector<Cells> cells;
    for (const auto& h : history_) {
        std::string label = history_label(h);
        if (const auto at = label.rfind(" \u00d7"); at != std::string::npos) label.replace(at, 1, "\u00a0");
        cells.push_back({label, h.sample_name, seconds_text(h.wall_s) + (h.cancelled ? " (cancelled)" : ""),
                         seconds_text(h.cpu_s) + (h.busy_time ? "*" : "")});
    }
    const auto width = [](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; };
    // The columns as wide as their widest cell (the label: its widest word, up to a third of the panel), the speedup
    // bar the rest. Where that leaves the bar less than its text, one card per run instead: nothing is ever cut.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1.0f;
    float fixed[4] = {width(tr(PrimesText::executor)), width(tr(PrimesText::sample)), width(tr(PrimesText::wall)), width(tr(PrimesText::cpu))};
    for (const auto& c : cells) {
        float label_w = 0, word_w = 0;
        for (std::size_t at = 0; at <= c.label.size();) {
            const std::size_t space = std::min(c.label.find(' ', at), c.label.size());
            word_w = std::max(word_w, width(c.label.substr(at, space - at)));
            at = space + 1;
        }
        label_w = std::max(word_w, std::min(width(c.label), avail / 3));
        fixed[0] = std::max(fixed[0], label_w);
        fixed[1] = std::max(fixed[1], width(c.sample));
        fixed[2] = std::max(fixed[2], width(c.wall));
        fixed[3] = std::max(fixed[3], width(c.cpu));
    }
    const float bar_min = std::max(width(tr(PrimesText::speedup)), width("x00.00")) + padding;
    drawn_history_cards_ = fixed[0] + fixed[1] + fixed[2] + fixed[3] + 4 * padding + bar_min > avail;
    const auto speedup_cell = [&](const HistoryEntry& h) {
        if (h.speedup) {
            ImGui::ProgressBar(static_cast<float>(*h.speedup / best), ImVec2(-1, 0), text_format("x%.2f", *h.speedup).c_str());
        } else {
            ImGui::PushTextWrapPos(0.0f);   // the cell's right edge: a narrow column wraps, never clips
            ImGui::TextDisabled("%s", tr(PrimesText::no_sequential_yet));
            ImGui::PopTextWrapPos();
        }
    };
    if (drawn_history_cards_) {
        for (std::size_t i = 0; i < history_.size(); ++i) {
            const Cells& c = cells[i];
            ImGui::Separator();
            text_wrapped_at_spaces(c.label + " \u00b7 " + c.sample);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            text_wrapped_at_spaces(unbroken(std::string(tr(PrimesText::wall)) + " " + c.wall) + " \u00b7 " +
                                   unbroken(std::string(tr(PrimesText::cpu)) + " " + c.cpu));
            ImGui::PopStyleColor();
            speedup_cell(history_[i]);
        }
        return;
    }
    if (!ImGui::BeginTable("##history", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn(tr(PrimesText::executor), ImGuiTableColumnFlags_WidthFixed, fixed[0]);
    ImGui::TableSetupColumn(tr(PrimesText::sample), ImGuiTableColumnFlags_WidthFixed, fixed[1]);
    ImGui::TableSetupColumn(tr(PrimesText::wall), ImGuiTableColumnFlags_WidthFixed, fixed[2]);
    ImGui::TableSetupColumn(tr(PrimesText::cpu), ImGuiTableColumnFlags_WidthFixed, fixed[3]);
    ImGui::TableSetupColumn(tr(PrimesText::speedup), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < history_.size(); ++i) {
        const Cells& c = cells[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text_wrapped_at_spaces(c.label);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.sample.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.wall.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.cpu.c_str());
        ImGui::TableNextColumn();
        speedup_cell(history_[i]);
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
