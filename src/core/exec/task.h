// A task is a named function applied to a text argument, so that it can cross a process boundary
// the way Python's ProcessPoolExecutor pickles a function by name and its arguments.
#pragma once

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conclab::exec {

class Gil;

/// @brief What a running task may ask of its executor: whether to stop, and (under the GIL model)
/// a point where it hands the interpreter lock over, as CPython does between bytecodes.
class TaskContext {
public:
    TaskContext() = default;
    TaskContext(const std::atomic<bool>* stop_requested, Gil* gil) : stop_(stop_requested), gil_(gil) {}

    /// @brief Call every few microseconds of work. Returns false when the task should give up.
    bool checkpoint();
    /// @brief Seconds this task spent inside checkpoint() waiting for the GIL (0 without one).
    double waited_s() const { return waited_s_; }
    using Span = std::pair<std::chrono::steady_clock::time_point, std::chrono::steady_clock::time_point>;
    /// @brief When it waited: one span per hand-over, at most kMaxWaitSpans (later ones widen the last).
    const std::vector<Span>& wait_spans() const { return wait_spans_; }
    static constexpr std::size_t kMaxWaitSpans = 4096;

private:
    const std::atomic<bool>* stop_ = nullptr;
    Gil* gil_ = nullptr;
    double waited_s_ = 0;
    std::vector<Span> wait_spans_;
};

/// @brief Thrown by a task that saw checkpoint() return false.
struct TaskCancelled : std::runtime_error {
    TaskCancelled() : std::runtime_error("cancelled") {}
};

using TaskFunction = std::string (*)(std::string_view argument, TaskContext& context);

/// @brief One unit of work for any executor.
struct Task {
    std::string function;   ///< a registered name, e.g. "primes.lpf"
    std::string argument;
};

/// @brief Makes `function` runnable by name on every executor of this program. Each demo registers its own
/// tasks (e.g. primes::register_tasks()); a worker process registers the same set at start. Registering a
/// name again with the same function does nothing; with another function throws std::logic_error. Thread-safe.
void register_task(std::string_view name, TaskFunction function);

/// @brief The function registered under `name`, or nullptr.
TaskFunction find_task(std::string_view name);

/// @brief Runs a task in this thread; throws what the task throws, std::invalid_argument for an unknown name.
std::string run_task(const Task& task, TaskContext& context);

}  // namespace conclab::exec
