// The Primes panel's words, in English and Portuguese; the run/history/timing words the Wikipedia-images panel shares.
#pragma once

#include "language.h"

namespace conclab::ui {

enum class PrimesText {
    menu, title, intro, lesson, executor, workers, sample, sample_talk, sample_fluent, sample_custom,
    magnitude, numbers, run, cancel, number, prime, lpf, elapsed, pending, running_for, timeline, gil_legend,
    history, speedup, wall, cpu, cpu_busy_note, cpu_process_note, no_sequential_yet, clear_history,
    executor_sequential, executor_threads, executor_processes, executor_gil, processes_web_note, gil_note,
    startup, checks_in, of_wall, last_good_run, run_failed, count_,
};

/// @brief The text in the current language.
const char* tr(PrimesText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(PrimesText key, Language language);

}  // namespace conclab::ui
