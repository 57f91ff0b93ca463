// The GIL model (gil.h): one holder, the switch interval, hand-offs recorded for the timeline.
#include "core/exec/gil.h"

namespace conclab::exec {

void Gil::acquire() {
    {
        std::unique_lock lock(mutex_);
        while (held_) {
            const auto seen = holder_generation_;
            if (!changed_.wait_for(lock, interval_, [&] { return !held_; }) && holder_generation_ == seen)
                drop_requested_.store(true, std::memory_order_relaxed);
        }
        held_ = true;
        ++holder_generation_;
        drop_requested_.store(false, std::memory_order_relaxed);
        switches_.fetch_add(1, std::memory_order_relaxed);
    }
    changed_.notify_all();
}

void Gil::release() {
    {
        std::lock_guard lock(mutex_);
        held_ = false;
    }
    changed_.notify_all();
}

double Gil::yield_if_requested(std::chrono::steady_clock::time_point* released_at) {
    if (!drop_requested_.load(std::memory_order_relaxed)) return 0;
    const auto released = std::chrono::steady_clock::now();
    if (released_at) *released_at = released;
    {
        std::unique_lock lock(mutex_);
        if (!drop_requested_.load(std::memory_order_relaxed)) return 0;
        const auto mine = holder_generation_;
        held_ = false;
        changed_.notify_all();
        // Forced switching: do not take the lock back before the thread that asked has had it.
        changed_.wait(lock, [&] { return holder_generation_ != mine; });
    }
    acquire();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - released).count();
}

}  // namespace conclab::exec
