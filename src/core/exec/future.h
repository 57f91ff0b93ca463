// Futures modelled on Python's concurrent.futures: pending → running → finished (a value or an
// error) or cancelled; as_completed() hands them out in the order they finish.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace conclab::exec {

enum class FutureStatus { pending, running, finished, failed, cancelled };

/// @brief From `from_s` to `to_s`, seconds on the executor's clock.
struct TimeSpan {
    double from_s = 0;
    double to_s = 0;
};

/// @brief Where and when a task ran; times are seconds on the executor's steady clock.
struct TaskRecord {
    std::string worker;        ///< "thread 1", "pid 4242", "worker 3"…
    double started_s = 0;
    double finished_s = 0;
    double waited_s = 0;       ///< inside the task, waiting for the GIL (the GIL model only)
    std::vector<TimeSpan> gil_waits;   ///< the moments it waited for the GIL (the GIL model only)
    /// @brief User + system CPU seconds the task took, as its worker process measured them (native process
    /// pool only: threads share one process's CPU time, and a browser has no OS CPU time).
    std::optional<double> cpu_s;
    /// @brief How long the worker that ran the task took to start, from spawn to ready (process pools only).
    std::optional<double> worker_startup_s;
    double elapsed_s() const { return finished_s - started_s; }
    /// @brief How long the task really ran: elapsed minus the time it waited for the GIL.
    double busy_s() const { return elapsed_s() - waited_s; }
};

/// @brief Raised by Future::result() when the task threw or its worker died.
struct TaskError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// @brief Raised by Future::result() on a cancelled future.
struct CancelledError : std::runtime_error {
    CancelledError() : std::runtime_error("the task was cancelled") {}
};

class CompletionQueue;
struct FutureState;

/// @brief A handle to one submitted task; cheap to copy, shared with the executor.
class Future {
public:
    Future() = default;
    explicit Future(std::shared_ptr<FutureState> state) : state_(std::move(state)) {}

    FutureStatus status() const;
    bool done() const;      ///< finished, failed or cancelled
    /// @brief Cancels a task that has not started; false if it is running or done.
    bool cancel();
    /// @brief Blocks until done; returns the value or throws TaskError / CancelledError.
    std::string result() const;
    std::optional<std::string> error() const;
    TaskRecord record() const;
    std::size_t index() const;   ///< submission order within its executor

    // For executors:
    bool set_running(std::string worker, double now_s);   ///< false if it was cancelled first
    void set_result(std::string value, double now_s);
    void set_error(std::string message, double now_s);
    void set_waited(double seconds, std::vector<TimeSpan> spans = {});   ///< before set_result / set_error
    void set_cpu_s(double seconds);    ///< before set_result / set_error
    void set_worker_startup_s(double seconds);
    void add_waiter(const std::shared_ptr<CompletionQueue>& queue);

    bool operator==(const Future& other) const { return state_ == other.state_; }

private:
    /// Marks the future done unless it already is (or, with only_if_pending, unless it left pending);
    /// false when it did nothing. Waiters are notified after the lock is released.
    bool finish(FutureStatus status, std::string value, double now_s, bool only_if_pending);
    std::shared_ptr<FutureState> state_;
};

std::shared_ptr<FutureState> make_future_state(std::size_t index);

/// @brief Receives futures as they finish. Used by as_completed and by UIs that poll each frame.
class CompletionQueue {
public:
    void push(const Future& future);
    std::optional<Future> try_pop();
    Future pop();

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Future> done_;
};

/// @brief Yields the futures in the order they complete, like concurrent.futures.as_completed.
class AsCompleted {
public:
    explicit AsCompleted(const std::vector<Future>& futures);
    std::size_t remaining() const { return remaining_; }
    /// @brief The next finished future, blocking; nullopt when all were handed out.
    std::optional<Future> next();
    /// @brief The next finished future if one is ready now (for a UI frame).
    std::optional<Future> try_next();

private:
    std::shared_ptr<CompletionQueue> queue_ = std::make_shared<CompletionQueue>();
    std::size_t remaining_;
};

}  // namespace conclab::exec
