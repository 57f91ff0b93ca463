// `conclab <demo> --trace FILE`: each demo writes a Chrome JSON trace the validator accepts (tests/support/
// trace_check.h), with a slice per task of its JSON and each worker's slices adding up to its busy time.
// wikipics' trace is tested beside its stand-in server, in wikipics_cli_test.cpp.
#include "cli_run.h"
#include "trace_file.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <string>

using conclab::test::check_trace;
using conclab::test::run_conclab;
using conclab::test::TraceFilePath;

namespace {

// Slices per check and, on each worker's track, the check (or GIL hold) slices summing to the busy time the JSON
// reports for that worker, within 1%.
void expect_primes_trace_matches(const nlohmann::json& trace, const nlohmann::json& doc, const std::string& executor) {
    const auto check = check_trace(trace);
    ASSERT_TRUE(check.ok()) << check.report();
    EXPECT_EQ(check.other_data["clock"], "wall");
    EXPECT_EQ(check.other_data["demo"], "primes");
    EXPECT_EQ(check.other_data["options"]["executor"], executor);
    EXPECT_GT(check.other_data["machine"]["logical_cpus"].get<int>(), 0);
    EXPECT_EQ(check.slices_of("task").size(), doc["results"].size());
    std::map<std::string, double> busy_s;
    for (const auto& r : doc["results"]) busy_s[r["worker"].get<std::string>()] += r["busy_s"].get<double>();
    const auto traced_us = check.busy_us_by_track(executor == "gil" ? "gil_hold" : "task");
    ASSERT_EQ(traced_us.size(), busy_s.size());
    for (const auto& [worker, seconds] : busy_s) {
        SCOPED_TRACE(worker);
        ASSERT_TRUE(traced_us.count(worker));
        EXPECT_NEAR(traced_us.at(worker) / 1e6, seconds, seconds * 0.01 + 1e-8);
    }
}

struct TracedRun {
    nlohmann::json doc;
    conclab::test::TraceCheck check;
};

// `conclab <args> --json --trace FILE`: its JSON and its trace, checked valid by the validator.
TracedRun run_traced(const std::string& name, const std::string& args) {
    TraceFilePath file(name);
    const auto o = run_conclab(args + " --json --trace " + file.path());
    EXPECT_EQ(o.status, 0) << o.err;
    TracedRun run{nlohmann::json::parse(o.out), check_trace(file.read())};
    EXPECT_TRUE(run.check.ok()) << run.check.report();
    return run;
}

}  // namespace

TEST(TraceCli, PrimesOnEachExecutorWritesAValidTrace) {
    const std::string numbers = "9 1_000_000_007 1_000_000_009 999_999_000_001 15 21";
    for (const char* executor : {"sequential", "threads", "gil", "processes"}) {
        SCOPED_TRACE(executor);
        TraceFilePath file(std::string("primes_") + executor);
        const auto o = run_conclab("primes --json --executor " + std::string(executor) + " --workers 2 --trace " +
                                   file.path() + " " + numbers);
        ASSERT_EQ(o.status, 0) << o.err;
        const auto doc = nlohmann::json::parse(o.out);
        ASSERT_EQ(doc["results"].size(), 6u);
        expect_primes_trace_matches(file.read(), doc, executor);
    }
}

TEST(TraceCli, PrimesCompareAllPutsEachRunInAProcessOfItsOwn) {
    const auto [doc, check] = run_traced("primes_compare", "primes --compare --repeats 1 --numbers '9 15 21'");
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(check.processes.size(), doc["runs"].size());
    EXPECT_EQ(check.slices_of("task").size(), 3 * doc["runs"].size());
}

