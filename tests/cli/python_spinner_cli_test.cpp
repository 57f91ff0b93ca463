// `conclab spinner --runtime python`: the talk's spinner programs (python/spinner.py: threading, multiprocessing,
// asyncio) run by the machine's CPython, their frames relayed and counted into the same figures as the C++ spinner's
// — frames while the call ran, counted not timed; the blocked coroutine's freeze; --json with "runtime"; the missing
// interpreter; and no interpreter nor spinner process left after Ctrl+C or after conclab itself is killed.
#include "cli_run.h"
#include "process_groups.h"
#include "wait_until.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <regex>
#include <string>
#include <sys/wait.h>

namespace {

using conclab::test::run_conclab;

std::size_t frames_in(const std::string& out) {
    static const std::regex frame(R"(\r[\\|/-] thinking!)");
    return static_cast<std::size_t>(std::distance(std::sregex_iterator(out.begin(), out.end(), frame), std::sregex_iterator()));
}

nlohmann::json only_form(const std::string& out) {
    const auto doc = nlohmann::json::parse(out);
    EXPECT_EQ(doc["demo"], "spinner");
    EXPECT_EQ(doc["forms"].size(), 1u) << doc;
    return doc["forms"][0];
}

}  // namespace

TEST(PythonSpinnerCli, EveryKindSpinsWhileTheCallAwaitsAndAnswers) {
    for (const std::string kind : {"thread", "process", "coroutine"}) {
        const auto o = run_conclab("spinner --runtime python --kind " + kind + " --seconds 0.8 --number 91 --json");
        ASSERT_EQ(o.status, 0) << kind << ": " << o.err;
        const auto doc = nlohmann::json::parse(o.out);   // no frame drawn into the document
        EXPECT_EQ(doc["runtime"]["name"], "CPython") << doc;
        EXPECT_EQ(doc["runtime"]["gil"], true) << doc;
        EXPECT_EQ(doc["runtime"].contains("start_method"), kind == "process") << doc;
        const auto form = only_form(o.out);
        EXPECT_EQ(form["kind"], kind);
        EXPECT_EQ(form["answer"], "7") << form;
        // Counted, not timed: the spinner turned while the call slept (a frame inside the call's start and end).
        EXPECT_GE(form["frames_in_call"].get<int>(), 1) << kind << ": " << form;
        EXPECT_GE(form["frames"].get<int>(), form["frames_in_call"].get<int>()) << form;
        EXPECT_GT(form["switch_interval_s"].get<double>(), 0.0) << form;
    }
}

TEST(PythonSpinnerCli, ABlockingCallFreezesTheAsyncioSpinner) {
    const auto o = run_conclab("spinner --runtime python --kind coroutine --block --seconds 0.8 --number 91 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto form = only_form(o.out);
    EXPECT_EQ(form["form"], "blocked_coroutine");
    EXPECT_EQ(form["frames"], 0) << "time.sleep held the loop's one thread: the spinner task never ran: " << form;
    EXPECT_GT(form["frozen_s"].get<double>(), 0.0) << "a 0.8 s sleep is a gap past the 0.5 s freeze rule: " << form;
    // time.sleep(0.8) sleeps at least 0.8 s (a lower bound, not a speed): with no frame, the whole call is one gap.
    EXPECT_GT(form["longest_gap_in_call_s"].get<double>(), 0.5) << form;
    EXPECT_EQ(form["answer"], "7");
}

// The text form draws CPython's frames as their lines arrive and counts the same ones in its summary.
TEST(PythonSpinnerCli, TheTextDrawsCPythonsFramesAndNamesTheGil) {
    const auto o = run_conclab("spinner --runtime python --kind thread --seconds 0.8 --number 1000003");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.out.find("Answer: lpf(1000003) = 1000003\n"), std::string::npos) << o.out;
    static const std::regex summary(R"(spinner \(thread, CPython 3\.\d+\): (\d+) frames \((\d+) while the call ran\))");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(o.out, m, summary)) << o.out;
    EXPECT_EQ(std::stoull(m[1].str()), frames_in(o.out)) << o.out;
    EXPECT_GE(std::stoull(m[2].str()), 1u) << o.out;
    EXPECT_NE(o.out.find("the GIL: "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("CPython CPU times (getrusage self + children)"), std::string::npos) << o.out;
}

// The C++ spinner's JSON: the same document with runtime C++ (the process form's child draws nothing into it).
TEST(PythonSpinnerCli, TheCppSpinnerPrintsTheSameJson) {
    for (const std::string kind : {"thread", "process", "coroutine"}) {
        const auto o = run_conclab("spinner --kind " + kind + " --seconds 0.5 --number 91 --json");
        ASSERT_EQ(o.status, 0) << kind << ": " << o.err;
        ASSERT_EQ(frames_in(o.out), 0u) << kind << ": " << o.out;
        const auto doc = nlohmann::json::parse(o.out);
        EXPECT_EQ(doc["runtime"]["name"], "C++") << doc;
        const auto form = only_form(o.out);
        EXPECT_EQ(form["answer"], "7") << form;
        EXPECT_GE(form["frames"].get<int>(), 1) << form;
        EXPECT_EQ(form.contains("frames_in_call"), kind != "process") << "the C++ child does not know when the call ran";
    }
}

TEST(PythonSpinnerCli, NoInterpreterIsAUsageError) {
    conclab::test::expect_usage_error("spinner --runtime python --python /nonexistent/python3", "/nonexistent/python3");
    const auto no_path = run_conclab("spinner --runtime python", "env PATH=/nonexistent");
    EXPECT_EQ(no_path.status, 2) << no_path.err;
    EXPECT_NE(no_path.err.find("error: no Python interpreter: 'python3' is not on PATH"), std::string::npos) << no_path.err;
    conclab::test::expect_usage_error("spinner --python python3", "--runtime python");
    conclab::test::expect_usage_error("spinner --runtime ruby", "cpp|python");
}

namespace {

// Starts a CPython spinner whose call sleeps a minute, waits until its `members` Python processes live in the
// interpreter's group (with the process kind: the interpreter and its spinner process), sends `signal` to conclab;
// every member of the group must be gone.
void expect_no_orphan(const std::string& kind, int members, int signal, int expected_exit) {
    const pid_t conclab = conclab::test::start_conclab(
        {"spinner", "--runtime", "python", "--kind", kind, "--seconds", "60", "--number", "91"});
    conclab::test::expect_group_gone_after(conclab, members, "spinner.py", signal, expected_exit);
}

}  // namespace

TEST(PythonSpinnerCli, CtrlCLeavesNoInterpreterNorSpinnerProcess) { expect_no_orphan("process", 2, SIGINT, 130); }

TEST(PythonSpinnerCli, KillingConclabLeavesNoInterpreterNorSpinnerProcess) {
    expect_no_orphan("process", 2, SIGKILL, -1);
    expect_no_orphan("thread", 1, SIGKILL, -1);
}
