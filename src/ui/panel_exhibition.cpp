// Exhibition panel — the talk's third demo: Judit Polgár plays N boards at once. Each opponent is a
// coroutine awaiting her move and she is one more walking from board to board, all on one event loop with a
// virtual clock. The simulation runs on its own thread (a Web Worker in the browser) at a speed in simulated
// seconds per real second; this panel only sends commands and draws the latest snapshot: the boards as
// small multiples (hers highlighted, waiting ones dimmed), her path, one clock per schedule (formula vs
// simulated), the loop's ready queue and timers, the total-time chart with the crossover, and the talk's
// "20 minutes" corrected. Caveat: walking between boards takes no time in the model.
//
// [SECTION] Helpers: times, pieces, colours
// [SECTION] Panel: options, commands, state
// [SECTION] Drawing: controls
// [SECTION] Drawing: clocks
// [SECTION] Drawing: boards and her path
// [SECTION] Drawing: event loop
// [SECTION] Drawing: chart and the slide
// [SECTION] Drawing: spinners
#include "demo_panel.h"

#include "exhibition/exhibition_options.h"
#include "exhibition/live_exhibition.h"
#include "exhibition/schedule.h"
#include "exhibition/spinner.h"
#include "platform.h"
#include "responsive.h"
#include "text/text_exhibition.h"
#include "text/text_primes.h"
#include "text/text_system.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>

