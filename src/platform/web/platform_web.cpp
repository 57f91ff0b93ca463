// Web (Emscripten) side of the seam: performance clocks and what a page can know about the machine.
// A browser shows no OS figures — no CPU times, no process or thread counts — so those are nullopt
// and say why; the process pool lives in process_pool_web.cpp.
#include "platform/platform.h"

#include <emscripten.h>
#include <emscripten/threading.h>

#include <string>
#include <thread>

// CONCLAB_VERSION and CONCLAB_BUILD_TYPE come from src/CMakeLists.txt.

#define CONCLAB_STR2(x) #x
#define CONCLAB_STR(x) CONCLAB_STR2(x)

namespace conclab::platform {

// performance.now() in milliseconds; Emscripten corrects each pthread's clock to the main thread's.
double wall_seconds() { return emscripten_get_now() * 1e-3; }

std::optional<CpuSeconds> process_cpu_times() { return std::nullopt; }

std::optional<double> thread_cpu_seconds() { return std::nullopt; }

int logical_cpus() {
    const int n = emscripten_num_logical_cores();   // navigator.hardwareConcurrency
    return n > 0 ? n : static_cast<int>(std::thread::hardware_concurrency());
}

std::optional<int> physical_cores() { return std::nullopt; }   // navigator.hardwareConcurrency counts logical CPUs

SystemCounts system_counts() {
    SystemCounts counts;
    // The browser main thread plus the pthread Web Workers running a thread of ours (the pool's idle,
    // pre-started workers are not counted). PThread lives on the main thread, so the question goes there.
    counts.own_threads = MAIN_THREAD_EM_ASM_INT({
        return 1 + ((typeof PThread !== 'undefined' && PThread.runningWorkers) ? PThread.runningWorkers.length : 0);
    });
    counts.note = "a web page cannot see the operating system's processes or threads";
    return counts;
}

BuildInfo build_info() {
    BuildInfo info;
    info.kind = "web";
    info.compiler = "emscripten " CONCLAB_STR(__EMSCRIPTEN_major__) "." CONCLAB_STR(__EMSCRIPTEN_minor__) "." CONCLAB_STR(
        __EMSCRIPTEN_tiny__) " (clang " __clang_version__;
    while (!info.compiler.empty() && info.compiler.back() == ' ') info.compiler.pop_back();
    info.compiler += ")";
    info.build_type = CONCLAB_BUILD_TYPE;
    info.version = CONCLAB_VERSION;
    return info;
}

Capabilities capabilities() {
    Capabilities caps;
    caps.cross_origin_isolated = EM_ASM_INT({ return (typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated) ? 1 : 0; }) != 0;
    caps.os_processes = false;
    caps.os_cpu_times = false;
    caps.process_kind = "isolated Web Workers";
    return caps;
}

}  // namespace conclab::platform
