// `conclab primes --compare`: every executor, --repeats runs each, as a table or as JSON whose runs are the single
// run's JSON; bad --repeats is a usage error.
#include "cli_run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "wait_until.h"

namespace {

using Outcome = conclab::test::CliOutcome;
using conclab::test::expect_usage_error;
Outcome run(const std::string& arguments) { return conclab::test::run_conclab(arguments); }

}  // namespace

TEST(CliPrimesCompare, JsonHasEveryExecutorTimesRepeatsAndASummary) {
    const Outcome o = run("primes 2 15 1125899906842597 --compare --repeats 2 --workers 2 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["demo"], "primes");
    EXPECT_EQ(doc["mode"], "compare");
    EXPECT_EQ(doc["repeats"], 2);
    EXPECT_EQ(doc["workers"], 2);
    EXPECT_EQ(doc["checks"], 3);
    EXPECT_EQ(doc["sample"], "custom");
    EXPECT_EQ(doc["finished"], true);
    EXPECT_EQ(doc["cancelled"], false);
    EXPECT_EQ(doc["executors"], nlohmann::json({"sequential", "gil", "processes", "threads"}));
    ASSERT_EQ(doc["runs"].size(), 8u);
    std::map<std::string, int> runs_of;
    for (const auto& r : doc["runs"]) {
        ++runs_of[r["executor"].get<std::string>()];
        // The single run's keys, each run whole.
        EXPECT_EQ(r["demo"], "primes");
        EXPECT_EQ(r["workers"], r["executor"] == "sequential" ? 1 : 2);
        EXPECT_EQ(r["finished"], true);
        EXPECT_TRUE(r["wall_s"].is_number());
        EXPECT_TRUE(r["cpu"]["user_s"].is_number());
        EXPECT_TRUE(r["repeat"] == 1 || r["repeat"] == 2) << r["repeat"];
        ASSERT_EQ(r["results"].size(), 3u);
        std::map<std::string, std::string> lpf;
        for (const auto& c : r["results"]) lpf[c["n"]] = c["lpf"];
        EXPECT_EQ(lpf["15"], "3");
        EXPECT_EQ(lpf["1125899906842597"], "1125899906842597");
        if (r["executor"] == "processes") {
            for (const auto& c : r["results"]) EXPECT_EQ(c["worker"].get<std::string>().rfind("pid ", 0), 0u) << c["worker"];
        }
    }
    EXPECT_EQ(runs_of, (std::map<std::string, int>{{"gil", 2}, {"processes", 2}, {"sequential", 2}, {"threads", 2}}));
    ASSERT_EQ(doc["summary"].size(), 4u);
    for (const auto& s : doc["summary"]) {
        EXPECT_EQ(s["runs"], 2);
        EXPECT_EQ(s["walls_s"].size(), 2u);
        EXPECT_LE(s["min_s"].get<double>(), s["median_s"].get<double>());
        EXPECT_LE(s["median_s"].get<double>(), s["max_s"].get<double>());
        EXPECT_TRUE(s["speedup"].is_number());
    }
    EXPECT_EQ(doc["summary"][0]["executor"], "sequential");
    EXPECT_DOUBLE_EQ(doc["summary"][0]["speedup"].get<double>(), 1.0);
}

TEST(CliPrimesCompare, TextShowsEachRunAndTheTable) {
    const Outcome o = run("primes 7 9 --compare --repeats 1");
    ASSERT_EQ(o.status, 0) << o.err;
    for (const char* line : {"run  1/4  sequential", "run  4/4  threads, no GIL (C++)", "threads under a GIL (Python's model)",
                             "median", "speedup", "1 repeat each"})
        EXPECT_NE(o.out.find(line), std::string::npos) << line << "\n" << o.out;
}

TEST(CliPrimesCompare, BadRepeatsIsAUsageError) {
    expect_usage_error("primes --compare --repeats 0", "--repeats 0");
    expect_usage_error("primes --compare --repeats abc", "abc");
    expect_usage_error("primes --compare --repeats 21", "21");
    expect_usage_error("primes 7 --repeats 2", "--compare");
}

// Ctrl+C during `conclab primes --compare`: the run in progress is cancelled, no other starts, the table says so and
// the status is 130.
TEST(CliPrimesCompare, InterruptCancelsTheComparison) {
    const std::string out_file = testing::TempDir() + "conclab_compare_sigint_" + std::to_string(getpid());
    const pid_t pid = fork();
    if (pid == 0) {
        if (!freopen(out_file.c_str(), "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
        // A prime near 2**64: minutes of trial division, so the first run (sequential) is still on it.
        execl(CONCLAB_EXE, CONCLAB_EXE, "primes", "2", "18446744073709551557", "--compare", "--repeats", "2", nullptr);
        _exit(127);
    }
    // Main thread, the interrupt watcher and the sequential executor's worker: the watch is in place.
    const auto threads = [pid] {
        std::error_code ec;
        std::size_t n = 0;
        for (auto it = std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec);
             !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
            ++n;
        return n;
    };
    ASSERT_TRUE(conclab::test::wait_until([&] { return threads() >= 3; }, std::chrono::seconds(20)));
    kill(pid, SIGINT);
    int status = 0;
    const bool exited = conclab::test::wait_until([&] { return waitpid(pid, &status, WNOHANG) == pid; }, std::chrono::seconds(30));
    if (!exited) kill(pid, SIGKILL), waitpid(pid, &status, 0);
    ASSERT_TRUE(exited) << "SIGINT did not stop the comparison";
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 130) << status;
    std::ifstream f(out_file);
    const std::string text((std::istreambuf_iterator<char>(f)), {});
    EXPECT_NE(text.find("run  1/8  sequential"), std::string::npos) << text;
    EXPECT_NE(text.find("(cancelled)"), std::string::npos) << text;
    EXPECT_EQ(text.find("run  2/8"), std::string::npos) << "a run started after Ctrl+C:\n" << text;
    EXPECT_NE(text.find(", cancelled"), std::string::npos) << text;
    std::remove(out_file.c_str());
}
