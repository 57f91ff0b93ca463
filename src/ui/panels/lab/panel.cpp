// Lab panel — the talk's closing table (threads vs processes vs coroutines: start-up, memory, communication,
// switches, CPU scaling) with every cell measured live on this machine or in this browser, each figure's
// spread beside it and its method one hover (or click) away; charts of the speedup against the ideal line, the
// latency ladder on a log scale at "1 cycle = 1 second" next to the talk's numbers, and memory per unit.
// The lab runs on its own worker thread (lab::LabRun); the panel only polls it. Results export as JSON or CSV,
// and a saved JSON (another machine's) can be loaded beside the current one. What is shown comes from core's
// lab::LabView; the drawing is split by part of the page (lab_panel.h names the files).
// Measures, methods, reasons, notes and the lab's tables come from core as ids with parameters, worded in the app's
// language by lab_words.h and ui/text.
//
// [SECTION] Panel: options, running, state
// [SECTION] Drawing: controls, export and compare
#include "ui/panels/lab/lab_panel.h"
#include "ui/text/text_lab_steps.h"

#include "platform/file_exchange.h"
#include "core/lab/lab_options.h"
#include "core/lab/lab_report.h"
#include "core/lab/python_lab.h"
#include "platform/lab_probes.h"
#include "platform/platform.h"
#include "ui/responsive.h"
#include "ui/text/text_primes.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iterator>

