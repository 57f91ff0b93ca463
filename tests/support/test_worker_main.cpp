// A process-pool worker for the platform tests: `test_worker worker` serves the shipped tasks and the
// test-only ones (tests/support/test_tasks.cpp), which the real `conclab worker` does not ship.
#include "platform/native/worker_loop.h"

#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "worker") == 0) return conclab::platform::run_worker_loop();
    if (argc == 2 && std::strcmp(argv[1], "noop") == 0) return 0;   // as `conclab noop`: the lab's start-up probe
    std::fprintf(stderr, "usage: %s worker\n", argv[0]);
    return 2;
}
