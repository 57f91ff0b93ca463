// core/aio: the event loop's semantics on a virtual clock (ordering, fairness, cancellation with cleanup,
// exceptions, gather/as_completed, semaphores, timeouts, no task lost or run twice), plus the one real
// wait: another thread waking a loop that blocks.
#include "core/aio/aio.h"
#include "within.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace aio = conclab::aio;
using aio::Task;

namespace {

using Log = std::vector<std::string>;

/// Records its destruction: proof that a coroutine's cleanup ran.
struct Cleanup {
    int* count;
    ~Cleanup() { ++*count; }
};

Task<void> log_and_return(Log& log, std::string name) {
    log.push_back(name);
    co_return;
}

Task<void> sleep_then_log(Log& log, std::string name, double seconds) {
    co_await aio::sleep(seconds);
    log.push_back(name);
}

Task<int> value_after(double seconds, int value) {
    co_await aio::sleep(seconds);
    co_return value;
}

Task<int> fail_after(double seconds, std::string message) {
    co_await aio::sleep(seconds);
    throw std::runtime_error(message);
}

}  // namespace

TEST(Aio, ReadyTasksRunInSpawnOrder) {
    aio::EventLoop loop;
    Log log;
    for (const char* name : {"a", "b", "c", "d"}) loop.spawn(log_and_return(log, name), name);
    loop.run();
    EXPECT_EQ(log, (Log{"a", "b", "c", "d"}));
}

TEST(Aio, EqualTimersFireInTheOrderTheyWereSet) {
    aio::EventLoop loop;
    Log log;
    for (const char* name : {"first", "second", "third"}) loop.spawn(sleep_then_log(log, name, 1.0));
    loop.spawn(sleep_then_log(log, "earlier", 0.5));
    loop.run_once();   // the sleepers set their timers, in spawn order
    loop.call_at(1.0, [&] { log.push_back("callback"); });
    loop.run();
    EXPECT_EQ(log, (Log{"earlier", "first", "second", "third", "callback"}));
    EXPECT_DOUBLE_EQ(loop.now_s(), 1.0);
}

namespace {
Task<void> take_turns(Log& log, std::string name, int turns) {
    for (int i = 0; i < turns; ++i) {
        log.push_back(name + std::to_string(i));
        co_await aio::sleep(0);
    }
}
}  // namespace

TEST(Aio, SleepZeroLetsOthersRunFirst) {
    aio::EventLoop loop;
    Log log;
    loop.spawn(take_turns(log, "a", 3));
    loop.spawn(take_turns(log, "b", 3));
    loop.run();
    EXPECT_EQ(log, (Log{"a0", "b0", "a1", "b1", "a2", "b2"}));
    EXPECT_DOUBLE_EQ(loop.now_s(), 0.0);
}

namespace {
Task<int> add_nested(int depth) {
    if (depth == 0) co_return 0;
    co_return 1 + co_await add_nested(depth - 1);
}

Task<std::string> catch_from_nested() {
    try {
        co_await fail_after(1, "deep");
    } catch (const std::runtime_error& error) {
        co_return std::string("caught ") + error.what();
    }
    co_return "nothing";
}
}  // namespace

TEST(Aio, ValuesAndExceptionsReachTheAwaiter) {
    aio::EventLoop loop;
    // Deep nesting runs in constant stack (the loop's trampoline), even under ASan.
    EXPECT_EQ(loop.run_until_complete(add_nested(10000)), 10000);
    EXPECT_EQ(loop.run_until_complete(catch_from_nested()), "caught deep");
    EXPECT_THROW(loop.run_until_complete(fail_after(1, "top")), std::runtime_error);

    auto ok = loop.spawn(value_after(2, 7), "ok");
    auto bad = loop.spawn(fail_after(1, "handle"), "bad");
    auto waiter = [](aio::TaskHandle<int> good, aio::TaskHandle<int> failing) -> Task<std::string> {
        std::string out = std::to_string(co_await good);
        try {
            co_await failing;
        } catch (const std::runtime_error& error) {
            out += std::string(" ") + error.what();
        }
        co_return out;
    };
    EXPECT_EQ(loop.run_until_complete(waiter(ok, bad)), "7 handle");
    EXPECT_TRUE(bad.failed());
    EXPECT_EQ(ok.state(), aio::TaskState::finished);
    auto counts = loop.snapshot();
    EXPECT_EQ(counts.failed, 2u);   // "top" and "bad"
}

