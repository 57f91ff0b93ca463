// Native only: the machine's CPython as a runtime (platform.h) — finding and asking the interpreter, finding the
// project's python/ scripts beside the executable, and an Executor that runs a demo's script job in a process group
// of its own and turns its lines into futures (the job reads them; no demo is known here).
#include "platform/platform.h"

#include "core/exec/interpreter.h"

#include "platform/native/posix_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace conclab::platform {
namespace {

constexpr const char* kHowToGetOne = "install it (Debian/Ubuntu: sudo apt install python3) or give --python PATH";

bool is_executable_file(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string resolve_interpreter(const std::string& requested) {
    const std::string name = requested.empty() ? "python3" : requested;
    if (name.find('/') != std::string::npos) {
        if (!is_executable_file(name))
            throw PythonUnavailable("no Python interpreter at --python " + name + ": it is not an executable file; " +
                                    kHowToGetOne);
        return name;
    }
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "";
    while (!dirs.empty()) {
        const auto colon = dirs.find(':');
        std::string dir(dirs.substr(0, colon));
        dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
        if (is_executable_file(candidate)) return candidate;
    }
    throw PythonUnavailable("no Python interpreter: '" + name + "' is not on PATH; " + kHowToGetOne);
}

struct Spawned {
    pid_t pid = -1;
    Fd in, out, err;   // our ends; `in` empty when the child reads /dev/null
};

// posix_spawn, no shell: argv as given, stdin/stdout/stderr pipes (or /dev/null), SIGINT at its default, its own
// process group (so that killpg reaches its children too), this pid in CONCLAB_PARENT_PID.
Spawned spawn_interpreter(const std::vector<std::string>& args, bool with_stdin, bool with_stderr) {
    auto out_pipe = make_pipe();
    std::pair<Fd, Fd> in_pipe, err_pipe;
    if (with_stdin) in_pipe = make_pipe();
    if (with_stderr) err_pipe = make_pipe();
    SpawnRequest request;
    request.executable = args[0];
    request.argv = args;
    request.environment = environment_with("CONCLAB_PARENT_PID", std::to_string(getpid()));
    request.stdin_fd = with_stdin ? in_pipe.first.get() : SpawnRequest::kDevNull;
    request.stdout_fd = out_pipe.second.get();
    request.stderr_fd = with_stderr ? err_pipe.second.get() : SpawnRequest::kDevNull;
    request.own_process_group = true;
    request.default_signals = {SIGINT};
    const pid_t pid = spawn_process(request);
    if (pid < 0) throw PythonUnavailable("cannot start " + args[0] + ": " + errno_text(-pid) + "; " + kHowToGetOne);
    Spawned s;
    s.pid = pid;
    s.out = std::move(out_pipe.first);
    if (with_stdin) s.in = std::move(in_pipe.second);
    if (with_stderr) s.err = std::move(err_pipe.first);
    return s;   // the child's ends close here
}

void reap(pid_t pid) {
    while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
}

std::string self_folder() {
    char path[4096];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) return {};
    return folder_of(std::string(path, static_cast<std::size_t>(n)));
}

}  // namespace

exec::RuntimeInfo probe_python(const std::string& requested) {
    exec::RuntimeInfo info;
    info.executable = resolve_interpreter(requested);
    Spawned child = spawn_interpreter({info.executable, "-c", std::string(exec::probe_code())}, false, false);
    const std::string answer = read_until(child.out.get(), std::chrono::seconds(10), 4096);
    killpg(child.pid, SIGKILL);   // answered or not, it has had its chance
    reap(child.pid);
    if (!exec::parse_probe_answer(answer, info))
        throw PythonUnavailable(info.executable + " did not answer as a Python interpreter; " + kHowToGetOne);
    if (auto problem = exec::version_problem(info); !problem.empty())
        throw PythonUnavailable(problem + " (" + info.executable + "); install python3 (Debian/Ubuntu: sudo apt install "
                                "python3) or give --python PATH");
    const std::string folder = folder_of(info.executable);
    const std::string own_name = info.executable.substr(info.executable.rfind('/') + 1);
    if (DIR* dir = opendir(folder.c_str())) {
        while (dirent* entry = readdir(dir)) {
            const std::string name = entry->d_name;
            if (name != own_name && exec::is_free_threaded_name(name) && is_executable_file(folder + "/" + name))
                info.free_threaded_beside.push_back(folder + "/" + name);
        }
        closedir(dir);
    }
    std::sort(info.free_threaded_beside.begin(), info.free_threaded_beside.end());
    return info;
}

