// The native ProcessPool against real worker processes (the built `conclab worker`).
#include "platform/native/worker_handle.h"
#include "platform/platform.h"
#include "core/primes/least_prime_factor.h"
#include "test_tasks.h"
#include "within.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace conclab;
using namespace std::chrono_literals;
using exec::Future;
using exec::FutureStatus;
namespace test = conclab::test;

namespace {

std::unique_ptr<exec::Executor> make_pool(int workers) {
    platform::set_worker_executable(CONCLAB_TEST_WORKER);
    return platform::make_process_pool(workers);
}

pid_t pid_of(const std::string& worker) {
    EXPECT_EQ(worker.rfind("pid ", 0), 0u) << worker;
    return static_cast<pid_t>(std::atoi(worker.c_str() + 4));
}

/// Waits until the future's task runs in a worker; returns that worker's pid.
pid_t wait_until_running(const Future& f) {
    test::spin_until([&] { return f.status() != FutureStatus::pending; }, "a task to start in a worker");
    EXPECT_EQ(f.status(), FutureStatus::running);
    return pid_of(f.record().worker);
}

/// A path in the test's temporary directory that no file has yet: a gate for "test.wait_file" / "test.meet_files".
std::string fresh_path(const std::string& name) {
    static int next = 0;
    const std::string path = testing::TempDir() + "conclab_gate_" + std::to_string(getpid()) + "_" + name + "_" + std::to_string(++next);
    std::remove(path.c_str());
    std::remove((path + ".arrived").c_str());
    return path;
}

void remove_gate(const std::string& path) {
    std::remove(path.c_str());
    std::remove((path + ".arrived").c_str());
}

std::string error_of(const Future& f) { return test::error_of<exec::TaskError>(f); }

int open_fds() {
    int n = 0;
    DIR* dir = opendir("/proc/self/fd");
    while (dirent* entry = readdir(dir)) n += entry->d_name[0] != '.';
    closedir(dir);
    return n;
}

bool reaped(pid_t pid) { return kill(pid, 0) == -1 && errno == ESRCH; }   // a zombie still answers kill(pid, 0)

/// No child of this process is a zombie: waitpid(-1, WNOHANG) finds nothing to collect.
void expect_no_zombies() {
    int status = 0;
    const pid_t got = waitpid(-1, &status, WNOHANG);
    const int error = errno;
    EXPECT_TRUE(got == 0 || (got == -1 && error == ECHILD)) << "waitpid(-1) collected pid " << got;
}

double children_cpu_s() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    auto s = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6; };
    return s(usage.ru_utime) + s(usage.ru_stime);
}

}  // namespace

TEST(ProcessPool, KindAndWorkers) {
    auto pool = make_pool(2);
    EXPECT_EQ(pool->kind(), exec::ExecutorKind::processes);
    EXPECT_EQ(pool->workers(), 2);
    EXPECT_EQ(platform::make_executor(exec::ExecutorKind::processes, 1)->kind(), exec::ExecutorKind::processes);
}

TEST(ProcessPool, WorkerCountOutOfRangeIsRejected) {
    platform::set_worker_executable(CONCLAB_TEST_WORKER);
    EXPECT_THROW(platform::make_process_pool(0), std::invalid_argument);
    EXPECT_THROW(platform::make_process_pool(65), std::invalid_argument);
    EXPECT_THROW(platform::make_process_pool(-1), std::invalid_argument);
}

TEST(ProcessPool, MapKeepsArgumentOrder) {
    auto pool = make_pool(4);
    std::vector<std::string> args;
    for (int i = 0; i < 6; ++i) args.push_back(std::to_string((6 - i) * 15));   // later ones finish first
    EXPECT_EQ(test::within([&] { return exec::map(*pool, "test.sleep_ms", args); }, "map"), args);
}

TEST(ProcessPool, AsCompletedYieldsInCompletionOrder) {
    // Three tasks wait at file gates that the test opens one at a time, in an order unlike submission order,
    // each once the one before has been handed out: the order of completion is the test's, not the scheduler's.
    auto pool = make_pool(3);
    const std::vector<std::string> gates = {fresh_path("first"), fresh_path("second"), fresh_path("third")};
    std::vector<Future> futures;
    for (const auto& path : gates) futures.push_back(pool->submit({"test.wait_file", path}));
    exec::AsCompleted completed(futures);
    std::vector<std::string> order;
    for (int i : {1, 2, 0}) {
        const std::string& path = gates[static_cast<std::size_t>(i)];
        test::spin_until([&] { return test::file_gate_reached(path); }, "a task to reach its file gate");
        EXPECT_FALSE(completed.try_next()) << "a task finished before its gate opened";
        test::touch_file(path);
        auto f = test::within([&] { return completed.next(); }, "AsCompleted::next");
        ASSERT_TRUE(f);
        order.push_back(test::result(*f));
    }
    EXPECT_EQ(order, (std::vector<std::string>{gates[1], gates[2], gates[0]}));
    EXPECT_FALSE(completed.next());
    for (const auto& path : gates) remove_gate(path);
}

