// The words of the lab's table (core/lab/lab_table.h) in English and Portuguese: its groups, rows, units, columns,
// the reasons a cell is empty and the numbered notes under it. Core hands over ids; these tables word them.
#pragma once

#include "ui/text/language.h"

#include "core/lab/lab_table.h"

#include <string>

namespace conclab::ui {

enum class LabTableText {
    g_cpu_use, g_memory, g_communication, g_startup, g_switches, g_scaling, talks_row, apps_row,
    r_cpu_gil, r_cpu_native, r_memory_resident, r_memory_reserved, r_memory_wasm, r_round_trip, r_throughput,
    r_startup, r_switches, r_scaling,
    u_ns, u_us, u_ms, u_s, u_bytes, u_kib, u_mib, u_gib, u_mb_per_s, u_gb_per_s, u_per_s, u_thousand_per_s,
    u_million_per_s, u_times,
    c_threads, c_processes, c_processes_web, c_coroutines, c_cpython, c_cpython_processes, c_cpython_coroutines, c_measure, c_ratio,
    ratio_pt, ratio_tc, busy, busy_tip, workers_at, worker_at_one, not_run, note_ref, notes_title,
    n_ranges, n_gil_model, n_talk_columns, n_function_call, n_one_thread, n_ratios, n_workers, n_shared_bytes,
    count_,
};

/// @brief The text in the current language.
const char* tr(LabTableText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(LabTableText key, Language language);

LabTableText words_of(lab::TableGroup group);
LabTableText words_of(lab::TableRowId row);
LabTableText words_of(lab::TableUnit unit);
LabTableText words_of(lab::TableNote note);

/// @brief A number of the table as `language` writes it: the talk's `_` between thousands in both ("18_118"), the
/// language's decimal mark ("7.50" / "7,50"), as every panel writes its numbers (ui/text/numbers.h).
std::string table_number(double value, int decimals, Language language);
/// @brief A lab figure as core's format_number gives it (three significant digits, none from 100 up), written as
/// table_number writes it: "41_000_000", "7,50" in PT. For the lab's details, ladder and charts.
std::string figure_number(double value, Language language);
/// @brief A note's text with its arguments (the CPU-use rows' worker count) in `language`.
std::string note_text(lab::TableNote note, const lab::LabTable& table, Language language);

}  // namespace conclab::ui
