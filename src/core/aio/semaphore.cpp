// Semaphore: a permit count and a FIFO of parked tasks.
#include "core/aio/semaphore.h"

#include <stdexcept>

namespace conclab::aio {

namespace detail {

void SemaphoreState::release() {
    if (waiters.empty()) {
        ++permits;
        return;
    }
    Waiter first = waiters.front();
    waiters.pop_front();
    *first.granted = true;
    first.task->wake();
}

}  // namespace detail

Semaphore::Semaphore(int permits) : state_(std::make_shared<detail::SemaphoreState>()) {
    if (permits < 0) throw std::invalid_argument("a semaphore needs 0 or more permits");
    state_->permits = permits;
}

bool Semaphore::Acquire::park(coroutine_handle<> waiting) {
    if (state_->permits > 0 && state_->waiters.empty()) {
        --state_->permits;
        granted_ = true;
        return false;
    }
    auto place = state_->waiters.insert(state_->waiters.end(), {core_, &granted_});
    auto* state = state_.get();
    core_->wait_on(waiting, "semaphore", [state, place] { state->waiters.erase(place); });
    return true;
}

Semaphore::Guard Semaphore::Acquire::await_resume() {
    if (core_->cancel_requested) {
        // Granted and cancelled before it ran: pass the permit on rather than lose it.
        if (granted_) state_->release();
        core_->throw_if_cancelled();
    }
    return Guard(state_);
}

}  // namespace conclab::aio
