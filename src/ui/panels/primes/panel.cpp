// Primes panel — the talk's second demo: checking primality is CPU bound. Its default view, Compare all, runs
// the same sample on the four executors (sequential, threads under a model of CPython's GIL, processes — isolated
// Web Workers in the browser — and C++ threads with no GIL), several times each, and draws the speedups as bars:
// the lesson in one picture. One executor runs a single time with its table in completion order; both show a
// timeline, one lane per worker, zoomable onto the GIL's hand-offs. Caveat: the GIL executor is a model, not CPython.
//
// [SECTION] Controls and validation
// [SECTION] Running
// [SECTION] Drawing: Compare all
// [SECTION] Drawing: one executor's table, history
#include "demo_panel.h"

#include "gui_backend.h"
#include "platform.h"
#include "primes_compare_view.h"
#include "primes_timeline.h"
#include "responsive.h"
#include "primes/compare_run.h"
#include "primes/primes_options.h"
#include "primes/primes_run.h"
#include "primes/samples.h"
#include "text/text_primes.h"
#include "text/text_system.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

namespace conclab::ui {
namespace {

using exec::ExecutorKind;

constexpr ExecutorKind kExecutors[] = {ExecutorKind::sequential, ExecutorKind::gil, ExecutorKind::processes,
                                       ExecutorKind::threads};
enum class SampleMode { talk, fluent, custom };
enum class View { compare, single };

struct HistoryEntry {
    ExecutorKind executor;
    int workers;
    std::string sample;   // name + numbers, to find the sequential run on the same sample
    std::string sample_name;
    double wall_s;
    double cpu_s;
    bool busy_time;
    bool cancelled;
    std::optional<double> speedup;
};

class PrimesPanel final : public DemoPanel {
public:
    PrimesPanel() : workers_(exec::default_workers(platform::logical_cpus())) {}

    const char* title() const override { return tr(PrimesText::menu); }

    // -------------------------------------------------------------------------
    // [SECTION] Controls and validation
    // -------------------------------------------------------------------------

    // A link that names an executor (and not compare) means that executor's single run; any other opens Compare all.
    void apply(const options::Params& params, options::FieldErrors& errors) override {
        const auto parsed = primes::parse_primes_options(params, platform::logical_cpus(), errors);
        if (errors.count("executor") == 0) executor_ = parsed.executor;
        if (params.count("workers") && errors.count("workers") == 0) workers_ = parsed.workers;
        if (params.count("repeats") && errors.count("repeats") == 0) repeats_ = parsed.repeats;
        if (params.count("compare") && errors.count("compare") == 0) view_ = parsed.compare ? View::compare : View::single;
        else if (params.count("executor")) view_ = View::single;
        if (errors.count("numbers") || errors.count("sample")) return;
        if (params.count("numbers")) {
            mode_ = SampleMode::custom;
            custom_ = params.at("numbers");
        } else if (params.count("sample") && parsed.sample.name == "fluent") {
            mode_ = SampleMode::fluent;
        } else if (params.count("sample")) {
            mode_ = SampleMode::talk;
            magnitude_ = compare_magnitude_ = std::stoi(parsed.sample.name.substr(3));
        }
    }

    void autorun() override {
        if (view_ == View::compare) start_compare();
        else start();
    }

    void main_action() override { press_run(); }   // Space, as a click on the run button

    options::Params link_params() const override { return chosen_params(); }

    const char* field_label(const std::string& option) const override {
        if (option == "executor") return tr(PrimesText::executor);
        if (option == "workers") return tr(PrimesText::workers);
        if (option == "sample" || option == "numbers") return tr(PrimesText::sample);
        if (option == "repeats") return tr(PrimesText::repeats);
        if (option == "compare") return tr(PrimesText::mode_compare);
        return nullptr;
    }

    bool show_launch_errors(const options::FieldErrors& errors) override {
        field_errors_ = errors;
        if (field_errors_.count("numbers")) field_errors_["sample"] = field_errors_["numbers"];
        return true;
    }

    // -------------------------------------------------------------------------
    // [SECTION] Running
    // -------------------------------------------------------------------------

    bool update() override {
        bool changed = false;
        if (run_) {
            changed = !run_->poll().empty();
            if (run_->finished() && !recorded_) {
                recorded_ = true;
                record_history(run_->report());
                finished_result_ = primes::to_json(run_->report());
                changed = true;
            }
        }
        if (compare_) {
            changed = compare_->poll() || changed;
            if (compare_->finished() && !compare_recorded_) {
                compare_recorded_ = true;
                finished_result_ = primes::to_json(compare_->report());
                changed = true;
            }
        }
        return changed;
    }