namespace conclab::ui {
namespace {

using exhibition::BoardState;
using exhibition::BoardView;
using exhibition::ExhibitionOptions;
using exhibition::Mode;
using exhibition::Schedule;
using exhibition::ScheduleView;

// -----------------------------------------------------------------------------
// [SECTION] Helpers: times, pieces, colours
// -----------------------------------------------------------------------------

/// "h:mm:ss" (simulated times run to hours).
std::string clock_text(double seconds) {
    const long total = std::lround(std::max(0.0, seconds));
    char text[32];
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total % 3600 / 60, total % 60);
    return text;
}

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

// U+2654..2659 white (outlined) king, queen, rook, bishop, knight, pawn; U+265A..265F the filled (black) ones.
int piece_index(char c) {
    switch (c | 0x20) {
    case 'k': return 0;
    case 'q': return 1;
    case 'r': return 2;
    case 'b': return 3;
    case 'n': return 4;
    case 'p': return 5;
    }
    return -1;
}

std::string chess_glyph(int index, bool filled) {
    const char utf8[] = {'\xE2', '\x99', static_cast<char>(0x94 + index + (filled ? 6 : 0)), '\0'};
    return utf8;
}

ImU32 with_alpha(ImU32 colour, float alpha) {
    const auto a = static_cast<ImU32>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

constexpr ImU32 kHerColour = IM_COL32(245, 196, 60, 255);
constexpr ImU32 kThinkingColour = IM_COL32(90, 160, 230, 255);
constexpr ImU32 kSequentialColour = IM_COL32(230, 130, 60, 255);
constexpr ImU32 kSimultaneousColour = IM_COL32(90, 170, 240, 255);

ExhibitionText state_text(BoardState state) {
    switch (state) {
    case BoardState::waiting_for_her: return ExhibitionText::state_waiting;
    case BoardState::her_move: return ExhibitionText::state_her_move;
    case BoardState::opponent_thinking: return ExhibitionText::state_thinking;
    case BoardState::finished: return ExhibitionText::state_over;
    }
    return ExhibitionText::state_waiting;
}

// -----------------------------------------------------------------------------
// [SECTION] Panel: options, commands, state
// -----------------------------------------------------------------------------

class ExhibitionPanel final : public DemoPanel {
public:
    const char* title() const override { return tr(ExhibitionText::menu); }

    void apply(const options::Params& params, options::FieldErrors& errors) override {
        const auto parsed = exhibition::parse_exhibition_options(params, errors);
        settings_ = parsed;   // bad fields keep their defaults
        speed_max_ = parsed.speed == 0;
        if (!speed_max_) speed_ = parsed.speed;
        field_errors_ = errors;
        if (parsed.spinner) {
            spinner_options_ = *parsed.spinner;
            // A bad block or spinner-seconds is shown beside its field, and nothing starts.
            launch_spinner_ = !errors.count("block") && !errors.count("spinner-seconds");
        }
    }

    void autorun() override {
        if (field_errors_.empty()) start();   // a bad launch value is shown beside its field, not run
    }

    void main_action() override {   // Space: Start, then Pause / Resume while it runs
        if (view_.running) live_.set_paused(!view_.paused);
        else autorun();
    }

    bool update() override {
        if (launch_spinner_) {   // started on the first loop turn: the window (and the page's main loop) is up
            launch_spinner_ = false;
            start_spinner();
            spinner_launched_ = spinner_.running();
        }
        spinner_.poll();
        view_ = live_.view();
        bool changed = view_.version != drawn_version_;
        drawn_version_ = view_.version;
        if (spinner_was_running_ && !spinner_.running()) {   // its outcome is in
            changed = true;
            if (std::exchange(spinner_launched_, false))   // started by the launch options: CONCLAB_RESULT
                finished_result_ = nlohmann::json{{"demo", "exhibition"}, {"spinner", spinner_json()}};
        }
        spinner_was_running_ = spinner_.running();
        return changed;
    }

    platform::Redraw redraw_need() const override {
        const bool live = (view_.running && !view_.paused) || spinner_.running();
        return live ? platform::Redraw::animating : platform::Redraw::idle;
    }

    std::optional<nlohmann::json> take_finished_result() override {
        if (auto result = live_.take_finished_result()) return result;
        return std::exchange(finished_result_, std::nullopt);   // a spinner started by the launch options
    }

    nlohmann::json state() const override {
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
        if (!field_errors_.empty()) s["errors"] = field_errors_;
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
        s["spinner"] = spinner_json();
        return s;
    }

    void draw() override {
        ImGui::TextWrapped("%s", tr(ExhibitionText::title));
        ImGui::TextWrapped("%s", tr(ExhibitionText::intro));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
        ImGui::TextWrapped("%s", tr(ExhibitionText::lesson));
        ImGui::PopStyleColor();
        ImGui::Separator();
        draw_controls();
        ImGui::Separator();
        draw_clocks();
        ImGui::Separator();
        const auto& snap = view_.snapshot;
        if (snap && !snap->schedules.empty()) {
            if (ImGui::GetContentRegionAvail().x < kSideBySideWidth) {   // the loop's queue below the boards
                draw_boards(*snap);
                ImGui::Separator();
                draw_loop(snap->loop);
            } else if (ImGui::BeginTable("##live", 2, ImGuiTableFlags_BordersInnerV)) {
                ImGui::TableSetupColumn("##boards", ImGuiTableColumnFlags_WidthStretch, 0.68f);
                ImGui::TableSetupColumn("##loop", ImGuiTableColumnFlags_WidthStretch, 0.32f);
                ImGui::TableNextColumn();
                draw_boards(*snap);
                ImGui::TableNextColumn();
                draw_loop(snap->loop);
                ImGui::EndTable();
            }
        } else {
            text_disabled_wrapped(tr(ExhibitionText::press_start));
        }
        ImGui::Separator();
        draw_chart_and_slide();
        ImGui::Separator();
        draw_spinners();
    }

private:
    nlohmann::json spinner_json() const {
        nlohmann::json spinner{{"running", spinner_.running()},
                               {"frames", spinner_.frames()},
                               {"kind", std::string(exhibition::to_string(spinner_options_.kind))},
                               {"block", spinner_options_.block},
                               {"seconds", spinner_options_.seconds}};
        if (const auto outcome = spinner_.outcome()) {
            if (const auto options = spinner_.options()) {
                spinner["kind"] = std::string(exhibition::to_string(options->kind));
                spinner["block"] = options->block;
                spinner["seconds"] = options->seconds;
                spinner["number"] = std::to_string(options->number);
            }
            if (!outcome->error.empty()) spinner["error"] = outcome->error;
            spinner["answer"] = std::to_string(outcome->answer);
            spinner["longest_gap_s"] = outcome->gaps.longest_gap_s();
            spinner["frozen_s"] = outcome->gaps.frozen_s();
        }
        return spinner;
    }

    options::Params link_params() const override { return chosen_params(); }   // the page's link (app.cpp)

    // The panel's choices as the text options the CLI and the query string give, parsed by the same rules.
    options::Params chosen_params() const {
        return {{"boards", std::to_string(settings_.boards)},
                {"her", number_text(settings_.her_s)},
                {"them", number_text(settings_.them_s)},
                {"moves", std::to_string(settings_.moves)},
                {"mode", std::string(exhibition::to_string(settings_.mode))},
                {"seed", std::to_string(settings_.seed)},
                {"speed", speed_max_ ? std::string("max") : number_text(speed_)}};
    }

    bool validate(ExhibitionOptions& out) {
        field_errors_.clear();
        out = exhibition::parse_exhibition_options(chosen_params(), field_errors_);
        return field_errors_.empty();
    }

    void start_spinner() {
        if (spinner_options_.kind == exhibition::SpinnerKind::process)
            spinner_.start(spinner_options_, platform::make_executor(exec::ExecutorKind::processes, 1));
        else
            spinner_.start(spinner_options_);
    }

    void start() {
        ExhibitionOptions options;
        if (!validate(options)) return;   // the last good run stays on screen
        live_.set_speed(options.speed);
        live_.start(options);
        view_ = live_.view();
    }

    void set_speed_from_controls() {
        ExhibitionOptions options;
        if (validate(options)) live_.set_speed(options.speed);
    }

    bool settings_differ_from_run() const {
        if (!view_.options) return false;
        const auto& run = *view_.options;
        return run.boards != settings_.boards || run.her_s != settings_.her_s || run.them_s != settings_.them_s ||
               run.moves != settings_.moves || run.mode != settings_.mode;
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: controls
    // -------------------------------------------------------------------------

    // The settings and the run's controls side by side on a wide panel, one above the other on a narrow one.
    void draw_controls() {
        if (ImGui::GetContentRegionAvail().x < kSideBySideWidth) {
            draw_settings();
            ImGui::Spacing();
            draw_run_controls();
            return;
        }
        if (!ImGui::BeginTable("##controls", 2, ImGuiTableFlags_BordersInnerV)) return;
        ImGui::TableSetupColumn("##settings", ImGuiTableColumnFlags_WidthStretch, 0.5f);
        ImGui::TableSetupColumn("##run", ImGuiTableColumnFlags_WidthStretch, 0.5f);
        ImGui::TableNextColumn();
        draw_settings();
        ImGui::TableNextColumn();
        draw_run_controls();
        ImGui::EndTable();
    }

    // A touch screen's slider gets the whole width under its label rather than a sliver beside it.
    static float min_field_width() { return narrow_layout() ? 160.0f : 100.0f; }

    // Choices on one line while they fit, else on the next ones; `each(i, label)` draws the i-th.
    template <typename Each>
    static void radio_row(const char* title, std::initializer_list<const char*> labels, Each&& each) {
        ImGui::TextUnformatted(title);
        int i = 0;
        for (const char* label : labels) {
            same_line_if_fits(choice_width(label));
            each(i++, label);
        }
    }

    void draw_settings() {
        const LabelledFields field({tr(ExhibitionText::boards), tr(ExhibitionText::her_time), tr(ExhibitionText::their_time),
                                    tr(ExhibitionText::moves_per_game)},
                                   kSliderWidth, min_field_width());
        ImGui::SliderInt(field(tr(ExhibitionText::boards)).c_str(), &settings_.boards, 1, exhibition::kMaxBoards);
        draw_field_error(field_errors_, "boards");
        const double min_s = 0.5, max_s = exhibition::kMaxMoveSeconds;
        ImGui::SliderScalar(field(tr(ExhibitionText::her_time)).c_str(), ImGuiDataType_Double, &settings_.her_s, &min_s, &max_s, "%.1f s",
                            ImGuiSliderFlags_Logarithmic);
        draw_field_error(field_errors_, "her");
        ImGui::SliderScalar(field(tr(ExhibitionText::their_time)).c_str(), ImGuiDataType_Double, &settings_.them_s, &min_s, &max_s,
                            "%.1f s", ImGuiSliderFlags_Logarithmic);
        draw_field_error(field_errors_, "them");
        ImGui::SliderInt(field(tr(ExhibitionText::moves_per_game)).c_str(), &settings_.moves, 1, exhibition::kMaxMoves);
        draw_field_error(field_errors_, "moves");
        int mode = static_cast<int>(settings_.mode);
        radio_row(tr(ExhibitionText::schedules),   // mode 0, 1, 2
                  {tr(PrimesText::executor_sequential), tr(ExhibitionText::mode_simultaneous), tr(ExhibitionText::mode_both)},
                  [&](int value, const char* label) { ImGui::RadioButton(label, &mode, value); });
        settings_.mode = static_cast<Mode>(mode);
        draw_field_error(field_errors_, "mode");
        draw_field_error(field_errors_, "seed");
    }

    void draw_run_controls() {
        ImGui::BeginDisabled(speed_max_);
        const LabelledFields field({tr(ExhibitionText::speed)}, kSliderWidth, min_field_width());
        const double min_speed = 60, max_speed = exhibition::kMaxSpeed;
        if (ImGui::SliderScalar(field(tr(ExhibitionText::speed)).c_str(), ImGuiDataType_Double, &speed_, &min_speed, &max_speed, "%.0f",
                                ImGuiSliderFlags_Logarithmic))
            set_speed_from_controls();
        ImGui::EndDisabled();
        if (checkbox_wrapped(tr(ExhibitionText::speed_max), &speed_max_)) set_speed_from_controls();
        draw_field_error(field_errors_, "speed");

        // The buttons keep their words whole and flow onto a second line when the three do not fit.
        const bool have_run = view_.run_id > 0;
        const char* start_label = have_run ? tr(ExhibitionText::restart) : tr(SystemText::start);
        const char* pause_label = tr(view_.paused ? ExhibitionText::resume : ExhibitionText::pause);
        const float button_w = std::max({110.0f, button_width(tr(ExhibitionText::restart)), button_width(tr(SystemText::start)),
                                         button_width(tr(ExhibitionText::pause)), button_width(tr(ExhibitionText::resume))});
        const float step_w = std::max(80.0f, button_width(tr(ExhibitionText::step)));
        if (ImGui::Button(start_label, ImVec2(button_w, 0))) start();
        same_line_if_fits(button_w);
        ImGui::BeginDisabled(!view_.running);
        if (ImGui::Button(pause_label, ImVec2(button_w, 0))) live_.set_paused(!view_.paused);
        same_line_if_fits(step_w);
        if (ImGui::Button(tr(ExhibitionText::step), ImVec2(step_w, 0))) live_.step();
        ImGui::EndDisabled();
        ImGui::PushTextWrapPos(0.0f);
        if (settings_differ_from_run()) ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.4f, 1.0f), "%s", tr(ExhibitionText::settings_changed));
        if (const auto& snap = view_.snapshot) {
            ImGui::Text("%s %s", tr(ExhibitionText::simulated_time), clock_text(snap->now_s).c_str());
            const char* status = view_.finished ? tr(ExhibitionText::finished_all) : view_.paused ? tr(ExhibitionText::paused) : nullptr;
            if (status) {
                same_line_if_fits(ImGui::CalcTextSize(status).x + ImGui::CalcTextSize("()").x);
                ImGui::TextColored(view_.finished ? ImVec4(0.5f, 0.85f, 0.5f, 1) : ImVec4(1.0f, 0.8f, 0.4f, 1), "(%s)", status);
            }
            ImGui::TextDisabled("%s: %.3f\u00a0s", tr(ExhibitionText::sim_thread_busy), view_.busy_s);
        }
        ImGui::PopTextWrapPos();
    }

    static constexpr float kSideBySideWidth = 700.0f;   // below it, blocks that sit side by side stack
    static constexpr float kSliderWidth = 200.0f;

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: clocks
    // -------------------------------------------------------------------------

    static void draw_clock_face(ImDrawList* draw, ImVec2 centre, float radius, double seconds, ImU32 colour) {
        draw->AddCircleFilled(centre, radius, IM_COL32(28, 30, 36, 255), 48);
        draw->AddCircle(centre, radius, with_alpha(colour, 0.9f), 48, 2.0f);
        for (int tick = 0; tick < 12; ++tick) {
            const float a = static_cast<float>(tick) * 3.14159265f / 6.0f;
            const ImVec2 dir(std::sin(a), -std::cos(a));
            draw->AddLine(ImVec2(centre.x + dir.x * radius * 0.82f, centre.y + dir.y * radius * 0.82f),
                          ImVec2(centre.x + dir.x * radius * 0.95f, centre.y + dir.y * radius * 0.95f),
                          IM_COL32(170, 170, 170, 255), 1.5f);
        }
        const auto hand = [&](double turns, float length, float thickness, ImU32 c) {
            const float a = static_cast<float>(turns * 2.0 * 3.14159265358979);
            draw->AddLine(centre, ImVec2(centre.x + std::sin(a) * radius * length, centre.y - std::cos(a) * radius * length),
                          c, thickness);
        };
        hand(seconds / 43200.0, 0.5f, 3.5f, IM_COL32(230, 230, 230, 255));   // hours
        hand(seconds / 3600.0, 0.78f, 2.0f, colour);                         // minutes
        draw->AddCircleFilled(centre, 3.0f, IM_COL32(230, 230, 230, 255));
    }

    // The two clocks side by side while each keeps room for its words beside its face, else one above the other.
    void draw_clocks() {
        const float clock_w = 2 * kClockRadius + 8 + ImGui::GetStyle().ItemSpacing.x + kClockTextMinWidth;
        if (ImGui::GetContentRegionAvail().x < 2 * clock_w) {
            draw_clock(Schedule::sequential);
            ImGui::Spacing();
            draw_clock(Schedule::simultaneous);
            return;
        }
        if (!ImGui::BeginTable("##clocks", 2, ImGuiTableFlags_BordersInnerV)) return;
        for (const auto schedule : {Schedule::sequential, Schedule::simultaneous}) {
            ImGui::TableNextColumn();
            draw_clock(schedule);
        }
        ImGui::EndTable();
    }

    void draw_clock(Schedule schedule) {
        const ExhibitionOptions& o = view_.options ? *view_.options : settings_;
        const ScheduleView* live = nullptr;
        if (view_.snapshot)
            for (const auto& s : view_.snapshot->schedules)
                if (s.schedule == schedule) live = &s;
        const bool sequential = schedule == Schedule::sequential;
        const ImU32 colour = sequential ? kSequentialColour : kSimultaneousColour;
        const double formula = sequential ? exhibition::sequential_total_s(o) : exhibition::simultaneous_total_s(o);
        const double elapsed = live ? live->elapsed_s : 0;
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        draw_clock_face(ImGui::GetWindowDrawList(), ImVec2(origin.x + kClockRadius + 2, origin.y + kClockRadius + 2), kClockRadius,
                        elapsed, colour);
        ImGui::Dummy(ImVec2(2 * kClockRadius + 8, 2 * kClockRadius + 4));
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(0.0f);   // every line wraps at the column's (or the panel's) right edge
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour), "%s",
                           tr(sequential ? ExhibitionText::sequential_schedule : ExhibitionText::simultaneous_schedule));
        if (live) ImGui::Text("%s %s", tr(ExhibitionText::simulated), clock_text(elapsed).c_str());
        else ImGui::TextDisabled("%s", tr(ExhibitionText::not_simulated));
        ImGui::Text("%s %s", tr(ExhibitionText::formula), clock_text(formula).c_str());
        if (!sequential) {
            char round[64];   // "(30 × 60 s)" stays whole: no-break spaces
            std::snprintf(round, sizeof round, "(%d\u00a0×\u00a0%g\u00a0s)", o.moves, exhibition::simultaneous_round_s(o));
            same_line_if_fits(ImGui::CalcTextSize(round).x);
            ImGui::TextDisabled("%s", round);
        }
        if (live) {
            int moves = 0, wins = 0, losses = 0, draws = 0, limit = 0;
            for (const auto& b : live->boards) {
                moves += b.moves;
                if (b.result == "1-0") ++wins;
                else if (b.result == "0-1") ++losses;
                else if (b.result == "1/2-1/2") ++draws;
                else if (b.state == BoardState::finished) ++limit;
            }
            char label[64];
            const int total = o.boards * o.moves;
            std::snprintf(label, sizeof label, "%d / %d %s", moves, total, tr(ExhibitionText::moves_played));
            ImGui::ProgressBar(total > 0 ? static_cast<float>(moves) / static_cast<float>(total) : 0.0f,
                               ImVec2(std::max(120.0f, ImGui::GetContentRegionAvail().x - 8), 0), label);
            if (live->her_board > 0) ImGui::Text("%s %d", tr(ExhibitionText::she_is_at), live->her_board);
            else ImGui::Text("%s", tr(ExhibitionText::she_is_done));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::Text(tr(ExhibitionText::results_line), wins, losses, draws, limit);
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
    }

