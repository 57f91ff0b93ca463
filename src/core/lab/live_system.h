// The system suite kept fresh while someone looks at it (the lab panel's "live" snapshot): processes vs CPUs,
// threads per process, the top ten by threads, taken again every `interval` as long as the viewer keeps calling
// watch(), and not at all once it stops (a panel that is not shown costs nothing).
// Two ways to take the snapshot: on a thread of its own (natively: a /proc walk reads hundreds of files, kept off
// the UI thread) or on the caller's thread inside watch() (the web: a few property reads of the page, and a page's
// main thread must not join a thread that may wait for it).
#pragma once

#include "core/lab/lab_report.h"
#include "core/lab/probes.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace conclab::lab {

/// @brief One refresh: the raw snapshot, the system suite's figures from it, and when and how fast it was taken.
struct LiveSnapshot {
    std::uint64_t sequence = 0;   ///< 1 for the first snapshot, one more at each refresh; 0: none yet
    double taken_at_s = 0;        ///< when it was taken, seconds on the steady clock since the LiveSystem began
    double cost_s = 0;            ///< how long taking it lasted (the /proc walk natively)
    SystemSnapshot snapshot;
    Section section;              ///< the system suite's figures (add_system_figures), a note on the refresh included
    std::string error;            ///< the source's exception, when it could not take one ("" otherwise)
};

class LiveSystem {
public:
    using Source = std::function<SystemSnapshot()>;
    enum class Mode { own_thread, caller };

    /// @brief Takes nothing until the first watch(). `keep`: how long after the last watch() refreshes go on.
    LiveSystem(Source source, Mode mode, std::chrono::milliseconds interval = std::chrono::milliseconds(1000),
               std::chrono::milliseconds keep = std::chrono::milliseconds(2500));
    /// @brief Stops and joins its thread (own_thread: the thread waits for no one but this object).
    ~LiveSystem();
    LiveSystem(const LiveSystem&) = delete;
    LiveSystem& operator=(const LiveSystem&) = delete;

    /// @brief The viewer is on screen: refresh every `interval` until `keep` after the last call. In Mode::caller
    /// the snapshot is taken here when one is due.
    void watch();
    /// @brief The newest snapshot (sequence 0 before the first); never blocks for longer than a copy.
    LiveSnapshot latest() const;
    std::uint64_t sequence() const;
    /// @brief Blocks until a snapshot newer than `than` exists or `timeout` passed (tests; own_thread mode).
    std::optional<LiveSnapshot> wait_newer(std::uint64_t than, std::chrono::milliseconds timeout) const;
    std::chrono::milliseconds interval() const { return interval_; }

private:
    using Clock = std::chrono::steady_clock;
    bool watched(Clock::time_point now) const { return watched_once_ && now - last_watch_ <= keep_; }
    void take(std::unique_lock<std::mutex>& lock);
    void work();

    Source source_;
    const Mode mode_;
    const std::chrono::milliseconds interval_, keep_;
    const Clock::time_point began_ = Clock::now();

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool watched_once_ = false;
    Clock::time_point last_watch_;
    Clock::time_point due_ = Clock::time_point::min();
    bool taking_ = false;
    bool stop_ = false;
    LiveSnapshot latest_;
    std::thread worker_;
};

}  // namespace conclab::lab
