// The web build's process pool: isolated Web Workers, each running its own small wasm module
// (process_worker_main.cpp, loaded by web/process-worker.js) with no pthreads and no shared memory —
// the browser's nearest thing to a child process. They talk only by postMessage:
//   page → worker  {id, function, argument}               function and argument as Uint8Array bytes
//   worker → page  {ready} once, then {id, ok, output, busy_ms}   output: the value or error, Uint8Array
// Bytes cross the C++/JS boundary as (pointer, length), never as C strings: a NUL in an argument, a
// value or an error message stays, as in the native pool.
//
// Threading: Worker objects belong to the JS context that made them, and their messages arrive on its
// event loop. Ours is the browser main thread, so every pool state change happens there: the JS
// callbacks call the exported conclab_process_pool_on_* functions, which complete the futures.
// Create and use the pool on the browser main thread (the UI does). Calls from another thread are
// proxied to the main thread: submit() and cancel_all() asynchronously, creation and destruction
// synchronously (the caller blocks until the main thread has run them — never from a thread the main
// thread is waiting for). Never call Future::result() on the main thread: the result can only arrive
// once the main thread returns to the browser.
//
// One task per idle worker. Cancelling a running task terminates its worker and starts a fresh one,
// as killing a process would; so does a crash (the worker's error event). shutdown() never blocks the
// main thread: the workers finish what they hold and are terminated then.
#include "platform/platform.h"

#include <emscripten.h>
#include <emscripten/threading.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

// [SECTION] JavaScript side: create, message and terminate Workers (main thread only)

// Returns a handle (> 0) for the new Worker, 0 if Workers are unavailable. python: a Pyodide worker
// (pyodide-worker.mjs), booted with the page's one compiled pyodide.asm.wasm (conclabPyodideModule below).
EM_JS(int, conclab_js_worker_start, (int pool, int slot, int python), {
    if (typeof Worker === 'undefined') return 0;
    const workers = Module.conclabProcessWorkers || (Module.conclabProcessWorkers = {next : 1, live : new Map()});
    const handle = workers.next++;
    let worker;
    try {
        worker = python ? new Worker('pyodide-worker.mjs', {type : 'module'}) : new Worker('process-worker.js');
    } catch (e) {
        console.error('conclab: cannot start a process worker: ' + e);
        return 0;
    }
    workers.live.set(handle, worker);
    // Copies bytes into this module's heap for the length of one call.
    const withBytes = (bytes, call) => {
        const ptr = _malloc(Math.max(1, bytes.length));
        HEAPU8.set(bytes, ptr);
        try {
            call(ptr, bytes.length);
        } finally {
            _free(ptr);
        }
    };
    const crash = (text) => {
        if (workers.live.get(handle) !== worker) return;   // terminated meanwhile (Cancel mid-boot)
        withBytes(new TextEncoder().encode(text), (ptr, size) => _conclab_process_pool_on_crash(pool, slot, handle, ptr, size));
    };
    worker.onmessage = (event) => {
        const d = event.data;
        if (d.failed) return crash(d.failed);
        if (d.ready) {
            let info = '';
            if (d.runtime) {
                info = [ d.runtime.name, d.runtime.version, d.runtime.python ].join('\n');
                const boots = Module.conclabPyodideBoots || (Module.conclabPyodideBoots = []);
                boots.push({boot_ms : d.boot_ms, memory_bytes : d.memory_bytes});
                console.log('conclab: Pyodide ' + d.runtime.version + ' (Python ' + d.runtime.python + ') worker booted in ' +
                            d.boot_ms.toFixed(0) + ' ms, ' + (d.memory_bytes / 1048576).toFixed(1) + ' MiB of wasm memory');
            }
            withBytes(new TextEncoder().encode(info), (ptr, size) => _conclab_process_pool_on_ready(pool, slot, handle, ptr, size));
            return;
        }
        const output = d.output instanceof Uint8Array ? d.output : new TextEncoder().encode(String(d.output));
        withBytes(output, (ptr, size) => _conclab_process_pool_on_result(pool, slot, handle, d.id, d.ok ? 1 : 0, ptr, size,
                                                                         +d.busy_ms || 0));
    };
    worker.onerror = (event) => {
        event.preventDefault();
        const where = event.filename ? " (" + event.filename.split("/").pop() + ":" + event.lineno + ")" : "";
        crash(event.message ? event.message + where : 'the worker script could not be loaded');
    };
    if (python) {
        Module.conclabPyodideModule().then((module) => { if (workers.live.get(handle) === worker) worker.postMessage({boot : {module}}); },
                                          (error) => crash(String(error && error.message || error)));
    }
    return handle;
});

