// Lab panel — the talk's closing table (threads vs processes vs coroutines: start-up, memory, communication,
// switches, CPU scaling) with every cell measured live on this machine or in this browser, each figure's
// spread beside it and its method one hover (or click) away; charts of the speedup against the ideal line, the
// latency ladder on a log scale at "1 cycle = 1 second" next to the talk's numbers, and memory per unit.
// The lab runs on its own worker thread (lab::LabRun); the panel only polls it. Results export as JSON or CSV,
// and a saved JSON (another machine's) can be loaded beside the current one.
// The figures' names, methods and notes come from core in English; lab_words.h shows them in the app's language.
//
// [SECTION] Helpers: figures, cells, lookups
// [SECTION] Panel: options, running, state
// [SECTION] Drawing: controls, export and compare
// [SECTION] Drawing: the summary table
// [SECTION] Drawing: charts
// [SECTION] Drawing: every figure by suite
#include "demo_panel.h"

#include "file_exchange.h"
#include "lab_words.h"
#include "lab/lab_options.h"
#include "lab/lab_report.h"
#include "lab/lab_run.h"
#include "lab/live_system.h"
#include "lab_probes.h"
#include "platform.h"
#include "responsive.h"
#include "text/text_lab.h"
#include "text/text_lab_words.h"
#include "text/text_primes.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <map>

namespace conclab::ui {
namespace {

using lab::Column;
using lab::Figure;
using lab::LabReport;
using lab::Measure;
using lab::Section;
using lab::Suite;

// -----------------------------------------------------------------------------
// [SECTION] Helpers: figures, cells, lookups
// -----------------------------------------------------------------------------

const ImVec4 kDim(0.62f, 0.65f, 0.70f, 1.0f);
const ImVec4 kCompareColour(0.95f, 0.75f, 0.35f, 1.0f);
const ImVec4 kMissingColour(0.80f, 0.62f, 0.45f, 1.0f);
constexpr ImU32 kThreadsColour = IM_COL32(86, 156, 214, 255);
constexpr ImU32 kProcessesColour = IM_COL32(220, 140, 60, 255);
constexpr ImU32 kCoroutinesColour = IM_COL32(120, 190, 90, 255);
constexpr ImU32 kGilColour = IM_COL32(200, 100, 170, 255);
constexpr ImU32 kTalkColour = IM_COL32(150, 150, 160, 255);
constexpr ImU32 kCompareU32 = IM_COL32(242, 190, 90, 255);

std::string figure_text(const Figure& f) { return lab::format_number(f.value) + " " + f.unit; }

std::string spread_text(const Figure& f) {
    if (f.samples <= 1 || f.spread_low == f.spread_high) return {};
    return lab::format_number(f.spread_low) + "\u2013" + lab::format_number(f.spread_high);
}

// The width a figure's cell needs: its value, or its spread when that goes below it and is wider.
float figure_width(const Figure& f) {
    const std::string spread = spread_text(f);
    const float value = ImGui::CalcTextSize(figure_text(f).c_str()).x;
    return spread.empty() ? value : std::max(value, ImGui::CalcTextSize(("(" + spread + ")").c_str()).x);
}

// Sections of `update` replace those of `into` (the same suite), the others stay; kept in the lab's suite order.
void merge_into(LabReport& into, const LabReport& update) {
    for (const auto& section : update.sections) {
        bool replaced = false;
        for (auto& existing : into.sections)
            if (existing.suite == section.suite) {
                existing = section;
                replaced = true;
            }
        if (!replaced) into.sections.push_back(section);
    }
    std::sort(into.sections.begin(), into.sections.end(),
              [](const Section& a, const Section& b) { return static_cast<int>(a.suite) < static_cast<int>(b.suite); });
    into.quick = update.quick;
    into.cancelled = update.cancelled;
    into.finished = update.finished;
}

const Measure* find_measure(const LabReport& report, Suite suite, const std::string& name) {
    const Section* section = report.find(suite);
    return section ? section->find(name) : nullptr;
}

// The speedup row nearest below "one worker per CPU" (the curve's knee), for threads or processes.
const Measure* speedup_at_cpus(const LabReport& report, int cpus) {
    const Section* section = report.find(Suite::scaling);
    if (!section) return nullptr;
    const Measure* best = nullptr;
    for (const auto& m : section->measures)
        if (m.curve == "speedup" && m.x && *m.x <= cpus && (!best || *m.x > *best->x)) best = &m;
    return best;
}

int cpus_of(const LabReport& report, int fallback) {
    if (const Measure* m = find_measure(report, Suite::system, "logical CPUs"))
        if (const Figure* f = m->at(Column::machine)) return std::max(1, static_cast<int>(f->value));
    return fallback;
}

// "12.3 ns" → 12.3; text that starts with no number → nullopt (our own ladder table's cells).
std::optional<double> leading_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(value)) return std::nullopt;
    return value;
}

struct Rung {
    std::string name;
    std::optional<double> talk_cycles, here_cycles;
    std::string talk_human, here_human, measured_as;
};

// The rungs of a report's ladder table (lab::ladder_table's columns).
std::vector<Rung> ladder_rungs(const LabReport& report) {
    std::vector<Rung> rungs;
    const Section* section = report.find(Suite::latency);
    if (!section) return rungs;
    for (const auto& t : section->tables) {
        if (t.header.size() < 7 || t.header[0] != "rung") continue;
        for (const auto& row : t.rows) {
            if (row.size() < 7) continue;
            rungs.push_back({row[0], leading_number(row[1]), leading_number(row[4]), row[2], row[5], row[6]});
        }
    }
    return rungs;
}

const lab::Table* ladder_table(const LabReport& report) {
    const Section* section = report.find(Suite::latency);
    if (!section) return nullptr;
    for (const auto& t : section->tables)
        if (!t.header.empty() && t.header[0] == "rung") return &t;
    return nullptr;
}

