// The lab's words around its typed data: the notes (lab::Note), the phrases inside methods (the pool, the tries, a file
// system, the clock's source), the latency ladder's and the top processes' tables. Methods and reasons are in
// text_lab_methods, measure names in text_lab_measures.
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class LabWordText {
    // notes
    note_ipc_coroutines, note_ideal, note_4mb_resident, note_4mb, ulimit_kib, ulimit_unlimited, no_ulimit, ulimit_as_written,
    note_disk, note_disk_as_written, note_cycles, clock_nominal, clock_current, clock_assumed, clock_browser,
    note_loopback, note_fetch, note_live, note_live_failed, step_failed,
    // phrases
    fs_tmpfs, fs_unknown, fs_number, pool_threads, pool_processes, pool_gil, tries_one, tries_many,
    // the tables
    top_processes, h_name, h_pid, h_threads, ladder_title, h_rung, h_talk_cycles, h_talk_human, h_measured, h_cycles_here,
    h_human_here, h_measured_as, not_in_talk, not_measured, rung_disk, rung_network, machine,
    as_chase, as_chase_cached, as_fsync, as_loopback, as_fetch,
    d_s, d_min, d_h, d_days, d_years,
    count_,
};

/// @brief The text in the current language.
const char* tr(LabWordText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(LabWordText key, Language language);

}  // namespace conclab::ui
