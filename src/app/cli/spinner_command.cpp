// `conclab spinner`: the spinner as a thread, a process (fork; the child draws, the parent computes) or a
// coroutine on core/aio's loop — or, with --runtime python, the talk's own spinner programs run by the machine's CPython
// (python/spinner.py: its frames relayed here as they come). The spinner's frames go to stdout; the summary follows the
// answer; --json prints one document instead.
#include "app/cli/spinner_command.h"

#include "app/cli/demo_flags.h"
#include "app/cli/interrupt.h"
#include "app/cli/trace_flag.h"
#include "core/spinner/python_spinner.h"
#include "core/spinner/spinner.h"
#include "core/spinner/spinner_trace.h"
#include "platform/platform.h"
#include "platform/trace_machine.h"

#include <nlohmann/json.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
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
    exec::Executor* interpreter = nullptr;   // --runtime python: its process group is killed on Ctrl+C
    bool quiet = false;                      // --json: no frames on stdout
};
Screen screen;

void draw(const std::string& text) {
    std::lock_guard lock(screen.mutex);
    if (screen.stopped || screen.quiet) return;
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
    if (screen.interpreter) screen.interpreter->cancel_all();   // kills the interpreter's group, spinner process too
    if (!screen.quiet) std::fputs((spinner::spinner_erase() + "\n").c_str(), stdout);
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
    const bool drawn = !screen.quiet;   // --json: the child keeps time but writes no frame into the document
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
            if (drawn) {
                [[maybe_unused]] auto written = write(STDOUT_FILENO, frame.data(), frame.size());
            }
            mine.frame(now_s());
            if (poll(&fd, 1, static_cast<int>(spinner::kSpinnerPeriodS * 1000)) != 0) break;
        }
        mine.finish(now_s());
        if (drawn) {
            [[maybe_unused]] auto erased = write(STDOUT_FILENO, erase.data(), erase.size());
        }
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
    bool json = false;
};

struct PythonRun {
    exec::RuntimeInfo runtime;
    std::uint64_t answer = 0;
    FrameGaps gaps;
    double switch_interval_s = 0;
    double longest_gap_in_call_s = 0;
};

// The talk's spinner program on CPython: one task (the slow call) for python/spinner.py, its frames drawn here as their
// lines arrive. The interpreter's group dies on Ctrl+C (interrupted()) and with this process (the script's own watch).
PythonRun with_python(const SpinnerOptions& o) {
    PythonRun run;
    try {
        run.runtime = platform::probe_python(o.python);
        platform::python_script("spinner.py");
    } catch (const platform::PythonUnavailable& e) {
        throw UsageError(e.what());
    }
    auto log = std::make_shared<spinner::SpinnerLog>([](std::uint64_t index) { draw(spinner::spinner_frame(index)); });
    auto executor = platform::make_script_executor(exec::ExecutorKind::sequential, 1, run.runtime,
                                                   spinner::python_spinner_job(o, log));
    {
        std::lock_guard lock(screen.mutex);
        screen.interpreter = executor.get();
    }
    auto future = executor->submit(exec::Task{std::string(spinner::kSlowCallTask), spinner::slow_call_argument(o.seconds, o.number)});
    executor->end_of_submissions();
    std::string value;
    try {
        value = future.result();
    } catch (const std::exception& e) {
        std::lock_guard lock(screen.mutex);
        screen.interpreter = nullptr;
        throw std::runtime_error(std::string("CPython's spinner failed: ") + e.what());
    }
    executor->shutdown(true, false);   // the end line (getrusage) comes after the result, then the interpreter exits
    {
        std::lock_guard lock(screen.mutex);
        screen.interpreter = nullptr;
    }
    const auto facts = executor->runtime_facts();
    run.runtime.start_method = facts.start_method;
    run.runtime.cpu = facts.cpu;
    run.answer = std::stoull(value);
    const auto gaps = log->gaps();
    if (!gaps) throw std::runtime_error("CPython's spinner never said it stopped");
    run.gaps = *gaps;
    run.switch_interval_s = log->switch_interval_s();
    run.longest_gap_in_call_s = log->longest_gap_in_call_s();
    draw(spinner::spinner_erase());
    return run;
}

