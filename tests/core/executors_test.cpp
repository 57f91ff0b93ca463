#include "exec/executor.h"
#include "exec/gil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace conclab::exec;
using namespace std::chrono_literals;

namespace {

std::vector<std::unique_ptr<Executor>> all_in_process_executors(int workers) {
    std::vector<std::unique_ptr<Executor>> out;
    out.push_back(make_sequential_executor());
    out.push_back(make_thread_pool(workers));
    out.push_back(make_gil_thread_pool(workers, 1ms));
    return out;
}

}  // namespace

TEST(Executors, KindsParseAndPrint) {
    for (auto kind : {ExecutorKind::sequential, ExecutorKind::threads, ExecutorKind::processes, ExecutorKind::gil})
        EXPECT_EQ(parse_executor_kind(to_string(kind)), kind);
    EXPECT_FALSE(parse_executor_kind("fibers"));
}

TEST(Executors, MapKeepsArgumentOrder) {
    for (auto& ex : all_in_process_executors(4)) {
        std::vector<std::string> args;
        // Earlier arguments sleep longer, so completion order is the reverse of submission order.
        for (int i = 0; i < 6; ++i) args.push_back(std::to_string((6 - i) * 5));
        EXPECT_EQ(map(*ex, "test.sleep_ms", args), args) << to_string(ex->kind());
    }
}

TEST(Executors, AsCompletedYieldsInCompletionOrder) {
    auto pool = make_thread_pool(3);
    std::vector<Future> futures;
    for (const char* ms : {"300", "10", "150"}) futures.push_back(pool->submit({"test.sleep_ms", ms}));
    AsCompleted completed(futures);
    std::vector<std::string> order;
    while (auto f = completed.next()) order.push_back(f->result());
    EXPECT_EQ(order, (std::vector<std::string>{"10", "150", "300"}));
    EXPECT_FALSE(completed.try_next());
}

TEST(Executors, ResultsNameTheirWorker) {
    auto pool = make_thread_pool(2);
    std::set<std::string> workers;
    std::vector<Future> futures;
    for (int i = 0; i < 4; ++i) futures.push_back(pool->submit({"test.sleep_ms", "30"}));
    for (auto& f : futures) {
        f.result();
        workers.insert(f.record().worker);
        EXPECT_GE(f.record().elapsed_s(), 0.025);
    }
    EXPECT_EQ(workers, (std::set<std::string>{"thread 1", "thread 2"}));
    auto one_by_one = make_sequential_executor();
    Future sequential = one_by_one->submit({"test.echo", "x"});
    sequential.result();
    EXPECT_EQ(sequential.record().worker, "main");
}

TEST(Executors, ExceptionsReachTheCaller) {
    for (auto& ex : all_in_process_executors(2)) {
        Future f = ex->submit({"test.fail", "boom at 42"});
        EXPECT_THROW(
            {
                try {
                    f.result();
                } catch (const TaskError& e) {
                    EXPECT_STREQ(e.what(), "boom at 42");
                    throw;
                }
            },
            TaskError);
        EXPECT_EQ(f.status(), FutureStatus::failed);
        Future unknown = ex->submit({"no.such.task", ""});
        EXPECT_THROW(unknown.result(), TaskError);
        EXPECT_NE(unknown.error()->find("no.such.task"), std::string::npos);
        EXPECT_THROW(map(*ex, "test.fail", {"a"}), TaskError);
    }
}

TEST(Executors, CancelPendingAndRunning) {
    for (auto& ex : all_in_process_executors(1)) {
        Future running = ex->submit({"test.sleep_ms", "5000"});
        Future pending = ex->submit({"test.echo", "never"});
        while (running.status() == FutureStatus::pending) std::this_thread::sleep_for(1ms);
        EXPECT_FALSE(running.cancel());   // running: Future.cancel() can't stop it
        EXPECT_TRUE(pending.cancel());
        EXPECT_THROW(pending.result(), CancelledError);
        const auto before = std::chrono::steady_clock::now();
        ex->cancel_all();                 // asks the running task to stop at its next checkpoint
        EXPECT_THROW(running.result(), TaskError);
        EXPECT_LT(std::chrono::steady_clock::now() - before, 2s);
        // The executor still works after a cancel.
        EXPECT_EQ(ex->submit({"test.echo", "again"}).result(), "again");
    }
}

