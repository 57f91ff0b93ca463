// The native lab probes, each suite in --quick mode: figures present, samples counted, spreads and derived figures
// consistent, and every figure in its unit within sanity bounds (each at least 100x wide, so that load and
// sanitizers fit, yet a figure off by 1000x, a unit slip, does not). No speed is compared with another: on a busy
// machine a thread can start slower than a process, a 64 B trip take longer than 1 MiB.
#include "core/lab/lab_run.h"
#include "core/lab/lab_steps.h"
#include "platform/lab_probes.h"
#include "platform/native/worker_handle.h"
#include "platform/platform.h"
#include "within.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <tuple>
#include <utility>
#include <mutex>
#include <thread>

#include <unistd.h>

using namespace conclab;
using namespace conclab::lab;

namespace {

Section run_quick(Suite suite) {
    platform::set_worker_executable(CONCLAB_EXE);
    LabRun run(LabOptions{suite, true}, platform::make_lab_probes(), platform::logical_cpus());
    const LabReport& report = test::within([&]() -> const LabReport& { return run.wait(); }, "LabRun::wait");
    EXPECT_TRUE(report.finished);
    EXPECT_FALSE(report.cancelled);
    const Section* section = report.find(suite);
    if (!section) {
        ADD_FAILURE() << "no section for " << to_string(suite);
        return {};
    }
    for (const auto& note : section->notes) EXPECT_EQ(note.find("could not be measured"), std::string::npos) << note;
    for (const auto& m : section->measures)
        for (const auto& [column, f] : m.figures) {
            EXPECT_GE(f.samples, 1) << m.name;
            EXPECT_LE(f.spread_low, f.value) << m.name;
            EXPECT_GE(f.spread_high, f.value) << m.name;
            EXPECT_FALSE(f.method.empty()) << m.name;
            EXPECT_NE(f.method.id, MethodId::text) << m.name << ": the platform's methods are typed";
        }
    return *section;
}

// The figure of `measure` in `column`; a missing one fails the test and reads as zeros.
Figure figure(const Section& s, const std::string& measure, Column column) {
    const Measure* m = s.find(measure);
    if (!m || !m->at(column)) {
        ADD_FAILURE() << "no " << to_string(column) << " figure for '" << measure << "'";
        return {};
    }
    return *m->at(column);
}

double value(const Section& s, const std::string& measure, Column column) { return figure(s, measure, column).value; }

// The figure, in `unit`, within [low, high]: sanity bounds at least 100x wide (a loaded machine, a sanitizer), yet
// narrow enough that a figure 1000x off (a unit slip: ns for µs, s for ms) falls outside. Load only ever makes a
// timing slower: the median must be above `low`, and the spread's low end (the fastest samples, which other programs
// disturbed least) below `high`.
Figure expect_sane(const Section& s, const std::string& measure, Column column, const std::string& unit, double low, double high) {
    EXPECT_GE(high / low, 100.0) << "sanity bounds narrower than 100x for " << measure;
    const Figure f = figure(s, measure, column);
    EXPECT_EQ(f.unit, unit) << measure;
    EXPECT_GE(f.value, low) << measure << " (" << to_string(column) << ") in " << f.unit;
    EXPECT_LE(f.spread_low, high) << measure << " (" << to_string(column) << ") in " << f.unit << ", median " << f.value;
    return f;
}

int samples(const Section& s, const std::string& measure, Column column) { return figure(s, measure, column).samples; }

}  // namespace

