// The lab's core against a fake Probes: statistics, options, the report's JSON/CSV shape, the plan's
// arithmetic (speedups, the ladder) and the run object's progress, failures and cancel.
#include "core/exec/task.h"
#include "core/lab/coroutine_measures.h"
#include "core/lab/figure.h"
#include "core/lab/lab_options.h"
#include "core/lab/lab_report.h"
#include "core/lab/lab_run.h"
#include "core/lab/latency_ladder.h"
#include "core/lab/thread_measures.h"
#include "core/primes/least_prime_factor.h"
#include "within.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

using namespace conclab;
using namespace conclab::lab;

namespace {

// Deterministic figures: threads start in 10 µs, processes in 500 µs; speedup of threads is ideal up to
// two CPUs, the GIL model never speeds up; chasing costs 1 ns up to 32 KiB and 100 ns beyond 1 MiB.
class FakeProbes : public Probes {
public:
    bool with_coroutines = false;
    bool throw_in_fork = false;
    std::atomic<int> calls{0};
    // When set, the first probe call waits until `release` is true.
    std::mutex mutex;
    std::condition_variable changed;
    bool hold = false, holding = false, release = false;

    void maybe_hold() {
        ++calls;
        std::unique_lock lock(mutex);
        if (!hold) return;
        holding = true;
        changed.notify_all();
        test::within([&] { changed.wait(lock, [this] { return release; }); }, "the test to release the held probe");
        hold = false;
    }
    Samples constant(double value, int count, const std::string& how) {
        maybe_hold();
        return {std::vector<double>(static_cast<std::size_t>(std::max(1, count)), value), how};
    }

    Samples start_units(StartKind kind, int count) override {
        if (kind == StartKind::fork && throw_in_fork) throw std::runtime_error("fork refused");
        return constant(kind == StartKind::thread ? 10e-6 : 500e-6, count, "fake start");
    }
    std::string spawned_program() const override { return "/bin/true"; }
    MemorySamples idle_threads(int, int rounds) override {
        maybe_hold();
        return {std::vector<double>(static_cast<std::size_t>(rounds), 12 * 1024.0),
                std::vector<double>(static_cast<std::size_t>(rounds), 8 * 1024 * 1024.0), {}, "fake threads"};
    }
    MemorySamples idle_processes(int count) override {
        maybe_hold();
        const auto n = static_cast<std::size_t>(count);
        return {std::vector<double>(n, 2e6), std::vector<double>(n, 10e6), std::vector<double>(n, 1e6), "fake processes"};
    }
    StackFacts thread_stack() override { return {8 * 1024 * 1024.0, 8 * 1024 * 1024.0, "fake stack"}; }
    Samples round_trips(Channel channel, std::size_t bytes, int count) override {
        const bool shared = channel == Channel::atomics || channel == Channel::mutex_queue;
        return constant((shared ? 1e-6 : 10e-6) + static_cast<double>(bytes) * 1e-9, count, "fake round trips");
    }
    Samples ping_pong(PingPongPair pair, int, int samples) override {
        return constant(pair == PingPongPair::threads ? 4e-6 : 20e-6, samples, "fake ping-pong");
    }
    double run_workload(exec::ExecutorKind kind, int workers, const std::vector<std::uint64_t>& numbers) override {
        maybe_hold();
        EXPECT_FALSE(numbers.empty());
        if (kind == exec::ExecutorKind::gil) return 1.0;
        return 1.0 / std::min(workers, 2);
    }
    SystemSnapshot system_snapshot() override {
        maybe_hold();
        SystemSnapshot snap{2, {}, "fake /proc"};
        for (int pid = 1; pid <= 12; ++pid) snap.processes.push_back({"p" + std::to_string(pid), pid, pid});
        return snap;
    }
    Samples pointer_chase(std::size_t bytes, std::size_t, int samples) override {
        return constant(bytes <= 32 * 1024 ? 1.0 : bytes <= (1u << 20) ? 5.0 : 100.0, samples, "fake chase");
    }
    DiskSamples disk_write_read(int count) override {
        return {constant(2e-3, count, "fake fsync"), constant(2e-6, count, "fake read"), "/fake (tmpfs)"};
    }
    Samples tcp_round_trips(int count) override { return constant(30e-6, count, "fake tcp"); }
    std::vector<CacheLevel> cache_levels() override { return {{1, 32 * 1024}, {2, 1 << 20}, {3, 4 << 20}}; }
    CpuClock cpu_clock() override { return {2.0, ClockSource::assumed}; }
    std::optional<Samples> start_coroutines(int, int samples) override {
        if (!with_coroutines) return std::nullopt;
        return constant(0.1e-6, samples, "fake coroutines");
    }
    std::optional<MemorySamples> idle_coroutines(int, int rounds) override {
        if (!with_coroutines) return std::nullopt;
        return MemorySamples{std::vector<double>(static_cast<std::size_t>(rounds), 200.0), {}, {}, "fake frames"};
    }
    std::optional<Samples> coroutine_ping_pong(int, int samples) override {
        if (!with_coroutines) return std::nullopt;
        return constant(0.2e-6, samples, "fake coroutine ping-pong");
    }
};

LabOptions quick(std::optional<Suite> suite = std::nullopt) { return {suite, true}; }

LabReport run_fake(LabOptions options, std::unique_ptr<FakeProbes> probes, int cpus = 2) {
    LabRun run(options, std::move(probes), cpus);
    return test::within([&]() -> const LabReport& { return run.wait(); }, "LabRun::wait");
}

}  // namespace