std::string timestamped(const char* extension) {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    return std::string("conclab-lab-") + stamp + extension;
}

struct SummaryRow {
    LabText label;
    Suite suite;
    const char* measure;              // nullptr: the speedup row, found by workers
    std::optional<LabText> coroutine_note;
};

const SummaryRow kSummaryRows[] = {
    {LabText::row_startup, Suite::startup, "start + finish one", std::nullopt},
    {LabText::row_resident, Suite::memory, "resident memory each", std::nullopt},
    {LabText::row_virtual, Suite::memory, "virtual memory each", std::nullopt},
    {LabText::row_wasm, Suite::memory, "wasm memory each", std::nullopt},
    {LabText::row_round_trip, Suite::ipc, "64 B round trip (atomics / pipe)", LabText::coroutine_call},
    {LabText::row_throughput, Suite::ipc, "1 MiB throughput (atomics / pipe)", LabText::coroutine_call},
    {LabText::row_switches, Suite::switches, "switches per second", std::nullopt},
    {LabText::row_speedup, Suite::scaling, nullptr, LabText::coroutine_no_speedup},
};

constexpr Column kModelColumns[] = {Column::threads, Column::processes, Column::coroutines};

// -----------------------------------------------------------------------------
// [SECTION] Panel: options, running, state
// -----------------------------------------------------------------------------

class LabPanel final : public DemoPanel {
public:
    const char* title() const override { return tr(LabText::menu); }
    options::Params link_params() const override {   // the page's link (app.cpp)
        return {{"suite", suite_index_ == 0 ? std::string("all") : std::string(lab::to_string(lab::kAllSuites[suite_index_ - 1]))},
                {"quick", quick_ ? "1" : "0"}};
    }
    const char* field_label(const std::string& option) const override {   // a bad link's errors, by their field
        return option == "suite" ? tr(LabText::suite) : option == "quick" ? tr(LabText::quick) : nullptr;
    }

    void apply(const options::Params& params, options::FieldErrors& errors) override {
        const lab::LabOptions parsed = lab::parse_lab_options(params, errors);
        if (!errors.count("suite")) suite_index_ = parsed.suite ? 1 + static_cast<int>(*parsed.suite) : 0;
        if (!errors.count("quick")) quick_ = parsed.quick;
        for (const auto& [field, message] : errors)
            if (field == "suite" || field == "quick") field_errors_[field] = message;
    }

    void autorun() override { start(suite_index_ == 0 ? std::nullopt : std::optional<Suite>(lab::kAllSuites[suite_index_ - 1])); }

    void main_action() override {   // Space: Run, or Cancel while it runs
        if (!running()) autorun();
        else if (!cancel_asked_) {
            run_->cancel();
            cancel_asked_ = true;
        }
    }

    void on_screen(bool shown) override {
        // On screen: keep the system snapshot fresh (natively on its thread, on the web right here when one is due);
        // it stops by itself a few seconds after the panel leaves the screen. A panel never shown starts nothing.
        if (!shown) return;
        if (!live_) live_ = platform::make_live_system();
        live_->watch();
    }

    bool update() override {
        bool changed = poll_picked_file();
        if (live_ && live_->sequence() != live_snapshot_.sequence) {
            // A new snapshot is drawn only when a figure changed (natively most seconds; on the web seldom): the
            // page stays idle between changes.
            lab::LiveSnapshot fresh = live_->latest();
            const bool differs = !same_figures(fresh, live_snapshot_);
            live_snapshot_ = std::move(fresh);
            if (differs) {
                rebuild_shown();
                changed = true;
            }
        }
        if (!run_) return changed;
        lab::LabProgress progress = run_->poll();
        if (progress.steps_done != progress_.steps_done || progress.finished != progress_.finished ||
            progress.step != progress_.step)
            changed = true;
        progress_ = std::move(progress);
        if (changed) rebuild_shown();
        if (progress_.finished && !recorded_) {
            recorded_ = true;
            merge_into(results_, progress_.report);
            rebuild_shown();
            finished_result_ = lab::to_json(progress_.report);
            changed = true;
        }
        return changed;
    }

    platform::Redraw redraw_need() const override { return running() ? platform::Redraw::ticking : platform::Redraw::idle; }

    nlohmann::json state() const override {
        nlohmann::json s{{"suite", suite_index_ == 0 ? std::string("all") : std::string(lab::to_string(lab::kAllSuites[suite_index_ - 1]))},
                         {"quick", quick_},
                         {"running", running()},
                         {"fraction", progress_.fraction},
                         {"step", progress_.step},
                         {"steps_done", progress_.steps_done},
                         {"steps_total", progress_.steps_total}};
        if (!field_errors_.empty()) s["errors"] = field_errors_;
        if (!shown_.sections.empty()) s["result"] = lab::to_json(shown_);
        if (!export_message_.empty()) s["exported"] = export_message_;
        if (compare_) s["compare"] = {{"name", compare_name_}, {"suites", compare_->sections.size()}};
        if (live_snapshot_.sequence > 0)
            s["live_system"] = {{"sequence", live_snapshot_.sequence},
                                {"taken_at_s", live_snapshot_.taken_at_s},
                                {"cost_ms", live_snapshot_.cost_s * 1e3},
                                {"processes", live_snapshot_.snapshot.processes.size()},
                                {"page_threads", live_snapshot_.snapshot.page_threads.value_or(-1)}};
        return s;
    }

    void draw() override {
        ImGui::TextWrapped("%s", tr(LabText::title));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
        ImGui::TextWrapped("%s", tr(LabText::intro));
        ImGui::PopStyleColor();
        ImGui::Separator();
        draw_controls();
        draw_live_line();
        draw_export_and_compare();
        ImGui::Separator();
        draw_summary();
        draw_method_box();
        ImGui::Separator();
        draw_charts();
        ImGui::Separator();
        draw_details();
    }

private:
    bool running() const { return run_ && !progress_.finished; }

