// The lab's table in its final shape (issue 19 §2), as data the UI words: the talk's rows first (CPU use, memory,
// communication, start-up cost), then this app's (switches, scaling); columns threads and processes (the talk's
// "threads x processos"), coroutines (added by this app) and a CPython slot the Python runtime fills; one unit
// scale per row, the ratios processes ÷ threads and threads ÷ coroutines, and numbered notes instead of prose in
// the cells. No words here: ids, numbers, units and parameters.
#pragma once

#include "core/lab/lab_report.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace conclab::lab {

/// @brief The table's rows, in their order. `talk` rows are the talk's table's; the others are this app's.
enum class TableRowId {
    cpu_gil,          ///< CPU-bound speedup, threads as CPython's default build runs them (the GIL model)
    cpu_native,       ///< the same with C++ threads (no GIL)
    memory_resident,  ///< memory each, resident while idle
    memory_reserved,  ///< memory each, address space reserved
    memory_wasm,      ///< memory each, wasm memory (the page's)
    round_trip,       ///< communication: a 64-byte round trip
    throughput,       ///< communication: 1 MiB messages
    startup,          ///< start-up cost: start and finish one
    switches,         ///< context switches per second
    scaling,          ///< the best speedup at any worker count
};

/// @brief The talk's four rows, then the app's.
enum class TableGroup { cpu_use, memory, communication, startup, switches, scaling };

/// @brief The table's figure columns: C++'s models, then the same in the machine's CPython (`cpython` is its threads;
/// filled by `lab --runtime python`).
enum class TableColumn { threads, processes, coroutines, cpython, cpython_processes, cpython_coroutines };
inline constexpr TableColumn kTableColumns[] = {TableColumn::threads, TableColumn::processes,         TableColumn::coroutines,
                                                TableColumn::cpython, TableColumn::cpython_processes, TableColumn::cpython_coroutines};
inline constexpr TableColumn kCpythonColumns[] = {TableColumn::cpython, TableColumn::cpython_processes, TableColumn::cpython_coroutines};

/// @brief The unit a row shows all its figures in (one scale per row).
enum class TableUnit { ns, us, ms, s, bytes, kib, mib, gib, mb_per_s, gb_per_s, per_s, thousand_per_s, million_per_s, times };

/// @brief Why a cell has no figure, when the reason is the table's own (a numbered note says more).
enum class CellWhy {
    none,
    not_run,          ///< its suite has not run
    not_measured,     ///< the suite ran and has no figure for this model
    missing,          ///< the lab says why (Cell::missing, core's reason)
    function_call,    ///< coroutines: passing a message is a function call (they share one thread)
    one_thread,       ///< coroutines: one thread, no parallel speedup by design
    no_runtime,       ///< a CPython column when no CPython ran (the C++ runtime only)
};

/// @brief The numbered notes under the table, in the order they are numbered.
enum class TableNote {
    ranges,           ///< ranges are p25–p75 (min–max under 5 samples); ⚠ a spread wider than half the figure
    gil_model,        ///< the GIL model is CPython's default build: one thread computes at a time
    talk_columns,     ///< the talk's table is threads x processes; coroutines are this app's addition
    function_call,    ///< coroutines pass messages by a function call
    one_thread,       ///< coroutines run on one thread: no parallel speedup
    ratios,           ///< what the ratio columns divide
    workers,          ///< CPU use rows at one worker per logical CPU (args: cpus)
    shared_bytes,     ///< communication rows: processes share memory only as bytes (the talk's words), no objects
};

struct TableCell {
    std::optional<double> value;    ///< in the row's unit
    std::optional<double> low, high;///< the spread, in the row's unit (only when it is a real range)
    int decimals = 0;               ///< the value's
    int range_decimals = 0;         ///< low's and high's alike, from the larger: never "(0.776–2049)"
    int samples = 0;
    bool busy = false;              ///< the spread is wider than half the figure: the machine was busy
    int workers = 0;                ///< the scaling row: the worker count of its best speedup
    CellWhy why = CellWhy::none;
    Reason missing;                 ///< CellWhy::missing: the lab's reason (worded by the UI)
    const Figure* figure = nullptr; ///< the measured figure (its method), or nullptr
};

struct TableRow {
    TableRowId id;
    TableGroup group;
    bool talk;                      ///< one of the talk's rows
    TableUnit unit;
    std::array<TableCell, 6> cells; ///< by TableColumn
    std::optional<double> processes_over_threads, threads_over_coroutines;
    std::vector<TableNote> notes;   ///< the notes the row points to

    const TableCell& at(TableColumn c) const { return cells[static_cast<std::size_t>(c)]; }
};

struct LabTable {
    std::vector<TableRow> rows;
    std::vector<TableNote> notes;   ///< numbered 1… in this order
    int cpus = 0;                   ///< the CPU-use rows' worker count
    bool cpython = false;           ///< some row has a CPython figure (else the UI leaves the CPython columns out)

    /// @brief 1-based number of `note`, 0 when the table does not carry it.
    int number(TableNote note) const;
    const TableRow* find(TableRowId id) const;
};

/// @brief The spread beyond which a figure says the machine was busy: wider than half the figure itself.
inline constexpr double kBusySpread = 0.5;

/// @brief The table from a report (a run, a saved one): rows in order, each in one unit, with its ratios and notes.
/// The wasm memory row only where wasm memory was measured. `fallback_cpus` where the report has no system suite.
LabTable lab_table(const LabReport& report, int fallback_cpus);

/// @brief `value` in `from` written in `to` (one family: a compared table's figure in this table's row unit);
/// nullopt across families.
std::optional<double> convert(double value, TableUnit from, TableUnit to);

/// @brief The decimals a value shows: three significant digits, none from 100 up.
int decimals_for(double value);

/// @brief `value` with `decimals` decimals, `thousands` between groups of three digits of its integer part and
/// `decimal` before its decimals: ("18,118" / "18.118", "7.50" / "7,50").
std::string grouped(double value, int decimals, char thousands, char decimal);

}  // namespace conclab::lab
