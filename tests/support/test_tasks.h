// Tasks that exist only for the tests (never shipped): echo, fail, sleep, a counter of tasks running at once, and
// tasks that wait at a named gate or meet at a named barrier, so that a test decides when they finish instead of
// timing them. register_test_tasks() adds them to the task registry; test worker processes call it too (gates and
// barriers live in one process: use them with in-process executors).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>

namespace conclab::test {

/// @brief Registers "test.echo" (returns its argument), "test.fail" (throws its argument),
/// "test.sleep_ms" (sleeps in 1 ms steps, checkpointing) and "test.overlap_ms" (spins on checkpoint() for the given
/// milliseconds, counting itself in overlap_now() between checkpoints, i.e. while it computes), "test.wait_gate"
/// (argument: a gate's name; arrives at gate(name), waits until the test opens it, checkpointing, returns the name)
/// and "test.meet" (argument "NAME:N": arrives at gate(NAME), which opens itself once N tasks have arrived, and waits
/// for it: N tasks that all return were running at the same time), "test.after_gate" ("GATE|FUNCTION|ARGUMENT": waits at
/// gate(GATE), or with GATE "NAME:N" until N tasks have reached gate(NAME), then runs FUNCTION(ARGUMENT)). Across processes, files are the gates:
/// "test.wait_file" (argument: a path; creates PATH.arrived, waits until PATH exists, returns the path) and
/// "test.meet_files" ("PREFIX:N": takes one of the files PREFIX.0 … PREFIX.(N-1), waits until all N exist).
void register_test_tasks();

/// @brief Creates `path` (empty) if it does not exist: opens a "test.wait_file" gate.
void touch_file(const std::string& path);
/// @brief True once a "test.wait_file" task waits at `path` (it created PATH.arrived).
bool file_gate_reached(const std::string& path);

/// @brief A gate that tasks wait at until the test opens it. Thread-safe.
class Gate {
public:
    void open();
    bool is_open() const;
    /// @brief How many tasks have reached the gate (waiting there or gone through).
    int arrived() const;
    /// @brief Waits until at least `n` tasks have arrived; false if they have not after `limit`.
    bool wait_arrived(int n, std::chrono::milliseconds limit = std::chrono::seconds(60)) const;

    /// @brief For the tasks: counts one arrival (opening the gate if `open_at` > 0 arrivals are reached) and waits
    /// until the gate is open or `keep_waiting()` returns false; true when it went through.
    template <class KeepWaiting>
    bool pass(int open_at, KeepWaiting keep_waiting) {
        std::unique_lock lock(mutex_);
        ++arrived_;
        if (open_at > 0 && arrived_ >= open_at) open_ = true;
        changed_.notify_all();
        while (!open_) {
            // Asked without the lock: under the GIL model a checkpoint may wait for the interpreter lock.
            lock.unlock();
            if (!keep_waiting()) return false;
            lock.lock();
            if (!open_) changed_.wait_for(lock, std::chrono::milliseconds(1));
        }
        return true;
    }

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool open_ = false;
    int arrived_ = 0;
};

/// @brief The gate called `name` in this process, created closed on first use; never destroyed. Tests use a new
/// name each time (gate_name()).
Gate& gate(std::string_view name);
/// @brief A gate name not used before in this process: "PREFIX#N".
std::string gate_name(std::string_view prefix);

/// @brief How many "test.overlap_ms" tasks are computing right now, between two checkpoints (this process only).
std::atomic<int>& overlap_now();
/// @brief The largest overlap_now() seen since the last reset_overlap().
std::atomic<int>& overlap_max();
void reset_overlap();

}  // namespace conclab::test
