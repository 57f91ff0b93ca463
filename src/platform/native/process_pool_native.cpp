// The native ProcessPool, like Python's ProcessPoolExecutor: N worker processes started with
// posix_spawn from the conclab executable (`conclab worker`), one pipe each way, length-prefixed
// messages (exec/message.h). One I/O thread owns the workers: it hands one task to each idle worker,
// poll()s every pipe, completes futures, reaps workers that die and starts their replacements.
//
// Unlike Python's BrokenProcessPool, a dead worker breaks only the task it was running: the pool
// reaps it, starts another and goes on with the queue.
#include "native/process_pool_native.h"

#include "exec/message.h"
#include "platform.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

extern char** environ;

namespace conclab::platform {
namespace {

namespace msg = exec::message;

// ---------------------------------------------------------------------------------------------
// Which executable

std::mutex g_executable_mutex;
std::string g_executable;   // set_worker_executable()

std::string self_executable() {
    char path[4096];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) return {};
    return std::string(path, static_cast<std::size_t>(n));
}

bool is_conclab(std::string path) {
    constexpr std::string_view kDeleted = " (deleted)";   // rebuilt while running: /proc/self/exe still works
    if (path.size() > kDeleted.size() && path.compare(path.size() - kDeleted.size(), kDeleted.size(), kDeleted) == 0)
        path.resize(path.size() - kDeleted.size());
    const auto slash = path.rfind('/');
    return path.substr(slash == std::string::npos ? 0 : slash + 1) == "conclab";
}

// ---------------------------------------------------------------------------------------------
// Small POSIX helpers

std::string errno_text(int error) { return std::strerror(error); }

/// An owned file descriptor.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
};

/// A close-on-exec pipe whose ends are both ≥ 3, so that a dup2 onto 0 or 1 in a child never
/// finds source and target equal (which would keep FD_CLOEXEC set on the child's stdin).
std::pair<Fd, Fd> make_pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe: " + errno_text(errno));
    Fd ends[2] = {Fd(fds[0]), Fd(fds[1])};
    for (auto& end : ends)
        if (end.get() < 3) {
            const int moved = fcntl(end.get(), F_DUPFD_CLOEXEC, 3);
            if (moved < 0) throw std::runtime_error("fcntl: " + errno_text(errno));
            end = Fd(moved);
        }
    return {std::move(ends[0]), std::move(ends[1])};
}

void set_nonblocking(int fd) {
    const int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) throw std::runtime_error("fcntl: " + errno_text(errno));
}

std::string describe_status(int status) {
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        std::string text = "signal " + std::to_string(sig);
        if (const char* abbrev = sigabbrev_np(sig)) text += std::string(", SIG") + abbrev;
        if (WCOREDUMP(status)) text += ", core dumped";
        return text;
    }
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    return "status " + std::to_string(status);
}

std::string describe_task(const exec::Task& task) {
    constexpr std::size_t kShown = 60;
    std::string argument = task.argument.size() <= kShown ? task.argument : task.argument.substr(0, kShown) + "…";
    return task.function + "(" + argument + ")";
}

/// Drops the SIGPIPE that a write to a dead worker raised in this thread, where it is blocked.
void consume_sigpipe() {
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    const timespec zero{};
    while (sigtimedwait(&pipe_only, nullptr, &zero) == SIGPIPE) {
    }
}

// ---------------------------------------------------------------------------------------------
// One worker process, seen from the pool

struct Running {
    std::uint64_t id = 0;
    exec::Future future;
    std::string description;   // "primes.lpf(1125899906842597)"
    std::uint64_t cancel_epoch = 0;
};

struct Worker {
    enum class State {
        starting,   // spawned, no hello yet
        idle,
        busy,       // running `running`
        stopping,   // stdin closed for shutdown; reading until EOF
        exited,     // pipes closed; waiting for waitpid
    };

    pid_t pid = -1;
    std::string name;   // "pid 12345"
    State state = State::starting;
    Fd to_child;        // its stdin
    Fd from_child;      // its stdout
    msg::Decoder decoder;
    std::string outbox;         // bytes for its stdin; those before outbox_sent are written
    std::size_t outbox_sent = 0;
    std::optional<Running> running;
    std::string death_reason;   // set when the pool killed it for a reason of its own
    double deadline_s = 0;      // stopping / exited: SIGKILL after this
    bool ready = false;         // said hello
    bool asked_to_stop = false; // its stdin was closed for shutdown
    bool killed = false;        // the pool sent it SIGKILL

