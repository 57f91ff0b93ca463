// python/spinner.py's lines as SpinnerLog reads them: frames counted in and out of the call whatever order they came
// in (a spinner process's lines and the interpreter's interleave), result/end passed on as primes.py's, the rest
// refused — from made-up lines with made-up times, no interpreter.
#include "core/spinner/python_spinner.h"

#include <gtest/gtest.h>

#include <variant>

using namespace conclab;

TEST(PythonSpinner, FramesInAndOutOfTheCallMakeTheSameFigures) {
    std::vector<std::uint64_t> drawn;
    spinner::SpinnerLog log([&](std::uint64_t i) { drawn.push_back(i); });
    const auto note = [&](const std::string& line) {
        EXPECT_TRUE(std::holds_alternative<exec::ScriptNote>(log.read_line(line))) << line;
    };
    EXPECT_TRUE(std::holds_alternative<exec::ScriptStarted>(
        log.read_line(R"({"event":"hello","python":"3.11.2","gil":true,"switch_interval_s":0.005,"start_method":null})")));
    EXPECT_FALSE(log.gaps()) << "no stop line yet";
    note(R"({"event":"spin","t":10.0})");
    note(R"({"event":"frame","i":0,"t":10.0})");
    note(R"({"event":"call","phase":"start","t":10.05})");
    note(R"({"event":"frame","i":2,"t":10.3})");   // out of order: sorted by time
    note(R"({"event":"frame","i":1,"t":10.1})");
    note(R"({"event":"call","phase":"end","t":11.0})");
    note(R"({"event":"frame","i":3,"t":11.05})");
    note(R"({"event":"stop","t":11.1})");
    EXPECT_EQ(drawn, (std::vector<std::uint64_t>{0, 1, 2, 3}));
    const auto gaps = log.gaps();
    ASSERT_TRUE(gaps);
    EXPECT_EQ(gaps->frames(), 4u);
    EXPECT_EQ(gaps->frames_in_call(), 2u);
    EXPECT_NEAR(gaps->longest_gap_s(), 0.75, 1e-9);   // 10.3 to 11.05
    EXPECT_NEAR(gaps->frozen_s(), 0.65, 1e-9);        // past the 0.5 s rule, less one period
    EXPECT_NEAR(log.longest_gap_in_call_s(), 0.7, 1e-9);   // the last frame in the call (10.3) to its end (11.0)
    EXPECT_DOUBLE_EQ(log.switch_interval_s(), 0.005);

    const auto result = log.read_line(
        R"({"event":"result","i":0,"n":"91","lpf":"7","worker":"main","started":10.0,"finished":11.1})");
    ASSERT_TRUE(std::holds_alternative<exec::ScriptResult>(result));
    EXPECT_EQ(std::get<exec::ScriptResult>(result).value, "7");
    EXPECT_TRUE(std::holds_alternative<exec::ScriptEnded>(log.read_line(
        R"({"event":"end","wall_s":1.1,"rusage":{"self":{"user_s":0.1,"sys_s":0},"children":{"user_s":0,"sys_s":0}}})")));
    EXPECT_TRUE(std::holds_alternative<exec::ScriptBadLine>(log.read_line(R"({"event":"frame"})")));
    EXPECT_TRUE(std::holds_alternative<exec::ScriptBadLine>(log.read_line(R"({"event":"dance","t":1})")));
    EXPECT_TRUE(std::holds_alternative<exec::ScriptBadLine>(log.read_line("thinking!")));
}

TEST(PythonSpinner, TheJobNamesTheScriptKindAndBlock) {
    spinner::SpinnerOptions o;
    o.kind = spinner::SpinnerKind::coroutine;
    o.block = true;
    const auto job = spinner::python_spinner_job(o, std::make_shared<spinner::SpinnerLog>());
    EXPECT_EQ(job.script, "spinner.py");
    EXPECT_EQ(job.arguments, (std::vector<std::string>{"--stdin", "--kind", "coroutine", "--block"}));
}

TEST(PythonSpinner, OptionsTakeTheRuntimeAndItsInterpreter) {
    options::FieldErrors errors;
    auto o = spinner::parse_spinner_options({{"runtime", "python"}, {"python", "/usr/bin/python3"}}, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(o.runtime, primes::Runtime::python);
    EXPECT_EQ(o.python, "/usr/bin/python3");
    o = spinner::parse_spinner_options({{"python", "python3"}}, errors);
    EXPECT_EQ(errors.count("python"), 1u) << "--python goes with --runtime python";
    errors.clear();
    spinner::parse_spinner_options({{"runtime", "ruby"}}, errors);
    EXPECT_EQ(errors.count("runtime"), 1u);
}