    platform::Redraw redraw_need() const override {
        return running() ? platform::Redraw::ticking : platform::Redraw::idle;
    }

    nlohmann::json state() const override {
        nlohmann::json s{{"executor", std::string(exec::to_string(executor_))},
                         {"workers", workers_},
                         {"mode", view_ == View::compare ? "compare" : "single"},
                         {"repeats", repeats_},
                         {"running", running()},
                         {"history", history_.size()},
                         {"timeline", timeline_.state()}};
        if (!field_errors_.empty()) s["errors"] = field_errors_;
        if (run_) s["run"] = primes::to_json(run_->report());
        if (compare_) {
            s["compare"] = primes::to_json(compare_->report());
            s["compare_progress"] = {{"done", compare_->runs_done()}, {"total", compare_->total_runs()}};
        }
        // Where the run button (Cancel while running) was last drawn, in window units (the cancel test clicks it).
        s["run_button"] = {{"x", run_button_[0]}, {"y", run_button_[1]}, {"w", run_button_[2]}, {"h", run_button_[3]}};
        // Where the workers slider was last drawn, in window units (the touch test drags it).
        if (view_ == View::compare || executor_ != ExecutorKind::sequential)
            s["workers_slider"] = {{"x", workers_slider_[0]}, {"y", workers_slider_[1]}, {"w", workers_slider_[2]},
                                   {"h", workers_slider_[3]}};
        return s;
    }

    void draw() override {
        ImGui::TextUnformatted(tr(PrimesText::title));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
        ImGui::TextWrapped("%s", tr(PrimesText::lesson));
        ImGui::PopStyleColor();
        draw_view_choice();
        if (view_ == View::compare) {
            draw_compare();
            return;
        }
        ImGui::TextWrapped("%s", tr(PrimesText::intro));
        ImGui::Separator();
        draw_controls();
        ImGui::Separator();
        if (run_) {
            draw_summary();
            if (ImGui::GetContentRegionAvail().x < kSideBySideWidth * font_scale()) {   // stacked; a phone keeps number, ✓/✗, lpf
                draw_results_table(narrow_layout());
                ImGui::Spacing();
                timeline_.draw(run_->report(), run_->in_flight(), run_->elapsed_s());
                ImGui::Spacing();
                draw_history();
            } else if (ImGui::BeginTable("##layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
                ImGui::TableSetupColumn("##left", ImGuiTableColumnFlags_WidthStretch, 0.6f);
                ImGui::TableSetupColumn("##right", ImGuiTableColumnFlags_WidthStretch, 0.4f);
                ImGui::TableNextColumn();
                draw_results_table(false);
                ImGui::TableNextColumn();
                timeline_.draw(run_->report(), run_->in_flight(), run_->elapsed_s());
                ImGui::Spacing();
                draw_history();
                ImGui::EndTable();
            }
        }
    }

private:
    bool running() const { return (run_ && !run_->finished()) || (compare_ && !compare_->finished()); }

    int& magnitude() { return view_ == View::compare ? compare_magnitude_ : magnitude_; }

    // The panel's choices as the text options the CLI and the query string give, parsed by the same rules.
    options::Params chosen_params() const {
        options::Params p{{"executor", std::string(exec::to_string(executor_))}, {"workers", std::to_string(workers_)}};
        if (view_ == View::compare) {
            p["compare"] = "1";
            p["repeats"] = std::to_string(repeats_);
        }
        switch (mode_) {
        case SampleMode::talk:
            p["sample"] = "2**" + std::to_string(view_ == View::compare ? compare_magnitude_ : magnitude_);
            break;
        case SampleMode::fluent: p["sample"] = "fluent"; break;
        case SampleMode::custom: p["numbers"] = custom_; break;
        }
        return p;
    }

    std::optional<primes::PrimesOptions> checked_options() {
        field_errors_.clear();
        auto options = primes::parse_primes_options(chosen_params(), platform::logical_cpus(), field_errors_);
        if (field_errors_.count("numbers")) field_errors_["sample"] = field_errors_["numbers"];
        if (!field_errors_.empty()) return std::nullopt;   // the last good run stays on screen
        return options;
    }

    void start() {
        auto options = checked_options();
        if (!options) return;
        try {
            run_ = std::make_unique<primes::PrimesRun>(std::move(*options), platform::make_executor, platform::run_clock());
            recorded_ = false;
            timeline_.reset();
        } catch (const std::exception& e) {
            field_errors_["run"] = std::string(tr(PrimesText::run_failed)) + ": " + e.what();
        }
    }

    void start_compare() {
        auto options = checked_options();
        if (!options) return;
        try {
            compare_ = std::make_unique<primes::CompareRun>(std::move(*options), platform::make_executor, platform::run_clock());
            compare_recorded_ = false;
            timeline_.reset();
        } catch (const std::exception& e) {
            field_errors_["run"] = std::string(tr(PrimesText::run_failed)) + ": " + e.what();
        }
    }

    void record_history(const primes::PrimesReport& report) {
        HistoryEntry entry{report.options.executor, report.options.workers, sample_key(report.options.sample),
                           report.options.sample.name, report.wall_s, report.cpu ? report.cpu->total_s() : 0.0,
                           report.cpu && report.cpu->busy_time, report.cancelled, std::nullopt};
        if (!entry.cancelled) {
            for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
                if (it->executor == ExecutorKind::sequential && it->sample == entry.sample && !it->cancelled) {
                    entry.speedup = it->wall_s / entry.wall_s;
                    break;
                }
            }
            if (entry.executor == ExecutorKind::sequential) entry.speedup = 1.0;
        }
        history_.push_back(entry);
    }