    // What is drawn: the finished results, the run in progress over them, the live system snapshot over both.
    void rebuild_shown() {
        shown_ = results_;
        if (run_) merge_into(shown_, progress_.report);
        if (live_snapshot_.sequence > 0) {
            LabReport live;
            live.sections.push_back(live_snapshot_.section);
            const bool quick = shown_.quick, cancelled = shown_.cancelled, finished = shown_.finished;
            merge_into(shown_, live);
            shown_.quick = quick;
            shown_.cancelled = cancelled;
            shown_.finished = finished;
        }
    }

    static bool same_figures(const lab::LiveSnapshot& a, const lab::LiveSnapshot& b) {
        if (a.sequence == 0 || b.sequence == 0) return a.sequence == b.sequence;
        const auto& x = a.snapshot;
        const auto& y = b.snapshot;
        if (a.error != b.error || x.logical_cpus != y.logical_cpus || x.device_memory_gib != y.device_memory_gib ||
            x.page_threads != y.page_threads || x.page_idle_workers != y.page_idle_workers || x.processes.size() != y.processes.size())
            return false;
        for (std::size_t i = 0; i < x.processes.size(); ++i)
            if (x.processes[i].pid != y.processes[i].pid || x.processes[i].threads != y.processes[i].threads ||
                x.processes[i].name != y.processes[i].name)
                return false;
        return true;
    }

