// A primes run as a Chrome JSON trace (core/trace): one process per run, one track per worker (thread, pid,
// Web Worker), a slice per checked number; under the GIL model each check holds "GIL hold" and "GIL wait" slices
// inside it, so a worker's hold slices add up to its busy time. Several runs (Compare all, a history) go side by side.
#pragma once

#include "core/primes/compare_run.h"
#include "core/primes/primes_run.h"
#include "core/trace/trace.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace conclab::primes {

/// @brief Adds `report` to `builder` as a process named `label` ("threads x2", "CPython threads x2").
void add_to_trace(trace::TraceBuilder& builder, const PrimesReport& report, const std::string& label);

/// @brief One run's trace; its metadata names the runtime that ran the checks (C++ or the CPython interpreter).
nlohmann::json to_trace(const PrimesReport& report, const trace::Machine& machine);

/// @brief Every run of a comparison, one process each, on one time axis per run (each starts at 0).
nlohmann::json to_trace(const CompareReport& report, const trace::Machine& machine);

/// @brief The runs of a history, C++ and Python rows alike, one process each ("#2 CPython 3.11 threads x2"), each
/// on its own time axis from 0; the metadata lists every run's runtime and options.
nlohmann::json to_trace(const std::vector<const PrimesReport*>& history, const trace::Machine& machine);

/// @brief "threads x2", "sequential"; with CPython "CPython 3.11 threads x2".
std::string run_label(const PrimesReport& report);

}  // namespace conclab::primes
