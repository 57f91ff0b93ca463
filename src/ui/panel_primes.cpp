// Primes panel — the talk's second demo: checking primality is CPU bound. The same sample runs
// sequentially, on threads, on processes (isolated Web Workers in the browser) or on threads under a
// model of CPython's GIL; the table fills in completion order, a timeline shows one lane per worker,
// and a history compares runs by speedup. Caveat: the GIL executor is a model, not CPython.
//
// [SECTION] Controls and validation
// [SECTION] Running
// [SECTION] Drawing: table, timeline, history
#include "demo_panel.h"

#include "platform.h"
#include "responsive.h"
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

constexpr ExecutorKind kExecutors[] = {ExecutorKind::sequential, ExecutorKind::threads, ExecutorKind::processes,
                                       ExecutorKind::gil};
enum class SampleMode { talk, fluent, custom };

PrimesText executor_text(ExecutorKind kind) {
    switch (kind) {
    case ExecutorKind::sequential: return PrimesText::executor_sequential;
    case ExecutorKind::threads: return PrimesText::executor_threads;
    case ExecutorKind::processes: return PrimesText::executor_processes;
    case ExecutorKind::gil: return PrimesText::executor_gil;
    }
    return PrimesText::executor_threads;
}

ImU32 worker_colour(std::size_t lane) {
    static const ImU32 colours[] = {IM_COL32(86, 156, 214, 255), IM_COL32(220, 140, 60, 255), IM_COL32(120, 190, 90, 255),
                                    IM_COL32(200, 100, 170, 255), IM_COL32(230, 200, 80, 255), IM_COL32(90, 200, 200, 255)};
    return colours[lane % (sizeof colours / sizeof colours[0])];
}

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

    void apply(const options::Params& params, options::FieldErrors& errors) override {
        const auto parsed = primes::parse_primes_options(params, platform::logical_cpus(), errors);
        if (errors.count("executor") == 0) executor_ = parsed.executor;
        if (params.count("workers") && errors.count("workers") == 0) workers_ = parsed.workers;
        if (errors.count("numbers") || errors.count("sample")) return;
        if (params.count("numbers")) {
            mode_ = SampleMode::custom;
            custom_ = params.at("numbers");
        } else if (parsed.sample.name == "fluent") {
            mode_ = SampleMode::fluent;
        } else {
            mode_ = SampleMode::talk;
            magnitude_ = std::stoi(parsed.sample.name.substr(3));
        }
    }

    void autorun() override { start(); }

    void main_action() override {
        if (run_ && !run_->finished()) run_->cancel();
        else start();
    }

    options::Params link_params() const override { return chosen_params(); }

    const char* field_label(const std::string& option) const override {
        if (option == "executor") return tr(PrimesText::executor);
        if (option == "workers") return tr(PrimesText::workers);
        if (option == "sample" || option == "numbers") return tr(PrimesText::sample);
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
        if (!run_) return false;
        bool changed = !run_->poll().empty();
        if (run_->finished() && !recorded_) {
            recorded_ = true;
            record_history(run_->report());
            finished_result_ = primes::to_json(run_->report());
            changed = true;
        }
        return changed;
    }

    platform::Redraw redraw_need() const override {
        return run_ && !run_->finished() ? platform::Redraw::ticking : platform::Redraw::idle;
    }

    nlohmann::json state() const override {
        nlohmann::json s{{"executor", std::string(exec::to_string(executor_))},
                         {"workers", workers_},
                         {"running", run_ && !run_->finished()},
                         {"history", history_.size()}};
        if (!field_errors_.empty()) s["errors"] = field_errors_;
        if (run_) s["run"] = primes::to_json(run_->report());
        // Where the workers slider was last drawn, in window units (the touch test drags it).
        if (executor_ != ExecutorKind::sequential)
            s["workers_slider"] = {{"x", workers_slider_[0]}, {"y", workers_slider_[1]}, {"w", workers_slider_[2]},
                                   {"h", workers_slider_[3]}};
        return s;
    }

    void draw() override {
        ImGui::TextUnformatted(tr(PrimesText::title));
        ImGui::TextWrapped("%s", tr(PrimesText::intro));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
        ImGui::TextWrapped("%s", tr(PrimesText::lesson));
        ImGui::PopStyleColor();
        ImGui::Separator();
        draw_controls();
        ImGui::Separator();
        if (run_) {
            draw_summary();
            if (ImGui::GetContentRegionAvail().x < kSideBySideWidth * font_scale()) {   // stacked; a phone keeps number, ✓/✗, lpf
                draw_results_table(narrow_layout());
                ImGui::Spacing();
                draw_timeline();
                ImGui::Spacing();
                draw_history();
            } else if (ImGui::BeginTable("##layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
                ImGui::TableSetupColumn("##left", ImGuiTableColumnFlags_WidthStretch, 0.6f);
                ImGui::TableSetupColumn("##right", ImGuiTableColumnFlags_WidthStretch, 0.4f);
                ImGui::TableNextColumn();
                draw_results_table(false);
                ImGui::TableNextColumn();
                draw_timeline();
                ImGui::Spacing();
                draw_history();
                ImGui::EndTable();
            }
        }
    }

private:
    // The panel's choices as the text options the CLI and the query string give, parsed by the same rules.
    options::Params chosen_params() const {
        options::Params p{{"executor", std::string(exec::to_string(executor_))}, {"workers", std::to_string(workers_)}};
        switch (mode_) {
        case SampleMode::talk: p["sample"] = "2**" + std::to_string(magnitude_); break;
        case SampleMode::fluent: p["sample"] = "fluent"; break;
        case SampleMode::custom: p["numbers"] = custom_; break;
        }
        return p;
    }

    void start() {
        field_errors_.clear();
        auto options = primes::parse_primes_options(chosen_params(), platform::logical_cpus(), field_errors_);
        if (field_errors_.count("numbers")) field_errors_["sample"] = field_errors_["numbers"];
        if (!field_errors_.empty()) return;   // the last good run stays on screen
        try {
            run_ = std::make_unique<primes::PrimesRun>(std::move(options), platform::make_executor, platform::run_clock());
            recorded_ = false;
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

    void draw_controls() {
        const bool running = run_ && !run_->finished();
        // Room for the label beside each field; on a phone the fields shrink and the choices stack.
        const float field_w = std::min(330.0f * font_scale(), ImGui::GetContentRegionAvail().x * 0.6f);
        const auto next_choice = [](PrimesText label) {   // on the same line while the next choice fits
            const ImGuiStyle& style = ImGui::GetStyle();
            const float needed = style.ItemSpacing.x + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                                 ImGui::CalcTextSize(tr(label)).x;
            const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            if (ImGui::GetItemRectMax().x + needed <= right) ImGui::SameLine();
        };
        ImGui::BeginDisabled(running);
        ImGui::SetNextItemWidth(field_w);
        if (ImGui::BeginCombo(tr(PrimesText::executor), tr(executor_text(executor_)))) {
            for (auto kind : kExecutors)
                if (ImGui::Selectable(tr(executor_text(kind)), kind == executor_)) executor_ = kind;
            ImGui::EndCombo();
        }
        draw_field_error(field_errors_, "executor");
        if (executor_ != ExecutorKind::sequential) {
            ImGui::SetNextItemWidth(field_w);
            ImGui::SliderInt(tr(PrimesText::workers), &workers_, exec::kMinWorkers, exec::kMaxWorkers, "%d",
                             ImGuiSliderFlags_AlwaysClamp);
            workers_slider_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::CalcItemWidth(),
                               ImGui::GetItemRectSize().y};
            draw_field_error(field_errors_, "workers");
        }
        ImGui::PushTextWrapPos(0.0f);
        if (executor_ == ExecutorKind::gil) ImGui::TextDisabled("%s", tr(PrimesText::gil_note));
        if (executor_ == ExecutorKind::processes && !platform::capabilities().os_processes)
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
            ImGui::SliderInt(tr(PrimesText::magnitude), &magnitude_, primes::kMinMagnitude, primes::kMaxMagnitude, "2**%d",
                             ImGuiSliderFlags_AlwaysClamp);
        } else if (mode_ == SampleMode::custom) {
            ImGui::InputTextMultiline("##numbers", custom_.data(), custom_.capacity() + 1, ImVec2(field_w, 60),
                                      ImGuiInputTextFlags_CallbackResize, resize_string, &custom_);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr(PrimesText::numbers));
        }
        draw_field_error(field_errors_, "sample");
        ImGui::EndDisabled();

        if (running) {
            if (ImGui::Button(tr(PrimesText::cancel), ImVec2(120 * font_scale(), 0))) run_->cancel();
        } else if (ImGui::Button(tr(PrimesText::run), ImVec2(120 * font_scale(), 0))) {
            start();
        }
        draw_field_error(field_errors_, "run");
        if (!field_errors_.empty() && run_) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr(PrimesText::last_good_run));
        }
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: table, timeline, history
    // -------------------------------------------------------------------------

    void draw_summary() const {
        const auto& report = run_->report();
        const auto& options = report.options;
        std::size_t ok = 0;
        for (const auto& r : report.results) ok += r.error ? 0 : 1;
        // A duration wraps as a whole: "1.05 s", never "1.05" and "s" on two lines.
        const auto duration = [](double seconds) { return unbroken(primes::format_duration(seconds)); };
        ImGui::TextWrapped("%zu/%zu %s %.2f\u00a0s (%s x%d) · %s %s", ok, options.sample.numbers.size(), tr(PrimesText::checks_in),
                    run_->elapsed_s(), tr(executor_text(options.executor)), options.workers, tr(PrimesText::startup),
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

    void draw_timeline() const {
        ImGui::TextUnformatted(tr(PrimesText::timeline));
        const auto& report = run_->report();
        auto bars = report.results;
        const double now = run_->elapsed_s();
        for (auto r : run_->in_flight()) {
            r.elapsed_s = now - r.started_s;
            bars.push_back(r);
        }
        std::vector<std::string> lanes;
        for (const auto& b : bars) {
            if (b.worker.empty()) continue;
            if (std::find(lanes.begin(), lanes.end(), b.worker) == lanes.end()) lanes.push_back(b.worker);
        }
        std::sort(lanes.begin(), lanes.end(), [](const std::string& a, const std::string& b) {
            return a.size() != b.size() ? a.size() < b.size() : a < b;
        });
        const float lane_h = 22.0f, label_w = 90.0f;
        const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
        const float height = lane_h * static_cast<float>(std::max<std::size_t>(lanes.size(), 1)) + 22.0f;
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const double span = std::max(now, 0.001);
        const float plot_w = width - label_w - 8.0f;
        draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(30, 33, 38, 255), 4.0f);
        for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
            const float y = origin.y + 4.0f + lane_h * static_cast<float>(lane);
            draw->AddText(ImVec2(origin.x + 6, y + 2), IM_COL32(200, 200, 200, 255), lanes[lane].c_str());
            for (const auto& b : bars) {
                if (b.worker != lanes[lane]) continue;
                const float x0 = origin.x + label_w + static_cast<float>(b.started_s / span) * plot_w;
                const float x1 = origin.x + label_w + static_cast<float>((b.started_s + b.elapsed_s) / span) * plot_w;
                draw->AddRectFilled(ImVec2(x0, y), ImVec2(std::max(x0 + 2.0f, x1), y + lane_h - 4.0f),
                                    b.error ? IM_COL32(150, 90, 60, 255) : worker_colour(lane), 3.0f);
                for (const auto& w : b.gil_waits) {   // the lesson of the GIL model: turns, not parallelism
                    const float wa = origin.x + label_w + static_cast<float>(w.from_s / span) * plot_w;
                    const float wb = origin.x + label_w + static_cast<float>(w.to_s / span) * plot_w;
                    draw->AddRectFilled(ImVec2(wa, y + 1.0f), ImVec2(std::max(wa + 1.0f, wb), y + lane_h - 5.0f),
                                        IM_COL32(45, 48, 55, 255));
                }
                draw->AddRect(ImVec2(x0, y), ImVec2(std::max(x0 + 2.0f, x1), y + lane_h - 4.0f), IM_COL32(20, 20, 20, 255), 3.0f);
            }
        }
        char axis[48];
        std::snprintf(axis, sizeof axis, "0 s … %.2f s", span);
        draw->AddText(ImVec2(origin.x + label_w, origin.y + height - 18.0f), IM_COL32(150, 150, 150, 255), axis);
        ImGui::Dummy(ImVec2(width, height));
        if (report.options.executor == ExecutorKind::gil) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", tr(PrimesText::gil_legend));
            ImGui::PopTextWrapPos();
        }
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
            ImGui::TextWrapped("%s x%d", std::string(exec::to_string(h.executor)).c_str(), h.workers);   // a phone's column
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
    SampleMode mode_ = SampleMode::talk;
    int magnitude_ = primes::kTalkMagnitude;
    std::string custom_ = "2 142702110479723 299593572317531 3333333333333301";
    options::FieldErrors field_errors_;
    std::unique_ptr<primes::PrimesRun> run_;
    bool recorded_ = false;
    std::vector<HistoryEntry> history_;
    std::array<float, 4> workers_slider_{};   // x, y, w, h of the workers slider last drawn
};

}  // namespace

std::unique_ptr<DemoPanel> make_primes_panel() { return std::make_unique<PrimesPanel>(); }

}  // namespace conclab::ui