TEST(LabStatistics, PercentilesInterpolateAndSpreadSaysWhichItIs) {
    EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2);
    EXPECT_DOUBLE_EQ(median({4, 1, 3, 2}), 2.5);
    EXPECT_DOUBLE_EQ(percentile({10, 20, 30, 40, 50}, 25), 20);
    EXPECT_DOUBLE_EQ(percentile({10, 20}, 75), 17.5);
    EXPECT_THROW(median({}), std::invalid_argument);

    const Figure few = summarize({5, 1, 9}, "µs", "how");
    EXPECT_DOUBLE_EQ(few.value, 5);
    EXPECT_EQ(few.spread_kind, kSpreadRange);
    EXPECT_DOUBLE_EQ(few.spread_low, 1);
    EXPECT_DOUBLE_EQ(few.spread_high, 9);
    EXPECT_EQ(few.samples, 3);

    const Figure many = summarize({1, 2, 3, 4, 100}, "ns", "how");
    EXPECT_EQ(many.spread_kind, kSpreadQuartiles);
    EXPECT_DOUBLE_EQ(many.value, 3);
    EXPECT_DOUBLE_EQ(many.spread_low, 2);
    EXPECT_DOUBLE_EQ(many.spread_high, 4);

    EXPECT_EQ(inverted({0.5, 0, 2}, 1), (std::vector<double>{2, 0.5}));
    EXPECT_EQ(scaled({1, 2}, 1e6), (std::vector<double>{1e6, 2e6}));
}

