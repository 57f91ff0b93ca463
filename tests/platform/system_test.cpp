// Tests of platform.h's system facts: logical CPUs, process and thread counts, CPU times, build and capabilities.
#include "platform/platform.h"
#include "platform/native/cpu_topology.h"
#include "within.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <latch>
#include <thread>
#include <unistd.h>

using namespace conclab;

TEST(System, LogicalCpusAgreeWithTheOs) {
    EXPECT_EQ(platform::logical_cpus(), static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
}

TEST(System, PhysicalCoresCountHyperthreadSiblingsOnce) {
    // The talk's Ubuntu laptop: 4 "CPUs", "na real, 2 CPUs com hyperthreading"; cpu4 offline.
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("conclab_topology_" + std::to_string(getpid()));
    fs::remove_all(root);
    const auto cpu = [&](int n, const char* package, const char* core, const char* online) {
        const fs::path topology = root / ("cpu" + std::to_string(n)) / "topology";
        fs::create_directories(topology);
        std::ofstream(topology / "physical_package_id") << package << "\n";
        std::ofstream(topology / "core_id") << core << "\n";
        if (online) std::ofstream(root / ("cpu" + std::to_string(n)) / "online") << online << "\n";
    };
    cpu(0, "0", "0", nullptr);
    cpu(1, "0", "1", "1");
    cpu(2, "0", "0", "1");
    cpu(3, "0", "1", "1");
    cpu(4, "0", "2", "0");
    fs::create_directories(root / "cpufreq");   // not a CPU
    EXPECT_EQ(platform::physical_cores_in(root.string()), 2);
    cpu(5, "1", "0", "1");   // a second package: its core 0 is another core
    EXPECT_EQ(platform::physical_cores_in(root.string()), 3);
    fs::remove(root / "cpu5" / "topology" / "core_id");
    EXPECT_EQ(platform::physical_cores_in(root.string()), std::nullopt) << "unknown, not a guess";
    EXPECT_EQ(platform::physical_cores_in((root / "none").string()), std::nullopt);
    fs::remove_all(root);
}

TEST(System, PhysicalCoresAtMostTheLogicalCpus) {
    const auto cores = platform::physical_cores();
    if (!cores) GTEST_SKIP() << "no CPU topology in /sys here";
    EXPECT_GE(*cores, 1);
    EXPECT_LE(*cores, platform::logical_cpus());
}

TEST(System, CountsSeeThisProcessAndItsThreads) {
    conclab::test::Watchdog::instance();   // its thread, started by the first within(), is not the one counted
    const auto before = platform::system_counts();
    ASSERT_TRUE(before.processes && before.threads && before.own_threads);
    EXPECT_GE(*before.processes, 1);
    EXPECT_GE(*before.threads, *before.processes);
    // One more thread, alive from the moment it says it started until the test releases it.
    std::latch started(1), release(1);
    std::thread extra([&] {
        started.count_down();
        release.wait();
    });
    conclab::test::within([&] { started.wait(); }, "the extra thread to start");
    const auto during = platform::system_counts();
    release.count_down();
    extra.join();
    EXPECT_EQ(*during.own_threads, *before.own_threads + 1);
}

TEST(System, CpuTimesGrowWithWork) {
    const auto start = platform::process_cpu_times();
    const auto thread_start = platform::thread_cpu_seconds();
    ASSERT_TRUE(start && thread_start);
    // Spin until this thread has used 0.15 s of CPU (a fixed wall time gives too little CPU on a busy machine).
    volatile unsigned long sink = 0;
    conclab::test::within(
        [&] {
            while (*platform::thread_cpu_seconds() < *thread_start + 0.15)
                for (int i = 0; i < 100000; ++i) sink = sink + 1;
        },
        "this thread to use 0.15 s of CPU");
    const auto end = platform::process_cpu_times();
    EXPECT_GT(end->total_s(), start->total_s() + 0.1);
    EXPECT_GT(*platform::thread_cpu_seconds(), *thread_start + 0.1);
    EXPECT_FALSE(end->busy_time);
}

TEST(System, BuildAndCapabilities) {
    EXPECT_EQ(platform::build_info().kind, "native");
    EXPECT_TRUE(platform::capabilities().os_processes);
    EXPECT_EQ(platform::capabilities().process_kind, "OS processes");
}
