// The native process pool when its workers misbehave: a worker that sends a malformed message, one
// that dies while idle, one that cannot be replaced because its executable is gone, and workers whose
// pool is killed (they must not outlive it). Each fault ends as an error on the futures it touched,
// never as a hang or a crash.
#include "core/exec/message.h"
#include "platform/native/worker_handle.h"
#include "platform/platform.h"
#include "proc_file.h"
#include "wait_until.h"
#include "within.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

using namespace conclab;
using namespace std::chrono_literals;
using exec::Future;
using exec::FutureStatus;
using test::wait_until;

namespace {

bool worker_exe_overridden() {
    const char* env = std::getenv("CONCLAB_WORKER_EXE");
    return env && *env;
}

std::string error_of(const Future& f) { return test::error_of<exec::TaskError>(f); }

pid_t pid_of(const Future& f) { return static_cast<pid_t>(std::atoi(f.record().worker.c_str() + 4)); }   // "pid N"

bool reaped(pid_t pid) { return kill(pid, 0) == -1 && errno == ESRCH; }

/// A fresh folder under /tmp, removed with what it holds at the end of the test.
class TempDir {
public:
    TempDir() {
        char name[] = "/tmp/conclab-pool-test-XXXXXX";
        path_ = mkdtemp(name);
    }
    ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

void write_file(const std::string& path, const std::string& bytes, mode_t mode = 0644) {
    std::ofstream(path, std::ios::binary) << bytes;
    chmod(path.c_str(), mode);
}

}  // namespace

TEST(ProcessPoolFaults, AMalformedMessageFailsTheTaskAndTheWorkerIsReplaced) {
    if (worker_exe_overridden()) GTEST_SKIP() << "CONCLAB_WORKER_EXE is set";
    // A fake worker: a proper hello, then garbage for an answer once a task arrives.
    TempDir dir;
    write_file(dir.file("hello"), exec::message::encode(exec::message::Hello{1}));
    write_file(dir.file("garbage"), std::string("\x05\0\0\0xxxxx", 9));   // a field length of "xxxx"
    write_file(dir.file("worker"),
               "#!/bin/sh\ncat '" + dir.file("hello") + "'\nhead -c 1 >/dev/null\ncat '" + dir.file("garbage") +
                   "'\nexec cat >/dev/null\n",
               0755);
    platform::set_worker_executable(dir.file("worker"));
    auto pool = platform::make_process_pool(1);
    Future first = pool->submit({"test.echo", "a"});
    Future second = pool->submit({"test.echo", "b"});
    const std::string error = error_of(first);
    EXPECT_NE(error.find("sent a malformed message: malformed message: a field of"), std::string::npos) << error;
    EXPECT_NE(error_of(second).find("sent a malformed message"), std::string::npos);
    EXPECT_NE(pid_of(first), pid_of(second)) << "the second task ran on a replacement";
    EXPECT_TRUE(reaped(pid_of(first)));
    pool.reset();
    platform::set_worker_executable(CONCLAB_TEST_WORKER);
}

TEST(ProcessPoolFaults, AWorkerDyingIdleIsReplacedAndNoTaskFails) {
    platform::set_worker_executable(CONCLAB_TEST_WORKER);
    auto pool = platform::make_process_pool(1);
    Future before = pool->submit({"test.echo", "before"});
    EXPECT_EQ(test::result(before), "before");
    const pid_t idle = pid_of(before);
    ASSERT_EQ(kill(idle, SIGKILL), 0);
    ASSERT_TRUE(wait_until([&] { return reaped(idle); })) << "the pool did not reap its dead idle worker";
    Future after = pool->submit({"test.echo", "after"});
    EXPECT_EQ(test::result(after), "after");
    EXPECT_NE(pid_of(after), idle);
    EXPECT_EQ(before.status(), FutureStatus::finished);
}

TEST(ProcessPoolFaults, AWorkerThatCannotBeReplacedFailsTheQueueWithoutHanging) {
    if (worker_exe_overridden()) GTEST_SKIP() << "CONCLAB_WORKER_EXE is set";
    TempDir dir;
    const std::string link = dir.file("test_worker");
    ASSERT_EQ(symlink(CONCLAB_TEST_WORKER, link.c_str()), 0);
    platform::set_worker_executable(link);
    auto pool = platform::make_process_pool(1);
    platform::set_worker_executable(CONCLAB_TEST_WORKER);
    Future doomed = pool->submit({"test.sleep_ms", "60000"});
    Future queued = pool->submit({"test.echo", "queued"});
    ASSERT_TRUE(wait_until([&] { return doomed.status() == FutureStatus::running; }));
    ASSERT_EQ(unlink(link.c_str()), 0);   // the executable is gone: no replacement can start
    const pid_t pid = pid_of(doomed);
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    EXPECT_EQ(error_of(doomed), "worker pid " + std::to_string(pid) + " died (signal 9, SIGKILL) while running test.sleep_ms(60000)");
    const std::string expected = "no worker process is running: cannot start a worker process from '" + link + "'";
    EXPECT_EQ(error_of(queued).rfind(expected, 0), 0u) << error_of(queued);
    // Later work fails the same way (after the pool's next try), rather than waiting for ever.
    EXPECT_EQ(error_of(pool->submit({"test.echo", "later"})).rfind(expected, 0), 0u);
    pool.reset();
}

TEST(ProcessPoolFaults, RecordsCarryTheWorkersCpuTimeAndStartUp) {
    platform::set_worker_executable(CONCLAB_TEST_WORKER);
    auto pool = platform::make_process_pool(1);
    Future f = pool->submit({"primes.lpf", "1125899906842597"});   // a prime near 2**50: ~0.1 s of CPU
    EXPECT_EQ(test::result(f), "1125899906842597");
    const auto record = f.record();
    ASSERT_TRUE(record.cpu_s.has_value());
    EXPECT_GT(*record.cpu_s, 0.0);
    EXPECT_LE(*record.cpu_s, record.elapsed_s() + 0.05);   // one single-threaded task: CPU ≤ wall (+ rusage granularity)
    ASSERT_TRUE(record.worker_startup_s.has_value());
    EXPECT_GT(*record.worker_startup_s, 0.0);
    EXPECT_LE(*record.worker_startup_s, record.started_s);
    // Threads have no per-task CPU figure of their own.
    EXPECT_FALSE(exec::make_thread_pool(1)->submit({"test.echo", "x"}).record().cpu_s.has_value());
}

namespace {

struct ProcStat {
    char state = '?';
    unsigned long long start_time = 0;
};

/// Fields 3 and 22 of /proc/PID/stat; nullopt when the process is gone.
std::optional<ProcStat> proc_stat(pid_t pid) {
    const std::string text = conclab::test::read_proc_file("/proc/" + std::to_string(pid) + "/stat");
    const auto close = text.rfind(')');   // the command name may hold spaces and parentheses
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(text.substr(close + 2));
    ProcStat s;
    std::string skip;
    fields >> s.state;
    for (int i = 4; i <= 21; ++i) fields >> skip;
    fields >> s.start_time;
    return s;
}

/// Reads lines from a pipe until `count` arrived or the deadline passed.
std::vector<std::string> read_lines(int fd, std::size_t count, std::chrono::seconds limit) {
    std::string text;
    std::vector<std::string> lines;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (lines.size() < count && std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0) continue;
        char buffer[256];
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n')) {
            lines.push_back(text.substr(0, nl));
            text.erase(0, nl + 1);
        }
    }
    return lines;
}

