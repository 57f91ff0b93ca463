// sleep(seconds): asyncio.sleep for core/aio tasks, on the loop's clock.
#pragma once

#include "core/aio/event_loop.h"
#include "core/aio/task_core.h"

namespace conclab::aio {
namespace detail {

class SleepAwaiter : public ParkingAwaiter<SleepAwaiter> {
public:
    explicit SleepAwaiter(double seconds) : seconds_(seconds) {}

    bool park(coroutine_handle<> waiting) {
        if (seconds_ <= 0) {
            core_->yield(waiting);
            return true;
        }
        EventLoop* loop = core_->loop;
        const TimerId timer = loop->add_wakeup(loop->now_s() + seconds_, *core_);
        core_->wait_on(waiting, "sleep", [loop, timer] { loop->cancel_timer(timer); });
        return true;
    }
    void await_resume() { core_->throw_if_cancelled(); }

private:
    double seconds_;
};

}  // namespace detail

/// @brief Suspends the current task for `seconds` of the loop's clock. sleep(0) (or less) yields: the task
/// goes to the back of the ready queue, behind every task ready now. Throws CancelledError if cancelled.
inline detail::SleepAwaiter sleep(double seconds) { return detail::SleepAwaiter(seconds); }

namespace detail {

/// @brief The task running the awaiting coroutine, without suspending.
struct CurrentTask {
    TaskCore* core = nullptr;
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    bool await_suspend(coroutine_handle<Promise> waiting) noexcept {
        core = waiting.promise().core;
        return false;
    }
    TaskCore& await_resume() const noexcept { return *core; }
};

}  // namespace detail

/// @brief `EventLoop& loop = co_await get_loop();` — the loop running the current task (never suspends).
struct get_loop {
    detail::CurrentTask current;
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    bool await_suspend(coroutine_handle<Promise> waiting) noexcept {
        return current.await_suspend(waiting);
    }
    EventLoop& await_resume() const noexcept { return *current.core->loop; }
};

}  // namespace conclab::aio