    static constexpr float kClockRadius = 42.0f;
    static constexpr float kClockTextMinWidth = 230.0f;   // a clock's words beside its face: at least this wide

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: boards and her path
    // -------------------------------------------------------------------------

    static void draw_board(ImDrawList* draw, ImVec2 p, float size, const std::string& fen, float alpha) {
        const float square = size / 8.0f;
        ImFont* font = ImGui::GetFont();
        int rank = 0, file = 0;
        for (int r = 0; r < 8; ++r)
            for (int f = 0; f < 8; ++f) {
                const ImU32 c = (r + f) % 2 == 0 ? IM_COL32(236, 217, 185, 255) : IM_COL32(174, 137, 104, 255);
                draw->AddRectFilled(ImVec2(p.x + static_cast<float>(f) * square, p.y + static_cast<float>(r) * square),
                                    ImVec2(p.x + static_cast<float>(f + 1) * square, p.y + static_cast<float>(r + 1) * square),
                                    with_alpha(c, alpha));
            }
        for (char c : fen) {
            if (c == ' ' || rank > 7) break;
            if (c == '/') {
                ++rank;
                file = 0;
                continue;
            }
            if (c >= '1' && c <= '8') {
                file += c - '0';
                continue;
            }
            const int index = piece_index(c);
            if (index < 0 || file > 7) continue;
            const bool white = c >= 'A' && c <= 'Z';
            const float glyph_size = square * 1.3f;   // the glyphs fill ~3/4 of their em box
            const std::string filled = chess_glyph(index, true);
            const ImVec2 extent = font->CalcTextSizeA(glyph_size, FLT_MAX, 0, filled.c_str());
            const ImVec2 at(p.x + (static_cast<float>(file) + 0.5f) * square - extent.x / 2,
                            p.y + (static_cast<float>(rank) + 0.5f) * square - extent.y / 2);
            // White: a filled glyph painted white under the outlined one, so it reads on light squares too.
            draw->AddText(font, glyph_size, at, with_alpha(white ? IM_COL32(255, 255, 255, 255) : IM_COL32(15, 15, 15, 255), alpha),
                          filled.c_str());
            if (white)
                draw->AddText(font, glyph_size, at, with_alpha(IM_COL32(20, 20, 20, 255), alpha), chess_glyph(index, false).c_str());
            ++file;
        }
    }

