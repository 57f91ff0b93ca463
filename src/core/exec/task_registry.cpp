// The open table of task functions. exec/ knows no demo: each demo registers its functions, and every
// executor — threads in this process or a worker process started from the same binary — finds a task's
// code here by its name.
#include "core/exec/task.h"

#include "core/exec/gil.h"

#include <map>
#include <mutex>
#include <string>

namespace conclab::exec {
namespace {

struct Registry {
    std::mutex mutex;
    std::map<std::string, TaskFunction, std::less<>> functions;
};

Registry& registry() {
    static Registry instance;
    return instance;
}

}  // namespace

bool TaskContext::checkpoint() {
    if (gil_) {
        std::chrono::steady_clock::time_point released;
        if (const double waited = gil_->yield_if_requested(&released); waited > 0) {
            waited_s_ += waited;
            const auto back = released + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                             std::chrono::duration<double>(waited));
            if (wait_spans_.size() < kMaxWaitSpans) wait_spans_.emplace_back(released, back);
            else wait_spans_.back().second = back;
        }
    }
    return !(stop_ && stop_->load(std::memory_order_relaxed));
}

void register_task(std::string_view name, TaskFunction function) {
    if (name.empty() || !function) throw std::invalid_argument("register_task needs a name and a function");
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto [it, inserted] = r.functions.emplace(std::string(name), function);
    if (!inserted && it->second != function)
        throw std::logic_error("task '" + std::string(name) + "' is already registered with another function");
}

TaskFunction find_task(std::string_view name) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.functions.find(name);
    return it == r.functions.end() ? nullptr : it->second;
}

std::string run_task(const Task& task, TaskContext& context) {
    TaskFunction function = find_task(task.function);
    if (!function) throw std::invalid_argument("unknown task function '" + task.function + "'");
    return function(task.argument, context);
}

}  // namespace conclab::exec