// The page's pyodide.asm.wasm, downloaded (with progress for the panel's bar) and compiled once, then posted to each
// Python worker. A failure is forgotten, so that the next run tries again.
EM_JS(void, conclab_js_define_pyodide_module, (), {
    if (Module.conclabPyodideModule) return;
    Module.conclabPyodideProgress = {loaded : 0, total : 0, phase : 0};   // phase 0 idle, 1 download, 2 compile, 3 done
    let compiled = null;
    Module.conclabPyodideModule = () => {
        if (compiled) return compiled;
        const progress = Module.conclabPyodideProgress;
        progress.phase = 1;
        compiled = (async () => {
            const response = await fetch('pyodide/pyodide.asm.wasm');
            if (!response.ok) throw new Error('pyodide/pyodide.asm.wasm: HTTP ' + response.status);
            progress.total = +response.headers.get('Content-Length') || 0;
            const reader = response.body.getReader();
            const chunks = [];
            for (;;) {
                let part;
                try {
                    part = await reader.read();
                } catch (error) {   // the browser says only "network error": say which file and how far it came
                    throw new Error('pyodide/pyodide.asm.wasm: the download broke off after ' + progress.loaded + ' of ' +
                                    (progress.total || '?') + ' bytes (' + (error && error.message || error) + ')');
                }
                if (part.done) break;
                chunks.push(part.value);
                progress.loaded += part.value.length;
            }
            const bytes = new Uint8Array(progress.loaded);
            let at = 0;
            for (const c of chunks) {
                bytes.set(c, at);
                at += c.length;
            }
            progress.phase = 2;
            const module = await WebAssembly.compile(bytes);
            progress.phase = 3;
            return module;
        })();
        compiled.catch(() => {
            compiled = null;
            progress.phase = 0;
            progress.loaded = 0;
        });
        return compiled;
    };
});

EM_JS(double, conclab_js_pyodide_progress, (int what), {
    const p = Module.conclabPyodideProgress;
    if (!p) return 0;
    return what == 0 ? p.phase : what == 1 ? p.loaded : p.total;
});

// (`function` is a reserved word in JavaScript: an EM_JS parameter may not be called that.)
EM_JS(void, conclab_js_worker_post, (int handle, int id, const char* function_name, int function_size, const char* argument,
                                     int argument_size), {
    const worker = Module.conclabProcessWorkers.live.get(handle);
    if (!worker) return;
    // slice() copies out of the (shared) heap into buffers of their own, which the message then moves.
    const fn = HEAPU8.slice(function_name, function_name + function_size);
    const arg = HEAPU8.slice(argument, argument + argument_size);
    worker.postMessage({id : id, function : fn, argument : arg}, [ fn.buffer, arg.buffer ]);
});

EM_JS(void, conclab_js_worker_terminate, (int handle), {
    const live = Module.conclabProcessWorkers && Module.conclabProcessWorkers.live;
    const worker = live && live.get(handle);
    if (!worker) return;
    worker.terminate();
    live.delete(handle);
});

EM_JS(void, conclab_js_pool_ready, (int workers, double startup_ms), {
    Module.conclabProcessPoolStartupMs = startup_ms;
    console.log('conclab: ' + workers + ' isolated Web Workers ready in ' + startup_ms.toFixed(0) + ' ms');
});

EM_JS(void, conclab_js_report_error, (const char* what, const char* message), {
    console.error("conclab: process pool " + UTF8ToString(what) + ": " + UTF8ToString(message));
});

