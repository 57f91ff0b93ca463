// Every user-visible string, in English and Portuguese, through one table.
#pragma once

#include <string_view>

namespace conclab::ui {

enum class Language { en, pt };

enum class Text {
    app_title, demos, language, about_line,
    // System panel
    system_title, system_intro, logical_cpus, cross_origin_isolated, yes, no, build, processes, threads,
    this_program_threads, unknown, frame_time, fps, spin_title, spin_intro, spin_workers, start, stop,
    worker, iterations, rate, spin_note_free_core, starting,
    // Primes panel
    primes_menu, primes_title, primes_intro, primes_lesson, executor, workers, sample, sample_talk, sample_fluent,
    sample_custom, magnitude, numbers, run, cancel, number, prime, lpf, elapsed, pending, running_for,
    timeline, history, speedup, wall, cpu, cpu_busy_note, cpu_process_note, no_sequential_yet, clear_history,
    executor_sequential, executor_threads, executor_processes, executor_gil, processes_web_note,
    gil_note, startup, checks_in, of_wall, last_good_run, run_failed, drawing_on_demand, drawing_always,

    // Wikipics panel (issue 7): its keys below this line
    wikipics_menu, wikipics_title, wikipics_intro, wikipics_lesson, wikipics_count, wikipics_size, wikipics_max_req, wikipics_server, wikipics_timeout, wikipics_seed, wikipics_server_live, wikipics_server_mirror, wikipics_server_other, wikipics_live_checking, wikipics_live_ok, wikipics_live_unreachable, wikipics_no_mirror, wikipics_executor_async, wikipics_async_unsupported, wikipics_sampling, wikipics_sample_failed, wikipics_gallery, wikipics_lanes, wikipics_wait, wikipics_transfer, wikipics_decode, wikipics_total_bytes, wikipics_downloaded, wikipics_errors, wikipics_cpu_unavailable, wikipics_web_cancel_note, wikipics_cancelling, wikipics_decode_error, wikipics_mb_s,

    // Exhibition panel and spinners (issue 8): its keys below this line

    // Lab panel (issue 9): its keys below this line

    count_
};

void set_language(Language language);
Language language();
/// @brief The text in the current language.
const char* tr(Text key);
/// @brief "en" / "pt" ↔ Language.
bool parse_language(std::string_view code, Language& out);

}  // namespace conclab::ui
