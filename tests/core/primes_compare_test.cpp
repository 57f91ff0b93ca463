// Compare all (primes::CompareRun) and the timeline's pixel columns (primes::timeline_columns): which executors ran,
// how often, in which order, what a cancel leaves, the medians and speedups from known times, and column shares
// from synthetic intervals — counts and exact fractions, never speed.
#include "core/primes/compare_run.h"
#include "core/primes/primes_options.h"
#include "core/primes/timeline_columns.h"

#include "gated_executor.h"
#include "test_tasks.h"
#include "wait_until.h"
#include "within.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

using namespace conclab;
using namespace conclab::primes;
using exec::ExecutorKind;

namespace {

double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

RunClock clock_without_cpu() { return {steady_seconds, [] { return std::optional<CpuSeconds>(); }}; }

PrimesOptions compare_options(std::vector<std::uint64_t> numbers, int workers, int repeats) {
    PrimesOptions o{Sample{"custom", std::move(numbers)}, ExecutorKind::threads, workers};
    o.compare = true;
    o.repeats = repeats;
    return o;
}

// Core cannot start processes (the platform does): a thread pool stands in for them here, and the run records the
// kind it asked for, which is what these tests check.
std::unique_ptr<exec::Executor> in_process_executor(ExecutorKind kind, int workers) {
    switch (kind) {
    case ExecutorKind::sequential: return exec::make_sequential_executor();
    case ExecutorKind::gil: return exec::make_gil_thread_pool(workers);
    default: return exec::make_thread_pool(workers);
    }
}

using GatedPool = test::GatedExecutor;

}  // namespace