    void drop_outbox() {
        outbox.clear();
        outbox_sent = 0;
    }
    bool live() const { return state == State::starting || state == State::idle || state == State::busy; }
};

/// Starts `executable worker` with pipes on its stdin and stdout; stderr is inherited.
std::unique_ptr<Worker> spawn_worker(const std::string& executable) {
    auto [child_stdin, to_child] = make_pipe();
    auto [from_child, child_stdout] = make_pipe();
    set_nonblocking(to_child.get());     // our ends only: each end of a pipe is its own open file
    set_nonblocking(from_child.get());

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, child_stdin.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, child_stdout.get(), STDOUT_FILENO);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Our pipes are close-on-exec already; this also keeps out descriptors that other code in this
    // process opened without O_CLOEXEC (a worker must not hold a listening socket or another pipe open).
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif

    // A fresh signal state: nothing blocked, SIGPIPE at its default (the I/O thread blocks it).
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::string arg0 = "conclab", arg1 = "worker";
    char* argv[] = {arg0.data(), arg1.data(), nullptr};
    pid_t pid = -1;
    const int error = posix_spawn(&pid, executable.c_str(), &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (error != 0)
        throw std::runtime_error("cannot start a worker process from '" + executable + "': " + errno_text(error));

    auto worker = std::make_unique<Worker>();
    worker->pid = pid;
    worker->name = "pid " + std::to_string(pid);
    worker->to_child = std::move(to_child);
    worker->from_child = std::move(from_child);
    return worker;   // the child's ends close here, in this process
}

// ---------------------------------------------------------------------------------------------
// The pool

constexpr double kStartupTimeoutS = 30;
constexpr double kExitGraceS = 5;        // a worker asked to exit gets this long before SIGKILL
constexpr double kReapPollS = 0.005;     // how often an exiting worker is checked with waitpid
constexpr double kSpawnRetryS = 1;       // after a failed start

