// Web lab probes: what a browser lets a page measure. Threads are pthreads (Web Workers sharing the wasm
// memory); "processes" are isolated Web Workers each loading its own wasm module (process_pool_web.cpp);
// coroutines run on core/aio as natively. The thread and coroutine measures are the same portable code as
// the native ones (core/lab/thread_measures.h, coroutine_measures.h). What a page cannot know or do — fork,
// resident memory, the OS's processes, a disk with fsync, a TCP socket — throws or is left empty with a
// sentence saying why, and the lab shows that sentence in the cell.
//
// Runs on the lab's own pthread (LabRun's worker), never on the browser main thread: the probes block (join
// threads, wait for Workers' replies), and what they wait for needs the main thread's event loop.
//
// [SECTION] helpers
// [SECTION] start-up
// [SECTION] memory
// [SECTION] messages between isolated workers
// [SECTION] system and latency
// [SECTION] the probes
#include "platform/lab_probes.h"

#include "core/lab/coroutine_measures.h"
#include "core/lab/thread_measures.h"
#include "platform/platform.h"

#include <emscripten.h>
#include <emscripten/threading.h>
#include <malloc.h>
#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <latch>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace conclab::platform {
namespace {

using lab::Samples;

// [SECTION] helpers

double now_s() { return emscripten_get_now() * 1e-3; }

double heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

// Idle Web Workers in Emscripten's pthread pool, ready to run a new thread at once. The pool lives on the
// browser main thread, so the question goes there (the caller is never the main thread).
int idle_pool_workers() {
    return MAIN_THREAD_EM_ASM_INT({ return (typeof PThread !== 'undefined') ? PThread.unusedWorkers.length : 0; });
}

/// Threads blocked on a condition variable until release() (or destruction).
class ParkedThreads {
public:
    explicit ParkedThreads(int count) : started_(count) {
        threads_.reserve(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i)
            threads_.emplace_back([this] {
                started_.count_down();
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [this] { return release_; });
            });
        started_.wait();
    }
    ~ParkedThreads() {
        {
            std::lock_guard lock(mutex_);
            release_ = true;
        }
        wake_.notify_all();
        for (auto& t : threads_) t.join();
    }

private:
    std::latch started_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool release_ = false;
    std::vector<std::thread> threads_;
};

/// One isolated Web Worker (a process pool of one), started and ready.
std::unique_ptr<exec::Executor> started_worker() {
    auto pool = make_process_pool(1);
    pool->submit({"lab.echo", ""}).result();
    return pool;
}

// [SECTION] start-up

// Caps on what costs much more in a browser: each isolated Worker loads and compiles a wasm module (about a
// second on a busy machine), and each message to one is relayed by the page's main thread.
constexpr int kMostWorkerStarts = 5;
constexpr int kMostWorkerRoundTrips = 60;
constexpr int kMostWorkerTripsPerSample = 20;

Samples start_threads(int count) {
    return {lab::thread_start_samples(count),
            "Time to create a std::thread (a pthread: a Web Worker from Emscripten's pre-started pool, handed back to the pool "
            "when it ends) that returns at once and join it, one at a time."};
}

Samples start_threads_beyond_pool(int count) {
    std::vector<std::unique_ptr<ParkedThreads>> holders;   // keep every pre-started Worker busy
    std::vector<double> samples;
    for (int i = 0; i < count; ++i) {
        if (const int idle = idle_pool_workers(); idle > 0) holders.push_back(std::make_unique<ParkedThreads>(idle));
        const double start = now_s();
        std::thread t([] {});
        t.join();
        samples.push_back(now_s() - start);
    }
    return {samples,
            "Time to create and join a pthread while every pre-started Web Worker of Emscripten's pool is busy (held by "
            "parked threads): the browser main thread starts a new Worker and loads the program's wasm module into it "
            "(the new Worker then joins the pool)."};
}

Samples start_isolated_workers(int count) {
    const int n = std::min(count, kMostWorkerStarts);
    std::vector<double> samples;
    for (int i = 0; i < n; ++i) {
        const double start = now_s();
        auto worker = started_worker();
        worker.reset();   // terminated
        samples.push_back(now_s() - start);
    }
    return {samples, "Time to start an isolated Web Worker (new Worker, which loads and instantiates its own "
                     "process-worker-module.wasm), get one empty message back from it and terminate it, one at a time (" +
                         std::to_string(n) + " of them)."};
}

