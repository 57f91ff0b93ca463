// Semaphore: asyncio.Semaphore for core/aio tasks — bounds how many tasks hold a permit at once
// (e.g. requests in flight). Waiters are served first come, first served.
#pragma once

#include "core/aio/task_core.h"

#include <list>
#include <memory>

namespace conclab::aio {
namespace detail {

struct SemaphoreState {
    struct Waiter {
        TaskCore* task;
        bool* granted;
    };
    int permits = 0;
    std::list<Waiter> waiters;

    /// @brief Hands the permit straight to the first waiter (so a newcomer cannot overtake it), or keeps it.
    void release();
};

}  // namespace detail

class Semaphore {
public:
    /// @brief Releases its permit when destroyed (or on release()). Movable.
    class Guard {
    public:
        Guard() = default;
        explicit Guard(std::shared_ptr<detail::SemaphoreState> state) : state_(std::move(state)) {}
        Guard(Guard&& other) noexcept = default;
        Guard& operator=(Guard&& other) noexcept {
            if (this != &other) {
                release();
                state_ = std::move(other.state_);
            }
            return *this;
        }
        ~Guard() { release(); }
        void release() {
            if (auto state = std::move(state_)) state->release();
        }
        bool holds() const { return static_cast<bool>(state_); }

    private:
        std::shared_ptr<detail::SemaphoreState> state_;
    };

    class Acquire : public detail::ParkingAwaiter<Acquire> {
    public:
        explicit Acquire(std::shared_ptr<detail::SemaphoreState> state) : state_(std::move(state)) {}
        bool park(coroutine_handle<> waiting);
        Guard await_resume();

    private:
        std::shared_ptr<detail::SemaphoreState> state_;
        bool granted_ = false;
    };

    /// @brief `permits` tasks may hold it at once.
    explicit Semaphore(int permits);

    /// @brief `auto permit = co_await sem.acquire();` — waits (FIFO) for a permit, released when `permit`
    /// goes. A task cancelled while waiting throws CancelledError and holds nothing.
    Acquire acquire() const { return Acquire(state_); }
    /// @brief Permits free right now.
    int available() const { return state_->permits; }
    /// @brief Tasks waiting for a permit.
    std::size_t waiting() const { return state_->waiters.size(); }

private:
    std::shared_ptr<detail::SemaphoreState> state_;
};

}  // namespace conclab::aio
