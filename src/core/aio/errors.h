// The exceptions a coroutine sees from the event loop, named as in asyncio.
#pragma once

#include <stdexcept>

namespace conclab::aio {

/// @brief Thrown at a cancelled task's current or next co_await, and by awaiting a cancelled task.
/// Catch it to clean up, then rethrow: a task that ends with it counts as cancelled.
struct CancelledError : std::runtime_error {
    CancelledError() : std::runtime_error("the task was cancelled") {}
};

/// @brief Thrown by wait_for when the deadline passes first (the awaited task was cancelled and has finished).
struct TimeoutError : std::runtime_error {
    TimeoutError() : std::runtime_error("the task timed out") {}
};

}  // namespace conclab::aio
