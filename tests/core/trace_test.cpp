// Tests of core/trace (the Chrome JSON trace builder) and of the validator the demos' traces go through
// (tests/support/trace_check.h): a trace the builder makes passes; each broken rule is caught.
#include "core/exhibition/exhibition_trace.h"
#include "core/primes/primes_trace.h"
#include "core/trace/trace.h"
#include "core/wikipics/wikipics_trace.h"

#include "trace_check.h"

#include <gtest/gtest.h>

using namespace conclab;
using nlohmann::json;

namespace {

trace::Machine machine() { return {"native", "g++", "Release", "0.1", 4, "OS processes"}; }

json metadata(int pid, int tid, const char* what, const char* name) {
    return {{"ph", "M"}, {"name", what}, {"pid", pid}, {"tid", tid}, {"args", {{"name", name}}}};
}

json doc_with(std::vector<json> timed) {
    json events = json::array({metadata(1, 0, "process_name", "run"), metadata(1, 1, "thread_name", "thread 1")});
    for (auto& e : timed) events.push_back(e);
    return {{"traceEvents", events}, {"displayTimeUnit", "ms"}, {"otherData", {{"clock", "wall"}}}};
}

json x(double ts, double dur, const char* name = "task", int tid = 1) {
    return {{"ph", "X"}, {"name", name}, {"cat", "task"}, {"pid", 1}, {"tid", tid}, {"ts", ts}, {"dur", dur}};
}

}  // namespace

TEST(TraceBuilder, MakesATraceTheValidatorAccepts) {
    trace::TraceBuilder builder(trace::TimeBase::wall, machine());
    const int pid = builder.add_process("primes: threads x2");
    const int t1 = builder.add_track(pid, "thread 1");
    const int t2 = builder.add_track(pid, "thread 2");
    // Added out of order, children before their parents: the builder sorts them.
    builder.add_slice(pid, t1, "GIL wait", "gil_wait", 0.2, 0.3);
    builder.add_slice(pid, t1, "9", "task", 0.5, 0.9);
    builder.add_slice(pid, t1, "7", "task", 0.1, 0.5);
    builder.add_slice(pid, t2, "11", "task", 0.0, 1.0);
    builder.add_slice(pid, t2, "zero", "task", 1.0, 1.0);
    const int loop = builder.add_process("event loop");
    builder.add_async(loop, "a.jpg", "image", 1, 0.0, 2.0, {{"wait", "wait", 0.0, 0.5}, {"transfer", "transfer", 0.5, 1.5}, {"decode", "decode", 1.5, 3.0}});
    builder.add_async(loop, "b.jpg", "image", 2, 0.1, 0.2, {{"wait", "wait", 0.1, 0.2}, {"transfer", "transfer", 0.2, 0.2}});
    builder.set_metadata("demo", "primes");
    const json doc = builder.build();

    const auto check = test::check_trace(doc);
    ASSERT_TRUE(check.ok()) << check.report();
    EXPECT_EQ(doc["displayTimeUnit"], "ms");
    EXPECT_EQ(doc["otherData"]["clock"], "wall");
    EXPECT_EQ(doc["otherData"]["machine"]["logical_cpus"], 4);
    EXPECT_EQ(doc["otherData"]["demo"], "primes");
    EXPECT_EQ(check.processes.at(pid), "primes: threads x2");
    EXPECT_EQ(check.tracks.at({pid, t2}), "thread 2");
    EXPECT_EQ(check.slices_of("task").size(), 4u);
    const auto busy = check.busy_us_by_track("task");
    EXPECT_DOUBLE_EQ(busy.at("thread 1"), 800000.0);   // µs
    EXPECT_DOUBLE_EQ(busy.at("thread 2"), 1000000.0);
    // The GIL wait nests inside task 7; the async steps nest in their image, the decode clamped to its end.
    for (const auto& s : check.slices.at({pid, t1})) {
        if (s.name == "GIL wait") {
            EXPECT_EQ(s.depth, 1);
        }
    }
    ASSERT_EQ(check.async_slices.at(loop).size(), 7u);
    for (const auto& s : check.async_slices.at(loop)) {
        if (s.name == "a.jpg") {
            EXPECT_DOUBLE_EQ(s.dur_us, 2e6);
        }
        if (s.name == "decode") {
            EXPECT_EQ(s.depth, 1);
            EXPECT_DOUBLE_EQ(s.ts_us + s.dur_us, 2e6);
        }
    }
}