    void draw_boards(const exhibition::ExhibitionSnapshot& snap) {
        // Which schedule's boards: both are simulated side by side; one grid at a time fits the window.
        const ScheduleView* shown = &snap.schedules.back();
        if (snap.schedules.size() > 1) {
            ImGui::TextUnformatted(tr(ExhibitionText::boards_shown));
            for (const auto& s : snap.schedules) {
                const char* name = s.schedule == Schedule::sequential ? tr(PrimesText::executor_sequential)
                                                                      : tr(ExhibitionText::mode_simultaneous);
                same_line_if_fits(choice_width(name));
                if (ImGui::RadioButton(name, shown_schedule_ == s.schedule)) shown_schedule_ = s.schedule;
            }
            for (const auto& s : snap.schedules)
                if (s.schedule == shown_schedule_) shown = &s;
        }
        const auto& boards = shown->boards;
        const int count = static_cast<int>(boards.size());
        const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
        const float label_h = ImGui::GetTextLineHeight();
        // A caption is "board · moves" with the result at the right; the widest the run can show sizes them all.
        const int max_moves = view_.options ? view_.options->moves : settings_.moves;
        char widest_label[48];
        std::snprintf(widest_label, sizeof widest_label, "%d · %d", count, max_moves);
        const float label_w = ImGui::CalcTextSize(widest_label).x;
        const float number_w = ImGui::CalcTextSize(std::to_string(count).c_str()).x;
        const float result_w = std::max({ImGui::CalcTextSize("1-0").x, ImGui::CalcTextSize("0-1").x, ImGui::CalcTextSize("½-½").x});
        // The biggest boards for which the grid stays within ~380 px (past that, the most columns whose cells still
        // hold the board's number).
        const int most_columns = std::max(1, std::min({count, 12, static_cast<int>(width / (number_w + 12.0f))}));
        int columns = most_columns;
        for (int c = 1; c <= most_columns; ++c) {
            const float b = std::min(130.0f, width / static_cast<float>(c)) - 10.0f;
            if (static_cast<float>((count + c - 1) / c) * (b + label_h + 8.0f) <= 380.0f) {
                columns = c;
                break;
            }
        }
        const float cell = std::min(130.0f, width / static_cast<float>(columns));
        const float board = cell - 10.0f;
        // Captions that do not fit under a board: the number alone, and the result on a line of its own.
        const bool show_moves = label_w <= cell - 4.0f;
        const bool result_below = (show_moves ? label_w : number_w) + 6.0f + result_w > board;
        const float row_h = board + label_h * (result_below ? 2.0f : 1.0f) + 8.0f;
        const int rows = (count + columns - 1) / columns;
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const auto corner = [&](int i) {
            return ImVec2(origin.x + static_cast<float>(i % columns) * cell, origin.y + static_cast<float>(i / columns) * row_h);
        };
        for (int i = 0; i < count; ++i) {
            const BoardView& b = boards[static_cast<std::size_t>(i)];
            const ImVec2 p = corner(i);
            const bool hers = b.board == shown->her_board;
            const float alpha = b.state == BoardState::waiting_for_her && !hers ? 0.38f
                                : b.state == BoardState::finished                ? 0.6f
                                                                                 : 1.0f;
            draw_board(draw, p, board, b.fen, alpha);
            if (hers) draw->AddRect(ImVec2(p.x - 3, p.y - 3), ImVec2(p.x + board + 3, p.y + board + 3), kHerColour, 3.0f, 0, 3.0f);
            else if (b.state == BoardState::opponent_thinking)
                draw->AddRect(ImVec2(p.x - 1, p.y - 1), ImVec2(p.x + board + 1, p.y + board + 1), kThinkingColour, 2.0f, 0, 1.5f);
            char label[48];
            if (show_moves) std::snprintf(label, sizeof label, "%d · %d", b.board, b.moves);
            else std::snprintf(label, sizeof label, "%d", b.board);
            draw->AddText(ImVec2(p.x, p.y + board + 2), IM_COL32(190, 190, 190, 255), label);
            if (b.state == BoardState::finished) {
                const std::string result = b.result == "1/2-1/2" ? "½-½" : b.result;
                const ImU32 rc = b.result == "1-0" ? IM_COL32(130, 220, 130, 255)
                                 : b.result == "0-1" ? IM_COL32(240, 110, 100, 255)
                                                     : IM_COL32(200, 200, 200, 255);
                const float w = ImGui::CalcTextSize(result.c_str()).x;
                if (result_below) draw->AddText(ImVec2(p.x, p.y + board + 2 + label_h), rc, result.c_str());
                else draw->AddText(ImVec2(p.x + board - w, p.y + board + 2), rc, result.c_str());
            }
            if (ImGui::IsMouseHoveringRect(p, ImVec2(p.x + board, p.y + board)))
                ImGui::SetTooltip("%d: %s · %s %s", b.board, tr(state_text(b.state)), b.last_move.c_str(),
                                  b.state == BoardState::finished ? std::string(exhibition::to_string(b.end)).c_str() : "");
        }
        // Her path: the latest visits, older ones fainter; she stands at the last.
        const auto& path = shown->her_path;
        const std::size_t shown_visits = std::min(path.size(), static_cast<std::size_t>(count) + 1);
        const std::size_t first = path.size() - shown_visits;
        const auto centre = [&](int board_number) {
            const ImVec2 p = corner(board_number - 1);
            return ImVec2(p.x + board / 2, p.y + board / 2);
        };
        for (std::size_t i = first + 1; shown->her_board > 0 && i < path.size(); ++i) {
            const float age = static_cast<float>(path.size() - i) / static_cast<float>(shown_visits);
            draw->AddLine(centre(path[i - 1]), centre(path[i]), with_alpha(kHerColour, 0.85f - 0.7f * age), 2.5f);
        }
        if (shown->her_board > 0) {
            const ImVec2 c = centre(shown->her_board);
            draw->AddCircleFilled(c, 9.0f, kHerColour);
            const char* she = tr(ExhibitionText::she_label);
            const ImVec2 t = ImGui::CalcTextSize(she);
            const ImVec2 at(c.x - t.x / 2, c.y - 22 - t.y / 2);
            draw->AddRectFilled(ImVec2(at.x - 3, at.y - 1), ImVec2(at.x + t.x + 3, at.y + t.y + 1), IM_COL32(20, 20, 24, 230), 3.0f);
            draw->AddText(at, kHerColour, she);
        }
        ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * row_h));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s:", tr(ExhibitionText::her_path));
        // Beside its title when it fits whole, else below it; a line breaks only after an arrow ("12 →" stays whole).
        std::string trail;
        for (std::size_t i = first; i < path.size(); ++i) trail += (i > first ? "\u00a0→ " : "") + std::to_string(path[i]);
        same_line_if_fits(ImGui::CalcTextSize(trail.c_str()).x);
        ImGui::TextUnformatted(trail.c_str());
        // The legend: each key whole, on the line while it fits.
        const std::pair<ImU32, ExhibitionText> keys[] = {{kHerColour, ExhibitionText::state_her_move},
                                               {kThinkingColour, ExhibitionText::state_thinking},
                                               {0, ExhibitionText::state_waiting}};
        for (std::size_t i = 0; i < std::size(keys); ++i) {
            const std::string key = std::string("■\u00a0") + tr(keys[i].second);
            if (i > 0) same_line_if_fits(ImGui::CalcTextSize(key.c_str()).x);
            if (keys[i].first) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(keys[i].first), "%s", key.c_str());
            else ImGui::TextDisabled("%s", key.c_str());
        }
        ImGui::PopTextWrapPos();
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: event loop
    // -------------------------------------------------------------------------

    // Every line wraps at the column's edge; a value goes beside its title while it fits whole, else below it.
    static void draw_loop(const aio::LoopSnapshot& loop) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr(ExhibitionText::event_loop));
        ImGui::Text("%s:", tr(ExhibitionText::loop_running));
        const char* running = loop.running ? loop.running->c_str() : tr(ExhibitionText::nobody);
        same_line_if_fits(ImGui::CalcTextSize(running).x);
        if (loop.running) ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.35f, 1), "%s", running);
        else ImGui::TextDisabled("%s", running);
        ImGui::Text("%s (%zu):", tr(ExhibitionText::loop_ready), loop.ready.size());
        if (loop.ready.empty()) {
            same_line_if_fits(ImGui::CalcTextSize(tr(ExhibitionText::empty)).x);
            ImGui::TextDisabled("%s", tr(ExhibitionText::empty));
        }
        constexpr std::size_t kShown = 6;
        for (std::size_t i = 0; i < loop.ready.size() && i < kShown; ++i) bullet_wrapped(loop.ready[i].c_str());
        if (loop.ready.size() > kShown) ImGui::TextDisabled("  + %zu %s", loop.ready.size() - kShown, tr(ExhibitionText::more));
        ImGui::Text("%s (%zu):", tr(ExhibitionText::loop_timers), loop.timers.size());
        constexpr std::size_t kTimers = 10;
        for (std::size_t i = 0; i < loop.timers.size() && i < kTimers; ++i) {
            const auto& t = loop.timers[i];
            char in[32];
            std::snprintf(in, sizeof in, "+%.0f\u00a0s", t.due_s - loop.now_s);
            ImGui::Text("  %s", clock_text(t.due_s).c_str());
            same_line_if_fits(ImGui::CalcTextSize(in).x);
            ImGui::TextDisabled("%s", in);
            same_line_if_fits(ImGui::CalcTextSize(t.name.c_str()).x);
            ImGui::TextUnformatted(t.name.c_str());
        }
        if (loop.timers.size() > kTimers) ImGui::TextDisabled("  + %zu %s", loop.timers.size() - kTimers, tr(ExhibitionText::more));
        ImGui::Text("%s: %zu", tr(ExhibitionText::loop_waiting), loop.waiting.size());
        ImGui::TextDisabled(tr(ExhibitionText::loop_totals), static_cast<unsigned long long>(loop.created),
                            static_cast<unsigned long long>(loop.finished));
        ImGui::PopTextWrapPos();
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: chart and the slide
    // -------------------------------------------------------------------------

    void draw_chart_and_slide() const {
        if (ImGui::GetContentRegionAvail().x < kSideBySideWidth) {   // the slide's note below the chart
            draw_chart();
            ImGui::Spacing();
            draw_slide();
            return;
        }
        if (!ImGui::BeginTable("##chart", 2, ImGuiTableFlags_BordersInnerV)) return;
        ImGui::TableSetupColumn("##plot", ImGuiTableColumnFlags_WidthStretch, 0.62f);
        ImGui::TableSetupColumn("##slide", ImGuiTableColumnFlags_WidthStretch, 0.38f);
        ImGui::TableNextColumn();
        draw_chart();
        ImGui::TableNextColumn();
        draw_slide();
        ImGui::EndTable();
    }

    void draw_chart() const {
        ExhibitionOptions o = settings_;
        ImGui::TextWrapped(tr(ExhibitionText::chart_title), o.her_s, o.them_s, o.moves);
        constexpr int kMaxN = 60;
        double lo = DBL_MAX, hi = 0;
        std::vector<double> sequential, simultaneous;
        for (int n = 1; n <= kMaxN; ++n) {
            o.boards = n;
            sequential.push_back(exhibition::sequential_total_s(o));
            simultaneous.push_back(exhibition::simultaneous_total_s(o));
            lo = std::min({lo, sequential.back(), simultaneous.back()});
            hi = std::max({hi, sequential.back(), simultaneous.back()});
        }
        lo = std::log10(lo / 1.3);
        hi = std::log10(hi * 1.3);
        const float width = std::max(260.0f, ImGui::GetContentRegionAvail().x);
        const float height = 210.0f, left = 58.0f, bottom = 22.0f;
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(30, 33, 38, 255), 4.0f);
        const float right = ImGui::CalcTextSize("60").x / 2 + 4;   // the last tick's label stays inside
        const float plot_w = width - left - right, plot_h = height - bottom - 10;
        const auto x_of = [&](double n) { return origin.x + left + static_cast<float>((n - 1) / (kMaxN - 1)) * plot_w; };
        const auto y_of = [&](double s) {
            return origin.y + 8 + plot_h - static_cast<float>((std::log10(s) - lo) / (hi - lo)) * plot_h;
        };
        const struct { double s; const char* label; } ticks[] = {{60, "1 min"}, {600, "10 min"}, {1800, "30 min"}, {3600, "1 h"},
                                                               {3 * 3600, "3 h"}, {10 * 3600, "10 h"}, {30 * 3600, "30 h"},
                                                               {100 * 3600, "100 h"}, {1000 * 3600, "1000 h"}};
        for (const auto& t : ticks) {
            const double l = std::log10(t.s);
            if (l < lo || l > hi) continue;
            const float y = y_of(t.s);
            draw->AddLine(ImVec2(origin.x + left, y), ImVec2(origin.x + left + plot_w, y), IM_COL32(60, 64, 72, 255));
            draw->AddText(ImVec2(origin.x + 4, y - 8), IM_COL32(150, 150, 150, 255), t.label);
        }
        for (int n : {1, 10, 20, 30, 40, 50, 60}) {
            const std::string label = std::to_string(n);
            draw->AddText(ImVec2(x_of(n) - ImGui::CalcTextSize(label.c_str()).x / 2, origin.y + height - bottom + 2),
                          IM_COL32(150, 150, 150, 255), label.c_str());
        }
        const int crossover = exhibition::crossover_boards(o);
        if (crossover >= 1 && crossover <= kMaxN) {
            const float x = x_of(crossover);
            for (float y = origin.y + 8; y < origin.y + 8 + plot_h; y += 8)
                draw->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, origin.y + 8 + plot_h)), kHerColour, 1.5f);
            char label[32];
            std::snprintf(label, sizeof label, "N = %d", crossover);
            draw->AddText(ImVec2(x + 4, origin.y + 10), kHerColour, label);
        }
        const auto curve = [&](const std::vector<double>& values, ImU32 colour) {
            for (int n = 2; n <= kMaxN; ++n)
                draw->AddLine(ImVec2(x_of(n - 1), y_of(values[static_cast<std::size_t>(n - 2)])),
                              ImVec2(x_of(n), y_of(values[static_cast<std::size_t>(n - 1)])), colour, 2.0f);
        };
        curve(sequential, kSequentialColour);
        curve(simultaneous, kSimultaneousColour);
        if (settings_.boards <= kMaxN) {
            const auto i = static_cast<std::size_t>(settings_.boards - 1);
            for (const auto& [values, colour] : {std::pair{&sequential, kSequentialColour}, std::pair{&simultaneous, kSimultaneousColour}}) {
                const ImVec2 c(x_of(settings_.boards), y_of((*values)[i]));
                draw->AddCircleFilled(c, 4.5f, colour);
                const std::string t = clock_text((*values)[i]);
                draw->AddText(ImVec2(c.x + 6, c.y - 16), colour, t.c_str());
            }
        }
        ImGui::Dummy(ImVec2(width, height));
        ImGui::PushTextWrapPos(0.0f);
        const std::string sequential_key = std::string("—\u00a0") + tr(ExhibitionText::sequential_schedule);
        const std::string simultaneous_key = std::string("—\u00a0") + tr(ExhibitionText::simultaneous_schedule);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kSequentialColour), "%s", sequential_key.c_str());
        same_line_if_fits(ImGui::CalcTextSize(simultaneous_key.c_str()).x);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kSimultaneousColour), "%s", simultaneous_key.c_str());
        if (crossover < exhibition::kCrossoverNever) ImGui::Text(tr(ExhibitionText::crossover_note), crossover);
        ImGui::PopTextWrapPos();
    }

    void draw_slide() const {
        ExhibitionOptions o = settings_;
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.4f, 1.0f), "%s", tr(ExhibitionText::slide_title));
        ImGui::PopTextWrapPos();
        ImGui::TextWrapped(tr(ExhibitionText::slide_note), o.boards, o.her_s, o.her_s, o.them_s, exhibition::simultaneous_round_s(o),
                           o.moves, exhibition::simultaneous_rounds_s(o) / 60.0,
                           exhibition::simultaneous_total_s(o) - exhibition::simultaneous_rounds_s(o));
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: spinners
    // -------------------------------------------------------------------------

    void draw_spinners() {
        ImGui::TextWrapped("%s", tr(ExhibitionText::spin_title));
        ImGui::TextWrapped("%s", tr(ExhibitionText::spin_intro));
        const bool running = spinner_.running();
        ImGui::BeginDisabled(running);
        int kind = static_cast<int>(spinner_options_.kind);
        constexpr exhibition::SpinnerKind kKinds[] = {exhibition::SpinnerKind::thread, exhibition::SpinnerKind::process,
                                                      exhibition::SpinnerKind::coroutine};
        radio_row(tr(ExhibitionText::spin_kind),
                  {tr(ExhibitionText::spin_thread), tr(ExhibitionText::spin_process), tr(ExhibitionText::spin_coroutine)},
                  [&](int i, const char* label) { ImGui::RadioButton(label, &kind, static_cast<int>(kKinds[i])); });
        spinner_options_.kind = static_cast<exhibition::SpinnerKind>(kind);
        draw_field_error(field_errors_, "spinner");
        checkbox_wrapped(tr(ExhibitionText::spin_block), &spinner_options_.block);
        draw_field_error(field_errors_, "block");
        const LabelledFields seconds_field({tr(ExhibitionText::spin_seconds)}, kSliderWidth, min_field_width());
        const double min_s = 0.5, max_s = 10;
        ImGui::SliderScalar(seconds_field(tr(ExhibitionText::spin_seconds)).c_str(), ImGuiDataType_Double, &spinner_options_.seconds, &min_s,
                            &max_s, "%.1f s", ImGuiSliderFlags_AlwaysClamp);
        same_line_if_fits(button_width(tr(ExhibitionText::spin_run)));
        if (ImGui::Button(tr(ExhibitionText::spin_run))) {
            for (const char* field : {"spinner", "block", "spinner-seconds"}) field_errors_.erase(field);
            start_spinner();
        }
        draw_field_error(field_errors_, "spinner-seconds");
        ImGui::EndDisabled();

        // The spinner as the terminal shows it, plus a plate that turns 45° a frame.
        static constexpr char kChars[] = {'\\', '|', '/', '-'};
        const std::uint64_t frames = spinner_.frames();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 centre(origin.x + 22, origin.y + 22);
        const float angle = static_cast<float>(frames % 8) * 3.14159265f / 4.0f;
        draw->AddCircle(centre, 20, IM_COL32(120, 120, 130, 255), 32, 1.5f);
        draw->AddLine(ImVec2(centre.x - 18 * std::cos(angle), centre.y - 18 * std::sin(angle)),
                      ImVec2(centre.x + 18 * std::cos(angle), centre.y + 18 * std::sin(angle)),
                      running ? kHerColour : IM_COL32(150, 150, 150, 255), 3.0f);
        ImGui::Dummy(ImVec2(48, 44));
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(0.0f);
        if (running) {
            ImGui::Text("%c thinking!", kChars[frames % 4]);
            const double since = spinner_.since_last_frame_s();
            if (since > exhibition::kFreezeGapS)
                ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), tr(ExhibitionText::spin_frozen_now), since);
        } else if (const auto outcome = spinner_.outcome()) {
            const auto options = spinner_.options();
            if (!outcome->error.empty())
                ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", outcome->error.c_str());
            else
                ImGui::Text(tr(ExhibitionText::spin_answer), static_cast<unsigned long long>(options ? options->number : 0),
                            static_cast<unsigned long long>(outcome->answer));
            ImGui::Text(tr(ExhibitionText::spin_summary), static_cast<unsigned long long>(outcome->gaps.frames()),
                        outcome->gaps.longest_gap_s());
            char froze[96];
            if (outcome->gaps.froze()) std::snprintf(froze, sizeof froze, tr(ExhibitionText::spin_froze), outcome->gaps.frozen_s());
            else std::snprintf(froze, sizeof froze, "%s", tr(ExhibitionText::spin_never_froze));
            same_line_if_fits(ImGui::CalcTextSize(froze).x);
            ImGui::TextColored(outcome->gaps.froze() ? ImVec4(1.0f, 0.45f, 0.4f, 1.0f) : ImVec4(0.5f, 0.85f, 0.5f, 1.0f), "%s", froze);
        }
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", tr(ExhibitionText::spin_process_note));
        ImGui::PopStyleColor();
    }

    ExhibitionOptions settings_;
    exhibition::SpinnerOptions spinner_options_{exhibition::SpinnerKind::coroutine, true, 3};
    exhibition::LiveSpinner spinner_;
    bool spinner_was_running_ = false;
    bool launch_spinner_ = false;     // spinner= at launch: start it on the first loop turn
    bool spinner_launched_ = false;   // the running spinner came from the launch options
    double speed_ = 60;
    bool speed_max_ = false;
    options::FieldErrors field_errors_;
    exhibition::LiveExhibition live_;
    exhibition::LiveView view_;
    std::uint64_t drawn_version_ = 0;
    Schedule shown_schedule_ = Schedule::simultaneous;
};

}  // namespace

std::unique_ptr<DemoPanel> make_exhibition_panel() { return std::make_unique<ExhibitionPanel>(); }

}  // namespace conclab::ui
