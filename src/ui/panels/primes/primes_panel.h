// The primes panel's class, shared by its files: panel.cpp (options, running, state, controls) and views.cpp
// (Compare all's picture and timeline, one executor's summary, results table and history).
#pragma once

#include "ui/demo_panel.h"

#include "platform/platform.h"
#include "ui/panels/primes/primes_timeline.h"
#include "core/primes/compare_run.h"
#include "core/primes/primes_options.h"
#include "core/primes/primes_run.h"
#include "core/primes/samples.h"
#include "ui/text/text_primes.h"
#include "ui/widgets/trace_export.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conclab::ui::primes_panel {

using exec::ExecutorKind;

inline constexpr ExecutorKind kExecutors[] = {ExecutorKind::sequential, ExecutorKind::gil,
                                              ExecutorKind::processes, ExecutorKind::threads};
enum class SampleMode { talk, fluent, custom };
/// The page's Python default, make_sample(2**48): Pyodide checks it sequentially in about 10–20 s with its boot
/// (web/bench/pyodide.mjs), where the talk's 2**57 would take hours.
inline constexpr int kPyodideMagnitude = 48;
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
    std::string runtime;   // "" for C++, "CPython 3.11" for the machine's interpreter: each against its own sequential
    std::shared_ptr<const primes::PrimesReport> report;   // the whole run, for the history's trace
};

class PrimesPanel final : public DemoPanel {
public:
    PrimesPanel() : workers_(exec::default_workers(platform::logical_cpus())) {}

    const char* title() const override { return tr(PrimesText::menu); }

    void apply(const options::Params& params, options::FieldErrors& errors) override;
    void autorun() override;

    void main_action() override { press_run(); }   // Space, as a click on the run button

    options::Params link_params() const override { return chosen_params(); }

    const char* field_label(const std::string& option) const override;
    bool show_launch_errors(const options::FieldErrors& errors) override;
    bool update() override;
    platform::Redraw redraw_need() const override;
    nlohmann::json state() const override;
    void draw() override;

    /// @brief What "Export history as trace" writes: every run of the history, one process each.
    nlohmann::json history_trace() const;

private:
    bool running() const { return (run_ && !run_->finished()) || (compare_ && !compare_->finished()); }

    int& magnitude() {
        if (view_ == View::compare) return compare_magnitude_;
        return pyodide() ? python_magnitude_ : magnitude_;
    }
    /// The page's Python: Pyodide (the desktop's is the machine's CPython).
    bool pyodide() const {
        return runtime_ == primes::Runtime::python && view_ == View::single && !platform::capabilities().machine_python;
    }
    std::optional<std::string> runtime_failure() const;
    /// @brief Asks the interpreter python_ names once (cached in probed_); false with its error beside the runtime.
    bool probe_interpreter();
    void draw_pyodide_loading();

    options::Params chosen_params() const;
    std::optional<primes::PrimesOptions> checked_options();
    void start();
    void start_compare();
    void record_history(const primes::PrimesReport& report);
    static std::string sample_key(const primes::Sample& sample);
    static std::string history_label(const HistoryEntry& entry);
    void draw_runtime_choice(float field_w);
    void draw_view_choice();
    void press_run();
    void draw_run_button();
    void draw_controls();
    static PrimesText python_api(ExecutorKind kind);
    void draw_compare();
    void draw_compare_timeline(const primes::CompareReport& report);
    void draw_summary() const;
    void draw_results_table(bool compact) const;

    static constexpr float kSideBySideWidth = 980.0f;   // the table and the timeline side by side from here on
    static constexpr const char* kWidestFactor = "4_294_967_295";   // a composite's lpf is at most its square root

    static void right_aligned(const std::string& text, float width, bool disabled = false);
    void draw_history();
    void draw_trace_export();

    ExecutorKind executor_ = ExecutorKind::threads;
    primes::Runtime runtime_ = primes::Runtime::cpp;
    std::string python_;                                // --python / ?python=; empty: python3 on PATH
    std::optional<exec::RuntimeInfo> probed_;         // the interpreter asked once (python_ as it was then)
    std::string probed_for_;
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
    TraceExportButton trace_export_;
    TraceExportButton history_trace_;
    std::vector<HistoryEntry> history_;
    std::array<float, 4> workers_slider_{};   // x, y, w, h of the workers slider last drawn
    std::array<float, 4> run_button_{};       // x, y, w, h of the run (or Cancel) button last drawn
    std::array<float, 4> runtime_choice_{};   // x, y, w, h of the runtime's combo last drawn
    int python_magnitude_ = kPyodideMagnitude;
    float table_top_ = 0;                      // y of one executor's table and timeline last drawn
    mutable int results_columns_ = 0;
    bool drawn_history_cards_ = false;         // the runs' table as one card per run (a phone)          // the results table's columns last drawn (2: each lpf under its number)
};

}  // namespace conclab::ui::primes_panel
