// Runs the real `conclab` binary and checks the CLI contract: exit status, error lines, JSON.
#include "cli_run.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Outcome = conclab::test::CliOutcome;
using conclab::test::expect_usage_error;
Outcome run(const std::string& arguments) { return conclab::test::run_conclab(arguments); }

}  // namespace

TEST(Cli, VersionAndHelp) {
    EXPECT_EQ(run("--version").status, 0);
    EXPECT_NE(run("--version").out.find("conclab"), std::string::npos);
    const Outcome help = run("--help");
    EXPECT_EQ(help.status, 0);
    for (const char* sub : {"system", "primes", "serve"}) EXPECT_NE(help.out.find(sub), std::string::npos) << sub;
}

TEST(Cli, SysinfoJsonAgreesWithTheMachine) {
    // `ps ax` lists one line per process plus a header; other programs start and stop processes meanwhile,
    // so conclab's count must fall within what `ps` saw just before and just after (with some slack).
    auto ps_processes = [] {
        FILE* p = popen("ps ax | wc -l", "r");
        int lines = 0;
        EXPECT_EQ(std::fscanf(p, "%d", &lines), 1);
        pclose(p);
        return lines - 1;
    };
    const int before = ps_processes();
    const Outcome o = run("sysinfo --json");
    const int after = ps_processes();
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["cpus"].get<int>(), static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
    if (!doc["physical_cores"].is_null()) {   // null only where /sys has no CPU topology
        EXPECT_GE(doc["physical_cores"].get<int>(), 1);
        EXPECT_LE(doc["physical_cores"].get<int>(), doc["cpus"].get<int>());
    }
    const int processes = doc["processes"].get<int>();
    const int slack = 5 + std::max(before, after) / 10;
    EXPECT_GE(processes, std::min(before, after) - slack) << before << " " << after;
    EXPECT_LE(processes, std::max(before, after) + slack) << before << " " << after;
    EXPECT_GE(doc["threads"].get<int>(), processes);
    EXPECT_EQ(doc["build"]["kind"], "native");
}

TEST(Cli, SystemAnswersUnderItsOldNameSysinfo) {
    const Outcome now = run("system --json");
    const Outcome before = run("sysinfo --json");
    ASSERT_EQ(now.status, 0) << now.err;
    ASSERT_EQ(before.status, 0) << before.err;
    EXPECT_EQ(nlohmann::json::parse(now.out)["cpus"], nlohmann::json::parse(before.out)["cpus"]);
}

TEST(Cli, UnknownSubcommandOrFlagIsAUsageError) {
    expect_usage_error("frobnicate", "frobnicate");
    expect_usage_error("sysinfo --nope", "--nope");
}

TEST(Cli, PrimesJsonContract) {
    const Outcome o = run("primes 2 15 18_014_398_509_481_984 --executor threads --workers 2 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["demo"], "primes");
    EXPECT_EQ(doc["executor"], "threads");
    EXPECT_EQ(doc["workers"], 2);
    ASSERT_EQ(doc["results"].size(), 3u);
    std::map<std::string, std::string> lpf;
    for (const auto& r : doc["results"]) {
        ASSERT_TRUE(r["n"].is_string());
        ASSERT_TRUE(r["lpf"].is_string());
        EXPECT_TRUE(r["elapsed_s"].is_number());
        EXPECT_TRUE(r["worker"].is_string());
        lpf[r["n"]] = r["lpf"];
        EXPECT_EQ(r["prime"].get<bool>(), r["n"] == r["lpf"]);
    }
    EXPECT_EQ(lpf["2"], "2");
    EXPECT_EQ(lpf["15"], "3");
    EXPECT_EQ(lpf["18014398509481984"], "2");
    EXPECT_TRUE(doc["wall_s"].is_number());
    EXPECT_TRUE(doc["cpu"]["user_s"].is_number());
    EXPECT_TRUE(doc["cpu"]["sys_s"].is_number());
}

TEST(Cli, PrimesTextShowsTheTalksLines) {
    const Outcome o = run("primes 18014398509481951 9 --executor sequential");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.out.find("18_014_398_509_481_951  \u2713"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("9  \u2717  3"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("2 checks in "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("(sequential x1)"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("CPU times: user "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("Wall time: "), std::string::npos) << o.out;
}

TEST(Cli, PrimesBadInput) {
    expect_usage_error("primes 12x", "12x");
    expect_usage_error("primes -- -5", "-5");
    expect_usage_error("primes 0", "'0'");
    expect_usage_error("primes 18446744073709551616", "18446744073709551616");
    expect_usage_error("primes ''", "empty");
    expect_usage_error("primes 7 --workers 0", "--workers 0");
    expect_usage_error("primes 7 --workers 100000", "100000");
    expect_usage_error("primes 7 --executor fibers", "fibers");
    expect_usage_error("primes --sample 2**99", "2**99");
    expect_usage_error("primes --sample huge", "huge");
}

// `cp conclab conclab-1.0`: the copy is conclab still, and starts itself as worker processes (it answers
// `conclab noop`); it said "this program is not conclab" before.
TEST(Cli, ARenamedConclabStillRunsProcesses) {
    const std::filesystem::path folder = std::filesystem::path(testing::TempDir()) / ("renamed-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    const std::filesystem::path renamed = folder / "conclab-1.0";
    std::filesystem::copy_file(CONCLAB_EXE, renamed, std::filesystem::copy_options::overwrite_existing);
    const std::string command = "env -u CONCLAB_WORKER_EXE " + renamed.string() +
                                " primes 7 15 --executor processes --workers 2 --json";
    const auto outcome = conclab::test::run_command(command);
    const std::string& out = outcome.out;
    std::filesystem::remove_all(folder);
    ASSERT_EQ(outcome.status, 0) << out << outcome.err;
    const auto doc = nlohmann::json::parse(out);
    EXPECT_EQ(doc["executor"], "processes") << out;
    EXPECT_EQ(out.find("not conclab"), std::string::npos) << out;
}

// The desktop app with no display: SDL falls back to its offscreen driver and the app ran invisibly (exit 0 after
// its frames). It refuses with "error: no display …" unless SDL_VIDEODRIVER names such a driver.
TEST(Cli, TheDesktopAppWithNoDisplaySaysSoInsteadOfRunningInvisibly) {
    const Outcome none = conclab::test::run_conclab("--frames 3", "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER ASAN_OPTIONS=detect_leaks=0 timeout 60");
    if (none.err.find("no GUI") != std::string::npos) GTEST_SKIP() << "built without the GUI";
    EXPECT_EQ(none.status, 1) << none.err;
    const std::string ours = "error: no display: SDL found only its 'offscreen' video driver";
    EXPECT_TRUE(none.err.rfind(ours, 0) == 0 || none.err.find("\n" + ours) != std::string::npos)
        << none.err;   // (libwayland may say its own line about XDG_RUNTIME_DIR first)
    EXPECT_TRUE(none.out.empty()) << none.out;
    // Asked for by name, such a driver is used: the dummy one has no GL, so the window fails for that reason.
    const Outcome dummy = conclab::test::run_conclab("--frames 3", "env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=dummy ASAN_OPTIONS=detect_leaks=0 timeout 60");
    EXPECT_EQ(dummy.err.find("no display"), std::string::npos) << dummy.err;
}