TEST(LabOptions, ParsesSuiteAndQuickAndRefusesUnknownSuites) {
    options::FieldErrors errors;
    LabOptions o = parse_lab_options({}, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_FALSE(o.suite);
    EXPECT_FALSE(o.quick);
    EXPECT_EQ(o.suites().size(), std::size(kAllSuites));

    o = parse_lab_options({{"suite", "switch"}, {"quick", "1"}}, errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_TRUE(o.suite);
    EXPECT_EQ(*o.suite, Suite::switches);
    EXPECT_TRUE(o.quick);
    EXPECT_EQ(o.suites(), std::vector<Suite>{Suite::switches});

    o = parse_lab_options({{"suite", "all"}}, errors);
    EXPECT_FALSE(o.suite);

    parse_lab_options({{"suite", "nope"}, {"quick", "maybe"}}, errors);
    EXPECT_EQ(conclab::options::english(errors.at("suite")), "unknown suite 'nope': use startup|memory|ipc|switch|scaling|system|latency|all");
    EXPECT_TRUE(errors.count("quick"));

    std::set<std::string> names;
    for (const auto& spec : lab_option_specs()) names.insert(spec.name);
    EXPECT_EQ(names, (std::set<std::string>{"suite", "quick", "runtime", "python", "repeats"}));
    for (Suite s : kAllSuites) EXPECT_EQ(parse_suite(to_string(s)), s);
}

TEST(LabRun, JsonHasOneKeyPerSuiteAndEveryFigureItsUnitSpreadSamplesAndMethod) {
    const LabReport report = run_fake(quick(), std::make_unique<FakeProbes>());
    ASSERT_TRUE(report.finished);
    EXPECT_FALSE(report.cancelled);
    const auto doc = to_json(report);
    std::set<std::string> keys;
    for (const auto& [key, value] : doc.items()) keys.insert(key);
    EXPECT_EQ(keys, (std::set<std::string>{"startup", "memory", "ipc", "switch", "scaling", "system", "latency"}));
    int figures = 0;
    for (const auto& [suite, section] : doc.items()) {
        EXPECT_FALSE(section["measures"].empty()) << suite;
        for (const auto& m : section["measures"]) {
            ASSERT_TRUE(m["name"].is_string());
            for (const auto& [column, cell] : m["cells"].items()) {
                EXPECT_TRUE(column == "threads" || column == "processes" || column == "coroutines" || column == "machine");
                if (cell.contains("missing")) continue;
                ++figures;
                EXPECT_TRUE(cell["value"].is_number()) << suite << " " << m["name"];
                EXPECT_FALSE(cell["unit"].get<std::string>().empty());
                EXPECT_LE(cell["spread"]["low"].get<double>(), cell["value"].get<double>());
                EXPECT_GE(cell["spread"]["high"].get<double>(), cell["value"].get<double>());
                EXPECT_TRUE(cell["spread"]["kind"] == kSpreadQuartiles || cell["spread"]["kind"] == kSpreadRange);
                EXPECT_GE(cell["samples"].get<int>(), 1);
                EXPECT_FALSE(cell["method"].get<std::string>().empty());
            }
        }
    }
    EXPECT_GT(figures, 30);
    // Without an event loop the coroutine column says so instead of holding a number.
    EXPECT_EQ(doc["startup"]["measures"][0]["cells"]["coroutines"]["missing"], "coming with the event loop");
    EXPECT_EQ(doc["startup"]["measures"][0]["cells"]["coroutines"]["missing_id"], "event_loop");
}

TEST(LabRun, CsvHasOneLinePerFigureAndQuotesCommas) {
    const LabReport report = run_fake(quick(Suite::startup), std::make_unique<FakeProbes>());
    const std::string csv = to_csv(report);
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line, "suite,measure,column,value,unit,low,high,samples");
    int rows = 0;
    bool saw_thread = false;
    while (std::getline(lines, line)) {
        ++rows;
        if (line.rfind("startup,start + finish one,threads,", 0) == 0) {
            saw_thread = true;
            EXPECT_NE(line.find(",µs,"), std::string::npos) << line;
            EXPECT_EQ(line.substr(line.rfind(',') + 1), "50");   // quick: 50 threads started
        }
    }
    EXPECT_TRUE(saw_thread) << csv;
    EXPECT_EQ(rows, 3);   // threads, spawn, fork; the coroutine cell has no figure

    LabReport with_comma;
    Section s{Suite::ipc, {}, {}, {}};
    s.measures.push_back(Measure{"a, \"b\""});
    s.measures.back().figures[Column::threads] = summarize({1}, "x", "m");
    with_comma.sections.push_back(s);
    EXPECT_NE(to_csv(with_comma).find("ipc,\"a, \"\"b\"\"\",threads,1.0,x,1.0,1.0,1\n"), std::string::npos) << to_csv(with_comma);
}

TEST(LabRun, StartupAndMemoryFiguresComeFromTheProbesInTheRightUnits) {
    auto probes = std::make_unique<FakeProbes>();
    probes->with_coroutines = true;
    const LabReport report = run_fake(LabOptions{}, std::move(probes));   // full sizes: the fake is instant
    const Section* startup = report.find(Suite::startup);
    ASSERT_TRUE(startup);
    const Measure* one = startup->find("start + finish one");
    ASSERT_TRUE(one && one->at(Column::threads) && one->at(Column::processes) && one->at(Column::coroutines));
    EXPECT_DOUBLE_EQ(one->at(Column::threads)->value, 10);
    EXPECT_EQ(one->at(Column::threads)->unit, "µs");
    EXPECT_EQ(one->at(Column::threads)->samples, lab_sizes(false).thread_starts);
    EXPECT_DOUBLE_EQ(one->at(Column::processes)->value, 500);
    EXPECT_NEAR(one->at(Column::coroutines)->value, 0.1, 1e-12);

    const Section* memory = report.find(Suite::memory);
    ASSERT_TRUE(memory);
    const Measure* resident = memory->find("resident memory each");
    ASSERT_TRUE(resident && resident->at(Column::threads));
    EXPECT_DOUBLE_EQ(resident->at(Column::threads)->value, 12);   // KiB
    EXPECT_DOUBLE_EQ(memory->find("virtual memory each")->at(Column::threads)->value, 8192);
    ASSERT_TRUE(memory->find("proportional share (PSS) each"));
    EXPECT_NEAR(memory->find("proportional share (PSS) each")->at(Column::processes)->value, 1e6 / 1024, 1e-9);
    ASSERT_FALSE(memory->notes.empty());
    EXPECT_NE(memory->notes[0].find("reserves 8.00 MiB"), std::string::npos) << memory->notes[0];
    EXPECT_NE(memory->notes[0].find("12.0 KiB resident"), std::string::npos) << memory->notes[0];

    const Section* ipc = report.find(Suite::ipc);
    ASSERT_TRUE(ipc);
    const Measure* small = ipc->find("64 B round trip (atomics / pipe)");
    ASSERT_TRUE(small && small->at(Column::threads) && small->at(Column::processes));
    EXPECT_NEAR(small->at(Column::threads)->value, 1.064, 1e-9);
    const Measure* big = ipc->find("1 MiB throughput (lock + queue / socketpair)");
    ASSERT_TRUE(big && big->at(Column::processes));
    EXPECT_NEAR(big->at(Column::processes)->value, 2.0 * 1048576 / 1e6 / (10e-6 + 1048576e-9), 1e-6);

    const Section* switches = report.find(Suite::switches);
    ASSERT_TRUE(switches);
    EXPECT_NEAR(switches->find("switches per second")->at(Column::threads)->value, 500'000, 1e-3);
    EXPECT_NEAR(switches->find("switches per second")->at(Column::coroutines)->value, 1e7, 1e-3);
}

TEST(LabRun, SpeedupsDivideTheOneWorkerTimeAndTheGilModelStaysFlat) {
    const LabReport report = run_fake(quick(Suite::scaling), std::make_unique<FakeProbes>(), 2);
    const Section* s = report.find(Suite::scaling);
    ASSERT_TRUE(s);
    for (int n : scaling_workers(2)) {
        const std::string w = std::to_string(n) + (n > 1 ? " workers" : " worker");
        const Measure* threads = s->find("speedup, " + w);
        const Measure* gil = s->find("speedup, " + w + ", GIL model");
        ASSERT_TRUE(threads && gil) << w;
        EXPECT_DOUBLE_EQ(threads->at(Column::threads)->value, std::min(n, 2)) << w;
        EXPECT_DOUBLE_EQ(threads->at(Column::processes)->value, std::min(n, 2)) << w;
        EXPECT_DOUBLE_EQ(gil->at(Column::threads)->value, 1) << w;
        EXPECT_EQ(threads->curve, "speedup");
        EXPECT_EQ(*threads->x, n);
    }
    EXPECT_EQ(scaling_workers(2), (std::vector<int>{1, 2, 3, 4}));
    EXPECT_EQ(scaling_workers(16), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 16, 32}));
    EXPECT_EQ(scaling_workers(64).back(), exec::kMaxWorkers);
    const auto numbers = scaling_numbers(20, 3);
    EXPECT_EQ(numbers, (std::vector<std::uint64_t>{1048573, 1048571, 1048559}));
}