TEST(Aio, GatherKeepsArgumentOrderAndOverlapsTheWaits) {
    aio::EventLoop loop;
    std::vector<Task<int>> tasks;
    tasks.push_back(value_after(3, 1));
    tasks.push_back(value_after(1, 2));
    tasks.push_back(value_after(2, 3));
    EXPECT_EQ(loop.run_until_complete(aio::gather(std::move(tasks))), (std::vector<int>{1, 2, 3}));
    EXPECT_DOUBLE_EQ(loop.now_s(), 3.0);
}

namespace {
Task<int> sleep_with_cleanup(double seconds, int* cleanups, int* finished) {
    Cleanup cleanup{cleanups};
    co_await aio::sleep(seconds);
    ++*finished;
    co_return 0;
}
}  // namespace

TEST(Aio, GatherCancelsTheOthersOnFirstFailureThenRethrowsIt) {
    aio::EventLoop loop;
    int cleanups = 0;
    int finished = 0;
    std::vector<Task<int>> tasks;
    tasks.push_back(sleep_with_cleanup(5, &cleanups, &finished));
    tasks.push_back(fail_after(2, "second"));
    tasks.push_back(fail_after(1, "first"));
    tasks.push_back(sleep_with_cleanup(5, &cleanups, &finished));
    try {
        loop.run_until_complete(aio::gather(std::move(tasks)), "gatherer");
        FAIL() << "gather did not throw";
    } catch (const std::runtime_error& error) {
        EXPECT_STREQ(error.what(), "first");
    }
    EXPECT_EQ(cleanups, 2);
    EXPECT_EQ(finished, 0);
    EXPECT_DOUBLE_EQ(loop.now_s(), 1.0);
    EXPECT_EQ(loop.unfinished_tasks(), 0u);
    EXPECT_EQ(loop.snapshot().cancelled, 3u);   // both sleepers and "second"
}

TEST(Aio, CancellingGatherCancelsEveryChild) {
    aio::EventLoop loop;
    int cleanups = 0;
    int finished = 0;
    std::vector<Task<int>> tasks;
    for (int i = 0; i < 3; ++i) tasks.push_back(sleep_with_cleanup(10, &cleanups, &finished));
    auto gathering = loop.spawn(aio::gather(std::move(tasks)), "gatherer");
    loop.call_at(4, [&] { gathering.cancel(); });
    loop.run();
    EXPECT_TRUE(gathering.cancelled());
    EXPECT_EQ(cleanups, 3);
    EXPECT_EQ(finished, 0);
    EXPECT_DOUBLE_EQ(loop.now_s(), 4.0);
}

TEST(Aio, AsCompletedHandsOutTasksByCompletionTime) {
    aio::EventLoop loop;
    std::vector<Task<int>> tasks;
    for (int seconds : {4, 1, 3, 2}) tasks.push_back(value_after(seconds, seconds * 10));
    auto completed = aio::as_completed(loop, std::move(tasks));
    auto collect = [](aio::AsCompleted<int>& source, aio::EventLoop& owner) -> Task<std::vector<std::pair<int, double>>> {
        std::vector<std::pair<int, double>> out;
        while (auto done = co_await source.next()) out.emplace_back(co_await *done, owner.now_s());
        co_return out;
    };
    auto order = loop.run_until_complete(collect(completed, loop));
    EXPECT_EQ(order, (std::vector<std::pair<int, double>>{{10, 1.0}, {20, 2.0}, {30, 3.0}, {40, 4.0}}));
    EXPECT_EQ(completed.remaining(), 0u);
}

namespace {
Task<void> hold_permit(aio::Semaphore& semaphore, Log& acquired, int& holders, int& max_holders, std::string name,
                       double seconds) {
    auto permit = co_await semaphore.acquire();
    acquired.push_back(name);
    max_holders = std::max(max_holders, ++holders);
    co_await aio::sleep(seconds);
    --holders;
}
}  // namespace

