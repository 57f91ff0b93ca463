// Ctrl+C and SIGTERM as normal events for a command that runs work: the signals are blocked in every
// thread (threads started later inherit the mask) and one watcher thread takes them with sigtimedwait,
// so the reaction runs as ordinary code — it may lock, cancel a run, shut a pool down.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

#include <signal.h>

namespace conclab::cli {

/// @brief The exit status of a command stopped by Ctrl+C (128 + SIGINT), as shells report it.
inline constexpr int kInterrupted = 130;

class InterruptWatch {
public:
    /// @brief Blocks SIGINT and SIGTERM in this thread (create it before any other thread starts) and
    /// starts watching for them. `announce`: say "interrupted: cancelling" on stderr before the action (a command
    /// whose action cleans its terminal line first, as the spinner's, says nothing).
    explicit InterruptWatch(bool announce = true);
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch&) = delete;
    InterruptWatch& operator=(const InterruptWatch&) = delete;

    /// @brief What to do on the first signal (called on the watcher thread). A second signal exits at once.
    void on_interrupt(std::function<void()> action);
    bool interrupted() const { return interrupted_.load(); }
    /// @brief Stops watching and restores the signal mask.
    void stop();

private:
    void watch();

    sigset_t signals_{};
    sigset_t previous_mask_{};
    std::mutex mutex_;
    std::function<void()> action_;
    std::atomic<bool> interrupted_{false};
    std::atomic<bool> stopping_{false};
    bool announce_ = true;
    std::thread watcher_;
};

}  // namespace conclab::cli
