// The CLI's side of the option rules (defects found by attacking the landed build), the real worker lookup
// through /proc/self/exe (`--executor processes` from the CLI) and Ctrl+C on a run of worker processes.
#include "cli_run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Outcome = conclab::test::CliOutcome;
using conclab::test::expect_usage_error;

Outcome run(const std::string& arguments) { return conclab::test::run_conclab(arguments); }

template <class Predicate>
bool wait_until(Predicate done, std::chrono::milliseconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

// Children of `parent` according to /proc (each /proc/PID/stat names its parent).
std::set<pid_t> children_of(pid_t parent) {
    std::set<pid_t> kids;
    DIR* proc = opendir("/proc");
    while (dirent* entry = readdir(proc)) {
        const pid_t pid = std::atoi(entry->d_name);
        if (pid <= 0) continue;
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(')');
        if (close == std::string::npos) continue;
        char state = 0;
        int ppid = 0;
        if (std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) == 2 && ppid == parent) kids.insert(pid);
    }
    closedir(proc);
    return kids;
}

bool alive(pid_t pid) { return kill(pid, 0) == 0; }

}  // namespace

TEST(CliOptions, WorkersMinusOneIsNotTheDefault) { expect_usage_error("primes 7 --workers -1", "--workers -1"); }

TEST(CliOptions, IntegersAreDecimalOnly) {
    expect_usage_error("primes 7 --workers 010", "010");
    expect_usage_error("primes 7 --workers 0x8", "0x8");
    expect_usage_error("primes 7 --workers ' 8'", " 8");
}

TEST(CliOptions, ErrorLinesEchoCappedValues) {
    const Outcome o = run("primes 7 --executor " + std::string(300, 'z'));
    EXPECT_EQ(o.status, 2);
    EXPECT_LT(o.err.size(), 250u) << o.err;
    EXPECT_NE(o.err.find("\u2026"), std::string::npos) << o.err;
}