TEST(Aio, SemaphoreBoundsConcurrencyAndServesWaitersInOrder) {
    aio::EventLoop loop;
    aio::Semaphore semaphore(3);
    Log acquired;
    int holders = 0;
    int max_holders = 0;
    for (int i = 0; i < 10; ++i) {
        std::string name = std::to_string(i);
        name.insert(name.begin(), 't');
        loop.spawn(hold_permit(semaphore, acquired, holders, max_holders, name, 1 + (i % 3)));
    }
    loop.run();
    EXPECT_EQ(max_holders, 3);
    EXPECT_EQ(acquired, (Log{"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"}));
    EXPECT_EQ(semaphore.available(), 3);
    EXPECT_EQ(semaphore.waiting(), 0u);
}

TEST(Aio, SemaphoreLosesNoPermitToCancelledWaiters) {
    aio::EventLoop loop;
    aio::Semaphore semaphore(1);
    Log acquired;
    int holders = 0;
    int max_holders = 0;
    loop.spawn(hold_permit(semaphore, acquired, holders, max_holders, "owner", 2));
    auto parked = loop.spawn(hold_permit(semaphore, acquired, holders, max_holders, "parked", 1));
    auto granted = loop.spawn(hold_permit(semaphore, acquired, holders, max_holders, "granted", 1));
    loop.spawn(hold_permit(semaphore, acquired, holders, max_holders, "last", 1));
    loop.run_until(1);
    parked.cancel();   // cancelled while parked in the queue
    EXPECT_EQ(semaphore.waiting(), 2u);
    // At t=2 the owner's permit passes to "granted", which is cancelled before it runs: it must pass it on.
    loop.call_at(2, [&] { granted.cancel(); });
    loop.run();
    EXPECT_EQ(acquired, (Log{"owner", "last"}));
    EXPECT_TRUE(parked.cancelled());
    EXPECT_TRUE(granted.cancelled());
    EXPECT_EQ(semaphore.available(), 1);
}

TEST(Aio, WaitForCancelsOnTimeoutAndTheCleanupRuns) {
    aio::EventLoop loop;
    int cleanups = 0;
    int finished = 0;
    EXPECT_THROW(loop.run_until_complete(aio::wait_for(sleep_with_cleanup(10, &cleanups, &finished), 2.5)),
                 aio::TimeoutError);
    EXPECT_EQ(cleanups, 1);
    EXPECT_EQ(finished, 0);
    EXPECT_DOUBLE_EQ(loop.now_s(), 2.5);
    EXPECT_EQ(loop.run_until_complete(aio::wait_for(value_after(1, 5), 2)), 5);
    EXPECT_DOUBLE_EQ(loop.now_s(), 3.5);
    EXPECT_EQ(loop.snapshot().timers.size(), 0u);   // the unused deadline was removed
}

namespace {
Task<int> sleep_and_report_cancel(Log& log, int* cleanups) {
    Cleanup cleanup{cleanups};
    try {
        co_await aio::sleep(100);
    } catch (const aio::CancelledError&) {
        log.push_back("saw CancelledError");
        throw;
    }
    log.push_back("woke normally");
    co_return 1;
}
}  // namespace

TEST(Aio, CancellingASleepingTaskRaisesInsideRunsCleanupAndReachesTheAwaiter) {
    aio::EventLoop loop;
    Log log;
    int cleanups = 0;
    auto sleeper = loop.spawn(sleep_and_report_cancel(log, &cleanups), "sleeper");
    auto awaiter = [](aio::TaskHandle<int> target, Log& out) -> Task<void> {
        try {
            co_await target;
        } catch (const aio::CancelledError&) {
            out.push_back("awaiter saw CancelledError");
        }
    };
    auto watching = loop.spawn(awaiter(sleeper, log));
    loop.call_at(3, [&] { EXPECT_TRUE(sleeper.cancel()); });
    loop.run();
    EXPECT_EQ(log, (Log{"saw CancelledError", "awaiter saw CancelledError"}));
    EXPECT_EQ(cleanups, 1);
    EXPECT_TRUE(sleeper.cancelled());
    EXPECT_FALSE(sleeper.cancel());
    EXPECT_EQ(watching.state(), aio::TaskState::finished);
    EXPECT_DOUBLE_EQ(loop.now_s(), 3.0);
    EXPECT_THROW(sleeper.result(), aio::CancelledError);
}