TEST(TraceBuilder, SimulatedTimeSaysSoAndTimesBeforeTheStartBecomeZero) {
    trace::TraceBuilder builder(trace::TimeBase::simulated, machine());
    const int pid = builder.add_process("simultaneous");
    const int tid = builder.add_track(pid, "Polgár");
    builder.add_slice(pid, tid, "board 1", "her_move", -1.0, 5.0);
    const json doc = builder.build();
    const auto check = test::check_trace(doc);
    ASSERT_TRUE(check.ok()) << check.report();
    EXPECT_EQ(doc["otherData"]["clock"], "simulated");
    EXPECT_NE(doc["otherData"]["clock_note"].get<std::string>().find("simulated"), std::string::npos);
    EXPECT_DOUBLE_EQ(check.slices_of("her_move").at(0).ts_us, 0);
    EXPECT_EQ(trace::file_name("primes", "20261207-183005"), "trace-primes-20261207-183005.json");
}

TEST(TraceValidator, AcceptsNestedAndTouchingSlices) {
    const auto check = test::check_trace(doc_with({x(0, 10), x(0, 4, "child"), x(4, 6, "child"), x(10, 5)}));
    EXPECT_TRUE(check.ok()) << check.report();
}

TEST(TraceValidator, RejectsSlicesThatOverlapWithoutNesting) {
    const auto check = test::check_trace(doc_with({x(0, 10), x(5, 10)}));
    ASSERT_FALSE(check.ok());
    EXPECT_NE(check.report().find("overlaps"), std::string::npos) << check.report();
}

TEST(TraceValidator, RejectsTimeGoingBackOrBeforeTheStart) {
    EXPECT_FALSE(test::check_trace(doc_with({x(10, 1), x(5, 1)})).ok());
    EXPECT_FALSE(test::check_trace(doc_with({x(-1, 1)})).ok());
}

TEST(TraceValidator, RejectsABWithoutItsEAndAnEWithoutItsB) {
    json b{{"ph", "B"}, {"name", "open"}, {"pid", 1}, {"tid", 1}, {"ts", 0}};
    json e{{"ph", "E"}, {"pid", 1}, {"tid", 1}, {"ts", 1}};
    EXPECT_TRUE(test::check_trace(doc_with({b, e})).ok());
    EXPECT_FALSE(test::check_trace(doc_with({b})).ok());
    EXPECT_FALSE(test::check_trace(doc_with({e})).ok());
}

TEST(TraceValidator, RejectsAsyncEventsThatDoNotPair) {
    json b{{"ph", "b"}, {"name", "a.jpg"}, {"cat", "image"}, {"id", 1}, {"pid", 1}, {"tid", 0}, {"ts", 0}};
    json e = b;
    e["ph"] = "e";
    e["ts"] = 2;
    json wrong = e;
    wrong["name"] = "b.jpg";
    json other_id = e;
    other_id["id"] = 2;
    EXPECT_TRUE(test::check_trace(doc_with({b, e})).ok());
    EXPECT_FALSE(test::check_trace(doc_with({b})).ok());
    EXPECT_FALSE(test::check_trace(doc_with({b, wrong})).ok());
    EXPECT_FALSE(test::check_trace(doc_with({b, other_id})).ok());
}

TEST(TraceValidator, RejectsUnnamedTracksAndMissingFormatKeys) {
    EXPECT_FALSE(test::check_trace(doc_with({x(0, 1, "task", 2)})).ok());   // tid 2 has no thread_name
    json doc = doc_with({x(0, 1)});
    doc["displayTimeUnit"] = "ns";
    EXPECT_FALSE(test::check_trace(doc).ok());
    doc = doc_with({x(0, 1)});
    doc.erase("otherData");
    EXPECT_FALSE(test::check_trace(doc).ok());
    EXPECT_FALSE(test::check_trace(json::array()).ok());
    json negative = x(0, -1);
    EXPECT_FALSE(test::check_trace(doc_with({negative})).ok());
}

// [SECTION] The demos' adapters, on reports made by hand (the CLI tests run them on real runs).

