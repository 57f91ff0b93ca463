// The executors' shared parts (executor.h): kinds by name, default workers, map in submission order.
#include "core/exec/executor.h"

#include <algorithm>

namespace conclab::exec {

namespace {
constexpr std::pair<ExecutorKind, std::string_view> kNames[] = {
    {ExecutorKind::sequential, "sequential"},
    {ExecutorKind::threads, "threads"},
    {ExecutorKind::processes, "processes"},
    {ExecutorKind::gil, "gil"},
};
}

std::string_view to_string(ExecutorKind kind) {
    for (auto [k, name] : kNames)
        if (k == kind) return name;
    return "?";
}

std::optional<ExecutorKind> parse_executor_kind(std::string_view text) {
    for (auto [k, name] : kNames)
        if (name == text) return k;
    return std::nullopt;
}

std::string_view executor_kind_choices() { return "sequential|threads|processes|gil"; }

std::string workers_error(int workers) {
    if (workers >= kMinWorkers && workers <= kMaxWorkers) return {};
    return "--workers " + std::to_string(workers) + " is out of range: use " + std::to_string(kMinWorkers) + " to " +
           std::to_string(kMaxWorkers);
}

int effective_workers(ExecutorKind kind, int requested) { return kind == ExecutorKind::sequential ? 1 : requested; }

int default_workers(int logical_cpus) { return std::clamp(logical_cpus, kMinWorkers, kMaxWorkers); }

std::vector<std::string> map(Executor& executor, std::string_view function, const std::vector<std::string>& arguments) {
    std::vector<Future> futures;
    futures.reserve(arguments.size());
    for (const auto& argument : arguments) futures.push_back(executor.submit({std::string(function), argument}));
    std::vector<std::string> values;
    values.reserve(futures.size());
    for (auto& f : futures) values.push_back(f.result());
    return values;
}

}  // namespace conclab::exec
