// `conclab spinner`: the `\r| thinking!` frames, the answer, and the freeze: counted in frames drawn while the
// slow call (a 0.8 s sleep) ran, not timed. Only the coroutine kind freezes, and only with --block.
#include "cli_run.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

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
}

TEST(SpinnerCli, BadInputExitsWithUsageError) {
    conclab::test::expect_usage_error("spinner --kind fiber", "thread|process|coroutine");
    conclab::test::expect_usage_error("spinner --seconds 0", "seconds");
    conclab::test::expect_usage_error("spinner --number 1", "number");
}