// [SECTION] memory

lab::MemorySamples idle_threads(int count, int rounds) {
    const int n = std::min(count, 16);   // each thread beyond the pool is one more Web Worker for the page
    lab::MemorySamples m;
    m.method = "Bytes of the wasm heap in use (mallinfo) before and after starting " + std::to_string(n) +
               " pthreads that block on a condition variable, divided by " + std::to_string(n) +
               ": each takes its stack (Emscripten's default pthread stack size) and its thread records from the shared "
               "wasm memory.";
    m.resident_unknown = "a page cannot see how much of a Web Worker the operating system keeps in RAM";
    for (int r = 0; r < rounds; ++r) {
        const double before = heap_in_use();
        auto parked = std::make_unique<ParkedThreads>(n);
        const double during = heap_in_use();
        parked.reset();
        m.wasm_memory_bytes.push_back(std::max(0.0, during - before) / n);
    }
    return m;
}

lab::MemorySamples idle_isolated_workers(int count) {
    const int n = std::min(count, 4);
    auto pool = make_process_pool(n);
    std::vector<exec::Future> futures;
    for (int i = 0; i < n; ++i) futures.push_back(pool->submit({"web.memory_bytes", ""}));
    lab::MemorySamples m;
    for (auto& f : futures) m.wasm_memory_bytes.push_back(std::stod(f.result()));
    pool->shutdown(true, false);
    m.method = "The size of the linear memory (memory.buffer) of each of " + std::to_string(n) +
               " idle isolated Web Workers' own wasm module, as each reports it: what the module reserved, not what the "
               "browser's JavaScript engine spends on the Worker besides.";
    m.resident_unknown = "a page cannot see how much RAM a Web Worker takes: the browser tells no process sizes";
    return m;
}

lab::MemorySamples idle_coroutines(int count, int rounds) {
    lab::MemorySamples m;
    for (int r = 0; r < rounds; ++r) {
        const double before = heap_in_use();
        lab::SuspendedCoroutines parked(count);
        const double after = heap_in_use();
        if (parked.parked() != count) throw std::runtime_error("not every coroutine parked");
        m.resident_bytes.push_back(std::max(0.0, after - before) / count);
    }
    m.method = std::to_string(count) + " core/aio coroutines suspended on one event: bytes of the wasm heap in use "
               "(mallinfo) before and after, divided by " + std::to_string(count) + " (the frame and the loop's record).";
    return m;
}

lab::StackFacts thread_stack() {
    lab::StackFacts facts;
    std::size_t size = 0;
    std::thread probe([&size] {   // a fresh attribute says nothing: Emscripten picks the size at pthread_create
        pthread_attr_t attributes;
        if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
            pthread_attr_getstacksize(&attributes, &size);
            pthread_attr_destroy(&attributes);
        }
    });
    probe.join();
    facts.default_stack_bytes = static_cast<double>(size);
    facts.no_stack_limit = "a browser has no `ulimit -s`: Emscripten takes each thread's stack from the wasm heap, "
                           "its size fixed when the program is built";
    facts.method = "The stack size of a new pthread (pthread_getattr_np in it), which Emscripten allocates from the "
                   "shared wasm memory.";
    return facts;
}

// [SECTION] messages between isolated workers

std::vector<double> echo_round_trips(exec::Executor& worker, std::size_t bytes, int count) {
    const std::string message(bytes, 'x');
    for (int i = 0; i < 3; ++i) worker.submit({"lab.echo", message}).result();
    std::vector<double> samples;
    for (int i = 0; i < count; ++i) {
        const double start = now_s();
        worker.submit({"lab.echo", message}).result();
        samples.push_back(now_s() - start);
    }
    return samples;
}

const char* kRelayNote =
    " Every message of the web process pool is relayed by the page's main thread (a Worker talks only with the "
    "context that created it), so the trip is lab thread → main thread → Worker and back.";

Samples worker_round_trips(std::size_t bytes, int count) {
    auto worker = started_worker();
    auto samples = echo_round_trips(*worker, bytes, count);
    return {samples, "A " + std::to_string(bytes) + "-byte message posted to an isolated Web Worker (postMessage: a structured "
                     "clone, copied, its buffer transferred) and echoed back; time per round trip." + kRelayNote};
}

