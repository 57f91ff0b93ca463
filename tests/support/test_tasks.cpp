// Tasks that exist only for the tests (test_tasks.h), registered with the worker so pools can run them.
#include "test_tasks.h"

#include "core/catalog/demo_catalog.h"
#include "core/exec/task.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
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

// Waits at the gate named by its argument until the test opens it; checkpoints, so cancel_all stops it.
std::string wait_gate_task(std::string_view argument, exec::TaskContext& context) {
    if (!gate(argument).pass(0, [&] { return context.checkpoint(); })) throw exec::TaskCancelled();
    return std::string(argument);
}

// "NAME:N": waits until N tasks have reached the gate NAME (it opens itself then).
std::string meet_task(std::string_view argument, exec::TaskContext& context) {
    const auto colon = argument.rfind(':');
    int n = 0;
    if (colon == std::string_view::npos ||
        std::from_chars(argument.data() + colon + 1, argument.data() + argument.size(), n).ptr != argument.data() + argument.size() || n < 1)
        throw std::invalid_argument("test.meet wants NAME:N, got '" + std::string(argument) + "'");
    if (!gate(argument.substr(0, colon)).pass(n, [&] { return context.checkpoint(); })) throw exec::TaskCancelled();
    return std::string(argument);
}

// "GATE|FUNCTION|ARGUMENT": waits at gate(GATE) until the test opens it, then runs FUNCTION(ARGUMENT) here: a
// shipped task made to finish when the test says (e.g. the slower of two primes checks, whatever the machine).
std::string after_gate_task(std::string_view argument, exec::TaskContext& context) {
    const auto first = argument.find('|');
    const auto second = first == std::string_view::npos ? first : argument.find('|', first + 1);
    if (second == std::string_view::npos)
        throw std::invalid_argument("test.after_gate wants GATE|FUNCTION|ARGUMENT, got '" + std::string(argument) + "'");
    // GATE is a name (opened by the test) or "NAME:N" (opens itself once N tasks have arrived, as test.meet).
    std::string_view name = argument.substr(0, first);
    int open_at = 0;
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos) {
        if (std::from_chars(name.data() + colon + 1, name.data() + name.size(), open_at).ptr != name.data() + name.size() || open_at < 1)
            throw std::invalid_argument("test.after_gate: bad arrival count in '" + std::string(name) + "'");
        name = name.substr(0, colon);
    }
    if (!gate(name).pass(open_at, [&] { return context.checkpoint(); })) throw exec::TaskCancelled();
    return exec::run_task({std::string(argument.substr(first + 1, second - first - 1)), std::string(argument.substr(second + 1))}, context);
}

bool file_exists(const std::string& path) {
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

// Files are gates that worker processes see too. "PATH": creates PATH.arrived, then waits until PATH exists.
std::string wait_file_task(std::string_view argument, exec::TaskContext& context) {
    const std::string path(argument);
    touch_file(path + ".arrived");
    while (!file_exists(path)) {
        if (!context.checkpoint()) throw exec::TaskCancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return path;
}

// "PREFIX:N": takes the first free slot of PREFIX.0 … PREFIX.(N-1) (created exclusively), then waits until every
// slot is taken: N tasks that all return were running at the same time, in threads or in processes.
std::string meet_files_task(std::string_view argument, exec::TaskContext& context) {
    const auto colon = argument.rfind(':');
    int n = 0;
    if (colon == std::string_view::npos ||
        std::from_chars(argument.data() + colon + 1, argument.data() + argument.size(), n).ptr != argument.data() + argument.size() || n < 1)
        throw std::invalid_argument("test.meet_files wants PREFIX:N, got '" + std::string(argument) + "'");
    const std::string prefix(argument.substr(0, colon));
    bool took = false;
    for (int i = 0; i < n && !took; ++i) {
        if (std::FILE* f = std::fopen((prefix + "." + std::to_string(i)).c_str(), "wx")) {
            std::fclose(f);
            took = true;
        }
    }
    if (!took) throw std::runtime_error("test.meet_files: more than " + std::to_string(n) + " tasks came to " + prefix);
    for (;;) {
        bool all = true;
        for (int i = 0; i < n && all; ++i) all = file_exists(prefix + "." + std::to_string(i));
        if (all) return std::string(argument);
        if (!context.checkpoint()) throw exec::TaskCancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

std::mutex gates_mutex;
std::map<std::string, std::unique_ptr<Gate>, std::less<>>& gates() {
    static auto* all = new std::map<std::string, std::unique_ptr<Gate>, std::less<>>();   // outlives worker threads
    return *all;
}

}  // namespace

void Gate::open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
}

bool Gate::is_open() const {
    std::lock_guard lock(mutex_);
    return open_;
}

int Gate::arrived() const {
    std::lock_guard lock(mutex_);
    return arrived_;
}

bool Gate::wait_arrived(int n, std::chrono::milliseconds limit) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return arrived_ >= n; });
}

Gate& gate(std::string_view name) {
    std::lock_guard lock(gates_mutex);
    auto it = gates().find(name);
    if (it == gates().end()) it = gates().emplace(std::string(name), std::make_unique<Gate>()).first;
    return *it->second;
}

void touch_file(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "ab");
    if (!f) throw std::runtime_error("cannot create " + path);
    std::fclose(f);
}

bool file_gate_reached(const std::string& path) { return file_exists(path + ".arrived"); }

std::string gate_name(std::string_view prefix) {
    static std::atomic<int> next{0};
    return std::string(prefix) + "#" + std::to_string(++next);
}

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
    exec::register_task("test.wait_gate", wait_gate_task);
    exec::register_task("test.meet", meet_task);
    exec::register_task("test.after_gate", after_gate_task);
    exec::register_task("test.wait_file", wait_file_task);
    exec::register_task("test.meet_files", meet_files_task);
}

}  // namespace conclab::test
