// The CPython runtime's protocol as core reads it: the probe's answer, the version floor, free-threaded names, every
// line python/primes.py prints (and what is not one), the runtime's JSON, and the options that choose it.
#include "core/primes/primes_options.h"
#include "core/primes/primes_run.h"
#include "core/primes/python_protocol.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace conclab;
using namespace conclab::primes;
using namespace conclab::exec;

TEST(PythonProtocol, ProbeAnswerGivesVersionAndGil) {
    RuntimeInfo info;
    ASSERT_TRUE(parse_probe_answer("conclab-probe CPython 3.11.2 0 1\n", info));
    EXPECT_EQ(info.name, "CPython");
    EXPECT_EQ(info.version, "3.11.2");
    EXPECT_TRUE(info.gil);
    EXPECT_FALSE(info.free_threaded_build);
    EXPECT_EQ(short_label(info), "CPython 3.11");
    EXPECT_TRUE(version_problem(info).empty());

    RuntimeInfo free;
    ASSERT_TRUE(parse_probe_answer("conclab-probe CPython 3.13.1 1 0", free));
    EXPECT_FALSE(free.gil);
    EXPECT_TRUE(free.free_threaded_build);
    EXPECT_EQ(short_label(free), "CPython 3.13t");
    RuntimeInfo unbooted;   // no version known: the name alone, not "Pyodide " with a dangling space
    unbooted.name = "Pyodide";
    EXPECT_EQ(short_label(unbooted), "Pyodide");

    for (const char* bad : {"", "Python 3.11.2", "conclab-probe CPython 3.11.2 0", "conclab-probe CPython 3.11.2 2 1",
                            "conclab-probe CPython 3.11.2 x 1", "something else entirely"}) {
        RuntimeInfo none;
        EXPECT_FALSE(parse_probe_answer(bad, none)) << bad;
    }
    EXPECT_NE(probe_code().find("Py_GIL_DISABLED"), std::string_view::npos);
}

TEST(PythonProtocol, TooOldIsSaidWithTheFloor) {
    RuntimeInfo old;
    old.name = "CPython";
    for (const char* version : {"2.7.18", "3.7.9", "3", ""}) {
        old.version = version;
        EXPECT_NE(version_problem(old).find("3.8 or newer"), std::string::npos) << version;
    }
    for (const char* version : {"3.8.0", "3.12.1", "3.14.0rc1", "4.0.0"}) {
        old.version = version;
        EXPECT_TRUE(version_problem(old).empty()) << version;
    }
}

TEST(PythonProtocol, FreeThreadedNamesAsCPythonInstallsThem) {
    for (const char* yes : {"python3.13t", "python3.14t", "python3.20t"}) EXPECT_TRUE(is_free_threaded_name(yes)) << yes;
    for (const char* no : {"python3", "python3.13", "python3t", "python3.13t-config", "python3.t", "python3.1xt", "pythont"})
        EXPECT_FALSE(is_free_threaded_name(no)) << no;
}

TEST(PythonProtocol, EachLineKind) {
    const auto hello = parse_protocol_line(
        R"({"event": "hello", "python": "3.11.2", "gil": true, "executor": "processes", "workers": 2, "start_method": "forkserver", "pid": 7, "checks": 3})");
    ASSERT_TRUE(std::holds_alternative<HelloLine>(hello));
    EXPECT_EQ(std::get<HelloLine>(hello).start_method, "forkserver");

    const auto result = parse_protocol_line(
        R"({"event": "result", "i": 2, "n": "18446744073709551557", "lpf": "18446744073709551557", "worker": "pid 9", "started": 10.5, "finished": 12.25})");
    ASSERT_TRUE(std::holds_alternative<ResultLine>(result));
    const auto& r = std::get<ResultLine>(result);
    EXPECT_EQ(r.index, 2u);
    EXPECT_EQ(r.n, 18446744073709551557ull);   // 64-bit, carried as a string: no double rounding
    EXPECT_EQ(r.lpf, 18446744073709551557ull);
    EXPECT_EQ(r.worker, "pid 9");
    EXPECT_DOUBLE_EQ(r.finished - r.started, 1.75);

    const auto end = parse_protocol_line(
        R"({"event": "end", "wall_s": 1.5, "rusage": {"self": {"user_s": 0.25, "sys_s": 0.5}, "children": {"user_s": 2.0, "sys_s": 0.125}}})");
    ASSERT_TRUE(std::holds_alternative<EndLine>(end));
    EXPECT_DOUBLE_EQ(std::get<EndLine>(end).total().user_s, 2.25);
    EXPECT_DOUBLE_EQ(std::get<EndLine>(end).total().sys_s, 0.625);
}

TEST(PythonProtocol, AnythingElseIsABadLine) {
    for (const char* bad : {"", "Traceback (most recent call last):", "[1, 2]", R"({"event": 3})", R"({"event": "bye"})",
                            R"({"event": "result", "i": 0, "n": 15, "lpf": "3", "worker": "main", "started": 1, "finished": 2})",
                            R"({"event": "result", "i": 0, "n": "15", "lpf": "3.0", "worker": "main", "started": 1, "finished": 2})",
                            R"({"event": "result", "i": 0, "n": "18446744073709551616", "lpf": "2", "worker": "main", "started": 1, "finished": 2})",
                            R"({"event": "result", "i": -1, "n": "15", "lpf": "3", "worker": "main", "started": 1, "finished": 2})",
                            R"({"event": "end", "wall_s": 1})"})
        EXPECT_TRUE(std::holds_alternative<BadLine>(parse_protocol_line(bad))) << bad;
}

