// What a lab measure is, as data: an id and its parameters (bytes, workers, the GIL model, the channel) instead of a
// sentence. The English name (the JSON's "name", the CLI's rows, the GUI's English) is made from them in one place,
// english_name(); the GUI words the same keys in Portuguese from its own table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace conclab::lab {

enum class MeasureId {
    unknown,   ///< a name no id matches (a JSON from a newer build): shown as its name
    start_one, start_beyond_pool, fork_wait,
    resident_each, wasm_each, virtual_each, pss_each, stack_reserved,
    round_trip, throughput,                 ///< bytes, channel
    switches_per_second, switch_round_trip,
    speedup, wall_time,                     ///< workers, gil
    logical_cpus, device_memory, page_threads, page_idle_workers, processes, threads_all, processes_per_cpu,
    threads_per_process,
    load,                                   ///< bytes (the working set)
    disk_write, disk_read, net_tcp, net_fetch,
    pool_first_result,                      ///< start_method: a CPython ProcessPoolExecutor's worker
};

/// @brief The IPC measures' pairs: a thread channel and a process channel on one row.
enum class IpcPair { atomics_pipe, lock_socketpair };

/// @brief A CPython process pool's start method (pool_first_result).
enum class StartMethod { none, fork, forkserver, spawn };

struct MeasureKey {
    MeasureId id = MeasureId::unknown;
    std::size_t bytes = 0;                  ///< round_trip, throughput, load
    int workers = 0;                        ///< speedup, wall_time
    bool gil = false;                       ///< speedup, wall_time: the GIL model's curve
    IpcPair pair = IpcPair::atomics_pipe;   ///< round_trip, throughput
    StartMethod start_method = StartMethod::none;   ///< pool_first_result

    bool operator==(const MeasureKey&) const = default;
};

/// @brief "start_one", "round_trip", "speedup", … (the JSON's "id").
std::string_view to_string(MeasureId id);
std::optional<MeasureId> parse_measure_id(std::string_view text);
/// @brief "atomics_pipe", "lock_socketpair".
std::string_view to_string(IpcPair pair);
std::optional<IpcPair> parse_ipc_pair(std::string_view text);

/// @brief "fork", "forkserver", "spawn" ("" for none).
std::string_view to_string(StartMethod method);
std::optional<StartMethod> parse_start_method(std::string_view text);

/// @brief "64 B", "16 KiB", "1 MiB": a size as the lab's names write it.
std::string size_text(std::size_t bytes);

/// @brief The measure's English name: "start + finish one", "64 B round trip (atomics / pipe)",
/// "speedup, 2 workers, GIL model", "load, 16 KiB working set". The one source of the lab's English names.
std::string english_name(const MeasureKey& key);

/// @brief The key of an English name english_name() wrote (a lab JSON exported before measures had ids); nullopt
/// for any other text.
std::optional<MeasureKey> key_from_name(std::string_view name);

}  // namespace conclab::lab
