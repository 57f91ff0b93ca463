// A model of CPython's global interpreter lock (the "new GIL" of Python 3.2+): a thread that wants
// the lock waits one switch interval, then asks the holder to drop it; the holder drops it at its
// next checkpoint and waits until another thread has taken it (forced switching).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace conclab::exec {

class Gil {
public:
    explicit Gil(std::chrono::microseconds switch_interval) : interval_(switch_interval) {}

    void acquire();
    void release();
    /// @brief Called at task checkpoints by the holder: hands the lock over if another thread asked.
    /// Returns the seconds spent without the lock (0 when nobody asked); `released_at`, when given, gets the
    /// moment the lock was handed over.
    double yield_if_requested(std::chrono::steady_clock::time_point* released_at = nullptr);

    std::uint64_t switches() const { return switches_.load(); }
    std::chrono::microseconds switch_interval() const { return interval_; }

private:
    const std::chrono::microseconds interval_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool held_ = false;
    std::uint64_t holder_generation_ = 0;   // grows at each acquisition
    std::atomic<bool> drop_requested_{false};
    std::atomic<std::uint64_t> switches_{0};
};

/// @brief Holds the GIL for a scope.
class GilHold {
public:
    explicit GilHold(Gil* gil) : gil_(gil) { if (gil_) gil_->acquire(); }
    ~GilHold() { if (gil_) gil_->release(); }
    GilHold(const GilHold&) = delete;
    GilHold& operator=(const GilHold&) = delete;

private:
    Gil* gil_;
};

}  // namespace conclab::exec