TEST(LabRun, SystemCountsProcessesAndListsTheTopTenByThreads) {
    const LabReport report = run_fake(quick(Suite::system), std::make_unique<FakeProbes>());
    const Section* s = report.find(Suite::system);
    ASSERT_TRUE(s);
    EXPECT_DOUBLE_EQ(s->find("processes (ps ax | wc -l)")->at(Column::machine)->value, 12);
    EXPECT_DOUBLE_EQ(s->find("threads, all processes")->at(Column::machine)->value, 78);
    EXPECT_DOUBLE_EQ(s->find("processes per CPU")->at(Column::machine)->value, 6);
    EXPECT_DOUBLE_EQ(s->find("threads per process")->at(Column::machine)->value, 6.5);
    ASSERT_EQ(s->tables.size(), 1u);
    ASSERT_EQ(s->tables[0].rows.size(), 10u);
    EXPECT_EQ(s->tables[0].rows[0], (std::vector<std::string>{"p12", "12", "12"}));
    EXPECT_EQ(s->tables[0].rows[9][0], "p3");
}

// /proc names are cut by the kernel at 15 bytes, inside a UTF-8 character at times, and may hold terminal
// controls: the report's text stays UTF-8 (JSON) and the text table shows the controls instead of obeying them.
TEST(LabRun, ProcessNamesThatAreNotUtf8StayValidInJsonAndInertInText) {
    struct HostileNames : FakeProbes {
        SystemSnapshot system_snapshot() override {
            SystemSnapshot snap{2, {}, "fake /proc"};
            snap.processes.push_back({"sleepsééééé\xC3", 1, 50});   // 15 bytes, the last one half an é
            snap.processes.push_back({"\x1b]0;pwned\x07\xE9", 2, 40});
            return snap;
        }
    };
    const LabReport report = run_fake(quick(Suite::system), std::make_unique<HostileNames>());
    EXPECT_NO_THROW((void)to_json(report).dump());
    const std::string text = format_text(report);
    EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
    EXPECT_NE(text.find("\\x1b]0;pwned\\x07"), std::string::npos) << text;
}

