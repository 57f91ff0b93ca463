// Waiting in tests: poll a condition until it holds or a deadline passes, so that a regression fails the
// test with a message instead of hanging until ctest's timeout, and a loaded machine only makes it slower.
#pragma once

#include <chrono>
#include <thread>

namespace conclab::test {

/// @brief True as soon as `done()` holds; false if it still doesn't after `deadline`.
template <class Predicate>
bool wait_until(Predicate done, std::chrono::milliseconds deadline = std::chrono::seconds(30)) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

}  // namespace conclab::test
