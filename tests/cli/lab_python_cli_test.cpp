// `conclab lab --runtime python`: python/lab.py's figures in the cpython_* columns beside C++'s, the start method named,
// the usage errors, and no interpreter nor child of it left after Ctrl+C (its process group's members counted).
#include "cli_run.h"
#include "process_groups.h"
#include "wait_until.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using conclab::test::expect_usage_error;
using conclab::test::run_conclab;

const nlohmann::json* measure(const nlohmann::json& suite, const std::string& id, const std::string& start_method = "") {
    for (const auto& m : suite["measures"])
        if (m["id"] == id && (start_method.empty() || m.value("start_method", "") == start_method)) return &m;
    return nullptr;
}

}  // namespace

TEST(LabPythonCli, StartupHasCpythonFiguresBesideCppWithTheStartMethodNamed) {
    const auto o = run_conclab("lab --suite startup --quick --runtime python --repeats 2 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["runtime"]["name"], "CPython") << doc["runtime"];
    EXPECT_EQ(doc["runtime"]["gil"], true) << doc["runtime"];
    const auto* start = measure(doc["startup"], "start_one");
    ASSERT_NE(start, nullptr);
    for (const char* column : {"threads", "processes", "cpython_threads", "cpython_processes", "cpython_coroutines"}) {
        const auto& cell = (*start)["cells"][column];
        ASSERT_TRUE(cell.contains("value")) << column << ": " << cell;
        EXPECT_GT(cell["value"].get<double>(), 0.0) << column;
        EXPECT_EQ(cell["unit"], "µs") << column;
        EXPECT_EQ(cell["samples"], std::string(column).rfind("cpython", 0) == 0 ? 2 : cell["samples"].get<int>()) << column;
        EXPECT_TRUE(cell.contains("spread")) << column;
    }
    EXPECT_NE((*start)["cells"]["cpython_processes"]["method"].get<std::string>().find("-c pass"), std::string::npos);
    // Every start method is a row of its own, named; each has a figure or says why it has none.
    int measured = 0;
    for (const char* method : {"fork", "forkserver", "spawn"}) {
        const auto* pool = measure(doc["startup"], "pool_first_result", method);
        ASSERT_NE(pool, nullptr) << method;
        const auto& cell = (*pool)["cells"]["cpython_processes"];
        if (cell.contains("value")) {
            EXPECT_GT(cell["value"].get<double>(), 0.0) << method;
            EXPECT_NE(cell["method"].get<std::string>().find(method), std::string::npos) << cell;
            ++measured;
        } else {
            EXPECT_FALSE(cell["missing"].get<std::string>().empty()) << method;
        }
    }
    EXPECT_GE(measured, 1);   // spawn is everywhere
}

TEST(LabPythonCli, TextShowsTheCpythonColumns) {
    const auto o = run_conclab("lab --suite startup --quick --runtime python --repeats 1");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.out.find("CPython columns: CPython 3."), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("cpython_processes"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("pool worker: start to first result (spawn)"), std::string::npos) << o.out;
}

TEST(LabPythonCli, NoInterpreterAndBadOptionsAreUsageErrors) {
    expect_usage_error("lab --suite startup --runtime python --python /nonexistent/python3", "/nonexistent/python3");
    const auto no_path = run_conclab("lab --suite startup --runtime python", "env PATH=/nonexistent");
    EXPECT_EQ(no_path.status, 2) << no_path.err;
    EXPECT_NE(no_path.err.find("error: no Python interpreter: 'python3' is not on PATH"), std::string::npos) << no_path.err;
    expect_usage_error("lab --suite startup --python python3", "--runtime python");
    expect_usage_error("lab --suite startup --repeats 3", "--runtime python");
    expect_usage_error("lab --suite startup --runtime python --repeats 0", "repeats");
    expect_usage_error("lab --suite startup --runtime ruby", "runtime");
}

// The memory suite's idle processes: lab.py forks idle children in its group; Ctrl+C while they live must leave none,
// and must stop lab.py there: the idle processes' figure, not finished then, says it was cancelled.
TEST(LabPythonCli, CtrlCLeavesNoInterpreterNorChild) {
    const std::string out_file = testing::TempDir() + "lab-python-" + std::to_string(getpid()) + ".json";
    const pid_t conclab = fork();
    if (conclab == 0) {
        const int fd = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, STDOUT_FILENO);
        execl(CONCLAB_EXE, CONCLAB_EXE, "lab", "--suite", "memory", "--quick", "--runtime", "python", "--repeats", "200", "--json",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    conclab::test::expect_group_gone_after(conclab, 2, "lab.py", SIGINT, 130);
    std::ifstream in(out_file);
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    std::filesystem::remove(out_file);
    ASSERT_FALSE(doc.is_discarded());
    const auto* resident = measure(doc["memory"], "resident_each");
    ASSERT_NE(resident, nullptr) << doc["memory"];
    EXPECT_TRUE((*resident)["cells"]["cpython_processes"].contains("missing")) << (*resident)["cells"];
}