TEST(LabRun, LatencyLadderTakesCacheLevelsFromTheChaseCurve) {
    const LabReport report = run_fake(quick(Suite::latency), std::make_unique<FakeProbes>());
    const Section* s = report.find(Suite::latency);
    ASSERT_TRUE(s);
    int points = 0;
    for (const auto& m : s->measures) points += m.curve == "pointer chase";
    EXPECT_EQ(points, 14);   // 4 KiB … 32 MiB
    ASSERT_EQ(s->tables.size(), 1u);
    const Table& ladder = s->tables[0];
    ASSERT_EQ(ladder.rows.size(), 6u);
    // L1: the largest set within half of 32 KiB is 16 KiB → 1 ns = 2 cycles at 2 GHz.
    EXPECT_EQ(ladder.rows[0][0], "L1");
    EXPECT_EQ(ladder.rows[0][1], "3.00");
    EXPECT_EQ(ladder.rows[0][2], "3.00 s");
    EXPECT_EQ(ladder.rows[0][3], "1.00 ns");
    EXPECT_EQ(ladder.rows[0][4], "2.00");
    EXPECT_EQ(ladder.rows[0][6], "pointer chase, 16 KiB");
    EXPECT_EQ(ladder.rows[1][6], "pointer chase, 512 KiB");
    EXPECT_EQ(ladder.rows[2][0], "L3");
    EXPECT_EQ(ladder.rows[2][2], "not in the classic figures");
    EXPECT_EQ(ladder.rows[3][0], "RAM");
    EXPECT_EQ(ladder.rows[3][3], "100 ns");
    EXPECT_EQ(ladder.rows[3][6], "pointer chase, 32 MiB");
    EXPECT_EQ(ladder.rows[4][3], "2000000 ns");   // the fsync'd write
    EXPECT_EQ(ladder.rows[5][5], "16.7 h");       // 30 µs × 2 GHz = 60 000 cycles → seconds
}

TEST(LatencyLadder, HumanTimeReadsAsAPersonSaysIt) {
    EXPECT_EQ(human_duration(3), "3.00 s");
    EXPECT_EQ(human_duration(250), "4.17 min");
    EXPECT_EQ(human_duration(41'000'000), "1.30 years");
    EXPECT_EQ(human_duration(240'000'000), "7.61 years");
    EXPECT_EQ(human_duration(0.5), "0.5 s");
}

TEST(LabRun, AProbeThatCannotMeasureSaysWhyInItsCellAndTheRestStillRuns) {
    auto probes = std::make_unique<FakeProbes>();
    probes->throw_in_fork = true;
    const LabReport report = run_fake(quick(Suite::startup), std::move(probes));
    const Section* s = report.find(Suite::startup);
    ASSERT_TRUE(s);
    // A probe that can't measure (fork in a browser) leaves its reason in the cell, where the reader looks.
    const Measure* fork = s->find("fork + wait (unsafe in a threaded program)");
    ASSERT_TRUE(fork);
    EXPECT_FALSE(fork->at(Column::processes));
    EXPECT_EQ(fork->missing.at(Column::processes), "fork refused");
    EXPECT_TRUE(s->find("start + finish one")->at(Column::processes));
    EXPECT_FALSE(report.cancelled);
}

TEST(LabRun, CancelStopsAfterTheStepInProgress) {
    auto owned = std::make_unique<FakeProbes>();
    FakeProbes* probes = owned.get();
    probes->hold = true;
    LabRun run(quick(), std::move(owned), 2);
    {
        std::unique_lock lock(probes->mutex);
        ASSERT_TRUE(probes->changed.wait_for(lock, std::chrono::seconds(30), [probes] { return probes->holding; }));
    }
    const LabProgress during = run.poll();
    EXPECT_FALSE(during.finished);
    EXPECT_EQ(during.steps_done, 0);
    EXPECT_EQ(during.step, "threads: create + join");
    ASSERT_TRUE(during.suite);
    EXPECT_EQ(*during.suite, Suite::startup);
    run.cancel();
    {
        std::lock_guard lock(probes->mutex);
        probes->release = true;
    }
    probes->changed.notify_all();
    const LabReport& report = test::within([&]() -> const LabReport& { return run.wait(); }, "LabRun::wait");
    EXPECT_TRUE(report.cancelled);
    EXPECT_TRUE(report.finished);
    const LabProgress after = run.poll();
    EXPECT_EQ(after.steps_done, 1);
    EXPECT_LT(after.fraction, 1.0);
    EXPECT_EQ(probes->calls.load(), 1);
    ASSERT_EQ(report.sections.size(), 1u);   // the step that was running finished and kept its figure
    EXPECT_TRUE(report.sections[0].find("start + finish one")->at(Column::threads));
}

TEST(LabRun, ProgressCountsEveryStepAndEndsAtOne) {
    LabRun run(quick(Suite::ipc), std::make_unique<FakeProbes>(), 2);
    test::within([&] { run.wait(); }, "LabRun::wait");
    const LabProgress p = run.poll();
    EXPECT_TRUE(p.finished);
    EXPECT_FALSE(p.cancelled);
    EXPECT_EQ(p.steps_done, p.steps_total);
    EXPECT_EQ(p.steps_total, 9);   // 4 channels × 2 sizes and the notes
    EXPECT_DOUBLE_EQ(p.fraction, 1.0);
}

TEST(LabReport, TextTableShowsColumnsWithFiguresAndTheMissingReason) {
    const LabReport report = run_fake(quick(Suite::startup), std::make_unique<FakeProbes>());
    const std::string text = format_text(report);
    EXPECT_NE(text.find("== startup (quick) =="), std::string::npos) << text;
    EXPECT_NE(text.find("threads"), std::string::npos);
    EXPECT_NE(text.find("10.0 µs"), std::string::npos) << text;
    EXPECT_NE(text.find("(coming with the event loop)"), std::string::npos) << text;
    EXPECT_EQ(text.find("machine"), std::string::npos) << text;   // no figure in that column: left out
}

