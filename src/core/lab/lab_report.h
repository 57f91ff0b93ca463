// What the lab measured: one section per suite, each a list of measures with a figure per column
// (threads | processes | coroutines, and "machine" for what belongs to no model: caches, disk, the system),
// plus small tables and notes; as JSON (one key per suite), CSV and a text table for the CLI.
#pragma once

#include "core/lab/figure.h"
#include "core/lab/lab_options.h"
#include "core/lab/measure_id.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::lab {

/// @brief The models measured in C++, then in the machine's CPython (--runtime python), then what is the machine's.
enum class Column { threads, processes, coroutines, machine, cpython_threads, cpython_processes, cpython_coroutines };

inline constexpr Column kAllColumns[] = {Column::threads,         Column::processes,         Column::coroutines,
                                         Column::cpython_threads, Column::cpython_processes, Column::cpython_coroutines,
                                         Column::machine};

/// @brief The CPython column of the same model (threads → cpython_threads), or nullopt (machine, CPython's own).
std::optional<Column> cpython_twin(Column column);
bool is_cpython(Column column);

/// @brief "threads", "processes", "coroutines", "machine", "cpython_threads", "cpython_processes", "cpython_coroutines".
std::string_view to_string(Column column);
std::optional<Column> parse_column(std::string_view text);

/// @brief The tables' ids: the latency ladder (lab::ladder_table) and the top processes by thread count.
inline constexpr const char* kLadderTable = "ladder";
inline constexpr const char* kTopProcessesTable = "top_processes";

/// @brief One row of a suite's table: a named measure with a figure per column, or a sentence saying why a
/// column has none. Rows of one curve (speedup by workers, latency by working set) share `curve` and set `x`.
struct Measure {
    std::string name;                         ///< english_name(key) ("start + finish one", "speedup, 2 workers")
    MeasureKey key;                           ///< what it is, as data (id + parameters): what readers match on
    std::string curve;                        ///< "" or e.g. "speedup", "pointer chase"
    std::optional<double> x;                  ///< the curve's abscissa: workers, bytes
    std::string x_unit;                       ///< "workers", "B"
    std::map<Column, Figure> figures;
    std::map<Column, Reason> missing;         ///< column → why it has no figure

    /// @brief The figure in `column`, or nullptr.
    const Figure* at(Column column) const;
};

/// @brief A small table of text (the top processes by thread count, the latency ladder): the JSON's and the CLI's.
/// The GUI words it from its id and the data beside it (Section::ladder; the rows of top_processes are names and
/// numbers).
struct Table {
    std::string id;                           ///< "ladder", "top_processes": what readers match on
    std::string title;                        ///< in English
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

/// @brief How a rung was measured here, as data: english() is LadderRung::measured_as.
enum class RungSourceId {
    none,             ///< not measured
    text,             ///< as written (a JSON exported before sources had ids): `why` holds it
    chase,            ///< pointer chase over `bytes`
    chase_cached,     ///< pointer chase over `bytes`, which fit the last cache (`cache_bytes`): partly cached
    fsync,            ///< 4 KiB write + fsync
    loopback,         ///< loopback TCP round trip (no wire)
    fetch,            ///< same-origin fetch round trip
    missing,          ///< not measured, and why (`why`)
};

struct RungSource {
    RungSourceId id = RungSourceId::none;
    std::size_t bytes = 0;
    std::size_t cache_bytes = 0;
    Reason why;

