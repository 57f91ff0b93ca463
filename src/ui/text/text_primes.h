// The Primes panel's words, in English and Portuguese; the run/history/timing words the Wikipedia-images panel shares
// (executor_threads stays plain "threads" for its downloads; the primes panel labels its threads executor_threads_no_gil).
#pragma once

#include "core/exec/executor.h"
#include "ui/text/language.h"

namespace conclab::ui {

enum class PrimesText {
    menu, title, intro, lesson, executor, workers, sample, sample_talk, sample_fluent, sample_custom,
    magnitude, numbers, run, cancel, number, prime, lpf, elapsed, pending, running_for, timeline, gil_legend,
    history, speedup, wall, cpu, cpu_busy_note, cpu_process_note, no_sequential_yet, clear_history,
    executor_sequential, executor_threads, executor_processes, executor_gil, processes_web_note, gil_note,
    startup, checks_in, of_wall, last_good_run, run_failed,
    mode_compare, mode_single, compare_start, compare_about, compare_hint, compare_progress, compare_done,
    compare_cancelled, repeats, runs_of, median, spread, ideal, waiting_turn, running_now, timeline_of, zoom,
    position, zoom_reset, zoom_hint, executor_threads_no_gil, gil_columns_note,
    runtime, runtime_cpp, runtime_python, runtime_native_only, python_timeline_note, runtime_pyodide, python_no_threads,
    python_note, python_download, python_compile, python_booting,
    python_sequential, python_threads, python_processes, python_gil, c_extensions_note, free_threaded_note,
    processes_memory_note, ideal_native_note, ideal_web_note, compare_cpython_on, compare_cpython_off,
    compare_cpython_page, compare_start_cpython, count_,
};

/// @brief The text in the current language.
const char* tr(PrimesText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(PrimesText key, Language language);
/// @brief What an executor is, in the current language: "threads, no GIL (C++)", "threads under a GIL (Python's model)"…
const char* executor_label(exec::ExecutorKind kind);

}  // namespace conclab::ui
