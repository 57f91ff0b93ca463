// Future<T>: a one-shot result that code outside coroutines fulfils — an I/O completion callback, a
// call_soon_threadsafe callback — and tasks await. Copies share one result. Set it on the loop's thread.
#pragma once

#include "core/aio/task_core.h"

#include <exception>
#include <list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <variant>

namespace conclab::aio {

template <class T = void>
class Future {
    using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;
    struct State {
        std::optional<Stored> value;
        std::exception_ptr error;
        std::list<detail::TaskCore*> waiters;
        bool done() const { return value.has_value() || error != nullptr; }
    };

public:
    class Wait : public detail::ParkingAwaiter<Wait> {
    public:
        explicit Wait(std::shared_ptr<State> state) : state_(std::move(state)) {}
        bool park(coroutine_handle<> waiting) {
            if (state_->done()) return false;
            auto place = state_->waiters.insert(state_->waiters.end(), this->core_);
            auto* state = state_.get();
            this->core_->wait_on(waiting, "future", [state, place] { state->waiters.erase(place); });
            return true;
        }
        T await_resume() {
            this->core_->throw_if_cancelled();
            if (state_->error) std::rethrow_exception(state_->error);
            if constexpr (!std::is_void_v<T>) return *state_->value;
        }

    private:
        std::shared_ptr<State> state_;
    };

    bool done() const { return state_->done(); }

    /// @brief Fulfils the future and wakes its waiters. Throws std::logic_error if it was already set.
    template <class U = T>
        requires(!std::is_void_v<U>)
    void set_result(U value) {
        check_unset();
        state_->value.emplace(std::move(value));
        wake_all();
    }
    void set_result()
        requires std::is_void_v<T>
    {
        check_unset();
        state_->value.emplace();
        wake_all();
    }
    /// @brief Fails the future: awaiting it rethrows `error`.
    void set_exception(std::exception_ptr error) {
        check_unset();
        state_->error = std::move(error);
        wake_all();
    }

    /// @brief `T value = co_await future;` — waits until it is set; CancelledError if cancelled.
    Wait operator co_await() const { return Wait(state_); }

private:
    void check_unset() const {
        if (state_->done()) throw std::logic_error("future already set");
    }
    void wake_all() {
        auto waiters = std::move(state_->waiters);
        state_->waiters.clear();
        for (auto* task : waiters) task->wake();
    }

    std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace conclab::aio
