// Native only: owned file descriptors and whole reads and writes shared by the process pool and its workers
// (posix_io.h).
#include "platform/native/posix_io.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace conclab::platform {

std::string errno_text(int error) {
    char buffer[256];
    return strerror_r(error, buffer, sizeof buffer);   // the GNU variant: returns the text
}

Fd& Fd::operator=(Fd&& other) noexcept {
    if (this != &other) {
        reset();
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

void Fd::reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

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

namespace {
IoResult from_errno(int error) {
    if (error == EAGAIN || error == EWOULDBLOCK) return {IoResult::Kind::would_block};
    return {IoResult::Kind::failed, 0, error};
}

/// Drops the SIGPIPE that a write to a dead reader raised in this thread, where it is blocked.
void consume_sigpipe() {
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    const timespec zero{};
    while (sigtimedwait(&pipe_only, nullptr, &zero) == SIGPIPE) {
    }
}
}  // namespace

IoResult read_some(int fd, void* buffer, std::size_t size) {
    for (;;) {
        const ssize_t n = ::read(fd, buffer, size);
        if (n > 0) return {IoResult::Kind::done, static_cast<std::size_t>(n)};
        if (n == 0) return {IoResult::Kind::end};
        if (errno != EINTR) return from_errno(errno);
    }
}

IoResult write_some(int fd, std::string_view bytes) {
    for (;;) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n >= 0) return {IoResult::Kind::done, static_cast<std::size_t>(n)};
        if (errno == EINTR) continue;
        const int error = errno;
        if (error == EPIPE) consume_sigpipe();
        return from_errno(error);
    }
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const IoResult r = write_some(fd, bytes);
        if (r.kind != IoResult::Kind::done) return false;
        bytes.remove_prefix(r.bytes);
    }
    return true;
}

void drain(int fd) {
    char buffer[256];
    while (read_some(fd, buffer, sizeof buffer).kind == IoResult::Kind::done) {
    }
}

void block_sigpipe_in_this_thread() {
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, nullptr);
}

pid_t spawn_process(const SpawnRequest& request) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const auto stream = [&](int fd, int target, int flags) {
        if (fd >= 0) posix_spawn_file_actions_adddup2(&actions, fd, target);
        else if (fd == SpawnRequest::kDevNull) posix_spawn_file_actions_addopen(&actions, target, "/dev/null", flags, 0);
    };
    stream(request.stdin_fd, STDIN_FILENO, O_RDONLY);
    stream(request.stdout_fd, STDOUT_FILENO, O_WRONLY);
    stream(request.stderr_fd, STDERR_FILENO, O_WRONLY);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Our pipes are close-on-exec already; this also keeps out descriptors that other code in this
    // process opened without O_CLOEXEC (a child must not hold a listening socket or another pipe open).
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    for (int signal : request.default_signals) sigaddset(&defaults, signal);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if (request.own_process_group) {
        posix_spawnattr_setpgroup(&attributes, 0);
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    posix_spawnattr_setflags(&attributes, flags);

    std::vector<std::string> argv_strings = request.argv, env_strings = request.environment;
    std::vector<char*> argv, envp;
    for (auto& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    const int error = posix_spawn(&pid, request.executable.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return error != 0 ? -error : pid;
}

std::vector<std::string> environment_with(std::string_view name, const std::string& value) {
    std::vector<std::string> out;
    const std::string prefix = std::string(name) + "=";
    for (char** e = environ; *e; ++e)
        if (std::string_view(*e).substr(0, prefix.size()) != prefix) out.emplace_back(*e);
    out.push_back(prefix + value);
    return out;
}

std::string read_until(int fd, std::chrono::milliseconds limit, std::size_t max_bytes) {
    std::string text;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        pollfd ready{fd, POLLIN, 0};
        if (left <= 0 || poll(&ready, 1, static_cast<int>(left)) <= 0) break;
        char buffer[512];
        const IoResult r = read_some(fd, buffer, sizeof buffer);
        if (r.kind != IoResult::Kind::done || text.size() > max_bytes) break;
        text.append(buffer, r.bytes);
    }
    return text;
}

}  // namespace conclab::platform