TEST(Aio, ATaskCancelledBeforeItStartsNeverRuns) {
    aio::EventLoop loop;
    Log log;
    auto never = loop.spawn(log_and_return(log, "ran"), "never");
    EXPECT_TRUE(never.cancel());
    EXPECT_FALSE(never.done());   // done once the loop has run it
    loop.run();
    EXPECT_TRUE(never.cancelled());
    EXPECT_TRUE(log.empty());
    EXPECT_THROW(never.result(), aio::CancelledError);
}

TEST(Aio, ACancelThatArrivesAfterTheLastAwaitStillCancels) {
    aio::EventLoop loop;
    auto self_cancel = [](aio::TaskHandle<int>* self) -> Task<int> {
        self->cancel();
        co_return 1;
    };
    aio::TaskHandle<int> handle;
    handle = loop.spawn(self_cancel(&handle));
    loop.run();
    EXPECT_TRUE(handle.cancelled());
}

TEST(Aio, ACaughtCancellationIsDeliveredOnce) {
    aio::EventLoop loop;
    auto stubborn = []() -> Task<int> {
        try {
            co_await aio::sleep(10);
        } catch (const aio::CancelledError&) {
        }
        co_await aio::sleep(1);
        co_return 42;
    };
    auto handle = loop.spawn(stubborn());
    loop.call_at(2, [&] { handle.cancel(); });
    loop.run();
    EXPECT_EQ(handle.result(), 42);
    EXPECT_DOUBLE_EQ(loop.now_s(), 3.0);
}

TEST(Aio, EventWakesEveryWaiterInOrder) {
    aio::EventLoop loop;
    aio::Event event;
    Log log;
    auto waiter = [](aio::Event& e, Log& out, std::string name) -> Task<void> {
        co_await e.wait();
        out.push_back(name);
    };
    loop.spawn(waiter(event, log, "w1"));
    loop.spawn(waiter(event, log, "w2"));
    loop.call_at(5, [&] { event.set(); });
    loop.run();
    EXPECT_EQ(log, (Log{"w1", "w2"}));
    loop.run_until_complete(waiter(event, log, "w3"));
    EXPECT_EQ(log.back(), "w3");
}

TEST(Aio, FutureFulfilledByACallbackResumesItsWaiters) {
    aio::EventLoop loop;
    aio::Future<int> answer;
    aio::Future<> failure;
    auto read = [](aio::Future<int> future) -> Task<int> { co_return co_await future; };
    auto fail = [](aio::Future<> future) -> Task<void> { co_await future; };
    auto first = loop.spawn(read(answer));
    auto second = loop.spawn(read(answer));
    auto broken = loop.spawn(fail(failure));
    loop.call_later(1, [&] { answer.set_result(42); });
    loop.call_later(2, [&] { failure.set_exception(std::make_exception_ptr(std::runtime_error("io"))); });
    loop.run();
    EXPECT_EQ(first.result(), 42);
    EXPECT_EQ(second.result(), 42);
    EXPECT_THROW(broken.result(), std::runtime_error);
    EXPECT_THROW(answer.set_result(1), std::logic_error);
}

TEST(Aio, LoopWithNothingToDeliverReportsAStuckTask) {
    aio::EventLoop loop;
    aio::Event never_set;
    auto stuck = [](aio::Event& e) -> Task<void> { co_await e.wait(); };
    EXPECT_THROW(loop.run_until_complete(stuck(never_set)), std::runtime_error);
    EXPECT_EQ(loop.snapshot().waiting.size(), 1u);
}

