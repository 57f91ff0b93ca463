// `conclab primes --runtime python`: the machine's CPython runs python/primes.py (installed beside the binary) and
// its lines land in the same JSON as the C++ runs — every lpf right on each executor, runtime.gil, the missing and
// the too-old interpreter, a fake free-threaded one, and no interpreter or pool worker left after Ctrl+C or after
// conclab itself is killed (the process group's members counted, as the process pool's tests count its workers).
#include "cli_run.h"
#include "process_groups.h"
#include "wait_until.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <csignal>
#include <dirent.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using conclab::test::expect_usage_error;
using conclab::test::run_conclab;
namespace fs = std::filesystem;

// Small numbers (each well under a second in CPython), 64-bit ones among them: 2**53+1 and 2**64-1 lose their value
// in a double; 1000003**2's factor is found after ~170 000 trial divisions.
const char* kNumbers = "1 2 25 91 1000003 4294967291 1000006000009 9007199254740993 18446744073709551615";

std::map<std::string, std::string> lpf_by_n(const nlohmann::json& doc) {
    std::map<std::string, std::string> out;
    for (const auto& r : doc["results"]) out[r["n"].get<std::string>()] = r["lpf"].get<std::string>();
    return out;
}

// A folder of its own for fake interpreters, removed at the end.
struct TempFolder {
    fs::path path = fs::path(testing::TempDir()) / ("cpython-" + std::to_string(getpid()));
    TempFolder() { fs::create_directories(path); }
    ~TempFolder() { fs::remove_all(path); }
    // A shell script that answers the probe as `answer` and hands anything else (the script's run) to python3.
    std::string fake(const std::string& name, const std::string& answer) const {
        const fs::path file = path / name;
        std::ofstream(file) << "#!/bin/sh\nif [ \"$1\" = -c ]; then echo '" << answer << "'; exit 0; fi\nexec python3 \"$@\"\n";
        fs::permissions(file, fs::perms::owner_all);
        return file.string();
    }
};

}  // namespace

TEST(PythonRuntimeCli, EveryExecutorGivesTheRightLpfWithTheGilOn) {
    const auto cpp = run_conclab(std::string("primes ") + kNumbers + " --executor threads --json");
    ASSERT_EQ(cpp.status, 0) << cpp.err;
    const auto cpp_doc = nlohmann::json::parse(cpp.out);
    EXPECT_EQ(cpp_doc["runtime"]["name"], "C++");
    const auto expected = lpf_by_n(cpp_doc);
    ASSERT_EQ(expected.at("18446744073709551615"), "3");
    ASSERT_EQ(expected.at("1000006000009"), "1000003");
    for (const char* executor : {"sequential", "threads", "processes"}) {
        const auto o = run_conclab(std::string("primes ") + kNumbers + " --runtime python --workers 2 --json --executor " + executor);
        ASSERT_EQ(o.status, 0) << executor << ": " << o.err;
        const auto doc = nlohmann::json::parse(o.out);
        EXPECT_EQ(lpf_by_n(doc), expected) << executor;
        EXPECT_EQ(doc["executor"], executor);
        EXPECT_EQ(doc["checks"], expected.size());
        EXPECT_EQ(doc["finished"], true);
        EXPECT_EQ(doc["workers"], std::string(executor) == "sequential" ? 1 : 2);
        const auto& runtime = doc["runtime"];
        EXPECT_EQ(runtime["name"], "CPython") << runtime;
        EXPECT_EQ(runtime["gil"], true) << runtime;
        EXPECT_EQ(runtime["version"].get<std::string>().rfind("3.", 0), 0u) << runtime;
        EXPECT_FALSE(runtime["executable"].get<std::string>().empty());
        EXPECT_GE(runtime["cpu"]["total_s"].get<double>(), 0.0);
        EXPECT_EQ(runtime.contains("start_method"), std::string(executor) == "processes") << runtime;
        for (const auto& r : doc["results"]) {
            EXPECT_EQ(r["status"], "done") << r;
            EXPECT_FALSE(r["worker"].get<std::string>().empty()) << r;
            EXPECT_GE(r["elapsed_s"].get<double>(), 0.0) << r;
        }
        if (std::string(executor) == "processes") {
            for (const auto& r : doc["results"]) EXPECT_EQ(r["worker"].get<std::string>().rfind("pid ", 0), 0u) << r;
        }
    }
}

