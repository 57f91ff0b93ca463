// Tests of core/primes/primes_run: a run's results, report and cancel, polled as the CLI and the panel do.
#include "core/primes/primes_run.h"
#include "gated_executor.h"

#include "test_tasks.h"
#include "wait_until.h"
#include "within.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

using namespace conclab;
using namespace conclab::primes;
using namespace conclab::exec;

namespace {

double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

RunClock clock_without_cpu() { return {steady_seconds, [] { return std::optional<CpuSeconds>(); }}; }

PrimesOptions make_options(std::vector<std::uint64_t> numbers, exec::ExecutorKind kind, int workers) {
    return {Sample{"custom", std::move(numbers)}, kind, workers};
}

}  // namespace

TEST(PrimesRun, ChecksEveryNumberAndReportsJsonWithStrings) {
    PrimesRun run(make_options({18014398509481951ull, 18014398509481984ull, 9, 1}, exec::ExecutorKind::threads, 2),
                  [](exec::ExecutorKind, int workers) { return exec::make_thread_pool(workers); }, clock_without_cpu());
    std::size_t seen = 0;
    while (test::within([&] { return run.wait_next(); }, "wait_next")) ++seen;
    ASSERT_TRUE(run.finished());
    EXPECT_EQ(seen, 4u);
    const auto doc = to_json(run.report());
    EXPECT_EQ(doc["demo"], "primes");
    EXPECT_EQ(doc["executor"], "threads");
    EXPECT_EQ(doc["workers"], 2);
    EXPECT_EQ(doc["checks"], 4);
    std::map<std::string, nlohmann::json> by_n;
    for (const auto& r : doc["results"]) by_n[r["n"].get<std::string>()] = r;
    EXPECT_EQ(by_n["18014398509481951"]["lpf"], "18014398509481951");   // 64-bit values travel as strings
    EXPECT_EQ(by_n["18014398509481951"]["prime"], true);
    EXPECT_EQ(by_n["18014398509481984"]["lpf"], "2");
    EXPECT_EQ(by_n["9"]["lpf"], "3");
    EXPECT_EQ(by_n["1"]["prime"], false);   // 1 is not prime although lpf(1) == 1
    EXPECT_NE(by_n["9"]["worker"].get<std::string>().find("thread"), std::string::npos);
    // Without OS CPU times (the web), the report says it gives the workers' busy time instead.
    EXPECT_EQ(doc["cpu"]["kind"], "worker busy time");
    EXPECT_GE(doc["wall_s"].get<double>(), 0.0);
}

using GatedPool = test::GatedExecutor;

TEST(PrimesRun, ResultsComeInCompletionOrder) {
    // The first number's check is held at a gate until the second's result is in: completion order is the reverse of
    // submission order, and the run hands results out in that order.
    const std::string gate = test::gate_name("primes");
    PrimesRun run(make_options({1125899906842597ull, 1125899906842624ull}, exec::ExecutorKind::threads, 2),
                  [&](exec::ExecutorKind, int workers) { return std::make_unique<GatedPool>(exec::make_thread_pool(workers), "1125899906842597", gate); },
                  clock_without_cpu());
    auto first = test::within([&] { return run.wait_next(); }, "wait_next");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->n, 1125899906842624ull);
    EXPECT_EQ(first->lpf, 2u);
    EXPECT_FALSE(test::gate(gate).is_open());
    test::gate(gate).open();
    auto second = test::within([&] { return run.wait_next(); }, "wait_next");
    ASSERT_TRUE(second);
    EXPECT_EQ(second->n, 1125899906842597ull);
    EXPECT_TRUE(second->prime);
    EXPECT_FALSE(test::within([&] { return run.wait_next(); }, "wait_next"));
}

