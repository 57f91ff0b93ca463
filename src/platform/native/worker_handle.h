// Native only: one `conclab worker` child process seen from the process pool — which executable it
// is started from, how it is spawned (posix_spawn, never fork from a threaded process), its pipes,
// the messages it sends, and how it is killed and reaped. Also the worker's side of the one promise
// the spawn makes: a worker dies with the pool that started it.
#pragma once

#include "core/exec/message.h"
#include "platform/native/posix_io.h"

#include <sys/types.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace conclab::platform {

/// @brief Sets the conclab executable that worker processes are started from, for programs that
/// are not conclab themselves (the test suites pass the path of the built `conclab`).
void set_worker_executable(std::string path);

/// @brief The executable a worker is started from, with the argument `worker`: this program itself
/// (/proc/self/exe) when it is conclab; otherwise $CONCLAB_WORKER_EXE; otherwise the path given to
/// set_worker_executable(). Throws std::runtime_error when there is none.
std::string worker_executable();

/// @brief "exit status 3", "signal 9, SIGKILL", "signal 11, SIGSEGV, core dumped": a waitpid status.
std::string describe_exit_status(int status);

/// @brief In a worker process, first thing: asks the kernel to SIGKILL this process when the thread
/// that spawned it ends (the pool's I/O thread, which lives as long as the pool), then checks that the
/// parent named by the spawn is still the parent — it may have died before the request. False if it
/// has: the worker must exit at once.
bool die_with_parent();

/// @brief One worker child: pid, stdin/stdout pipes (non-blocking on this side), the bytes waiting
/// for its stdin and the decoder of its stdout. Not thread-safe: one thread owns it.
class WorkerProcess {
public:
    /// @brief Starts `executable worker` with pipes on its stdin and stdout (stderr inherited), nothing
    /// else inherited, a fresh signal state, and this process's pid in its environment. Call it from a
    /// thread that outlives the worker (see die_with_parent). Throws std::runtime_error.
    static std::unique_ptr<WorkerProcess> spawn(const std::string& executable);
    ~WorkerProcess();  // SIGKILLs and reaps a worker that was not reaped yet
    WorkerProcess(const WorkerProcess&) = delete;
    WorkerProcess& operator=(const WorkerProcess&) = delete;

    pid_t pid() const { return pid_; }
    const std::string& name() const { return name_; }    ///< "pid 12345"
    int stdin_fd() const { return to_child_.get(); }     ///< -1 once closed
    int stdout_fd() const { return from_child_.get(); }  ///< -1 once closed
    bool has_output_pending() const { return to_child_ && sent_ < outbox_.size(); }

    /// @brief Queues bytes for its stdin and writes what the pipe takes now.
    void send(const std::string& bytes);
    /// @brief Writes more of the queued bytes. If its stdin is gone, closes our end: the worker is dying,
    /// and EOF on its stdout will say when.
    void flush();
    /// @brief Reads what its stdout holds now and calls on_message for each whole message, stopping
    /// early if on_message closes the pipes. False at EOF or a read error: the worker exited or is
    /// exiting. Throws exec::message::ProtocolError on a malformed stream.
    bool read(const std::function<void(const exec::message::Message&)>& on_message);
    /// @brief Closes its stdin (a worker exits at EOF) and drops unsent bytes.
    void close_stdin();
    /// @brief Closes both pipes.
    void close_pipes();
    /// @brief SIGKILL, once.
    void kill();
    bool killed() const { return killed_; }
    /// @brief waitpid without blocking: the exit status text once it is gone, nullopt while it runs.
    std::optional<std::string> try_reap();

private:
    WorkerProcess() = default;
    pid_t pid_ = -1;
    std::string name_;
    Fd to_child_, from_child_;
    exec::message::Decoder decoder_;
    std::string outbox_;
    std::size_t sent_ = 0;
    bool killed_ = false;
    bool reaped_ = false;
};

}  // namespace conclab::platform
