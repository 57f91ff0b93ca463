// `conclab worker`: one process of a ProcessPool. It says hello, then runs every task message that
// arrives on stdin and answers each with one result or error message on stdout, until stdin closes.
#include "platform/native/worker_loop.h"

#include "core/exec/message.h"
#include "core/exec/task.h"
#include "platform/native/posix_io.h"
#include "platform/native/worker_handle.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace conclab::platform {
namespace {

namespace msg = exec::message;

std::uint64_t micros(const timeval& tv) {
    return static_cast<std::uint64_t>(tv.tv_sec) * 1000000u + static_cast<std::uint64_t>(tv.tv_usec);
}

rusage self_usage() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage;
}

/// Runs one task; the reply is a result with the CPU time it took, or an error with what it threw.
msg::Message serve(const msg::TaskRequest& request) {
    const rusage before = self_usage();
    try {
        exec::TaskContext context;   // no stop flag: the pool stops a worker process by killing it
        std::string value = exec::run_task({request.function, request.argument}, context);
        const rusage after = self_usage();
        return msg::Result{request.id, std::move(value), micros(after.ru_utime) - micros(before.ru_utime),
                           micros(after.ru_stime) - micros(before.ru_stime)};
    } catch (const std::exception& e) {
        return msg::Error{request.id, e.what()};
    } catch (...) {
        return msg::Error{request.id, "the task threw something that is not a std::exception"};
    }
}

void complain(const std::string& what) { std::fprintf(stderr, "conclab worker %d: %s\n", static_cast<int>(getpid()), what.c_str()); }

}  // namespace

int run_worker_loop() {
    if (!die_with_parent()) return 1;   // the pool that started us is gone already
    // The protocol gets a private copy of stdout; fd 1 then points at stderr, so that anything a task
    // prints (printf, std::cout) can't corrupt the message stream.
    const int out = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (out < 0) {
        complain(std::string("no stdout to answer on: ") + std::strerror(errno));
        return 1;
    }
    std::fflush(stdout);
    if (dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
        const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            close(null);
        }
    }

    if (!write_all(out, msg::encode(msg::Hello{static_cast<std::int64_t>(getpid())}))) return 1;

    msg::Decoder decoder;
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            complain(std::string("reading stdin: ") + std::strerror(errno));
            return 1;
        }
        if (n == 0) {   // the pool closed our stdin: shutdown
            if (decoder.buffered() > 0) {
                complain("stdin closed in the middle of a message");
                return 1;
            }
            return 0;
        }
        decoder.feed(buffer, static_cast<std::size_t>(n));
        try {
            while (auto message = decoder.next()) {
                const auto* request = std::get_if<msg::TaskRequest>(&*message);
                if (!request) {
                    complain("expected a task message, got " + std::string(msg::kind_name(*message)));
                    return 1;
                }
                msg::Message reply = serve(*request);
                std::string bytes;
                try {
                    bytes = msg::encode(reply);
                } catch (const msg::ProtocolError& e) {   // a value too large to send back
                    bytes = msg::encode(msg::Error{request->id, std::string("the result can't be sent: ") + e.what()});
                }
                if (!write_all(out, bytes)) return 1;   // the pool is gone
            }
        } catch (const msg::ProtocolError& e) {
            complain(e.what());
            return 1;
        }
    }
}

}  // namespace conclab::platform
