// TaskHandle<T>: what EventLoop::spawn returns. Other coroutines await it (its value, its exception, or
// CancelledError); any code may cancel it or read its state. Copies share one task.
#pragma once

#include "core/aio/errors.h"
#include "core/aio/task.h"
#include "core/aio/task_core.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace conclab::aio {
namespace detail {

template <class T>
class TaskCoreOf final : public TaskCore {
public:
    using TaskCore::TaskCore;

    void collect() override {
        if (started) {
            auto& promise = coroutine_handle<TaskPromise<T>>::from_address(root.address()).promise();
            if (promise.exception) {
                error = promise.exception;
            } else if constexpr (!std::is_void_v<T>) {
                value = std::move(promise.value);
            }
        }
        destroy_frame();
    }

    std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> value;
};

/// @brief The outcome of a done task: its value, its exception, or CancelledError.
template <class T>
T outcome_of(const TaskCoreOf<T>& core) {
    if (!core.done()) throw std::logic_error("task '" + core.name + "' has not finished");
    if (core.state == TaskState::cancelled) throw CancelledError();
    if (core.error) std::rethrow_exception(core.error);
    if constexpr (!std::is_void_v<T>) return *core.value;
}

/// @brief Parks the awaiting task until `target` is done.
template <class T>
class HandleAwaiter : public ParkingAwaiter<HandleAwaiter<T>> {
public:
    explicit HandleAwaiter(std::shared_ptr<TaskCoreOf<T>> target) : target_(std::move(target)) {}

    bool park(coroutine_handle<> waiting) {
        if (target_->done()) return false;
        TaskCore* core = this->core_;
        TaskCore* target = target_.get();
        std::uint64_t id = target->add_done_callback([core] { core->wake(); });
        core->wait_on(waiting, "task", [target, id] { target->remove_done_callback(id); });
        return true;
    }
    T await_resume() {
        this->core_->throw_if_cancelled();
        return outcome_of(*target_);
    }

private:
    std::shared_ptr<TaskCoreOf<T>> target_;
};

}  // namespace detail

/// @brief A spawned task. Awaiting it parks the awaiting task until this one is done; cancelling the
/// awaiting task does not cancel this one (unlike asyncio, where awaiting a Task passes the cancel on).
template <class T = void>
class TaskHandle {
public:
    TaskHandle() = default;
    explicit TaskHandle(std::shared_ptr<detail::TaskCoreOf<T>> core) : core_(std::move(core)) {}

    /// @brief "task 3", or the name given to spawn.
    const std::string& name() const { return core_->name; }
    std::uint64_t id() const { return core_->id; }
    TaskState state() const { return core_->state; }
    /// @brief Finished, failed or cancelled.
    bool done() const { return core_->done(); }
    bool cancelled() const { return core_->state == TaskState::cancelled; }
    bool failed() const { return core_->state == TaskState::failed; }
    /// @brief Asks the task to stop: its current or next await throws CancelledError (a task that has not
    /// started never starts). Returns false when it is already done. It is done once the loop has run it.
    bool cancel() { return core_->request_cancel(); }
    /// @brief The value of a done task; rethrows its exception; CancelledError if it was cancelled;
    /// std::logic_error if it is not done yet.
    T result() const { return detail::outcome_of(*core_); }
    /// @brief 1 for the first task of the loop to finish, 2 for the next…; 0 while not done.
    std::uint64_t completion_order() const { return core_->completion_order; }

    detail::HandleAwaiter<T> operator co_await() const { return detail::HandleAwaiter<T>(core_); }
    const std::shared_ptr<detail::TaskCoreOf<T>>& core() const { return core_; }
    explicit operator bool() const { return static_cast<bool>(core_); }

private:
    std::shared_ptr<detail::TaskCoreOf<T>> core_;
};

}  // namespace conclab::aio
