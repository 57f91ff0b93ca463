// Primes panel — the talk's second demo: checking primality is CPU bound. Its default view, Compare all, runs
// the same sample on the four executors (sequential, threads under a model of CPython's GIL, processes — isolated
// Web Workers in the browser — and C++ threads with no GIL), several times each, and draws the speedups as bars:
// the lesson in one picture. One executor runs a single time with its table in completion order; both show a
// timeline, one lane per worker, zoomable onto the GIL's hand-offs. Caveat: the GIL executor is a model, not CPython.
//
// [SECTION] Controls and validation
// [SECTION] Running
#include "ui/panels/primes/primes_panel.h"

#include "platform/gui_backend.h"
#include "platform/platform.h"
#include "ui/responsive.h"
#include "ui/text/numbers.h"
#include "ui/text/text_system.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace conclab::ui::primes_panel {

// -----------------------------------------------------------------------------
// [SECTION] Controls and validation
// -----------------------------------------------------------------------------

// A link that names an executor (and not compare) means that executor's single run; any other opens Compare all.
void PrimesPanel::apply(const options::Params& params, options::FieldErrors& errors) {
    const auto parsed = primes::parse_primes_options(params, platform::logical_cpus(), errors);
    if (errors.count("executor") == 0) executor_ = parsed.executor;
    if (params.count("runtime") && errors.count("runtime") == 0) runtime_ = parsed.runtime;
    if (params.count("python") && errors.count("python") == 0) python_ = parsed.python;
    if (params.count("workers") && errors.count("workers") == 0) workers_ = parsed.workers;
    if (params.count("repeats") && errors.count("repeats") == 0) repeats_ = parsed.repeats;
    if (params.count("compare") && errors.count("compare") == 0) view_ = parsed.compare ? View::compare : View::single;
    else if (params.count("executor")) view_ = View::single;
    else if (runtime_ == primes::Runtime::python) {   // Python runs one executor: sequential unless a link says more
        view_ = View::single;
        executor_ = ExecutorKind::sequential;
    }
    if (errors.count("numbers") || errors.count("sample")) return;
    if (params.count("numbers")) {
        mode_ = SampleMode::custom;
        custom_ = params.at("numbers");
    } else if (params.count("sample") && parsed.sample.name == "fluent") {
        mode_ = SampleMode::fluent;
    } else if (params.count("sample")) {
        mode_ = SampleMode::talk;
        magnitude_ = compare_magnitude_ = python_magnitude_ = std::stoi(parsed.sample.name.substr(3));
    }
}

void PrimesPanel::autorun() {
    if (view_ == View::compare) start_compare();
    else start();
}

const char* PrimesPanel::field_label(const std::string& option) const {
    if (option == "executor") return tr(PrimesText::executor);
    if (option == "workers") return tr(PrimesText::workers);
    if (option == "sample" || option == "numbers") return tr(PrimesText::sample);
    if (option == "repeats") return tr(PrimesText::repeats);
    if (option == "compare") return tr(PrimesText::mode_compare);
    if (option == "runtime" || option == "python") return tr(PrimesText::runtime);
    return nullptr;
}

bool PrimesPanel::show_launch_errors(const options::FieldErrors& errors) {
    field_errors_ = errors;
    if (field_errors_.count("numbers")) field_errors_["sample"] = field_errors_["numbers"];
    return true;
}

// -----------------------------------------------------------------------------
// [SECTION] Running
// -----------------------------------------------------------------------------