class ProcessPool final : public exec::Executor {
public:
    explicit ProcessPool(int workers) : workers_(workers) {
        if (workers < exec::kMinWorkers || workers > exec::kMaxWorkers)
            throw std::invalid_argument("workers must be 1..64, got " + std::to_string(workers));
        executable_ = worker_executable();
        auto [wake_read, wake_write] = make_pipe();
        set_nonblocking(wake_read.get());
        set_nonblocking(wake_write.get());
        wake_read_ = std::move(wake_read);
        wake_write_ = std::move(wake_write);

        try {
            for (int i = 0; i < workers; ++i) pool_.push_back(spawn_worker(executable_));
            io_thread_ = std::thread([this] { io_loop(); });
        } catch (...) {
            for (auto& w : pool_) {
                kill(w->pid, SIGKILL);
                waitpid(w->pid, nullptr, 0);
            }
            throw;
        }

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
    struct Pending {
        exec::Task task;
        exec::Future future;
    };

    void wake() {
        const char byte = 1;
        // Non-blocking: a full pipe already means "wake up". The read end lives as long as the pool,
        // so this write can't raise SIGPIPE.
        while (::write(wake_write_.get(), &byte, 1) < 0 && errno == EINTR) {
        }
    }

    // ---- everything below runs on the I/O thread, which alone touches pool_ ----

    void io_loop() {
        try {
            serve_workers();
        } catch (const std::exception& e) {
            fail_everything(std::string("the process pool's I/O thread failed: ") + e.what());
        }
    }

    void serve_workers() {
        sigset_t pipe_only;
        sigemptyset(&pipe_only);
        sigaddset(&pipe_only, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe_only, nullptr);   // a write to a dead worker returns EPIPE here

        std::vector<pollfd> fds;
        std::vector<Worker*> owners;   // fds[i] belongs to owners[i] (nullptr: the wake pipe)
        for (;;) {
            bool closing, queue_empty;
            std::uint64_t epoch;
            {
                std::lock_guard lock(mutex_);
                closing = closed_;
                queue_empty = queue_.empty();
                epoch = cancel_epoch_;
            }
            kill_cancelled(epoch);
            dispatch();
            replace_dead_workers(closing);
            if (closing) {
                std::lock_guard lock(mutex_);
                queue_empty = queue_.empty();
            }
            if (closing && queue_empty) stop_idle_workers();
            reap();
            if (closing && queue_empty && pool_.empty()) break;

            fds.clear();
            owners.clear();
            fds.push_back({wake_read_.get(), POLLIN, 0});
            owners.push_back(nullptr);
            double timeout_s = -1;
            const double now = now_s();
            for (auto& w : pool_) {
                if (w->state == Worker::State::exited) {
                    timeout_s = timeout_s < 0 ? kReapPollS : std::min(timeout_s, kReapPollS);
                    continue;
                }
                if (w->from_child) {
                    fds.push_back({w->from_child.get(), POLLIN, 0});
                    owners.push_back(w.get());
                }
                if (w->to_child && w->outbox_sent < w->outbox.size()) {
                    fds.push_back({w->to_child.get(), POLLOUT, 0});
                    owners.push_back(w.get());
                }
                if (w->state == Worker::State::stopping) {
                    const double left = std::max(0.0, w->deadline_s - now);
                    timeout_s = timeout_s < 0 ? left : std::min(timeout_s, left);
                }
            }
            if (spawn_retry_at_s_ > 0) {
                const double left = std::max(0.0, spawn_retry_at_s_ - now);
                timeout_s = timeout_s < 0 ? left : std::min(timeout_s, left);
            }
            const int timeout_ms = timeout_s < 0 ? -1 : static_cast<int>(timeout_s * 1000) + 1;
            const int ready = ::poll(fds.data(), fds.size(), timeout_ms);
            if (ready < 0) {
                if (errno == EINTR) continue;
                fail_everything("poll: " + errno_text(errno));
                break;
            }
            for (std::size_t i = 0; i < fds.size(); ++i) {
                if (fds[i].revents == 0) continue;
                Worker* w = owners[i];
                if (!w) {
                    drain_wake_pipe();
                } else if (fds[i].events & POLLIN) {
                    if (w->from_child.get() == fds[i].fd) read_from(*w);   // not killed meanwhile
                } else {
                    if (w->to_child.get() == fds[i].fd) flush(*w);
                }
            }
        }
    }

    void drain_wake_pipe() {
        char buffer[256];
        while (::read(wake_read_.get(), buffer, sizeof buffer) > 0) {
        }
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
                if (!next.future.set_running(w->name, now_s())) continue;   // cancelled while queued
                const std::uint64_t id = ++task_ids_;
                try {
                    w->outbox += msg::encode(msg::TaskRequest{id, next.task.function, next.task.argument});
                } catch (const msg::ProtocolError& e) {   // an argument too large to send
                    next.future.set_error(e.what(), now_s());
                    continue;
                }
                w->running = Running{id, next.future, describe_task(next.task), epoch};
                w->state = Worker::State::busy;
                flush(*w);
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
            while (live < static_cast<std::size_t>(workers_)) {
                pool_.push_back(spawn_worker(executable_));
                ++live;
            }
        } catch (const std::exception& e) {
            spawn_retry_at_s_ = now_s() + kSpawnRetryS;
            if (live == 0) fail_pending(std::string("no worker process is running: ") + e.what());
        }
    }

    /// Shutdown with nothing left to do: close each idle worker's stdin so that it exits.
    void stop_idle_workers() {
        for (auto& w : pool_) {
            if (w->state != Worker::State::idle && w->state != Worker::State::starting) continue;
            w->to_child.reset();
            w->drop_outbox();
            w->asked_to_stop = true;
            w->state = Worker::State::stopping;
            w->deadline_s = now_s() + kExitGraceS;
        }
    }