TEST(PrimesCompare, OptionsParseCompareAndRepeatsWithTheirOwnDefaultSample) {
    options::FieldErrors errors;
    auto o = parse_primes_options({{"compare", "1"}, {"repeats", "5"}, {"workers", "3"}}, 2, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_TRUE(o.compare);
    EXPECT_EQ(o.repeats, 5);
    EXPECT_EQ(o.workers, 3);
    EXPECT_EQ(o.sample.name, "2**" + std::to_string(kCompareMagnitude));
    o = parse_primes_options({}, 2, errors);
    EXPECT_FALSE(o.compare);
    EXPECT_EQ(o.repeats, 3);
    EXPECT_EQ(o.sample.name, "2**57");   // a single run keeps the talk's sample
    for (const char* bad : {"0", "abc", "21", "-1"}) {
        options::FieldErrors e;
        parse_primes_options({{"compare", "1"}, {"repeats", bad}}, 2, e);
        ASSERT_EQ(e.count("repeats"), 1u) << bad;
        EXPECT_NE(conclab::options::english(e["repeats"]).find("--repeats"), std::string::npos) << conclab::options::english(e["repeats"]);
    }
    options::FieldErrors e;
    parse_primes_options({{"compare", "maybe"}}, 2, e);
    EXPECT_EQ(e.count("compare"), 1u);
}

TEST(PrimesCompare, EveryExecutorRunsTheGivenRepeatsRoundByRound) {
    std::vector<ExecutorKind> made;
    CompareRun compare(compare_options({2, 9, 15, 1125899906842597ull}, 2, 2),
                       [&](ExecutorKind kind, int workers) {
                           made.push_back(kind);
                           return in_process_executor(kind, workers);
                       },
                       clock_without_cpu());
    EXPECT_EQ(compare.total_runs(), 8u);
    std::size_t results = 0, runs_seen = 0;
    test::within([&] { compare.wait([&](const CheckResult&) { ++results; }, [&](const CompareRunReport&) { ++runs_seen; }); },
                 "CompareRun::wait");
    ASSERT_TRUE(compare.finished());
    const auto& report = compare.report();
    EXPECT_FALSE(report.cancelled);
    EXPECT_FALSE(report.error);
    EXPECT_EQ(results, 8u * 4u);
    EXPECT_EQ(runs_seen, 8u);
    const std::vector<ExecutorKind> order{ExecutorKind::sequential, ExecutorKind::gil, ExecutorKind::processes,
                                          ExecutorKind::threads};
    ASSERT_EQ(report.runs.size(), 8u);
    for (std::size_t i = 0; i < report.runs.size(); ++i) {
        const auto& run = report.runs[i];
        EXPECT_EQ(made[i], order[i % 4]) << i;
        EXPECT_EQ(run.report.options.executor, order[i % 4]) << i;
        EXPECT_EQ(run.repeat, static_cast<int>(i / 4) + 1) << i;
        EXPECT_EQ(run.report.options.workers, order[i % 4] == ExecutorKind::sequential ? 1 : 2) << i;
        EXPECT_TRUE(run.report.finished);
        ASSERT_EQ(run.report.results.size(), 4u);
        std::map<std::uint64_t, std::uint64_t> lpf;
        for (const auto& r : run.report.results) lpf[r.n] = r.lpf;
        EXPECT_EQ(lpf[9], 3u);
        EXPECT_EQ(lpf[15], 3u);
        EXPECT_EQ(lpf[1125899906842597ull], 1125899906842597ull);
    }
    const auto summary = summarize(report);
    ASSERT_EQ(summary.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(summary[i].executor, order[i]);
        EXPECT_EQ(summary[i].walls_s.size(), 2u);
        ASSERT_TRUE(summary[i].speedup);
    }
    EXPECT_DOUBLE_EQ(*summary[0].speedup, 1.0);

    const auto doc = to_json(report);
    EXPECT_EQ(doc["demo"], "primes");
    EXPECT_EQ(doc["mode"], "compare");
    EXPECT_EQ(doc["repeats"], 2);
    EXPECT_EQ(doc["workers"], 2);
    EXPECT_EQ(doc["executors"], nlohmann::json({"sequential", "gil", "processes", "threads"}));
    ASSERT_EQ(doc["runs"].size(), 8u);
    for (const auto& run : doc["runs"]) {   // each run as the single run's JSON, plus its repeat
        for (const char* key : {"demo", "executor", "workers", "sample", "checks", "results", "wall_s", "startup_s",
                                "finished", "cancelled", "repeat"})
            EXPECT_TRUE(run.contains(key)) << key;
        EXPECT_EQ(run["results"].size(), 4u);
    }
    ASSERT_EQ(doc["summary"].size(), 4u);
    for (const auto& s : doc["summary"])
        for (const char* key : {"executor", "workers", "runs", "walls_s", "median_s", "min_s", "max_s", "spread_s", "speedup"})
            EXPECT_TRUE(s.contains(key)) << key;
}

TEST(PrimesCompare, PollNeverBlocksAndCancelStopsTheComparison) {
    // The second run (the GIL model) holds one check at a gate nobody opens: only cancel ends it.
    const std::string gate = test::gate_name("compare");
    int made = 0;
    CompareRun compare(compare_options({2, 9, 1125899906842597ull}, 2, 3),
                       [&](ExecutorKind kind, int workers) -> std::unique_ptr<exec::Executor> {
                           if (++made == 2) return std::make_unique<GatedPool>(in_process_executor(kind, workers), "9", gate);
                           return in_process_executor(kind, workers);
                       },
                       clock_without_cpu());
    ASSERT_TRUE(test::wait_until([&] {
        test::within([&] { return compare.poll(); }, "poll (which must not block)");
        return test::gate(gate).arrived() >= 1;
    }));
    EXPECT_EQ(compare.runs_done(), 1u);
    EXPECT_EQ(compare.current_executor(), ExecutorKind::gil);
    EXPECT_EQ(compare.current_repeat(), 1);
    ASSERT_NE(compare.current(), nullptr);
    compare.cancel();
    ASSERT_TRUE(test::wait_until([&] {
        compare.poll();
        return compare.finished();
    }));
    const auto& report = compare.report();
    EXPECT_TRUE(report.cancelled);
    EXPECT_EQ(made, 2);   // no run started after the cancel
    ASSERT_EQ(report.runs.size(), 2u);
    EXPECT_FALSE(report.runs[0].report.cancelled);
    EXPECT_TRUE(report.runs[1].report.cancelled);
    EXPECT_EQ(compare.current(), nullptr);
    const auto summary = summarize(report);   // a cancelled run counts for nothing
    ASSERT_EQ(summary.size(), 1u);
    EXPECT_EQ(summary[0].executor, ExecutorKind::sequential);
    EXPECT_EQ(to_json(report)["cancelled"], true);
}

TEST(PrimesCompare, CancelWhileWaitingEndsAfterTheRunInProgress) {
    int made = 0;
    CompareRun compare(compare_options({2, 9}, 2, 3),
                       [&](ExecutorKind kind, int workers) {
                           ++made;
                           return in_process_executor(kind, workers);
                       },
                       clock_without_cpu());
    test::within([&] { compare.wait({}, [&](const CompareRunReport&) { compare.cancel(); }); }, "CompareRun::wait");
    EXPECT_TRUE(compare.finished());
    EXPECT_TRUE(compare.report().cancelled);
    EXPECT_EQ(made, 2);   // the first run ended, the second had started; no third
    EXPECT_EQ(compare.report().runs.size(), 2u);
}

TEST(PrimesCompare, AnExecutorThatCannotStartEndsTheComparisonWithItsReason) {
    CompareRun compare(compare_options({2, 9}, 2, 1),
                       [&](ExecutorKind kind, int workers) -> std::unique_ptr<exec::Executor> {
                           if (kind == ExecutorKind::processes) throw std::runtime_error("no worker processes here");
                           return in_process_executor(kind, workers);
                       },
                       clock_without_cpu());
    test::within([&] { compare.wait(); }, "CompareRun::wait");
    ASSERT_TRUE(compare.finished());
    ASSERT_TRUE(compare.report().error);
    EXPECT_EQ(*compare.report().error, "processes: no worker processes here");
    EXPECT_EQ(compare.report().runs.size(), 2u);   // sequential and the GIL model ran
    EXPECT_EQ(to_json(compare.report())["error"], "processes: no worker processes here");
}

TEST(PrimesCompare, MedianSpreadAndSpeedupFromKnownTimes) {
    EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2.0);
    EXPECT_DOUBLE_EQ(median({4, 1, 3, 2}), 2.5);
    EXPECT_DOUBLE_EQ(median({7}), 7.0);
    EXPECT_DOUBLE_EQ(median({}), 0.0);

    CompareReport report;
    report.options = compare_options({2}, 2, 3);
    const auto add = [&](ExecutorKind kind, double wall, bool cancelled = false) {
        PrimesReport r;
        r.options = report.options;
        r.options.compare = false;
        r.options.executor = kind;
        r.options.workers = exec::effective_workers(kind, 2);
        r.wall_s = wall;
        r.finished = true;
        r.cancelled = cancelled;
        report.runs.push_back({r, 1});
    };
    add(ExecutorKind::sequential, 4);
    add(ExecutorKind::threads, 2);
    add(ExecutorKind::sequential, 6);
    add(ExecutorKind::threads, 3);
    add(ExecutorKind::sequential, 5);
    add(ExecutorKind::threads, 2.5);
    add(ExecutorKind::threads, 0.1, true);   // cancelled: not a measurement
    add(ExecutorKind::gil, 5);
    const auto summary = summarize(report);
    ASSERT_EQ(summary.size(), 3u);   // processes never ran: no row
    EXPECT_EQ(summary[0].executor, ExecutorKind::sequential);
    EXPECT_EQ(summary[0].workers, 1);
    EXPECT_DOUBLE_EQ(summary[0].median_s, 5.0);
    EXPECT_DOUBLE_EQ(summary[0].spread_s(), 2.0);
    EXPECT_EQ(summary[1].executor, ExecutorKind::gil);
    EXPECT_DOUBLE_EQ(*summary[1].speedup, 1.0);
    EXPECT_EQ(summary[2].executor, ExecutorKind::threads);
    EXPECT_EQ(summary[2].workers, 2);
    EXPECT_EQ(summary[2].walls_s, (std::vector<double>{2, 3, 2.5}));
    EXPECT_DOUBLE_EQ(summary[2].median_s, 2.5);
    EXPECT_DOUBLE_EQ(summary[2].min_s, 2.0);
    EXPECT_DOUBLE_EQ(summary[2].max_s, 3.0);
    EXPECT_DOUBLE_EQ(*summary[2].speedup, 2.0);
    EXPECT_DOUBLE_EQ(*summary[2].speedup_min, 5.0 / 3.0);
    EXPECT_DOUBLE_EQ(*summary[2].speedup_max, 2.5);
    const auto doc = to_json(report);
    EXPECT_DOUBLE_EQ(doc["summary"][2]["median_s"].get<double>(), 2.5);
    EXPECT_DOUBLE_EQ(doc["summary"][2]["spread_s"].get<double>(), 1.0);
    EXPECT_EQ(doc["summary"][2]["runs"], 3);
}