bool PrimesPanel::update() {
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

platform::Redraw PrimesPanel::redraw_need() const {
    return running() ? platform::Redraw::ticking : platform::Redraw::idle;
}

nlohmann::json PrimesPanel::state() const {
    nlohmann::json history_labels = nlohmann::json::array();
    for (const auto& h : history_) history_labels.push_back(history_label(h));
    nlohmann::json s{{"executor", std::string(exec::to_string(executor_))},
                     {"runtime", std::string(primes::to_string(runtime_))},
                     {"runtime_available", true},   // the machine's CPython natively, Pyodide in the page
                     {"runtime_note", platform::capabilities().machine_python ? "" : tr(PrimesText::python_note)},
                     {"history_labels", std::move(history_labels)},
                     {"workers", workers_},
                     {"mode", view_ == View::compare ? "compare" : "single"},
                     {"repeats", repeats_},
                     {"running", running()},
                     {"history", history_.size()},
                     {"timeline", timeline_.state()},
                     {"trace_export", trace_export_.state()},
                     {"history_trace_export", history_trace_.state()}};
    put_field_errors(s, field_errors_);
    if (auto failure = runtime_failure()) s["runtime_failure"] = *failure;
    if (auto loading = platform::pyodide_loading()) {
        static constexpr const char* kPhases[] = {"download", "compile", "done"};
        s["pyodide_loading"] = {{"phase", kPhases[static_cast<int>(loading->phase)]},
                                {"loaded_bytes", loading->loaded_bytes},
                                {"total_bytes", loading->total_bytes}};
    }
    if (run_) s["run"] = primes::to_json(run_->report());
    if (compare_) {
        s["compare"] = primes::to_json(compare_->report());
        s["compare_progress"] = {{"done", compare_->runs_done()}, {"total", compare_->total_runs()}};
    }
    // Where the run button (Cancel while running) was last drawn, in window units (the cancel test clicks it).
    s["run_button"] = {{"x", run_button_[0]}, {"y", run_button_[1]}, {"w", run_button_[2]}, {"h", run_button_[3]}};
    // Where the runtime's choice was last drawn (one executor's view), in window units.
    if (view_ == View::single)
        s["runtime_choice"] = {{"x", runtime_choice_[0]}, {"y", runtime_choice_[1]}, {"w", runtime_choice_[2]},
                               {"h", runtime_choice_[3]}};
    s["results_columns"] = results_columns_;
    s["history_cards"] = drawn_history_cards_;   // the runs' table as one card per run where its columns do not fit   // 2: a phone's table, each lpf under its number (never a cut column)
    s["table_top"] = table_top_;   // where one executor's table and timeline begin, in window units (still as a run ends)
    // Where the workers slider was last drawn, in window units (the touch test drags it).
    if (view_ == View::compare || executor_ != ExecutorKind::sequential)
        s["workers_slider"] = {{"x", workers_slider_[0]}, {"y", workers_slider_[1]}, {"w", workers_slider_[2]},
                               {"h", workers_slider_[3]}};
    return s;
}

void PrimesPanel::draw() {
    ImGui::TextUnformatted(tr(PrimesText::title));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
    ImGui::TextWrapped("%s", tr(PrimesText::lesson));
    ImGui::PopStyleColor();
    draw_view_choice();
    if (view_ == View::compare) {
        draw_compare();
        return;
    }
    if (!presenting()) ImGui::TextWrapped("%s", tr(PrimesText::intro));
    ImGui::Separator();
    // Run first: the rows below it change with the choices (a note, the numbers box), never its place.
    draw_run_button();
    if (controls_shown()) draw_controls();
    ImGui::Separator();
    if (run_) {
        draw_summary();
        table_top_ = ImGui::GetCursorScreenPos().y;
        if (ImGui::GetContentRegionAvail().x < kSideBySideWidth * font_scale()) {   // stacked; a phone keeps number, ✓/✗, lpf
            timeline_.draw(run_->report(), run_->in_flight(), run_->elapsed_s());   // the picture first, then the table
            draw_trace_export();
            ImGui::Spacing();
            draw_results_table(narrow_layout());
            ImGui::Spacing();
            draw_history();
        } else if (ImGui::BeginTable("##layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupColumn("##left", ImGuiTableColumnFlags_WidthStretch, 0.6f);
            ImGui::TableSetupColumn("##right", ImGuiTableColumnFlags_WidthStretch, 0.4f);
            ImGui::TableNextColumn();
            draw_results_table(false);
            ImGui::TableNextColumn();
            draw_trace_export();
            timeline_.draw(run_->report(), run_->in_flight(), run_->elapsed_s());
            ImGui::Spacing();
            draw_history();
            ImGui::EndTable();
        }
    }
}

// The panel's choices as the text options the CLI and the query string give, parsed by the same rules.
options::Params PrimesPanel::chosen_params() const {
    options::Params p{{"executor", std::string(exec::to_string(executor_))}, {"workers", std::to_string(workers_)}};
    // Compare all takes the runtime too natively (CPython's rows); the page's Compare all is C++ only.
    if (runtime_ == primes::Runtime::python && (view_ == View::single || platform::capabilities().machine_python)) {
        p["runtime"] = "python";
        if (!python_.empty()) p["python"] = python_;
    }
    if (view_ == View::compare) {
        p["compare"] = "1";
        p["repeats"] = std::to_string(repeats_);
    }
    switch (mode_) {
    case SampleMode::talk:
        p["sample"] = "2**" + std::to_string(view_ == View::compare ? compare_magnitude_ : pyodide() ? python_magnitude_ : magnitude_);
        break;
    case SampleMode::fluent: p["sample"] = "fluent"; break;
    case SampleMode::custom: p["numbers"] = custom_; break;
    }
    return p;
}

std::optional<primes::PrimesOptions> PrimesPanel::checked_options() {
    field_errors_.clear();
    auto options = primes::parse_primes_options(chosen_params(), platform::logical_cpus(), field_errors_);
    if (field_errors_.count("numbers")) field_errors_["sample"] = field_errors_["numbers"];
    if (pyodide() && (executor_ == ExecutorKind::threads || executor_ == ExecutorKind::gil))
        field_errors_["executor"] = std::string(tr(PrimesText::python_no_threads));
    if (!field_errors_.empty()) return std::nullopt;   // the last good run stays on screen
    if (pyodide()) options.workers = std::min(options.workers, platform::kMaxPyodideWorkers);
    return options;
}

void PrimesPanel::start() {
    auto options = checked_options();
    if (!options) return;
    exec::RuntimeInfo runtime;
    primes::ExecutorMaker maker = platform::make_executor;
    if (options->runtime == primes::Runtime::python && !platform::capabilities().machine_python) {   // the page: Pyodide
        runtime.name = "Pyodide";
        runtime.threads = false;
        maker = platform::make_pyodide_executor;
    } else if (options->runtime == primes::Runtime::python) {
        if (!probe_interpreter()) return;
        runtime = *probed_;
        maker = [runtime](exec::ExecutorKind kind, int workers) {
            return platform::make_script_executor(kind, workers, runtime, primes::python_job(kind, workers));
        };
    }
    try {
        run_ = std::make_unique<primes::PrimesRun>(std::move(*options), maker, platform::run_clock(), runtime);
        recorded_ = false;
        timeline_.reset();
    } catch (const std::exception& e) {
        field_errors_["run"] = std::string(tr(PrimesText::run_failed)) + ": " + e.what();
    }
}

bool PrimesPanel::probe_interpreter() {
    try {   // asked once per interpreter: a python -c start-up is tens of ms on the UI thread
        if (!probed_ || probed_for_ != python_) {
            probed_.reset();
            probed_ = platform::probe_python(python_);
            probed_for_ = python_;
            platform::python_script("primes.py");
        }
    } catch (const platform::PythonUnavailable& e) {
        field_errors_["runtime"] = e.what();
        return false;
    }
    return true;
}

// With CPython chosen as the runtime (natively), Compare all runs its sequential, threads and processes after the C++
// executors, on the same sample. The page's Compare all stays C++: Pyodide has no threads to set beside the model.
void PrimesPanel::start_compare() {
    auto options = checked_options();
    if (!options) return;
    std::optional<primes::PythonRows> python;
    if (runtime_ == primes::Runtime::python && platform::capabilities().machine_python) {
        if (!probe_interpreter()) return;
        python = primes::PythonRows{*probed_, [runtime = *probed_](exec::ExecutorKind kind, int workers) {
                                        return platform::make_script_executor(kind, workers, runtime,
                                                                              primes::python_job(kind, workers));
                                    }};
    }
    try {
        compare_ = std::make_unique<primes::CompareRun>(std::move(*options), platform::make_executor, platform::run_clock(),
                                                        std::move(python));
        compare_recorded_ = false;
        timeline_.reset();
    } catch (const std::exception& e) {
        field_errors_["run"] = std::string(tr(PrimesText::run_failed)) + ": " + e.what();
    }
}

void PrimesPanel::record_history(const primes::PrimesReport& report) {
    HistoryEntry entry{report.options.executor, report.options.workers, sample_key(report.options.sample),
                       report.options.sample.name, report.wall_s, report.cpu ? report.cpu->total_s() : 0.0,
                       report.cpu && report.cpu->busy_time, report.cancelled, std::nullopt,
                       report.runtime.is_python() ? exec::short_label(report.runtime) : std::string(),
                       std::make_shared<const primes::PrimesReport>(report)};
    if (!entry.cancelled) {
        for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
            if (it->executor == ExecutorKind::sequential && it->sample == entry.sample && it->runtime == entry.runtime &&
                !it->cancelled) {
                entry.speedup = it->wall_s / entry.wall_s;
                break;
            }
        }
        if (entry.executor == ExecutorKind::sequential) entry.speedup = 1.0;
    }
    history_.push_back(entry);
}

// "CPython 3.11 threads ×2" beside "threads, no GIL (C++) ×2" and "threads under a GIL (Python's model) ×2".
std::string PrimesPanel::history_label(const HistoryEntry& h) {
    std::string executor = executor_label(h.executor);
    if (!h.runtime.empty()) {
        executor = h.executor == ExecutorKind::threads      ? tr(PrimesText::executor_threads)
                   : h.executor == ExecutorKind::processes ? tr(PrimesText::executor_processes)
                                                             : tr(PrimesText::executor_sequential);
        executor = h.runtime + " " + executor;
    }
    return executor + " \u00d7" + std::to_string(h.workers);
}

// C++ or the machine's CPython, beside the executor; on the page visibly unavailable, with the reason beside it.
void PrimesPanel::draw_runtime_choice(float field_w) {
    const bool machine = platform::capabilities().machine_python;   // else the page's Python: Pyodide
    const PrimesText python_label = machine ? PrimesText::runtime_python : PrimesText::runtime_pyodide;
    ImGui::SetNextItemWidth(field_w);
    const char* current = tr(runtime_ == primes::Runtime::python ? python_label : PrimesText::runtime_cpp);
    if (ImGui::BeginCombo(tr(PrimesText::runtime), current)) {
        if (ImGui::Selectable(tr(PrimesText::runtime_cpp), runtime_ == primes::Runtime::cpp)) runtime_ = primes::Runtime::cpp;
        if (ImGui::Selectable(tr(python_label), runtime_ == primes::Runtime::python)) {
            runtime_ = primes::Runtime::python;
            if (executor_ == ExecutorKind::gil) executor_ = machine ? ExecutorKind::threads : ExecutorKind::sequential;
            if (!machine && executor_ == ExecutorKind::threads) executor_ = ExecutorKind::sequential;   // Pyodide has none
        }
        ImGui::EndCombo();
    }
    runtime_choice_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                       ImGui::GetItemRectSize().y};
    draw_field_error(field_errors_, "runtime");
    draw_field_error(field_errors_, "python");
    if (auto failure = runtime_failure()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", failure->c_str());
        ImGui::PopTextWrapPos();
    }
    draw_pyodide_loading();
    if (pyodide()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(PrimesText::python_note));
        ImGui::PopTextWrapPos();
    }
}

