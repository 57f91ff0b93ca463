// The trace validator the tests run on every trace a demo writes (core/trace/trace.h): the Chrome JSON trace
// format's rules as the viewers rely on them — every B has its E and every b its e (same category, id, name),
// X slices nest strictly on each track, timestamps in µs, ≥ 0 and monotonic in file order, every process and
// track named by a metadata event — and the slices it found, for a test's own counts (slices per task, busy time).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace conclab::test {

struct TraceSlice {
    std::string name;
    std::string category;
    double ts_us = 0;
    double dur_us = 0;
    int depth = 0;             ///< 0: a top-level slice of its track (or async id)
    nlohmann::json args;
};

struct TraceCheck {
    std::vector<std::string> problems;            ///< empty: the trace is valid
    std::map<int, std::string> processes;         ///< pid → name
    std::map<std::pair<int, int>, std::string> tracks;               ///< (pid, tid) → name
    std::map<std::pair<int, int>, std::vector<TraceSlice>> slices;   ///< X events per track, in file order
    std::map<int, std::vector<TraceSlice>> async_slices;             ///< matched b/e pairs per pid
    std::map<std::pair<int, int>, std::vector<TraceSlice>> instants;  ///< i events per track
    nlohmann::json other_data;

    bool ok() const { return problems.empty(); }
    std::string report() const;
    /// @brief The pid of the process named `name`, or 0.
    int pid_of(const std::string& name) const;
    /// @brief The X slices of category `category` on every track (of process `pid`, when not 0).
    std::vector<TraceSlice> slices_of(const std::string& category, int pid = 0) const;
    /// @brief Sum of durations (µs) of the X slices of category `category` on each track, by track name.
    std::map<std::string, double> busy_us_by_track(const std::string& category, int pid = 0) const;
};

/// @brief Checks `doc` against the format's rules; never throws.
TraceCheck check_trace(const nlohmann::json& doc);

}  // namespace conclab::test