int run_spinner(const SpinnerArgs& args) {
    options::FieldErrors errors;
    const auto o = spinner::parse_spinner_options(args.params, errors);
    if (!errors.empty()) throw UsageError(options::first_error(errors, spinner::spinner_option_specs()));
    const bool python = o.runtime == primes::Runtime::python;
    screen.quiet = args.json;
    TraceFile trace(args.trace);
    InterruptWatch interrupt(false);   // before any thread starts; the line is erased first, nothing to announce
    interrupt.on_interrupt(interrupted);
    FrameGaps gaps;
    std::uint64_t answer = 0;
    exec::RuntimeInfo runtime;
    std::optional<PythonRun> cpython;
    if (python) {
        cpython = with_python(o);
        answer = cpython->answer;
        gaps = cpython->gaps;
        runtime = cpython->runtime;
    } else {
        switch (o.kind) {
        case SpinnerKind::thread: answer = spinner::run_thread_spinner(o, draw, gaps); break;
        case SpinnerKind::process: answer = with_process(o, gaps); break;
        case SpinnerKind::coroutine: answer = spinner::run_coroutine_spinner(o, draw, gaps); break;
        }
    }
    interrupt.stop();
    std::string label(spinner::to_string(o.kind));
    if (o.block && o.kind == SpinnerKind::coroutine) label = "blocked_coroutine";
    // The C++ process form's child draws on its own: it does not know when the call ran. CPython's frames carry times.
    const bool knows_in_call = python || o.kind != SpinnerKind::process;
    if (args.json) {
        nlohmann::json form{{"form", label},
                            {"kind", std::string(spinner::to_string(o.kind))},
                            {"block", o.block},
                            {"answer", std::to_string(answer)},
                            {"frames", gaps.frames()},
                            {"longest_gap_s", gaps.longest_gap_s()},
                            {"frozen_s", gaps.frozen_s()}};
        if (knows_in_call) form["frames_in_call"] = gaps.frames_in_call();
        if (cpython) {
            form["longest_gap_in_call_s"] = cpython->longest_gap_in_call_s;
            form["switch_interval_s"] = cpython->switch_interval_s;
        }
        const nlohmann::json doc{{"demo", "spinner"},
                                 {"runtime", exec::to_json(runtime)},
                                 {"seconds", o.seconds},
                                 {"number", std::to_string(o.number)},
                                 {"period_s", spinner::kSpinnerPeriodS},
                                 {"forms", nlohmann::json::array({form})}};
        std::cout << doc.dump() << "\n" << std::flush;
    } else {
        std::printf("Answer: lpf(%llu) = %llu\n", static_cast<unsigned long long>(o.number),
                    static_cast<unsigned long long>(answer));
        char in_call[64] = "";
        if (knows_in_call)
            std::snprintf(in_call, sizeof in_call, " (%llu while the call ran)", static_cast<unsigned long long>(gaps.frames_in_call()));
        std::string who;
        if (cpython) who.append(", ").append(exec::short_label(runtime));
        std::printf("spinner (%s%s%s): %llu frames%s, longest gap %.2f s\n", std::string(spinner::to_string(o.kind)).c_str(),
                    o.block ? ", blocking call" : "", who.c_str(), static_cast<unsigned long long>(gaps.frames()), in_call,
                    gaps.longest_gap_s());
        if (gaps.froze())
            std::printf("frozen for %.2f s: the slow call blocked the one thread that runs the spinner\n", gaps.frozen_s());
        else
            std::printf("it never froze\n");
        if (cpython && o.kind == SpinnerKind::thread && runtime.gil)
            std::printf("the GIL: while lpf computed, the spinner thread waited for the lock the computing thread holds "
                        "(asked to drop it every %.0f ms): longest gap during the call %.3f s for a %.1f s period\n",
                        cpython->switch_interval_s * 1000, cpython->longest_gap_in_call_s, spinner::kSpinnerPeriodS);
        if (cpython && runtime.cpu)
            std::printf("CPython CPU times (getrusage self + children): user %.3f s, sys %.3f s\n", runtime.cpu->user_s,
                        runtime.cpu->sys_s);
    }
    trace.write(spinner::to_trace({{label, gaps}}, o, platform::trace_machine()));
    return 0;
}

}  // namespace

Command add_spinner_command(CLI::App& app) {
    auto* sub = app.add_subcommand("spinner", "A spinner while a slow call runs: thread, process or coroutine (--block freezes the coroutine's), in C++ or the machine's CPython (--runtime python); the app's --demo spinner shows the four");
    auto args = std::make_shared<SpinnerArgs>();
    add_option_flags(*sub, spinner::spinner_option_specs(), args->params);
    sub->add_flag("--json", args->json, "Print one JSON document (no frames drawn)");
    add_trace_flag(*sub, args->trace);
    return {sub, [args] { return run_spinner(*args); }};
}

}  // namespace conclab::cli