TEST(TimelineColumns, SharesOfEachColumnFromSyntheticIntervals) {
    CheckResult a;
    a.worker = "thread 1";
    a.started_s = 0.5;
    a.elapsed_s = 3.25;                 // to 3.75
    a.gil_waits = {{1.25, 2.5}};
    CheckResult other = a;              // another lane: ignored
    other.worker = "thread 2";
    other.gil_waits.clear();
    CheckResult late;
    late.worker = "thread 1";
    late.started_s = 7.5;
    late.elapsed_s = 1.5;               // past the window's end
    const std::vector<CheckResult> checks{a, other, late};

    const auto cols = timeline_columns(checks, "thread 1", 0, 8, 8);
    ASSERT_EQ(cols.size(), 8u);
    const double computing[] = {0.5, 0.25, 0.5, 0.75, 0, 0, 0, 0.5};
    const double waiting[] = {0, 0.75, 0.5, 0, 0, 0, 0, 0};
    for (std::size_t i = 0; i < 8; ++i) {
        EXPECT_EQ(cols[i].computing, computing[i]) << "column " << i;
        EXPECT_EQ(cols[i].waiting, waiting[i]) << "column " << i;
    }

    // Zoomed onto the hand-off: each column wholly one or the other.
    const auto zoomed = timeline_columns(checks, "thread 1", 1, 1.5, 2);
    ASSERT_EQ(zoomed.size(), 2u);
    EXPECT_EQ(zoomed[0].computing, 1.0);
    EXPECT_EQ(zoomed[0].waiting, 0.0);
    EXPECT_EQ(zoomed[1].computing, 0.0);
    EXPECT_EQ(zoomed[1].waiting, 1.0);

    // Many short waits in one column add up, instead of each taking a whole pixel.
    CheckResult busy;
    busy.worker = "w";
    busy.started_s = 0;
    busy.elapsed_s = 1;
    for (int i = 0; i < 8; ++i) busy.gil_waits.push_back({i / 8.0, i / 8.0 + 1.0 / 64});
    const std::vector<CheckResult> one{busy};
    const auto whole = timeline_columns(one, "w", 0, 1, 1);
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0].waiting, 0.125);
    EXPECT_EQ(whole[0].computing, 0.875);

    EXPECT_TRUE(timeline_columns(checks, "thread 1", 0, 8, 0).empty());
    EXPECT_TRUE(timeline_columns(checks, "thread 1", 2, 2, 4).empty());
}

