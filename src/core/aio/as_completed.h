// as_completed: hands out spawned tasks in the order they finish (asyncio.as_completed, but yielding the
// handles themselves, so the caller can read each one's name along with its value).
#pragma once

#include "core/aio/event_loop.h"
#include "core/aio/task.h"
#include "core/aio/task_handle.h"
#include "core/aio/wait_tasks.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace conclab::aio {

/// @brief `while (auto done = co_await completed.next()) use(co_await *done);` — must outlive its awaits.
template <class T>
class AsCompleted {
public:
    explicit AsCompleted(std::vector<TaskHandle<T>> handles) : pending_(std::move(handles)) {}

    /// @brief Handles not handed out yet.
    std::size_t remaining() const { return pending_.size(); }

    /// @brief The next task to have finished (earliest completion first), waiting if none has; nullopt
    /// when all were handed out. Throws CancelledError if the awaiting task is cancelled (the tasks go on).
    Task<std::optional<TaskHandle<T>>> next() {
        if (pending_.empty()) co_return std::nullopt;
        if (std::none_of(pending_.begin(), pending_.end(), [](const auto& handle) { return handle.done(); })) {
            std::vector<detail::TaskCore*> cores;
            for (const auto& handle : pending_) cores.push_back(handle.core().get());
            co_await detail::WaitTasks(std::move(cores), detail::WaitUntil::first_done);
        }
        auto first = pending_.end();
        for (auto it = pending_.begin(); it != pending_.end(); ++it)
            if (it->done() && (first == pending_.end() || it->completion_order() < first->completion_order())) first = it;
        TaskHandle<T> handle = *first;
        pending_.erase(first);
        co_return handle;
    }

private:
    std::vector<TaskHandle<T>> pending_;
};

/// @brief Spawns `tasks` on `loop` and hands them out as they finish.
template <class T>
AsCompleted<T> as_completed(EventLoop& loop, std::vector<Task<T>> tasks) {
    std::vector<TaskHandle<T>> handles;
    for (auto& task : tasks) handles.push_back(loop.spawn(std::move(task)));
    return AsCompleted<T>(std::move(handles));
}

}  // namespace conclab::aio
