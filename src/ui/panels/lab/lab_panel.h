// The lab panel's class, shared by its files: panel.cpp (options, running, state, controls, export and compare),
// cells.cpp (a figure, its spread and its method), summary.cpp (the talk's table), charts.cpp (speedup, memory,
// latency ladder) and details.cpp (every figure by suite). What it shows comes from core's lab::LabView.
#pragma once

#include "ui/demo_panel.h"

#include "core/lab/lab_run.h"
#include "core/lab/lab_table.h"
#include "core/lab/lab_view.h"
#include "core/lab/live_system.h"
#include "ui/text/text_lab.h"
#include "ui/widgets/folding_table.h"

#include <imgui.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace conclab::ui::lab_panel {

inline const ImVec4 kCompareColour(0.95f, 0.75f, 0.35f, 1.0f);
inline const ImVec4 kMissingColour(0.80f, 0.62f, 0.45f, 1.0f);
inline constexpr ImU32 kThreadsColour = IM_COL32(86, 156, 214, 255);
inline constexpr ImU32 kProcessesColour = IM_COL32(220, 140, 60, 255);
inline constexpr ImU32 kCoroutinesColour = IM_COL32(120, 190, 90, 255);
inline constexpr ImU32 kGilColour = IM_COL32(200, 100, 170, 255);
inline constexpr ImU32 kTalkColour = IM_COL32(150, 150, 160, 255);
inline constexpr ImU32 kCompareU32 = IM_COL32(242, 190, 90, 255);
inline constexpr float kMeasureMinWidth = 150.0f;   // a table's measure column: its words wrap, none is cut
inline constexpr float kChartMinWidth = 340.0f;

/// @brief "12.3 ns" (a figure's value and unit) and "12.1–12.5" (its spread, "" with one sample).
std::string figure_text(const lab::Figure& f);
std::string spread_text(const lab::Figure& f);
/// @brief The width a figure's cell needs: its value, or its spread when that goes below it and is wider.
float figure_width(const lab::Figure& f);
/// @brief A core table (the ladder, the top processes) in the page's language.
/// @brief The short title of a model's column (the charts' keys, the details' columns).
LabText short_title(lab::Column c);

/// @brief The summary's numbered notes: the table's own, then the reasons its cells give, numbered after them.
struct SummaryNotes {
    const lab::LabTable& table;
    std::vector<std::string> reasons;   // worded
    /// @brief The number of `why` (core's reason), added when new.
    int reason(const lab::Reason& why);
};

class LabPanel final : public DemoPanel {
public:
    const char* title() const override { return tr(LabText::menu); }
    void apply(const options::Params& params, options::FieldErrors& errors) override;
    void autorun() override;
    void main_action() override;   // Space: Run, or Cancel while it runs
    options::Params link_params() const override;                       // the page's link (shell/chrome.cpp)
    const char* field_label(const std::string& option) const override;   // a bad link's errors, by their field
    void on_screen(bool shown) override;
    bool update() override;
    platform::Redraw redraw_need() const override;
    nlohmann::json state() const override;
    void draw() override;

private:
    bool running() const { return run_ && !progress_.finished; }
    bool measuring_quietly() const;
    void start(std::optional<lab::Suite> suite);
    bool poll_picked_file();
    void load_compare(const std::string& name, const std::string& text);
    void export_as(const char* extension, const char* mime, const std::string& contents);

    // panel.cpp
    void draw_controls();
    void draw_live_line();
    void draw_export_and_compare();
    // cells.cpp
    void figure_cell(const lab::Figure& f, const std::string& id, const std::string& what);
    void missing_cell(const std::string& why);   // worded
    void missing_cell(const lab::Reason& why);
    void compare_line(const lab::Measure* other, lab::Column c);
    void compare_figure(const lab::Measure* other, lab::Column c);
    // summary.cpp
    LabText column_title(lab::Column c) const;
    void draw_summary();
    void table_cell(const lab::TableRow& row, lab::TableColumn c, const lab::TableRow* other, SummaryNotes& notes);
    void draw_method_box();
    // charts.cpp
    void draw_charts();
    void draw_speedup_chart();
    void draw_memory_chart();
    void draw_ladder();
    void legend(const std::vector<std::pair<ImU32, const char*>>& items);
    // details.cpp
    void draw_details();

    int suite_index_ = 0;   // 0: all; else 1 + the suite's index in kAllSuites
    bool quick_ = false;
    bool python_ = false;                      ///< the machine's CPython fills its columns too (native only)
    std::string python_path_;                  ///< a link's python=PATH (empty: python3 on PATH)
    options::FieldErrors field_errors_;
    std::unique_ptr<lab::LabRun> run_;
    lab::LabProgress progress_;
    bool recorded_ = false;
    bool cancel_asked_ = false;
    lab::LabView view_;
    std::string export_message_;
    std::string compare_path_;
    std::string selected_id_, selected_method_, selected_detail_;
    std::unique_ptr<lab::LiveSystem> live_;   // made when first on screen
};

}  // namespace conclab::ui::lab_panel