namespace conclab::platform {
namespace {

bool on_main_thread() { return emscripten_is_main_browser_thread() != 0; }

// Runs fn on the browser main thread: now if we are there, else queued (async) or waited for (sync).
void trampoline(void* fn) {
    std::unique_ptr<std::function<void()>> owned(static_cast<std::function<void()>*>(fn));
    (*owned)();
}
void run_on_main_async(std::function<void()> fn) {
    if (on_main_thread()) return fn();
    emscripten_async_run_in_main_runtime_thread(EM_FUNC_SIG_VI, trampoline, new std::function<void()>(std::move(fn)));
}
void run_on_main_sync(std::function<void()> fn) {
    if (on_main_thread()) return fn();
    emscripten_sync_run_in_main_runtime_thread(EM_FUNC_SIG_VI, trampoline, new std::function<void()>(std::move(fn)));
}

class WebProcessPool;
// Live pools by id, so that a late message or proxied call for a destroyed pool is dropped. Main thread only.
std::map<int, WebProcessPool*> pools;
int next_pool_id = 1;

class WebProcessPool final : public exec::Executor {
public:
    WebProcessPool(int workers, exec::ExecutorKind kind, bool python) : workers_(workers), kind_(kind), python_(python) {
        if (auto error = exec::workers_error(workers); !error.empty()) throw std::invalid_argument(error);
        std::string error;
        run_on_main_sync([&] { error = start(); });
        if (!error.empty()) throw std::runtime_error(error);
    }

    ~WebProcessPool() override {
        run_on_main_sync([this] { teardown(); });
    }

    exec::ExecutorKind kind() const override { return kind_; }
    int workers() const override { return workers_; }

    exec::Future submit(exec::Task task) override {
        if (closed_) throw std::logic_error("submit after shutdown");
        exec::Future future(exec::make_future_state(submitted_++));
        run_on_main_async([id = id_, task = std::move(task), future]() mutable {
            auto it = pools.find(id);
            if (it == pools.end()) return future.set_error("the process pool was destroyed before the task started", 0);
            it->second->enqueue(std::move(task), future);
        });
        return future;
    }

    exec::RuntimeFacts runtime_facts() const override {
        std::lock_guard lock(runtime_mutex_);
        return runtime_;
    }

    void cancel_all() override {
        run_on_main_async([id = id_] {
            if (auto it = pools.find(id); it != pools.end()) it->second->cancel_on_main();
        });
    }

    void shutdown(bool wait, bool cancel_futures) override {
        closed_ = true;
        run_on_main_async([id = id_, cancel_futures] {
            auto it = pools.find(id);
            if (it == pools.end()) return;
            if (cancel_futures) it->second->cancel_on_main();
            it->second->terminate_if_drained();
        });
        // The main thread cannot wait here (the results it waits for arrive through its own event loop);
        // another thread can.
        if (!wait || on_main_thread()) return;
        std::unique_lock lock(drained_mutex_);
        drained_changed_.wait(lock, [&] { return drained_; });
    }

    // [SECTION] Called from the Workers' JS callbacks (main thread)

    void on_ready(int slot, int handle, const std::string& info) {
        Slot& s = slots_.at(static_cast<std::size_t>(slot));
        if (s.handle != handle) return;
        if (!info.empty()) {   // "name\nversion\npython" from a Pyodide worker
            const auto a = info.find('\n');
            const auto b = info.find('\n', a + 1);
            std::lock_guard lock(runtime_mutex_);
            runtime_.version = info.substr(a + 1, b - a - 1);
            runtime_.python = info.substr(b + 1);
        }
        s.ready = true;
        s.startup_s = now_s() - s.created_s;
        const bool all_ready = std::all_of(slots_.begin(), slots_.end(), [](const Slot& x) { return x.ready; });
        if (all_ready && startup_s_ < 0) {
            startup_s_ = now_s();
            conclab_js_pool_ready(workers_, startup_s_ * 1000);
        }
        dispatch();
    }

    void on_result(int slot, int handle, int task_id, bool ok, std::string output, double busy_ms) {
        Slot& s = slots_.at(static_cast<std::size_t>(slot));
        if (s.handle != handle || !s.running || s.running->id != task_id) return;
        Running done = std::move(*s.running);
        s.running.reset();
        // The worker's own measure of the work, so that message latency (up to a frame) is not counted.
        const double finished = std::min(now_s(), done.started_s + busy_ms * 1e-3);
        if (ok) done.future.set_result(std::move(output), finished);
        else done.future.set_error(std::move(output), finished);
        dispatch();
        terminate_if_drained();
    }

