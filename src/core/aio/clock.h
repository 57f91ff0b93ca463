// The event loop's sense of time, supplied by its owner: a virtual clock for simulations (time jumps to
// the next timer: deterministic and instant) or the steady clock for real waits (downloads).
#pragma once

#include <chrono>

namespace conclab::aio {

/// @brief Seconds since some origin, as the loop's timers see them.
class Clock {
public:
    virtual ~Clock() = default;
    /// @brief The current time in seconds.
    virtual double now_s() const = 0;
    /// @brief True for simulated time: when nothing is ready the loop jumps it to the next timer
    /// (advance_to) instead of waiting for real.
    virtual bool simulated() const = 0;
    /// @brief Moves simulated time forward to `time_s` (never backwards); real clocks ignore it.
    virtual void advance_to(double time_s) = 0;
};

/// @brief Simulated time: starts at `start_s` and moves only when the loop has nothing else to do.
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(double start_s = 0) : now_(start_s) {}
    double now_s() const override { return now_; }
    bool simulated() const override { return true; }
    void advance_to(double time_s) override {
        if (time_s > now_) now_ = time_s;
    }

private:
    double now_;
};

/// @brief Real time from std::chrono::steady_clock, in seconds since this clock was made.
class SteadyClock final : public Clock {
public:
    double now_s() const override {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - origin_).count();
    }
    bool simulated() const override { return false; }
    void advance_to(double) override {}

private:
    std::chrono::steady_clock::time_point origin_ = std::chrono::steady_clock::now();
};

}  // namespace conclab::aio