// The platform's script executor knows no demo: primes' job names its script and arguments, and reads its lines
// into the executor's events (a result's value is the lpf, still exact at 64 bits).
TEST(PythonProtocol, TheJobTellsTheScriptItsExecutorAndReadsItsLines) {
    const ScriptJob job = python_job(ExecutorKind::processes, 3);
    EXPECT_EQ(job.script, "primes.py");
    EXPECT_EQ(job.arguments, (std::vector<std::string>{"--stdin", "--executor", "processes", "--workers", "3"}));
    EXPECT_EQ(python_job(ExecutorKind::sequential, 3).arguments.back(), "1");
    EXPECT_THROW(python_job(ExecutorKind::gil, 2), std::invalid_argument);

    const auto started = job.read_line(R"({"event": "hello", "python": "3.11.2", "gil": true, "start_method": "fork"})");
    ASSERT_TRUE(std::holds_alternative<ScriptStarted>(started));
    EXPECT_EQ(std::get<ScriptStarted>(started).start_method, "fork");
    const auto result = job.read_line(
        R"({"event": "result", "i": 1, "n": "18446744073709551615", "lpf": "3", "worker": "pid 9", "started": 1.5, "finished": 2})");
    ASSERT_TRUE(std::holds_alternative<ScriptResult>(result));
    EXPECT_EQ(std::get<ScriptResult>(result).index, 1u);
    EXPECT_EQ(std::get<ScriptResult>(result).value, "3");
    EXPECT_EQ(std::get<ScriptResult>(result).worker, "pid 9");
    const auto ended = job.read_line(
        R"({"event": "end", "wall_s": 1, "rusage": {"self": {"user_s": 0.5, "sys_s": 0}, "children": {"user_s": 1, "sys_s": 0.25}}})");
    ASSERT_TRUE(std::holds_alternative<ScriptEnded>(ended));
    EXPECT_DOUBLE_EQ(std::get<ScriptEnded>(ended).cpu.user_s, 1.5);
    const auto bad = job.read_line("Traceback (most recent call last):");
    ASSERT_TRUE(std::holds_alternative<ScriptBadLine>(bad));
    EXPECT_NE(std::get<ScriptBadLine>(bad).why.find("not the protocol"), std::string::npos);
}

TEST(PythonProtocol, RuntimeJsonKeepsEveryKeyAndNamesCpp) {
    EXPECT_EQ(to_json(RuntimeInfo{}), nlohmann::json({{"name", "C++"}}));
    RuntimeInfo py;
    ASSERT_TRUE(parse_probe_answer("conclab-probe CPython 3.11.2 0 1", py));
    py.executable = "/usr/bin/python3";
    py.free_threaded_beside = {"/usr/bin/python3.13t"};
    py.start_method = "fork";
    const auto j = to_json(py);
    EXPECT_EQ(j["name"], "CPython");
    EXPECT_EQ(j["version"], "3.11.2");
    EXPECT_EQ(j["gil"], true);
    EXPECT_EQ(j["executable"], "/usr/bin/python3");
    EXPECT_EQ(j["free_threaded_beside"][0], "/usr/bin/python3.13t");
    EXPECT_EQ(j["start_method"], "fork");

    PrimesReport report;   // every run's JSON names its runtime, C++ included
    EXPECT_EQ(to_json(report)["runtime"]["name"], "C++");
}

TEST(PythonProtocol, RuntimeOptions) {
    options::FieldErrors errors;
    auto o = parse_primes_options({{"runtime", "python"}, {"python", "/opt/py/bin/python3.13t"}, {"numbers", "15"}}, 2, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(o.runtime, Runtime::python);
    EXPECT_EQ(o.python, "/opt/py/bin/python3.13t");
    EXPECT_EQ(parse_primes_options({{"numbers", "15"}}, 2, errors).runtime, Runtime::cpp);

    errors.clear();
    parse_primes_options({{"runtime", "pypy"}}, 2, errors);
    EXPECT_EQ(options::english(errors.at("runtime")), "unknown runtime 'pypy': use cpp|python");
    errors.clear();
    parse_primes_options({{"runtime", "python"}, {"executor", "gil"}}, 2, errors);
    EXPECT_NE(options::english(errors.at("executor")).find("C++ model"), std::string::npos);
    errors.clear();
    parse_primes_options({{"python", "python3"}}, 2, errors);
    EXPECT_NE(options::english(errors.at("python")).find("--runtime python"), std::string::npos);
    errors.clear();
    parse_primes_options({{"runtime", "python"}, {"python", std::string(kMaxPythonPath + 1, 'p')}}, 2, errors);
    EXPECT_EQ(errors.at("python").kind, options::ErrorKind::too_long);
}