    void on_crash(int slot, int handle, const std::string& message) {
        Slot& s = slots_.at(static_cast<std::size_t>(slot));
        if (s.handle != handle) return;
        const std::string name = worker_name(slot);
        if (!s.ready) {
            // A worker that cannot even start will not start on a second try either: fail the work, loudly.
            fail_everything(python_ ? "Pyodide could not start (" + message + ")"
                                    : "an isolated Web Worker could not start (" + message + ")");
            return;
        }
        if (s.running) s.running->future.set_error(name + " crashed: " + message, now_s());
        replace_worker(slot);
        terminate_if_drained();
    }

private:
    struct Pending {
        exec::Task task;
        exec::Future future;
    };
    struct Running {
        int id = 0;
        exec::Future future;
        double started_s = 0;
    };
    struct Slot {
        int handle = 0;   // 0: no Worker
        bool ready = false;
        double created_s = 0;
        double startup_s = 0;   // from creation to its ready message
        std::optional<Running> running;
    };

    std::string worker_name(int slot) const {
        return (python_ ? "Pyodide worker " : "worker ") + std::to_string(slot + 1);
    }

    // Main thread: registers the pool and starts its Workers; an error message if it can't.
    std::string start() {
        id_ = next_pool_id++;
        if (python_) conclab_js_define_pyodide_module();
        slots_.resize(static_cast<std::size_t>(workers_));
        for (int i = 0; i < workers_; ++i) {
            slots_[static_cast<std::size_t>(i)].created_s = now_s();
            slots_[static_cast<std::size_t>(i)].handle = conclab_js_worker_start(id_, i, python_);
            if (slots_[static_cast<std::size_t>(i)].handle == 0) {
                for (auto& s : slots_) conclab_js_worker_terminate(s.handle);
                return "isolated Web Workers are not available in this browser";
            }
        }
        pools[id_] = this;
        return {};
    }

    void enqueue(exec::Task task, exec::Future future) {
        if (!broken_.empty()) return future.set_error(broken_, now_s());
        if (terminated_) return future.set_error("submitted after the process pool shut down", now_s());
        queue_.push_back({std::move(task), std::move(future)});
        dispatch();
    }

    void dispatch() {
        // Python workers compute only once every interpreter has booted: the boot is the start-up, apart from the
        // checks (it is seconds, where a C++ worker's is milliseconds), and each worker gets a check of its own.
        if (python_ && startup_s_ < 0) return;
        for (std::size_t i = 0; i < slots_.size() && !queue_.empty(); ++i) {
            Slot& s = slots_[i];
            if (!s.ready || s.running) continue;
            while (!queue_.empty()) {
                Pending next = std::move(queue_.front());
                queue_.pop_front();
                if (!next.future.set_running(worker_name(static_cast<int>(i)), now_s())) continue;   // cancelled
                next.future.set_worker_startup_s(s.startup_s);
                const int id = next_task_id_++;
                s.running = Running{id, next.future, now_s()};
                conclab_js_worker_post(s.handle, id, next.task.function.data(), static_cast<int>(next.task.function.size()),
                                       next.task.argument.data(), static_cast<int>(next.task.argument.size()));
                break;
            }
        }
    }

    void cancel_on_main() {
        std::deque<Pending> dropped;
        dropped.swap(queue_);
        for (auto& p : dropped) p.future.cancel();
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            if (!slots_[i].running) continue;
            slots_[i].running->future.set_error("cancelled while running", now_s());
            replace_worker(static_cast<int>(i));
        }
        terminate_if_drained();
    }

    // Kills the slot's Worker (and with it any task it runs) and, unless shutting down, starts a fresh one.
    void replace_worker(int slot) {
        Slot& s = slots_.at(static_cast<std::size_t>(slot));
        conclab_js_worker_terminate(s.handle);
        s = Slot{};
        if (closed_ || terminated_) return;
        s.created_s = now_s();
        s.handle = conclab_js_worker_start(id_, slot, python_);
        if (s.handle == 0) fail_everything("an isolated Web Worker could not be restarted");
    }

    void fail_everything(const std::string& reason) {
        broken_ = reason;
        std::deque<Pending> dropped;
        dropped.swap(queue_);
        for (auto& p : dropped) p.future.set_error(reason, now_s());
        for (auto& s : slots_)
            if (s.running) s.running->future.set_error(reason, now_s());
        terminate_all();
    }

    void terminate_if_drained() {
        if (!closed_ || terminated_ || !queue_.empty()) return;
        for (const auto& s : slots_)
            if (s.running) return;
        terminate_all();
    }

