// A process that owns a process pool and is killed by a test (process_pool_faults_test.cpp): it
// starts two workers from the executable given as its argument (the tests' test_worker), keeps both busy for ten minutes, prints
// their names ("pid N", one a line) once both tasks run, and waits to be killed. Its workers must die with it.
#include "platform/native/worker_handle.h"
#include "platform/platform.h"

#include <unistd.h>

#include <cstdio>
#include <exception>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: pool_parent WORKER_EXECUTABLE\n");
        return 2;
    }
    try {
        conclab::platform::set_worker_executable(argv[1]);
        auto pool = conclab::platform::make_process_pool(2);
        std::vector<conclab::exec::Future> busy;
        for (int i = 0; i < 2; ++i) busy.push_back(pool->submit({"test.sleep_ms", "600000"}));
        for (auto& f : busy) {
            while (f.status() == conclab::exec::FutureStatus::pending) usleep(1000);
            std::printf("%s\n", f.record().worker.c_str());
        }
        std::fflush(stdout);
        for (;;) pause();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pool_parent: %s\n", e.what());
        return 1;
    }
}