TEST(PrimesRun, PollNeverBlocksAndCancelEndsTheRun) {
    // Primes near 2**64 take many seconds each: cancel must end the run quickly anyway.
    PrimesRun run(make_options({18446744073709551557ull, 18446744073709551533ull, 18446744073709551521ull},
                          exec::ExecutorKind::threads, 1),
                  [](exec::ExecutorKind, int workers) { return exec::make_thread_pool(workers); }, clock_without_cpu());
    // Each check takes minutes: a poll that waited for one would not return before the deadline.
    EXPECT_TRUE(test::within([&] { return run.poll(); }, "poll (which must not block)").empty());
    ASSERT_TRUE(test::wait_until([&] { return !run.in_flight().empty(); }));
    run.cancel();
    while (test::within([&] { return run.wait_next(); }, "wait_next")) {}
    EXPECT_TRUE(run.finished());
    EXPECT_TRUE(run.report().cancelled);
    ASSERT_EQ(run.report().results.size(), 3u);
    int cancelled_while_running = 0;
    for (const auto& r : run.report().results) {
        EXPECT_EQ(r.status, CheckStatus::cancelled) << r.error.value_or("");
        EXPECT_TRUE(r.error.has_value());
        cancelled_while_running += r.worker.empty() ? 0 : 1;
    }
    EXPECT_EQ(cancelled_while_running, 1);   // one worker: one check had started, two never did
    const auto doc = to_json(run.report());
    EXPECT_EQ(doc["cancelled"], true);
    for (const auto& r : doc["results"]) EXPECT_EQ(r["status"], "cancelled");
}

TEST(PrimesRun, TextLinesAsInTheTalk) {
    CheckResult prime{0, 18014398509481951ull, 18014398509481951ull, true, "thread 1", 0, 1.5, 1.5, CheckStatus::done, std::nullopt};
    CheckResult composite{1, 18014399314786597ull, 134217689, false, "pid 42", 0, 0.25, 0.25, CheckStatus::done, std::nullopt};
    EXPECT_NE(format_result_line(prime).find("18_014_398_509_481_951  \u2713"), std::string::npos);
    EXPECT_NE(format_result_line(composite).find("\u2717  134_217_689"), std::string::npos);
    EXPECT_NE(format_result_line(composite).find("pid 42"), std::string::npos);
    PrimesReport report;
    report.options = make_options({1, 2}, exec::ExecutorKind::processes, 12);
    report.results = {prime, composite};
    report.wall_s = 6.48;
    report.cpu = CpuSeconds{0.732, 0.262, false};
    EXPECT_EQ(format_summary_line(report), "2 checks in 6.48s (processes x12)");
    EXPECT_EQ(format_time_lines(report), "CPU times: user 732 ms, sys 262 ms, total 994 ms\nWall time: 6.48 s\n");
    EXPECT_EQ(format_duration(16.4), "16.4 s");
}

namespace {

/// A thread pool that says which interpreter it runs once done, as the page's Pyodide workers do once one has booted.
class InterpreterPool final : public exec::Executor {
public:
    explicit InterpreterPool(int workers) : pool_(exec::make_thread_pool(workers)) {}
    exec::ExecutorKind kind() const override { return exec::ExecutorKind::processes; }
    int workers() const override { return pool_->workers(); }
    exec::Future submit(exec::Task task) override { return pool_->submit(std::move(task)); }
    void cancel_all() override { pool_->cancel_all(); }
    void shutdown(bool wait, bool cancel_futures) override { pool_->shutdown(wait, cancel_futures); }
    exec::RuntimeFacts runtime_facts() const override {
        exec::RuntimeFacts facts;
        facts.version = "314.0.8";
        facts.python = "3.14.2";
        return facts;
    }

private:
    std::unique_ptr<exec::Executor> pool_;
};

}  // namespace

TEST(PrimesRun, PyodideSaysItsVersionsOnceItsWorkersDid) {
    RuntimeInfo pyodide;
    pyodide.name = "Pyodide";
    pyodide.threads = false;
    PrimesRun python(make_options({9, 7}, exec::ExecutorKind::processes, 2),
                     [](exec::ExecutorKind, int workers) { return std::make_unique<InterpreterPool>(workers); },
                     clock_without_cpu(), pyodide);
    while (test::within([&] { return python.wait_next(); }, "wait_next")) {}
    const auto doc = to_json(python.report());
    EXPECT_EQ(doc["runtime"]["name"], "Pyodide");
    EXPECT_EQ(doc["runtime"]["version"], "314.0.8");
    EXPECT_EQ(doc["runtime"]["python"], "3.14.2");
    EXPECT_EQ(doc["runtime"]["threads"], false);
    EXPECT_FALSE(doc["runtime"].contains("executable"));
    EXPECT_EQ(short_label(python.report().runtime), "Pyodide 3.14");
}