// A runtime that could not start (download failed, a worker died booting) fails every check with one reason: said
// beside the runtime choice as well as on each row.
std::optional<std::string> PrimesPanel::runtime_failure() const {
    if (!run_ || !run_->finished() || run_->report().options.runtime != primes::Runtime::python || run_->report().cancelled)
        return std::nullopt;
    const auto& results = run_->report().results;
    const bool all_failed = !results.empty() && std::all_of(results.begin(), results.end(), [&](const auto& r) {
        return r.error && r.status == primes::CheckStatus::failed && *r.error == *results.front().error;
    });
    if (!all_failed) return std::nullopt;
    return results.front().error;
}

// Pyodide's download and boot, as a bar beside the runtime choice while a run waits on them (no check started yet).
void PrimesPanel::draw_pyodide_loading() {
    const bool booting = run_ && !run_->finished() && run_->report().runtime.name == "Pyodide" &&
                         run_->report().results.empty() && run_->in_flight().empty();
    if (!booting) return;
    const auto loading = platform::pyodide_loading();
    char overlay[96];
    float fraction = 1.0f;
    if (loading && loading->phase == platform::RuntimeLoading::Phase::download) {
        fraction = loading->total_bytes > 0 ? static_cast<float>(loading->loaded_bytes / loading->total_bytes) : 0.0f;
        std::snprintf(overlay, sizeof overlay, "%s %.1f / %.1f MB", tr(PrimesText::python_download),
                      loading->loaded_bytes / 1e6, loading->total_bytes / 1e6);
    } else if (loading && loading->phase == platform::RuntimeLoading::Phase::compile) {
        std::snprintf(overlay, sizeof overlay, "%s", tr(PrimesText::python_compile));
    } else {
        std::snprintf(overlay, sizeof overlay, "%s", tr(PrimesText::python_booting));
    }
    ImGui::ProgressBar(fraction, ImVec2(std::min(330.0f * font_scale(), ImGui::GetContentRegionAvail().x), 0), overlay);
}

