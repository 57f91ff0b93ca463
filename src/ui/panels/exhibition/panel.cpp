// Exhibition panel — the talk's third demo: Judit Polgár plays N boards at once. Each opponent is a coroutine
// awaiting her move and she is one more walking from board to board, all on one event loop with a virtual clock. The
// simulation runs on its own thread (a Web Worker in the browser) at a speed in simulated seconds per real second;
// this panel only sends commands and draws the latest snapshot. Pictures first (the clocks, the boards), then the
// loop, the chart, the settings. This file: options, commands, state, the layout and the controls.
#include "ui/panels/exhibition/exhibition_panel.h"

#include "core/exhibition/exhibition_trace.h"
#include "ui/text/text_primes.h"
#include "ui/widgets/slider.h"
#include "ui/text/numbers.h"
#include "ui/text/text_system.h"
#include "platform/trace_machine.h"

#include <utility>

namespace conclab::ui {

void ExhibitionPanel::apply(const options::Params& params, options::FieldErrors& errors) {
    const auto parsed = exhibition::parse_exhibition_options(params, errors);
    settings_ = parsed;   // bad fields keep their defaults
    speed_max_ = parsed.speed == 0;
    if (!speed_max_) speed_ = parsed.speed;
    field_errors_ = errors;
}

void ExhibitionPanel::autorun() {
    if (field_errors_.empty()) start();   // a bad launch value is shown beside its field, not run
}

bool ExhibitionPanel::update() {
    view_ = live_.view();
    const bool changed = view_.version != drawn_version_;
    drawn_version_ = view_.version;
    if (auto result = live_.take_finished_result()) finished_result_ = std::move(result);
    return changed;
}

platform::Redraw ExhibitionPanel::redraw_need() const {
    return view_.running && !view_.paused ? platform::Redraw::animating : platform::Redraw::idle;
}

nlohmann::json ExhibitionPanel::state() const {
    nlohmann::json s{{"boards", settings_.boards},
                     {"her_s", settings_.her_s},
                     {"them_s", settings_.them_s},
                     {"moves", settings_.moves},
                     {"mode", std::string(exhibition::to_string(settings_.mode))},
                     {"seed", std::to_string(settings_.seed)},
                     {"speed", speed_max_ ? nlohmann::json("max") : nlohmann::json(speed_)},
                     {"thread_started", live_.thread_started()},
                     {"run_id", view_.run_id},
                     {"snapshots", view_.version},
                     {"running", view_.running},
                     {"paused", view_.paused},
                     {"finished", view_.finished},
                     {"busy_s", view_.busy_s}};
    put_field_errors(s, field_errors_);
    if (const auto& snap = view_.snapshot) {
        s["now_s"] = snap->now_s;
        nlohmann::json schedules = nlohmann::json::array();
        for (const auto& schedule : snap->schedules) {
            int moves = 0;
            for (const auto& board : schedule.boards) moves += board.moves;
            schedules.push_back({{"schedule", std::string(exhibition::to_string(schedule.schedule))},
                                 {"elapsed_s", schedule.elapsed_s},
                                 {"formula_s", schedule.formula_s},
                                 {"finished", schedule.finished},
                                 {"her_board", schedule.her_board},
                                 {"her_moves", moves}});
        }
        s["schedules"] = schedules;
        s["loop"] = {{"running", snap->loop.running.value_or("")},
                     {"ready", snap->loop.ready.size()},
                     {"timers", snap->loop.timers.size()},
                     {"waiting", snap->loop.waiting.size()}};
    }
    if (view_.result) s["result"] = *view_.result;
    s["fast_forward"] = view_.fast_forward;
    // The last frame's layout, in window units: the stay-put browser test compares them across a run.
    s["start_button"] = {{"x", start_button_[0]}, {"y", start_button_[1]}, {"w", start_button_[2]}, {"h", start_button_[3]}};
    s["boards_slider"] = {{"x", boards_slider_[0]}, {"y", boards_slider_[1]}, {"w", boards_slider_[2]}, {"h", boards_slider_[3]}};
    s["settings_changed"] = settings_differ_from_run();
    s["boards_area"] = {{"y", boards_area_[0]}, {"h", boards_area_[1]}};
    s["boards_drawn"] = boards_drawn_;
    s["starting_position"] = !view_.snapshot;   // the boards drawn are the games' first positions (no run yet)
    s["trace_export"] = trace_export_.state();
    return s;
}

// Pictures first and big (the clocks, the boards; presenting, the boards first), the words that explain them beside,
// the tables and the settings after; a phone stacks them in the same order.
void ExhibitionPanel::draw() {
    ImGui::TextWrapped("%s", tr(ExhibitionText::title));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
    ImGui::TextWrapped("%s", tr(ExhibitionText::lesson));
    ImGui::PopStyleColor();
    ImGui::Separator();
    draw_run_controls();
    ImGui::Separator();
    // Presenting, the boards come first and take the screen (the lesson's picture), the clocks after them.
    const bool narrow = narrow_layout(), boards_first = presenting();
    if (!boards_first) draw_clocks_and_times(!narrow);
    // Before Start the boards stand at their first position: the lesson's picture is there at first sight, and the
    // same size it keeps once the run starts.
    const auto& snap = shown_snapshot();
    draw_legend();
    const bool times_after_boards = narrow && !boards_first;   // a phone: the boards right under the clocks
    if (ImGui::GetContentRegionAvail().x < kSideBySideWidth) {   // the loop's queue below the boards
        draw_boards(snap);
        ImGui::Separator();
        if (times_after_boards) {
            draw_times();
            ImGui::Separator();
        }
        draw_loop(snap.loop);
    } else if (ImGui::BeginTable("##live", 2, ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("##boards", ImGuiTableColumnFlags_WidthStretch, 0.68f);
        ImGui::TableSetupColumn("##loop", ImGuiTableColumnFlags_WidthStretch, 0.32f);
        ImGui::TableNextColumn();
        draw_boards(snap);
        ImGui::TableNextColumn();
        draw_loop(snap.loop);
        ImGui::EndTable();
        if (times_after_boards) {
            ImGui::Separator();
            draw_times();
        }
    }
    ImGui::Separator();
    if (boards_first) draw_clocks_and_times(true);
    draw_chart_and_slide();
    ImGui::Separator();
    if (!controls_shown()) return;
    ImGui::TextWrapped("%s", tr(ExhibitionText::intro));
    draw_settings();
}

void ExhibitionPanel::draw_clocks_and_times(bool with_times) {
    draw_clocks();
    // The turns as a trace, in simulated time, once the run has ended.
    trace_export_.draw("exhibition", view_.report && view_.turns, [&] {
        return exhibition::to_trace(*view_.report, *view_.turns, platform::trace_machine());
    });
    if (with_times) draw_times();
    ImGui::Separator();
}

// The panel's choices as the text options the CLI and the query string give, parsed by the same rules.
options::Params ExhibitionPanel::chosen_params() const {
    return {{"boards", std::to_string(settings_.boards)},
            {"her", number_text(settings_.her_s)},
            {"them", number_text(settings_.them_s)},
            {"moves", std::to_string(settings_.moves)},
            {"mode", std::string(exhibition::to_string(settings_.mode))},
            {"seed", std::to_string(settings_.seed)},
            {"speed", speed_max_ ? std::string("max") : number_text(speed_)}};
}

const exhibition::ExhibitionSnapshot& ExhibitionPanel::shown_snapshot() {
    if (view_.snapshot) return *view_.snapshot;
    const auto& o = settings_;
    if (!starting_ || o.boards != starting_of_.boards || o.moves != starting_of_.moves || o.mode != starting_of_.mode ||
        o.seed != starting_of_.seed || o.her_s != starting_of_.her_s || o.them_s != starting_of_.them_s) {
        starting_ = std::make_shared<const exhibition::ExhibitionSnapshot>(exhibition::starting_snapshot(o));
        starting_of_ = o;
    }
    return *starting_;
}

bool ExhibitionPanel::validate(ExhibitionOptions& out) {
    field_errors_.clear();
    out = exhibition::parse_exhibition_options(chosen_params(), field_errors_);
    return field_errors_.empty();
}

void ExhibitionPanel::start() {
    ExhibitionOptions options;
    if (!validate(options)) return;   // the last good run stays on screen
    live_.set_speed(options.speed);
    live_.start(options);
    view_ = live_.view();
}

void ExhibitionPanel::set_speed_from_controls() {
    ExhibitionOptions options;
    if (validate(options)) live_.set_speed(options.speed);
}

bool ExhibitionPanel::settings_differ_from_run() const {
    if (!view_.options) return false;
    const auto& run = *view_.options;
    return run.boards != settings_.boards || run.her_s != settings_.her_s || run.them_s != settings_.them_s ||
           run.moves != settings_.moves || run.mode != settings_.mode;
}

void ExhibitionPanel::draw_settings() {
    const LabelledFields field({tr(ExhibitionText::boards), tr(ExhibitionText::her_time), tr(ExhibitionText::their_time),
                                tr(ExhibitionText::moves_per_game)},
                               kSliderWidth, min_field_width());
    slider_int(field(tr(ExhibitionText::boards)).c_str(), &settings_.boards, 1, exhibition::kMaxBoards);
    boards_slider_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
    draw_field_error(field_errors_, "boards");
    const double min_s = 0.5, max_s = exhibition::kMaxMoveSeconds;
    slider_double(field(tr(ExhibitionText::her_time)).c_str(), &settings_.her_s, min_s, max_s, "%.1f s", ImGuiSliderFlags_Logarithmic);
    draw_field_error(field_errors_, "her");
    slider_double(field(tr(ExhibitionText::their_time)).c_str(), &settings_.them_s, min_s, max_s, "%.1f s", ImGuiSliderFlags_Logarithmic);
    draw_field_error(field_errors_, "them");
    slider_int(field(tr(ExhibitionText::moves_per_game)).c_str(), &settings_.moves, 1, exhibition::kMaxMoves);
    draw_field_error(field_errors_, "moves");
    int mode = static_cast<int>(settings_.mode);
    radio_row(tr(ExhibitionText::schedules),   // mode 0, 1, 2
              {tr(PrimesText::executor_sequential), tr(ExhibitionText::mode_simultaneous), tr(ExhibitionText::mode_both)},
              [&](int value, const char* label) { ImGui::RadioButton(label, &mode, value); });
    settings_.mode = static_cast<Mode>(mode);
    draw_field_error(field_errors_, "mode");
    draw_field_error(field_errors_, "seed");
}

void ExhibitionPanel::draw_run_controls() {
    // The buttons keep their words whole and flow onto a second line when the three do not fit.
    const bool have_run = view_.run_id > 0;
    const char* start_label = have_run ? tr(ExhibitionText::restart) : tr(SystemText::start);
    const char* pause_label = tr(view_.paused ? ExhibitionText::resume : ExhibitionText::pause);
    const float button_w = std::max({110.0f, button_width(tr(ExhibitionText::restart)), button_width(tr(SystemText::start)),
                                     button_width(tr(ExhibitionText::pause)), button_width(tr(ExhibitionText::resume))});
    const float step_w = std::max(80.0f, button_width(tr(ExhibitionText::step)));
    if (ImGui::Button(start_label, ImVec2(button_w, 0))) start();
    start_button_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
    same_line_if_fits(button_w);
    ImGui::BeginDisabled(!view_.running);
    if (ImGui::Button(pause_label, ImVec2(button_w, 0))) live_.set_paused(!view_.paused);
    same_line_if_fits(step_w);
    if (ImGui::Button(tr(ExhibitionText::step), ImVec2(step_w, 0))) live_.step();
    ImGui::EndDisabled();
    // The speed beside the buttons on a wide panel: the clocks and the boards start higher up.
    const float speed_w = std::max(kSliderWidth, min_field_width()) + ImGui::GetStyle().ItemInnerSpacing.x +
                          ImGui::CalcTextSize(tr(ExhibitionText::speed)).x;
    if (!narrow_layout()) same_line_if_fits(speed_w);
    ImGui::BeginDisabled(speed_max_);
    const LabelledFields field({tr(ExhibitionText::speed)}, kSliderWidth, min_field_width());
    const double min_speed = 60, max_speed = exhibition::kMaxSpeed;
    if (slider_double(field(tr(ExhibitionText::speed)).c_str(), &speed_, min_speed, max_speed, "%.0f", ImGuiSliderFlags_Logarithmic))
        set_speed_from_controls();
    ImGui::EndDisabled();
    if (!narrow_layout()) same_line_if_fits(choice_width(tr(ExhibitionText::speed_max)));
    if (checkbox_wrapped(tr(ExhibitionText::speed_max), &speed_max_)) set_speed_from_controls();
    draw_field_error(field_errors_, "speed");

    // The simulated time from the start (0:00:00 before it), and one line for the notes that come and go: nothing
    // below moves when a run starts, ends, or the settings change under it.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("%s %s", tr(ExhibitionText::simulated_time), clock_text(view_.snapshot ? view_.snapshot->now_s : 0.0).c_str());
    const char* status = view_.finished ? tr(ExhibitionText::finished_all) : view_.paused ? tr(ExhibitionText::paused) : nullptr;
    if (status) {
        same_line_if_fits(ImGui::CalcTextSize(status).x + ImGui::CalcTextSize("()").x);
        ImGui::TextColored(view_.finished ? ImVec4(0.5f, 0.85f, 0.5f, 1) : ImVec4(1.0f, 0.8f, 0.4f, 1), "(%s)", status);
    }
    char busy[96];
    std::snprintf(busy, sizeof busy, "%s", text_format("%s: %.3f\u00a0s", tr(ExhibitionText::sim_thread_busy), view_.busy_s).c_str());
    same_line_if_fits(ImGui::CalcTextSize(busy).x);
    ImGui::TextDisabled("%s", busy);
    ImGui::PopTextWrapPos();
    draw_note_line();
}

void ExhibitionPanel::draw_note_line() const {
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string fast = text_format(tr(ExhibitionText::fast_forward), std::max(view_.fast_forward, 86400.0));
    float tallest = 0;
    for (const char* note : {tr(ExhibitionText::settings_changed), tr(ExhibitionText::press_start), fast.c_str()})
        tallest = std::max(tallest, ImGui::CalcTextSize(note, nullptr, false, width).y);
    const float top = ImGui::GetCursorPosY();
    ImGui::PushTextWrapPos(0.0f);
    const ImVec4 amber(1.0f, 0.8f, 0.4f, 1.0f);
    if (settings_differ_from_run()) ImGui::TextColored(amber, "%s", tr(ExhibitionText::settings_changed));
    else if (view_.fast_forward > 0 && !view_.finished) ImGui::TextColored(amber, tr(ExhibitionText::fast_forward), view_.fast_forward);
    else if (!view_.snapshot) ImGui::TextDisabled("%s", tr(ExhibitionText::press_start));
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPosY(top);   // the line's height is the tallest note's, whichever is drawn
    ImGui::Dummy(ImVec2(0, tallest));
}

std::unique_ptr<DemoPanel> make_exhibition_panel() { return std::make_unique<ExhibitionPanel>(); }

}  // namespace conclab::ui
