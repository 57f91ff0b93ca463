// Event: asyncio.Event — tasks wait until someone sets it (from a task, a callback or an I/O completion
// on the loop's thread).
#pragma once

#include "core/aio/task_core.h"

#include <list>
#include <memory>

namespace conclab::aio {

class Event {
    struct State {
        bool set = false;
        std::list<detail::TaskCore*> waiters;
    };

public:
    class Wait : public detail::ParkingAwaiter<Wait> {
    public:
        explicit Wait(std::shared_ptr<State> state) : state_(std::move(state)) {}
        bool park(coroutine_handle<> waiting) {
            if (state_->set) return false;
            auto place = state_->waiters.insert(state_->waiters.end(), core_);
            auto* state = state_.get();
            core_->wait_on(waiting, "event", [state, place] { state->waiters.erase(place); });
            return true;
        }
        void await_resume() { core_->throw_if_cancelled(); }

    private:
        std::shared_ptr<State> state_;
    };

    /// @brief Wakes every waiting task (in the order they started waiting); later waits return at once.
    void set() {
        state_->set = true;
        auto waiters = std::move(state_->waiters);
        state_->waiters.clear();
        for (auto* task : waiters) task->wake();
    }
    /// @brief Later waits wait again.
    void clear() { state_->set = false; }
    bool is_set() const { return state_->set; }
    /// @brief `co_await event.wait();` — returns once the event is set; CancelledError if cancelled.
    Wait wait() const { return Wait(state_); }

private:
    std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace conclab::aio
