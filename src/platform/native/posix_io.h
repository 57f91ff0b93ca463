// Native only: the small POSIX pieces the process pool, its workers and the interpreter runner share — an owned
// file descriptor, close-on-exec pipes, non-blocking reads and writes that retry EINTR, errno as text, one way to
// start a child (posix_spawn, no shell) and to read its short answer before a deadline.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conclab::platform {

/// @brief strerror(error), thread-safe.
std::string errno_text(int error);

/// @brief An owned file descriptor, closed when it goes.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    void reset();

private:
    int fd_ = -1;
};

/// @brief A close-on-exec pipe {read end, write end}, both ends ≥ 3, so that a dup2 onto 0 or 1 in a
/// child never finds source and target equal (which would keep FD_CLOEXEC set on the child's stdin).
/// Throws std::runtime_error.
std::pair<Fd, Fd> make_pipe();

/// @brief Sets O_NONBLOCK; throws std::runtime_error.
void set_nonblocking(int fd);

/// @brief What one non-blocking read or write did.
struct IoResult {
    enum class Kind { done, would_block, end, failed } kind;
    std::size_t bytes = 0;   ///< done: how many
    int error = 0;           ///< failed: errno
};

/// @brief One read(2), retried on EINTR; `end` at EOF.
IoResult read_some(int fd, void* buffer, std::size_t size);

/// @brief One write(2), retried on EINTR. A write to a pipe nobody reads fails with EPIPE; the SIGPIPE
/// it raises is consumed here when the calling thread blocks SIGPIPE (see block_sigpipe_in_this_thread).
IoResult write_some(int fd, std::string_view bytes);

/// @brief Writes everything, blocking; false on an error (the reader is gone).
bool write_all(int fd, std::string_view bytes);

/// @brief Reads and drops whatever a non-blocking descriptor holds now (a wake-up pipe).
void drain(int fd);

/// @brief Blocks SIGPIPE in the calling thread, so that a write to a dead reader returns EPIPE there.
void block_sigpipe_in_this_thread();

/// @brief A child to start: stdin/stdout/stderr given as descriptors to dup2 (kDevNull: /dev/null; stderr may be
/// kInherit), only 0-2 inherited, nothing blocked, SIGPIPE (and `default_signals`) at their defaults — the parent's
/// I/O threads block SIGPIPE, a shell's Ctrl+C must reach an interpreter — optionally leading a process group of its
/// own so that killpg reaches its children too.
struct SpawnRequest {
    static constexpr int kDevNull = -1;
    static constexpr int kInherit = -2;
    std::string executable;                 ///< the file run (no PATH search)
    std::vector<std::string> argv;          ///< argv[0] included
    std::vector<std::string> environment;   ///< the whole environment, NAME=value each
    int stdin_fd = kDevNull;
    int stdout_fd = kDevNull;
    int stderr_fd = kInherit;
    bool own_process_group = false;
    std::vector<int> default_signals;       ///< reset to their defaults besides SIGPIPE
};

/// @brief posix_spawn of `request`: the pid, or the posix_spawn error as -errno.
pid_t spawn_process(const SpawnRequest& request);

/// @brief This process's environment without any `name`, plus name=value (a child told who its parent is).
std::vector<std::string> environment_with(std::string_view name, const std::string& value);

/// @brief What a short-lived child printed on `fd` until it closed it, `limit` passed or `max_bytes` came.
std::string read_until(int fd, std::chrono::milliseconds limit, std::size_t max_bytes);

}  // namespace conclab::platform