std::string python_script(const std::string& file_name) {
    std::vector<std::string> places;
    if (const char* dir = std::getenv("CONCLAB_PYTHON_DIR"); dir && *dir) places.push_back(dir);
    if (const std::string self = self_folder(); !self.empty()) {
        places.push_back(self + "/python");
        places.push_back(self + "/../python");
    }
    std::string looked;
    for (const auto& place : places) {
        const std::string path = place + "/" + file_name;
        if (access(path.c_str(), R_OK) == 0) return path;
        looked += (looked.empty() ? "" : ", ") + place;
    }
    throw PythonUnavailable("python/" + file_name + " is not beside this program (looked in " + looked +
                            "): CMake copies python/ next to conclab; or set CONCLAB_PYTHON_DIR");
}

namespace {

std::chrono::steady_clock::time_point from_monotonic(double seconds) {
    // Python's time.monotonic() and std::chrono::steady_clock are both CLOCK_MONOTONIC on Linux.
    return std::chrono::steady_clock::time_point(
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds)));
}

class ScriptExecutor final : public exec::Executor {
public:
    ScriptExecutor(exec::ExecutorKind kind, int workers, const exec::RuntimeInfo& interpreter, exec::ScriptJob job)
        : kind_(kind), workers_(kind == exec::ExecutorKind::sequential ? 1 : workers), read_line_(std::move(job.read_line)) {
        std::vector<std::string> args{interpreter.executable, python_script(job.script)};
        args.insert(args.end(), job.arguments.begin(), job.arguments.end());
        child_ = spawn_interpreter(args, true, true);
    }

    ~ScriptExecutor() override { shutdown(true, true); }

    exec::ExecutorKind kind() const override { return kind_; }
    int workers() const override { return workers_; }

    exec::Future submit(exec::Task task) override {
        std::lock_guard lock(mutex_);
        exec::Future future(exec::make_future_state(futures_.size()));
        if (started_ || closed_) {
            future.set_error("submitted after the interpreter got its list", now_s());
            return future;
        }
        futures_.push_back(future);
        input_ += task.argument + "\n";
        return future;
    }

    void end_of_submissions() override {
        std::lock_guard lock(mutex_);
        if (started_) return;
        started_ = true;
        input_ += "go\n";
        io_ = std::thread([this] { io_loop(); });
    }

    void cancel_all() override {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        kill_group_locked();
        for (auto& f : futures_)
            if (!f.cancel() && !f.done()) f.set_error("cancelled while running", now_s());
    }

    void shutdown(bool wait, bool cancel_futures) override {
        if (cancel_futures) cancel_all();
        {
            std::lock_guard lock(mutex_);
            if (!started_) {   // never told to go: nothing to wait for
                started_ = true;
                kill_group_locked();
                io_ = std::thread([this] { io_loop(); });
            }
        }
        if (!wait) return;
        std::unique_lock lock(mutex_);
        done_changed_.wait(lock, [this] { return io_done_; });
        lock.unlock();
        if (io_.joinable()) io_.join();
        std::lock_guard again(mutex_);
        child_.in.reset();   // the script stops when its stdin closes; it has exited by now anyway
    }

    // The interpreter has exited and been reaped: only then do its CPU times count in this process's children.
    bool all_workers_started() const override {
        std::lock_guard lock(mutex_);
        return io_done_ || !started_;
    }

    exec::RuntimeFacts runtime_facts() const override {
        std::lock_guard lock(mutex_);
        return facts_;
    }

private:
    void kill_group_locked() {
        if (child_.pid > 0 && !reaped_) killpg(child_.pid, SIGKILL);
    }

