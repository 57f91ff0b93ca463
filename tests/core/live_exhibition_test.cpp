// The exhibition's live driver: its own thread advances the run on a real clock × speed (here a manual
// clock the test moves), pauses, steps, and at "max" reaches the same result as the CLI's run_to_end.
#include "core/exhibition/live_exhibition.h"
#include "core/exhibition/schedule.h"

#include "wait_until.h"

#include <gtest/gtest.h>

#include <algorithm>
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
    // The report and the turns the panel's Export trace reads: the same as the run's own.
    ASSERT_TRUE(view.report && view.turns);
    EXPECT_EQ(ex::to_json(*view.report).dump(), ex::to_json(direct.report()).dump());
    const auto turns = direct.turns();
    ASSERT_EQ(view.turns->size(), turns.size());
    for (std::size_t i = 0; i < turns.size(); ++i) EXPECT_EQ((*view.turns)[i].turns.size(), turns[i].turns.size());

    // A new run replaces it, from virtual time 0.
    auto bigger = small(0);
    bigger.boards = 4;
    live.start(bigger);
    ASSERT_TRUE(wait_until([&] { return live.view().run_id == 2 && live.view().finished; }));
    const auto second = live.take_finished_result();
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ((*second)["boards"], 4);
    EXPECT_EQ(live.view().report->options.boards, 4) << "the new run's report, not the old one's";
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

// Issue 18: at speed 600 the sequential schedule took 47 of 52 s after the simultaneous one had ended. Once the
// simultaneous exhibition is over, the rest of the sequential one is fast-forwarded in kFastForwardRealS.
TEST(LiveExhibition, TheDefaultsEndBothSchedulesInAboutAMinute) {
    const ex::ExhibitionOptions defaults;
    EXPECT_EQ(defaults.speed, 60);
    EXPECT_NEAR(ex::live_real_s(defaults, defaults.speed), 3055.0 / 60 + ex::kFastForwardRealS, 1e-9);
    EXPECT_LE(ex::live_real_s(defaults, defaults.speed), 60.0) << "both schedules end within a minute";
    EXPECT_LE(ex::kFastForwardRealS / ex::live_real_s(defaults, defaults.speed), 0.15)
        << "most of the minute shows the simultaneous exhibition";
    // Before the simultaneous exhibition ends, after the sequential one, at max, or in one mode only: the speed asked.
    EXPECT_EQ(ex::live_speed(defaults, 60, 0, false, false), 60);
    EXPECT_EQ(ex::live_speed(defaults, 60, 3055, true, true), 60);
    EXPECT_EQ(ex::live_speed(defaults, 0, 3055, true, false), 0);
    auto one_mode = defaults;
    one_mode.mode = ex::Mode::sequential;
    EXPECT_EQ(ex::live_speed(one_mode, 60, 3055, true, false), 60);
    // After it: one speed that plays the sequential's rest (36 000 − 3 055 s) in kFastForwardRealS.
    EXPECT_NEAR(ex::live_speed(defaults, 60, 3055, true, false), (36000.0 - 3055) / ex::kFastForwardRealS, 1e-9);
    EXPECT_EQ(ex::live_speed(defaults, 1e6, 3055, true, false), 1e6) << "never slower than asked";
}

TEST(LiveExhibition, TheSequentialRestIsFastForwardedOnceTheSimultaneousIsOver) {
    std::atomic<double> real{0.0};
    ex::LiveExhibition live([&] { return real.load(); });
    const auto o = small(60);   // simultaneous ≤ 6 × 60 + 10 = 370 s, sequential ≤ 3 × 6 × 60 = 1 080 s
    live.start(o);
    ASSERT_TRUE(wait_until([&] { return sim_now(live) == 0; }));
    double fastest = 0;
    int quarters = 0;   // real quarter-seconds on the manual clock until both are over
    while (!live.view().finished && quarters < 200) {
        const double before = sim_now(live);
        real = real + 0.25;
        ++quarters;
        ASSERT_TRUE(wait_until([&] { return live.view().finished || sim_now(live) >= before + 0.25 * 60 - 1e-6; }));
        fastest = std::max(fastest, live.view().fast_forward);
    }
    ASSERT_TRUE(live.view().finished);
    EXPECT_GT(fastest, 60) << "the rest ran faster than asked";
    const double real_s = quarters * 0.25;
    EXPECT_LE(real_s, ex::live_real_s(o, 60) + 1) << "without the fast-forward: 1 080 / 60 = 18 s";
    EXPECT_LT(real_s, 1080.0 / 60);
}
