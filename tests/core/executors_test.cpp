// Tests of core/exec: executor kinds, map and completion order, errors, cancel and shutdown, the GIL model.
#include "core/exec/executor.h"
#include "core/exec/gil.h"
#include "held_spans.h"
#include "test_tasks.h"
#include "within.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace conclab::exec;
using namespace std::chrono_literals;
namespace test = conclab::test;

namespace {

std::vector<test::HeldSpan> held_spans(const TaskRecord& r) {
    std::vector<test::HeldSpan> waits;
    for (const auto& w : r.gil_waits) waits.push_back({w.from_s, w.to_s});
    return test::held_spans(r.started_s, r.finished_s, waits);
}

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
        // Earlier arguments sleep longer, so completion order is likely the reverse of submission order.
        for (int i = 0; i < 6; ++i) args.push_back(std::to_string((6 - i) * 5));
        EXPECT_EQ(test::within([&] { return map(*ex, "test.sleep_ms", args); }, "map"), args) << to_string(ex->kind());
    }
}

TEST(Executors, AsCompletedYieldsInCompletionOrder) {
    // Three tasks wait at gates that the test opens one at a time, in an order unlike submission order, each
    // once the one before has been handed out: the order of completion is the test's, not the scheduler's.
    auto pool = make_thread_pool(3);
    const std::vector<std::string> gates = {test::gate_name("first"), test::gate_name("second"), test::gate_name("third")};
    std::vector<Future> futures;
    for (const auto& name : gates) futures.push_back(pool->submit({"test.wait_gate", name}));
    AsCompleted completed(futures);
    std::vector<std::string> order;
    for (int i : {1, 2, 0}) {
        ASSERT_TRUE(test::gate(gates[static_cast<std::size_t>(i)]).wait_arrived(1)) << gates[static_cast<std::size_t>(i)];
        EXPECT_FALSE(completed.try_next()) << "a task finished before its gate opened";
        test::gate(gates[static_cast<std::size_t>(i)]).open();
        auto f = test::within([&] { return completed.next(); }, "AsCompleted::next");
        ASSERT_TRUE(f);
        order.push_back(test::result(*f));
    }
    EXPECT_EQ(order, (std::vector<std::string>{gates[1], gates[2], gates[0]}));
    EXPECT_EQ(completed.remaining(), 0u);
    EXPECT_FALSE(completed.next());
    EXPECT_FALSE(completed.try_next());
}

TEST(Executors, ResultsNameTheirWorker) {
    // Two tasks that return only once both have started (they meet at a barrier) ran at the same time, so on
    // two different threads of a 2-thread pool: between them they name both workers.
    auto pool = make_thread_pool(2);
    const std::string meet = test::gate_name("meet") + ":2";
    std::vector<Future> futures;
    for (int i = 0; i < 2; ++i) futures.push_back(pool->submit({"test.meet", meet}));
    std::set<std::string> workers;
    for (auto& f : futures) {
        EXPECT_EQ(test::result(f), meet);
        workers.insert(f.record().worker);
        EXPECT_LE(f.record().started_s, f.record().finished_s);
    }
    EXPECT_EQ(workers, (std::set<std::string>{"thread 1", "thread 2"}));
    auto one_by_one = make_sequential_executor();
    Future sequential = one_by_one->submit({"test.echo", "x"});
    test::result(sequential);
    EXPECT_EQ(sequential.record().worker, "main");
}

TEST(Executors, ExceptionsReachTheCaller) {
    for (auto& ex : all_in_process_executors(2)) {
        Future f = ex->submit({"test.fail", "boom at 42"});
        EXPECT_THROW(
            {
                try {
                    test::result(f);
                } catch (const TaskError& e) {
                    EXPECT_STREQ(e.what(), "boom at 42");
                    throw;
                }
            },
            TaskError);
        EXPECT_EQ(f.status(), FutureStatus::failed);
        Future unknown = ex->submit({"no.such.task", ""});
        EXPECT_THROW(test::result(unknown), TaskError);
        EXPECT_NE(unknown.error()->find("no.such.task"), std::string::npos);
        EXPECT_THROW(test::within([&] { return map(*ex, "test.fail", {"a"}); }, "map"), TaskError);
    }
}

