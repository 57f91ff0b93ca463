// Native only: owned file descriptors and whole reads and writes shared by the process pool and its workers
// (posix_io.h).
#include "platform/native/posix_io.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

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

}  // namespace conclab::platform