TEST(LabProbes, StartupFiguresAreCountedInMicroseconds) {
    const Section s = run_quick(Suite::startup);
    const LabSizes z = lab_sizes(true);
    const std::string one = "start + finish one", forked = "fork + wait (unsafe in a threaded program)";
    // A thread: tens of µs; a process: hundreds of µs to ms (more under ASan); in ms or ns they would fall out.
    expect_sane(s, one, Column::threads, "µs", 0.5, 5'000);
    expect_sane(s, one, Column::processes, "µs", 20, 500'000);
    expect_sane(s, forked, Column::processes, "µs", 5, 100'000);
    EXPECT_EQ(samples(s, one, Column::threads), z.thread_starts);
    EXPECT_EQ(samples(s, one, Column::processes), z.process_starts);
    EXPECT_EQ(samples(s, forked, Column::processes), z.process_starts);
    if (s.find(one)->at(Column::coroutines)) {
        expect_sane(s, one, Column::coroutines, "µs", 0.001, 100);
        EXPECT_EQ(samples(s, one, Column::coroutines), z.coroutine_start_samples);
    }
    // The spawned program is conclab itself (`conclab noop`), named in the method.
    EXPECT_EQ(s.find(one)->at(Column::processes)->method.id, MethodId::spawn_self);
    EXPECT_NE(english(s.find(one)->at(Column::processes)->method).find("conclab noop"), std::string::npos);
    EXPECT_EQ(platform::make_lab_probes()->spawned_program(), "conclab noop (this program, which exits at once)");
}

TEST(LabProbes, MemoryResidentIsLessThanVirtualAndTheStackIsReservedNotUsed) {
    const Section s = run_quick(Suite::memory);
    // An idle thread touches a few KiB to a few hundred; its stack reserves MiB; a process is MiB resident.
    const double thread_rss = expect_sane(s, "resident memory each", Column::threads, "KiB", 0.01, 4'096).value;
    const double thread_vsz = expect_sane(s, "virtual memory each", Column::threads, "KiB", 64, 1'048'576).value;
    const double stack = expect_sane(s, "stack reserved per thread (default)", Column::threads, "KiB", 64, 1'048'576).value;
    EXPECT_LT(thread_rss, thread_vsz);
    EXPECT_LT(thread_rss, stack);   // a stack reserves far more than an idle thread touches
    EXPECT_GE(thread_vsz, stack * 0.9);
    const double process_rss = expect_sane(s, "resident memory each", Column::processes, "KiB", 100, 1'048'576).value;
    EXPECT_LT(process_rss, value(s, "virtual memory each", Column::processes));
    EXPECT_LE(value(s, "proportional share (PSS) each", Column::processes), process_rss);
    ASSERT_FALSE(s.notes.empty());
    EXPECT_NE(s.notes.back().find("4 MB per thread"), std::string::npos);
}

TEST(LabProbes, IpcEveryChannelMeasuresAndThroughputIsTheTripInverted) {
    const Section s = run_quick(Suite::ipc);
    const LabSizes z = lab_sizes(true);
    for (const char* variant : {" (atomics / pipe)", " (lock + queue / socketpair)"})
        for (Column c : {Column::threads, Column::processes}) {
            for (const auto& [size, bytes, trips] : {std::tuple{std::string("64 B"), 64.0, z.small_round_trips},
                                                     std::tuple{std::string("1 MiB"), 1048576.0, z.large_round_trips}}) {
                const std::string name = size + " round trip" + variant;
                // From a fraction of a µs (64 B between threads on two cores) to a scheduler slice or two on a
                // busy machine; 1 MiB copies take tens of µs to ms.
                const double trip_us = bytes < 1024 ? expect_sane(s, name, c, "µs", 0.01, 100'000).value
                                                     : expect_sane(s, name, c, "µs", 1, 100'000).value;
                EXPECT_EQ(samples(s, name, c), trips) << name;
                // Throughput comes from the same samples: 2 × size per trip (medians of inverses: close, not equal).
                const Figure throughput = figure(s, size + " throughput" + variant, c);
                EXPECT_EQ(throughput.unit, "MB/s");
                EXPECT_LE(throughput.samples, trips);   // a trip too short for the clock has no inverse
                EXPECT_NEAR(throughput.value * trip_us, 2 * bytes, 2 * bytes * 0.5) << name << " " << to_string(c);
            }
        }
}

TEST(LabProbes, SwitchesAreCountedForThreadsAndProcesses) {
    const Section s = run_quick(Suite::switches);
    const LabSizes z = lab_sizes(true);
    for (Column c : {Column::threads, Column::processes}) {
        // Two switches: a few µs on an idle machine, up to a few scheduler slices on a busy one.
        const double trip_us = expect_sane(s, "round trip (two switches)", c, "µs", 0.05, 100'000).value;
        const Figure rate = figure(s, "switches per second", c);
        EXPECT_EQ(rate.unit, "switches/s");
        EXPECT_EQ(rate.samples, z.switch_samples);
        EXPECT_EQ(samples(s, "round trip (two switches)", c), z.switch_samples);
        EXPECT_NEAR(rate.value, 2e6 / trip_us, 2e6 / trip_us * 0.5);   // medians of inverses: close, not equal
    }
}

TEST(LabProbes, ScalingHasEverySpeedupAndWallTime) {
    // Speedups are not compared with each other: other programs may hold the cores for the whole run. The figures
    // must exist for every worker count, count their tries, and be sane in their units.
    const Section s = run_quick(Suite::scaling);
    const LabSizes z = lab_sizes(true);
    EXPECT_DOUBLE_EQ(value(s, "speedup, 1 worker", Column::threads), 1.0);
    EXPECT_DOUBLE_EQ(value(s, "speedup, 1 worker", Column::processes), 1.0);
    EXPECT_DOUBLE_EQ(value(s, "speedup, 1 worker, GIL model", Column::threads), 1.0);
    for (int n : scaling_workers(platform::logical_cpus())) {
        const std::string workers = std::to_string(n) + (n > 1 ? " workers" : " worker");
        for (const auto& [suffix, column] : {std::pair{std::string(), Column::threads}, std::pair{std::string(), Column::processes},
                                              std::pair{std::string(", GIL model"), Column::threads}}) {
            const std::string speedup = "speedup, " + workers + suffix, wall = "wall time, " + workers + suffix;
            // A wall time of tens of ms to seconds (TSan); a speedup between "much slower" and the worker count.
            const Figure w = expect_sane(s, wall, column, "s", 0.001, 60);
            const Figure x = expect_sane(s, speedup, column, "x", 0.01, 100);
            EXPECT_EQ(w.samples, z.workload_repeats) << wall;
            EXPECT_EQ(x.samples, z.workload_repeats) << speedup;
            // The speedup is the 1-worker wall time over this one (both the fastest of their tries).
            const double one = value(s, "wall time, 1 worker" + suffix, column);
            EXPECT_NEAR(x.value, one / w.value, 1e-9 * x.value) << speedup;
        }
    }
}

TEST(LabProbes, SystemSeesThisProcessAndTheTopTenAreSorted) {
    const Section s = run_quick(Suite::system);
    EXPECT_EQ(value(s, "logical CPUs", Column::machine), platform::logical_cpus());
    const double processes = value(s, "processes (ps ax | wc -l)", Column::machine);
    EXPECT_GE(processes, 2);   // this test and its parent at least
    EXPECT_GE(value(s, "threads, all processes", Column::machine), processes);
    ASSERT_EQ(s.tables.size(), 1u);
    const auto& rows = s.tables[0].rows;
    ASSERT_FALSE(rows.empty());
    EXPECT_LE(rows.size(), 10u);
    for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_GE(std::stoi(rows[i - 1][2]), std::stoi(rows[i][2]));
}

TEST(LabProbes, LatencyLoadsAreNanosecondsAndTheLadderIsFilled) {
    const Section s = run_quick(Suite::latency);
    const LabSizes z = lab_sizes(true);
    // A load that hits L1 takes about a ns, one that misses every cache about 100 ns; in µs or ps they fall out.
    expect_sane(s, "load, 4 KiB working set", Column::machine, "ns", 0.05, 50);
    expect_sane(s, "load, 32 MiB working set", Column::machine, "ns", 1, 5'000);
    EXPECT_EQ(samples(s, "load, 4 KiB working set", Column::machine), z.chase_samples);
    EXPECT_EQ(samples(s, "load, 32 MiB working set", Column::machine), z.chase_samples);
    // fsync: µs on tmpfs, ms on a disk; a loopback round trip: tens of µs.
    expect_sane(s, "disk: 4 KiB write + fsync", Column::machine, "µs", 0.1, 1'000'000);
    expect_sane(s, "network: loopback TCP round trip", Column::machine, "µs", 0.2, 8'000);
    EXPECT_EQ(samples(s, "network: loopback TCP round trip", Column::machine), z.tcp_round_trips);
    ASSERT_EQ(s.tables.size(), 1u);
    for (const auto& row : s.tables[0].rows) {
        if (row[0] == "L1" || row[0] == "disk" || row[0] == "network") {
            EXPECT_NE(row[6], "not measured") << row[0];
        }
    }
}

TEST(LabProbes, LiveSystemSeesANewThreadOfThisProcess) {
    auto live = platform::make_live_system();
    const int pid = static_cast<int>(::getpid());
    auto threads_of_this_process = [pid](const LiveSnapshot& l) {
        for (const auto& p : l.snapshot.processes)
            if (p.pid == pid) return p.threads;
        return 0;
    };
    live->watch();
    const auto before = live->wait_newer(0, std::chrono::seconds(30));
    ASSERT_TRUE(before);
    const int threads_before = threads_of_this_process(*before);
    ASSERT_GT(threads_before, 0);
    // One more thread, blocked until the second snapshot has been taken.
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::thread extra([&] {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return done; });
    });
    live->watch();
    const auto after = live->wait_newer(before->sequence, std::chrono::seconds(30));
    {
        std::lock_guard lock(m);
        done = true;
    }
    cv.notify_all();
    extra.join();
    ASSERT_TRUE(after);
    EXPECT_GT(after->taken_at_s, before->taken_at_s);
    EXPECT_EQ(threads_of_this_process(*after), threads_before + 1);
    EXPECT_TRUE(after->section.find("processes (ps ax | wc -l)"));
}
