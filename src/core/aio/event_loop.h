// The event loop of core/aio, the asyncio of this project: one thread runs many coroutines, each until
// it awaits something (a timer, another task, a semaphore, an event, a future that I/O fulfils); the loop
// then runs the next ready one. It serves both a simulation on a virtual clock (time jumps to the next
// timer: instant and deterministic) and real downloads (a steady clock plus an IoSource that delivers
// completions).
//
// How it differs from asyncio:
// - Time and I/O come from the owner (Clock, IoSource); the loop itself never touches the OS, so it runs
//   the same natively and in wasm, and can be driven step by step (run_once) from a page's or a GUI's frame.
// - Awaiting a TaskHandle does not pass a cancellation on to the awaited task; gather and wait_for do
//   cancel their own children (structured, like asyncio.TaskGroup).
// - A loop that has nothing ready, no timers and no I/O in flight returns from run() instead of waiting
//   forever; run_until_complete then throws (the task could never finish).
// - Destroying the loop destroys every unfinished coroutine frame (their destructors run; the tasks
//   count as cancelled). Anything a task awaits must outlive the task or the loop.
#pragma once

#include "core/aio/clock.h"
#include "core/aio/io_source.h"
#include "core/aio/task.h"
#include "core/aio/task_core.h"
#include "core/aio/task_handle.h"

#include <compare>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace conclab::aio {

/// @brief Identifies a timer set with call_at / call_later, for cancel_timer.
struct TimerId {
    double due_s = 0;
    std::uint64_t sequence = 0;
    auto operator<=>(const TimerId&) const = default;
};

/// @brief What the loop is doing, for a UI: who runs, who is queued, who sleeps until when.
struct LoopSnapshot {
    struct Timer {
        std::string name;   ///< the sleeping task's name, or a callback's label
        double due_s = 0;
    };
    struct Waiting {
        std::string name;
        std::string on;     ///< "sleep", "task", "tasks", "semaphore", "event", "future"
    };
    double now_s = 0;
    std::optional<std::string> running;
    std::vector<std::string> ready;      ///< in the order they will run
    std::vector<Timer> timers;           ///< by due time, then in the order they were set
    std::vector<Waiting> waiting;        ///< tasks parked on something, by spawn order
    std::uint64_t created = 0;
    std::uint64_t finished = 0;
    std::uint64_t cancelled = 0;
    std::uint64_t failed = 0;
};

class EventLoop {
public:
    /// @brief A loop on its own VirtualClock starting at 0, with no I/O.
    EventLoop();
    /// @brief A loop on `clock` (which must outlive it), with optional I/O completions from `io`.
    explicit EventLoop(Clock& clock, IoSource* io = nullptr);
    /// @brief Destroys every unfinished task's frame (destructors inside run; the tasks count as cancelled).
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    /// @brief Schedules `task` to run concurrently (at the back of the ready queue). Default name "task N".
    template <class T>
    TaskHandle<T> spawn(Task<T> task, std::string name = {}) {
        auto frame = task.release();
        const std::uint64_t id = next_task_id_++;
        auto core = std::make_shared<detail::TaskCoreOf<T>>(*this, id, name.empty() ? default_name(id) : std::move(name),
                                                             frame);
        frame.promise().core = core.get();
        adopt(core);
        return TaskHandle<T>(std::move(core));
    }

    /// @brief Spawns `task` and runs the loop until it is done; returns its value or rethrows its exception.
    /// Throws std::runtime_error if the loop runs out of work first (the task waits for something that
    /// nothing will deliver).
    template <class T>
    T run_until_complete(Task<T> task, std::string name = {}) {
        return run_until_complete(spawn(std::move(task), std::move(name)));
    }
    template <class T>
    T run_until_complete(const TaskHandle<T>& handle) {
        run_until_done(*handle.core());
        return handle.result();
    }

    /// @brief Runs until no task is ready, no timer is set and no I/O is pending. Blocks for real only with
    /// a real clock (or pending I/O); with a VirtualClock time jumps from timer to timer.
    void run();
    /// @brief Runs until `time_s` on the clock: every timer due by then fires. A virtual clock ends at
    /// `time_s`; a real clock waits for it only while work remains.
    void run_until(double time_s);
    /// @brief One non-blocking turn, for embedding in another event loop (a browser page, a GUI frame):
    /// collects completions, fires due timers, runs what is ready now. Returns the seconds until the next
    /// timer (0 when work is ready right away), or nullopt when no timer is set.
    std::optional<double> run_once();
    /// @brief Same as run_once().
    std::optional<double> poll() { return run_once(); }

    /// @brief Runs `callback` on the loop's thread, after the tasks and callbacks already ready.
    void call_soon(std::function<void()> callback, std::string label = "callback");
    /// @brief Same, from any thread: queued in a locked inbox, and the loop (or its IoSource) is woken.
    void call_soon_threadsafe(std::function<void()> callback);
    /// @brief Runs `callback` once the clock reaches `due_s` (timers due at the same time run in the order set).
    TimerId call_at(double due_s, std::function<void()> callback, std::string label = "callback");
    TimerId call_later(double delay_s, std::function<void()> callback, std::string label = "callback");
    /// @brief False when the timer already fired or was cancelled.
    bool cancel_timer(TimerId id);

    double now_s() const { return clock_->now_s(); }
    Clock& clock() { return *clock_; }
    /// @brief Spawned tasks not yet done.
    std::size_t unfinished_tasks() const { return tasks_.size(); }
    LoopSnapshot snapshot() const;

    // For awaitables (core/aio internals).
    void wake(detail::TaskCore& task);
    void make_ready(detail::TaskCore& task);
    /// @brief A timer that, when due, runs `on_due` at once (inside the loop's turn, not as a queued callback).
    TimerId add_wakeup(double due_s, detail::TaskCore& task, std::function<void()> on_due = {}, std::string label = {});

private:
    struct ReadyItem {
        detail::TaskCore* task = nullptr;
        std::function<void()> callback;
        std::string label;
    };
    struct Timer {
        detail::TaskCore* task = nullptr;     // woken when due, or:
        std::function<void()> on_due;         // run at once when due (internal wakeups), or:
        std::function<void()> callback;       // queued as ready when due (call_at)
        std::string label;
    };

    static std::string default_name(std::uint64_t id);
    void adopt(std::shared_ptr<detail::TaskCore> task);
    void run_until_done(const detail::TaskCore& task);
    /// @brief One turn; false when there was nothing at all to do.
    bool turn(bool may_wait, double limit_s);
    void wait_for_inbox(double seconds);
    void fire_due_timers();
    void drain_inbox();
    void run_task(detail::TaskCore& task);
    void finish_task(detail::TaskCore& task);
    bool has_inbox() const;

    std::unique_ptr<Clock> own_clock_;
    Clock* clock_;
    IoSource* io_;
    std::map<std::uint64_t, std::shared_ptr<detail::TaskCore>> tasks_;   // unfinished, by id
    std::deque<ReadyItem> ready_;
    std::map<TimerId, Timer> timers_;
    std::uint64_t next_task_id_ = 1;
    std::uint64_t next_timer_sequence_ = 1;
    std::uint64_t completions_ = 0;
    detail::TaskCore* running_ = nullptr;
    bool closing_ = false;
    LoopSnapshot counts_;

    mutable std::mutex inbox_mutex_;
    std::condition_variable inbox_signal_;
    std::vector<std::function<void()>> inbox_;
};

}  // namespace conclab::aio
