// Tasks that exist only for the tests (never shipped): echo, fail, sleep, and a counter of tasks running
// at once. register_test_tasks() adds them to the task registry; test worker processes call it too.
#pragma once

#include <atomic>

namespace conclab::test {

/// @brief Registers "test.echo" (returns its argument), "test.fail" (throws its argument),
/// "test.sleep_ms" (sleeps in 1 ms steps, checkpointing) and "test.overlap_ms" (spins on checkpoint() for the given
/// milliseconds, counting itself in overlap_now() between checkpoints, i.e. while it computes).
void register_test_tasks();

/// @brief How many "test.overlap_ms" tasks are computing right now, between two checkpoints (this process only).
std::atomic<int>& overlap_now();
/// @brief The largest overlap_now() seen since the last reset_overlap().
std::atomic<int>& overlap_max();
void reset_overlap();

}  // namespace conclab::test