TEST(Aio, DestroyingTheLoopDestroysUnfinishedFrames) {
    int cleanups = 0;
    int finished = 0;
    aio::Semaphore semaphore(1);
    aio::TaskHandle<int> sleeper;
    {
        aio::EventLoop loop;
        sleeper = loop.spawn(sleep_with_cleanup(10, &cleanups, &finished));
        auto holder = [](aio::Semaphore& s) -> Task<void> {
            auto permit = co_await s.acquire();
            co_await aio::sleep(100);
        };
        loop.spawn(holder(semaphore));
        loop.spawn(holder(semaphore));   // parked on the semaphore
        loop.spawn(sleep_with_cleanup(1, &cleanups, &finished));
        loop.run_until(1);
        EXPECT_EQ(semaphore.waiting(), 1u);
    }
    EXPECT_EQ(cleanups, 2);   // the 1 s sleeper's (it finished) and the 10 s sleeper's (its frame was destroyed)
    EXPECT_EQ(finished, 1);
    EXPECT_TRUE(sleeper.cancelled());
    EXPECT_FALSE(sleeper.cancel());
    EXPECT_EQ(semaphore.available(), 1);   // the holder's permit came back when its frame was destroyed
    EXPECT_EQ(semaphore.waiting(), 0u);
}

TEST(Aio, SnapshotShowsTheReadyQueueTimersAndRunningTask) {
    aio::EventLoop loop;
    Log log;
    std::optional<std::string> seen_running;
    loop.spawn(sleep_then_log(log, "z", 2), "sleeper");
    loop.spawn(sleep_then_log(log, "y", 1), "napper");
    auto peek = [](aio::EventLoop& owner, std::optional<std::string>& out) -> Task<void> {
        out = owner.snapshot().running;
        co_return;
    };
    loop.spawn(peek(loop, seen_running), "peeker");
    auto before = loop.snapshot();
    EXPECT_EQ(before.ready, (std::vector<std::string>{"sleeper", "napper", "peeker"}));
    EXPECT_FALSE(before.running);
    EXPECT_EQ(before.created, 3u);

    EXPECT_EQ(loop.run_once(), std::optional<double>(1.0));
    EXPECT_EQ(seen_running, std::optional<std::string>("peeker"));
    auto parked = loop.snapshot();
    EXPECT_TRUE(parked.ready.empty());
    ASSERT_EQ(parked.timers.size(), 2u);
    EXPECT_EQ(parked.timers[0].name, "napper");
    EXPECT_DOUBLE_EQ(parked.timers[0].due_s, 1.0);
    EXPECT_EQ(parked.timers[1].name, "sleeper");
    EXPECT_DOUBLE_EQ(parked.timers[1].due_s, 2.0);
    ASSERT_EQ(parked.waiting.size(), 2u);
    EXPECT_EQ(parked.waiting[0].on, "sleep");
    EXPECT_EQ(parked.finished, 1u);

    // run_once never moves a virtual clock: the owner does (here, as a live view would).
    EXPECT_EQ(loop.run_once(), std::optional<double>(1.0));
    loop.clock().advance_to(1.0);
    EXPECT_EQ(loop.run_once(), std::optional<double>(1.0));
    EXPECT_EQ(log, (Log{"y"}));
    loop.run_until(1.5);
    EXPECT_DOUBLE_EQ(loop.now_s(), 1.5);
    loop.run();
    EXPECT_EQ(loop.run_once(), std::nullopt);
    EXPECT_EQ(loop.snapshot().finished, 3u);
}

