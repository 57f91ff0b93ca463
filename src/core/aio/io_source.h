// Where real I/O completions come from (curl multi natively, emscripten_fetch in the browser). The loop
// does no I/O itself: it asks the source whether anything is in flight and lets it block while idle.
#pragma once

namespace conclab::aio {

/// @brief Pending I/O that completes outside the loop. A completion resumes its coroutine by calling
/// EventLoop::call_soon (from the loop's thread, e.g. inside wait()) or call_soon_threadsafe (any thread).
class IoSource {
public:
    virtual ~IoSource() = default;
    /// @brief True while any operation is in flight: the loop then keeps running even with no task ready.
    virtual bool has_pending() const = 0;
    /// @brief Blocks up to `max_wait_s` (0: just poll; +infinity: no timer is due) delivering completions.
    /// Must return early when wake() is called.
    virtual void wait(double max_wait_s) = 0;
    /// @brief Interrupts a wait() in progress; called from any thread by EventLoop::call_soon_threadsafe.
    virtual void wake() = 0;
};

}  // namespace conclab::aio