TEST(PythonRuntimeCli, TextNamesTheRuntimeAndItsOwnTimes) {
    const auto o = run_conclab("primes 15 49 --runtime python --executor threads --workers 2");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.out.find("(CPython 3."), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("CPython CPU times (getrusage self + children)"), std::string::npos) << o.out;
}

TEST(PythonRuntimeCli, NoInterpreterIsAUsageErrorSayingHowToGetOne) {
    expect_usage_error("primes 15 --runtime python --python /nonexistent/python3", "/nonexistent/python3");
    const auto o = run_conclab("primes 15 --runtime python --python /nonexistent/python3");
    EXPECT_NE(o.err.find("apt install python3"), std::string::npos) << o.err;
    const auto no_path = run_conclab("primes 15 --runtime python", "env PATH=/nonexistent");
    EXPECT_EQ(no_path.status, 2) << no_path.err;
    EXPECT_NE(no_path.err.find("error: no Python interpreter: 'python3' is not on PATH"), std::string::npos) << no_path.err;
    expect_usage_error("primes 15 --runtime python --executor gil", "gil");
    expect_usage_error("primes 15 --python python3", "--runtime python");
}

TEST(PythonRuntimeCli, TooOldOrNotPythonIsAUsageError) {
    TempFolder folder;
    const std::string old = folder.fake("python2", "conclab-probe CPython 2.7.18 0 1");
    expect_usage_error("primes 15 --runtime python --python " + old, "2.7.18 is too old");
    const auto o = run_conclab("primes 15 --runtime python --python " + old);
    EXPECT_NE(o.err.find("3.8 or newer"), std::string::npos) << o.err;
    expect_usage_error("primes 15 --runtime python --python /bin/true", "did not answer as a Python interpreter");
}

// Debian 12 packages no free-threaded CPython: a fake python3.13t (Py_GIL_DISABLED, GIL off) beside a fake python3.
TEST(PythonRuntimeCli, AFreeThreadedInterpreterIsFoundBesideAndReportedWithoutGil) {
    TempFolder folder;
    const std::string python3 = folder.fake("python3", "conclab-probe CPython 3.11.2 0 1");
    const std::string free = folder.fake("python3.13t", "conclab-probe CPython 3.13.1 1 0");
    folder.fake("python3.13t-config", "not an interpreter");

    const auto with_gil = run_conclab("primes 15 49 --runtime python --executor threads --workers 2 --json --python " + python3);
    ASSERT_EQ(with_gil.status, 0) << with_gil.err;
    const auto g = nlohmann::json::parse(with_gil.out)["runtime"];
    EXPECT_EQ(g["gil"], true) << g;
    EXPECT_EQ(g["free_threaded_beside"], nlohmann::json::array({free})) << g;

    const auto o = run_conclab("primes 15 49 --runtime python --executor threads --workers 2 --json --python " + free);
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["runtime"]["gil"], false) << doc["runtime"];
    EXPECT_EQ(doc["runtime"]["free_threaded_build"], true);
    EXPECT_EQ(doc["runtime"]["version"], "3.13.1");
    EXPECT_EQ(doc["runtime"]["executable"], free);
    EXPECT_EQ((std::map<std::string, std::string>{{"15", "3"}, {"49", "7"}}), lpf_by_n(doc));
}

// A renamed copy of conclab finds python/primes.py beside itself.
TEST(PythonRuntimeCli, ARenamedConclabFindsItsScriptBesideIt) {
    TempFolder folder;
    const fs::path renamed = folder.path / "conclab-1.0";
    fs::copy_file(CONCLAB_EXE, renamed);
    fs::create_directories(folder.path / "python");
    fs::copy_file(fs::path(CONCLAB_EXE).parent_path() / "python" / "primes.py", folder.path / "python" / "primes.py");
    const std::string command = "env -u CONCLAB_PYTHON_DIR " + renamed.string() +
                                " primes 15 --runtime python --executor processes --workers 2 --json";
    const auto outcome = conclab::test::run_command(command);
    ASSERT_EQ(outcome.status, 0) << outcome.err;
    EXPECT_EQ(lpf_by_n(nlohmann::json::parse(outcome.out)), (std::map<std::string, std::string>{{"15", "3"}}));
}

