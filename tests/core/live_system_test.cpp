// lab::LiveSystem: the system snapshot kept fresh while watched, and only then.
#include "core/lab/live_system.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace conclab::lab;
using namespace std::chrono_literals;

namespace {

// A machine whose process 42 gains a thread at each snapshot.
struct CountingSource {
    std::atomic<int> calls{0};
    SystemSnapshot operator()() {
        const int n = ++calls;
        SystemSnapshot s;
        s.logical_cpus = 2;
        s.method = "fake";
        s.processes = {{"init", 1, 1}, {"grower", 42, n}};
        return s;
    }
};

}  // namespace

TEST(LiveSystem, RefreshesOnItsThreadWhileWatchedWithANewerTimeAndNewFigures) {
    CountingSource source;
    LiveSystem live([&] { return source(); }, LiveSystem::Mode::own_thread, 20ms, 10s);
    EXPECT_EQ(live.sequence(), 0u);
    live.watch();
    auto first = live.wait_newer(0, 30s);
    ASSERT_TRUE(first);
    auto second = live.wait_newer(first->sequence, 30s);
    ASSERT_TRUE(second);
    EXPECT_GT(second->sequence, first->sequence);
    EXPECT_GT(second->taken_at_s, first->taken_at_s);
    EXPECT_GE(second->cost_s, 0);
    // The section is the system suite's, from this snapshot: the grower has more threads now.
    const Measure* total = second->section.find("threads, all processes");
    ASSERT_TRUE(total && total->at(Column::machine));
    EXPECT_GT(total->at(Column::machine)->value, first->section.find("threads, all processes")->at(Column::machine)->value);
    ASSERT_EQ(second->section.tables.size(), 1u);
    EXPECT_EQ(second->section.tables[0].rows[0][0], "grower");
    EXPECT_EQ(second->section.suite, Suite::system);
}

TEST(LiveSystem, TakesNothingUntilWatchedAndStopsWhenNoLongerWatched) {
    CountingSource source;
    LiveSystem live([&] { return source(); }, LiveSystem::Mode::own_thread, 10ms, 50ms);
    EXPECT_FALSE(live.wait_newer(0, 100ms));   // never watched: no snapshot, however long we wait
    EXPECT_EQ(source.calls.load(), 0);
    live.watch();
    ASSERT_TRUE(live.wait_newer(0, 30s));
    // Unwatched for longer than `keep`, it stops: once it has stopped, the count no longer moves.
    int before = -1;
    for (int i = 0; i < 200 && before != source.calls.load(); ++i) {
        before = source.calls.load();
        std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(before, source.calls.load());
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(before, source.calls.load());
}

TEST(LiveSystem, CallerModeTakesTheSnapshotInsideWatchWhenDue) {
    CountingSource source;
    LiveSystem live([&] { return source(); }, LiveSystem::Mode::caller, 1h, 2h);
    live.watch();
    EXPECT_EQ(live.sequence(), 1u);   // taken right here, on this thread
    live.watch();
    EXPECT_EQ(live.sequence(), 1u);   // not due again for an hour
    EXPECT_EQ(source.calls.load(), 1);
}

TEST(LiveSystem, AFailingSourceIsANoteNotACrash) {
    LiveSystem live([]() -> SystemSnapshot { throw std::runtime_error("/proc is not mounted"); }, LiveSystem::Mode::caller);
    live.watch();
    const LiveSnapshot s = live.latest();
    EXPECT_EQ(s.sequence, 1u);
    EXPECT_EQ(s.error, "/proc is not mounted");
    ASSERT_FALSE(s.section.notes.empty());
    EXPECT_NE(s.section.notes.front().find("/proc is not mounted"), std::string::npos);
}