bool gone(pid_t pid, unsigned long long start_time) {
    const auto s = proc_stat(pid);
    return !s || s->state == 'Z' || s->start_time != start_time;
}

}  // namespace

TEST(ProcessPoolFaults, WorkersDieWithTheirPool) {
    // A process with a pool of two workers, each running a ten-minute task; it names them once they run.
    std::string exe = POOL_PARENT_EXE, worker = CONCLAB_TEST_WORKER;
    std::vector<char*> argv = {exe.data(), worker.data(), nullptr};
    int out[2];
    ASSERT_EQ(pipe2(out, O_CLOEXEC), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    pid_t parent = -1;
    const int spawned = posix_spawn(&parent, exe.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    ASSERT_EQ(spawned, 0);
    const std::vector<std::string> names = read_lines(out[0], 2, 30s);
    close(out[0]);
    std::map<pid_t, unsigned long long> workers;   // pid → start time, to tell a reused pid apart
    for (const auto& name : names) {
        const pid_t pid = static_cast<pid_t>(std::atoi(name.c_str() + 4));
        if (auto s = proc_stat(pid)) workers[pid] = s->start_time;
    }
    kill(parent, SIGKILL);
    waitpid(parent, nullptr, 0);
    ASSERT_EQ(workers.size(), 2u) << "pool_parent did not report two busy workers";

    const bool all_gone = wait_until([&] {
        for (auto [pid, start] : workers)
            if (!gone(pid, start)) return false;
        return true;
    });
    for (auto [pid, start] : workers)
        if (!gone(pid, start)) kill(pid, SIGKILL);   // leave no orphan behind, even when failing
    EXPECT_TRUE(all_gone) << "worker processes outlived their pool";
}
