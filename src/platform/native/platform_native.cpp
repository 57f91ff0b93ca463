// Native (Linux/POSIX) side of the seam: clocks, getrusage, /proc counts, the CPU topology.
#include "platform/platform.h"
#include "platform/native/cpu_topology.h"

#include <dirent.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <utility>

// CONCLAB_VERSION and CONCLAB_BUILD_TYPE come from src/CMakeLists.txt.

namespace conclab::platform {

double wall_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

static double seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6; }

std::optional<CpuSeconds> process_cpu_times() {
    rusage self{}, children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    CpuSeconds cpu;
    cpu.user_s = seconds(self.ru_utime) + seconds(children.ru_utime);
    cpu.sys_s = seconds(self.ru_stime) + seconds(children.ru_stime);
    return cpu;
}

std::optional<double> thread_cpu_seconds() {
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return std::nullopt;
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

int logical_cpus() {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<int>(n) : static_cast<int>(std::thread::hardware_concurrency());
}

std::optional<int> physical_cores() { return physical_cores_in("/sys/devices/system/cpu"); }

std::optional<int> physical_cores_in(const std::string& cpu_dir) {
    // One core per distinct (package, core id) among the online CPUs: two hyperthreads share both ids.
    std::set<std::pair<std::string, std::string>> cores;
    DIR* dir = opendir(cpu_dir.c_str());
    if (!dir) return std::nullopt;
    while (const dirent* entry = readdir(dir)) {
        const std::string name = entry->d_name;
        if (name.size() < 4 || name.compare(0, 3, "cpu") != 0 ||
            !std::all_of(name.begin() + 3, name.end(), [](unsigned char c) { return std::isdigit(c); }))
            continue;
        const std::string topology = cpu_dir + "/" + name + "/topology/";
        std::ifstream online(cpu_dir + "/" + name + "/online");   // absent for cpu0, which cannot go offline
        std::string on;
        if (online && std::getline(online, on) && on == "0") continue;
        std::ifstream package(topology + "physical_package_id"), core(topology + "core_id");
        std::string p, c;
        if (!std::getline(package, p) || !std::getline(core, c)) {
            closedir(dir);
            return std::nullopt;   // no topology (some containers): unknown rather than a guess
        }
        cores.emplace(p, c);
    }
    closedir(dir);
    if (cores.empty()) return std::nullopt;
    return static_cast<int>(cores.size());
}

static int threads_of(const std::string& status_path) {
    std::ifstream in(status_path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
    return 0;
}

SystemCounts system_counts() {
    SystemCounts counts;
    DIR* proc = opendir("/proc");
    if (!proc) {
        counts.note = "/proc is not mounted: process and thread counts are unknown";
        return counts;
    }
    int processes = 0, threads = 0;
    while (dirent* entry = readdir(proc)) {
        const char* name = entry->d_name;
        if (!std::isdigit(static_cast<unsigned char>(name[0]))) continue;
        ++processes;
        threads += threads_of(std::string("/proc/") + name + "/status");
    }
    closedir(proc);
    counts.processes = processes;
    counts.threads = threads;
    counts.own_threads = threads_of("/proc/self/status");
    counts.note = "from /proc, like `ps ax | wc -l` (without its header line)";
    return counts;
}

BuildInfo build_info() {
    BuildInfo info;
    info.kind = "native";
#if defined(__clang__)
    info.compiler = "clang " __clang_version__;
#elif defined(__GNUC__)
    info.compiler = "g++ " __VERSION__;
#endif
    info.build_type = CONCLAB_BUILD_TYPE;
    info.version = CONCLAB_VERSION;
    return info;
}

Capabilities capabilities() {
    Capabilities caps;
    caps.cross_origin_isolated = true;
    caps.os_processes = true;
    caps.machine_python = true;
    caps.os_cpu_times = true;
    caps.process_kind = "OS processes";
    return caps;
}

}  // namespace conclab::platform