TEST(ProcessPool, ResultsNameDistinctWorkerProcesses) {
    // Two tasks that return only once both have started (they meet at files) ran at the same time, so in the
    // two different worker processes of a 2-process pool.
    auto pool = make_pool(2);
    const std::string prefix = fresh_path("meet");
    const std::string meet = prefix + ":2";
    std::vector<Future> futures;
    for (int i = 0; i < 2; ++i) futures.push_back(pool->submit({"test.meet_files", meet}));
    std::set<pid_t> pids;
    for (auto& f : futures) {
        EXPECT_EQ(test::result(f), meet);
        const auto record = f.record();
        const pid_t pid = pid_of(record.worker);
        EXPECT_GT(pid, 0);
        EXPECT_NE(pid, getpid());
        EXPECT_GE(record.started_s, 0);
        EXPECT_LE(record.started_s, record.finished_s);
        EXPECT_LE(record.finished_s, pool->now_s());
        pids.insert(pid);
    }
    EXPECT_EQ(pids.size(), 2u);
    for (int i = 0; i < 2; ++i) std::remove((prefix + "." + std::to_string(i)).c_str());
}

TEST(ProcessPool, AnyBytesCrossTheProcessBoundary) {
    auto pool = make_pool(1);
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
    bytes += std::string(200000, 'z');   // larger than a pipe buffer
    EXPECT_EQ(test::result(pool->submit({"test.echo", bytes})), bytes);
    EXPECT_EQ(test::result(pool->submit({"test.echo", ""})), "");
}

TEST(ProcessPool, LargeMessagesAndTheSizeLimit) {
    auto pool = make_pool(1);
    const std::string big(10u << 20, 'q');   // 10 MiB each way
    EXPECT_EQ(test::result(pool->submit({"test.echo", big})), big);
    Future too_big = pool->submit({"test.echo", std::string(17u << 20, 'q')});
    EXPECT_NE(error_of(too_big).find("16 MiB"), std::string::npos);
    EXPECT_EQ(test::result(pool->submit({"test.echo", "fine"})), "fine");
}

TEST(ProcessPool, ManySmallTasks) {
    auto pool = make_pool(4);
    std::vector<std::string> args;
    for (int i = 0; i < 300; ++i) args.push_back("task " + std::to_string(i));
    EXPECT_EQ(test::within([&] { return exec::map(*pool, "test.echo", args); }, "map"), args);
}

TEST(ProcessPool, ATaskThatThrowsFailsAloneAndTheWorkerSurvives) {
    auto pool = make_pool(1);
    Future bad = pool->submit({"test.fail", "boom at 42"});
    EXPECT_EQ(error_of(bad), "boom at 42");
    EXPECT_EQ(bad.status(), FutureStatus::failed);
    Future unknown = pool->submit({"no.such.task", "x"});
    EXPECT_EQ(error_of(unknown), "unknown task function 'no.such.task'");
    Future good = pool->submit({"test.echo", "still here"});
    EXPECT_EQ(test::result(good), "still here");
    EXPECT_EQ(good.record().worker, bad.record().worker);   // the same process
    EXPECT_FALSE(reaped(pid_of(bad.record().worker)));
}

TEST(ProcessPool, AKilledWorkerFailsItsTaskAndIsReplaced) {
    auto pool = make_pool(1);
    Future doomed = pool->submit({"test.sleep_ms", "10000"});
    Future queued = pool->submit({"test.echo", "after"});
    const pid_t pid = wait_until_running(doomed);
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    const std::string message = error_of(doomed);   // at once, not at the end of the 10 s sleep: a deadline says so
    EXPECT_EQ(message, "worker pid " + std::to_string(pid) + " died (signal 9, SIGKILL) while running test.sleep_ms(10000)");
    EXPECT_TRUE(reaped(pid));
    EXPECT_EQ(test::result(queued), "after");
    const pid_t replacement = pid_of(queued.record().worker);
    EXPECT_NE(replacement, pid);
    EXPECT_NE(replacement, getpid());
    EXPECT_EQ(test::result(pool->submit({"test.echo", "again"})), "again");
}

