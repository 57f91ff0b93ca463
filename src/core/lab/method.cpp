// The lab's methods and reasons as data, worded in English for the JSON and the CLI (method.h).
#include "core/lab/method.h"

#include <cstddef>
#include <utility>

namespace conclab::lab {
namespace {

struct MethodRow {
    MethodId id;
    const char* name;
    const char* english;   // {N}: args[N]
};

// One row per MethodId, in the enum's order (checked below). The English is the probes' sentences as they were
// written before methods had ids: the JSON's "method" stays what it was.
constexpr MethodRow kMethods[] = {
    {MethodId::text, "text", "{0}"},
    {MethodId::thread_start, "thread_start", "Time to create a std::thread that returns at once and join it, one thread at a time."},
    {MethodId::spawn_self, "spawn_self", "Time to posix_spawn conclab noop (this program, which exits at once) and waitpid for it, one at a time."},
    {MethodId::spawn_program, "spawn_program", "Time to posix_spawn {0} (a tiny program that exits at once) and waitpid for it, one at a time."},
    {MethodId::fork, "fork", "Time to fork this process (its child calls _exit at once) and waitpid for it; unsafe in a threaded program beyond that: the child gets only the forking thread, and locks other threads held stay locked."},
    {MethodId::coroutine_start, "coroutine_start", "Coroutines (core/aio tasks whose body returns at once) spawned on a fresh event loop and run to completion; each sample the mean of {0}."},
    {MethodId::idle_threads, "idle_threads", "VmRSS of /proc/self/status before and after starting {0} threads that block on a condition variable, divided by {0}; virtual: each thread's stack and guard mapping (pthread_getattr_np)."},
    {MethodId::idle_processes_worker, "idle_processes_worker", "Rss and Pss of /proc/PID/smaps_rollup and VmSize of /proc/PID/status of {0} idle `conclab worker` processes (as the process pool starts them) waiting for their first task; Pss splits shared pages (libraries) between the processes that map them."},
    {MethodId::idle_processes_cat, "idle_processes_cat", "Rss and Pss of /proc/PID/smaps_rollup and VmSize of /proc/PID/status of {0} idle /bin/cat processes waiting on their stdin (no conclab executable known); Pss splits shared pages (libraries) between the processes that map them."},
    {MethodId::idle_coroutines_heap, "idle_coroutines_heap", "{0} core/aio coroutines suspended on one event: heap bytes in use (mallinfo2) before and after, divided by {0} (the frame and the loop's record of the task)."},
    {MethodId::idle_coroutines_rss, "idle_coroutines_rss", "{0} core/aio coroutines suspended on one event: VmRSS of /proc/self/status before and after, divided by {0} (the frame and the loop's record of the task)."},
    {MethodId::stack, "stack", "The default stack size of a new thread (pthread_attr_getstacksize), which glibc takes from `ulimit -s` (getrlimit RLIMIT_STACK): address space reserved, not memory used."},
    {MethodId::atomics, "atomics", "A {0}-byte message copied into shared memory, an atomic flag set, and a second thread spinning on the flag (then sleeping on it with atomic wait/notify after 1000 spins) copies it back; time per round trip."},
    {MethodId::queue, "queue", "A {0}-byte message copied into a queue guarded by a mutex and a condition variable; a second thread moves it to a reply queue; time per round trip."},
    {MethodId::pipe, "pipe", "A {0}-byte message written into a pipe to a /bin/cat child process and read back from a second pipe; time per round trip."},
    {MethodId::socketpair, "socketpair", "A {0}-byte message written into a Unix socketpair whose other end is a /bin/cat child's stdin and stdout, and read back; time per round trip."},
    {MethodId::thread_pingpong, "thread_pingpong", "Two threads hand a counter back and forth under a mutex and a condition variable (a futex underneath); each sample is the mean of {0} round trips."},
    {MethodId::process_pingpong, "process_pingpong", "One byte written into a pipe to a /bin/cat child and read back from a second pipe; each sample is the mean of {0} round trips."},
    {MethodId::coroutine_pingpong, "coroutine_pingpong", "Two core/aio coroutines wake each other with events through one event loop on one thread; each sample the mean of {0} round trips."},
    {MethodId::scaling, "scaling", "Least prime factor of the {0} largest primes below 2**{1} on {2}, {3} per worker count; speedup = fastest wall time with 1 worker / fastest wall time with N (the fastest try is the one other programs disturbed least), spread over every try."},
    {MethodId::proc, "proc", "Every numeric folder of /proc is a process (like `ps ax | wc -l` without its header); Name and Threads from its status file; CPUs from sysconf(_SC_NPROCESSORS_ONLN)."},
    {MethodId::chase, "chase", "Pointer chasing: {0} dependent loads following one random cycle through {1} 64-byte nodes ({2} bytes); nanoseconds per load."},
    {MethodId::pwrite, "pwrite", "pwrite of 4 KiB into a temporary file in {0} ({1}) followed by fsync, which returns once the device has it."},
    {MethodId::pread, "pread", "pread of the same 4 KiB after asking the kernel to drop it from the page cache (posix_fadvise DONTNEED; a memory file system keeps it)."},
    {MethodId::tcp, "tcp", "A 64-byte message over a TCP connection to 127.0.0.1 (TCP_NODELAY) echoed by a thread; time per round trip."},
    {MethodId::web_thread_start, "web_thread_start", "Time to create a std::thread (a pthread: a Web Worker from Emscripten's pre-started pool, handed back to the pool when it ends) that returns at once and join it, one at a time."},
    {MethodId::web_thread_beyond_pool, "web_thread_beyond_pool", "Time to create and join a pthread while every pre-started Web Worker of Emscripten's pool is busy (held by parked threads): the browser main thread starts a new Worker and loads the program's wasm module into it (the new Worker then joins the pool)."},
    {MethodId::web_worker_start, "web_worker_start", "Time to start an isolated Web Worker (new Worker, which loads and instantiates its own process-worker-module.wasm), get one empty message back from it and terminate it, one at a time ({0} of them)."},
    {MethodId::web_idle_threads, "web_idle_threads", "Bytes of the wasm heap in use (mallinfo) before and after starting {0} pthreads that block on a condition variable, divided by {0}: each takes its stack (Emscripten's default pthread stack size) and its thread records from the shared wasm memory."},
    {MethodId::web_idle_workers, "web_idle_workers", "The size of the linear memory (memory.buffer) of each of {0} idle isolated Web Workers' own wasm module, as each reports it: what the module reserved, not what the browser's JavaScript engine spends on the Worker besides."},
    {MethodId::web_idle_coroutines, "web_idle_coroutines", "{0} core/aio coroutines suspended on one event: bytes of the wasm heap in use (mallinfo) before and after, divided by {0} (the frame and the loop's record)."},
    {MethodId::web_stack, "web_stack", "The stack size of a new pthread (pthread_getattr_np in it), which Emscripten allocates from the shared wasm memory."},
    {MethodId::web_post, "web_post", "A {0}-byte message posted to an isolated Web Worker (postMessage: a structured clone, copied, its buffer transferred) and echoed back; time per round trip."},
    {MethodId::web_post_pingpong, "web_post_pingpong", "One byte posted to an isolated Web Worker and echoed back, each sample the mean of {0} round trips."},
    {MethodId::web_atomics, "web_atomics", "A {0}-byte message copied into the shared wasm memory (a SharedArrayBuffer), an atomic flag set, and a second pthread spinning on the flag (then sleeping on it with Atomics.wait/notify underneath) copies it back; time per round trip."},
    {MethodId::web_queue, "web_queue", "A {0}-byte message copied into a queue guarded by a mutex and a condition variable (futexes on Atomics.wait/notify); a second pthread moves it to a reply queue; time per round trip."},
    {MethodId::web_pingpong, "web_pingpong", "Two pthreads hand a counter back and forth under a mutex and a condition variable (Atomics.wait/notify underneath); each sample is the mean of {0} round trips."},
    {MethodId::web_browser, "web_browser", "What the browser says: navigator.hardwareConcurrency (logical CPUs) and, where the browser gives it, navigator.deviceMemory (RAM rounded to a power of two, at most 8 GiB, to protect privacy)."},
    {MethodId::web_page_workers, "web_page_workers", "Emscripten's own lists, read on the page's main thread: the Web Workers running a pthread (plus the main thread) and the pre-started ones waiting for one (PThread.runningWorkers, unusedWorkers). The isolated Workers of the process pool are not counted."},
    {MethodId::web_chase, "web_chase", "Pointer chasing in wasm memory: {0} dependent loads following one random cycle through {1} 64-byte nodes ({2} bytes); nanoseconds per load (performance.now() is coarsened to a few µs: each sample is long)."},
    {MethodId::web_fetch, "web_fetch", "A HEAD request for a small file of this site (a synchronous XMLHttpRequest from the lab's Worker, a fresh query string each time so that no cache answers); time per round trip."},
    {MethodId::python_interpreter_start, "python_interpreter_start", "{0} -c pass started with os.posix_spawn and waited for with waitpid, timed inside the interpreter (the system calls conclab times its own processes with), one at a time."},
    {MethodId::python_pool_first_result, "python_pool_first_result", "A fresh ProcessPoolExecutor(1) with the {0} start method: from its creation to the first result of a task that returns at once."},
    {MethodId::python_thread_start, "python_thread_start", "A threading.Thread whose target returns at once: start + join, one thread at a time."},
    {MethodId::python_task_start, "python_task_start", "asyncio tasks of a coroutine that returns at once: create_task + await; each sample the mean of {0}."},
    {MethodId::python_idle_threads, "python_idle_threads", "The interpreter's resident memory (/proc/self/statm) before and after starting {0} threading.Thread blocked on an Event, divided by {0}."},
    {MethodId::python_idle_processes, "python_idle_processes", "The resident memory (/proc/PID/statm) of {0} idle multiprocessing.Process children ({1}) waiting on a Pipe, divided by {0}."},
    {MethodId::python_idle_coroutines, "python_idle_coroutines", "The interpreter's resident memory before and after creating {0} more asyncio tasks awaiting one future, divided by {0} (every round's tasks are kept)."},
    {MethodId::python_queue, "python_queue", "{0} bytes there and back through two queue.Queue to a thread; each sample the mean of {1} round trips."},
    {MethodId::python_pipe, "python_pipe", "{0} bytes there and back through a multiprocessing.Pipe (a socketpair) to a {1} child; each sample the mean of {2} round trips."},
    {MethodId::then_throughput, "then_throughput", "Throughput counts the message both ways."},
    {MethodId::then_relay, "then_relay", "Every message of the web process pool is relayed by the page's main thread (a Worker talks only with the context that created it), so the trip is lab thread → main thread → Worker and back."},
    {MethodId::then_coarse, "then_coarse", "Each sample is the mean of {0} round trips (the browser's clock is coarse)."},
};

constexpr bool methods_follow_the_ids() {
    for (std::size_t i = 0; i < std::size(kMethods); ++i)
        if (static_cast<std::size_t>(kMethods[i].id) != i) return false;
    return std::size(kMethods) == static_cast<std::size_t>(MethodId::count_);
}
static_assert(methods_follow_the_ids(), "every MethodId needs its row, in the order of the enum");

struct ReasonRow {
    ReasonId id;
    const char* name;
    const char* english;
};

constexpr ReasonRow kReasons[] = {
    {ReasonId::text, "text", "{0}"},
    {ReasonId::event_loop, "event_loop", "coming with the event loop"},
    {ReasonId::reserves_nothing, "reserves_nothing", "reserves nothing beyond what it uses"},
    {ReasonId::no_address_space, "no_address_space", "a page sees no address space: see the wasm memory row"},
    {ReasonId::no_os_processes, "no_os_processes", "a web page cannot see the operating system's processes or threads"},
    {ReasonId::no_worker_rss, "no_worker_rss", "a page cannot see how much of a Web Worker the operating system keeps in RAM"},
    {ReasonId::no_worker_ram, "no_worker_ram", "a page cannot see how much RAM a Web Worker takes: the browser tells no process sizes"},
    {ReasonId::no_fork, "no_fork", "a browser cannot fork: a page has no processes of its own, only Web Workers"},
    {ReasonId::no_socketpair, "no_socketpair", "a page has no socketpair: isolated Workers talk only by postMessage (see the row above)"},
    {ReasonId::no_disk, "no_disk", "no disk: a page cannot write a file and fsync it (the browser's storage keeps its own caches)"},
    {ReasonId::no_tcp, "no_tcp", "a page cannot open a TCP socket: see the same-origin fetch below"},
    {ReasonId::no_start_method, "no_start_method", "the start method {0} is not available here"},
};

constexpr bool reasons_follow_the_ids() {
    for (std::size_t i = 0; i < std::size(kReasons); ++i)
        if (static_cast<std::size_t>(kReasons[i].id) != i) return false;
    return std::size(kReasons) == static_cast<std::size_t>(ReasonId::count_);
}
static_assert(reasons_follow_the_ids(), "every ReasonId needs its row, in the order of the enum");

std::string fill(const char* text, const std::vector<std::string>& args) {
    std::string out;
    for (const char* p = text; *p; ++p) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
            const auto i = static_cast<std::size_t>(p[1] - '0');
            if (i < args.size()) out += args[i];
            p += 2;
        } else {
            out += *p;
        }
    }
    return out;
}