    bool operator==(const RungSource&) const = default;
};

std::string_view to_string(RungSourceId id);
std::optional<RungSourceId> parse_rung_source(std::string_view text);
/// @brief "pointer chase, 16 KiB", "4 KiB write + fsync", the reason; "" when not measured.
std::string english(const RungSource& source);

/// @brief A rung of the talk's latency ladder and its measurement here (the latency suite's ladder).
struct LadderRung {
    std::string name;                 ///< "L1", "L2", "L3", "RAM", "disk", "network"
    double talk_cycles = 0;           ///< 0: the talk has no such rung (L3)
    std::optional<double> measured_ns;
    std::string measured_as;          ///< english(source): the JSON's
    RungSource source;
};

/// @brief The lab's notes as data: what each says (its id) and what it says it with (numbers, the platform's own
/// words). english() is the JSON's "notes" and the CLI's; the UI words the same in each language.
enum class NoteId { stack, ipc_coroutines, ideal_speedup, disk_where, cycles, network_loopback, network_fetch, step_failed,
                    live_every, live_failed };

struct Note {
    NoteId id = NoteId::ipc_coroutines;
    /// stack: {MiB reserved, KiB resident or "", "platform"|"kib"|"unlimited", the platform's sentence or the KiB};
    /// ideal_speedup: {cpus}; disk_where: {where}; cycles: {the clock's source}; step_failed: {step, why};
    /// live_every: {seconds}; live_failed: {why}.
    std::vector<std::string> args;

    bool operator==(const Note&) const = default;
};

std::string_view to_string(NoteId id);
std::optional<NoteId> parse_note_id(std::string_view text);
/// @brief The note's English sentence (as the lab wrote it before notes were typed).
std::string english(const Note& note);

struct Section {
    Suite suite = Suite::startup;
    std::vector<Measure> measures;
    std::vector<Table> tables;
    std::vector<std::string> notes;           ///< caveats and failures, one sentence each
    std::vector<Note> note_ids;               ///< the same notes as data (add_note), empty in a JSON from before
    std::vector<LadderRung> ladder;           ///< the latency suite's ladder as data (its table says it in English)
    double ladder_ghz = 0;                    ///< the clock the ladder's cycles use

    /// @brief The measure named `name`, or nullptr.
    const Measure* find(std::string_view name) const;
    /// @brief The measure whose key is `key`, or nullptr.
    const Measure* find(const MeasureKey& key) const;
    /// @brief The table whose id is `id`, or nullptr.
    const Table* table(std::string_view id) const;
};

/// @brief Adds `note` to the section: its English to notes, itself to note_ids.
void add_note(Section& section, Note note);

struct LabReport {
    std::vector<Section> sections;            ///< in the order the suites ran
    bool quick = false;
    bool cancelled = false;
    bool finished = false;

    /// @brief The section of `suite`, or nullptr when it has not run.
    const Section* find(Suite suite) const;
};

/// @brief One key per suite that ran, named as in --suite: {"startup": {"measures": [{"id", "name", "curve", "x",
/// "x_unit", "bytes", "workers", "gil", "pair", "cells": {"threads": {"value", "unit", "spread": {"low", "high", "kind"},
/// "samples", "method", "method_id": {"id", "args", "then"}} or {"missing": "why", "missing_id", "missing_args"}}}], "tables": [{"id", "title", "header", "rows"}], "notes": […], and for the latency suite "ladder": {"ghz",
/// "rungs": [{"rung", "talk_cycles", "measured_ns" (or null), "measured_as", "source": {"id", "bytes", "cache_bytes", "why_id",
/// "why_args"}}]}, "note_ids": [{"id", "args"}] (one per
/// note, when every note has one)}, …}.
/// A measure's parameters (bytes, workers, gil, pair) only where its id has them.
nlohmann::json to_json(const LabReport& report);

/// @brief Reads back what to_json wrote (a saved result, another machine's): the sections in the lab's suite
/// order. A measure or table without an id (a JSON exported before ids) gets it from its name (key_from_name). Throws std::invalid_argument with a one-line reason when `doc` is not a lab result (no suite key, a
/// measure without a name, a figure without a number).
LabReport report_from_json(const nlohmann::json& doc);

/// @brief The figures as CSV, one line per cell with a figure: suite,measure,column,value,unit,low,high,samples
/// (with that header line; fields quoted where they hold commas or quotes).
std::string to_csv(const LabReport& report);

/// @brief A readable text report: per suite a table measure | threads | processes | coroutines | machine
/// (columns with no figure left out), each cell "value unit (low–high)", then the suite's tables and notes.
std::string format_text(const LabReport& report);

}  // namespace conclab::lab
