// The lab's system suite refreshed while it is on screen (live_system.h).
#include "core/lab/live_system.h"

#include "core/lab/lab_steps.h"

#include <cstdio>
#include <stdexcept>

namespace conclab::lab {

LiveSystem::LiveSystem(Source source, Mode mode, std::chrono::milliseconds interval, std::chrono::milliseconds keep)
    : source_(std::move(source)), mode_(mode), interval_(interval), keep_(keep) {
    if (mode_ == Mode::own_thread) worker_ = std::thread([this] { work(); });
}

LiveSystem::~LiveSystem() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void LiveSystem::watch() {
    std::unique_lock lock(mutex_);
    const auto now = Clock::now();
    const bool was_watched = watched(now);
    last_watch_ = now;
    watched_once_ = true;
    if (mode_ == Mode::caller) {
        if (now >= due_ && !taking_) take(lock);
        return;
    }
    if (!was_watched) {
        lock.unlock();
        changed_.notify_all();
    }
}

LiveSnapshot LiveSystem::latest() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

std::uint64_t LiveSystem::sequence() const {
    std::lock_guard lock(mutex_);
    return latest_.sequence;
}

std::optional<LiveSnapshot> LiveSystem::wait_newer(std::uint64_t than, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, timeout, [&] { return latest_.sequence > than; })) return std::nullopt;
    return latest_;
}

// Called with the lock held; takes the snapshot without it.
void LiveSystem::take(std::unique_lock<std::mutex>& lock) {
    taking_ = true;
    const auto start = Clock::now();
    due_ = start + interval_;
    lock.unlock();
    LiveSnapshot fresh;
    try {
        fresh.snapshot = source_();
    } catch (const std::exception& e) {
        fresh.error = e.what();
    }
    const auto end = Clock::now();
    fresh.taken_at_s = std::chrono::duration<double>(start - began_).count();
    fresh.cost_s = std::chrono::duration<double>(end - start).count();
    fresh.section.suite = Suite::system;
    if (fresh.error.empty()) add_system_figures(fresh.snapshot, fresh.section);
    else add_note(fresh.section, {NoteId::live_failed, {fresh.error}});
    char every[32];
    std::snprintf(every, sizeof every, "%g", static_cast<double>(interval_.count()) / 1000.0);
    add_note(fresh.section, {NoteId::live_every, {every}});
    lock.lock();
    fresh.sequence = latest_.sequence + 1;
    latest_ = std::move(fresh);
    taking_ = false;
    changed_.notify_all();
}

void LiveSystem::work() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        const auto now = Clock::now();
        if (!watched(now)) {
            // Nobody looks: sleep until watch() (or the destructor) wakes us. No timer runs meanwhile.
            changed_.wait(lock, [&] { return stop_ || watched(Clock::now()); });
            continue;
        }
        if (now >= due_) {
            take(lock);
            continue;
        }
        changed_.wait_until(lock, due_, [&] { return stop_; });
    }
}

}  // namespace conclab::lab