namespace {

/// `count` samples, each above `low`, the fastest below `high`: sanity bounds at least 100x wide (load and sanitizers
/// only slow a sample down), yet a sample 1000x off (a unit slip) falls outside.
void expect_sane(const std::vector<double>& samples, std::size_t count, double low, double high, const char* what) {
    EXPECT_GE(high / low, 100.0) << what;
    ASSERT_EQ(samples.size(), count) << what;
    for (double s : samples) EXPECT_GE(s, low) << what;
    EXPECT_LE(*std::min_element(samples.begin(), samples.end()), high) << what;
}

}  // namespace

TEST(CoroutineMeasures, StartPingPongAndParkRealCoroutines) {
    // Seconds per coroutine started, per round trip: about 0.1-1 µs.
    expect_sane(coroutine_start_samples(200, 3), 3, 1e-9, 1e-4, "coroutine start, s");
    expect_sane(coroutine_ping_pong_samples(200, 2), 2, 1e-9, 1e-4, "coroutine round trip, s");
    {
        SuspendedCoroutines parked(50);
        EXPECT_EQ(parked.parked(), 50);
    }   // released: every coroutine finishes (ASan would see a leaked frame)
}

namespace {

// What the web's probes do: measure some cells differently and refuse others with a sentence.
class BrowserLikeProbes : public FakeProbes {
public:
    BrowserLikeProbes() { throw_in_fork = true; }
    MemorySamples idle_processes(int count) override {
        MemorySamples m;
        m.wasm_memory_bytes.assign(static_cast<std::size_t>(count), 16 * 1024 * 1024.0);
        m.resident_unknown = "no process sizes in a page";
        m.method = "fake module memory";
        return m;
    }
    StackFacts thread_stack() override {
        StackFacts facts{2 * 1024 * 1024.0, std::nullopt, "fake stack"};
        facts.no_stack_limit = true;
        return facts;
    }
    Samples round_trips(Channel channel, std::size_t bytes, int count) override {
        if (channel == Channel::socketpair) throw Unmeasurable(ReasonId::no_socketpair);
        return FakeProbes::round_trips(channel, bytes, count);
    }
    SystemSnapshot system_snapshot() override {
        SystemSnapshot snap{4, {}, "fake navigator"};
        snap.processes_unknown = "no processes in a page";
        snap.device_memory_gib = 8;
        return snap;
    }
    DiskSamples disk_write_read(int) override { throw std::runtime_error("no disk in a page"); }
    Samples tcp_round_trips(int) override { throw std::runtime_error("no TCP in a page"); }
    std::optional<Samples> fetch_round_trips(int count) override { return constant(400e-6, count, "fake fetch"); }
    std::optional<Samples> start_threads_beyond_pool(int count) override { return constant(30e-3, count, "fake new Worker"); }
};

}  // namespace

TEST(LabRun, WhatAPlatformCannotMeasureSaysWhyInItsCell) {
    const LabReport report = run_fake(quick(), std::make_unique<BrowserLikeProbes>());
    const Section* startup = report.find(Suite::startup);
    ASSERT_TRUE(startup);
    EXPECT_NEAR(startup->find("start + finish one, beyond the pre-started pool")->at(Column::threads)->value, 30e3, 1e-6);

    const Section* memory = report.find(Suite::memory);
    ASSERT_TRUE(memory);
    EXPECT_EQ(memory->find("resident memory each")->missing.at(Column::processes), "no process sizes in a page");
    EXPECT_NEAR(memory->find("wasm memory each")->at(Column::processes)->value, 16 * 1024.0, 1e-9);
    EXPECT_EQ(memory->find("virtual memory each")->missing.at(Column::processes), Reason(ReasonId::no_address_space));
    bool stack_note = false;
    for (const auto& note : memory->notes) stack_note = stack_note || note.find("a browser has no `ulimit -s`") != std::string::npos;
    EXPECT_TRUE(stack_note);

    const Section* ipc = report.find(Suite::ipc);
    ASSERT_TRUE(ipc);
    // A typed refusal (lab::Unmeasurable) keeps its id; the CLI's and the JSON's words are english() of it.
    EXPECT_EQ(ipc->find("64 B round trip (lock + queue / socketpair)")->missing.at(Column::processes), Reason(ReasonId::no_socketpair));
    EXPECT_NE(format_text(report).find("(a page has no socketpair"), std::string::npos);
    EXPECT_TRUE(ipc->find("64 B round trip (lock + queue / socketpair)")->at(Column::threads));

    const Section* system = report.find(Suite::system);
    ASSERT_TRUE(system);
    EXPECT_EQ(system->find("processes (ps ax | wc -l)")->missing.at(Column::machine), "no processes in a page");
    EXPECT_EQ(system->find("device memory (rounded by the browser)")->at(Column::machine)->value, 8);
    EXPECT_TRUE(system->tables.empty());

    const Section* latency = report.find(Suite::latency);
    ASSERT_TRUE(latency);
    EXPECT_EQ(latency->find("disk: 4 KiB write + fsync")->missing.at(Column::machine), "no disk in a page");
    EXPECT_EQ(latency->find("network: loopback TCP round trip")->missing.at(Column::machine), "no TCP in a page");
    EXPECT_NEAR(latency->find("network: same-origin fetch round trip")->at(Column::machine)->value, 400, 1e-9);
    // The ladder's network rung takes the fetch; its disk rung says why there is none.
    const Table& ladder = latency->tables.back();
    bool network = false, disk = false;
    for (const auto& row : ladder.rows) {
        if (row[0] == "network") network = row[3] == "400000 ns" && row[6] == "same-origin fetch round trip";
        if (row[0] == "disk") disk = row[6] == "no disk in a page";
    }
    EXPECT_TRUE(network);
    EXPECT_TRUE(disk);
}