TEST(Executors, CancelAllCancelsTheQueue) {
    auto pool = make_thread_pool(2);
    std::vector<Future> futures;
    for (int i = 0; i < 20; ++i) futures.push_back(pool->submit({"test.sleep_ms", "50"}));
    pool->cancel_all();
    int cancelled = 0;
    for (auto& f : futures) {
        try {
            f.result();
        } catch (const CancelledError&) {
            ++cancelled;
        } catch (const TaskError&) {
        }
    }
    EXPECT_GE(cancelled, 18);
}

TEST(Executors, ShutdownWaitsAndRefusesNewWork) {
    auto pool = make_thread_pool(2);
    Future f = pool->submit({"test.sleep_ms", "50"});
    pool->shutdown(true, false);
    EXPECT_TRUE(f.done());
    EXPECT_EQ(f.result(), "50");
    EXPECT_THROW(pool->submit({"test.echo", "late"}), std::logic_error);
}

TEST(Executors, WorkerCountIsValidated) {
    EXPECT_THROW(make_thread_pool(0), std::invalid_argument);
    EXPECT_THROW(make_thread_pool(65), std::invalid_argument);
    EXPECT_EQ(make_thread_pool(64)->workers(), 64);
}

TEST(Gil, OnlyOneThreadComputesAtATimeAndTheLockChangesHands) {
    Gil gil(1ms);
    std::atomic<int> inside{0}, most{0};
    std::vector<std::thread> threads;
    // Work until the lock has changed hands 40 times (about 40 ms with a 1 ms interval; a deadline of
    // seconds only guards against a hang on a loaded machine).
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            GilHold hold(&gil);
            while (gil.switches() < 40 && std::chrono::steady_clock::now() < deadline) {
                int now = ++inside;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {}
                --inside;
                gil.yield_if_requested();
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(most.load(), 1);
    EXPECT_GE(gil.switches(), 40u);
}

TEST(Gil, ThreadsInterleaveUnderTheLock) {
    // Two CPU-bound checks on two GIL threads: both start at once and hand the lock back and forth,
    // so each one's run spans the other's (as in CPython), instead of one after the other.
    auto gil_pool = make_gil_thread_pool(2, 1ms);
    std::vector<Future> futures;
    for (int i = 0; i < 2; ++i) futures.push_back(gil_pool->submit({"primes.lpf", "1125899906842597"}));
    for (auto& f : futures) EXPECT_EQ(f.result(), "1125899906842597");
    auto a = futures[0].record(), b = futures[1].record();
    EXPECT_LT(a.started_s, b.finished_s);
    EXPECT_LT(b.started_s, a.finished_s);
    // Each waited for the lock inside its task, and their computing times cannot overlap: together they
    // fit in the span of the run (give or take the moments between a hand-over and a checkpoint).
    EXPECT_GT(a.waited_s, 0.0);
    EXPECT_GT(b.waited_s, 0.0);
    const double span = std::max(a.finished_s, b.finished_s) - std::min(a.started_s, b.started_s);
    EXPECT_LE(a.busy_s() + b.busy_s(), span + 0.02);
    // The moments each waited are recorded (the timeline draws them): in order, inside the task's run,
    // adding up to its waited time.
    for (const auto& r : {a, b}) {
        ASSERT_FALSE(r.gil_waits.empty());
        double total = 0, last = r.started_s;
        for (const auto& w : r.gil_waits) {
            EXPECT_GE(w.from_s, last);
            EXPECT_GE(w.to_s, w.from_s);
            EXPECT_LE(w.to_s, r.finished_s + 1e-6);
            total += w.to_s - w.from_s;
            last = w.to_s;
        }
        EXPECT_NEAR(total, r.waited_s, 1e-6);
    }
}

TEST(Executors, WorkerCountRulesShared) {
    EXPECT_EQ(workers_error(1), "");
    EXPECT_EQ(workers_error(64), "");
    EXPECT_EQ(workers_error(0), "--workers 0 is out of range: use 1 to 64");
    EXPECT_EQ(workers_error(100000), "--workers 100000 is out of range: use 1 to 64");
    EXPECT_EQ(effective_workers(ExecutorKind::sequential, 8), 1);
    EXPECT_EQ(effective_workers(ExecutorKind::gil, 8), 8);
}
