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
    return {lab::thread_start_samples(count), lab::MethodId::web_thread_start};
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
    return {samples, lab::MethodId::web_thread_beyond_pool};
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
    return {samples, {lab::MethodId::web_worker_start, {std::to_string(n)}}};
}

// [SECTION] memory

lab::MemorySamples idle_threads(int count, int rounds) {
    const int n = std::min(count, 16);   // each thread beyond the pool is one more Web Worker for the page
    lab::MemorySamples m;
    m.method = {lab::MethodId::web_idle_threads, {std::to_string(n)}};
    m.resident_unknown = lab::Reason(lab::ReasonId::no_worker_rss);
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
    m.method = {lab::MethodId::web_idle_workers, {std::to_string(n)}};
    m.resident_unknown = lab::Reason(lab::ReasonId::no_worker_ram);
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
    m.method = {lab::MethodId::web_idle_coroutines, {std::to_string(count)}};
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
    facts.no_stack_limit = true;
    facts.method = lab::MethodId::web_stack;
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

Samples worker_round_trips(std::size_t bytes, int count) {
    auto worker = started_worker();
    auto samples = echo_round_trips(*worker, bytes, count);
    return {samples, lab::Method(lab::MethodId::web_post, {std::to_string(bytes)}).followed_by(lab::MethodId::then_relay)};
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
    return {out, lab::Method(lab::MethodId::web_post_pingpong, {std::to_string(per_sample)}).followed_by(lab::MethodId::then_relay)};
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
    snap.page_method = lab::MethodId::web_page_workers;
    snap.processes_unknown = lab::Reason(lab::ReasonId::no_os_processes);
    snap.method = lab::MethodId::web_browser;
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
            throw lab::Unmeasurable(lab::ReasonId::no_fork);
        }
        throw std::invalid_argument("unknown start kind");
    }
    std::string spawned_program() const override { return "an isolated Web Worker (process-worker-module.wasm)"; }
    std::optional<Samples> start_threads_beyond_pool(int count) override { return platform::start_threads_beyond_pool(count); }

    lab::MemorySamples idle_threads(int count, int rounds) override { return platform::idle_threads(count, rounds); }
    lab::MemorySamples idle_processes(int count) override { return idle_isolated_workers(count); }
    lab::StackFacts thread_stack() override { return platform::thread_stack(); }

    Samples round_trips(lab::Channel channel, std::size_t bytes, int count) override {
        const std::vector<std::string> size{std::to_string(bytes)};
        // performance.now() ticks every few µs here: small trips are timed ten at a time.
        const int per_sample = bytes < 4096 ? 10 : 1;
        const int samples = std::max(3, count / per_sample);
        const auto timed = [per_sample](lab::Method method) {
            return per_sample > 1 ? method.followed_by({lab::MethodId::then_coarse, {std::to_string(per_sample)}}) : method;
        };
        switch (channel) {
        case lab::Channel::atomics:
            return {lab::atomics_round_trip_samples(bytes, samples, per_sample), timed({lab::MethodId::web_atomics, size})};
        case lab::Channel::mutex_queue:
            return {lab::queue_round_trip_samples(bytes, samples, per_sample), timed({lab::MethodId::web_queue, size})};
        case lab::Channel::pipe: return worker_round_trips(bytes, std::min(count, bytes > 4096 ? 5 : kMostWorkerRoundTrips));
        case lab::Channel::socketpair:
            throw lab::Unmeasurable(lab::ReasonId::no_socketpair);
        }
        throw std::invalid_argument("unknown channel");
    }
    Samples ping_pong(lab::PingPongPair pair, int per_sample, int samples) override {
        if (pair == lab::PingPongPair::threads)
            return {lab::thread_ping_pong_samples(per_sample, samples), {lab::MethodId::web_pingpong, {std::to_string(per_sample)}}};
        return worker_ping_pong(std::min(per_sample, kMostWorkerTripsPerSample), samples);
    }

    double run_workload(exec::ExecutorKind kind, int workers, const std::vector<std::uint64_t>& numbers) override {
        return lab::workload_wall_seconds(make_executor, kind, workers, numbers);
    }

    lab::SystemSnapshot system_snapshot() override { return platform::system_snapshot(); }

    Samples pointer_chase(std::size_t bytes, std::size_t loads, int samples) override {
        return {lab::pointer_chase_samples(bytes, loads, samples),
                {lab::MethodId::web_chase,
                 {std::to_string(loads), std::to_string(std::max<std::size_t>(2, bytes / 64)), std::to_string(bytes)}}};
    }
    lab::DiskSamples disk_write_read(int) override {
        throw lab::Unmeasurable(lab::ReasonId::no_disk);
    }
    Samples tcp_round_trips(int) override {
        throw lab::Unmeasurable(lab::ReasonId::no_tcp);
    }
    std::optional<Samples> fetch_round_trips(int count) override {
        return Samples{platform::fetch_round_trips(count), lab::MethodId::web_fetch};
    }
    std::vector<lab::CacheLevel> cache_levels() override { return {}; }
    lab::CpuClock cpu_clock() override { return {3.0, lab::ClockSource::browser}; }

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
