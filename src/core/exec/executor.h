// One interface for every way of running tasks, modelled on concurrent.futures.Executor:
// submit → Future, map in order, as_completed, cancel pending work, shutdown.
#pragma once

#include "core/base/clock.h"
#include "core/exec/future.h"
#include "core/exec/task.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::exec {

enum class ExecutorKind { sequential, threads, processes, gil };

inline constexpr int kMinWorkers = 1;
inline constexpr int kMaxWorkers = 64;

std::string_view to_string(ExecutorKind kind);
/// @brief Parses "sequential", "threads", "processes" or "gil".
std::optional<ExecutorKind> parse_executor_kind(std::string_view text);
/// @brief The accepted names, for error messages: "sequential|threads|processes|gil".
std::string_view executor_kind_choices();

/// @brief Empty when kMinWorkers <= workers <= kMaxWorkers, else "--workers N is out of range: use 1 to 64".
std::string workers_error(int workers);
/// @brief The workers a run really gets: the sequential executor always has one.
int effective_workers(ExecutorKind kind, int requested);
/// @brief The default pool size: the logical CPUs, within kMinWorkers..kMaxWorkers (a 128-CPU machine gets 64).
int default_workers(int logical_cpus);

/// @brief What a runtime outside this program said about itself (CPython: its pool's start method, and its own
/// getrusage of self + children taken after its pool shut down).
struct RuntimeFacts {
    std::optional<std::string> start_method;
    std::optional<CpuSeconds> cpu;
    std::optional<std::string> version;   ///< the runtime's own version, once a worker said it (Pyodide's "314.0.8")
    std::optional<std::string> python;    ///< the interpreter's version inside it (Pyodide's CPython, "3.14.2")
};

class Executor {
public:
    virtual ~Executor() = default;
    virtual ExecutorKind kind() const = 0;
    virtual int workers() const = 0;
    /// @brief Queues a task; its future finishes with the value, an error, or cancelled.
    virtual Future submit(Task task) = 0;
    /// @brief Cancels every task not yet started and asks running ones to stop at their next checkpoint.
    virtual void cancel_all() = 0;
    /// @brief Stops accepting work; with wait, returns after the workers have exited.
    virtual void shutdown(bool wait = true, bool cancel_futures = false) = 0;
    /// @brief True once every worker thread has started running. In the browser a thread beyond the
    /// pre-started Web Workers only starts after the main thread returns to the event loop, so joining
    /// it from there before that would never return: callers on the main thread wait for this first.
    virtual bool all_workers_started() const { return true; }
    /// @brief Every task has been submitted. An executor that hands the whole list to another program (CPython's
    /// as_completed over all the futures) starts it now; the others have started already.
    virtual void end_of_submissions() {}
    /// @brief Filled by executors that run in another runtime, once finished.
    virtual RuntimeFacts runtime_facts() const { return {}; }

    /// @brief Seconds on this executor's clock (zero at construction); TaskRecord times use it.
    double now_s() const { return to_s(std::chrono::steady_clock::now()); }
    double to_s(std::chrono::steady_clock::time_point t) const { return std::chrono::duration<double>(t - epoch_).count(); }

protected:
    std::chrono::steady_clock::time_point epoch_ = std::chrono::steady_clock::now();
};

/// @brief Submits function(argument) for each argument and returns the values in argument order;
/// throws the first TaskError in that order, like Executor.map.
std::vector<std::string> map(Executor& executor, std::string_view function, const std::vector<std::string>& arguments);

/// @brief Sequential execution: one task at a time, in submission order, on one worker thread so that
/// a UI that submits never blocks.
std::unique_ptr<Executor> make_sequential_executor();
/// @brief A pool of std::threads that run tasks in parallel.
std::unique_ptr<Executor> make_thread_pool(int workers);
/// @brief A model of CPython threads: each must hold one global lock to run and hands it over every
/// switch interval (Python's default is 5 ms), so at most one computes at a time.
std::unique_ptr<Executor> make_gil_thread_pool(int workers, std::chrono::microseconds switch_interval = std::chrono::milliseconds(5));

}  // namespace conclab::exec
