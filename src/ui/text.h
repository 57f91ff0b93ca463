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
    system_counts_web_note, system_counts_proc_note, system_counts_no_proc_note,
    // Primes panel
    primes_menu, primes_title, primes_intro, primes_lesson, executor, workers, sample, sample_talk, sample_fluent,
    sample_custom, magnitude, numbers, run, cancel, number, prime, lpf, elapsed, pending, running_for,
    timeline, gil_legend, history, speedup, wall, cpu, cpu_busy_note, cpu_process_note, no_sequential_yet, clear_history,
    executor_sequential, executor_threads, executor_processes, executor_gil, processes_web_note,
    gil_note, startup, checks_in, of_wall, last_good_run, run_failed, drawing_on_demand, drawing_always,
    renderer, renderer_gpu_note, renderer_software_note,

    // Wikipics panel (issue 7): its keys below this line
    wikipics_menu, wikipics_title, wikipics_intro, wikipics_lesson, wikipics_count, wikipics_size, wikipics_max_req, wikipics_server, wikipics_timeout, wikipics_seed, wikipics_server_live, wikipics_server_mirror, wikipics_server_other, wikipics_live_checking, wikipics_live_ok, wikipics_live_unreachable, wikipics_no_mirror, wikipics_executor_async, wikipics_async_unsupported, wikipics_sampling, wikipics_sample_failed, wikipics_gallery, wikipics_lanes, wikipics_wait, wikipics_transfer, wikipics_decode, wikipics_total_bytes, wikipics_downloaded, wikipics_errors, wikipics_cpu_unavailable, wikipics_web_cancel_note, wikipics_cancelling, wikipics_decode_error, wikipics_mb_s,
    wikipics_reason_timeout, wikipics_reason_http_status, wikipics_reason_rate_limited, wikipics_reason_connection_reset,
    wikipics_reason_truncated, wikipics_reason_too_large, wikipics_reason_network, wikipics_reason_cancelled,
    wikipics_details_in_english,

    // Exhibition panel and spinners (issue 8): its keys below this line
    ex_exhibition_menu, ex_exhibition_title, ex_exhibition_intro, ex_exhibition_lesson, ex_boards, ex_her_time,
    ex_their_time, ex_moves_per_game, ex_schedules, ex_mode_both, ex_speed, ex_speed_max, ex_restart, ex_pause,
    ex_resume, ex_step, ex_settings_changed, ex_press_start, ex_simulated_time, ex_sim_thread_busy, ex_paused,
    ex_finished_all, ex_sequential_schedule, ex_simultaneous_schedule, ex_formula, ex_simulated,
    ex_not_simulated, ex_she_is_at, ex_she_is_done, ex_results_line, ex_moves_played, ex_boards_shown,
    ex_state_waiting, ex_state_her_move, ex_state_thinking, ex_state_over, ex_her_path, ex_event_loop,
    ex_loop_running, ex_loop_ready, ex_loop_timers, ex_loop_waiting, ex_loop_totals, ex_nobody, ex_empty,
    ex_more, ex_chart_title, ex_crossover_note, ex_slide_title, ex_slide_note, ex_she_label,
    ex_mode_simultaneous, ex_spin_title, ex_spin_intro, ex_spin_kind, ex_spin_thread, ex_spin_coroutine,
    ex_spin_block, ex_spin_seconds, ex_spin_run, ex_spin_frozen_now, ex_spin_summary, ex_spin_froze,
    ex_spin_never_froze, ex_spin_answer, ex_spin_process_note, ex_spin_process,

    // Lab panel (issue 9): its keys below this line
    lab_menu, lab_title, lab_intro, lab_suite, lab_all_suites, lab_quick, lab_run_all, lab_run_suite,
    lab_cancelling, lab_not_run_yet, lab_running_on_worker, lab_finished, lab_cancelled, lab_summary, lab_measure,
    lab_threads, lab_processes, lab_processes_web, lab_coroutines, lab_row_startup, lab_row_resident,
    lab_row_virtual, lab_row_wasm, lab_row_round_trip, lab_row_throughput, lab_row_switches, lab_row_speedup,
    lab_coroutine_no_speedup, lab_coroutine_call, lab_not_measured, lab_how, lab_click_hint, lab_samples,
    lab_spread, lab_speedup_chart, lab_ideal, lab_gil_model, lab_workers_axis, lab_ladder_chart, lab_talk,
    lab_here, lab_memory_chart, lab_resident, lab_reserved, lab_pss, lab_wasm, lab_export_json, lab_export_csv,
    lab_saved, lab_nothing_to_export, lab_compare, lab_path, lab_load, lab_pick_file, lab_loaded, lab_remove,
    lab_details, lab_notes, lab_suite_not_run,
    lab_live_machine, lab_live_page, lab_live_refresh, lab_live_page_cannot, lab_columns_folded,
    // core's English words of the lab (measure names, methods, notes, reasons, tables) as templates (lab_words.cpp)
    lw_start_one, lw_start_beyond, lw_fork_wait, lw_resident_each, lw_wasm_each, lw_virtual_each, lw_pss_each,
    lw_stack_reserved, lw_round_trip_of, lw_throughput_of, lw_atomics_pipe, lw_lock_socketpair, lw_switches_s,
    lw_two_switches, lw_speedup_n_gil, lw_speedup_1_gil, lw_speedup_n, lw_speedup_1, lw_wall_n_gil, lw_wall_1_gil,
    lw_wall_n, lw_wall_1, lw_logical_cpus, lw_device_memory, lw_page_threads, lw_page_idle, lw_processes_ps,
    lw_threads_all, lw_processes_cpu, lw_threads_process, lw_load_ws, lw_disk_write, lw_disk_read, lw_net_tcp,
    lw_net_fetch, lw_event_loop, lw_reserves_nothing, lw_no_address_space, lw_no_os_processes, lw_no_worker_rss,
    lw_no_worker_ram, lw_no_fork, lw_no_socketpair, lw_no_disk, lw_no_tcp, lw_note_ipc_coroutines, lw_note_ideal,
    lw_note_4mb_resident, lw_note_4mb, lw_ulimit_kib, lw_ulimit_unlimited, lw_no_ulimit, lw_note_disk, lw_tmpfs,
    lw_note_cycles, lw_clock_nominal, lw_clock_current, lw_clock_assumed, lw_clock_browser, lw_note_loopback,
    lw_note_fetch, lw_note_live, lw_note_live_failed, lw_top_processes, lw_h_name, lw_ladder_title, lw_h_rung,
    lw_h_talk_cycles, lw_h_talk_human, lw_h_measured, lw_h_cycles_here, lw_h_human_here, lw_h_measured_as,
    lw_not_in_talk, lw_not_measured, lw_rung_disk, lw_rung_network, lw_machine, lw_years, lw_days, lw_as_chase_cached,
    lw_as_chase, lw_as_fsync, lw_as_loopback, lw_as_fetch, lw_m_throughput, lw_m_relay, lw_m_coarse,
    lw_m_thread_start, lw_m_spawn, lw_this_program, lw_m_fork, lw_m_coroutine_start, lw_m_idle_threads,
    lw_m_idle_processes, lw_m_idle_coroutines, lw_m_idle_coroutines_rss, lw_m_stack, lw_m_atomics, lw_m_queue, lw_m_pipe, lw_m_socketpair,
    lw_m_tcp, lw_m_thread_pingpong, lw_m_process_pingpong, lw_m_coroutine_pingpong, lw_m_scaling, lw_pool_threads,
    lw_pool_processes, lw_pool_gil, lw_m_proc, lw_m_chase, lw_m_pwrite, lw_m_pread, lw_mw_thread_start,
    lw_mw_worker_start, lw_mw_idle_threads, lw_mw_idle_workers, lw_mw_stack, lw_mw_post, lw_mw_post_pingpong,
    lw_mw_atomics, lw_mw_queue, lw_mw_pingpong, lw_mw_browser, lw_mw_page_workers, lw_mw_chase, lw_mw_fetch,

    count_
};

void set_language(Language language);
Language language();
/// @brief The text in the current language.
const char* tr(Text key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(Text key, Language language);
/// @brief "en" / "pt" ↔ Language.
bool parse_language(std::string_view code, Language& out);

}  // namespace conclab::ui