Samples worker_ping_pong(int per_sample, int samples) {
    auto worker = started_worker();
    for (int i = 0; i < 10; ++i) worker->submit({"lab.echo", "x"}).result();
    std::vector<double> out;
    for (int s = 0; s < samples; ++s) {
        const double start = now_s();
        for (int i = 0; i < per_sample; ++i) worker->submit({"lab.echo", "x"}).result();
        out.push_back((now_s() - start) / per_sample);
    }
    return {out, "One byte posted to an isolated Web Worker and echoed back, each sample the mean of " + std::to_string(per_sample) +
                     " round trips." + kRelayNote};
}

// [SECTION] system and latency

lab::SystemSnapshot system_snapshot() {
    lab::SystemSnapshot snap;
    snap.logical_cpus = logical_cpus();
    const double device_memory = EM_ASM_DOUBLE({
        return (typeof navigator !== 'undefined' && navigator.deviceMemory) ? navigator.deviceMemory : 0;
    });
    if (device_memory > 0) snap.device_memory_gib = device_memory;
    // The page's own threads: Emscripten's Web Workers, counted on the main thread (which owns the lists; this
    // runs there when live, on the lab's pthread in a run).
    snap.page_threads = 1 + MAIN_THREAD_EM_ASM_INT({ return PThread.runningWorkers.length; });
    snap.page_idle_workers = MAIN_THREAD_EM_ASM_INT({ return PThread.unusedWorkers.length; });
    snap.page_method = "Emscripten's own lists, read on the page's main thread: the Web Workers running a pthread "
                       "(plus the main thread) and the pre-started ones waiting for one (PThread.runningWorkers, "
                       "unusedWorkers). The isolated Workers of the process pool are not counted.";
    snap.processes_unknown = "a web page cannot see the operating system's processes or threads";
    snap.method = "What the browser says: navigator.hardwareConcurrency (logical CPUs) and, where the browser gives it, "
                  "navigator.deviceMemory (RAM rounded to a power of two, at most 8 GiB, to protect privacy).";
    return snap;
}

std::vector<double> fetch_round_trips(int count) {
    std::vector<double> samples;
    for (int i = -2; i < count; ++i) {   // two untimed warm-up requests
        // A synchronous request is allowed in a Worker (this is the lab's pthread); a fresh query string each time
        // keeps the browser's cache out of it.
        const double seconds = EM_ASM_DOUBLE({
            const request = new XMLHttpRequest();
            const start = performance.now();
            try {
                request.open('HEAD', 'icon.svg?lab=' + $0 + '-' + Math.random(), false);
                request.send();
            } catch (e) {
                return -1;
            }
            if (request.status < 200 || request.status >= 400) return -request.status - 1;
            return (performance.now() - start) / 1000;
        }, i);
        if (seconds < 0) throw std::runtime_error("the same-origin request failed (status " + std::to_string(static_cast<int>(-seconds - 1)) + ")");
        if (i >= 0) samples.push_back(seconds);
    }
    return samples;
}

// [SECTION] the probes

class WebLabProbes final : public lab::Probes {
public:
    Samples start_units(lab::StartKind kind, int count) override {
        switch (kind) {
        case lab::StartKind::thread: return start_threads(count);
        case lab::StartKind::spawn: return start_isolated_workers(count);
        case lab::StartKind::fork:
            throw std::runtime_error("a browser cannot fork: a page has no processes of its own, only Web Workers");
        }
        throw std::invalid_argument("unknown start kind");
    }
    std::string spawned_program() const override { return "an isolated Web Worker (process-worker-module.wasm)"; }
    std::optional<Samples> start_threads_beyond_pool(int count) override { return platform::start_threads_beyond_pool(count); }

    lab::MemorySamples idle_threads(int count, int rounds) override { return platform::idle_threads(count, rounds); }
    lab::MemorySamples idle_processes(int count) override { return idle_isolated_workers(count); }
    lab::StackFacts thread_stack() override { return platform::thread_stack(); }