namespace {

// Starts a CPython process-pool run that would take minutes (two primes near 2**64), waits until the interpreter and
// both its pool workers live in its group, then does `stop` to conclab; every member of the group must be gone.
void expect_no_orphan(int signal, int expected_exit) {
    const pid_t conclab = conclab::test::start_conclab(
        {"primes", "18446744073709551557", "18446744073709551533", "--runtime", "python", "--executor", "processes",
         "--workers", "2"});
    conclab::test::expect_group_gone_after(conclab, 3, "primes.py", signal, expected_exit);
}

}  // namespace

TEST(PythonRuntimeCli, CtrlCLeavesNoInterpreterNorPoolWorker) { expect_no_orphan(SIGINT, 130); }

TEST(PythonRuntimeCli, KillingConclabLeavesNoInterpreterNorPoolWorker) { expect_no_orphan(SIGKILL, -1); }

// Compare all with --runtime python: CPython's sequential, threads and processes rows after the C++ ones (the GIL
// model among them), on the same few small numbers; every run's lpf right; the C++ keys kept.
TEST(PythonRuntimeCli, CompareAllPutsCPythonsRowsBesideTheGilModel) {
    const auto o = run_conclab("primes --compare --runtime python --numbers '91 1000003 4294967291' --repeats 1 --workers 2 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["executors"], nlohmann::json({"sequential", "gil", "processes", "threads"}));
    EXPECT_EQ(doc["python_executors"], nlohmann::json({"sequential", "threads", "processes"}));
    EXPECT_EQ(doc["python"]["name"], "CPython");
    EXPECT_EQ(doc["python"]["gil"], true);
    ASSERT_EQ(doc["runs"].size(), 7u);
    const std::map<std::string, std::string> expected{{"91", "7"}, {"1000003", "1000003"}, {"4294967291", "4294967291"}};
    for (std::size_t i = 0; i < 7; ++i) {
        const auto& run = doc["runs"][i];
        EXPECT_EQ(run["runtime"]["name"], i < 4 ? "C++" : "CPython") << i;
        EXPECT_EQ(lpf_by_n(run), expected) << i;
    }
    ASSERT_EQ(doc["summary"].size(), 7u);
    const char* rows[7][2] = {{"cpp", "sequential"},    {"cpp", "gil"},        {"cpp", "processes"}, {"cpp", "threads"},
                              {"python", "sequential"}, {"python", "threads"}, {"python", "processes"}};
    for (std::size_t i = 0; i < 7; ++i) {
        const auto& s = doc["summary"][i];
        EXPECT_EQ(s["runtime"], rows[i][0]) << s;
        EXPECT_EQ(s["executor"], rows[i][1]) << s;
        EXPECT_TRUE(s.contains("speedup")) << s;
        EXPECT_EQ(s.contains("vs_cpp_sequential"), i >= 4) << s;
    }
    EXPECT_DOUBLE_EQ(doc["summary"][4]["speedup"].get<double>(), 1.0) << "CPython's own sequential is its baseline";

    const auto text = run_conclab("primes --compare --runtime python --numbers 91 --repeats 1 --workers 2");
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_NE(text.out.find("CPython threads (its own GIL)"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("threads under a GIL (Python's model)"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("vs C++ sequential"), std::string::npos) << text.out;
}

TEST(PythonRuntimeCli, PlainCompareStaysCppAndPointsAtCPython) {
    const auto o = run_conclab("primes --compare --numbers 91 --repeats 1 --workers 2");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(o.out.find("CPython threads"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("--runtime python adds its sequential, threads and processes rows"), std::string::npos) << o.out;
    const auto j = run_conclab("primes --compare --numbers 91 --repeats 1 --workers 2 --json");
    const auto doc = nlohmann::json::parse(j.out);
    EXPECT_FALSE(doc.contains("python"));
    EXPECT_EQ(doc["summary"].size(), 4u);
    expect_usage_error("primes --compare --runtime python --python /nonexistent/python3", "/nonexistent/python3");
}
