// The lab's measurements that need nothing but standard C++ (threads, atomics, a mutex, memory), shared by
// the native and the web probes: the same code measures a Linux thread and a pthread in a Web Worker.
#pragma once

#include "core/exec/executor.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace conclab::lab {

/// @brief Seconds to create a std::thread that returns at once and join it, one sample per thread.
std::vector<double> thread_start_samples(int count);

/// @brief Seconds per round trip of a `bytes` message copied into shared memory and echoed by a second
/// thread, the turn handed over with one atomic (spinning, then atomic wait/notify). `count` samples, each the
/// mean of `trips_per_sample` round trips (more than one where the clock is coarse: a browser's is a few µs).
std::vector<double> atomics_round_trip_samples(std::size_t bytes, int count, int trips_per_sample = 1);

/// @brief Seconds per round trip of a `bytes` message through a queue guarded by a mutex and a condition
/// variable, moved to a reply queue by a second thread; samples as above.
std::vector<double> queue_round_trip_samples(std::size_t bytes, int count, int trips_per_sample = 1);

/// @brief Seconds per round trip (two switches) between two threads handing a counter over under a mutex
/// and a condition variable, each sample the mean of `per_sample`.
std::vector<double> thread_ping_pong_samples(int per_sample, int samples);

/// @brief Nanoseconds per dependent load over one random cycle through `working_set_bytes` of 64-byte
/// nodes, each sample the mean of `loads` loads.
std::vector<double> pointer_chase_samples(std::size_t working_set_bytes, std::size_t loads, int samples);

/// @brief Wall seconds to compute primes::least_prime_factor of each number on an executor from `make`,
/// after one untimed warm-up task per worker; throws if a factor comes back wrong.
double workload_wall_seconds(const std::function<std::unique_ptr<exec::Executor>(exec::ExecutorKind, int)>& make,
                             exec::ExecutorKind kind, int workers, const std::vector<std::uint64_t>& numbers);

/// @brief Registers "lab.echo" (returns its argument), the message the web's postMessage round trips carry.
void register_tasks();

}  // namespace conclab::lab