// With CPython's rows (a stand-in maker here: core cannot start an interpreter), each round runs the C++ executors,
// then CPython's sequential, threads and processes; CPython's speedups are over its own sequential, with the C++
// sequential median beside.
TEST(PrimesCompare, CPythonRowsFollowTheCppOnesRoundByRound) {
    std::vector<std::pair<bool, ExecutorKind>> made;
    PythonRows python;
    python.runtime.name = "CPython";
    python.runtime.version = "3.11.2";
    python.make_executor = [&](ExecutorKind kind, int workers) {
        made.emplace_back(true, kind);
        return in_process_executor(kind, workers);
    };
    CompareRun compare(compare_options({9, 91}, 2, 1),
                       [&](ExecutorKind kind, int workers) {
                           made.emplace_back(false, kind);
                           return in_process_executor(kind, workers);
                       },
                       clock_without_cpu(), python);
    EXPECT_EQ(compare.total_runs(), 7u);
    test::within([&] { compare.wait(); }, "CompareRun::wait");
    const auto& report = compare.report();
    ASSERT_TRUE(report.finished);
    const std::vector<std::pair<bool, ExecutorKind>> order{
        {false, ExecutorKind::sequential}, {false, ExecutorKind::gil}, {false, ExecutorKind::processes},
        {false, ExecutorKind::threads},    {true, ExecutorKind::sequential}, {true, ExecutorKind::threads},
        {true, ExecutorKind::processes}};
    EXPECT_EQ(made, order);
    ASSERT_EQ(report.runs.size(), 7u);
    for (std::size_t i = 0; i < 7; ++i) {
        EXPECT_EQ(report.runs[i].report.options.runtime == Runtime::python, order[i].first) << i;
        EXPECT_EQ(report.runs[i].report.runtime.name, order[i].first ? "CPython" : "C++") << i;
    }
    const auto summary = summarize(report);
    ASSERT_EQ(summary.size(), 7u);
    for (std::size_t i = 0; i < 7; ++i) {
        EXPECT_EQ(summary[i].runtime == Runtime::python, order[i].first) << i;
        EXPECT_EQ(summary[i].executor, order[i].second) << i;
        EXPECT_EQ(summary[i].vs_cpp_sequential.has_value(), order[i].first) << i;
    }
    const auto doc = to_json(report);
    EXPECT_EQ(doc["executors"], nlohmann::json({"sequential", "gil", "processes", "threads"}));   // kept as it was
    EXPECT_EQ(doc["python_executors"], nlohmann::json({"sequential", "threads", "processes"}));
    EXPECT_EQ(doc["python"]["name"], "CPython");
    EXPECT_EQ(doc["summary"][5]["runtime"], "python");
    EXPECT_EQ(doc["summary"][5]["executor"], "threads");
    EXPECT_EQ(doc["summary"][1]["runtime"], "cpp");
}