TEST(Executors, CancelPendingAndRunning) {
    for (auto& ex : all_in_process_executors(1)) {
        // A task that only cancel_all can end (its gate never opens), and one queued behind it.
        Future running = ex->submit({"test.wait_gate", test::gate_name("never")});
        Future pending = ex->submit({"test.echo", "never"});
        test::spin_until([&] { return running.status() != FutureStatus::pending; }, "the first task to start");
        EXPECT_EQ(running.status(), FutureStatus::running);
        EXPECT_FALSE(running.cancel());   // running: Future.cancel() can't stop it
        EXPECT_TRUE(pending.cancel());
        EXPECT_THROW(test::result(pending), CancelledError);
        ex->cancel_all();                 // asks the running task to stop at its next checkpoint
        EXPECT_THROW(test::result(running), TaskError);
        // The executor still works after a cancel.
        EXPECT_EQ(test::result(ex->submit({"test.echo", "again"})), "again");
    }
}

TEST(Executors, CancelAllCancelsTheQueue) {
    // Both workers are held at a gate (each task there has started: it can't be the one cancelled), 18 more
    // tasks queue behind them: cancel_all cancels exactly those 18 and stops the two that run.
    auto pool = make_thread_pool(2);
    const std::string held = test::gate_name("held");
    std::vector<Future> running;
    for (int i = 0; i < 2; ++i) running.push_back(pool->submit({"test.wait_gate", held}));
    ASSERT_TRUE(test::gate(held).wait_arrived(2));
    std::vector<Future> queued;
    for (int i = 0; i < 18; ++i) queued.push_back(pool->submit({"test.echo", std::to_string(i)}));
    for (auto& f : queued) EXPECT_EQ(f.status(), FutureStatus::pending);
    pool->cancel_all();
    test::gate(held).open();
    int cancelled = 0;
    for (auto& f : queued) {
        EXPECT_EQ(f.status(), FutureStatus::cancelled);
        try {
            test::result(f);
        } catch (const CancelledError&) {
            ++cancelled;
        }
    }
    EXPECT_EQ(cancelled, 18);
    for (auto& f : running) {
        // Stopped at a checkpoint, or through the gate first if it opened before the stop was seen.
        try {
            EXPECT_EQ(test::result(f), held);
        } catch (const TaskError& e) {
            EXPECT_STREQ(e.what(), "cancelled while running");
        }
        EXPECT_NE(f.status(), FutureStatus::cancelled);
    }
    EXPECT_EQ(test::result(pool->submit({"test.echo", "after"})), "after");
}

TEST(Executors, ShutdownWaitsAndRefusesNewWork) {
    auto pool = make_thread_pool(2);
    Future f = pool->submit({"test.sleep_ms", "50"});
    test::within([&] { pool->shutdown(true, false); }, "shutdown(wait)");
    EXPECT_TRUE(f.done());
    EXPECT_EQ(test::result(f), "50");
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
    for (auto& t : threads) test::within([&] { t.join(); }, "joining a GIL thread");
    EXPECT_EQ(most.load(), 1);
    EXPECT_GE(gil.switches(), 40u);
}

TEST(Gil, ThreadsInterleaveUnderTheLock) {
    // Two CPU-bound checks on two GIL threads, which first meet at a barrier (test.after_gate "NAME:2"): both are
    // inside their tasks before either computes, so each one's run spans the other's (as in CPython), and the
    // first to arrive had to let the lock go for the second to arrive at all.
    auto gil_pool = make_gil_thread_pool(2, 1ms);
    const std::string meet = test::gate_name("gil") + ":2";
    std::vector<Future> futures;
    for (int i = 0; i < 2; ++i) futures.push_back(gil_pool->submit({"test.after_gate", meet + "|primes.lpf|1125899906842597"}));
    for (auto& f : futures) EXPECT_EQ(test::result(f), "1125899906842597");
    auto a = futures[0].record(), b = futures[1].record();
    EXPECT_LT(a.started_s, b.finished_s);
    EXPECT_LT(b.started_s, a.finished_s);
    EXPECT_GT(a.waited_s + b.waited_s, 0.0);
    // Their computing times cannot overlap: a task starts and finishes holding the lock, and each wait is recorded
    // from before it lets go to after it has the lock back, so the moments each held the lock are disjoint (up to
    // the rounding of a wait's end).
    const double span = std::max(a.finished_s, b.finished_s) - std::min(a.started_s, b.started_s);
    EXPECT_LE(a.busy_s() + b.busy_s(), span + 1e-6);
    EXPECT_EQ(test::overlapping_holds(held_spans(a), held_spans(b), 1e-6), 0u);
    // The moments each waited are recorded (the timeline draws them): in order, inside the task's run,
    // adding up to its waited time.
    for (const auto& r : {a, b}) {
        if (r.waited_s == 0) continue;   // the second to arrive may have computed without waiting (a busy machine)
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
