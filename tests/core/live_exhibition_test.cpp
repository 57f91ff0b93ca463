// The exhibition's live driver: its own thread advances the run on a real clock × speed (here a manual
// clock the test moves), pauses, steps, and at "max" reaches the same result as the CLI's run_to_end.
#include "exhibition/live_exhibition.h"

#include "wait_until.h"

#include <gtest/gtest.h>

#include <atomic>

namespace ex = conclab::exhibition;
using conclab::test::wait_until;

namespace {

ex::ExhibitionOptions small(double speed) {
    ex::ExhibitionOptions o;
    o.boards = 3;
    o.moves = 6;
    o.speed = speed;
    return o;
}

double sim_now(const ex::LiveExhibition& live) {
    const auto view = live.view();
    return view.snapshot ? view.snapshot->now_s : -1;
}

}  // namespace

TEST(LiveExhibition, AtMaxSpeedItEndsWithTheCliResultOnce) {
    ex::LiveExhibition live;
    EXPECT_FALSE(live.thread_started());
    live.start(small(0));
    ASSERT_TRUE(wait_until([&] { return live.view().finished; }));
    EXPECT_TRUE(live.thread_started());
    const auto view = live.view();
    EXPECT_FALSE(view.running);
    EXPECT_EQ(view.run_id, 1u);
    EXPECT_GT(view.version, 1u);
    EXPECT_GT(view.busy_s, 0.0);

    ex::ExhibitionRun direct(small(0));
    direct.run_to_end();
    const auto result = live.take_finished_result();
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->dump(), ex::to_json(direct.report()).dump());
    EXPECT_FALSE(live.take_finished_result().has_value()) << "reported once";

    // A new run replaces it, from virtual time 0.
    auto bigger = small(0);
    bigger.boards = 4;
    live.start(bigger);
    ASSERT_TRUE(wait_until([&] { return live.view().run_id == 2 && live.view().finished; }));
    const auto second = live.take_finished_result();
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ((*second)["boards"], 4);
}

TEST(LiveExhibition, SimulatedTimeFollowsTheClockTimesSpeedPausesAndSteps) {
    std::atomic<double> real{100.0};
    ex::LiveExhibition live([&] { return real.load(); });
    live.start(small(60));   // 60 simulated seconds per real second
    ASSERT_TRUE(wait_until([&] { return sim_now(live) == 0; }));
    real = 100.5;
    ASSERT_TRUE(wait_until([&] { return sim_now(live) >= 30 - 1e-9; }));
    EXPECT_NEAR(sim_now(live), 30, 1e-9) << "half a real second at 60x";

    // Paused, the clock moves on and the simulation does not; a step runs to the next moment (60 s: her
    // simultaneous self is back at board 1, whose opponent replies at 5 + 55 s).
    live.set_paused(true);
    real = 105;
    live.step();
    ASSERT_TRUE(wait_until([&] { return sim_now(live) > 30; }));
    EXPECT_DOUBLE_EQ(sim_now(live), 60);
    EXPECT_TRUE(live.view().paused);

    // Resumed: the paused time is not owed; half a second more is 30 simulated seconds more.
    live.set_paused(false);
    real = 105.5;
    ASSERT_TRUE(wait_until([&] { return sim_now(live) >= 90 - 1e-9; }));
    EXPECT_NEAR(sim_now(live), 90, 1e-9);

    // A faster speed applies at once.
    live.set_speed(120);
    real = 106;
    ASSERT_TRUE(wait_until([&] { return sim_now(live) >= 150 - 1e-9; }));
    EXPECT_NEAR(sim_now(live), 150, 1e-9);
    EXPECT_EQ(live.view().speed, 120);
    EXPECT_FALSE(live.view().finished);
}

TEST(LiveExhibition, ASlowSimulationOwesAtMostOneRealSecond) {
    std::atomic<double> real{0.0};
    ex::LiveExhibition live([&] { return real.load(); });
    live.start(small(10));
    ASSERT_TRUE(wait_until([&] { return sim_now(live) == 0; }));
    real = 1000;   // as if the simulation thread had been starved for 1000 s
    ASSERT_TRUE(wait_until([&] { return sim_now(live) >= 10 - 1e-9; }));
    EXPECT_NEAR(sim_now(live), 10, 1e-9) << "one real second's worth, not 10 000 simulated seconds";
}