namespace conclab::ui {
namespace lab_panel {

using lab::LabReport;
using lab::Suite;

namespace {

std::string timestamped(const char* extension) {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    return std::string("conclab-lab-") + stamp + extension;
}

}  // namespace

// -----------------------------------------------------------------------------
// [SECTION] Panel: options, running, state
// -----------------------------------------------------------------------------

void LabPanel::autorun() { start(suite_index_ == 0 ? std::nullopt : std::optional<Suite>(lab::kAllSuites[suite_index_ - 1])); }

void LabPanel::main_action() {
    if (!running()) autorun();
    else if (!cancel_asked_) {
        run_->cancel();
        cancel_asked_ = true;
    }
}

options::Params LabPanel::link_params() const {
    return {{"suite", suite_index_ == 0 ? std::string("all") : std::string(lab::to_string(lab::kAllSuites[suite_index_ - 1]))},
            {"quick", quick_ ? "1" : "0"}, {"runtime", python_ ? "python" : "cpp"}};
}

const char* LabPanel::field_label(const std::string& option) const {
    if (option == "runtime" || option == "python" || option == "repeats") return tr(PrimesText::runtime);
    return option == "suite" ? tr(LabText::suite) : option == "quick" ? tr(LabText::quick) : nullptr;
}

// The scaling suite times CPU-bound work on every core: a page ticking beside it would take a core's share from
// the workers and lower the speedup it measures (issue 19 §2). Its progress is drawn when a step ends (update()).
bool LabPanel::measuring_quietly() const { return running() && progress_.suite == lab::Suite::scaling; }

platform::Redraw LabPanel::redraw_need() const {
    return running() && !measuring_quietly() ? platform::Redraw::ticking : platform::Redraw::idle;
}

void LabPanel::apply(const options::Params& params, options::FieldErrors& errors) {
    const lab::LabOptions parsed = lab::parse_lab_options(params, errors);
    if (!errors.count("suite")) suite_index_ = parsed.suite ? 1 + static_cast<int>(*parsed.suite) : 0;
    if (!errors.count("quick")) quick_ = parsed.quick;
    if (params.count("runtime") && !errors.count("runtime")) python_ = parsed.python && platform::capabilities().machine_python;
    if (params.count("python") && !errors.count("python")) python_path_ = parsed.python_path;
    for (const auto& [field, message] : errors)
        if (field == "suite" || field == "quick" || field == "runtime" || field == "python" || field == "repeats") field_errors_[field] = message;
}

void LabPanel::on_screen(bool shown) {
    // On screen: keep the system snapshot fresh (natively on its thread, on the web right here when one is due);
    // it stops by itself a few seconds after the panel leaves the screen. A panel never shown starts nothing.
    if (!shown) return;
    if (!live_) live_ = platform::make_live_system();
    live_->watch();
}

bool LabPanel::update() {
    bool changed = poll_picked_file();
    if (live_ && live_->sequence() != view_.live().sequence) {
        // A new snapshot is drawn only when a figure changed (natively most seconds; on the web seldom): the
        // page stays idle between changes.
        if (view_.set_live(live_->latest())) changed = true;
    }
    if (!run_) return changed;
    lab::LabProgress progress = run_->poll();
    if (progress.steps_done != progress_.steps_done || progress.finished != progress_.finished ||
        progress.step != progress_.step)
        changed = true;
    progress_ = std::move(progress);
    if (changed) view_.set_running(progress_.report);
    if (progress_.finished && !recorded_) {
        recorded_ = true;
        view_.record(progress_.report);
        finished_result_ = lab::to_json(progress_.report);
        changed = true;
    }
    return changed;
}

nlohmann::json LabPanel::state() const {
    nlohmann::json s{{"suite", suite_index_ == 0 ? std::string("all") : std::string(lab::to_string(lab::kAllSuites[suite_index_ - 1]))},
                     {"quick", quick_},
                     {"runtime", python_ ? "python" : "cpp"},
                     {"runtime_available", platform::capabilities().machine_python},
                     {"running", running()},
                     {"fraction", progress_.fraction},
                     {"step", progress_.step},
                     {"steps_done", progress_.steps_done},
                     {"steps_total", progress_.steps_total}};
    if (progress_.suite) s["running_suite"] = std::string(lab::to_string(*progress_.suite));
    s["quiet"] = measuring_quietly();
    put_field_errors(s, field_errors_);
    if (!view_.shown().sections.empty()) s["result"] = lab::to_json(view_.shown());
    if (!export_message_.empty()) s["exported"] = export_message_;
    if (view_.compare()) s["compare"] = {{"name", view_.compare_name()}, {"suites", view_.compare()->sections.size()}};
    if (const auto& live = view_.live(); live.sequence > 0)
        s["live_system"] = {{"sequence", live.sequence},
                            {"taken_at_s", live.taken_at_s},
                            {"cost_ms", live.cost_s * 1e3},
                            {"processes", live.snapshot.processes.size()},
                            {"page_threads", live.snapshot.page_threads.value_or(-1)}};
    return s;
}

void LabPanel::draw() {
    ImGui::TextWrapped("%s", tr(LabText::title));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
    ImGui::TextWrapped("%s", tr(LabText::intro));
    ImGui::PopStyleColor();
    ImGui::Separator();
    draw_controls();
    if (controls_shown()) {
        draw_live_line();
        draw_export_and_compare();
    }
    ImGui::Separator();
    draw_charts();   // the pictures first (speedup by workers, memory per unit), the talk's table after them
    ImGui::Separator();
    draw_summary();
    draw_method_box();
    ImGui::Separator();
    draw_details();
}

// One line under the controls: the machine (or the page) right now, refreshed live.
void LabPanel::draw_live_line() {
    const auto& live = view_.live();
    const auto& snap = live.snapshot;
    if (live.sequence == 0) return;
    char line[400];
    if (!live.error.empty()) {
        missing_cell(live.error);
        return;
    }
    if (!snap.processes_unknown) {
        long threads = 0;
        for (const auto& p : snap.processes) threads += p.threads;
        std::snprintf(line, sizeof line, tr(LabText::live_machine), static_cast<int>(snap.processes.size()), snap.logical_cpus,
                      static_cast<double>(snap.processes.size()) / std::max(1, snap.logical_cpus), threads);
    } else {
        std::snprintf(line, sizeof line, tr(LabText::live_page), snap.logical_cpus, snap.page_threads.value_or(0),
                      snap.page_idle_workers.value_or(0));
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.85f, 0.6f, 1.0f));
    ImGui::TextWrapped("%s", line);
    ImGui::PopStyleColor();
    char every[32];
    std::snprintf(every, sizeof every, "%g", static_cast<double>(live_->interval().count()) / 1000.0);
    char refresh[200];
    std::snprintf(refresh, sizeof refresh, tr(LabText::live_refresh), every);
    // Beside the figures when the line has room, else below them.
    same_line_if_fits(ImGui::CalcTextSize(refresh).x);
    text_disabled_wrapped(refresh);
    if (snap.processes_unknown) text_disabled_wrapped(tr(LabText::live_page_cannot));
}

void LabPanel::start(std::optional<Suite> suite) {
    if (running()) return;
    field_errors_.erase("run");
    options::Params params{{"suite", suite ? std::string(lab::to_string(*suite)) : std::string("all")}};
    if (quick_) params.emplace("quick", "1");
    if (python_) params.emplace("runtime", "python");
    if (python_ && !python_path_.empty()) params.emplace("python", python_path_);
    options::FieldErrors errors;
    lab::LabOptions options = lab::parse_lab_options(params, errors);   // the CLI's and the query string's parser
    if (!errors.empty()) {
        field_errors_ = errors;
        return;
    }
    field_errors_.erase("runtime");
    lab::PythonLabRunner python;
    if (options.python) {
        try {   // a python -c start-up on the UI thread, once per run: tens of ms
            const exec::RuntimeInfo runtime = platform::probe_python(options.python_path);
            platform::python_script("lab.py");
            python = lab::script_lab_runner([runtime](exec::ScriptJob job) {
                return platform::make_script_executor(exec::ExecutorKind::processes, 1, runtime, std::move(job));
            });
        } catch (const platform::PythonUnavailable& e) {
            field_errors_["runtime"] = e.what();
            return;
        }
    }
    try {
        // The old run has finished (its thread has ended): destroying it here joins nothing that could hang.
        run_ = std::make_unique<lab::LabRun>(options, platform::make_lab_probes(), platform::logical_cpus(), python);
        progress_ = {};
        recorded_ = false;
        cancel_asked_ = false;
    } catch (const std::exception& e) {
        field_errors_["run"] = std::string(tr(PrimesText::run_failed)) + ": " + e.what();
    }
}

bool LabPanel::poll_picked_file() {
    try {
        auto picked = platform::take_picked_file();
        if (!picked) return false;
        load_compare(picked->name, picked->contents);
    } catch (const std::exception& e) {
        field_errors_["compare"] = e.what();
    }
    return true;
}

void LabPanel::load_compare(const std::string& name, const std::string& text) {
    field_errors_.erase("compare");
    if (auto error = view_.load_compare(name, text)) field_errors_["compare"] = std::move(*error);
}

// -----------------------------------------------------------------------------
// [SECTION] Drawing: controls, export and compare
// -----------------------------------------------------------------------------

// One row of controls on a wide panel; on a narrow one each control goes on the next line when it does not
// fit whole, and every line of text wraps.
namespace {
// A combo at most `wanted` wide that leaves its label room on the line (a phone's line is narrower than the combo).
float combo_width_beside_label(float wanted, const char* label) {
    const float label_w = ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    return std::max(80.0f, std::min(wanted, ImGui::GetContentRegionAvail().x - label_w));
}
}  // namespace

void LabPanel::draw_controls() {
    const bool busy = running();
    ImGui::BeginDisabled(busy);
    if (ImGui::Button(tr(LabText::run_all), ImVec2(std::max(130.0f, button_width(tr(LabText::run_all))), 0))) start(std::nullopt);
    const float combo_w = 170;
    same_line_if_fits(combo_w + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(LabText::suite)).x);
    ImGui::SetNextItemWidth(combo_width_beside_label(combo_w, tr(LabText::suite)));
    const std::string current = suite_index_ == 0 ? tr(LabText::all_suites)
                                                  : std::string(lab::to_string(lab::kAllSuites[suite_index_ - 1]));
    if (ImGui::BeginCombo(tr(LabText::suite), current.c_str())) {
        if (ImGui::Selectable(tr(LabText::all_suites), suite_index_ == 0)) suite_index_ = 0;
        for (int i = 0; i < static_cast<int>(std::size(lab::kAllSuites)); ++i)
            if (ImGui::Selectable(std::string(lab::to_string(lab::kAllSuites[i])).c_str(), suite_index_ == i + 1))
                suite_index_ = i + 1;
        ImGui::EndCombo();
    }
    same_line_if_fits(button_width(tr(LabText::run_suite)));
    if (ImGui::Button(tr(LabText::run_suite)))
        start(suite_index_ == 0 ? std::nullopt : std::optional<Suite>(lab::kAllSuites[suite_index_ - 1]));
    same_line_if_fits(choice_width(tr(LabText::quick)));
    checkbox_wrapped(tr(LabText::quick), &quick_);
    // C++ alone, or CPython's columns beside it; on the page visibly unavailable, with the reason below.
    const bool machine = platform::capabilities().machine_python;
    const char* runtime = python_ ? tr(LabText::runtime_cpp_and_python) : tr(PrimesText::runtime_cpp);
    const float runtime_w = 340;
    same_line_if_fits(runtime_w + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(PrimesText::runtime)).x);
    ImGui::SetNextItemWidth(combo_width_beside_label(runtime_w, tr(PrimesText::runtime)));
    if (ImGui::BeginCombo(tr(PrimesText::runtime), runtime)) {
        if (ImGui::Selectable(tr(PrimesText::runtime_cpp), !python_)) python_ = false;
        ImGui::BeginDisabled(!machine);
        if (ImGui::Selectable(tr(LabText::runtime_cpp_and_python), python_)) python_ = true;
        ImGui::EndDisabled();
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    if (!machine) text_disabled_wrapped(tr(LabText::cpython_native_only));
    draw_field_error(field_errors_, "runtime");
    draw_field_error(field_errors_, "python");
    draw_field_error(field_errors_, "suite");
    draw_field_error(field_errors_, "quick");
    draw_field_error(field_errors_, "run");

    if (!run_) {
        text_disabled_wrapped(tr(LabText::not_run_yet));
        return;
    }
    char overlay[160];
    std::string step;
    if (progress_.suite) {
        step = suite_words(*progress_.suite, language());
        step += ": ";
        step += step_words(progress_.step_name, language());
    }
    std::snprintf(overlay, sizeof overlay, "%d/%d  %s", progress_.steps_done, progress_.steps_total, step.c_str());
    ImGui::ProgressBar(static_cast<float>(progress_.fraction), ImVec2(std::min(520.0f, ImGui::GetContentRegionAvail().x), 0), overlay);
    ImGui::PushTextWrapPos(0.0f);
    if (busy) {
        if (cancel_asked_) {
            same_line_if_fits(ImGui::CalcTextSize(tr(LabText::cancelling)).x);
            ImGui::TextDisabled("%s", tr(LabText::cancelling));
        } else {
            same_line_if_fits(button_width(tr(PrimesText::cancel)));
            if (ImGui::Button(tr(PrimesText::cancel))) {
                run_->cancel();
                cancel_asked_ = true;
            }
        }
        same_line_if_fits(ImGui::CalcTextSize(tr(LabText::running_on_worker)).x);
        ImGui::TextDisabled("%s", tr(LabText::running_on_worker));
    } else {
        const char* outcome = tr(progress_.cancelled ? LabText::cancelled : LabText::finished);
        same_line_if_fits(ImGui::CalcTextSize(outcome).x);
        ImGui::TextDisabled("%s", outcome);
    }
    ImGui::PopTextWrapPos();
}