TEST(PrimesTrace, GilHoldAndWaitSlicesNestInEachCheckAndHoldsAddUpToBusyTime) {
    primes::PrimesReport report;
    report.options.executor = exec::ExecutorKind::gil;
    report.options.workers = 2;
    primes::CheckResult a;
    a.index = 0, a.n = 9, a.lpf = 3, a.worker = "thread 1", a.started_s = 0.1, a.elapsed_s = 1.0;
    a.gil_waits = {{0.1, 0.3}, {0.6, 0.7}};
    a.busy_s = 0.7;
    primes::CheckResult b;
    b.index = 1, b.n = 15, b.lpf = 3, b.worker = "thread 2", b.started_s = 0.1, b.elapsed_s = 0.5;
    b.busy_s = 0.5;
    primes::CheckResult cancelled;   // never ran: no slice
    cancelled.index = 2, cancelled.n = 21, cancelled.status = primes::CheckStatus::cancelled;
    report.results = {b, a, cancelled};
    report.startup_s = 0.1;
    const auto check = test::check_trace(primes::to_trace(report, machine()));
    ASSERT_TRUE(check.ok()) << check.report();
    EXPECT_EQ(check.slices_of("task").size(), 2u);
    EXPECT_EQ(check.slices_of("gil_wait").size(), 2u);
    EXPECT_EQ(check.slices_of("gil_hold").size(), 3u);   // 0.3–0.6, 0.7–1.1 and all of b
    const auto holds = check.busy_us_by_track("gil_hold");
    EXPECT_NEAR(holds.at("thread 1"), 0.7e6, 0.01);
    EXPECT_NEAR(holds.at("thread 2"), 0.5e6, 0.01);
    for (const auto& s : check.slices_of("gil_wait")) EXPECT_EQ(s.depth, 1);
    EXPECT_EQ(check.slices_of("startup").size(), 1u);
    EXPECT_EQ(check.other_data["runtime"]["name"], "C++");
}

TEST(WikipicsTrace, EventLoopRequestsAreAsyncSlicesWithTheirStepsInside) {
    wikipics::WikipicsReport report;
    report.options.executor = wikipics::WikipicsExecutor::async;
    for (std::size_t i = 0; i < 3; ++i) {
        wikipics::ImageResult r;
        r.index = i, r.title = "File:" + std::to_string(i) + ".jpg", r.worker = "event loop";
        r.started_s = 0.01 * static_cast<double>(i), r.wait_s = 0.2, r.transfer_s = 0.3, r.decode_s = 0.05;
        r.elapsed_s = 0.5;
        report.results.push_back(r);
    }
    const auto check = test::check_trace(wikipics::to_trace(report, machine()));
    ASSERT_TRUE(check.ok()) << check.report();
    int images = 0, steps = 0;
    for (const auto& [pid, list] : check.async_slices)
        for (const auto& s : list) (s.depth == 0 ? images : steps) += 1;
    EXPECT_EQ(images, 3);
    EXPECT_EQ(steps, 9);
}

TEST(WikipicsTrace, AThreadsImageEndsWhereItsThreadsNextImageStarts) {
    wikipics::WikipicsReport report;
    wikipics::ImageResult first;
    first.index = 0, first.title = "a", first.worker = "thread 1", first.started_s = 0, first.wait_s = 0.1,
    first.transfer_s = 0.1, first.elapsed_s = 0.2, first.decode_s = 0.05;
    wikipics::ImageResult second = first;
    second.index = 1, second.title = "b", second.started_s = 0.24;   // decode CPU time ran past the wall clock
    report.results = {second, first};
    const auto check = test::check_trace(wikipics::to_trace(report, machine()));
    ASSERT_TRUE(check.ok()) << check.report();
    EXPECT_EQ(check.slices_of("image").size(), 2u);
    EXPECT_EQ(check.slices_of("decode").size(), 2u);
    EXPECT_NEAR(check.busy_us_by_track("image").at("thread 1"), 0.24e6 + 0.25e6, 0.01);
}

TEST(ExhibitionTrace, EveryTurnIsASliceOnItsPlayersTrack) {
    exhibition::ExhibitionOptions options;
    options.boards = 3;
    options.moves = 4;
    exhibition::ExhibitionRun run(options);
    run.run_to_end();
    const auto report = run.report();
    const auto turns = run.turns();
    const auto check = test::check_trace(exhibition::to_trace(report, turns, machine()));
    ASSERT_TRUE(check.ok()) << check.report();
    std::size_t all_turns = 0;
    for (const auto& schedule : turns) all_turns += schedule.turns.size();
    EXPECT_EQ(check.slices_of("her_move").size() + check.slices_of("their_move").size(), all_turns);
    EXPECT_EQ(check.other_data["clock"], "simulated");
    EXPECT_EQ(check.tracks.size(), 2u * (1 + 3));
}
