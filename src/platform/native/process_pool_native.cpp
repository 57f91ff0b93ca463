// The native ProcessPool, like Python's ProcessPoolExecutor: N `conclab worker` processes
// (native/worker_handle.h), one pipe each way, length-prefixed messages (exec/message.h). One I/O
// thread owns the workers: it starts them (so that they die with it: see die_with_parent), hands one
// task to each idle worker, poll()s every pipe, completes futures, reaps workers that die and starts
// their replacements.
//
// Unlike Python's BrokenProcessPool, a dead worker breaks only the task it was running: the pool
// reaps it, starts another and goes on with the queue.
#include "core/exec/message.h"
#include "platform/native/posix_io.h"
#include "platform/native/worker_handle.h"
#include "platform/platform.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace conclab::platform {
namespace {

namespace msg = exec::message;

constexpr double kStartupTimeoutS = 30;
constexpr double kExitGraceS = 5;        // a worker asked to exit gets this long before SIGKILL
constexpr double kReapPollS = 0.005;     // how often an exiting worker is checked with waitpid
constexpr double kSpawnRetryS = 1;       // after a failed start

std::string describe_task(const exec::Task& task) {
    constexpr std::size_t kShown = 60;
    std::string argument = task.argument.size() <= kShown ? task.argument : task.argument.substr(0, kShown) + "…";
    return task.function + "(" + argument + ")";
}

struct Pending {
    exec::Task task;
    exec::Future future;
};

struct Running {
    std::uint64_t id = 0;
    exec::Future future;
    std::string description;   // "primes.lpf(1125899906842597)"
    std::uint64_t cancel_epoch = 0;
};

/// One worker process and what the pool knows of it.
struct Worker {
    enum class State { starting, idle, busy, stopping, exited };   // stopping: stdin closed for shutdown
    std::unique_ptr<WorkerProcess> process;
    State state = State::starting;
    std::optional<Running> running;
    std::string death_reason;   // set when the pool killed it for a reason of its own
    double spawned_s = 0;
    double startup_s = 0;       // from spawn to its hello
    bool ready = false;         // said hello
    double deadline_s = 0;      // stopping / exited: SIGKILL after this
    bool asked_to_stop = false;
    bool live() const { return state == State::starting || state == State::idle || state == State::busy; }
};

class ProcessPool final : public exec::Executor {
public:
    explicit ProcessPool(int workers) : workers_(workers) {
        if (auto error = exec::workers_error(workers); !error.empty()) throw std::invalid_argument(error);
        executable_ = worker_executable();
        auto [wake_read, wake_write] = make_pipe();
        set_nonblocking(wake_read.get());
        set_nonblocking(wake_write.get());
        wake_read_ = std::move(wake_read);
        wake_write_ = std::move(wake_write);
        io_thread_ = std::thread([this] { io_loop(); });

        std::unique_lock lock(mutex_);
        const bool settled = started_.wait_for(lock, std::chrono::duration<double>(kStartupTimeoutS),
                                               [&] { return ready_ == workers_ || !startup_error_.empty(); });
        std::string error = startup_error_;
        if (error.empty() && !settled)
            error = "the worker processes did not start within " + std::to_string(int(kStartupTimeoutS)) + " s";
        if (error.empty()) {
            startup_done_ = true;
            lock.unlock();
            wake();   // a worker that died after its hello can be replaced now
            return;
        }
        lock.unlock();
        shutdown(true, true);
        throw std::runtime_error(error);
    }

    ~ProcessPool() override { shutdown(true, true); }

    exec::ExecutorKind kind() const override { return exec::ExecutorKind::processes; }
    int workers() const override { return workers_; }

    exec::Future submit(exec::Task task) override {
        exec::Future future;
        {
            std::lock_guard lock(mutex_);
            if (closed_) throw std::logic_error("submit after shutdown");
            future = exec::Future(exec::make_future_state(submitted_++));
            if (!broken_.empty()) {
                future.set_error(broken_, now_s());
                return future;
            }
            queue_.push_back({std::move(task), future});
        }
        wake();
        return future;
    }

