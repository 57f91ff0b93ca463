// Native only: one `conclab worker` child as the pool sees it, started, fed and stopped (worker_handle.h).
#include "platform/native/worker_handle.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace conclab::platform {
namespace {

constexpr std::string_view kParentPidVariable = "CONCLAB_WORKER_PARENT_PID";

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

// Starts `executable <subcommand>` as conclab with the given stdin/stdout (-1: /dev/null), stderr inherited or
// /dev/null, and the given environment. Returns the pid, or the posix_spawn error as -errno.
struct ChildStreams {
    int stdin_fd = SpawnRequest::kDevNull;
    int stdout_fd = SpawnRequest::kDevNull;
    bool quiet_stderr = false;
};

pid_t spawn_conclab(const std::string& executable, const char* subcommand, const ChildStreams& streams,
                    std::vector<std::string> environment) {
    SpawnRequest request;
    request.executable = executable;
    request.argv = {"conclab", subcommand};
    request.environment = std::move(environment);
    request.stdin_fd = streams.stdin_fd;
    request.stdout_fd = streams.stdout_fd;
    request.stderr_fd = streams.quiet_stderr ? SpawnRequest::kDevNull : SpawnRequest::kInherit;
    return spawn_process(request);
}

// A program renamed from conclab (`cp conclab conclab-1.0`) is still conclab: it answers `noop` as conclab does.
// Started as `/proc/self/exe noop` with CONCLAB_NOOP_ANSWER=<nonce> in its environment, conclab prints
// "conclab noop <nonce>" and exits 0; anything else within 5 s is not conclab. Never asked from inside such a
// probe: a program that is not conclab, started again, must not start itself once more.
constexpr const char* kNoopAnswerVariable = "CONCLAB_NOOP_ANSWER";

bool answers_conclab_noop(const std::string& path) {
    if (std::getenv(kNoopAnswerVariable)) return false;
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) return false;
    const std::string nonce = std::to_string(getpid()) + "-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    const pid_t pid = spawn_conclab(path, "noop", {.stdout_fd = out[1], .quiet_stderr = true},
                                    environment_with(kNoopAnswerVariable, nonce));
    close(out[1]);
    if (pid < 0) {
        close(out[0]);
        return false;
    }
    const std::string answer = read_until(out[0], std::chrono::seconds(5), 1024);
    close(out[0]);
    kill(pid, SIGKILL);   // done or not: it has had its chance
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return answer == "conclab noop " + nonce + "\n";
}

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
    static std::once_flag asked;
    static bool renamed_conclab = false;
    std::call_once(asked, [&] { renamed_conclab = !self.empty() && answers_conclab_noop("/proc/self/exe"); });
    if (renamed_conclab) return "/proc/self/exe";
    throw std::runtime_error("no executable for worker processes: this program is not conclab (it does not answer "
                             "`conclab noop`); set CONCLAB_WORKER_EXE to the path of conclab");
}

std::string describe_exit_status(int status) {
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

bool die_with_parent() {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const char* text = std::getenv(std::string(kParentPidVariable).c_str());
    if (!text) return true;   // started by hand, not by a pool
    pid_t expected = 0;
    const std::string_view view(text);
    auto [ptr, ec] = std::from_chars(view.data(), view.data() + view.size(), expected);
    if (ec != std::errc{} || ptr != view.data() + view.size()) return true;
    return getppid() == expected;   // otherwise the pool died before prctl: we were reparented
}

std::unique_ptr<WorkerProcess> WorkerProcess::spawn(const std::string& executable) {
    auto [child_stdin, to_child] = make_pipe();
    auto [from_child, child_stdout] = make_pipe();
    set_nonblocking(to_child.get());     // our ends only: each end of a pipe is its own open file
    set_nonblocking(from_child.get());

    const pid_t pid = spawn_conclab(executable, "worker", {.stdin_fd = child_stdin.get(), .stdout_fd = child_stdout.get()},
                                    environment_with(kParentPidVariable, std::to_string(getpid())));
    if (pid < 0)
        throw std::runtime_error("cannot start a worker process from '" + executable + "': " + errno_text(-pid));

    std::unique_ptr<WorkerProcess> worker(new WorkerProcess());
    worker->pid_ = pid;
    worker->name_ = "pid " + std::to_string(pid);
    worker->to_child_ = std::move(to_child);
    worker->from_child_ = std::move(from_child);
    return worker;   // the child's ends close here, in this process
}

WorkerProcess::~WorkerProcess() {
    if (reaped_ || pid_ <= 0) return;
    kill();
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
}

void WorkerProcess::send(const std::string& bytes) {
    if (!to_child_) return;
    outbox_ += bytes;
    flush();
}

void WorkerProcess::flush() {
    while (to_child_ && sent_ < outbox_.size()) {
        const IoResult r = write_some(to_child_.get(), std::string_view(outbox_).substr(sent_));
        if (r.kind == IoResult::Kind::would_block) return;
        if (r.kind != IoResult::Kind::done) return close_stdin();
        sent_ += r.bytes;
    }
    outbox_.clear();
    sent_ = 0;
}

bool WorkerProcess::read(const std::function<void(const exec::message::Message&)>& on_message) {
    char buffer[64 * 1024];
    while (from_child_) {
        const IoResult r = read_some(from_child_.get(), buffer, sizeof buffer);
        if (r.kind == IoResult::Kind::would_block) return true;
        if (r.kind != IoResult::Kind::done) return false;
        decoder_.feed(buffer, r.bytes);
        while (from_child_) {
            auto message = decoder_.next();
            if (!message) break;
            on_message(*message);
        }
    }
    return true;
}

void WorkerProcess::close_stdin() {
    to_child_.reset();
    outbox_.clear();
    sent_ = 0;
}

void WorkerProcess::close_pipes() {
    close_stdin();
    from_child_.reset();
}

void WorkerProcess::kill() {
    if (!killed_ && !reaped_) ::kill(pid_, SIGKILL);
    killed_ = true;
}

std::optional<std::string> WorkerProcess::try_reap() {
    if (reaped_) return "its exit status was collected already";
    int status = 0;
    const pid_t got = waitpid(pid_, &status, WNOHANG);
    if (got == 0 || (got < 0 && errno == EINTR)) return std::nullopt;
    reaped_ = true;
    return got == pid_ ? describe_exit_status(status) : "its exit status was collected elsewhere";
}

}  // namespace conclab::platform
