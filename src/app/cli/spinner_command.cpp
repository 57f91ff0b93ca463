// `conclab spinner`: the spinner as a thread, a process (fork; the child draws, the parent computes) or a
// coroutine on core/aio's loop. The spinner's frames go to stdout; the summary follows the answer.
#include "app/cli/spinner_command.h"

#include "app/cli/demo_flags.h"
#include "app/cli/interrupt.h"
#include "app/cli/trace_flag.h"
#include "core/spinner/spinner.h"
#include "core/spinner/spinner_trace.h"
#include "platform/trace_machine.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

namespace conclab::cli {
namespace {

using spinner::FrameGaps;
using spinner::SpinnerKind;
using spinner::SpinnerOptions;

double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Frames go through one lock, so that Ctrl+C can end them: after `stopped` no frame is drawn, and the line is
// erased once. The process kind's drawing child is killed first (it writes on its own).
struct Screen {
    std::mutex mutex;
    bool stopped = false;
    pid_t drawing_child = 0;
};
Screen screen;

void draw(const std::string& text) {
    std::lock_guard lock(screen.mutex);
    if (screen.stopped) return;
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
}

// Ctrl+C or SIGTERM (on InterruptWatch's thread): nothing finished, so nothing to report — the spinner's line
// erased, a newline, exit 130. `\r- thinking!` was left on the terminal before.
[[noreturn]] void interrupted() {
    std::lock_guard lock(screen.mutex);
    screen.stopped = true;
    if (screen.drawing_child > 0) {
        kill(screen.drawing_child, SIGKILL);
        waitpid(screen.drawing_child, nullptr, 0);
    }
    std::fputs((spinner::spinner_erase() + "\n").c_str(), stdout);
    std::fflush(stdout);
    std::_Exit(kInterrupted);   // the slow call may be blocking any thread: no unwinding
}

// spinner_proc: a child process draws (with write(2) only) and polls a pipe for "done"; it reports its
// frame count and gaps back through a second pipe when it stops.
std::uint64_t with_process(const SpinnerOptions& o, FrameGaps& gaps) {
    int done_pipe[2], report_pipe[2];
    if (pipe(done_pipe) != 0 || pipe(report_pipe) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    // The child of a threaded program may only make async-signal-safe calls: no allocation after fork.
    const std::string frames[4] = {spinner::spinner_frame(0), spinner::spinner_frame(1),
                                   spinner::spinner_frame(2), spinner::spinner_frame(3)};
    const auto erase = spinner::spinner_erase();
    std::fflush(stdout);
    std::unique_lock screen_lock(screen.mutex);   // an interrupt waits until the child's pid is known
    const pid_t child = fork();
    if (child < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (child == 0) {
        close(done_pipe[1]);
        close(report_pipe[0]);
        FrameGaps mine(now_s());
        pollfd fd{done_pipe[0], POLLIN, 0};
        for (std::uint64_t i = 0;; ++i) {
            const std::string& frame = frames[i % 4];
            [[maybe_unused]] auto written = write(STDOUT_FILENO, frame.data(), frame.size());
            mine.frame(now_s());
            if (poll(&fd, 1, static_cast<int>(spinner::kSpinnerPeriodS * 1000)) != 0) break;
        }
        mine.finish(now_s());
        [[maybe_unused]] auto erased = write(STDOUT_FILENO, erase.data(), erase.size());
        const double report[3] = {static_cast<double>(mine.frames()), mine.longest_gap_s(), mine.frozen_s()};
        [[maybe_unused]] auto reported = write(report_pipe[1], report, sizeof report);
        _exit(0);
    }
    screen.drawing_child = child;
    screen_lock.unlock();
    close(done_pipe[0]);
    close(report_pipe[1]);
    const double call_start_s = now_s();
    const auto answer = spinner::slow_call(o.seconds, o.number);
    const double call_end_s = now_s();
    close(done_pipe[1]);   // the child's poll sees the end of the pipe
    double report[3] = {0, 0, 0};
    const auto got = read(report_pipe[0], report, sizeof report);
    close(report_pipe[0]);
    int status = 0;
    {
        std::lock_guard lock(screen.mutex);
        waitpid(child, &status, 0);
        screen.drawing_child = 0;
    }
    if (got != static_cast<ssize_t>(sizeof report)) throw std::runtime_error("the spinner process sent no report");
    gaps = FrameGaps::from_totals(static_cast<std::uint64_t>(report[0]), report[1], report[2]);
    gaps.set_span(call_start_s, call_end_s);
    return answer;
}

struct SpinnerArgs {
    options::Params params;
    std::string trace;
};

int run_spinner(const SpinnerArgs& args) {
    options::FieldErrors errors;
    const auto o = spinner::parse_spinner_options(args.params, errors);
    if (!errors.empty()) throw UsageError(options::first_error(errors, spinner::spinner_option_specs()));
    TraceFile trace(args.trace);
    InterruptWatch interrupt(false);   // before any thread starts; the line is erased first, nothing to announce
    interrupt.on_interrupt(interrupted);
    FrameGaps gaps;
    std::uint64_t answer = 0;
    switch (o.kind) {
    case SpinnerKind::thread: answer = spinner::run_thread_spinner(o, draw, gaps); break;
    case SpinnerKind::process: answer = with_process(o, gaps); break;
    case SpinnerKind::coroutine: answer = spinner::run_coroutine_spinner(o, draw, gaps); break;
    }
    interrupt.stop();
    std::printf("Answer: lpf(%llu) = %llu\n", static_cast<unsigned long long>(o.number),
                static_cast<unsigned long long>(answer));
    char in_call[64] = "";   // the process form's child draws on its own: it does not know when the call ran
    if (o.kind != SpinnerKind::process)
        std::snprintf(in_call, sizeof in_call, " (%llu while the call ran)", static_cast<unsigned long long>(gaps.frames_in_call()));
    std::printf("spinner (%s%s): %llu frames%s, longest gap %.2f s\n", std::string(spinner::to_string(o.kind)).c_str(),
                o.block ? ", blocking call" : "", static_cast<unsigned long long>(gaps.frames()), in_call, gaps.longest_gap_s());
    if (gaps.froze())
        std::printf("frozen for %.2f s: the slow call blocked the one thread that runs the spinner\n", gaps.frozen_s());
    else
        std::printf("it never froze\n");
    std::string label(spinner::to_string(o.kind));
    if (o.block && o.kind == SpinnerKind::coroutine) label = "blocked_coroutine";
    trace.write(spinner::to_trace({{label, gaps}}, o, platform::trace_machine()));
    return 0;
}

}  // namespace

Command add_spinner_command(CLI::App& app) {
    auto* sub = app.add_subcommand("spinner", "A spinner while a slow call runs: thread, process or coroutine (--block freezes the coroutine's); the app's --demo spinner shows the four");
    auto args = std::make_shared<SpinnerArgs>();
    add_option_flags(*sub, spinner::spinner_option_specs(), args->params);
    add_trace_flag(*sub, args->trace);
    return {sub, [args] { return run_spinner(*args); }};
}

}  // namespace conclab::cli
