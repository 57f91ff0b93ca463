// Task<T>: the coroutine type of core/aio. A Task does nothing until it is awaited by another task (which
// then runs it to completion in place) or spawned on an EventLoop (which runs it concurrently with the
// others and hands back a TaskHandle).
//
// Awaiting a Task does not resume it from inside the awaiter (that nests stacks) nor by symmetric transfer
// (clang needs wasm tail calls for it, which Emscripten 3.1.6 does not enable): the awaiter parks the parent
// and names the child in TaskCore::transfer; the loop's trampoline resumes the child, and the child's end
// names the parent. Any nesting depth runs in constant stack.
#pragma once

#include "core/aio/coroutine_compat.h"
#include "core/aio/task_core.h"

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace conclab::aio {

template <class T>
class Task;

namespace detail {

struct PromiseBase {
    TaskCore* core = nullptr;                 // the spawned task this coroutine runs in
    coroutine_handle<> continuation;          // the task awaiting this one; null for a spawned root
    std::exception_ptr exception;

    // Hands control back to the awaiting coroutine through the loop's trampoline (see Task::Awaiter).
    struct FinalAwaiter {
        bool await_ready() const noexcept { return false; }
        template <class Promise>
        void await_suspend(coroutine_handle<Promise> finished) noexcept {
            if (auto next = finished.promise().continuation) finished.promise().core->transfer = next;
        }
        void await_resume() const noexcept {}
    };

    suspend_always initial_suspend() const noexcept { return {}; }
    FinalAwaiter final_suspend() const noexcept { return {}; }
    void unhandled_exception() noexcept { exception = std::current_exception(); }
};

template <class T>
struct TaskPromise : PromiseBase {
    std::optional<T> value;

    Task<T> get_return_object() noexcept;
    template <class U>
    void return_value(U&& result) {
        value.emplace(std::forward<U>(result));
    }
    T take() {
        if (exception) std::rethrow_exception(exception);
        return std::move(*value);
    }
};

template <>
struct TaskPromise<void> : PromiseBase {
    Task<void> get_return_object() noexcept;
    void return_void() const noexcept {}
    void take() const {
        if (exception) std::rethrow_exception(exception);
    }
};

}  // namespace detail

/// @brief A lazily started coroutine returning T. Move-only; destroying an unstarted or finished Task
/// destroys its frame. `co_await std::move(task)` runs it inside the current task and returns its value
/// or rethrows its exception.
template <class T = void>
class [[nodiscard]] Task {
public:
    using promise_type = detail::TaskPromise<T>;
    using value_type = T;

    Task() = default;
    explicit Task(coroutine_handle<promise_type> frame) noexcept : frame_(frame) {}
    Task(Task&& other) noexcept : frame_(std::exchange(other.frame_, {})) {}
    Task& operator=(Task&& other) noexcept {
        if (this != &other) {
            if (frame_) frame_.destroy();
            frame_ = std::exchange(other.frame_, {});
        }
        return *this;
    }
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    ~Task() {
        if (frame_) frame_.destroy();
    }

    /// @brief True while this Task owns a coroutine frame.
    bool valid() const noexcept { return static_cast<bool>(frame_); }
    /// @brief Gives up ownership of the frame (EventLoop::spawn takes it).
    coroutine_handle<promise_type> release() noexcept { return std::exchange(frame_, {}); }

    struct Awaiter {
        coroutine_handle<promise_type> child;
        bool await_ready() const noexcept { return child.done(); }
        template <class Promise>
        void await_suspend(coroutine_handle<Promise> parent) noexcept {
            child.promise().core = parent.promise().core;
            child.promise().continuation = parent;
            parent.promise().core->transfer = child;
        }
        T await_resume() { return child.promise().take(); }
    };
    Awaiter operator co_await() && noexcept { return Awaiter{frame_}; }
    Awaiter operator co_await() & noexcept { return Awaiter{frame_}; }

private:
    coroutine_handle<promise_type> frame_;
};

namespace detail {
template <class T>
Task<T> TaskPromise<T>::get_return_object() noexcept {
    return Task<T>(coroutine_handle<TaskPromise<T>>::from_promise(*this));
}
inline Task<void> TaskPromise<void>::get_return_object() noexcept {
    return Task<void>(coroutine_handle<TaskPromise<void>>::from_promise(*this));
}
}  // namespace detail

}  // namespace conclab::aio
