// gather: run several tasks concurrently and collect their results in argument order.
//
// Exception policy (structured, like asyncio.TaskGroup rather than asyncio.gather's default): when a child
// fails or is cancelled, gather cancels the other children, waits until they have all finished (their
// cleanup has run), then rethrows the first failure in completion order (CancelledError for a cancelled
// child). Cancelling the task awaiting gather cancels every child the same way, then throws CancelledError.
// No child outlives the gather.
#pragma once

#include "core/aio/event_loop.h"
#include "core/aio/sleep.h"
#include "core/aio/task.h"
#include "core/aio/task_handle.h"
#include "core/aio/wait_tasks.h"

#include <exception>
#include <string>
#include <type_traits>
#include <vector>

namespace conclab::aio {
namespace detail {

/// @brief Spawns `tasks` as children named "<parent> [i]".
template <class T>
std::vector<TaskHandle<T>> spawn_children(TaskCore& parent, std::vector<Task<T>>& tasks) {
    std::vector<TaskHandle<T>> children;
    children.reserve(tasks.size());
    for (std::size_t i = 0; i < tasks.size(); ++i)
        children.push_back(parent.loop->spawn(std::move(tasks[i]), parent.name + " [" + std::to_string(i) + "]"));
    return children;
}

template <class T>
std::vector<TaskCore*> cores_of(const std::vector<TaskHandle<T>>& handles) {
    std::vector<TaskCore*> cores;
    for (const auto& handle : handles) cores.push_back(handle.core().get());
    return cores;
}

/// @brief Waits for every child, cancelling all if one fails or the waiting task is cancelled; rethrows.
template <class T>
Task<void> await_all_or_cancel(std::vector<TaskHandle<T>> children) {
    bool cancelled = false;
    try {
        co_await WaitTasks(cores_of(children), WaitUntil::all_done_or_first_failure);
    } catch (const CancelledError&) {
        cancelled = true;
    }
    const TaskHandle<T>* first_failure = nullptr;
    for (const auto& child : children)
        if (child.failed() || child.cancelled())
            if (!first_failure || child.completion_order() < first_failure->completion_order()) first_failure = &child;
    if (!cancelled && !first_failure) co_return;
    for (auto& child : children) child.core()->request_cancel();
    co_await WaitTasks(cores_of(children), WaitUntil::all_done, std::numeric_limits<double>::infinity(), true);
    if (cancelled) throw CancelledError();
    first_failure->result();   // rethrows its exception, or CancelledError
}

}  // namespace detail

/// @brief Runs every task concurrently (spawned as "<parent> [i]"); returns their values in argument order.
/// See the file comment for what happens when one fails.
template <class T>
Task<std::vector<T>> gather(std::vector<Task<T>> tasks) {
    detail::TaskCore& parent = co_await detail::CurrentTask{};
    auto children = detail::spawn_children(parent, tasks);
    co_await detail::await_all_or_cancel(children);
    std::vector<T> results;
    results.reserve(children.size());
    for (const auto& child : children) results.push_back(child.result());
    co_return results;
}

/// @brief gather for tasks without a value: done when all are done.
inline Task<void> gather(std::vector<Task<void>> tasks) {
    detail::TaskCore& parent = co_await detail::CurrentTask{};
    auto children = detail::spawn_children(parent, tasks);
    co_await detail::await_all_or_cancel(children);
}

}  // namespace conclab::aio