    void cancel_all() override {
        std::deque<Pending> dropped;
        {
            std::lock_guard lock(mutex_);
            dropped.swap(queue_);
            ++cancel_epoch_;   // the I/O thread kills every worker running a task taken before this
        }
        for (auto& p : dropped) p.future.cancel();
        wake();
    }

    void shutdown(bool wait, bool cancel_futures) override {
        if (cancel_futures) cancel_all();
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        wake();
        if (!wait) return;
        std::lock_guard join_lock(join_mutex_);
        if (io_thread_.joinable()) io_thread_.join();
    }

private:
    void wake() {
        // Non-blocking: a full pipe already means "wake up". The read end lives as long as the pool.
        write_some(wake_write_.get(), std::string_view("\1", 1));
    }

    // ---- everything below runs on the I/O thread, which alone touches pool_ ----

    void io_loop() {
        block_sigpipe_in_this_thread();   // a write to a dead worker returns EPIPE here
        try {
            for (int i = 0; i < workers_; ++i) start_worker();
        } catch (const std::exception& e) {
            start_failure(e.what());
        }
        try {
            serve_workers();
        } catch (const std::exception& e) {
            fail_everything(std::string("the process pool's I/O thread failed: ") + e.what());
        }
    }

    void start_worker() {
        auto w = std::make_unique<Worker>();
        w->process = WorkerProcess::spawn(executable_);
        w->spawned_s = now_s();
        pool_.push_back(std::move(w));
    }

    void serve_workers() {
        std::vector<pollfd> fds;
        std::vector<Worker*> owners;   // fds[i] belongs to owners[i] (nullptr: the wake pipe)
        for (;;) {
            std::uint64_t epoch;
            bool closing;
            {
                std::lock_guard lock(mutex_);
                closing = closed_;
                epoch = cancel_epoch_;
            }
            kill_cancelled(epoch);
            dispatch();
            replace_dead_workers(closing);
            const bool finishing = closing && queue_empty();
            if (finishing) stop_idle_workers();
            reap();
            if (finishing && pool_.empty()) break;

            fds.assign(1, {wake_read_.get(), POLLIN, 0});
            owners.assign(1, nullptr);
            const double now = now_s();
            double timeout_s = spawn_retry_at_s_ > 0 ? std::max(0.0, spawn_retry_at_s_ - now) : -1;
            auto at_most = [&](double s) { timeout_s = timeout_s < 0 ? s : std::min(timeout_s, s); };
            for (auto& w : pool_) {
                if (w->state == Worker::State::exited) at_most(kReapPollS);
                if (w->state == Worker::State::stopping) at_most(std::max(0.0, w->deadline_s - now));
                if (w->process->stdout_fd() >= 0) {
                    fds.push_back({w->process->stdout_fd(), POLLIN, 0});
                    owners.push_back(w.get());
                }
                if (w->process->has_output_pending()) {
                    fds.push_back({w->process->stdin_fd(), POLLOUT, 0});
                    owners.push_back(w.get());
                }
            }
            const int timeout_ms = timeout_s < 0 ? -1 : static_cast<int>(timeout_s * 1000) + 1;
            if (::poll(fds.data(), fds.size(), timeout_ms) < 0) {
                if (errno == EINTR) continue;
                throw std::runtime_error("poll: " + errno_text(errno));
            }
            for (std::size_t i = 0; i < fds.size(); ++i) {
                if (fds[i].revents == 0) continue;
                Worker* w = owners[i];
                if (!w) drain(wake_read_.get());
                else if (fds[i].events & POLLIN) {
                    if (w->process->stdout_fd() == fds[i].fd) read_from(*w);   // not killed meanwhile
                } else if (w->process->stdin_fd() == fds[i].fd) {
                    w->process->flush();
                }
            }
        }
    }

    bool queue_empty() {
        std::lock_guard lock(mutex_);
        return queue_.empty();
    }

    /// cancel_all(): the worker running a task taken before the cancel is killed and replaced.
    void kill_cancelled(std::uint64_t epoch) {
        for (auto& w : pool_) {
            if (w->state != Worker::State::busy || w->running->cancel_epoch >= epoch) continue;
            w->running->future.set_error("cancelled while running", now_s());
            w->running.reset();
            kill_worker(*w, "");
        }
    }