    // One line under the controls: the machine (or the page) right now, refreshed live.
    void draw_live_line() {
        const auto& snap = live_snapshot_.snapshot;
        if (live_snapshot_.sequence == 0) return;
        char line[400];
        if (!live_snapshot_.error.empty()) {
            missing_cell(live_snapshot_.error);
            return;
        }
        if (snap.processes_unknown.empty()) {
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
        if (!snap.processes_unknown.empty()) text_disabled_wrapped(tr(LabText::live_page_cannot));
    }

    void start(std::optional<Suite> suite) {
        if (running()) return;
        field_errors_.erase("run");
        options::Params params{{"suite", suite ? std::string(lab::to_string(*suite)) : std::string("all")}};
        if (quick_) params["quick"] = "1";
        options::FieldErrors errors;
        lab::LabOptions options = lab::parse_lab_options(params, errors);   // the CLI's and the query string's parser
        if (!errors.empty()) {
            field_errors_ = errors;
            return;
        }
        try {
            // The old run has finished (its thread has ended): destroying it here joins nothing that could hang.
            run_ = std::make_unique<lab::LabRun>(options, platform::make_lab_probes(), platform::logical_cpus());
            progress_ = {};
            recorded_ = false;
            cancel_asked_ = false;
        } catch (const std::exception& e) {
            field_errors_["run"] = std::string(tr(PrimesText::run_failed)) + ": " + e.what();
        }
    }

    bool poll_picked_file() {
        try {
            auto picked = platform::take_picked_file();
            if (!picked) return false;
            load_compare(picked->name, picked->contents);
        } catch (const std::exception& e) {
            field_errors_["compare"] = e.what();
        }
        return true;
    }

    void load_compare(const std::string& name, const std::string& text) {
        field_errors_.erase("compare");
        try {
            const auto doc = nlohmann::json::parse(text);
            compare_ = lab::report_from_json(doc);
            compare_name_ = name;
        } catch (const nlohmann::json::parse_error&) {
            field_errors_["compare"] = name + " is not JSON";
        } catch (const std::exception& e) {
            field_errors_["compare"] = name + ": " + e.what();
        }
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: controls, export and compare
    // -------------------------------------------------------------------------

    // One row of controls on a wide panel; on a narrow one each control goes on the next line when it does not
    // fit whole, and every line of text wraps.
    void draw_controls() {
        const bool busy = running();
        ImGui::BeginDisabled(busy);
        if (ImGui::Button(tr(LabText::run_all), ImVec2(std::max(130.0f, button_width(tr(LabText::run_all))), 0))) start(std::nullopt);
        const float combo_w = 170;
        same_line_if_fits(combo_w + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(LabText::suite)).x);
        ImGui::SetNextItemWidth(std::min(combo_w, ImGui::GetContentRegionAvail().x));
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
        ImGui::EndDisabled();
        draw_field_error(field_errors_, "suite");
        draw_field_error(field_errors_, "quick");
        draw_field_error(field_errors_, "run");

        if (!run_) {
            text_disabled_wrapped(tr(LabText::not_run_yet));
            return;
        }
        char overlay[160];
        const std::string step = progress_.suite ? std::string(lab::to_string(*progress_.suite)) + ": " + progress_.step : progress_.step;
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

    void draw_export_and_compare() {
        const bool have = !results_.sections.empty();
        ImGui::BeginDisabled(!have);
        if (ImGui::Button(tr(LabText::export_json))) export_as(".json", "application/json", lab::to_json(results_).dump(2) + "\n");
        same_line_if_fits(button_width(tr(LabText::export_csv)));
        if (ImGui::Button(tr(LabText::export_csv))) export_as(".csv", "text/csv", lab::to_csv(results_));
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
        if (compare_) {
            const std::string loaded = std::string(tr(LabText::loaded)) + " " + compare_name_;
            same_line_if_fits(ImGui::CalcTextSize(loaded.c_str()).x);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(kCompareColour, "%s", loaded.c_str());
            ImGui::PopTextWrapPos();
            same_line_if_fits(button_width(tr(LabText::remove)));
            if (ImGui::SmallButton(tr(LabText::remove))) compare_.reset();
        }
        draw_field_error(field_errors_, "compare");
    }

    void export_as(const char* extension, const char* mime, const std::string& contents) {
        field_errors_.erase("export");
        try {
            export_message_ = platform::export_file(timestamped(extension), mime, contents);
        } catch (const std::exception& e) {
            field_errors_["export"] = e.what();
        }
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: the summary table
    // -------------------------------------------------------------------------

    LabText column_title(Column c) const {
        switch (c) {
        case Column::threads: return LabText::threads;
        case Column::processes: return platform::capabilities().os_processes ? LabText::processes : LabText::processes_web;
        default: return LabText::coroutines;
        }
    }

    static LabText short_title(Column c) {
        return c == Column::threads ? LabText::threads : c == Column::processes ? LabText::processes : LabText::coroutines;
    }

    // A figure as a selectable cell: the method on hover, kept below the table on a click.
    void figure_cell(const Figure& f, const std::string& id, const std::string& what) {
        const std::string text = figure_text(f);
        const std::string spread = spread_text(f);
        // The spread beside the figure when the cell is wide enough, else below it.
        const bool spread_beside =
            ImGui::CalcTextSize((text + "  (" + spread + ")").c_str()).x <= ImGui::GetContentRegionAvail().x;
        ImGui::PushID(id.c_str());
        const bool selected = selected_id_ == id;
        if (ImGui::Selectable(text.c_str(), selected, ImGuiSelectableFlags_None,
                              ImVec2(ImGui::CalcTextSize(text.c_str()).x, 0))) {
            selected_id_ = selected ? std::string() : id;
            selected_method_ = what + ": " + lab_words(f.method);
            selected_detail_ = std::to_string(f.samples) + " " + tr(LabText::samples) +
                               (spread.empty() ? std::string() : ", " + std::string(tr(LabText::spread)) + " " + f.spread_kind + " " + spread);
        }
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
            ImGui::TextUnformatted(lab_words(f.method).c_str());
            ImGui::TextDisabled("%d %s%s%s", f.samples, tr(LabText::samples), spread.empty() ? "" : (std::string(", ") + f.spread_kind + " ").c_str(),
                                spread.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
        if (!spread.empty()) {
            if (spread_beside) ImGui::SameLine(0, 6);
            ImGui::TextDisabled("(%s)", spread.c_str());
        }
    }

    void missing_cell(const std::string& why) {
        ImGui::PushStyleColor(ImGuiCol_Text, kMissingColour);
        ImGui::TextWrapped("%s", lab_words(why).c_str());
        ImGui::PopStyleColor();
    }

    void compare_line(const Measure* other, Column c) {
        if (!compare_) return;
        ImGui::PushTextWrapPos(0.0f);   // the cell's edge: a long figure and its spread wrap, never clip
        compare_figure(other, c);
        ImGui::PopTextWrapPos();
    }

    void compare_figure(const Measure* other, Column c) {
        if (const Figure* f = other ? other->at(c) : nullptr)
            ImGui::TextColored(kCompareColour, "%s", (figure_text(*f) + (spread_text(*f).empty() ? "" : "\u00a0(" + spread_text(*f) + ")")).c_str());
        else if (other && other->missing.count(c))
            ImGui::TextColored(kCompareColour, "-");
    }

    // A table with one column per model where every column keeps room for its widest figure; on a narrower panel
    // (a tablet beside the sidebar, a phone) one card per measure: its name above, one line per model below.
    void draw_summary() {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr(LabText::summary));
        if (compare_) {
            const std::string loaded = "(" + std::string(tr(LabText::loaded)) + ": " + compare_name_ + ")";
            same_line_if_fits(ImGui::CalcTextSize(loaded.c_str()).x);
            ImGui::TextColored(kCompareColour, "%s", loaded.c_str());
        }
        ImGui::PopTextWrapPos();
        const int cpus = cpus_of(shown_, platform::logical_cpus());
        struct Shown {
            const SummaryRow* row;
            const Measure* m;
            const Measure* other;
        };
        std::vector<Shown> rows;
        float widest = ImGui::CalcTextSize(tr(LabText::not_measured)).x;
        for (const auto& row : kSummaryRows) {
            const Measure* m = row.measure ? find_measure(shown_, row.suite, row.measure) : speedup_at_cpus(shown_, cpus);
            const Measure* other = nullptr;
            if (compare_)
                other = row.measure ? find_measure(*compare_, row.suite, row.measure) : speedup_at_cpus(*compare_, cpus_of(*compare_, cpus));
            // The wasm row only where some run measured wasm memory (the web); the reserved row only where one has it.
            if (!m && !other && row.label == LabText::row_wasm) continue;
            rows.push_back({&row, m, other});
            for (const Measure* each : {m, other})
                for (Column c : kModelColumns)
                    if (const Figure* f = each ? each->at(c) : nullptr) widest = std::max(widest, figure_width(*f));
        }
        const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
        const float value_w = widest + padding;
        const bool as_table = ImGui::GetContentRegionAvail().x >= kMeasureMinWidth + padding + 3 * value_w;
        const auto cell = [&](const Shown& r, Column c) {
            const std::string id = std::string(tr(r.row->label)) + "/" + std::string(lab::to_string(c));
            if (const Figure* f = r.m ? r.m->at(c) : nullptr) {
                figure_cell(*f, id, std::string(tr(r.row->label)) + ", " + tr(column_title(c)));
            } else if (c == Column::coroutines && r.row->coroutine_note) {
                text_disabled_wrapped(tr(*r.row->coroutine_note));
            } else if (r.m && r.m->missing.count(c)) {
                missing_cell(r.m->missing.at(c));
            } else if (shown_.find(r.row->suite)) {
                ImGui::TextDisabled("\u2013");   // the suite ran and has no such figure for this model
            } else {
                text_disabled_wrapped(tr(LabText::not_measured));
            }
            compare_line(r.other, c);
        };
        const auto workers_note = [](const Shown& r) {
            if (!r.row->measure && r.m && r.m->x) ImGui::TextDisabled("%d %s", static_cast<int>(*r.m->x), tr(LabText::workers_axis));
        };
        std::vector<std::string> titles;
        for (Column c : kModelColumns) titles.emplace_back(tr(column_title(c)));
        if (!as_table) {
            for (std::size_t i = 0; i < rows.size(); ++i) {
                measure_card(("##summary" + std::to_string(i)).c_str(), tr(rows[i].row->label), titles,
                             [&](std::size_t k) { cell(rows[i], kModelColumns[k]); }, [&] { workers_note(rows[i]); });
            }
            return;
        }
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
        if (!ImGui::BeginTable("##summary", 4, flags)) return;
        ImGui::TableSetupColumn(tr(LabText::measure), ImGuiTableColumnFlags_WidthStretch, 1.25f);
        for (Column c : kModelColumns) ImGui::TableSetupColumn(tr(column_title(c)), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        wrapped_headers({tr(LabText::measure), titles[0], titles[1], titles[2]});
        for (const auto& r : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", tr(r.row->label));
            workers_note(r);
            for (Column c : kModelColumns) {
                ImGui::TableNextColumn();
                cell(r, c);
            }
        }
        ImGui::EndTable();
    }

    static constexpr float kMeasureMinWidth = 150.0f;   // a table's measure column: its words wrap, none is cut

    // A header row whose titles wrap in their columns ("Processes (isolated Workers)" in a narrow column).
    static void wrapped_headers(const std::vector<std::string>& titles) {
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (const auto& title : titles) {
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", title.c_str());
        }
    }

    // A measure as a card on a narrow panel: its name (and `note`) above, then one row per column: the column's
    // name, and its cell drawn by `cell(k)`. The names' column is as wide as the widest name, at most 40%.
    template <typename Cell, typename Note>
    static void measure_card(const char* id, const char* name, const std::vector<std::string>& columns, Cell&& cell, Note&& note) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(name);
        ImGui::PopTextWrapPos();
        note();
        float names_w = 0;
        for (const auto& c : columns) names_w = std::max(names_w, ImGui::CalcTextSize(c.c_str()).x);
        names_w = std::min(names_w, ImGui::GetContentRegionAvail().x * 0.4f);
        if (ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthFixed, names_w);
            ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch);
            for (std::size_t k = 0; k < columns.size(); ++k) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushStyleColor(ImGuiCol_Text, kDim);
                ImGui::TextWrapped("%s", columns[k].c_str());
                ImGui::PopStyleColor();
                ImGui::TableNextColumn();
                cell(k);
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
    }

    void draw_method_box() {
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

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: charts
    // -------------------------------------------------------------------------

    // The speedup and the memory charts side by side while each keeps kChartMinWidth, else one above the other.
    void draw_charts() {
        if (ImGui::GetContentRegionAvail().x < 2 * kChartMinWidth) {
            draw_speedup_chart();
            ImGui::Spacing();
            draw_memory_chart();
            ImGui::Spacing();
            draw_ladder();
            return;
        }
        if (!ImGui::BeginTable("##charts", 2, ImGuiTableFlags_BordersInnerV)) return;
        ImGui::TableSetupColumn("##left", ImGuiTableColumnFlags_WidthStretch, 0.5f);
        ImGui::TableSetupColumn("##right", ImGuiTableColumnFlags_WidthStretch, 0.5f);
        ImGui::TableNextColumn();
        draw_speedup_chart();
        ImGui::TableNextColumn();
        draw_memory_chart();
        ImGui::EndTable();
        draw_ladder();
    }

    static constexpr float kChartMinWidth = 340.0f;

    struct Point {
        double x, y, low, high;
    };

    static std::vector<Point> curve(const LabReport& report, const std::string& name, Column column) {
        std::vector<Point> points;
        if (const Section* s = report.find(Suite::scaling))
            for (const auto& m : s->measures)
                if (m.curve == name && m.x)
                    if (const Figure* f = m.at(column)) points.push_back({*m.x, f->value, f->spread_low, f->spread_high});
        std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.x < b.x; });
        return points;
    }

    void draw_speedup_chart() {
        ImGui::TextWrapped("%s", tr(LabText::speedup_chart));
        struct Series {
            std::vector<Point> points;
            ImU32 colour;
            const char* label;
            bool compare;
        };
        std::vector<Series> series;
        auto add = [&](const LabReport& r, bool compare) {
            series.push_back({curve(r, "speedup", Column::threads), compare ? kCompareU32 : kThreadsColour, tr(LabText::threads), compare});
            series.push_back({curve(r, "speedup", Column::processes), compare ? kCompareU32 : kProcessesColour, tr(LabText::processes), compare});
            series.push_back({curve(r, "speedup, GIL model", Column::threads), compare ? kCompareU32 : kGilColour, tr(LabText::gil_model), compare});
        };
        add(shown_, false);
        if (compare_) add(*compare_, true);
        double max_x = 1, max_y = 1;
        for (const auto& s : series)
            for (const auto& p : s.points) {
                max_x = std::max(max_x, p.x);
                max_y = std::max(max_y, p.high);
            }
        const int cpus = cpus_of(shown_, platform::logical_cpus());
        max_y = std::max(max_y, static_cast<double>(std::min<double>(cpus, max_x))) * 1.1;
        const float width = std::max(260.0f, ImGui::GetContentRegionAvail().x - 8), height = 230;
        const ImVec2 o = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float left = 34, bottom = 22, top = 8, right = 10;
        const float pw = width - left - right, ph = height - bottom - top;
        auto at = [&](double x, double y) {
            const double fx = max_x > 1 ? (x - 1) / (max_x - 1) : 0.5;
            return ImVec2(o.x + left + static_cast<float>(fx) * pw, o.y + top + ph - static_cast<float>(y / max_y) * ph);
        };
        draw->AddRectFilled(o, ImVec2(o.x + width, o.y + height), IM_COL32(30, 33, 38, 255), 4);
        for (int y = 0; y <= static_cast<int>(max_y); ++y) {
            draw->AddLine(at(1, y), at(max_x, y), IM_COL32(60, 64, 72, 255));
            draw->AddText(ImVec2(o.x + 6, at(1, y).y - 8), IM_COL32(150, 150, 150, 255), (std::to_string(y) + "x").c_str());
        }
        for (int x = 1; x <= static_cast<int>(max_x); ++x)
            draw->AddText(ImVec2(at(x, 0).x - 3, o.y + height - bottom + 3), IM_COL32(150, 150, 150, 255), std::to_string(x).c_str());
        // The ideal: N times faster with N workers, up to one per CPU, then flat. Dashed.
        auto ideal = [&](double x) { return std::min(x, static_cast<double>(cpus)); };
        for (double x = 1; x < max_x; x += 0.25) {
            const double x2 = std::min(max_x, x + 0.125);
            draw->AddLine(at(x, ideal(x)), at(x2, ideal(x2)), IM_COL32(200, 200, 200, 200), 1.5f);
        }
        for (const auto& s : series) {
            for (std::size_t i = 0; i < s.points.size(); ++i) {
                const auto& p = s.points[i];
                if (i > 0) draw->AddLine(at(s.points[i - 1].x, s.points[i - 1].y), at(p.x, p.y), s.colour, s.compare ? 1.0f : 2.0f);
                draw->AddLine(at(p.x, p.low), at(p.x, p.high), s.colour, 1.0f);   // the spread
                draw->AddCircleFilled(at(p.x, p.y), s.compare ? 2.5f : 3.5f, s.colour);
            }
        }
        ImGui::Dummy(ImVec2(width, height));
        legend({{kThreadsColour, tr(LabText::threads)}, {kProcessesColour, tr(LabText::processes)},
                {kGilColour, tr(LabText::gil_model)}, {IM_COL32(200, 200, 200, 200), tr(LabText::ideal)}});
        if (series.front().points.empty() && series[1].points.empty()) ImGui::TextDisabled("%s", tr(LabText::suite_not_run));
    }

    void legend(const std::vector<std::pair<ImU32, const char*>>& items) {
        if (compare_) {
            auto copy = items;
            copy.push_back({kCompareU32, compare_name_.c_str()});
            return legend_items(copy);
        }
        legend_items(items);
    }

    static void legend_items(const std::vector<std::pair<ImU32, const char*>>& items) {
        for (std::size_t i = 0; i < items.size(); ++i) {   // a key goes on the next line when it would not fit whole
            const float key_w = 14 + 2 + ImGui::CalcTextSize(items[i].second).x;
            if (i > 0 && ImGui::GetItemRectMax().x + 14 + key_w <= content_right()) ImGui::SameLine(0, 14);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.3f), ImVec2(p.x + 12, p.y + h * 0.7f), items[i].first);
            ImGui::Dummy(ImVec2(14, h));
            ImGui::SameLine(0, 2);
            ImGui::TextUnformatted(items[i].second);
        }
    }

    // A horizontal bar on a log scale from `low` to `high`, labelled at its end.
    static void log_bar(ImDrawList* draw, ImVec2 origin, float width, float y, float h, double value, double low, double high,
                        ImU32 colour, const std::string& label) {
        const double span = std::log10(high) - std::log10(low);
        const double f = std::clamp((std::log10(std::max(value, low)) - std::log10(low)) / span, 0.0, 1.0);
        const float x1 = origin.x + std::max(2.0f, static_cast<float>(f) * width);
        draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(x1, y + h), colour, 2);
        draw->AddText(ImVec2(x1 + 4, y + h * 0.5f - ImGui::GetFontSize() * 0.5f), IM_COL32(220, 220, 220, 255), label.c_str());
    }

    void draw_memory_chart() {
        ImGui::TextWrapped("%s", tr(LabText::memory_chart));
        struct Bar {
            Column column;
            const char* kind;
            double kib;
            bool compare;
        };
        std::vector<Bar> bars;
        const std::pair<const char*, const char*> kinds[] = {{"resident memory each", tr(LabText::resident)},
                                                             {"proportional share (PSS) each", tr(LabText::pss)},
                                                             {"virtual memory each", tr(LabText::reserved)},
                                                             {"wasm memory each", tr(LabText::wasm)}};
        for (Column c : kModelColumns)
            for (const auto& [name, kind] : kinds) {
                if (const Measure* m = find_measure(shown_, Suite::memory, name); m && m->at(c)) bars.push_back({c, kind, m->at(c)->value, false});
                if (compare_)
                    if (const Measure* m = find_measure(*compare_, Suite::memory, name); m && m->at(c))
                        bars.push_back({c, kind, m->at(c)->value, true});
            }
        if (bars.empty()) {
            ImGui::TextDisabled("%s", tr(LabText::suite_not_run));
            return;
        }
        double low = 1e30, high = 0;
        for (const auto& b : bars) {
            low = std::min(low, std::max(b.kib, 1e-3));
            high = std::max(high, b.kib);
        }
        low = std::pow(10.0, std::floor(std::log10(low)));
        high = std::pow(10.0, std::ceil(std::log10(high * 1.01)) + 1);   // room for the labels
        const float row_h = 17;
        float label_w = 0;
        for (const auto& b : bars)
            label_w = std::max(label_w, ImGui::CalcTextSize((std::string(tr(short_title(b.column))) + ", " + b.kind).c_str()).x);
        const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x - 8);
        // The bar's label beside it while the bar keeps 140 px, else above it (a phone).
        const float value_w = ImGui::CalcTextSize("00000.0 KiB").x + 8;
        const bool label_above = width - label_w - 10 - value_w < 140;
        const float bar_x = label_above ? 0 : label_w + 10;
        const float bar_w = std::max(60.0f, width - bar_x - value_w);
        const ImVec2 o = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        float y = o.y;
        for (const auto& b : bars) {
            const ImU32 colour = b.compare                          ? kCompareU32
                                 : b.column == Column::threads   ? kThreadsColour
                                 : b.column == Column::processes ? kProcessesColour
                                                                 : kCoroutinesColour;
            const std::string label = std::string(tr(short_title(b.column))) + ", " + b.kind;
            draw->AddText(ImVec2(o.x, y), IM_COL32(200, 200, 200, 255), label.c_str());
            if (label_above) y += ImGui::GetTextLineHeight();
            log_bar(draw, ImVec2(o.x + bar_x, y), bar_w, y + 2, row_h - 5, b.kib, low, high, colour, lab::format_number(b.kib) + " KiB");
            y += row_h + (label_above ? 4 : 0);
        }
        ImGui::Dummy(ImVec2(width, y - o.y + 4));
    }

    void draw_ladder() {
        ImGui::TextWrapped("%s", tr(LabText::ladder_chart));
        const auto rungs = ladder_rungs(shown_);
        const auto other = compare_ ? ladder_rungs(*compare_) : std::vector<Rung>{};
        if (rungs.empty() && other.empty()) {
            ImGui::TextDisabled("%s", tr(LabText::suite_not_run));
            return;
        }
        const auto& names = rungs.empty() ? other : rungs;
        const double low = 1, high = 1e11;
        const float bar_h = 13, label_w = 70;
        const float avail = ImGui::GetContentRegionAvail().x;
        const float width = std::min(avail, std::max(300.0f, avail * 0.7f));
        const ImVec2 o = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        float y = o.y;
        for (const auto& r : names) {
            draw->AddText(ImVec2(o.x, y + 6), IM_COL32(220, 220, 220, 255), lab_words(r.name).c_str());
            const ImVec2 bars(o.x + label_w, 0);
            auto put = [&](const std::optional<double>& cycles, const std::string& human, ImU32 colour, const char* who) {
                if (cycles) log_bar(draw, ImVec2(bars.x, y), width - label_w - 150, y, bar_h - 2, *cycles, low, high, colour,
                                    std::string(who) + ": " + lab_words(human));
                y += bar_h;
            };
            put(r.talk_cycles, r.talk_human, kTalkColour, tr(LabText::talk));
            put(r.here_cycles, r.here_human, kThreadsColour, tr(LabText::here));
            if (compare_)
                for (const auto& c : other)
                    if (c.name == r.name) put(c.here_cycles, c.here_human, kCompareU32, compare_name_.c_str());
            y += 6;
        }
        const float chart_h = y - o.y;
        ImGui::Dummy(ImVec2(width, chart_h));
        // The talk's table and this machine's, under the bars.
        const lab::Table* t = ladder_table(shown_);
        if (!t && compare_) t = ladder_table(*compare_);
        if (t) {
            text_disabled_wrapped(lab_words(t->title).c_str());
            draw_text_table("##ladder", *t, {std::begin(kLadderImportance), std::end(kLadderImportance)});
        }
    }

    // A table of text at its natural widths. Where they do not all fit, the columns that fit whole are kept in
    // the order of `importance` (by default left to right; the first column always), the others are named
    // below and shown whole in a row's tooltip; where not even two fit, one card per row.
    static void draw_text_table(const char* id, const lab::Table& t, std::vector<std::size_t> importance = {}) {
        if (t.header.empty()) return;
        const std::size_t n = t.header.size();
        const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
        std::vector<float> widths(n, 0.0f);
        for (std::size_t c = 0; c < n; ++c) widths[c] = ImGui::CalcTextSize(lab_words(t.header[c]).c_str()).x;
        for (const auto& row : t.rows)
            for (std::size_t c = 0; c < row.size() && c < n; ++c)
                widths[c] = std::max(widths[c], ImGui::CalcTextSize(lab_words(row[c]).c_str()).x);
        if (importance.empty())
            for (std::size_t c = 0; c < n; ++c) importance.push_back(c);
        const float avail = ImGui::GetContentRegionAvail().x;
        std::vector<bool> kept(n, false);
        float used = 0;
        for (std::size_t c : importance)
            if (c < n && (c == 0 || used + widths[c] + padding <= avail)) {
                kept[c] = true;
                used += widths[c] + padding;
            }
        const auto kept_count = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), true));
        if (kept_count < std::min<std::size_t>(n, 2)) {
            std::vector<std::string> titles;
            for (std::size_t c = 1; c < n; ++c) titles.push_back(lab_words(t.header[c]));
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                const auto& row = t.rows[r];
                const std::string name = row.empty() ? std::string() : lab_words(row[0]);
                measure_card((std::string(id) + "/" + std::to_string(r)).c_str(), name.c_str(), titles,
                             [&](std::size_t k) {
                                 ImGui::PushTextWrapPos(0.0f);
                                 if (k + 1 < row.size()) ImGui::TextUnformatted(lab_words(row[k + 1]).c_str());
                                 ImGui::PopTextWrapPos();
                             },
                             [] {});
            }
            return;
        }
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersOuter;
        if (!ImGui::BeginTable(id, static_cast<int>(kept_count), flags)) return;
        for (std::size_t c = 0; c < n; ++c)
            if (kept[c]) ImGui::TableSetupColumn(lab_words(t.header[c]).c_str());
        ImGui::TableHeadersRow();
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const auto& row = t.rows[r];
            ImGui::TableNextRow();
            for (std::size_t c = 0; c < row.size() && c < n; ++c) {
                if (!kept[c]) continue;
                ImGui::TableNextColumn();
                if (c > 0 || kept_count == n) {
                    ImGui::TextUnformatted(lab_words(row[c]).c_str());
                    continue;
                }
                // Folded: the first cell spans the row; hovering (touching) the row shows all of it.
                ImGui::PushID(static_cast<int>(r));
                ImGui::Selectable(lab_words(row[c]).c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
                ImGui::PopID();
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    for (std::size_t k = 0; k < row.size() && k < n; ++k)
                        ImGui::Text("%s: %s", lab_words(t.header[k]).c_str(), lab_words(row[k]).c_str());
                    ImGui::EndTooltip();
                }
            }
        }
        ImGui::EndTable();
        if (kept_count < n) {
            std::string folded;
            for (std::size_t c = 0; c < n; ++c)
                if (!kept[c]) folded += (folded.empty() ? "" : ", ") + lab_words(t.header[c]);
            char note[400];
            std::snprintf(note, sizeof note, tr(LabText::columns_folded), folded.c_str());
            text_disabled_wrapped(note);
        }
    }

    // The ladder's columns by importance: the rung, the human times (here, the talk's), the measured time, how it
    // was measured, then the cycles.
    static constexpr std::size_t kLadderImportance[] = {0, 5, 2, 3, 6, 4, 1};

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: every figure by suite
    // -------------------------------------------------------------------------

    void draw_details() {
        ImGui::TextUnformatted(tr(LabText::details));
        for (Suite suite : lab::kAllSuites) {
            const Section* section = shown_.find(suite);
            const Section* other = compare_ ? compare_->find(suite) : nullptr;
            const std::string name(lab::to_string(suite));
            // "###name": the same header (and its open state) whether or not the suite has run.
            const std::string header = name + (section ? "" : " \u2014 " + std::string(tr(LabText::suite_not_run))) + "###" + name;
            if (!ImGui::CollapsingHeader(header.c_str())) continue;
            if (!section) continue;
            std::vector<Column> used;
            for (Column c : lab::kAllColumns)
                for (const auto& m : section->measures)
                    if ((m.at(c) || m.missing.count(c)) && std::find(used.begin(), used.end(), c) == used.end()) used.push_back(c);
            // The figure of measure `m` in column `c` (and the compared one under it).
            const auto cell = [&](const Measure& m, Column c, const std::string& shown_name) {
                if (const Figure* f = m.at(c)) figure_cell(*f, name + "/" + m.name + "/" + std::string(lab::to_string(c)), shown_name);
                else if (m.missing.count(c)) missing_cell(m.missing.at(c));
                compare_line(other ? other->find(m.name) : nullptr, c);
            };
            std::vector<std::string> titles;
            float widest = 0;
            for (Column c : used) titles.emplace_back(c == Column::machine ? tr(LabWordText::machine) : tr(short_title(c)));
            for (const auto& m : section->measures)
                for (Column c : used)
                    if (const Figure* f = m.at(c)) widest = std::max(widest, figure_width(*f));
            const float padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
            const bool as_table = ImGui::GetContentRegionAvail().x >=
                                  kMeasureMinWidth + padding + static_cast<float>(used.size()) * (std::max(widest, 90.0f) + padding);
            if (!as_table) {
                for (std::size_t i = 0; i < section->measures.size(); ++i) {
                    const auto& m = section->measures[i];
                    const Measure* om = other ? other->find(m.name) : nullptr;
                    const std::string shown_name = lab_words(m.name);
                    std::vector<Column> has;   // a card lists only the columns this measure has (here or compared)
                    std::vector<std::string> has_titles;
                    for (std::size_t k = 0; k < used.size(); ++k)
                        for (const Measure* each : {&m, om})
                            if (each && (each->at(used[k]) || each->missing.count(used[k])) &&
                                std::find(has.begin(), has.end(), used[k]) == has.end()) {
                                has.push_back(used[k]);
                                has_titles.push_back(titles[k]);
                            }
                    measure_card(("##" + name + std::to_string(i)).c_str(), shown_name.c_str(), has_titles,
                                 [&](std::size_t k) { cell(m, has[k], shown_name); }, [] {});
                }
            } else if (!section->measures.empty() &&
                       ImGui::BeginTable(("##" + name).c_str(), 1 + static_cast<int>(used.size()),
                                         ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn(tr(LabText::measure), ImGuiTableColumnFlags_WidthStretch, 1.3f);
                for (std::size_t k = 0; k < used.size(); ++k)
                    ImGui::TableSetupColumn(titles[k].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
                std::vector<std::string> headers{tr(LabText::measure)};
                headers.insert(headers.end(), titles.begin(), titles.end());
                wrapped_headers(headers);
                for (const auto& m : section->measures) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    const std::string shown_name = lab_words(m.name);
                    ImGui::TextWrapped("%s", shown_name.c_str());
                    for (Column c : used) {
                        ImGui::TableNextColumn();
                        cell(m, c, shown_name);
                    }
                }
                ImGui::EndTable();
            }
            for (const auto& t : section->tables) {
                if (!t.header.empty() && t.header[0] == "rung") continue;   // drawn beside the ladder
                text_disabled_wrapped(lab_words(t.title).c_str());
                draw_text_table(("##t" + name + t.title).c_str(), t);
            }
            if (!section->notes.empty()) {
                ImGui::TextUnformatted(tr(LabText::notes));
                ImGui::PushTextWrapPos(0.0f);
                for (const auto& note : section->notes) bullet_wrapped(lab_words(note).c_str());
                ImGui::PopTextWrapPos();
            }
        }
    }

    int suite_index_ = 0;   // 0: all; else 1 + the suite's index in kAllSuites
    bool quick_ = false;
    options::FieldErrors field_errors_;
    std::unique_ptr<lab::LabRun> run_;
    lab::LabProgress progress_;
    bool recorded_ = false;
    bool cancel_asked_ = false;
    LabReport results_;   // every suite's latest finished figures
    LabReport shown_;     // results_ with the run in progress over it
    std::string export_message_;
    std::string compare_path_;
    std::optional<LabReport> compare_;
    std::string compare_name_;
    std::string selected_id_, selected_method_, selected_detail_;
    std::unique_ptr<lab::LiveSystem> live_;   // made at the first draw
    lab::LiveSnapshot live_snapshot_;
};

}  // namespace

std::unique_ptr<DemoPanel> make_lab_panel() { return std::make_unique<LabPanel>(); }

}  // namespace conclab::ui
