// "Spin N workers": N CPU-bound threads that count as fast as they can, each with its own counter,
// so that a student sees real parallel threads (and what they cost the UI thread).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace conclab::exec {

/// @brief The most spinning workers one may start (the System panel's slider and ?spin= alike).
inline constexpr int kMaxSpinWorkers = 64;

class SpinWorkers {
public:
    SpinWorkers() = default;
    ~SpinWorkers() { stop(); }
    SpinWorkers(const SpinWorkers&) = delete;
    SpinWorkers& operator=(const SpinWorkers&) = delete;

    /// @brief Stops any running workers, then starts `count` (0..kMaxSpinWorkers) new ones.
    void start(int count);
    /// @brief Stops and joins every worker (each checks its flag every few thousand iterations).
    void stop();
    int running() const { return static_cast<int>(threads_.size()); }
    /// @brief Workers that have begun counting. stop() joins them, so on the browser's main thread call
    /// it only once all have started (a thread beyond the pre-started Web Workers starts late).
    int started() const { return started_.load(); }
    /// @brief Iterations counted so far by worker i.
    std::uint64_t count(int i) const { return slots_[static_cast<std::size_t>(i)].value.load(std::memory_order_relaxed); }

private:
    struct alignas(64) Slot {   // one cache line each, so the counters don't slow each other down
        std::atomic<std::uint64_t> value{0};
    };
    std::atomic<bool> stopping_{false};
    std::atomic<int> started_{0};
    std::unique_ptr<Slot[]> slots_;
    std::vector<std::thread> threads_;
};

}  // namespace conclab::exec