    void read_from(Worker& w) {
        char buffer[64 * 1024];
        for (;;) {
            const ssize_t n = ::read(w.from_child.get(), buffer, sizeof buffer);
            if (n < 0) {
                if (errno == EINTR) continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK) return;
                worker_gone(w);
                return;
            }
            if (n == 0) {
                worker_gone(w);
                return;
            }
            w.decoder.feed(buffer, static_cast<std::size_t>(n));
            try {
                while (auto message = w.decoder.next()) {
                    handle(w, *message);
                    if (w.state == Worker::State::exited) return;
                }
            } catch (const msg::ProtocolError& e) {
                kill_worker(w, std::string("sent a malformed message: ") + e.what());
                return;
            }
        }
    }

    void handle(Worker& w, const msg::Message& message) {
        if (w.state == Worker::State::stopping) return;   // shutting down: nothing more is expected
        if (std::holds_alternative<msg::Hello>(message)) {
            if (w.state != Worker::State::starting) return kill_worker(w, "said hello twice");
            w.state = Worker::State::idle;
            w.ready = true;
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
        if (result)
            w.running->future.set_result(result->value, now_s());
        else
            w.running->future.set_error(error->message, now_s());
        w.running.reset();
        w.state = Worker::State::idle;
    }

    void flush(Worker& w) {
        while (w.to_child && w.outbox_sent < w.outbox.size()) {
            const ssize_t n = ::write(w.to_child.get(), w.outbox.data() + w.outbox_sent, w.outbox.size() - w.outbox_sent);
            if (n >= 0) {
                w.outbox_sent += static_cast<std::size_t>(n);
                if (w.outbox_sent == w.outbox.size()) w.drop_outbox();
                continue;
            }
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            if (errno == EPIPE) consume_sigpipe();
            // Its stdin is gone: the worker is dying. EOF on its stdout says when.
            w.to_child.reset();
            w.drop_outbox();
        }
    }

    /// EOF (or a read error) on a worker's stdout: it exited or is exiting. Replaced once it is reaped
    /// or at once, whichever comes first; the task it ran fails when waitpid tells how it died.
    void worker_gone(Worker& w) {
        w.to_child.reset();
        w.from_child.reset();
        w.drop_outbox();
        if (w.state != Worker::State::stopping) w.deadline_s = now_s() + kExitGraceS;
        w.state = Worker::State::exited;
    }

    /// SIGKILLs a worker; `reason` (if any) is what its running task fails with, and during startup
    /// the reason the pool could not start.
    void kill_worker(Worker& w, const std::string& reason) {
        if (!reason.empty()) w.death_reason = reason;
        if (!w.killed) kill(w.pid, SIGKILL);
        w.killed = true;
        w.to_child.reset();
        w.from_child.reset();
        w.drop_outbox();
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
            int status = 0;
            const pid_t got = waitpid(w.pid, &status, WNOHANG);
            if (got == 0 || (got < 0 && errno == EINTR)) {
                if (now_s() > w.deadline_s && !w.killed) {   // it ignored EOF on stdin for too long
                    kill(w.pid, SIGKILL);
                    w.killed = true;
                }
                ++it;
                continue;
            }
            const std::string how = got == w.pid ? describe_status(status) : "its exit status was collected elsewhere";
            std::string what = w.death_reason.empty() ? "worker " + w.name + " died (" + how + ")"
                                                      : "worker " + w.name + " " + w.death_reason;
            const bool start_failed = !w.ready && !w.asked_to_stop;
            if (w.running) {
                w.running->future.set_error(what + " while running " + w.running->description, now_s());
                w.running.reset();
            }
            it = pool_.erase(it);
            if (start_failed)
                start_failure(what + " before it was ready: is '" + executable_ + "' the conclab executable?");
        }
    }

    /// A worker died before its hello: during startup the pool can't start; later, replacements wait
    /// a little before the next try, and with no worker left the queue fails.
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

    /// The I/O thread can't go on: fail all work, kill and reap every worker.
    void fail_everything(const std::string& message) {
        {
            std::lock_guard lock(mutex_);
            broken_ = message;   // first, so that no task queued from now on waits forever
            if (startup_error_.empty()) startup_error_ = message;
            started_.notify_all();
        }
        fail_pending(message);
        for (auto& w : pool_) {
            if (!w->killed) kill(w->pid, SIGKILL);
            waitpid(w->pid, nullptr, 0);
            if (w->running) w->running->future.set_error(message, now_s());
        }
        pool_.clear();
    }

    const int workers_;
    std::string executable_;
    Fd wake_read_, wake_write_;

    std::mutex mutex_;   // guards the members up to io_thread_
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

    // Owned by the I/O thread (and by the constructor before it starts).
    std::vector<std::unique_ptr<Worker>> pool_;
    std::uint64_t task_ids_ = 0;
    double spawn_retry_at_s_ = 0;
};

}  // namespace

void set_worker_executable(std::string path) {
    std::lock_guard lock(g_executable_mutex);
    g_executable = std::move(path);
}

std::string worker_executable() {
    std::string self = self_executable();
    if (!self.empty() && is_conclab(self)) return "/proc/self/exe";
    if (const char* env = std::getenv("CONCLAB_WORKER_EXE"); env && *env) return env;
    {
        std::lock_guard lock(g_executable_mutex);
        if (!g_executable.empty()) return g_executable;
    }
    throw std::runtime_error("no executable for worker processes: this program is not conclab; set "
                             "CONCLAB_WORKER_EXE to the path of conclab");
}

std::unique_ptr<exec::Executor> make_process_pool(int workers) { return std::make_unique<ProcessPool>(workers); }

}  // namespace conclab::platform
