// Hammers the two windows where a cancel could once meet a task starting: Future::cancel against
// set_running, and ThreadExecutor::cancel_all against a worker picking the next task. Each round is
// timed differently by a seeded generator; nothing asserts on time. Run under TSan too (preset native-tsan).
#include "core/exec/executor.h"
#include "within.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <random>
#include <thread>
#include <vector>

using namespace conclab::exec;
namespace test = conclab::test;

namespace {

/// Busy-waits a few hundred iterations at most, so that two threads released together meet at varied offsets.
void spin(unsigned iterations) {
    for (unsigned i = 0; i < iterations; ++i) std::atomic_signal_fence(std::memory_order_seq_cst);   // not optimised away
}

/// Polls (so that both threads stay on their cores and really run at once), yielding only after a long
/// while: on a loaded machine the other thread may be waiting for this core.
void wait_for_value(const std::atomic<int>& value, int wanted) {
    for (int n = 0; value.load() != wanted; ++n)
        if (n > 1000000) std::this_thread::yield();
}

struct RaceTally {
    int both = 0, neither = 0, wrong_status = 0;
    int crossings = 0;   // rounds where the two threads really ran at once
};

RaceTally race_cancel_against_start(unsigned seed) {
    // Each round, one thread starts a slice of futures front to back while the other cancels it back to
    // front: wherever they cross, both calls meet on the same future at the same moment, however the two
    // threads happen to be scheduled. The seeded spins vary the crossing from round to round.
    constexpr int kRounds = 2000;
    constexpr int kSlice = 64;
    constexpr int kFutures = kRounds * kSlice;
    std::vector<Future> futures;
    futures.reserve(kFutures);
    for (int i = 0; i < kFutures; ++i) futures.emplace_back(make_future_state(static_cast<std::size_t>(i)));
    std::vector<char> started(kFutures), cancelled(kFutures);
    std::atomic<int> go{-1}, done{-1};

    std::thread starter([&] {
        std::minstd_rand random(seed);
        for (int round = 0; round < kRounds; ++round) {
            wait_for_value(go, round);
            spin(random() % 512);
            for (int i = round * kSlice; i < (round + 1) * kSlice; ++i)
                started[static_cast<std::size_t>(i)] = futures[static_cast<std::size_t>(i)].set_running("thread 1", 0);
            done.store(round);
        }
    });
    std::minstd_rand random(seed + 1);
    for (int round = 0; round < kRounds; ++round) {
        wait_for_value(done, round - 1);
        go.store(round);
        spin(random() % 512);
        for (int i = (round + 1) * kSlice - 1; i >= round * kSlice; --i)
            cancelled[static_cast<std::size_t>(i)] = futures[static_cast<std::size_t>(i)].cancel();
    }
    starter.join();

    RaceTally t;
    for (int i = 0; i < kFutures; ++i) {
        const auto k = static_cast<std::size_t>(i);
        t.both += started[k] && cancelled[k];
        t.neither += !started[k] && !cancelled[k];
        const FutureStatus expected = started[k] ? FutureStatus::running : FutureStatus::cancelled;
        t.wrong_status += futures[k].status() != expected;
    }
    for (int round = 0; round < kRounds; ++round) {
        int n = 0;
        for (int i = round * kSlice; i < (round + 1) * kSlice; ++i) n += started[static_cast<std::size_t>(i)];
        t.crossings += n > 0 && n < kSlice;
    }
    return t;
}

}  // namespace

TEST(ExecutorRaces, CancelAndStartAreExclusive) {
    // On a loaded machine the two threads may seldom run at once: more batches until they have crossed
    // often enough, within a deadline that only bounds the test's length.
    RaceTally total;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (unsigned seed = 11; total.crossings < 500 && std::chrono::steady_clock::now() < deadline; seed += 2) {
        const RaceTally t = race_cancel_against_start(seed);
        total.both += t.both;
        total.neither += t.neither;
        total.wrong_status += t.wrong_status;
        total.crossings += t.crossings;
    }
    EXPECT_EQ(total.both, 0) << "tasks reported cancelled while they ran";
    EXPECT_EQ(total.neither, 0);
    EXPECT_EQ(total.wrong_status, 0);
    if (total.crossings == 0) GTEST_SKIP() << "the two threads never ran at the same time (a loaded machine): nothing was tested";
}

// A task submitted after cancel_all() emptied the queue belongs to the next run: it must not take the
// stop meant for the tasks before it. The test sees the queue emptied when one of its tasks is cancelled
// (only cancel_all cancels here), then submits a task that checkpoints; it must finish normally.
TEST(ExecutorRaces, CancelAllStopsOnlyTasksPickedBeforeIt) {
    constexpr int kRounds = 50;
    constexpr int kQueued = 2000;
    auto pool = make_thread_pool(2);
    std::minstd_rand random(7);
    int probes = 0, stopped = 0;
    for (int round = 0; round < kRounds; ++round) {
        std::vector<Future> queued;
        queued.reserve(kQueued);
        for (int i = 0; i < kQueued; ++i) queued.push_back(pool->submit({"test.sleep_ms", "1"}));
        // Onlookers: each cancel notifies every waiter, so cancel_all spends longer cancelling the dropped
        // futures, and a probe has time to be picked while it does.
        std::vector<AsCompleted> onlookers;
        for (int i = 0; i < 16; ++i) onlookers.emplace_back(queued);
        const unsigned delay = random() % 20000;
        std::thread canceller([&] {
            spin(delay);
            pool->cancel_all();
        });
        AsCompleted completed(queued);
        bool swapped = false;
        // Polled, not waited for: the probe must go in while cancel_all is still cancelling the rest.
        while (!swapped && completed.remaining() > 0) {
            if (auto f = completed.try_next()) swapped = f->status() == FutureStatus::cancelled;
        }
        std::optional<Future> probe;
        if (swapped) probe = pool->submit({"test.sleep_ms", "3"});
        canceller.join();
        if (!probe) continue;
        ++probes;
        try {
            EXPECT_EQ(test::result(*probe), "3");
        } catch (const TaskError& e) {
            ++stopped;
            EXPECT_STREQ(e.what(), "cancelled while running");
        }
    }
    EXPECT_EQ(stopped, 0) << "of " << probes << " tasks submitted after the queue was emptied";
    EXPECT_GT(probes, kRounds / 10) << "the cancel rarely met a queue: the test proves little";
}