TEST(TraceCli, ExhibitionTraceIsInSimulatedTimeWithASlicePerTurn) {
    const auto [doc, check] = run_traced("exhibition", "exhibition --boards 4 --moves 6");
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(check.other_data["clock"], "simulated");
    const int simultaneous = check.pid_of("simultaneous schedule");
    ASSERT_NE(simultaneous, 0);
    ASSERT_NE(check.pid_of("sequential schedule"), 0);
    int her_moves = 0;
    for (const auto& b : doc["boards_result"]) her_moves += b["moves"].get<int>();
    EXPECT_EQ(static_cast<int>(check.slices_of("her_move", simultaneous).size()), her_moves);
    // Her track holds her moves only: her_s each.
    const auto busy = check.busy_us_by_track("her_move", simultaneous);
    EXPECT_NEAR(busy.at("Polg\u00e1r") / 1e6, her_moves * doc["her_s"].get<double>(), 1e-6);
    // The last slice ends when the simulation says the schedule ended.
    double last_end_us = 0;
    for (const auto& s : check.slices_of("their_move", simultaneous)) last_end_us = std::max(last_end_us, s.ts_us + s.dur_us);
    for (const auto& s : check.slices_of("her_move", simultaneous)) last_end_us = std::max(last_end_us, s.ts_us + s.dur_us);
    EXPECT_NEAR(last_end_us / 1e6, doc["simulated"]["simultaneous_s"].get<double>(), 1e-6);
}

TEST(TraceCli, APathThatCannotBeWrittenIsAUsageErrorBeforeAnyRun) {
    for (const char* demo : {"primes 9", "exhibition", "wikipics --server http://127.0.0.1:9/w/api.php", "spinner --seconds 0.1"}) {
        SCOPED_TRACE(demo);
        const auto o = run_conclab(std::string(demo) + " --trace /nonexistent-folder/t.json");
        EXPECT_EQ(o.status, 2) << o.err;
        EXPECT_EQ(o.err.rfind("error: --trace /nonexistent-folder/t.json: cannot write", 0), 0u) << o.err;
        EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    }
}

// The blocked coroutine: a "frozen" slice for the gap the blocking call made, inside the spinner's life, and an
// instant per frame it reports; the thread form never freezes.
TEST(TraceCli, SpinnerTraceShowsTheFramesAndTheFreeze) {
    for (const char* kind : {"coroutine --block", "thread", "process"}) {
        SCOPED_TRACE(kind);
        TraceFilePath file("spinner");
        const auto o = run_conclab("spinner --seconds 0.6 --number 9 --kind " + std::string(kind) + " --trace " + file.path());
        ASSERT_EQ(o.status, 0) << o.err;
        const auto check = check_trace(file.read());
        ASSERT_TRUE(check.ok()) << check.report();
        ASSERT_EQ(check.other_data["forms"].size(), 1u);
        const auto& form = check.other_data["forms"][0];
        ASSERT_EQ(check.slices_of("spinner").size(), 1u);
        const auto spinning = check.slices_of("spinner")[0];
        EXPECT_GE(spinning.dur_us, 0.6e6) << "the spinner outlives the slow call";
        const auto frozen = check.slices_of("frozen");
        std::size_t instants = 0;
        for (const auto& [track, list] : check.instants) instants += list.size();
        EXPECT_EQ(instants, form["frames_timed"].get<std::size_t>());
        if (std::string(kind) == "process") {
            EXPECT_EQ(instants, 0u) << "the child process draws; only its totals come back";
            continue;
        }
        EXPECT_EQ(instants, form["frames"].get<std::size_t>());
        // Each frozen slice is a gap beyond kFreezeGapS; the figure counts each beyond one period (0.1 s).
        double frozen_s = 0;
        for (const auto& s : frozen) frozen_s += s.dur_us / 1e6 - 0.1;
        EXPECT_NEAR(frozen_s, form["frozen_s"].get<double>(), 1e-5);
        if (std::string(kind) == "coroutine --block") {
            EXPECT_EQ(frozen.size(), 1u) << "the blocking call froze it once";
        }
    }
}

// A CPython run exports the same way: its process is named for the interpreter, its metadata says which it was.
TEST(TraceCli, PrimesOnCPythonWritesTheSameKindOfTrace) {
    TraceFilePath file("primes_python");
    const auto o = run_conclab("primes --json --runtime python --executor threads --workers 2 --trace " + file.path() +
                               " 9 15 1_000_000_007 999_999_000_001");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    const auto trace = file.read();
    expect_primes_trace_matches(trace, doc, "threads");
    const auto check = check_trace(trace);
    EXPECT_EQ(check.other_data["runtime"]["name"], doc["runtime"]["name"]);
    ASSERT_EQ(check.processes.size(), 1u);
    EXPECT_EQ(check.processes.begin()->second.rfind("CPython ", 0), 0u) << check.processes.begin()->second;
}
