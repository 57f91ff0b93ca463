// Fault plans: reproducible from the seed, each fault at its own rate, retries drawn afresh.
#include "server/mirror/faults.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace conclab::mirror;

namespace {

std::map<FaultKind, int> tally(const FaultOptions& faults, int requests, std::uint64_t attempt = 0) {
    std::map<FaultKind, int> counts;
    for (int i = 0; i < requests; ++i)
        counts[plan_request(faults, 42, "File_" + std::to_string(i) + ".jpg", attempt).kind]++;
    return counts;
}

}  // namespace

TEST(Faults, NoneByDefault) {
    const FaultOptions none;
    EXPECT_FALSE(none.any());
    EXPECT_EQ(none.describe(), "none");
    const auto counts = tally(none, 1000);
    EXPECT_EQ(counts.at(FaultKind::none), 1000);
    EXPECT_EQ(plan_request(none, 1, "x", 0).delay_s, 0.0);
}

TEST(Faults, EachKindAtItsOwnRate) {
    FaultOptions faults;
    faults.error_rate = 0.1;
    faults.truncate_rate = 0.2;
    faults.reset_rate = 0.05;
    faults.rate_limit_rate = 0.15;
    const int n = 20'000;
    auto counts = tally(faults, n);
    EXPECT_NEAR(counts[FaultKind::error] / double(n), 0.10, 0.01);
    EXPECT_NEAR(counts[FaultKind::truncate] / double(n), 0.20, 0.01);
    EXPECT_NEAR(counts[FaultKind::reset] / double(n), 0.05, 0.01);
    EXPECT_NEAR(counts[FaultKind::rate_limit] / double(n), 0.15, 0.01);
    EXPECT_NEAR(counts[FaultKind::none] / double(n), 0.50, 0.015);
    EXPECT_EQ(faults.describe(), "errors 10%, truncated 20%, resets 5%, 429 15%");
}

TEST(Faults, RateOneAlwaysAndBothErrorStatuses) {
    FaultOptions faults;
    faults.error_rate = 1;
    std::map<int, int> statuses;
    for (int i = 0; i < 200; ++i) {
        const FaultPlan plan = plan_request(faults, 3, std::to_string(i), 0);
        ASSERT_EQ(plan.kind, FaultKind::error);
        statuses[plan.error_status]++;
    }
    EXPECT_EQ(statuses.size(), 2u);
    EXPECT_GT(statuses[500], 50);
    EXPECT_GT(statuses[418], 50);
    for (auto [rate, kind] : {std::pair{&FaultOptions::truncate_rate, FaultKind::truncate},
                              std::pair{&FaultOptions::reset_rate, FaultKind::reset},
                              std::pair{&FaultOptions::rate_limit_rate, FaultKind::rate_limit}}) {
        FaultOptions only;
        only.*rate = 1;
        EXPECT_EQ(tally(only, 300).at(kind), 300);
    }
}

TEST(Faults, ReproducibleAndRetriesDrawAgain) {
    FaultOptions faults;
    faults.error_rate = 0.5;
    faults.delay_min_s = 0.5;
    faults.delay_max_s = 5;
    int retry_differs = 0;
    for (int i = 0; i < 500; ++i) {
        const std::string name = std::to_string(i);
        const FaultPlan first = plan_request(faults, 9, name, 0), again = plan_request(faults, 9, name, 0);
        EXPECT_EQ(first.kind, again.kind);
        EXPECT_EQ(first.delay_s, again.delay_s);
        EXPECT_GE(first.delay_s, 0.5);
        EXPECT_LE(first.delay_s, 5.0);
        retry_differs += plan_request(faults, 9, name, 1).kind != first.kind;
    }
    EXPECT_GT(retry_differs, 150);   // about half
    EXPECT_EQ(faults.describe(), "delay 0.5..5 s, errors 50%");
}

TEST(Faults, PinnedCycleGivesEveryKindToKnownImages) {
    const char* names[kPinCycle] = {"500", "418", "404", "truncate", "reset", "429", "timeout", "", "", ""};
    for (std::size_t n = 0; n < 3 * kPinCycle; ++n) {
        EXPECT_EQ(pinned_fault_name(n), names[n % kPinCycle]) << n;
        const auto plan = pinned_fault(n);
        ASSERT_EQ(plan.has_value(), n % kPinCycle < 7) << n;
        if (!plan) continue;
        switch (n % kPinCycle) {
            case 0: EXPECT_EQ(std::pair(plan->kind, plan->error_status), std::pair(FaultKind::error, 500)); break;
            case 1: EXPECT_EQ(std::pair(plan->kind, plan->error_status), std::pair(FaultKind::error, 418)); break;
            case 2: EXPECT_EQ(std::pair(plan->kind, plan->error_status), std::pair(FaultKind::error, 404)); break;
            case 3: EXPECT_EQ(plan->kind, FaultKind::truncate); break;
            case 4: EXPECT_EQ(plan->kind, FaultKind::reset); break;
            case 5: EXPECT_EQ(plan->kind, FaultKind::rate_limit); break;
            case 6:
                EXPECT_EQ(plan->kind, FaultKind::timeout);
                EXPECT_GT(plan->delay_s, 600.0) << "past wikipics' longest --timeout";
                break;
        }
        if (n % kPinCycle != 6) {
            EXPECT_EQ(plan->delay_s, 0.0) << n;
        }
    }
    FaultOptions pinned;
    pinned.pinned = true;
    EXPECT_TRUE(pinned.any());
    EXPECT_NE(pinned.describe().find("/pinned-faults"), std::string::npos) << pinned.describe();
}