std::string PrimesPanel::sample_key(const primes::Sample& sample) {
    std::string key = sample.name + ":";
    for (auto n : sample.numbers) key += std::to_string(n) + ",";
    return key;
}

// Compare all or one executor: two choices, side by side while they fit.
void PrimesPanel::draw_view_choice() {
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
void PrimesPanel::press_run() {
    if (running() && run_ && !run_->finished()) run_->cancel();
    else if (running() && compare_) compare_->cancel();
    else if (view_ == View::compare) start_compare();
    else start();
}

// The run button (or Cancel), and Compare all's progress beside it.
void PrimesPanel::draw_run_button() {
    const bool is_running = running();
    const bool with_cpython = runtime_ == primes::Runtime::python && platform::capabilities().machine_python;
    const char* label = is_running                              ? tr(PrimesText::cancel)
                        : view_ != View::compare                ? tr(PrimesText::run)
                        : with_cpython                          ? tr(PrimesText::compare_start_cpython)
                                                                : tr(PrimesText::compare_start);
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

PrimesText PrimesPanel::python_api(ExecutorKind kind) {
    switch (kind) {
    case ExecutorKind::sequential: return PrimesText::python_sequential;
    case ExecutorKind::threads: return PrimesText::python_threads;
    case ExecutorKind::processes: return PrimesText::python_processes;
    case ExecutorKind::gil: return PrimesText::python_gil;
    }
    return PrimesText::python_gil;
}

void PrimesPanel::draw_controls() {
    const bool is_running = running();
    // Room for the label beside each field; on a phone the fields shrink and the choices stack.
    float widest_label = 0;   // the labels beside the fields: the fields leave them their room (a phone at ×1.25)
    for (const auto label : {PrimesText::executor, PrimesText::runtime, PrimesText::workers, PrimesText::repeats, PrimesText::magnitude})
        widest_label = std::max(widest_label, ImGui::CalcTextSize(tr(label)).x);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float field_w = std::max(slider_min_width("2**64"),
                                   std::min({330.0f * font_scale(), avail * 0.6f, avail - widest_label - ImGui::GetStyle().ItemInnerSpacing.x}));
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
        // With CPython the executors are the talk's own: plain names, and no GIL model (CPython has the real one).
        const bool python = runtime_ == primes::Runtime::python;
        const auto label = [python](ExecutorKind kind) {
            if (!python) return executor_label(kind);
            return tr(kind == ExecutorKind::threads     ? PrimesText::executor_threads
                      : kind == ExecutorKind::processes ? PrimesText::executor_processes
                                                        : PrimesText::executor_sequential);
        };
        if (ImGui::BeginCombo(tr(PrimesText::executor), label(executor_))) {
            for (auto kind : kExecutors) {
                if (python && kind == ExecutorKind::gil) continue;
                if (ImGui::Selectable(label(kind), kind == executor_)) executor_ = kind;
            }
            ImGui::EndCombo();
        }
    }
    draw_field_error(field_errors_, "executor");
    if (view_ == View::single) draw_runtime_choice(field_w);
    // Sequential has one worker: its slider is greyed, not removed, so the rows below stay where the eye left them.
    const bool one_worker = view_ == View::single && executor_ == ExecutorKind::sequential;
    ImGui::BeginDisabled(one_worker);
    ImGui::SetNextItemWidth(field_w);
    slider_int(tr(PrimesText::workers), &workers_, exec::kMinWorkers, exec::kMaxWorkers, "%d", ImGuiSliderFlags_AlwaysClamp);
    if (!one_worker)
        workers_slider_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::CalcItemWidth(),
                           ImGui::GetItemRectSize().y};
    ImGui::EndDisabled();
    draw_field_error(field_errors_, "workers");
    if (view_ == View::compare) {
        ImGui::SetNextItemWidth(field_w);
        slider_int(tr(PrimesText::repeats), &repeats_, primes::kMinRepeats, primes::kMaxRepeats, "%d", ImGuiSliderFlags_AlwaysClamp);
        draw_field_error(field_errors_, "repeats");
    }

    int mode = static_cast<int>(mode_);
    ImGui::TextUnformatted(tr(PrimesText::sample));
    next_choice(PrimesText::sample_talk);
    ImGui::RadioButton(tr(PrimesText::sample_talk), &mode, 0);
    next_choice(PrimesText::sample_fluent);
    ImGui::RadioButton(tr(PrimesText::sample_fluent), &mode, 1);
    next_choice(PrimesText::sample_custom);
    ImGui::RadioButton(tr(PrimesText::sample_custom), &mode, 2);
    mode_ = static_cast<SampleMode>(mode);
    if (mode_ != SampleMode::custom) {   // greyed for Fluent Python's numbers: the row keeps its place
        ImGui::BeginDisabled(mode_ == SampleMode::fluent);
        ImGui::SetNextItemWidth(field_w);
        slider_int(tr(PrimesText::magnitude), &magnitude(), primes::kMinMagnitude, primes::kMaxMagnitude, "2**%d",
                   ImGuiSliderFlags_AlwaysClamp);
        ImGui::EndDisabled();
    } else if (mode_ == SampleMode::custom) {
        // The words above the box, wrapped: beside it they ran past a phone's edge.
        text_disabled_wrapped(tr(PrimesText::numbers));
        ImGui::InputTextMultiline("##numbers", custom_.data(), custom_.capacity() + 1,
                                  ImVec2(std::min(ImGui::GetContentRegionAvail().x, 2 * field_w), 60 * font_scale()),
                                  ImGuiInputTextFlags_CallbackResize, resize_string, &custom_);
    }
    draw_field_error(field_errors_, "sample");
    ImGui::EndDisabled();
    // Notes below the controls: one that comes and goes with the executor moves no field.
    ImGui::PushTextWrapPos(0.0f);
    // Which Python API the chosen model is, and the talk's lessons that go with it (issue 19 §3).
    if (view_ == View::single) ImGui::TextDisabled("%s", tr(python_api(executor_)));
    if (view_ == View::single && executor_ == ExecutorKind::gil) ImGui::TextDisabled("%s", tr(PrimesText::gil_note));
    if (view_ == View::compare || executor_ == ExecutorKind::gil || executor_ == ExecutorKind::threads)
        ImGui::TextDisabled("%s", tr(PrimesText::free_threaded_note));
    if (view_ == View::single && (executor_ == ExecutorKind::gil || executor_ == ExecutorKind::threads))
        ImGui::TextDisabled("%s", tr(PrimesText::c_extensions_note));
    if (view_ == View::single && executor_ == ExecutorKind::processes) ImGui::TextDisabled("%s", tr(PrimesText::processes_memory_note));
    if ((view_ == View::compare || executor_ == ExecutorKind::processes) && !platform::capabilities().os_processes)
        ImGui::TextDisabled("%s", tr(PrimesText::processes_web_note));
    ImGui::PopTextWrapPos();
}

}  // namespace conclab::ui::primes_panel

namespace conclab::ui {

std::unique_ptr<DemoPanel> make_primes_panel() { return std::make_unique<primes_panel::PrimesPanel>(); }

}  // namespace conclab::ui