    void terminate_all() {
        for (auto& s : slots_) {
            conclab_js_worker_terminate(s.handle);
            s = Slot{};
        }
        terminated_ = true;
        {
            std::lock_guard lock(drained_mutex_);
            drained_ = true;
        }
        drained_changed_.notify_all();
    }

    void teardown() {
        closed_ = true;
        std::deque<Pending> dropped;
        dropped.swap(queue_);
        for (auto& p : dropped) p.future.cancel();
        for (auto& s : slots_)
            if (s.running) s.running->future.set_error("the process pool was destroyed while the task ran", now_s());
        terminate_all();
        pools.erase(id_);
    }

    int id_ = 0;   // set by start() on the main thread, before any other thread sees the pool
    const int workers_;
    const exec::ExecutorKind kind_;
    const bool python_;   // Pyodide workers (pyodide-worker.mjs) instead of process-worker.js
    mutable std::mutex runtime_mutex_;
    exec::RuntimeFacts runtime_;   // versions, from the Pyodide workers that booted
    std::atomic<std::size_t> submitted_{0};
    std::atomic<bool> closed_{false};
    // Main thread only:
    std::vector<Slot> slots_;
    std::deque<Pending> queue_;
    int next_task_id_ = 1;
    double startup_s_ = -1;   // when every worker of the first start had said ready
    bool terminated_ = false;
    std::string broken_;
    // For shutdown(wait) from a thread other than the main thread:
    std::mutex drained_mutex_;
    std::condition_variable drained_changed_;
    bool drained_ = false;
};

WebProcessPool* find_pool(int id) {
    auto it = pools.find(id);
    return it == pools.end() ? nullptr : it->second;
}

// C++ exceptions must not escape into the Workers' JS callbacks.
template <typename F>
void guarded(const char* what, F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        conclab_js_report_error(what, e.what());
    }
}

}  // namespace

std::unique_ptr<exec::Executor> make_process_pool(int workers) {
    return std::make_unique<WebProcessPool>(workers, exec::ExecutorKind::processes, false);
}

std::unique_ptr<exec::Executor> make_pyodide_executor(exec::ExecutorKind kind, int workers) {
    if (kind != exec::ExecutorKind::sequential && kind != exec::ExecutorKind::processes)
        throw std::invalid_argument("Pyodide has no threads: one interpreter per Web Worker (sequential or processes)");
    if (workers > kMaxPyodideWorkers)
        throw std::invalid_argument("at most " + std::to_string(kMaxPyodideWorkers) + " Pyodide workers (each boots its own interpreter)");
    return std::make_unique<WebProcessPool>(kind == exec::ExecutorKind::sequential ? 1 : workers, kind, true);
}

std::optional<RuntimeLoading> pyodide_loading() {
    const int phase = static_cast<int>(conclab_js_pyodide_progress(0));
    if (phase == 0) return std::nullopt;
    return RuntimeLoading{phase == 1 ? RuntimeLoading::Phase::download : phase == 2 ? RuntimeLoading::Phase::compile
                                                                                    : RuntimeLoading::Phase::done,
                          conclab_js_pyodide_progress(1), conclab_js_pyodide_progress(2)};
}

}  // namespace conclab::platform

using conclab::platform::find_pool;
using conclab::platform::guarded;

extern "C" {

EMSCRIPTEN_KEEPALIVE void conclab_process_pool_on_ready(int pool, int slot, int handle, const char* info, int info_size) {
    guarded("ready", [&] {
        if (auto* p = find_pool(pool)) p->on_ready(slot, handle, std::string(info, static_cast<std::size_t>(info_size)));
    });
}

EMSCRIPTEN_KEEPALIVE void conclab_process_pool_on_result(int pool, int slot, int handle, int task_id, int ok,
                                                        const char* output, int output_size, double busy_ms) {
    guarded("result", [&] {
        if (auto* p = find_pool(pool))
            p->on_result(slot, handle, task_id, ok != 0, std::string(output, static_cast<std::size_t>(output_size)), busy_ms);
    });
}

EMSCRIPTEN_KEEPALIVE void conclab_process_pool_on_crash(int pool, int slot, int handle, const char* message, int message_size) {
    guarded("crash", [&] {
        if (auto* p = find_pool(pool)) p->on_crash(slot, handle, std::string(message, static_cast<std::size_t>(message_size)));
    });
}

}  // extern "C"