void LabPanel::draw_export_and_compare() {
    const bool have = !view_.results().sections.empty();
    ImGui::BeginDisabled(!have);
    if (ImGui::Button(tr(LabText::export_json))) export_as(".json", "application/json", lab::to_json(view_.results()).dump(2) + "\n");
    same_line_if_fits(button_width(tr(LabText::export_csv)));
    if (ImGui::Button(tr(LabText::export_csv))) export_as(".csv", "text/csv", lab::to_csv(view_.results()));
    ImGui::EndDisabled();
    if (!have && (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))) ImGui::SetTooltip("%s", tr(LabText::nothing_to_export));
    ImGui::PushTextWrapPos(0.0f);
    if (!export_message_.empty()) {
        const std::string saved = std::string(tr(LabText::saved)) + " " + export_message_;
        same_line_if_fits(ImGui::CalcTextSize(saved.c_str()).x);
        ImGui::TextDisabled("%s", saved.c_str());
    }
    draw_field_error(field_errors_, "export");

    ImGui::TextUnformatted(tr(LabText::compare));
    ImGui::PopTextWrapPos();
    if (platform::has_file_picker()) {
        if (ImGui::Button(tr(LabText::pick_file))) platform::open_file_picker(".json,application/json");
    } else {
        // The path takes what the Load button leaves (up to 420), the button stays beside it.
        const float load_w = button_width(tr(LabText::load)) + ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetNextItemWidth(std::max(120.0f, std::min(420.0f, ImGui::GetContentRegionAvail().x - load_w)));
        ImGui::InputTextWithHint("##compare_path", tr(LabText::path), compare_path_.data(), compare_path_.capacity() + 1,
                                 ImGuiInputTextFlags_CallbackResize, resize_string, &compare_path_);
        same_line_if_fits(button_width(tr(LabText::load)));
        if (ImGui::Button(tr(LabText::load))) {
            try {
                load_compare(compare_path_, platform::read_text_file(compare_path_));
            } catch (const std::exception& e) {
                field_errors_["compare"] = e.what();
            }
        }
    }
    if (view_.compare()) {
        const std::string loaded = std::string(tr(LabText::loaded)) + " " + view_.compare_name();
        same_line_if_fits(ImGui::CalcTextSize(loaded.c_str()).x);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(kCompareColour, "%s", loaded.c_str());
        ImGui::PopTextWrapPos();
        same_line_if_fits(button_width(tr(LabText::remove)));
        if (ImGui::SmallButton(tr(LabText::remove))) view_.clear_compare();
    }
    draw_field_error(field_errors_, "compare");
}

void LabPanel::export_as(const char* extension, const char* mime, const std::string& contents) {
    field_errors_.erase("export");
    try {
        export_message_ = platform::export_file(timestamped(extension), mime, contents);
    } catch (const std::exception& e) {
        field_errors_["export"] = e.what();
    }
}

}  // namespace lab_panel

std::unique_ptr<DemoPanel> make_lab_panel() { return std::make_unique<lab_panel::LabPanel>(); }

}  // namespace conclab::ui
