// wait_for: asyncio.wait_for — a task with a deadline on the loop's clock.
#pragma once

#include "core/aio/errors.h"
#include "core/aio/event_loop.h"
#include "core/aio/sleep.h"
#include "core/aio/task.h"
#include "core/aio/task_handle.h"
#include "core/aio/wait_tasks.h"

#include <limits>
#include <string>
#include <vector>

namespace conclab::aio {

/// @brief Waits up to `timeout_s` for `handle`. On expiry it cancels the task, waits until the task has
/// finished (its cleanup has run) and throws TimeoutError — unless the task managed to finish with a value
/// meanwhile, which is then returned. If the awaiting task is cancelled, the task is cancelled too.
template <class T>
Task<T> wait_for(TaskHandle<T> handle, double timeout_s) {
    detail::TaskCore& waiter = co_await detail::CurrentTask{};
    const double deadline = waiter.loop->now_s() + timeout_s;
    const std::vector<detail::TaskCore*> target{handle.core().get()};
    bool timed_out = false;
    bool cancelled = false;
    try {
        timed_out = co_await detail::WaitTasks(target, detail::WaitUntil::all_done, deadline);
    } catch (const CancelledError&) {
        cancelled = true;
    }
    if (timed_out || cancelled) {
        handle.cancel();
        co_await detail::WaitTasks(target, detail::WaitUntil::all_done, std::numeric_limits<double>::infinity(), true);
        if (cancelled) throw CancelledError();
        if (handle.state() != TaskState::finished) throw TimeoutError();
    }
    co_return handle.result();
}

/// @brief Spawns `task` as "<current task> (wait_for)" and waits up to `timeout_s` for it (see above).
template <class T>
Task<T> wait_for(Task<T> task, double timeout_s) {
    detail::TaskCore& waiter = co_await detail::CurrentTask{};
    auto handle = waiter.loop->spawn(std::move(task), waiter.name + " (wait_for)");
    co_return co_await wait_for(std::move(handle), timeout_s);
}

}  // namespace conclab::aio
