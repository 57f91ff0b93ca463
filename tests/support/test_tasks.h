// Tasks that exist only for the tests (never shipped): echo, fail, sleep, and a counter of tasks running
// at once. register_test_tasks() adds them to the task registry; test worker processes call it too.
#pragma once

#include <atomic>

namespace conclab::test {

/// @brief Registers "test.echo" (returns its argument), "test.fail" (throws its argument),
/// "test.sleep_ms" (sleeps in 1 ms steps, checkpointing) and "test.overlap_ms" (counts itself in
/// overlap_now() while it spins on checkpoint() for the given milliseconds).
void register_test_tasks();

/// @brief How many "test.overlap_ms" tasks are inside their body right now (this process only).
std::atomic<int>& overlap_now();
/// @brief The largest overlap_now() seen since the last reset_overlap().
std::atomic<int>& overlap_max();
void reset_overlap();

}  // namespace conclab::test