    Samples round_trips(lab::Channel channel, std::size_t bytes, int count) override {
        const std::string size = std::to_string(bytes) + "-byte";
        // performance.now() ticks every few µs here: small trips are timed ten at a time.
        const int per_sample = bytes < 4096 ? 10 : 1;
        const int samples = std::max(3, count / per_sample);
        const std::string timing = per_sample > 1 ? " Each sample is the mean of " + std::to_string(per_sample) +
                                                        " round trips (the browser's clock is coarse)."
                                                  : std::string();
        switch (channel) {
        case lab::Channel::atomics:
            return {lab::atomics_round_trip_samples(bytes, samples, per_sample),
                    "A " + size + " message copied into the shared wasm memory (a SharedArrayBuffer), an atomic flag set, and "
                    "a second pthread spinning on the flag (then sleeping on it with Atomics.wait/notify underneath) copies "
                    "it back; time per round trip." + timing};
        case lab::Channel::mutex_queue:
            return {lab::queue_round_trip_samples(bytes, samples, per_sample),
                    "A " + size + " message copied into a queue guarded by a mutex and a condition variable (futexes on "
                    "Atomics.wait/notify); a second pthread moves it to a reply queue; time per round trip." + timing};
        case lab::Channel::pipe: return worker_round_trips(bytes, std::min(count, bytes > 4096 ? 5 : kMostWorkerRoundTrips));
        case lab::Channel::socketpair:
            throw std::runtime_error("a page has no socketpair: isolated Workers talk only by postMessage (see the row above)");
        }
        throw std::invalid_argument("unknown channel");
    }
    Samples ping_pong(lab::PingPongPair pair, int per_sample, int samples) override {
        if (pair == lab::PingPongPair::threads)
            return {lab::thread_ping_pong_samples(per_sample, samples),
                    "Two pthreads hand a counter back and forth under a mutex and a condition variable (Atomics.wait/notify "
                    "underneath); each sample is the mean of " + std::to_string(per_sample) + " round trips."};
        return worker_ping_pong(std::min(per_sample, kMostWorkerTripsPerSample), samples);
    }

    double run_workload(exec::ExecutorKind kind, int workers, const std::vector<std::uint64_t>& numbers) override {
        return lab::workload_wall_seconds(make_executor, kind, workers, numbers);
    }

    lab::SystemSnapshot system_snapshot() override { return platform::system_snapshot(); }

    Samples pointer_chase(std::size_t bytes, std::size_t loads, int samples) override {
        return {lab::pointer_chase_samples(bytes, loads, samples),
                "Pointer chasing in wasm memory: " + std::to_string(loads) + " dependent loads following one random cycle "
                "through " + std::to_string(std::max<std::size_t>(2, bytes / 64)) + " 64-byte nodes (" + std::to_string(bytes) +
                " bytes); nanoseconds per load (performance.now() is coarsened to a few µs: each sample is long)."};
    }
    lab::DiskSamples disk_write_read(int) override {
        throw std::runtime_error("no disk: a page cannot write a file and fsync it (the browser's storage keeps its own caches)");
    }
    Samples tcp_round_trips(int) override {
        throw std::runtime_error("a page cannot open a TCP socket: see the same-origin fetch below");
    }
    std::optional<Samples> fetch_round_trips(int count) override {
        return Samples{platform::fetch_round_trips(count),
                       "A HEAD request for a small file of this site (a synchronous XMLHttpRequest from the lab's Worker, a "
                       "fresh query string each time so that no cache answers); time per round trip."};
    }
    std::vector<lab::CacheLevel> cache_levels() override { return {}; }
    lab::CpuClock cpu_clock() override { return {3.0, "an assumed 3 GHz: a browser does not tell the CPU's clock (nor its caches)"}; }

    std::optional<lab::MemorySamples> idle_coroutines(int count, int rounds) override {
        return platform::idle_coroutines(count, rounds);
    }
};

}  // namespace

std::unique_ptr<lab::LiveSystem> make_live_system() {
    // A few property reads on the caller's thread (the page's main thread): no thread for the main thread to join.
    return std::make_unique<lab::LiveSystem>([] { return system_snapshot(); }, lab::LiveSystem::Mode::caller);
}

std::unique_ptr<lab::Probes> make_lab_probes() { return std::make_unique<WebLabProbes>(); }

}  // namespace conclab::platform