namespace {

/// Spawns, sleeps, cancels and awaits at random; counts every start, exit and await so that a task run
/// twice, resumed twice or lost shows up.
struct Stress {
    aio::EventLoop loop;
    std::mt19937_64 random{20240607};
    std::vector<aio::TaskHandle<int>> handles;
    std::deque<int> started, exited, completed, awaits_begun, awaits_ended;   // stable addresses for Exit
    int spawned = 0;
    static constexpr int kTasks = 10000;

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); }

    void spawn_one() {
        const int id = spawned++;
        started.push_back(0);
        exited.push_back(0);
        completed.push_back(0);
        awaits_begun.push_back(0);
        awaits_ended.push_back(0);
        handles.push_back(loop.spawn(body(id)));
    }

    struct Exit {
        int* count;
        ~Exit() { ++*count; }
    };

    Task<int> body(int id) {
        ++started[id];
        Exit exit{&exited[id]};
        const int steps = 1 + pick(8);
        for (int step = 0; step < steps; ++step) {
            const int action = pick(10);
            if (action < 4) {
                ++awaits_begun[id];
                try {
                    co_await aio::sleep(pick(4) * 0.5);
                } catch (const aio::CancelledError&) {
                    ++awaits_ended[id];
                    throw;
                }
                ++awaits_ended[id];
            } else if (action < 7) {
                if (spawned < kTasks) spawn_one();
            } else if (action < 9) {
                const int recent = std::min(spawned, 64);
                handles[spawned - 1 - pick(recent)].cancel();
            } else if (id + 1 < spawned) {
                // Await only later tasks: no cycles, so nothing waits forever.
                auto target = handles[id + 1 + pick(spawned - id - 1)];
                ++awaits_begun[id];
                try {
                    co_await target;
                } catch (...) {
                }
                ++awaits_ended[id];
            }
        }
        ++completed[id];
        co_return id;
    }
};

}  // namespace

TEST(Aio, NoTaskIsLostOrRunTwiceUnderRandomSpawnsSleepsAndCancels) {
    Stress stress;
    for (int i = 0; i < 50; ++i) stress.spawn_one();
    for (;;) {
        stress.loop.run();
        if (stress.spawned == Stress::kTasks) break;
        stress.spawn_one();   // every task ended before the total was reached: go on
    }
    ASSERT_EQ(stress.spawned, Stress::kTasks);
    EXPECT_EQ(stress.loop.unfinished_tasks(), 0u);
    int finished = 0;
    int cancelled = 0;
    int never_started = 0;
    for (int id = 0; id < Stress::kTasks; ++id) {
        const auto& handle = stress.handles[id];
        ASSERT_TRUE(handle.done()) << id;
        ASSERT_LE(stress.started[id], 1) << id;
        ASSERT_EQ(stress.exited[id], stress.started[id]) << id;
        ASSERT_EQ(stress.awaits_begun[id], stress.awaits_ended[id]) << id;
        if (handle.state() == aio::TaskState::finished) {
            ++finished;
            ASSERT_EQ(stress.completed[id], 1) << id;
            ASSERT_EQ(handle.result(), id);
        } else {
            ASSERT_TRUE(handle.cancelled()) << id;
            ++cancelled;
            if (!stress.started[id]) ++never_started;
        }
    }
    auto counts = stress.loop.snapshot();
    EXPECT_EQ(counts.created, static_cast<std::uint64_t>(Stress::kTasks));
    EXPECT_EQ(counts.finished, static_cast<std::uint64_t>(finished));
    EXPECT_EQ(counts.cancelled, static_cast<std::uint64_t>(cancelled));
    EXPECT_EQ(counts.failed, 0u);
    // The mix really exercised each path.
    EXPECT_GT(finished, 1000);
    EXPECT_GT(cancelled, 1000);
    EXPECT_GT(never_started, 100);
}

namespace {

/// An I/O source that blocks in wait() until woken, or gives up after 10 s and counts that as a timeout.
class BlockingIo final : public aio::IoSource {
public:
    bool has_pending() const override { return pending.load(); }
    void wait(double max_wait_s) override {
        std::unique_lock lock(mutex_);
        ++waits;
        waiting.store(true);
        if (!signal_.wait_for(lock, std::chrono::duration<double>(std::min(max_wait_s, 10.0)), [&] { return woken_; }))
            ++timeouts;
        woken_ = false;
    }
    void wake() override {
        std::lock_guard lock(mutex_);
        woken_ = true;
        signal_.notify_all();
    }
    std::atomic<bool> pending{true};
    std::atomic<bool> waiting{false};   ///< set once the loop has entered wait()
    int waits = 0;
    int timeouts = 0;

private:
    std::mutex mutex_;
    std::condition_variable signal_;
    bool woken_ = false;
};

}  // namespace

