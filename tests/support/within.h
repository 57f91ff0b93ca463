// Deadlines for blocking calls in tests: a call that never returns (a lost wake-up, a worker that never
// answers) ends the test program with a message naming the call and the test, instead of hanging until
// ctest's timeout. The call runs on the caller's thread, as it would without the deadline (its exceptions reach
// the caller); one watchdog thread for the whole program watches every armed deadline. Standard C++ only (core
// tests also run as wasm).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace conclab::test {

/// @brief How long any single blocking call in a test may take before the test program fails: far beyond what a
/// loaded machine or a sanitizer needs, far below ctest's 600 s.
inline constexpr std::chrono::seconds kDeadline{60};
/// @brief How long a whole program started by a test (the CLI's tests) may run.
inline constexpr std::chrono::seconds kProgramDeadline{300};

/// @brief The one thread that ends the program when an armed deadline passes. Never destroyed: it must outlive
/// the program's static objects, and it dies with the process.
class Watchdog {
public:
    static Watchdog& instance() {
        static Watchdog* watchdog = new Watchdog();
        return *watchdog;
    }

    std::uint64_t arm(std::chrono::steady_clock::duration limit, std::string what) {
        const testing::TestInfo* test = testing::UnitTest::GetInstance()->current_test_info();
        std::string where = test ? std::string(test->test_suite_name()) + "." + test->name() : std::string("(no test)");
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(limit).count();
        std::lock_guard lock(mutex_);
        const std::uint64_t id = ++last_id_;
        armed_[id] = {std::chrono::steady_clock::now() + limit,
                      what + " did not return within " + std::to_string(seconds) + " s in " + where};
        changed_.notify_all();
        return id;
    }

    void disarm(std::uint64_t id) {
        std::lock_guard lock(mutex_);
        armed_.erase(id);
        changed_.notify_all();
    }

private:
    struct Deadline {
        std::chrono::steady_clock::time_point at;
        std::string message;
    };

    Watchdog() { std::thread([this] { watch(); }).detach(); }

    void watch() {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (armed_.empty()) {
                changed_.wait(lock);
                continue;
            }
            auto first = armed_.begin();
            for (auto it = armed_.begin(); it != armed_.end(); ++it)
                if (it->second.at < first->second.at) first = it;
            if (std::chrono::steady_clock::now() >= first->second.at) fail(first->second.message);
            const auto until = first->second.at;   // a copy: the entry may be erased while this thread waits
            changed_.wait_until(lock, until);
        }
    }

    [[noreturn]] static void fail(const std::string& message) {
        std::fflush(stdout);
        std::fprintf(stdout, "\n[ DEADLINE ] %s: the test program stops here (a hang, not a slow machine)\n", message.c_str());
        std::fprintf(stderr, "\n[ DEADLINE ] %s: the test program stops here (a hang, not a slow machine)\n", message.c_str());
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(3);
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<std::uint64_t, Deadline> armed_;
    std::uint64_t last_id_ = 0;
};

/// @brief A deadline armed for as long as this object lives.
class Armed {
public:
    Armed(std::chrono::steady_clock::duration limit, std::string what) : id_(Watchdog::instance().arm(limit, std::move(what))) {}
    ~Armed() { Watchdog::instance().disarm(id_); }
    Armed(const Armed&) = delete;
    Armed& operator=(const Armed&) = delete;

private:
    std::uint64_t id_;
};

/// @brief `call()` on this thread, with a deadline: if it has not returned after `limit` the program prints
/// "[ DEADLINE ] <what> did not return within … s in <test>" and exits with status 3. Returns what `call` returns
/// and lets its exceptions through.
template <class Call>
decltype(auto) within(std::chrono::steady_clock::duration limit, Call&& call, std::string what = "a blocking call") {
    Armed deadline(limit, std::move(what));
    return std::forward<Call>(call)();
}

/// @brief within(kDeadline, call, what).
template <class Call>
decltype(auto) within(Call&& call, std::string what = "a blocking call") {
    return within(kDeadline, std::forward<Call>(call), std::move(what));
}

/// @brief `future.result()` (an exec::Future or anything with result()) with the kDeadline.
template <class Future>
auto result(const Future& future, std::string what = "Future::result()") {
    return within(kDeadline, [&] { return future.result(); }, std::move(what));
}

/// @brief The message of the `Error` that `future.result()` throws (within the kDeadline); a test failure if it
/// throws none.
template <class Error, class Future>
std::string error_of(const Future& future) {
    try {
        result(future);
    } catch (const Error& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an error from the future";
    return {};
}

/// @brief Polls `done()` until it holds; a deadline that fails the program instead of spinning forever.
template <class Predicate>
void spin_until(Predicate done, std::string what, std::chrono::steady_clock::duration limit = kDeadline) {
    Armed deadline(limit, std::move(what));
    while (!done()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

}  // namespace conclab::test
