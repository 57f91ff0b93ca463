// A run's timeline as a Chrome JSON trace ({"traceEvents": [...], "displayTimeUnit": "ms"}), the format
// ui.perfetto.dev and chrome://tracing open: metadata events name each process and track, a complete event
// ("X", µs) per slice, async begin/end pairs ("b"/"e" with an id) for work that overlaps on one thread (the event
// loop's requests). Each demo turns its report into one with its own adapter (primes/primes_trace.h, …); this
// file knows no demo.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace conclab::trace {

/// @brief What the timestamps count: the run's real seconds, or a simulation's virtual seconds (the exhibition).
enum class TimeBase { wall, simulated };
std::string_view to_string(TimeBase base);

/// @brief The machine and build a trace was taken on (filled from the platform by the CLI and the app).
struct Machine {
    std::string build;         ///< "native" or "web"
    std::string compiler;
    std::string build_type;
    std::string version;
    int logical_cpus = 0;
    std::string process_kind;  ///< "OS processes" or "isolated Web Workers"
};
nlohmann::json to_json(const Machine& machine);

/// @brief A step inside an async slice (the wait, transfer and decode of one request), seconds since the run's start.
struct Step {
    std::string name;
    std::string category;
    double start_s = 0;
    double end_s = 0;
};

class TraceBuilder {
public:
    TraceBuilder(TimeBase base, const Machine& machine);

    /// @brief A process (a schedule, a run); returns its pid. Named by a process_name metadata event.
    int add_process(const std::string& name);
    /// @brief A track (a thread, a worker, the event loop) in process `pid`; returns its tid.
    int add_track(int pid, const std::string& name);
    /// @brief A complete event on a track, from `start_s` to `end_s` seconds since the run's start. Slices of one
    /// track must nest (the adapters clamp children into their parents).
    void add_slice(int pid, int tid, const std::string& name, const std::string& category, double start_s, double end_s,
                   nlohmann::json args = nlohmann::json::object());
    /// @brief A moment on a track (a spinner's frame): an instant event ("i", thread scope).
    void add_instant(int pid, int tid, const std::string& name, const std::string& category, double at_s);
    /// @brief An async slice with id `id` in process `pid` and its steps nested inside, one after another (each clamped
    /// into the slice and after the previous step).
    void add_async(int pid, const std::string& name, const std::string& category, std::uint64_t id, double start_s,
                   double end_s, const std::vector<Step>& steps, nlohmann::json args = nlohmann::json::object());
    /// @brief A key of the trace's metadata ("otherData"): the demo, runtime, options, figures.
    void set_metadata(const std::string& key, nlohmann::json value);

    /// @brief The trace: metadata events first, then every timed event in timestamp order (µs, ≥ 0).
    nlohmann::json build() const;

private:
    struct Event {
        nlohmann::json body;
        double ts_us = 0;
    };
    struct Slice {
        int pid = 0;
        int tid = 0;
        std::string name;
        std::string category;
        double start_us = 0;
        double end_us = 0;
        nlohmann::json args;
    };
    struct Async {
        int pid = 0;
        std::string name;
        std::string category;
        std::uint64_t id = 0;
        double start_us = 0;
        double end_us = 0;
        std::vector<Step> steps;
        nlohmann::json args;
    };

    std::vector<nlohmann::json> metadata_events_;
    std::vector<Slice> slices_;
    std::vector<Slice> instants_;
    std::vector<Async> asyncs_;
    std::vector<int> tracks_per_process_;
    nlohmann::json other_data_;
};

/// @brief Seconds to the trace's microseconds, rounded to the nanosecond and never before the run's start.
double to_us(double seconds);

/// @brief "trace-primes-20261207-183005.json": the name an exported trace gets.
std::string file_name(const std::string& demo, const std::string& utc_stamp);

}  // namespace conclab::trace
