// What the loop keeps for each spawned task (its frame, its state, who waits for it), and the pattern
// every awaitable follows to park a task on something and be woken from it. Internal to core/aio.
#pragma once

#include "core/aio/coroutine_compat.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace conclab::aio {

class EventLoop;

/// @brief Where a spawned task is: ready (queued to run), running, waiting (on a timer, a task, a semaphore,
/// an event, a future), or done as finished / failed / cancelled.
enum class TaskState { ready, running, waiting, finished, failed, cancelled };

/// @brief "ready", "running", "waiting", "finished", "failed", "cancelled".
const char* to_string(TaskState state);

namespace detail {

/// @brief One spawned task: the loop owns it while it runs; TaskHandles share it to read the outcome.
class TaskCore {
public:
    TaskCore(EventLoop& loop, std::uint64_t id, std::string name, coroutine_handle<> root);
    virtual ~TaskCore();
    TaskCore(const TaskCore&) = delete;
    TaskCore& operator=(const TaskCore&) = delete;

    bool done() const {
        return state == TaskState::finished || state == TaskState::failed || state == TaskState::cancelled;
    }

    /// @brief Parks the task: the loop resumes `resume_at` after wake(). `detach` unregisters it from what it
    /// waits on (cancel() and the loop's shutdown call it); a shielded wait is not interrupted by cancel().
    void wait_on(coroutine_handle<> resume_at, const char* what, std::function<void()> detach_fn, bool shield = false);
    /// @brief Back to the ready queue after wait_on; ignored when not waiting.
    void wake();
    /// @brief Back of the ready queue now (sleep(0)).
    void yield(coroutine_handle<> resume_at);
    /// @brief Asks the task to stop: its current or next await throws CancelledError. False when done.
    bool request_cancel();
    /// @brief Delivers a pending cancellation (once) as CancelledError.
    void throw_if_cancelled();

    std::uint64_t add_done_callback(std::function<void()> callback);
    void remove_done_callback(std::uint64_t id);

    /// @brief Moves the coroutine's outcome into this core and destroys the finished frame.
    virtual void collect() = 0;
    void destroy_frame();

    EventLoop* loop;
    const std::uint64_t id;
    const std::string name;
    TaskState state = TaskState::ready;
    bool started = false;
    bool cancel_requested = false;
    bool shielded = false;
    std::uint64_t completion_order = 0;   // 1 for the first task to finish, and so on
    const char* waiting_on = "";
    coroutine_handle<> root;
    coroutine_handle<> resume_point;
    coroutine_handle<> transfer;          // set while running: the coroutine to resume next (trampoline)
    std::function<void()> detach;
    std::exception_ptr error;

private:
    friend class aio::EventLoop;
    std::vector<std::pair<std::uint64_t, std::function<void()>>> done_callbacks_;
    std::uint64_t next_callback_id_ = 1;
};

/// @brief Base of the awaitables that park a task. await_suspend finds the task through the promise, and a
/// pending cancellation skips the wait so that await_resume throws it. Derived: `bool park(coroutine_handle<>)`
/// (false: go on at once) and an await_resume that calls core_->throw_if_cancelled() first.
template <class Derived>
class ParkingAwaiter {
public:
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    bool await_suspend(coroutine_handle<Promise> waiting) {
        core_ = waiting.promise().core;
        if (core_->cancel_requested && !static_cast<const Derived*>(this)->shielded()) return false;
        return static_cast<Derived*>(this)->park(waiting);
    }
    bool shielded() const { return false; }

protected:
    TaskCore* core_ = nullptr;
};

}  // namespace detail
}  // namespace conclab::aio
