// What the lab asks of the machine: each probe takes one kind of raw measurement (seconds per unit, bytes
// per unit, a /proc snapshot) and says in one sentence how. Core can't call the OS, so the platform supplies
// the probes (src/platform/lab_probes.h); the lab turns their samples into figures, and tests use a fake.
// Every probe may throw std::runtime_error when it can't measure; the lab notes that and goes on.
#pragma once

#include "core/exec/executor.h"
#include "core/lab/method.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::lab {

/// @brief Raw samples in the unit the probe's contract names, and how they were taken.
struct Samples {
    std::vector<double> values;
    Method method;
};

/// @brief Memory per unit (thread, process, coroutine): one value per round or per unit measured.
struct MemorySamples {
    std::vector<double> resident_bytes;
    std::vector<double> virtual_bytes;
    std::vector<double> proportional_bytes;   ///< PSS (shared pages split between sharers); empty where unknown
    Method method;
    // (After `method`, so that positional initializers written before these fields still mean the same.)
    std::vector<double> wasm_memory_bytes;    ///< web: the wasm memory each unit takes (heap bytes, a module's memory)
    std::optional<Reason> resident_unknown;   ///< why resident_bytes is empty where it is (nullopt where measured)
};

/// @brief The facts behind "a thread costs 4 MB": the address space a new thread's stack reserves.
struct StackFacts {
    double default_stack_bytes = 0;             ///< reserved per thread by default
    std::optional<double> stack_limit_bytes;    ///< `ulimit -s` (the main stack, and glibc's thread default); nullopt: unlimited
    Method method;
    bool no_stack_limit = false;                ///< no `ulimit -s` at all (the web: Emscripten sizes stacks at build time)
};

enum class StartKind { thread, spawn, fork };
enum class Channel { atomics, mutex_queue, pipe, socketpair };
enum class PingPongPair { threads, processes };

struct ProcessThreads {
    std::string name;
    int pid = 0;
    int threads = 0;
};

/// @brief Every process of the machine with its thread count, like `ps ax` with `-o nlwp`.
struct SystemSnapshot {
    int logical_cpus = 0;
    std::vector<ProcessThreads> processes;
    Method method;
    std::optional<Reason> processes_unknown;        ///< why `processes` is empty when the platform can't see them
    std::optional<double> device_memory_gib;        ///< web: navigator.deviceMemory, where the browser says it
    std::optional<int> page_threads;                ///< web: the page's main thread + Web Workers running a pthread
    std::optional<int> page_idle_workers;           ///< web: pre-started Web Workers with no pthread yet
    Method page_method;                             ///< how the page's own workers were counted
};

struct CacheLevel {
    int level = 0;              ///< 1, 2, 3
    std::size_t bytes = 0;      ///< data or unified cache of one core
};

/// @brief The CPU's clock rate the ladder converts nanoseconds to cycles with.
/// @brief Where the clock rate comes from (the cycles note words it).
enum class ClockSource { nominal, current, assumed, browser };
inline std::string_view to_string(ClockSource source) {
    switch (source) {
    case ClockSource::nominal: return "nominal";
    case ClockSource::current: return "current";
    case ClockSource::browser: return "browser";
    case ClockSource::assumed: break;
    }
    return "assumed";
}

struct CpuClock {
    double ghz = 3.0;
    ClockSource source = ClockSource::assumed;
};

struct DiskSamples {
    Samples write_fsync;        ///< seconds per 4 KiB write + fsync
    Samples read;               ///< seconds per 4 KiB read back
    std::string folder;         ///< where the file was written, e.g. "/var/tmp"
    std::string filesystem;     ///< its file system: "ext4", "tmpfs", "0x…" (lab::filesystem_english words it)
};

class Probes {
public:
    virtual ~Probes() = default;

    /// @brief Seconds to start and finish one unit, one sample per unit, `count` units one after another.
    virtual Samples start_units(StartKind kind, int count) = 0;
    /// @brief What the spawn probe starts ("/bin/true", "conclab noop").
    virtual std::string spawned_program() const = 0;

    /// @brief Memory per idle thread (blocked on a condition variable), `count` at a time, `rounds` rounds.
    virtual MemorySamples idle_threads(int count, int rounds) = 0;
    /// @brief Memory of each of `count` idle child processes.
    virtual MemorySamples idle_processes(int count) = 0;
    virtual StackFacts thread_stack() = 0;

    /// @brief Seconds per round trip of a `bytes` message echoed back, `count` round trips.
    virtual Samples round_trips(Channel channel, std::size_t bytes, int count) = 0;
    /// @brief Seconds per round trip (two switches) between a pair, each sample the mean of `per_sample` trips.
    virtual Samples ping_pong(PingPongPair pair, int per_sample, int samples) = 0;

    /// @brief Wall seconds to compute primes::least_prime_factor of each number on `workers` workers of `kind`.
    virtual double run_workload(exec::ExecutorKind kind, int workers, const std::vector<std::uint64_t>& numbers) = 0;

    virtual SystemSnapshot system_snapshot() = 0;

    /// @brief Nanoseconds per dependent load over a random cyclic permutation of `working_set_bytes`,
    /// each sample the mean of `loads` loads.
    virtual Samples pointer_chase(std::size_t working_set_bytes, std::size_t loads, int samples) = 0;
    virtual DiskSamples disk_write_read(int count) = 0;
    /// @brief Seconds per 64-byte round trip over a loopback TCP connection.
    virtual Samples tcp_round_trips(int count) = 0;
    virtual std::vector<CacheLevel> cache_levels() = 0;
    virtual CpuClock cpu_clock() = 0;

    /// @brief Seconds per coroutine created and run to completion, each sample the mean of `per_sample`;
    /// nullopt where no event loop measures it. Core's event loop is the same everywhere: measured here.
    virtual std::optional<Samples> start_coroutines(int per_sample, int samples);
    /// @brief Seconds per thread created and joined when no pre-started worker is left for it (web: a pthread
    /// beyond Emscripten's pool, which starts a new Web Worker); nullopt where threads have no such pool.
    virtual std::optional<Samples> start_threads_beyond_pool(int /*count*/) { return std::nullopt; }
    /// @brief Seconds per same-origin HTTP round trip (web: where no TCP socket can be opened); nullopt natively.
    virtual std::optional<Samples> fetch_round_trips(int /*count*/) { return std::nullopt; }

    /// @brief Memory per suspended coroutine, `count` at a time; nullopt as above.
    virtual std::optional<MemorySamples> idle_coroutines(int count, int rounds) = 0;
    /// @brief Seconds per round trip between two coroutines awaiting each other through the loop (core's
    /// event loop, the same everywhere: measured here).
    virtual std::optional<Samples> coroutine_ping_pong(int per_sample, int samples);
};

}  // namespace conclab::lab
