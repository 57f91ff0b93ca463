// The lab's plan: each suite as a list of steps, one measurement each, in the order they run. A step calls
// one probe and adds what it measured to its suite's section; the last step of a suite may combine the
// earlier ones (speedups from wall times, the latency ladder from the chase curve).
#pragma once

#include "core/lab/lab_options.h"
#include "core/lab/lab_report.h"
#include "core/lab/probes.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace conclab::lab {

/// @brief What a step measures, as data (the UI words it in each language; english() is the CLI's and the JSON's).
enum class StepId {
    thread_start, thread_beyond_pool, spawn, fork, coroutine_start,
    idle_threads, idle_processes, idle_coroutines, thread_stack,
    ipc_atomics, ipc_pipe, ipc_queue, ipc_socketpair, ipc_notes,
    pingpong_threads, pingpong_processes, pingpong_coroutines,
    scaling_workload, scaling_run, scaling_speedups,
    system_proc,
    chase, disk, net_tcp, net_fetch, ladder,
    cpython,   ///< the suite's measures in the machine's CPython (python/lab.py)
};

struct StepName {
    StepId id = StepId::thread_start;
    std::size_t bytes = 0;                              ///< ipc_*, chase
    exec::ExecutorKind kind = exec::ExecutorKind::threads;   ///< scaling_run
    int workers = 0, attempt = 0, tries = 0;            ///< scaling_run (attempt from 1; tries 1: no "(try …)")

    bool operator==(const StepName&) const = default;
};

/// @brief "threads: create + join", "threads, 2 workers (try 1/5)", "pointer chase, 16 KiB": the progress label.
std::string english(const StepName& name);

struct LabStep {
    LabStep(Suite s, StepName n, double w, std::function<void(Probes&, Section&)> r)
        : suite(s), name(n), label(english(n)), weight(w), run(std::move(r)) {}
    Suite suite = Suite::startup;
    StepName name;
    std::string label;                                  ///< english(name), for progress
    double weight = 1;                                  ///< its expected share of the run's time, for progress
    std::function<void(Probes& probes, Section& section)> run;
};

/// @brief Sizes of everything measured, quick or full.
struct LabSizes {
    int thread_starts, process_starts, coroutine_starts_per_sample, coroutine_start_samples;
    int idle_threads, idle_thread_rounds, idle_processes, idle_coroutines, idle_coroutine_rounds;
    int small_round_trips, large_round_trips;
    int switches_per_sample, switch_samples;
    int workload_bits, workload_repeats;
    std::size_t largest_working_set, chase_loads;
    int chase_samples, disk_rounds, tcp_round_trips;
};
LabSizes lab_sizes(bool quick);

/// @brief 1 … 2 × cpus workers (every count up to 8, then doubling), at most exec::kMaxWorkers.
std::vector<int> scaling_workers(int logical_cpus);

/// @brief The scaling workload: the `count` largest primes below 2**bits (each costs about the same).
std::vector<std::uint64_t> scaling_numbers(int bits, int count);

/// @brief The system suite's figures from one snapshot (processes, threads, CPUs, the top ten by threads), added
/// to `section`: the lab's step and the panel's live refresh (lab/live_system.h) use the same.
void add_system_figures(const SystemSnapshot& snapshot, Section& section);

/// @brief Every step of the suites `options` asks for, in order.
std::vector<LabStep> plan_steps(const LabOptions& options, int logical_cpus);

}  // namespace conclab::lab
