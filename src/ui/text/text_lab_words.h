// Core's English sentences of the lab (methods, notes, reasons, table titles and cells) as templates, with their
// Portuguese (matched by lab_words.cpp). Measure names are not here: they are worded from their ids
// (text_lab_measures).
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class LabWordText {
    event_loop, reserves_nothing, no_address_space, no_os_processes,
    no_worker_rss, no_worker_ram, no_fork, no_socketpair, no_disk, no_tcp, note_ipc_coroutines, note_ideal,
    note_4mb_resident, note_4mb, ulimit_kib, ulimit_unlimited, no_ulimit, note_disk, tmpfs, note_cycles,
    clock_nominal, clock_current, clock_assumed, clock_browser, note_loopback, note_fetch, note_live,
    note_live_failed, top_processes, h_name, ladder_title, h_rung, h_talk_cycles, h_talk_human, h_measured,
    h_cycles_here, h_human_here, h_measured_as, not_in_talk, not_measured, rung_disk, rung_network, machine,
    years, days, as_chase_cached, as_chase, as_fsync, as_loopback, as_fetch, m_throughput, m_relay, m_coarse,
    m_thread_start, m_spawn, this_program, m_fork, m_coroutine_start, m_idle_threads, m_idle_processes,
    m_idle_coroutines, m_idle_coroutines_rss, m_stack, m_atomics, m_queue, m_pipe, m_socketpair, m_tcp,
    m_thread_pingpong, m_process_pingpong, m_coroutine_pingpong, m_scaling, pool_threads, pool_processes,
    pool_gil, m_proc, m_chase, m_pwrite, m_pread, mw_thread_start, mw_worker_start, mw_idle_threads,
    mw_idle_workers, mw_stack, mw_post, mw_post_pingpong, mw_atomics, mw_queue, mw_pingpong, mw_browser,
    mw_page_workers, mw_chase, mw_fetch, step_failed,
    // the words of JSON exported before the ladder was credited to its real source, read back in Portuguese
    old_ladder_title, old_h_talk_cycles, old_h_talk_human, old_not_in_talk, old_note_loopback, old_note_fetch,
    old_note_4mb_resident, old_note_4mb, count_,
};

/// @brief The text in the current language.
const char* tr(LabWordText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(LabWordText key, Language language);

}  // namespace conclab::ui
