// The coroutine column of the lab, measured with core/aio's event loop: coroutines created and run to
// completion, two coroutines handing control to each other through the loop, and coroutines parked
// (suspended) for a memory probe to weigh. Portable: the same code runs natively and in wasm.
#pragma once

#include <memory>
#include <vector>

namespace conclab::aio {
class EventLoop;
class Event;
}  // namespace conclab::aio

namespace conclab::lab {

/// @brief Seconds per coroutine spawned on a fresh aio::EventLoop and run to completion (its body returns at
/// once), each sample the mean of `per_sample` coroutines.
std::vector<double> coroutine_start_samples(int per_sample, int samples);

/// @brief Seconds per round trip between two coroutines that wake each other with aio::Events through one
/// loop (two switches each), each sample the mean of `per_sample` round trips.
std::vector<double> coroutine_ping_pong_samples(int per_sample, int samples);

/// @brief `count` coroutines suspended on one event, parked in a loop, until destroyed (then they finish).
class SuspendedCoroutines {
public:
    explicit SuspendedCoroutines(int count);
    ~SuspendedCoroutines();
    SuspendedCoroutines(const SuspendedCoroutines&) = delete;
    SuspendedCoroutines& operator=(const SuspendedCoroutines&) = delete;
    /// @brief How many are parked now.
    int parked() const;

private:
    std::unique_ptr<aio::EventLoop> loop_;
    std::unique_ptr<aio::Event> release_;
};

}  // namespace conclab::lab
