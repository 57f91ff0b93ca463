// platform.h's make_executor: the executor of each kind on this build (processes are native child processes or web
// workers).
#include "platform/platform.h"

namespace conclab::platform {

std::unique_ptr<exec::Executor> make_executor(exec::ExecutorKind kind, int workers) {
    switch (kind) {
    case exec::ExecutorKind::sequential: return exec::make_sequential_executor();
    case exec::ExecutorKind::threads: return exec::make_thread_pool(workers);
    case exec::ExecutorKind::gil: return exec::make_gil_thread_pool(workers);
    case exec::ExecutorKind::processes: return make_process_pool(workers);
    }
    throw std::invalid_argument("unknown executor kind");
}

RunClock run_clock() { return {wall_seconds, process_cpu_times}; }

}  // namespace conclab::platform