    /// Hands the next pending task to each idle worker.
    void dispatch() {
        for (auto& w : pool_) {
            while (w->state == Worker::State::idle) {
                Pending next;
                std::uint64_t epoch;
                {
                    std::lock_guard lock(mutex_);
                    if (queue_.empty()) return;
                    next = std::move(queue_.front());
                    queue_.pop_front();
                    epoch = cancel_epoch_;
                }
                if (!next.future.set_running(w->process->name(), now_s())) continue;   // cancelled while queued
                next.future.set_worker_startup_s(w->startup_s);
                const std::uint64_t id = ++task_ids_;
                std::string bytes;
                try {
                    bytes = msg::encode(msg::TaskRequest{id, next.task.function, next.task.argument});
                } catch (const msg::ProtocolError& e) {   // an argument too large to send
                    next.future.set_error(e.what(), now_s());
                    continue;
                }
                w->running = Running{id, next.future, describe_task(next.task), epoch};
                w->state = Worker::State::busy;
                w->process->send(bytes);
            }
        }
    }

    /// Keeps workers_ live workers while there is (or may be) work.
    void replace_dead_workers(bool closing) {
        std::size_t live = 0;
        for (auto& w : pool_) live += w->live();
        bool wanted = live < static_cast<std::size_t>(workers_);
        if (wanted) {
            std::lock_guard lock(mutex_);
            // During startup a death is a startup error, not replaced; at shutdown only a queue needs workers.
            wanted = startup_done_ && !(closing && queue_.empty());
        }
        if (!wanted) {
            spawn_retry_at_s_ = 0;
            return;
        }
        if (spawn_retry_at_s_ > 0 && now_s() < spawn_retry_at_s_) return;
        spawn_retry_at_s_ = 0;
        try {
            for (; live < static_cast<std::size_t>(workers_); ++live) start_worker();
        } catch (const std::exception& e) {
            spawn_retry_at_s_ = now_s() + kSpawnRetryS;
            if (live == 0) fail_pending(std::string("no worker process is running: ") + e.what());
        }
    }

    /// Shutdown with nothing left to do: close each idle worker's stdin so that it exits.
    void stop_idle_workers() {
        for (auto& w : pool_) {
            if (w->state != Worker::State::idle && w->state != Worker::State::starting) continue;
            w->process->close_stdin();
            w->asked_to_stop = true;
            w->state = Worker::State::stopping;
            w->deadline_s = now_s() + kExitGraceS;
        }
    }

    void read_from(Worker& w) {
        try {
            if (w.process->read([&](const msg::Message& m) { handle(w, m); })) return;
        } catch (const msg::ProtocolError& e) {
            return kill_worker(w, std::string("sent a malformed message: ") + e.what());
        }
        // EOF: it exited or is exiting. The task it ran fails when waitpid tells how it died.
        w.process->close_pipes();
        if (w.state != Worker::State::stopping) w.deadline_s = now_s() + kExitGraceS;
        w.state = Worker::State::exited;
    }

    void handle(Worker& w, const msg::Message& message) {
        if (w.state == Worker::State::stopping) return;   // shutting down: nothing more is expected
        if (std::holds_alternative<msg::Hello>(message)) {
            if (w.state != Worker::State::starting) return kill_worker(w, "said hello twice");
            w.state = Worker::State::idle;
            w.ready = true;
            w.startup_s = now_s() - w.spawned_s;
            std::lock_guard lock(mutex_);
            if (!startup_done_) {
                ++ready_;
                started_.notify_all();
            }
            return;
        }
        const auto* result = std::get_if<msg::Result>(&message);
        const auto* error = std::get_if<msg::Error>(&message);
        if (!result && !error) return kill_worker(w, "sent a task message to the pool");
        const std::uint64_t id = result ? result->id : error->id;
        if (w.state != Worker::State::busy || w.running->id != id)
            return kill_worker(w, "answered task " + std::to_string(id) + ", which it was not running");
        if (result) {
            w.running->future.set_cpu_s(static_cast<double>(result->user_us + result->sys_us) * 1e-6);
            w.running->future.set_result(result->value, now_s());
        } else {
            w.running->future.set_error(error->message, now_s());
        }
        w.running.reset();
        w.state = Worker::State::idle;
    }

