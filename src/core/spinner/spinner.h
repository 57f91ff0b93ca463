// Spinning plates (the spinner demo, `conclab spinner`): a spinner animates while a slow call runs (a sleep, then the least prime factor of a
// number, as in the primes demo) — Fluent Python's spinner_thread / spinner_proc / spinner_async. The
// spinner is a thread, a process, or a coroutine on core/aio's event loop. The lesson is in the coroutine
// form: if the slow call blocks (a plain sleep instead of `co_await sleep`), the one thread that runs the
// loop is busy, so the spinner freezes; FrameGaps measures for how long.
#pragma once

#include "core/aio/task.h"
#include "core/base/options.h"
#include "core/exec/executor.h"
#include "core/primes/primes_options.h"   // Runtime, kMaxPythonPath: the same runtime choice as primes

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace conclab::spinner {

enum class SpinnerKind { thread, process, coroutine };
std::string_view to_string(SpinnerKind kind);

struct SpinnerOptions {
    SpinnerKind kind = SpinnerKind::thread;
    bool block = false;                      ///< the slow call blocks (a plain sleep) instead of awaiting
    double seconds = 3;                      ///< the slow call's sleep
    std::uint64_t number = 1'099'511'627'689;   ///< its lpf is computed after the sleep (the largest prime below 2**40)
    primes::Runtime runtime = primes::Runtime::cpp;   ///< python: the machine's CPython runs python/spinner.py (CLI, native)
    std::string python;   ///< the interpreter with runtime python; empty: `python3` on PATH
};

/// @brief The exhibition's old query form (`spinner=K&spinner-seconds=S`, from when the spinners sat under the
/// exhibition): rewrites it into this demo's `kind=K&seconds=S` (block keeps its name). False when `params` has
/// no `spinner`.
bool rewrite_exhibition_alias(options::Params& params);

/// @brief Reads kind (thread|process|coroutine), block (flag), seconds (> 0, <= 60), number (2 .. 2**63), runtime
/// (cpp|python) and python (a path, with runtime python) from `params`; bad values go to `errors`.
SpinnerOptions parse_spinner_options(const options::Params& params, options::FieldErrors& errors);
const std::vector<options::OptionSpec>& spinner_option_specs();

inline constexpr double kSpinnerPeriodS = 0.1;   ///< 10 frames a second
/// @brief A gap between frames longer than this is a freeze (five frames missed).
inline constexpr double kFreezeGapS = 0.5;

/// @brief "\r| thinking!": frame `index` cycles through \ | / -.
std::string spinner_frame(std::uint64_t index, std::string_view message = "thinking!");
/// @brief "\r" + spaces over the frame + "\r": erases the spinner's line.
std::string spinner_erase(std::string_view message = "thinking!");

/// @brief The times at which a spinner drew its frames, from when it was started to when it was stopped:
/// how many frames, the longest gap between two (or from the start to the first, or the last to the
/// end), and how long it was frozen (the time beyond one period in every gap longer than kFreezeGapS).
class FrameGaps {
public:
    explicit FrameGaps(double start_s = 0) : start_s_(start_s), last_s_(start_s), end_s_(start_s) {}
    /// @brief The figures measured elsewhere (a spinner process reports them through a pipe).
    static FrameGaps from_totals(std::uint64_t frames, double longest_gap_s, double frozen_s, std::uint64_t in_call = 0) {
        FrameGaps g;
        g.frames_ = frames;
        g.in_call_ = in_call;
        g.longest_gap_s_ = longest_gap_s;
        g.frozen_s_ = frozen_s;
        g.from_elsewhere_ = true;
        return g;
    }
    /// @brief A frame drawn at `now_s`; `in_call`: while the slow call was in flight (the lesson's count).
    void frame(double now_s, bool in_call = false);
    /// @brief The spinner stopped at `now_s` (the gap since its last frame counts).
    void finish(double now_s);
    std::uint64_t frames() const { return frames_; }
    /// @brief Frames drawn while the slow call was in flight: 0 for the blocked coroutine, whatever the clock.
    std::uint64_t frames_in_call() const { return in_call_; }
    double longest_gap_s() const { return longest_gap_s_; }
    double frozen_s() const { return frozen_s_; }
    bool froze() const { return frozen_s_ > 0; }
    /// @brief When it started and stopped, on the clock its frames were timed with (the trace's zero is the start).
    double start_s() const { return start_s_; }
    double end_s() const { return end_s_; }
    /// @brief Figures from elsewhere have no frames here: their span, as the caller timed it.
    void set_span(double start_s, double end_s) { start_s_ = start_s, end_s_ = end_s; }
    /// @brief When each frame was drawn (none for figures measured elsewhere).
    const std::vector<double>& frame_times_s() const { return frame_times_s_; }
    /// @brief Made by from_totals: no frame was timed here.
    bool from_elsewhere() const { return from_elsewhere_; }

private:
    void gap_to(double now_s);
    double start_s_ = 0;
    double last_s_;
    double end_s_ = 0;
    std::vector<double> frame_times_s_;
    bool from_elsewhere_ = false;
    std::uint64_t frames_ = 0;
    std::uint64_t in_call_ = 0;
    double longest_gap_s_ = 0;
    double frozen_s_ = 0;
};

/// @brief The slow call, blocking: sleeps `seconds` on this thread, then returns lpf(number).
std::uint64_t slow_call(double seconds, std::uint64_t number);

/// @brief The slow call as a task by name, for an executor (a worker process, an isolated Web Worker):
/// argument "SECONDS NUMBER", value lpf(NUMBER) in decimal.
inline constexpr std::string_view kSlowCallTask = "exhibition.slow_call";
std::string slow_call_argument(double seconds, std::uint64_t number);
/// @brief Registers kSlowCallTask (the exhibition demo's register_tasks in the catalog).
void register_tasks();

/// @brief The thread form (spinner_thread): a spinner thread draws through `draw` and waits a period between
/// frames on a condition the caller's thread signals once its blocking slow call returns. Returns lpf(number).
std::uint64_t run_thread_spinner(const SpinnerOptions& options, const std::function<void(const std::string&)>& draw,
                                 FrameGaps& gaps);

/// @brief The coroutine form on an event loop with a real clock (aio::SteadyClock): the spinner task draws
/// frames through `draw` until cancelled, while the supervisor awaits the slow call — `co_await sleep`, or
/// with `block` a plain blocking sleep that stalls the loop. Returns lpf(number); `gaps` is finished.
std::uint64_t run_coroutine_spinner(const SpinnerOptions& options, const std::function<void(const std::string&)>& draw,
                                    FrameGaps& gaps);

/// @brief A spinner for a UI: run_thread_spinner or run_coroutine_spinner on a thread of its own (a Web Worker
/// in the browser) while the UI reads how many frames it has drawn and when it drew the last one, so it can
/// show the freeze as it happens. The process form: the slow call is a task on an executor the caller gives
/// (a process pool: a worker process, or an isolated Web Worker in the browser) and the caller's own thread is
/// the spinner — poll() every loop turn draws a frame each period and picks the answer up; it never blocks.
class LiveSpinner {
public:
    struct Outcome {
        std::uint64_t answer = 0;
        FrameGaps gaps;
        std::string error;   ///< the process form's task failed (its worker died, no Web Workers…)
    };

    LiveSpinner() = default;
    /// @brief Joins the thread (the slow call finishes first).
    ~LiveSpinner();
    LiveSpinner(const LiveSpinner&) = delete;
    LiveSpinner& operator=(const LiveSpinner&) = delete;

    /// @brief Starts a run (thread or coroutine kind); false while one is running or for the process kind.
    bool start(const SpinnerOptions& options);
    /// @brief Starts the process form: submits the slow call to `executor` (kept until the call is done).
    bool start(const SpinnerOptions& options, std::unique_ptr<exec::Executor> executor);
    /// @brief The process form's spinner: call every loop turn from the thread that started it. Draws a frame
    /// when a period has passed since the last, and finishes the run once the call's future is done.
    void poll();
    bool running() const { return running_.load(); }
    std::uint64_t frames() const { return frames_.load(); }
    /// @brief Seconds since the last frame (or since the start, before the first), on the steady clock.
    double since_last_frame_s() const;
    /// @brief The last finished run's answer and frame gaps.
    std::optional<Outcome> outcome() const;
    std::optional<SpinnerOptions> options() const;

private:
    mutable std::mutex mutex_;
    std::thread thread_;
    std::atomic<bool> running_{false};
    std::atomic<std::uint64_t> frames_{0};
    std::atomic<double> last_frame_s_{0};
    std::optional<Outcome> outcome_;
    std::optional<SpinnerOptions> options_;
    // The process form (the starting thread only):
    std::unique_ptr<exec::Executor> executor_;
    exec::Future future_;
    FrameGaps process_gaps_;
};

}  // namespace conclab::spinner