TEST(ProcessPool, AWorkerThatExitsIsReportedWithItsStatus) {
    auto pool = make_pool(2);
    Future doomed = pool->submit({"test.sleep_ms", "10000"});
    const pid_t pid = wait_until_running(doomed);
    ASSERT_EQ(kill(pid, SIGTERM), 0);
    EXPECT_EQ(error_of(doomed), "worker pid " + std::to_string(pid) + " died (signal 15, SIGTERM) while running test.sleep_ms(10000)");
    EXPECT_EQ(test::within([&] { return exec::map(*pool, "test.echo", {"a", "b", "c"}); }, "map"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ProcessPool, CancelAllStopsRunningTasksQuickly) {
    auto pool = make_pool(2);
    std::vector<Future> running = {pool->submit({"test.sleep_ms", "10000"}), pool->submit({"test.sleep_ms", "10000"})};
    std::vector<Future> pending;
    for (int i = 0; i < 3; ++i) pending.push_back(pool->submit({"test.sleep_ms", "10000"}));
    std::vector<pid_t> pids;
    for (auto& f : running) pids.push_back(wait_until_running(f));
    pool->cancel_all();
    for (auto& f : running) EXPECT_EQ(error_of(f), "cancelled while running");
    for (auto& f : pending) {
        EXPECT_EQ(f.status(), FutureStatus::cancelled);
        EXPECT_THROW(test::result(f), exec::CancelledError);
    }
    // The pool goes on with replacements.
    Future next = pool->submit({"test.echo", "next"});
    EXPECT_EQ(test::result(next), "next");
    const pid_t replacement = pid_of(next.record().worker);
    for (pid_t pid : pids) EXPECT_NE(replacement, pid);
    pool->shutdown();
    for (pid_t pid : pids) EXPECT_TRUE(reaped(pid));
}

TEST(ProcessPool, ShutdownReapsEveryWorkerAndClosesEveryPipe) {
    const int fds_before = open_fds();
    std::vector<pid_t> pids;
    {
        auto pool = make_pool(3);
        std::vector<Future> futures;
        for (int i = 0; i < 6; ++i) futures.push_back(pool->submit({"test.sleep_ms", "40"}));
        for (auto& f : futures) {
            test::result(f);
            pids.push_back(pid_of(f.record().worker));
        }
        EXPECT_GT(open_fds(), fds_before);
        pool->shutdown(true, false);
        for (pid_t pid : pids) EXPECT_TRUE(reaped(pid)) << pid;
        EXPECT_THROW(pool->submit({"test.echo", "late"}), std::logic_error);
        pool->shutdown();   // twice is fine
    }
    expect_no_zombies();
    EXPECT_EQ(open_fds(), fds_before);
}

TEST(ProcessPool, ShutdownWithoutWaitStillRunsTheQueue) {
    // Every task waits at one closed file gate: shutdown(wait = false) must return while none can have finished
    // (a shutdown that waited would never return: the deadline says so), and the queue still runs once it opens.
    auto pool = make_pool(2);
    const std::string gate = fresh_path("shutdown");
    std::vector<Future> futures;
    for (int i = 0; i < 5; ++i) futures.push_back(pool->submit({"test.wait_file", gate}));
    test::within([&] { pool->shutdown(false, false); }, "shutdown(wait = false) with every task held at a gate");
    for (auto& f : futures) EXPECT_FALSE(f.done());
    EXPECT_THROW(pool->submit({"test.echo", "late"}), std::logic_error);
    test::touch_file(gate);
    for (auto& f : futures) EXPECT_EQ(test::result(f), gate);
    test::within([&] { pool.reset(); }, "destroying the pool");
    expect_no_zombies();
    remove_gate(gate);
}

TEST(ProcessPool, DestroyingAPoolCancelsItsWorkQuickly) {
    // The tasks' gate never opens: destroying the pool must stop the running one and cancel the queued one
    // (a destructor that waited for them would never return: the deadline says so).
    const int fds_before = open_fds();
    const std::string never = fresh_path("never");
    Future running, queued;
    pid_t pid = 0;
    {
        auto pool = make_pool(1);
        running = pool->submit({"test.wait_file", never});
        queued = pool->submit({"test.wait_file", never});
        pid = wait_until_running(running);
        test::within([&] { pool.reset(); }, "destroying a pool with a task running and one queued");
    }
    EXPECT_EQ(error_of(running), "cancelled while running");
    EXPECT_EQ(queued.status(), FutureStatus::cancelled);
    EXPECT_TRUE(reaped(pid));
    expect_no_zombies();
    EXPECT_EQ(open_fds(), fds_before);
    remove_gate(never);
}

TEST(ProcessPool, ChildrenCpuTimeCountsOnceReaped) {
    constexpr std::uint64_t kPrime = 1125899906842597;   // a prime near 2**50: ~0.1 s of trial division
    // The same work in this thread, measured in CPU time (wall time says little on a busy machine).
    const double thread_start = *platform::thread_cpu_seconds();
    ASSERT_EQ(primes::least_prime_factor(kPrime), kPrime);
    const double here = *platform::thread_cpu_seconds() - thread_start;

    const double before = children_cpu_s();
    auto pool = make_pool(1);
    EXPECT_EQ(test::result(pool->submit({"primes.lpf", std::to_string(kPrime)})), std::to_string(kPrime));
    pool->shutdown(true, false);
    const double used = children_cpu_s() - before;
    EXPECT_GT(used, 0.7 * here) << "the task took " << here << " s of CPU here; children's CPU grew by " << used << " s";
}

namespace {
/// What each open descriptor of process `pid` points at ("pipe:[1234]", "/dev/null"…).
std::vector<std::string> fd_targets(pid_t pid) {
    std::vector<std::string> out;
    const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
    DIR* d = opendir(dir.c_str());
    if (!d) return out;
    while (dirent* entry = readdir(d)) {
        if (entry->d_name[0] == '.') continue;
        char target[512];
        const ssize_t n = readlink((dir + "/" + entry->d_name).c_str(), target, sizeof target - 1);
        if (n > 0) out.emplace_back(target, static_cast<std::size_t>(n));
    }
    closedir(d);
    return out;
}

std::string fd_target(pid_t pid, int fd) {
    char target[512];
    const std::string link = "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd);
    const ssize_t n = readlink(link.c_str(), target, sizeof target - 1);
    return n > 0 ? std::string(target, static_cast<std::size_t>(n)) : std::string();
}
}  // namespace

TEST(ProcessPool, WorkersInheritNoOtherDescriptors) {
    int leaked[2];
    ASSERT_EQ(pipe(leaked), 0);   // no O_CLOEXEC: as careless code elsewhere in the program might do
    const std::string leaked_pipe = fd_target(getpid(), leaked[0]);
    auto pool = make_pool(2);
    Future a = pool->submit({"test.sleep_ms", "3000"});
    Future b = pool->submit({"test.sleep_ms", "3000"});
    const pid_t pid_a = wait_until_running(a), pid_b = wait_until_running(b);
    const std::string stdin_a = fd_target(pid_a, 0), stdin_b = fd_target(pid_b, 0);
    EXPECT_EQ(stdin_a.rfind("pipe:", 0), 0u) << stdin_a;
    EXPECT_NE(stdin_a, stdin_b);
    for (const auto& target : fd_targets(pid_a)) {
        EXPECT_NE(target, leaked_pipe);
        EXPECT_NE(target, stdin_b) << "worker A holds worker B's stdin";
    }
    for (const auto& target : fd_targets(pid_b)) {
        EXPECT_NE(target, leaked_pipe);
        EXPECT_NE(target, stdin_a) << "worker B holds worker A's stdin";
    }
    pool->cancel_all();
    close(leaked[0]);
    close(leaked[1]);
}

TEST(ProcessPool, AnExecutableThatIsNotConclabFailsToStart) {
    if (const char* env = std::getenv("CONCLAB_WORKER_EXE"); env && *env) GTEST_SKIP() << "CONCLAB_WORKER_EXE is set";
    const int fds_before = open_fds();
    platform::set_worker_executable("/nonexistent/conclab");
    try {
        platform::make_process_pool(2);
        ADD_FAILURE() << "expected std::runtime_error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/conclab"), std::string::npos) << e.what();
    }
    platform::set_worker_executable("/bin/true");   // starts, says nothing, exits 0
    try {
        platform::make_process_pool(2);
        ADD_FAILURE() << "expected std::runtime_error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("exit status 0) before it was ready"), std::string::npos) << e.what();
    }
    platform::set_worker_executable(CONCLAB_TEST_WORKER);
    expect_no_zombies();
    EXPECT_EQ(open_fds(), fds_before);
}

TEST(ProcessPool, WorkerExecutableIsTheConfiguredConclab) {
    platform::set_worker_executable(CONCLAB_EXE);
    if (const char* env = std::getenv("CONCLAB_WORKER_EXE"); env && *env)
        EXPECT_EQ(platform::worker_executable(), env);
    else
        EXPECT_EQ(platform::worker_executable(), CONCLAB_EXE);
}