TEST(Aio, CallSoonThreadsafeWakesALoopBlockedInIoWait) {
    aio::SteadyClock clock;
    BlockingIo io;
    aio::EventLoop loop(clock, &io);
    aio::Future<int> reply;
    auto read = [](aio::Future<int> future) -> Task<int> { co_return co_await future; };
    std::thread completer([&] {
        // Posted once the loop blocks in the I/O source's wait (the flag is set under the source's lock, before
        // it waits, so the wake-up cannot be lost).
        conclab::test::spin_until([&] { return io.waiting.load(); }, "the loop to block in its I/O source");
        loop.call_soon_threadsafe([&] {
            io.pending = false;
            reply.set_result(42);
        });
    });
    EXPECT_EQ(conclab::test::within([&] { return loop.run_until_complete(read(reply)); }, "run_until_complete"), 42);
    completer.join();
    EXPECT_GE(io.waits, 1);
    EXPECT_EQ(io.timeouts, 0) << "woken by call_soon_threadsafe, not by the source's own 10 s limit";
}

TEST(Aio, CallSoonThreadsafeWakesALoopSleepingUntilItsNextTimer) {
    aio::SteadyClock clock;
    aio::EventLoop loop(clock);
    int cleanups = 0;
    int finished = 0;
    auto sleeper = loop.spawn(sleep_with_cleanup(30, &cleanups, &finished));
    loop.run_once();   // now parked on a 30 s timer
    std::thread canceller([&] { loop.call_soon_threadsafe([&] { sleeper.cancel(); }); });
    conclab::test::within([&] { loop.run(); }, "EventLoop::run");
    canceller.join();
    // Cancelled while it slept: had the loop slept through the post, the timer would have fired first and the
    // sleeper would have finished.
    EXPECT_TRUE(sleeper.cancelled());
    EXPECT_EQ(finished, 0);
    EXPECT_EQ(cleanups, 1);
}

// Regression for c1a3671: call_soon_threadsafe once unlocked the inbox, then notified the loop's condition variable
// and woke its I/O source. The loop may take the callback in between, finish and be destroyed (WikipicsRun's loop
// lives on a stack frame): the caller then touched a dead loop. Here the loop is destroyed the moment its last
// posted callback has run, while the posters may still be inside call_soon_threadsafe; they are joined only after.
// TSan reports the unlocked notify as a race with ~EventLoop (ASan, when it lands after the free, as a
// heap-use-after-free). Nothing here depends on timing: each round simply gives the race a chance.
TEST(Aio, ALoopMayBeDestroyedAsSoonAsItHasRunTheLastThreadsafeCallback) {
    constexpr int kRounds = 200;
    constexpr int kPosters = 4;
    aio::SteadyClock clock;
    auto read = [](aio::Future<int> future) -> Task<int> { co_return co_await future; };
    for (int round = 0; round < kRounds; ++round) {
        BlockingIo io;   // outlives the loop: only the loop's own members may be touched too late
        auto loop = std::make_unique<aio::EventLoop>(clock, round % 2 == 0 ? &io : nullptr);
        aio::EventLoop* target = loop.get();
        aio::Future<int> reply;
        int ran = 0;   // on the loop's thread only
        // Without I/O, a timer keeps the loop waiting for its inbox (with nothing to wait for it would give up).
        const aio::TimerId keep_alive = loop->call_later(3600, [] {});
        std::latch go(1);
        std::vector<std::thread> posters;
        for (int p = 0; p < kPosters; ++p)
            posters.emplace_back([&, target] {
                go.wait();
                target->call_soon_threadsafe([&, target] {   // target by value: this thread may be gone when it runs
                    if (++ran == kPosters) {
                        io.pending = false;
                        target->cancel_timer(keep_alive);
                        reply.set_result(round);
                    }
                });
            });
        go.count_down();
        EXPECT_EQ(conclab::test::within([&] { return loop->run_until_complete(read(reply)); }, "run_until_complete"), round);
        loop.reset();   // at once: a poster may still be returning from call_soon_threadsafe
        for (auto& t : posters) t.join();
        ASSERT_EQ(ran, kPosters);   // after the joins: no thread is left running
    }
}