TEST(LabReport, JsonReadsBackToTheSameReport) {
    auto probes = std::make_unique<FakeProbes>();
    probes->with_coroutines = true;
    const LabReport report = run_fake(quick(), std::move(probes));
    const nlohmann::json doc = to_json(report);
    const LabReport back = report_from_json(nlohmann::json::parse(doc.dump()));
    EXPECT_EQ(to_json(back), doc);
    EXPECT_EQ(to_csv(back), to_csv(report));
    ASSERT_EQ(back.sections.size(), std::size(kAllSuites));
    const Measure* speedup = back.find(Suite::scaling)->find("speedup, 2 workers");
    ASSERT_TRUE(speedup);
    EXPECT_EQ(speedup->x, 2.0);
    EXPECT_EQ(speedup->curve, "speedup");
}

TEST(LabReport, ReadingSomethingElseSaysWhy) {
    auto reason = [](const std::string& text) {
        try {
            report_from_json(nlohmann::json::parse(text));
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(reason("[1, 2]").find("not a lab result"), std::string::npos);
    EXPECT_NE(reason(R"({"executor": "threads"})").find("none of startup"), std::string::npos);
    EXPECT_NE(reason(R"({"startup": {"measures": [{"cells": {}}]}})").find("no name"), std::string::npos);
    EXPECT_NE(reason(R"({"startup": {"measures": [{"name": "x", "cells": {"threads": {"value": "fast"}}}]}})").find("numeric"),
              std::string::npos);
    // Unknown columns are skipped; a suite with no measures is still a suite.
    EXPECT_EQ(reason(R"({"memory": {"measures": [{"name": "x", "cells": {"gpu": {"value": 1}}}]}})"), "accepted");
}

TEST(ThreadMeasures, EveryPortableMeasureReturnsOneSaneSamplePerAsk) {
    // Seconds (ns for the pointer chase), each sample within sanity bounds at least 100x wide, so that a unit slip
    // of 1000x falls outside: a thread starts in µs to ms (a browser's Worker), a trip takes 0.1 µs to a scheduler
    // slice, an L1 load about a ns.
    expect_sane(thread_start_samples(3), 3, 5e-7, 5e-3, "thread start, s");
    expect_sane(atomics_round_trip_samples(64, 5), 5, 1e-8, 1e-1, "atomics trip, s");
    expect_sane(atomics_round_trip_samples(std::size_t{1} << 16, 2), 2, 1e-8, 1e-1, "atomics 64 KiB trip, s");
    expect_sane(queue_round_trip_samples(64, 5), 5, 1e-8, 1e-1, "queue trip, s");
    expect_sane(atomics_round_trip_samples(64, 3, 10), 3, 1e-8, 1e-1, "atomics trip, mean of ten, s");   // a coarse clock still sees them
    expect_sane(queue_round_trip_samples(64, 3, 10), 3, 1e-8, 1e-1, "queue trip, mean of ten, s");
    expect_sane(thread_ping_pong_samples(10, 2), 2, 1e-8, 1e-1, "ping-pong trip, s");
    expect_sane(pointer_chase_samples(4096, 100'000, 2), 2, 0.05, 50, "L1 load, ns");
    const auto numbers = scaling_numbers(30, 4);
    ASSERT_EQ(numbers.size(), 4u);
    for (auto n : numbers) EXPECT_TRUE(primes::is_prime(n));
    const auto make = [](exec::ExecutorKind, int workers) { return exec::make_thread_pool(workers); };
    EXPECT_GT(workload_wall_seconds(make, exec::ExecutorKind::threads, 2, numbers), 0);
    // lab.echo, the message of the web's postMessage round trips, returns its argument unchanged.
    register_tasks();
    exec::TaskContext context;
    EXPECT_EQ(exec::run_task({"lab.echo", std::string("a\0b", 3)}, context), std::string("a\0b", 3));
}

TEST(LabMethod, MethodsAndReasonsAreDataTheJsonCarriesBesideTheirEnglish) {
    const LabReport report = run_fake(quick(), std::make_unique<BrowserLikeProbes>());
    const nlohmann::json doc = to_json(report);
    // A typed refusal: its English where the JSON always had it, its id beside it, read back as the same reason.
    const auto& socketpair = doc["ipc"]["measures"];
    bool found = false;
    for (const auto& m : socketpair)
        if (m["cells"].contains("processes") && m["cells"]["processes"].value("missing_id", "") == "no_socketpair") {
            found = true;
            EXPECT_EQ(m["cells"]["processes"]["missing"], english(Reason(ReasonId::no_socketpair)));
        }
    EXPECT_TRUE(found);
    const LabReport back = report_from_json(doc);
    EXPECT_EQ(back.find(Suite::ipc)->find("64 B round trip (lock + queue / socketpair)")->missing.at(Column::processes),
              Reason(ReasonId::no_socketpair));
    EXPECT_EQ(to_json(back), doc);
    // An error of the platform's own keeps its text: the reason as written.
    EXPECT_EQ(reason_of(std::runtime_error("fork refused")), Reason("fork refused"));
    EXPECT_EQ(reason_of(Unmeasurable(ReasonId::no_fork)), Reason(ReasonId::no_fork));
    // A method with the sentences that follow it, as JSON and back.
    const Method relayed = Method(MethodId::web_post, {"64"}).followed_by({MethodId::then_coarse, {"10"}});
    EXPECT_EQ(method_from_json(to_json(relayed)), relayed);
    EXPECT_EQ(english(relayed).substr(0, 20), "A 64-byte message po");
    EXPECT_NE(english(relayed).find("; time per round trip. Each sample is the mean of 10 round trips"), std::string::npos);
}

TEST(LabMethod, AJsonExportedBeforeIdsReadsBackItsSentencesAsWritten) {
    const auto doc = nlohmann::json::parse(R"json({"startup": {"measures": [{"name": "fork + wait (unsafe in a threaded program)",
        "cells": {"processes": {"value": 1, "unit": "µs", "method": "Time to fork, the old way."},
                  "threads": {"missing": "an old reason"}}}], "notes": []},
        "latency": {"measures": [], "ladder": {"ghz": 2, "rungs": [{"rung": "L1", "talk_cycles": 3, "measured_ns": 1,
        "measured_as": "pointer chase, 16 KiB"}]}}})json");
    const LabReport r = report_from_json(doc);
    const Measure& m = r.find(Suite::startup)->measures.at(0);
    EXPECT_EQ(m.at(Column::processes)->method, Method("Time to fork, the old way."));
    EXPECT_EQ(english(m.at(Column::processes)->method), "Time to fork, the old way.");
    EXPECT_EQ(m.missing.at(Column::threads), Reason("an old reason"));
    const LadderRung& rung = r.find(Suite::latency)->ladder.at(0);
    EXPECT_EQ(rung.source.id, RungSourceId::text);
    EXPECT_EQ(english(rung.source), "pointer chase, 16 KiB");
    // Written again, the old keys say what they said.
    const auto again = to_json(r);
    EXPECT_EQ(again["startup"]["measures"][0]["cells"]["processes"]["method"], "Time to fork, the old way.");
    EXPECT_EQ(again["startup"]["measures"][0]["cells"]["threads"]["missing"], "an old reason");
    EXPECT_EQ(again["latency"]["ladder"]["rungs"][0]["measured_as"], "pointer chase, 16 KiB");
}

TEST(LabMethod, TheLadderSaysHowEachRungWasMeasuredAsData) {
    const LabReport report = run_fake(quick(), std::make_unique<FakeProbes>());
    const Section* latency = report.find(Suite::latency);
    ASSERT_TRUE(latency);
    for (const auto& rung : latency->ladder) {
        EXPECT_NE(rung.source.id, RungSourceId::text) << rung.name;
        EXPECT_EQ(rung.measured_as, english(rung.source)) << rung.name;
    }
    const auto& ram = *std::find_if(latency->ladder.begin(), latency->ladder.end(), [](const LadderRung& r) { return r.name == "RAM"; });
    EXPECT_TRUE(ram.source.id == RungSourceId::chase || ram.source.id == RungSourceId::chase_cached);
    EXPECT_GT(ram.source.bytes, 0u);
    EXPECT_EQ(report_from_json(to_json(report)).find(Suite::latency)->ladder.at(3).source, latency->ladder.at(3).source);
}
