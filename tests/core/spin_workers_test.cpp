// SpinWorkers: N real threads counting, each on its own counter; stop() joins them all.
#include "core/exec/spin_workers.h"

#include "wait_until.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

using namespace conclab;

TEST(SpinWorkers, EveryWorkerCountsAndStopFreezesTheCounters) {
    exec::SpinWorkers spin;
    spin.start(3);
    EXPECT_EQ(spin.running(), 3);
    ASSERT_TRUE(test::wait_until([&] { return spin.started() == 3; }));
    ASSERT_TRUE(test::wait_until([&] { return spin.count(0) > 0 && spin.count(1) > 0 && spin.count(2) > 0; }));
    spin.stop();
    EXPECT_EQ(spin.running(), 0);
    const auto frozen = spin.count(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(spin.count(1), frozen);
    spin.start(1);   // a new set starts from zero
    EXPECT_EQ(spin.running(), 1);
    spin.stop();
}

TEST(SpinWorkers, RangeIsZeroToTheMaximum) {
    exec::SpinWorkers spin;
    EXPECT_THROW(spin.start(-1), std::invalid_argument);
    EXPECT_THROW(spin.start(exec::kMaxSpinWorkers + 1), std::invalid_argument);
    spin.start(0);
    EXPECT_EQ(spin.running(), 0);
}