    void io_loop() {
        block_sigpipe_in_this_thread();
        std::string input;
        int in_fd = -1, out_fd = -1, err_fd = -1;
        {
            std::lock_guard lock(mutex_);
            input = input_;
            in_fd = child_.in.get();
            out_fd = child_.out.get();
            err_fd = child_.err.get();
        }
        write_all(in_fd, input);   // the script reads until "go"; a dead one gives EPIPE, and EOF below says so
        std::string out_buffer, err_tail;
        bool out_open = true, err_open = true;
        while (out_open || err_open) {
            pollfd fds[2] = {{out_open ? out_fd : -1, POLLIN, 0}, {err_open ? err_fd : -1, POLLIN, 0}};
            if (poll(fds, 2, -1) < 0) {
                if (errno == EINTR) continue;
                break;
            }
            char buffer[16 * 1024];
            if (out_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
                const IoResult r = read_some(out_fd, buffer, sizeof buffer);
                if (r.kind == IoResult::Kind::done) {
                    out_buffer.append(buffer, r.bytes);
                    for (auto eol = out_buffer.find('\n'); eol != std::string::npos; eol = out_buffer.find('\n')) {
                        on_line(std::string_view(out_buffer).substr(0, eol));
                        out_buffer.erase(0, eol + 1);
                    }
                } else {
                    out_open = false;
                }
            }
            if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
                const IoResult r = read_some(err_fd, buffer, sizeof buffer);
                if (r.kind == IoResult::Kind::done) {
                    err_tail.append(buffer, r.bytes);
                    if (err_tail.size() > 4096) err_tail.erase(0, err_tail.size() - 4096);
                } else {
                    err_open = false;
                }
            }
        }
        int status = 0;
        while (waitpid(child_.pid, &status, 0) < 0 && errno == EINTR) {
        }
        std::lock_guard lock(mutex_);
        reaped_ = true;
        std::string why = protocol_error_;
        if (why.empty()) {
            while (!err_tail.empty() && (err_tail.back() == '\n' || err_tail.back() == '\r')) err_tail.pop_back();
            const auto last_line = err_tail.rfind('\n');
            why = "the interpreter ended (" + std::string(WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                                                                 : "exit status " + std::to_string(WEXITSTATUS(status))) +
                  ") before this result" +
                  (err_tail.empty() ? "" : ": " + err_tail.substr(last_line == std::string::npos ? 0 : last_line + 1));
        }
        for (auto& f : futures_) {
            if (f.done()) continue;
            if (cancelled_) {
                if (!f.cancel()) f.set_error("cancelled while running", now_s());
            } else {
                f.set_error(why, now_s());
            }
        }
        io_done_ = true;
        done_changed_.notify_all();
    }

    void on_line(std::string_view line) {
        const exec::ScriptEvent event = read_line_(line);
        if (std::holds_alternative<exec::ScriptNote>(event)) return;
        std::lock_guard lock(mutex_);
        if (const auto* started = std::get_if<exec::ScriptStarted>(&event)) {
            facts_.start_method = started->start_method;
        } else if (const auto* result = std::get_if<exec::ScriptResult>(&event)) {
            if (result->index >= futures_.size()) return protocol_failure_locked("a result for a task never sent");
            auto& future = futures_[result->index];
            if (future.done()) return;
            if (future.set_running(result->worker, to_s(from_monotonic(result->started))))
                future.set_result(result->value, to_s(from_monotonic(result->finished)));
        } else if (const auto* ended = std::get_if<exec::ScriptEnded>(&event)) {
            facts_.cpu = ended->cpu;
        } else {
            protocol_failure_locked(std::get<exec::ScriptBadLine>(event).why);
        }
    }

    void protocol_failure_locked(std::string why) {
        if (protocol_error_.empty()) protocol_error_ = std::move(why);
        kill_group_locked();
    }

    const exec::ExecutorKind kind_;
    const int workers_;
    const std::function<exec::ScriptEvent(std::string_view)> read_line_;
    mutable std::mutex mutex_;
    std::condition_variable done_changed_;
    Spawned child_;
    std::vector<exec::Future> futures_;
    std::string input_;
    std::string protocol_error_;
    exec::RuntimeFacts facts_;
    std::thread io_;
    bool started_ = false, closed_ = false, cancelled_ = false, io_done_ = false, reaped_ = false;
};

}  // namespace

std::unique_ptr<exec::Executor> make_script_executor(exec::ExecutorKind kind, int workers,
                                                     const exec::RuntimeInfo& interpreter, exec::ScriptJob job) {
    return std::make_unique<ScriptExecutor>(kind, workers, interpreter, std::move(job));
}

}  // namespace conclab::platform
