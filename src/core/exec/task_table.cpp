// The one table of task functions. Every executor — threads in this process or a worker process
// started from the same binary — finds a task's code here by its name.
#include "exec/task.h"

#include "exec/gil.h"
#include "primes/least_prime_factor.h"

#include <chrono>
#include <charconv>
#include <thread>

namespace conclab::exec {
namespace {

std::string echo_task(std::string_view argument, TaskContext&) { return std::string(argument); }

std::string fail_task(std::string_view argument, TaskContext&) {
    throw std::runtime_error(std::string(argument));
}

// Sleeps in small steps so that cancellation and the GIL model can interrupt it.
std::string sleep_ms_task(std::string_view argument, TaskContext& context) {
    int ms = 0;
    auto [ptr, ec] = std::from_chars(argument.data(), argument.data() + argument.size(), ms);
    if (ec != std::errc{} || ptr != argument.data() + argument.size() || ms < 0)
        throw std::invalid_argument("exec.sleep_ms wants milliseconds, got '" + std::string(argument) + "'");
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < until) {
        if (!context.checkpoint()) throw TaskCancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return std::string(argument);
}

struct Entry {
    std::string_view name;
    TaskFunction function;
};

constexpr Entry kTasks[] = {
    {"primes.lpf", primes::lpf_task},
    {"exec.echo", echo_task},
    {"exec.fail", fail_task},
    {"exec.sleep_ms", sleep_ms_task},
};

}  // namespace

bool TaskContext::checkpoint() {
    if (gil_) waited_s_ += gil_->yield_if_requested();
    return !(stop_ && stop_->load(std::memory_order_relaxed));
}

TaskFunction find_task(std::string_view name) {
    for (const auto& entry : kTasks)
        if (entry.name == name) return entry.function;
    return nullptr;
}

std::string run_task(const Task& task, TaskContext& context) {
    TaskFunction function = find_task(task.function);
    if (!function) throw std::invalid_argument("unknown task function '" + task.function + "'");
    return function(task.argument, context);
}

}  // namespace conclab::exec
