#include "test_tasks.h"

#include "catalog/demo_catalog.h"
#include "exec/task.h"

#include <charconv>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace conclab::test {
namespace {

int milliseconds(std::string_view argument, const char* task) {
    int ms = 0;
    auto [ptr, ec] = std::from_chars(argument.data(), argument.data() + argument.size(), ms);
    if (ec != std::errc{} || ptr != argument.data() + argument.size() || ms < 0)
        throw std::invalid_argument(std::string(task) + " wants milliseconds, got '" + std::string(argument) + "'");
    return ms;
}

std::string echo_task(std::string_view argument, exec::TaskContext&) { return std::string(argument); }

std::string fail_task(std::string_view argument, exec::TaskContext&) { throw std::runtime_error(std::string(argument)); }

// Sleeps in small steps so that cancellation and the GIL model can interrupt it.
std::string sleep_ms_task(std::string_view argument, exec::TaskContext& context) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds(argument, "test.sleep_ms"));
    while (std::chrono::steady_clock::now() < until) {
        if (!context.checkpoint()) throw exec::TaskCancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return std::string(argument);
}

// Busy, like a computation: under the GIL model only the holder of the lock gets past checkpoint().
std::string overlap_ms_task(std::string_view argument, exec::TaskContext& context) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds(argument, "test.overlap_ms"));
    // Counted only between checkpoints, while it computes: under the GIL model a task waits for the lock
    // inside checkpoint(), as a Python thread waits inside its function, and is not computing then.
    const auto enter = [] {
        const int inside = ++overlap_now();
        int seen = overlap_max().load();
        while (inside > seen && !overlap_max().compare_exchange_weak(seen, inside)) {
        }
    };
    enter();
    while (std::chrono::steady_clock::now() < until) {
        --overlap_now();
        if (!context.checkpoint()) throw exec::TaskCancelled();
        enter();
    }
    --overlap_now();
    return std::string(argument);
}

}  // namespace

std::atomic<int>& overlap_now() {
    static std::atomic<int> value{0};
    return value;
}

std::atomic<int>& overlap_max() {
    static std::atomic<int> value{0};
    return value;
}

void reset_overlap() {
    overlap_now() = 0;
    overlap_max() = 0;
}

namespace {
// Every test program (and test worker process) links this file: the shipped tasks and the test tasks are
// registered before main, as a program registers its demos' tasks at start.
const bool registered_at_start = (catalog::register_all_tasks(), register_test_tasks(), true);
}  // namespace

void register_test_tasks() {
    exec::register_task("test.echo", echo_task);
    exec::register_task("test.fail", fail_task);
    exec::register_task("test.sleep_ms", sleep_ms_task);
    exec::register_task("test.overlap_ms", overlap_ms_task);
}

}  // namespace conclab::test
