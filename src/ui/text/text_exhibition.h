// The exhibition panel's words, in English and Portuguese.
#pragma once

#include "ui/text/language.h"

#include <string>
#include <string_view>

namespace conclab::ui {

enum class ExhibitionText {
    menu, title, intro, lesson, boards, her_time, their_time, moves_per_game, schedules, mode_both, speed,
    speed_max, restart, pause, resume, step, settings_changed, press_start, simulated_time, sim_thread_busy,
    paused, finished_all, sequential_schedule, simultaneous_schedule, formula, simulated, not_simulated,
    she_is_at, she_is_done, results_line, moves_played, boards_shown, state_waiting, state_her_move,
    state_thinking, state_over, her_path, event_loop, loop_running, loop_ready, loop_timers, loop_waiting,
    loop_totals, nobody, empty, more, chart_title, crossover_note, slide_title, slide_note, she_label,
    mode_simultaneous, times_title, time_slide, time_formula, time_clock, time_clock_pending, talk_average,
    caption_legend, not_started, chart_y_axis, chart_x_axis, fast_forward, she_starts, task_board, task_her, count_,
};

/// @brief The text in the current language.
const char* tr(ExhibitionText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(ExhibitionText key, Language language);

/// @brief An event-loop task's name as the page says it: "tabuleiro 3 (sequencial)" for core's "board 3
/// (sequential)" (exhibition::task_label); any other name as it is.
std::string task_words(std::string_view loop_name, Language language);
std::string task_words(std::string_view loop_name);

}  // namespace conclab::ui
