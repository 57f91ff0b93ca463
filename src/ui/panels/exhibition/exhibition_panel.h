// The exhibition panel (issue 17: a panel as a folder): the class every part draws into, and the small helpers
// they share — times, chess glyphs, colours. panel.cpp: options, commands, state, the layout and the controls;
// clocks.cpp: the clocks and the three times; boards.cpp: the boards, her path, the event loop; chart.cpp: the
// total-time chart and the talk's slide.
#pragma once

#include "ui/demo_panel.h"

#include "core/exhibition/exhibition_options.h"
#include "core/exhibition/live_exhibition.h"
#include "core/exhibition/schedule.h"
#include "ui/responsive.h"
#include "ui/text/numbers.h"
#include "ui/text/text_exhibition.h"
#include "ui/widgets/trace_export.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

namespace conclab::ui {

using exhibition::BoardState;
using exhibition::BoardView;
using exhibition::ExhibitionOptions;
using exhibition::Mode;
using exhibition::Schedule;
using exhibition::ScheduleView;

// Helpers: times, pieces, colours

/// "h:mm:ss" (simulated times run to hours).
inline std::string clock_text(double seconds) {
    const long total = std::lround(std::max(0.0, seconds));
    char text[32];
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total % 3600 / 60, total % 60);
    return text;
}

inline std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

// U+2654..2659 white (outlined) king, queen, rook, bishop, knight, pawn; U+265A..265F the filled (black) ones.
inline int piece_index(char c) {
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

inline std::string chess_glyph(int index, bool filled) {
    const char utf8[] = {'\xE2', '\x99', static_cast<char>(0x94 + index + (filled ? 6 : 0)), '\0'};
    return utf8;
}

inline ImU32 with_alpha(ImU32 colour, float alpha) {
    const auto a = static_cast<ImU32>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

inline constexpr ImU32 kHerColour = IM_COL32(245, 196, 60, 255);
inline constexpr ImU32 kThinkingColour = IM_COL32(90, 160, 230, 255);
inline constexpr ImU32 kSequentialColour = IM_COL32(230, 130, 60, 255);
inline constexpr ImU32 kSimultaneousColour = IM_COL32(90, 170, 240, 255);

inline ExhibitionText state_text(BoardState state) {
    switch (state) {
    case BoardState::waiting_for_her: return ExhibitionText::state_waiting;
    case BoardState::her_move: return ExhibitionText::state_her_move;
    case BoardState::opponent_thinking: return ExhibitionText::state_thinking;
    case BoardState::finished: return ExhibitionText::state_over;
    }
    return ExhibitionText::state_waiting;
}

class ExhibitionPanel final : public DemoPanel {
public:
    const char* title() const override { return tr(ExhibitionText::menu); }
    void apply(const options::Params& params, options::FieldErrors& errors) override;
    void autorun() override;
    void main_action() override {   // Space: Start, then Pause / Resume while it runs
        if (view_.running) live_.set_paused(!view_.paused);
        else autorun();
    }
    options::Params link_params() const override { return chosen_params(); }   // the page's link (shell/chrome.cpp)
    bool update() override;
    platform::Redraw redraw_need() const override;
    nlohmann::json state() const override;
    void draw() override;

private:
    // panel.cpp
    /// The panel's choices as the text options the CLI and the query string give, parsed by the same rules.
    options::Params chosen_params() const;
    bool validate(ExhibitionOptions& out);
    void start();
    void set_speed_from_controls();
    bool settings_differ_from_run() const;
    /// The boards drawn: the run's latest snapshot, or before any run the settings' starting position.
    const exhibition::ExhibitionSnapshot& shown_snapshot();
    /// The settings (below the pictures) and the run's buttons (above them).
    void draw_settings();
    void draw_run_controls();
    /// A touch screen's slider gets the whole width under its label rather than a sliver beside it; and no slider is
    /// so narrow that its grab covers its widest value ("3600.0 s", "86400").
    static float min_field_width() {
        const float widest = std::max({slider_min_width(localized("3600.0 s", language()).c_str()), slider_min_width("86400"),
                                       slider_min_width("200", exhibition::kMaxMoves)});
        return std::max(narrow_layout() ? 160.0f : 100.0f, widest);
    }
    /// Choices on one line while they fit, else on the next ones; `each(i, label)` draws the i-th.
    template <typename Each>
    static void radio_row(const char* title, std::initializer_list<const char*> labels, Each&& each) {
        ImGui::TextUnformatted(title);
        int i = 0;
        for (const char* label : labels) {
            same_line_if_fits(choice_width(label));
            each(i++, label);
        }
    }

    // clocks.cpp
    static void draw_clock_face(ImDrawList* draw, ImVec2 centre, float radius, double seconds, ImU32 colour);
    /// The two clocks side by side while each keeps room for its words beside its face, else one above the other.
    void draw_clocks();
    void draw_clock(Schedule schedule);
    /// The clocks, Export trace and (`with_times`) the three times, then a separator.
    void draw_clocks_and_times(bool with_times);
    /// A line for the notes that come and go (press Start, settings changed, fast-forward), as tall as the tallest:
    /// what is below it does not move when one of them appears.
    void draw_note_line() const;
    /// The slide's 20 min, the formula's and the clock's: which is which, and the talk's "média de 30 jogadas".
    void draw_times() const;
    float clock_radius() const;

    // boards.cpp
    static void draw_board(ImDrawList* draw, ImVec2 p, float size, const std::string& fen, float alpha);
    /// The colours and the captions explained, above the boards.
    static void draw_legend();
    void draw_boards(const exhibition::ExhibitionSnapshot& snap);
    /// Every line wraps at the column's edge; a value goes beside its title while it fits whole, else below it.
    static void draw_loop(const aio::LoopSnapshot& loop);

    // chart.cpp
    void draw_chart_and_slide() const;
    void draw_chart() const;
    void draw_slide() const;

    static constexpr float kSideBySideWidth = 700.0f;   // below it, blocks that sit side by side stack
    static constexpr float kSliderWidth = 200.0f;
    static constexpr float kClockTextMinWidth = 230.0f;   // a clock's words beside its face: at least this wide

    ExhibitionOptions settings_;
    double speed_ = 60;
    bool speed_max_ = false;
    options::FieldErrors field_errors_;
    exhibition::LiveExhibition live_;
    exhibition::LiveView view_;
    TraceExportButton trace_export_;
    std::uint64_t drawn_version_ = 0;
    Schedule shown_schedule_ = Schedule::simultaneous;
    std::shared_ptr<const exhibition::ExhibitionSnapshot> starting_;   // shown_snapshot() before any run
    ExhibitionOptions starting_of_;
    // Where the last frame drew things, in window units (the stay-put browser test compares them).
    std::array<float, 4> start_button_{};
    std::array<float, 4> boards_slider_{};
    std::array<float, 2> boards_area_{};   // y, height
    int boards_drawn_ = 0;
};

}  // namespace conclab::ui