TEST(CliOptions, LongNumberListsAreCheckedWhole) {
    std::string numbers;
    for (int i = 0; i < 300; ++i) numbers += "1000000,";
    numbers += "1000000007";
    const Outcome o = run("primes --numbers " + numbers + " --executor sequential --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    ASSERT_EQ(doc["results"].size(), 301u);
    bool saw_last = false;
    for (const auto& r : doc["results"]) saw_last = saw_last || r["n"] == "1000000007";
    EXPECT_TRUE(saw_last);
}

TEST(CliOptions, ProcessesFromTheCliFindTheirWorkerThroughProcSelfExe) {
    const Outcome o = run("primes 2 15 1125899906842597 --executor processes --workers 2 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    ASSERT_EQ(doc["results"].size(), 3u);
    for (const auto& r : doc["results"]) {
        EXPECT_FALSE(r.contains("error")) << r.dump();
        EXPECT_EQ(r["worker"].get<std::string>().rfind("pid ", 0), 0u) << r.dump();
        // Each check carries its worker process's own CPU time and that worker's start-up time.
        ASSERT_TRUE(r.contains("cpu_s")) << r.dump();
        EXPECT_GE(r["cpu_s"].get<double>(), 0.0);
        ASSERT_TRUE(r.contains("worker_startup_s")) << r.dump();
        EXPECT_GT(r["worker_startup_s"].get<double>(), 0.0);
        if (r["n"] == "1125899906842597") {
            EXPECT_EQ(r["lpf"], "1125899906842597");
        }
        if (r["n"] == "15") {
            EXPECT_EQ(r["lpf"], "3");
        }
    }
}

TEST(CliOptions, GilFromTheCli) {
    // Two big primes (~0.1 s and ~0.3 s of trial division) on two GIL threads, and small numbers around them.
    const Outcome o = run("primes 9 1125899906842597 15 18014398509481951 18014398509481984 --executor gil --workers 2 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["executor"], "gil");
    EXPECT_EQ(doc["workers"], 2);
    const std::map<std::string, std::string> lpf = {{"9", "3"},
                                                    {"15", "3"},
                                                    {"1125899906842597", "1125899906842597"},
                                                    {"18014398509481951", "18014398509481951"},
                                                    {"18014398509481984", "2"}};
    ASSERT_EQ(doc["results"].size(), lpf.size());
    std::set<std::string> seen;
    double first_start = 1e300, last_end = 0, busy = 0;
    for (const auto& r : doc["results"]) {
        EXPECT_FALSE(r.contains("error")) << r.dump();
        EXPECT_EQ(r["worker"].get<std::string>().rfind("thread ", 0), 0u) << r.dump();
        const std::string n = r["n"];
        seen.insert(n);
        ASSERT_TRUE(lpf.count(n)) << r.dump();
        EXPECT_EQ(r["lpf"], lpf.at(n)) << r.dump();
        EXPECT_EQ(r["prime"], lpf.at(n) == n) << r.dump();
        const double started = r["started_s"], elapsed = r["elapsed_s"], held = r["busy_s"];
        EXPECT_GE(held, 0.0) << r.dump();
        EXPECT_LE(held, elapsed) << r.dump();   // busy = elapsed minus the waits for the lock
        first_start = std::min(first_start, started);
        last_end = std::max(last_end, started + elapsed);
        busy += held;
    }
    EXPECT_EQ(seen.size(), lpf.size());
    // One at a time: a check computes only while it holds the one lock, from its start to its end minus its
    // recorded waits, so the computing times of all the checks fit in the span of the run, however the two threads
    // were scheduled. Two threads computing at once would add up to more (up to twice the span).
    EXPECT_LE(busy, last_end - first_start + 1e-6) << doc.dump();
    // The same for every pair of checks: together they computed no longer than the span from the first one's start
    // to the last one's end (two checks that overlapped in time waited for each other).
    const auto& results = doc["results"];
    for (std::size_t i = 0; i < results.size(); ++i)
        for (std::size_t j = i + 1; j < results.size(); ++j) {
            const double a0 = results[i]["started_s"], a1 = a0 + results[i]["elapsed_s"].get<double>();
            const double b0 = results[j]["started_s"], b1 = b0 + results[j]["elapsed_s"].get<double>();
            EXPECT_LE(results[i]["busy_s"].get<double>() + results[j]["busy_s"].get<double>(),
                      std::max(a1, b1) - std::min(a0, b0) + 1e-6)
                << "two checks computed at once: " << results[i].dump() << " and " << results[j].dump();
        }
}

TEST(CliOptions, DesktopFlagsAreCheckedBeforeAWindowOpens) {
    expect_usage_error("--demo nope", "unknown demo 'nope'");
    expect_usage_error("--lang xx", "unknown lang 'xx'");
    expect_usage_error("--spin 65", "--spin 65");
    expect_usage_error("--workers 65", "--workers 65");
    expect_usage_error("--workers 010", "010");
    expect_usage_error("--frames -1", "--frames -1");
    expect_usage_error("--executor fibers", "fibers");
}

TEST(CliOptions, HelpListsEveryDemosFlags) {
    const Outcome o = run("--help");
    ASSERT_EQ(o.status, 0);
    for (const char* flag : {"--demo", "--lang", "--executor", "--workers", "--sample", "--numbers", "--spin"})
        EXPECT_NE(o.out.find(flag), std::string::npos) << flag;
}

// Ctrl+C on `conclab primes --executor processes`: the run is cancelled, what finished is printed, the
// status is 130 and no worker process is left computing.
TEST(CliOptions, InterruptCancelsPrintsAndLeavesNoWorkers) {
    const std::string out_file = testing::TempDir() + "conclab_sigint_" + std::to_string(getpid());
    const pid_t pid = fork();
    if (pid == 0) {
        freopen(out_file.c_str(), "w", stdout);
        freopen("/dev/null", "w", stderr);
        execl(CONCLAB_EXE, CONCLAB_EXE, "primes", "2", "18446744073709551557", "18446744073709551533",
              "--executor", "processes", "--workers", "2", nullptr);
        _exit(127);
    }
    std::set<pid_t> workers;
    ASSERT_TRUE(wait_until([&] { return (workers = children_of(pid)).size() == 2; }, std::chrono::seconds(20)))
        << "the pool did not start its workers";
    // Wait until the quick check (2) is printed: then both workers are on numbers near 2**64 (minutes of work).
    ASSERT_TRUE(wait_until([&] {
        std::ifstream f(out_file);
        std::string text((std::istreambuf_iterator<char>(f)), {});
        return text.find("\u2713") != std::string::npos;
    }, std::chrono::seconds(20)));
    kill(pid, SIGINT);
    int status = 0;
    bool exited = wait_until([&] { return waitpid(pid, &status, WNOHANG) == pid; }, std::chrono::seconds(20));
    if (!exited) kill(pid, SIGKILL), waitpid(pid, &status, 0);
    ASSERT_TRUE(exited) << "SIGINT did not stop the run";
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 130) << status;
    std::ifstream f(out_file);
    std::string text((std::istreambuf_iterator<char>(f)), {});
    EXPECT_NE(text.find("cancelled"), std::string::npos) << text;
    EXPECT_NE(text.find("Wall time"), std::string::npos) << text;
    for (pid_t w : workers) EXPECT_TRUE(wait_until([&] { return !alive(w); }, std::chrono::seconds(10))) << "worker " << w << " lives on";
    std::remove(out_file.c_str());
}
