// The "process" of the web build: a small wasm module that each isolated Web Worker loads for itself
// (web/process-worker.js). Built without pthreads, so its memory is its own ArrayBuffer, shared with
// nobody — like a child process, it only sees the messages it gets. It runs one task at a time from
// the same task registry as every other executor. Bytes come and go as (pointer, length): a NUL in an
// argument, a value or an error message stays.
#include "core/catalog/demo_catalog.h"
#include "core/exec/task.h"

#include <emscripten.h>

#include <exception>
#include <string>

namespace {
std::string output;   // the last task's value or error message

// The lab's memory probe (lab_probes_web.cpp): the size of this module's own linear memory, in bytes.
std::string memory_bytes(std::string_view, conclab::exec::TaskContext&) {
    return std::to_string(__builtin_wasm_memory_size(0) * std::size_t{65536});
}
}

extern "C" {

/// @brief Runs function(argument); returns 1 with the value, 0 with an error message, in conclab_worker_output_*.
EMSCRIPTEN_KEEPALIVE int conclab_worker_run(const char* function, int function_size, const char* argument, int argument_size) {
    // No stop flag: a running task here is cancelled by terminating the whole worker, as with a process.
    static const bool registered = (conclab::catalog::register_all_tasks(),
                                    conclab::exec::register_task("web.memory_bytes", memory_bytes), true);
    (void)registered;
    conclab::exec::TaskContext context;
    try {
        output = conclab::exec::run_task({std::string(function, static_cast<std::size_t>(function_size)),
                                          std::string(argument, static_cast<std::size_t>(argument_size))},
                                         context);
        return 1;
    } catch (const std::exception& e) {
        output = e.what();
    } catch (...) {
        output = "unknown error";
    }
    return 0;
}

EMSCRIPTEN_KEEPALIVE const char* conclab_worker_output_data() { return output.data(); }
EMSCRIPTEN_KEEPALIVE int conclab_worker_output_size() { return static_cast<int>(output.size()); }

}  // extern "C"
