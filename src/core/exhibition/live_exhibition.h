// The exhibition's live view, off the UI thread: one simulation thread (std::thread; a pthread, i.e. a Web
// Worker, in the browser) that advances an ExhibitionRun on a clock scaled to real time — `speed` simulated
// seconds per real second, or as fast as it can ("max") — and publishes a snapshot after every advance.
// The UI thread only sends commands (start, speed, pause, step) and reads the latest snapshot: it never
// waits for the simulation, which may be busy searching chess moves.
//
// When the simulation is slower than the requested speed, the view slows down instead of leaping ahead:
// it never owes more than one real second of simulated time.
#pragma once

#include "core/exhibition/exhibition_run.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace conclab::exhibition {

/// @brief What the UI draws: the latest snapshot and the driver's own state, copied at one moment.
struct LiveView {
    std::shared_ptr<const ExhibitionSnapshot> snapshot;   ///< null before the first run has been set up
    std::optional<ExhibitionOptions> options;              ///< of the run shown
    std::uint64_t run_id = 0;                              ///< 1 for the first run started, then 2, …
    std::uint64_t version = 0;                             ///< grows with every snapshot published
    bool running = false;                                  ///< a run exists and is not finished
    bool paused = false;
    bool finished = false;
    double speed = 60;                                     ///< simulated s per real s; 0 = max
    double fast_forward = 0;                               ///< the speed of the fast-forward (schedule.h live_speed), 0 when none
    double busy_s = 0;                                     ///< the simulation thread's time spent advancing this run
    std::optional<nlohmann::json> result;                  ///< to_json(report) once finished
    /// @brief Once finished: the report and every turn played, for the trace (exhibition_trace.h).
    std::shared_ptr<const ExhibitionReport> report;
    std::shared_ptr<const std::vector<ScheduleTurns>> turns;
};

class LiveExhibition {
public:
    /// @brief Seconds on a monotonic real clock (steady_clock by default; tests pass a manual one).
    using RealClock = std::function<double()>;

    explicit LiveExhibition(RealClock clock = {});
    /// @brief Stops and joins the simulation thread (on the browser's main thread only once it has started:
    /// see thread_started()).
    ~LiveExhibition();
    LiveExhibition(const LiveExhibition&) = delete;
    LiveExhibition& operator=(const LiveExhibition&) = delete;

    /// @brief Replaces any run with a fresh one at virtual time 0 (set up on the simulation thread, which
    /// starts with the first call). Its speed and pause state are the driver's (options.speed is the
    /// first run's initial speed only when set_speed was never called).
    void start(const ExhibitionOptions& options);
    /// @brief Simulated seconds per real second (> 0), or 0 for as fast as possible. Applies at once.
    void set_speed(double speed);
    void set_paused(bool paused);
    /// @brief Pauses and runs the next moment at which anything happens (one ExhibitionRun::step).
    void step();

    /// @brief A copy of the current state; cheap (the snapshot is shared, not copied). Never waits for the
    /// simulation beyond a short lock.
    LiveView view() const;
    /// @brief The finished run's JSON, once per run (for CONCLAB_RESULT).
    std::optional<nlohmann::json> take_finished_result();
    /// @brief True once the simulation thread runs (false before the first start()).
    bool thread_started() const { return thread_started_.load(); }

private:
    void thread_main();
    void publish(const ExhibitionRun& run, double busy_s);

    RealClock clock_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    // Commands (under mutex_)
    std::optional<ExhibitionOptions> pending_start_;
    std::optional<double> reanchor_real_;   // start / resume: real time counts from here (read by the caller)
    bool speed_set_ = false;
    int pending_steps_ = 0;
    bool stopping_ = false;
    std::atomic<bool> stop_flag_{false};   // read between steps at "max" without the lock
    // Published state (under mutex_)
    LiveView view_;
    bool result_taken_ = true;
    std::atomic<bool> thread_started_{false};
    std::thread thread_;
};

}  // namespace conclab::exhibition
