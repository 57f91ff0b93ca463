// "One thread computes at a time" checked at pool level, inside the tasks themselves: test.overlap_ms
// counts the tasks computing at once (tests/support/test_tasks.cpp), whatever the pool says of itself.
#include "core/exec/executor.h"
#include "test_tasks.h"
#include "within.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

using namespace conclab::exec;
using namespace std::chrono_literals;
namespace test = conclab::test;

namespace {

/// Runs rounds of `tasks` overlap_ms tasks until the most seen computing at once reaches `wanted`, or
/// until a deadline that only guards against a hang; returns that most.
int most_computing_at_once(Executor& executor, int tasks, int wanted, std::chrono::seconds limit = 30s) {
    test::reset_overlap();
    const auto deadline = std::chrono::steady_clock::now() + limit;
    do {
        std::vector<Future> futures;
        for (int i = 0; i < tasks; ++i) futures.push_back(executor.submit({"test.overlap_ms", "20"}));
        for (auto& f : futures) EXPECT_EQ(test::result(f), "20");
    } while (test::overlap_max().load() < wanted && std::chrono::steady_clock::now() < deadline);
    EXPECT_EQ(test::overlap_now().load(), 0);
    return test::overlap_max().load();
}

}  // namespace

TEST(ExecutorOverlap, ThreadsComputeAtOnce) {
    auto pool = make_thread_pool(2);
    EXPECT_EQ(most_computing_at_once(*pool, 8, 2), 2);
}

TEST(ExecutorOverlap, UnderTheGilOneTaskComputesAtATime) {
    for (int workers : {2, 4}) {
        auto pool = make_gil_thread_pool(workers, 1ms);
        // A fixed amount of work: the GIL is expected never to let a second task in, so no round ends early.
        EXPECT_EQ(most_computing_at_once(*pool, 4 * workers, 2, 0s), 1) << workers << " workers";
    }
}

TEST(ExecutorOverlap, SequentialComputesOneAtATime) {
    auto sequential = make_sequential_executor();
    EXPECT_EQ(most_computing_at_once(*sequential, 4, 2, 0s), 1);
}
