// The one seam between the portable core and the machine: clocks and CPU times, system facts,
// capabilities, the process pool and the HTTP client. One implementation per platform (native/, web/), chosen by CMake.
#pragma once

#include "core/base/clock.h"
#include "core/exec/executor.h"
#include "core/exec/interpreter.h"
#include "core/net/http_client.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace conclab::platform {

/// @brief Monotonic wall-clock seconds.
double wall_seconds();

/// @brief CPU time of this process, children included once reaped (native: getrusage);
/// nullopt on the web, where no OS figure exists.
std::optional<CpuSeconds> process_cpu_times();

/// @brief CPU seconds of the calling thread (native: CLOCK_THREAD_CPUTIME_ID); nullopt on the web.
std::optional<double> thread_cpu_seconds();

/// @brief The clocks a demo run uses, in the form core wants them.
RunClock run_clock();

int logical_cpus();

/// @brief Physical cores (logical CPUs over hyperthreading's siblings): native reads the kernel's CPU topology; a web
/// page cannot know (a browser reports logical CPUs only): nullopt.
std::optional<int> physical_cores();

/// @brief Counts like `ps ax | wc -l`, and the threads of all processes; what a platform can't know
/// is nullopt, and `note` says why in one sentence.
struct SystemCounts {
    std::optional<int> processes;
    std::optional<int> threads;
    std::optional<int> own_threads;   ///< threads of this program
    std::string note;
};
SystemCounts system_counts();

struct BuildInfo {
    std::string kind;        ///< "native" or "web"
    std::string compiler;    ///< "g++ 12.2.0", "emscripten 3.1.6 (clang 14)"
    std::string build_type;  ///< "Release", "Debug", "ASan+UBSan", "TSan"
    std::string version;     ///< Concurrency Lab's own
};
BuildInfo build_info();

struct Capabilities {
    bool cross_origin_isolated = false;   ///< web: SharedArrayBuffer usable; native: always true
    bool os_processes = false;            ///< real OS processes (native) vs isolated Web Workers (web)
    bool os_cpu_times = false;            ///< getrusage-style user/sys figures exist
    std::string process_kind;             ///< "OS processes" or "isolated Web Workers"
    bool machine_python = false;          ///< the machine's own interpreters can be started (native; not a page)
};
Capabilities capabilities();

/// @brief An executor of isolated workers that share no memory with this process and talk by messages:
/// OS processes started from this binary (native) or Web Workers each with their own wasm module (web).
/// Throws std::runtime_error when they can't be started.
std::unique_ptr<exec::Executor> make_process_pool(int workers);

/// @brief No usable Python: none at the path or on PATH, too old, not answering, or the page (native only). The text
/// says which and how to get one.
struct PythonUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// @brief The interpreter `requested` (a path, or a name looked up on PATH; empty: `python3`), asked what it is
/// (`-c exec::probe_code()`, killed after 10 s), with the free-threaded builds beside it. Throws PythonUnavailable.
exec::RuntimeInfo probe_python(const std::string& requested);

/// @brief One of the project's Python scripts (`primes.py`), found relative to the running executable (its folder's
/// `python/`, then `../python/`, a renamed binary too), or in $CONCLAB_PYTHON_DIR. Throws PythonUnavailable.
std::string python_script(const std::string& file_name);

/// @brief An executor whose tasks `interpreter` runs: job.script (found by python_script) with job.arguments, each
/// task's argument written on its stdin, its lines read by job.read_line. posix_spawn, no shell, in a process group
/// of its own that cancel_all() and the destructor kill whole; the script stops itself when its stdin closes (this
/// process gone). `kind` and `workers` are what the executor reports (the job tells the script). Throws
/// PythonUnavailable (always on the page).
std::unique_ptr<exec::Executor> make_script_executor(exec::ExecutorKind kind, int workers,
                                                     const exec::RuntimeInfo& interpreter, exec::ScriptJob job);

/// @brief The most Pyodide workers a run gets: each boots its own interpreter (~seconds, tens of MiB).
inline constexpr int kMaxPyodideWorkers = 4;

/// @brief The page's Python runtime: Pyodide interpreters in Web Workers running python/primes.py's lpf. sequential:
/// one interpreter in one worker; processes: one interpreter per worker (at most kMaxPyodideWorkers), like
/// multiprocessing. Pyodide has no threads: threads and gil throw std::invalid_argument; so does every call natively
/// (the page only), where the CPython runtime is the Python one.
std::unique_ptr<exec::Executor> make_pyodide_executor(exec::ExecutorKind kind, int workers);

/// @brief Where the page's Pyodide download stands (pyodide.asm.wasm, fetched once per page when Python is picked);
/// nullopt before it began, and always natively.
struct RuntimeLoading {
    enum class Phase { download, compile, done } phase = Phase::download;
    double loaded_bytes = 0;
    double total_bytes = 0;   ///< 0 when the server gave no length
};
std::optional<RuntimeLoading> pyodide_loading();

/// @brief Any executor by kind, processes included.
std::unique_ptr<exec::Executor> make_executor(exec::ExecutorKind kind, int workers);

/// @brief A new HTTP client (libcurl natively, emscripten_fetch on the web). Natively its User-Agent names the
/// project with a contact URL, and it keeps at most 2 connections to upload.wikimedia.org at a time (Wikimedia's
/// robot policy for non-browser clients): further requests to that host wait for a free connection.
std::unique_ptr<net::HttpClient> make_http_client();

/// @brief The api.php URL of the page's own server ("http://127.0.0.1:8000/w/api.php") on the web, where
/// `conclab serve --mirror` answers it on the same origin; nullopt natively (no page, no origin).
std::optional<std::string> same_origin_api_url();

}  // namespace conclab::platform