TEST(PrimesCompare, CPythonSpeedupsAreOverCPythonSequential) {
    CompareReport report;
    report.options = compare_options({2}, 2, 1);
    report.python = exec::RuntimeInfo{};
    const auto add = [&](Runtime runtime, ExecutorKind kind, double wall) {
        PrimesReport r;
        r.options = report.options;
        r.options.compare = false;
        r.options.runtime = runtime;
        r.options.executor = kind;
        r.options.workers = exec::effective_workers(kind, 2);
        r.wall_s = wall;
        r.finished = true;
        report.runs.push_back({r, 1});
    };
    add(Runtime::cpp, ExecutorKind::sequential, 1);
    add(Runtime::cpp, ExecutorKind::gil, 1.25);
    add(Runtime::python, ExecutorKind::sequential, 40);
    add(Runtime::python, ExecutorKind::threads, 50);
    add(Runtime::python, ExecutorKind::processes, 25);
    const auto summary = summarize(report);
    ASSERT_EQ(summary.size(), 5u);
    EXPECT_DOUBLE_EQ(*summary[1].speedup, 0.8);   // the model over C++ sequential
    EXPECT_FALSE(summary[1].vs_cpp_sequential);
    EXPECT_EQ(summary[2].runtime, Runtime::python);
    EXPECT_DOUBLE_EQ(*summary[2].speedup, 1.0);
    EXPECT_DOUBLE_EQ(*summary[2].vs_cpp_sequential, 1.0 / 40);
    EXPECT_DOUBLE_EQ(*summary[3].speedup, 0.8);   // CPython threads over CPython sequential
    EXPECT_DOUBLE_EQ(*summary[4].speedup, 1.6);
}
