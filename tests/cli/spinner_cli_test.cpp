// `conclab spinner`: the `\r| thinking!` frames, the answer, and the freeze: counted in frames drawn while the
// slow call (a 0.8 s sleep) ran, not timed. Only the coroutine kind freezes, and only with --block.
#include "cli_run.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

using conclab::test::run_conclab;

std::size_t frames_in(const std::string& out) {
    static const std::regex frame(R"(\r[\\|/-] thinking!)");
    return static_cast<std::size_t>(std::distance(std::sregex_iterator(out.begin(), out.end(), frame), std::sregex_iterator()));
}

/// N from the summary line "spinner (KIND…): N frames, …"; -1 without one.
std::size_t reported_frames(const std::string& out) {
    static const std::regex summary(R"(spinner \([^)]*\): (\d+) frames)");
    std::smatch m;
    if (!std::regex_search(out, m, summary)) return static_cast<std::size_t>(-1);
    return static_cast<std::size_t>(std::stoull(m[1].str()));
}

}  // namespace

TEST(SpinnerCli, EveryKindSpinsWhileTheCallAwaitsAndAnswers) {
    for (const std::string kind : {"thread", "process", "coroutine"}) {
        const auto o = run_conclab("spinner --kind " + kind + " --seconds 0.8 --number 91");
        ASSERT_EQ(o.status, 0) << kind << ": " << o.err;
        EXPECT_NE(o.out.find("Answer: lpf(91) = 7\n"), std::string::npos) << o.out;
        // Counted, not timed: the spinner turned while the call awaited (at least one frame drawn; how many and how
        // evenly depends on the machine's load, so "it never froze", a 0.5 s gap rule, is not asserted).
        EXPECT_GE(frames_in(o.out), 1u) << kind << " drew no frame during the call: " << o.out;
        EXPECT_NE(o.out.find("\r\\ thinking!"), std::string::npos) << "the first frame";
        EXPECT_EQ(reported_frames(o.out), frames_in(o.out)) << kind << ": the summary counts the frames drawn: " << o.out;
    }
}

TEST(SpinnerCli, ABlockingCallFreezesTheCoroutineSpinnerOnly) {
    const auto frozen = run_conclab("spinner --kind coroutine --block --seconds 0.8 --number 91");
    ASSERT_EQ(frozen.status, 0) << frozen.err;
    EXPECT_EQ(frames_in(frozen.out), 0u) << "the loop was blocked: no frame at all: " << frozen.out;
    EXPECT_NE(frozen.out.find("frozen for "), std::string::npos) << frozen.out;
    EXPECT_NE(frozen.out.find("Answer: lpf(91) = 7\n"), std::string::npos) << frozen.out;
    // A thread's spinner has its own thread: a blocking call elsewhere does not stop it.
    const auto thread = run_conclab("spinner --kind thread --block --seconds 0.8 --number 91");
    ASSERT_EQ(thread.status, 0) << thread.err;
    EXPECT_GE(frames_in(thread.out), 1u) << thread.out;
    EXPECT_EQ(reported_frames(thread.out), frames_in(thread.out)) << thread.out;
    EXPECT_EQ(reported_frames(frozen.out), 0u) << frozen.out;
    EXPECT_NE(frozen.out.find("0 frames (0 while the call ran)"), std::string::npos) << frozen.out;
}

TEST(SpinnerCli, BadInputExitsWithUsageError) {
    conclab::test::expect_usage_error("spinner --kind fiber", "thread|process|coroutine");
    conclab::test::expect_usage_error("spinner --seconds 0", "seconds");
    conclab::test::expect_usage_error("spinner --number 1", "number");
}

namespace {

struct Interrupted {
    std::string out;
    int status = -1;
    bool saw_frame = false;
};

// Starts `conclab spinner ARGS`, waits until its output holds a frame (on output, not on time: up to 60 s of
// --seconds), sends one SIGINT, and reads the rest until the program closes stdout.
Interrupted interrupt_spinner(const std::vector<std::string>& args) {
    Interrupted result;
    int out_pipe[2];
    if (pipe(out_pipe) != 0) return result;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
    std::vector<std::string> all{CONCLAB_EXE, "spinner"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, CONCLAB_EXE, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    if (spawned != 0) {
        close(out_pipe[0]);
        return result;
    }
    bool sent = false;
    char buffer[4096];
    for (;;) {
        pollfd fd{out_pipe[0], POLLIN, 0};
        if (poll(&fd, 1, 30'000) <= 0) break;   // a hang: the test fails on the missing ending
        const ssize_t n = read(out_pipe[0], buffer, sizeof buffer);
        if (n <= 0) break;
        result.out.append(buffer, static_cast<std::size_t>(n));
        if (!sent && frames_in(result.out) > 0) {
            result.saw_frame = true;
            kill(pid, SIGINT);
            sent = true;
        }
    }
    close(out_pipe[0]);
    if (!sent) kill(pid, SIGKILL);
    int raw = 0;
    waitpid(pid, &raw, 0);
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -(WIFSIGNALED(raw) ? WTERMSIG(raw) : 0);   // killed: -signal
    return result;
}

}  // namespace

// Ctrl+C while the spinner spins: its line is erased and ended, the status is 130 — `\r- thinking!` was left
// behind with no newline (and the process kind's child kept drawing).
TEST(SpinnerCli, CtrlCErasesTheLineEndsItAndExits130) {
    const std::string erase = "\r" + std::string(std::string("thinking!").size() + 2, ' ') + "\r\n";
    for (const std::string kind : {"thread", "process", "coroutine"}) {
        const Interrupted r = interrupt_spinner({"--kind", kind, "--seconds", "60", "--number", "91"});
        ASSERT_TRUE(r.saw_frame) << kind << ": " << r.out;
        EXPECT_EQ(r.status, 130) << kind << " (an exit, not death by the signal)";
        ASSERT_GE(r.out.size(), erase.size()) << kind;
        EXPECT_EQ(r.out.substr(r.out.size() - erase.size()), erase) << kind << ": " << r.out;
        EXPECT_EQ(r.out.find("Answer:"), std::string::npos) << kind << ": " << r.out;
    }
}

// The desktop app's launch options: --demo spinner, and the exhibition's old --spinner K (now the spinner demo's
// alias) pass them; a bad kind either way is a usage error naming the choices. (No display here: a good launch stops
// at the window, exit 1 "no display", after its options were accepted.)
TEST(SpinnerCli, TheAppTakesTheSpinnerDemoAndTheExhibitionsOldSpinnerFlags) {
    if (conclab::test::run_conclab("--list-demos --json").out.find("\"panels\": null") != std::string::npos)
        GTEST_SKIP() << "this conclab has no GUI";
    for (const std::string args : {"--demo spinner --kind coroutine --block", "--spinner process --spinner-seconds 1",
                                   "--demo exhibition --spinner thread"}) {
        const auto o = run_conclab(args, "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER");
        EXPECT_EQ(o.status, 1) << args << ": " << o.err;
        EXPECT_NE(o.err.find("no display"), std::string::npos) << args << ": " << o.err;
    }
    conclab::test::expect_usage_error("--spinner fiber", "thread|process|coroutine");
    conclab::test::expect_usage_error("--demo spinner --kind fiber", "thread|process|coroutine");
}