std::string arg(const std::vector<std::string>& args, std::size_t i) { return i < args.size() ? args[i] : std::string(); }

}  // namespace

Method Method::followed_by(Method next) const {
    Method out = *this;
    out.then.push_back(std::move(next));
    return out;
}

Unmeasurable::Unmeasurable(ReasonId id) : std::runtime_error(english(Reason(id))), reason(id) {}

Reason reason_of(const std::exception& error) {
    if (const auto* typed = dynamic_cast<const Unmeasurable*>(&error)) return Reason(typed->reason);
    return Reason(std::string(error.what()));
}

std::string_view to_string(MethodId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < std::size(kMethods) ? kMethods[i].name : "?";
}

std::optional<MethodId> parse_method_id(std::string_view text) {
    for (const auto& row : kMethods)
        if (row.name == text) return row.id;
    return std::nullopt;
}

std::string_view to_string(ReasonId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < std::size(kReasons) ? kReasons[i].name : "?";
}

std::optional<ReasonId> parse_reason_id(std::string_view text) {
    for (const auto& row : kReasons)
        if (row.name == text) return row.id;
    return std::nullopt;
}

std::string filesystem_english(const std::string& filesystem) {
    if (filesystem == "tmpfs") return "tmpfs: memory, not a disk";
    if (filesystem == "unknown") return "unknown file system";
    if (filesystem.rfind("0x", 0) == 0) return "file system " + filesystem;
    return filesystem;
}