    /// SIGKILLs a worker; `reason` (if any) is what its running task fails with, and during startup
    /// the reason the pool could not start.
    void kill_worker(Worker& w, const std::string& reason) {
        if (!reason.empty()) w.death_reason = reason;
        w.process->kill();
        w.process->close_pipes();
        w.state = Worker::State::exited;
        w.deadline_s = now_s() + kExitGraceS;
    }

    /// waitpid()s every exited or stopping worker; fails the task of each one that died while busy.
    void reap() {
        for (auto it = pool_.begin(); it != pool_.end();) {
            Worker& w = **it;
            if (w.state != Worker::State::exited && w.state != Worker::State::stopping) {
                ++it;
                continue;
            }
            const auto how = w.process->try_reap();
            if (!how) {
                if (now_s() > w.deadline_s) w.process->kill();   // it ignored EOF on stdin for too long
                ++it;
                continue;
            }
            const std::string name = "worker " + w.process->name();
            const std::string what = w.death_reason.empty() ? name + " died (" + *how + ")" : name + " " + w.death_reason;
            const bool start_failed = !w.ready && !w.asked_to_stop;
            if (w.running) w.running->future.set_error(what + " while running " + w.running->description, now_s());
            it = pool_.erase(it);
            if (start_failed) start_failure(what + " before it was ready: is '" + executable_ + "' the conclab executable?");
        }
    }

    /// A worker could not start: during startup the pool can't start; later, replacements wait a
    /// little before the next try, and with no worker left the queue fails.
    void start_failure(const std::string& message) {
        {
            std::lock_guard lock(mutex_);
            if (!startup_done_) {
                if (startup_error_.empty()) startup_error_ = message;
                started_.notify_all();
                return;
            }
        }
        spawn_retry_at_s_ = now_s() + kSpawnRetryS;
        if (std::none_of(pool_.begin(), pool_.end(), [](const auto& w) { return w->live(); })) fail_pending(message);
    }

    void fail_pending(const std::string& message) {
        std::deque<Pending> failed;
        {
            std::lock_guard lock(mutex_);
            failed.swap(queue_);
        }
        for (auto& p : failed) p.future.set_error(message, now_s());
    }

    /// The I/O thread can't go on: fail all work; the workers are killed and reaped as they go.
    void fail_everything(const std::string& message) {
        {
            std::lock_guard lock(mutex_);
            broken_ = message;   // first, so that no task queued from now on waits forever
            if (startup_error_.empty()) startup_error_ = message;
            started_.notify_all();
        }
        fail_pending(message);
        for (auto& w : pool_)
            if (w->running) w->running->future.set_error(message, now_s());
        pool_.clear();
    }

    const int workers_;
    std::string executable_;
    Fd wake_read_, wake_write_;

    std::mutex mutex_;   // guards the members up to join_mutex_
    std::condition_variable started_;
    std::deque<Pending> queue_;
    std::size_t submitted_ = 0;
    std::uint64_t cancel_epoch_ = 0;
    bool closed_ = false;
    int ready_ = 0;              // workers that said hello during startup
    bool startup_done_ = false;
    std::string startup_error_;
    std::string broken_;         // the I/O thread stopped: every later task fails with this

    std::mutex join_mutex_;
    std::thread io_thread_;

    // Owned by the I/O thread.
    std::vector<std::unique_ptr<Worker>> pool_;
    std::uint64_t task_ids_ = 0;
    double spawn_retry_at_s_ = 0;
};

}  // namespace

std::unique_ptr<exec::Executor> make_process_pool(int workers) { return std::make_unique<ProcessPool>(workers); }

std::unique_ptr<exec::Executor> make_pyodide_executor(exec::ExecutorKind, int) {
    throw std::invalid_argument("Pyodide runs in the page only (the web build)");
}

std::optional<RuntimeLoading> pyodide_loading() { return std::nullopt; }

}  // namespace conclab::platform