    static std::string sample_key(const primes::Sample& sample) {
        std::string key = sample.name + ":";
        for (auto n : sample.numbers) key += std::to_string(n) + ",";
        return key;
    }

    // Compare all or one executor: two choices, side by side while they fit.
    void draw_view_choice() {
        ImGui::BeginDisabled(running());
        int view = static_cast<int>(view_);
        ImGui::RadioButton(tr(PrimesText::mode_compare), &view, 0);
        same_line_if_fits(choice_width(tr(PrimesText::mode_single)));
        ImGui::RadioButton(tr(PrimesText::mode_single), &view, 1);
        if (view != static_cast<int>(view_)) timeline_.reset();
        view_ = static_cast<View>(view);
        ImGui::EndDisabled();
    }

    // Run, Compare all, or Cancel while either runs.
    void press_run() {
        if (running() && run_ && !run_->finished()) run_->cancel();
        else if (running() && compare_) compare_->cancel();
        else if (view_ == View::compare) start_compare();
        else start();
    }

    // The run button (or Cancel), and Compare all's progress beside it.
    void draw_run_button() {
        const bool is_running = running();
        const char* label = is_running ? tr(PrimesText::cancel)
                                       : tr(view_ == View::compare ? PrimesText::compare_start : PrimesText::run);
        const bool clicked = ImGui::Button(label, ImVec2(std::max(120.0f * font_scale(), button_width(label)), 0));
        run_button_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                       ImGui::GetItemRectSize().y};
        if (clicked) press_run();
        draw_field_error(field_errors_, "run");
        if (!field_errors_.empty() && (view_ == View::compare ? compare_ != nullptr : run_ != nullptr)) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr(PrimesText::last_good_run));
        }
    }

    void draw_controls() {
        const bool is_running = running();
        // Room for the label beside each field; on a phone the fields shrink and the choices stack.
        const float field_w = std::min(330.0f * font_scale(), ImGui::GetContentRegionAvail().x * 0.6f);
        const auto next_choice = [](PrimesText label) {   // on the same line while the next choice fits
            const ImGuiStyle& style = ImGui::GetStyle();
            const float needed = style.ItemSpacing.x + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                                 ImGui::CalcTextSize(tr(label)).x;
            const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            if (ImGui::GetItemRectMax().x + needed <= right) ImGui::SameLine();
        };
        ImGui::BeginDisabled(is_running);
        if (view_ == View::single) {
            ImGui::SetNextItemWidth(field_w);
            if (ImGui::BeginCombo(tr(PrimesText::executor), executor_label(executor_))) {
                for (auto kind : kExecutors)
                    if (ImGui::Selectable(executor_label(kind), kind == executor_)) executor_ = kind;
                ImGui::EndCombo();
            }
        }
        draw_field_error(field_errors_, "executor");
        if (view_ == View::compare || executor_ != ExecutorKind::sequential) {
            ImGui::SetNextItemWidth(field_w);
            ImGui::SliderInt(tr(PrimesText::workers), &workers_, exec::kMinWorkers, exec::kMaxWorkers, "%d",
                             ImGuiSliderFlags_AlwaysClamp);
            workers_slider_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::CalcItemWidth(),
                               ImGui::GetItemRectSize().y};
            draw_field_error(field_errors_, "workers");
        }
        if (view_ == View::compare) {
            ImGui::SetNextItemWidth(field_w);
            ImGui::SliderInt(tr(PrimesText::repeats), &repeats_, primes::kMinRepeats, primes::kMaxRepeats, "%d",
                             ImGuiSliderFlags_AlwaysClamp);
            draw_field_error(field_errors_, "repeats");
        }
        ImGui::PushTextWrapPos(0.0f);
        if (view_ == View::single && executor_ == ExecutorKind::gil) ImGui::TextDisabled("%s", tr(PrimesText::gil_note));
        if ((view_ == View::compare || executor_ == ExecutorKind::processes) && !platform::capabilities().os_processes)
            ImGui::TextDisabled("%s", tr(PrimesText::processes_web_note));
        ImGui::PopTextWrapPos();

        int mode = static_cast<int>(mode_);
        ImGui::TextUnformatted(tr(PrimesText::sample));
        next_choice(PrimesText::sample_talk);
        ImGui::RadioButton(tr(PrimesText::sample_talk), &mode, 0);
        next_choice(PrimesText::sample_fluent);
        ImGui::RadioButton(tr(PrimesText::sample_fluent), &mode, 1);
        next_choice(PrimesText::sample_custom);
        ImGui::RadioButton(tr(PrimesText::sample_custom), &mode, 2);
        mode_ = static_cast<SampleMode>(mode);
        if (mode_ == SampleMode::talk) {
            ImGui::SetNextItemWidth(field_w);
            ImGui::SliderInt(tr(PrimesText::magnitude), &magnitude(), primes::kMinMagnitude, primes::kMaxMagnitude, "2**%d",
                             ImGuiSliderFlags_AlwaysClamp);
        } else if (mode_ == SampleMode::custom) {
            ImGui::InputTextMultiline("##numbers", custom_.data(), custom_.capacity() + 1, ImVec2(field_w, 60),
                                      ImGuiInputTextFlags_CallbackResize, resize_string, &custom_);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr(PrimesText::numbers));
        }
        draw_field_error(field_errors_, "sample");
        ImGui::EndDisabled();
        if (view_ == View::single) draw_run_button();
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: Compare all
    // -------------------------------------------------------------------------

    // The picture first: the run button and its progress, the speedup bars full width; then the choices, the table
    // of runs and the timeline of one run (the one in progress, or the executor picked below).
    void draw_compare() {
        draw_run_button();
        const primes::CompareReport* report = compare_ ? &compare_->report() : nullptr;
        std::optional<CompareProgress> progress;
        if (compare_ && !compare_->finished()) {
            progress = CompareProgress{compare_->current_executor(), compare_->current_repeat()};
            char overlay[160];
            std::snprintf(overlay, sizeof overlay, tr(PrimesText::compare_progress), compare_->runs_done() + 1,
                          compare_->total_runs(), progress->repeat);
            same_line_if_fits(200.0f);
            ImGui::ProgressBar(static_cast<float>(compare_->runs_done()) / static_cast<float>(compare_->total_runs()),
                               ImVec2(-FLT_MIN, 0), overlay);
        } else if (report) {
            char done[96];
            std::snprintf(done, sizeof done, tr(PrimesText::compare_done), report->runs.size(),
                          unbroken(primes::format_duration(report->wall_s)).c_str());
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
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        draw_controls();
        if (!report) return;
        ImGui::Separator();
        draw_compare_table(*report);
        ImGui::Spacing();
        draw_compare_timeline(*report);
    }

    void draw_compare_timeline(const primes::CompareReport& report) {
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

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: one executor's table, history
    // -------------------------------------------------------------------------

    void draw_summary() const {
        const auto& report = run_->report();
        const auto& options = report.options;
        std::size_t ok = 0;
        for (const auto& r : report.results) ok += r.error ? 0 : 1;
        // A duration wraps as a whole: "1.05 s", never "1.05" and "s" on two lines.
        const auto duration = [](double seconds) { return unbroken(primes::format_duration(seconds)); };
        ImGui::TextWrapped("%zu/%zu %s %.2f\u00a0s (%s x%d) · %s %s", ok, options.sample.numbers.size(), tr(PrimesText::checks_in),
                    run_->elapsed_s(), executor_label(options.executor), options.workers, tr(PrimesText::startup),
                    duration(report.startup_s).c_str());
        if (report.finished && report.cpu) {
            const auto& cpu = *report.cpu;
            ImGui::TextWrapped("%s: user %s, sys %s, total %s (%.0f%% %s)   %s:\u00a0%s", tr(PrimesText::cpu),
                        duration(cpu.user_s).c_str(), duration(cpu.sys_s).c_str(), duration(cpu.total_s()).c_str(),
                        report.wall_s > 0 ? 100.0 * cpu.total_s() / report.wall_s : 0.0, tr(PrimesText::of_wall),
                        tr(PrimesText::wall), duration(report.wall_s).c_str());
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", tr(cpu.busy_time ? PrimesText::cpu_busy_note : PrimesText::cpu_process_note));
            ImGui::PopTextWrapPos();
        }
    }

    // Number, ✓/✗ and lpf always; the elapsed time and the worker only where they fit whole (a phone, a tablet's
    // narrow panel): a column is folded, never clipped.
    void draw_results_table(bool compact) const {
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
            return r.cpu_s ? r.worker + " \u00b7 " + tr(PrimesText::cpu) + " " + primes::format_duration(*r.cpu_s) : r.worker;
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
            if (show_elapsed && ImGui::TableNextColumn() && r.worker.size()) ImGui::Text("%8.3f s", r.elapsed_s);
            if (!show_worker) continue;
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(worker_cell(r).c_str());
            if (r.worker_startup_s && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s %s", tr(PrimesText::startup), primes::format_duration(*r.worker_startup_s).c_str());
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
                ImGui::TextDisabled("%8.3f s", now - running->started_s);
            if (show_worker && ImGui::TableNextColumn() && running != in_flight.end())
                ImGui::TextDisabled("%s", running->worker.c_str());
        }
        ImGui::EndTable();
    }

    static constexpr float kSideBySideWidth = 980.0f;   // the table and the timeline side by side from here on
    static constexpr const char* kWidestFactor = "4_294_967_295";   // a composite's lpf is at most its square root

    static void right_aligned(const std::string& text, float width) {
        const float pad = width - ImGui::CalcTextSize(text.c_str()).x;
        if (pad > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
        ImGui::TextUnformatted(text.c_str());
    }

    void draw_history() {
        ImGui::TextUnformatted(tr(PrimesText::history));
        if (history_.empty()) return;
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(PrimesText::clear_history))) {
            history_.clear();
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
            ImGui::TextWrapped("%s \u00d7%d", executor_label(h.executor), h.workers);   // a phone's column
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(h.sample_name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s%s", primes::format_duration(h.wall_s).c_str(), h.cancelled ? " (cancelled)" : "");
            ImGui::TableNextColumn();
            ImGui::Text("%s%s", primes::format_duration(h.cpu_s).c_str(), h.busy_time ? "*" : "");
            ImGui::TableNextColumn();
            if (h.speedup) {
                char label[32];
                std::snprintf(label, sizeof label, "x%.2f", *h.speedup);
                ImGui::ProgressBar(static_cast<float>(*h.speedup / best), ImVec2(-1, 0), label);
            } else {
                ImGui::PushTextWrapPos(0.0f);   // the cell's right edge: a narrow column wraps, never clips
                ImGui::TextDisabled("%s", tr(PrimesText::no_sequential_yet));
                ImGui::PopTextWrapPos();
            }
        }
        ImGui::EndTable();
    }

    ExecutorKind executor_ = ExecutorKind::threads;
    int workers_;
    View view_ = View::compare;
    int repeats_ = 3;
    SampleMode mode_ = SampleMode::talk;
    int magnitude_ = primes::kTalkMagnitude;           // one executor: the talk's sample
    int compare_magnitude_ = primes::kCompareMagnitude;   // Compare all: four executors × repeats in about 10–20 s
    std::string custom_ = "2 142702110479723 299593572317531 3333333333333301";
    options::FieldErrors field_errors_;
    std::unique_ptr<primes::PrimesRun> run_;
    bool recorded_ = false;
    std::unique_ptr<primes::CompareRun> compare_;
    bool compare_recorded_ = false;
    ExecutorKind timeline_executor_ = ExecutorKind::gil;
    PrimesTimeline timeline_;
    std::vector<HistoryEntry> history_;
    std::array<float, 4> workers_slider_{};   // x, y, w, h of the workers slider last drawn
    std::array<float, 4> run_button_{};       // x, y, w, h of the run (or Cancel) button last drawn
};

}  // namespace

std::unique_ptr<DemoPanel> make_primes_panel() { return std::make_unique<PrimesPanel>(); }

}  // namespace conclab::ui