std::string english(const Method& m) {
    std::vector<std::string> args = m.args;
    if (m.id == MethodId::scaling && args.size() >= 4) {
        args[2] = args[2] == "processes" ? "worker processes (the process pool)"
                  : args[2] == "gil"     ? "threads that must hold one global lock to compute (the GIL model)"
                                         : "a pool of threads";
        args[3] += args[3] == "1" ? " try" : " tries";
    }
    if (m.id == MethodId::pwrite && args.size() >= 2) args[1] = filesystem_english(args[1]);
    const auto i = static_cast<std::size_t>(m.id);
    std::string text = i < std::size(kMethods) ? fill(kMethods[i].english, args) : arg(args, 0);
    for (const auto& next : m.then) {
        const std::string more = english(next);
        if (!more.empty()) text += (text.empty() ? "" : " ") + more;
    }
    return text;
}

std::string english(const Reason& r) {
    const auto i = static_cast<std::size_t>(r.id);
    return i < std::size(kReasons) ? fill(kReasons[i].english, r.args) : arg(r.args, 0);
}

nlohmann::json to_json(const Method& m) {
    nlohmann::json j{{"id", to_string(m.id)}, {"args", m.args}};
    if (!m.then.empty()) {
        nlohmann::json then = nlohmann::json::array();
        for (const auto& next : m.then) then.push_back(to_json(next));
        j["then"] = std::move(then);
    }
    return j;
}

std::optional<Method> method_from_json(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) return std::nullopt;
    const auto id = parse_method_id(j["id"].get<std::string>());
    if (!id) return std::nullopt;
    Method m(*id);
    if (auto a = j.find("args"); a != j.end() && a->is_array())
        for (const auto& each : *a)
            if (each.is_string()) m.args.push_back(each.get<std::string>());
    if (auto t = j.find("then"); t != j.end() && t->is_array())
        for (const auto& each : *t) {
            auto next = method_from_json(each);
            if (!next) return std::nullopt;
            m.then.push_back(std::move(*next));
        }
    return m;
}

}  // namespace conclab::lab
