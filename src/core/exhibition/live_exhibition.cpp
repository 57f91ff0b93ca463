// The live exhibition's simulation thread (see live_exhibition.h).
#include "core/exhibition/live_exhibition.h"

#include "core/exhibition/schedule.h"

#include <algorithm>
#include <chrono>

namespace conclab::exhibition {

namespace {

constexpr double kMaxDebtRealS = 1.0;     // never owe more than this much real time of simulation
constexpr double kChunkRealS = 0.05;      // publish at least every 50 ms of simulated-at-speed time
constexpr auto kTick = std::chrono::milliseconds(8);
constexpr auto kMaxBudget = std::chrono::milliseconds(15);   // at "max": publish at least this often

double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

LiveExhibition::LiveExhibition(RealClock clock) : clock_(clock ? std::move(clock) : RealClock(steady_seconds)) {}

LiveExhibition::~LiveExhibition() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        stop_flag_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void LiveExhibition::start(const ExhibitionOptions& options) {
    {
        std::lock_guard lock(mutex_);
        pending_start_ = options;
        pending_steps_ = 0;
        reanchor_real_ = clock_();
        if (!speed_set_) view_.speed = options.speed;
        view_.paused = false;
        if (!thread_.joinable()) thread_ = std::thread([this] { thread_main(); });
    }
    wake_.notify_all();
}

void LiveExhibition::set_speed(double speed) {
    {
        std::lock_guard lock(mutex_);
        speed_set_ = true;
        view_.speed = std::max(0.0, speed);
    }
    wake_.notify_all();
}

void LiveExhibition::set_paused(bool paused) {
    {
        std::lock_guard lock(mutex_);
        if (view_.paused && !paused) reanchor_real_ = clock_();
        view_.paused = paused;
    }
    wake_.notify_all();
}

void LiveExhibition::step() {
    {
        std::lock_guard lock(mutex_);
        view_.paused = true;
        ++pending_steps_;
    }
    wake_.notify_all();
}

LiveView LiveExhibition::view() const {
    std::lock_guard lock(mutex_);
    return view_;
}

std::optional<nlohmann::json> LiveExhibition::take_finished_result() {
    std::lock_guard lock(mutex_);
    if (result_taken_ || !view_.result) return std::nullopt;
    result_taken_ = true;
    return view_.result;
}

void LiveExhibition::publish(const ExhibitionRun& run, double busy_s) {
    auto snapshot = std::make_shared<const ExhibitionSnapshot>(run.snapshot());
    std::optional<nlohmann::json> result;
    std::shared_ptr<const ExhibitionReport> report;
    std::shared_ptr<const std::vector<ScheduleTurns>> turns;
    if (snapshot->finished) {
        report = std::make_shared<const ExhibitionReport>(run.report());
        result = to_json(*report);
        turns = std::make_shared<const std::vector<ScheduleTurns>>(run.turns());
    }
    std::lock_guard lock(mutex_);
    view_.snapshot = std::move(snapshot);
    ++view_.version;
    view_.busy_s = busy_s;
    view_.finished = view_.snapshot->finished;
    view_.running = !view_.finished;
    if (result && !view_.result) {
        view_.result = std::move(result);
        view_.report = std::move(report);
        view_.turns = std::move(turns);
        result_taken_ = false;
    }
}

void LiveExhibition::thread_main() {
    thread_started_ = true;
    std::unique_ptr<ExhibitionRun> run;
    double busy_s = 0;
    double last_real = 0;
    double debt = 0;   // simulated seconds owed to the real clock
    const auto timed = [&busy_s](auto&& work) {
        const auto t0 = std::chrono::steady_clock::now();
        work();
        busy_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    for (;;) {
        std::optional<ExhibitionOptions> fresh;
        bool do_step = false;
        double speed = 0;
        std::optional<double> reanchor;
        double now = 0;
        {
            std::unique_lock lock(mutex_);
            const auto has_work = [&] {
                return stopping_ || pending_start_ || pending_steps_ > 0 || (run && !run->finished() && !view_.paused);
            };
            wake_.wait(lock, has_work);
            if (stopping_) return;
            if (pending_start_) {
                fresh = std::move(pending_start_);
                pending_start_.reset();
            } else if (pending_steps_ > 0) {
                --pending_steps_;
                do_step = true;
            }
            speed = view_.speed;
            view_.fast_forward = 0;
            if (view_.snapshot && view_.options && !fresh) {
                bool simultaneous_done = false, sequential_done = false;
                double simultaneous_end_s = 0;
                for (const auto& schedule : view_.snapshot->schedules) {
                    (schedule.schedule == Schedule::simultaneous ? simultaneous_done : sequential_done) = schedule.finished;
                    if (schedule.schedule == Schedule::simultaneous) simultaneous_end_s = schedule.elapsed_s;
                }
                const double live = live_speed(*view_.options, speed, simultaneous_end_s, simultaneous_done, sequential_done);
                if (live != speed) view_.fast_forward = speed = live;
            }
            if (!fresh && !do_step) {
                reanchor = reanchor_real_;
                reanchor_real_.reset();
                now = clock_();   // under the lock: a pause asked for after this read owes nothing after it
            }
        }
        if (fresh) {
            run.reset();   // the old run's coroutine frames go on this thread, which ran them
            busy_s = 0;
            timed([&] { run = std::make_unique<ExhibitionRun>(*fresh); });
            {
                std::lock_guard lock(mutex_);
                view_.options = *fresh;
                ++view_.run_id;
                view_.result.reset();
                view_.report.reset();
                view_.turns.reset();
                result_taken_ = true;
            }
            publish(*run, busy_s);
            continue;
        }
        if (do_step) {
            if (run && !run->finished()) {
                timed([&] { run->step(); });
                publish(*run, busy_s);
            }
            continue;
        }
        if (reanchor) {   // started or resumed: the time before (setting up, paused) is not owed
            last_real = *reanchor;
            debt = 0;
        }
        if (speed == 0) {
            const auto until = std::chrono::steady_clock::now() + kMaxBudget;
            timed([&] {
                while (!run->finished() && !stop_flag_ && std::chrono::steady_clock::now() < until) run->step();
            });
            publish(*run, busy_s);
            last_real = clock_();
            continue;
        }
        debt = std::min(debt + (now - last_real) * speed, kMaxDebtRealS * speed);
        last_real = now;
        if (debt > 0) {
            const double chunk = std::min(debt, kChunkRealS * speed);
            timed([&] { run->advance_to(run->now_s() + chunk); });
            debt -= chunk;
            publish(*run, busy_s);
        }
        if (debt <= 0) {   // caught up: let real time pass
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, kTick, [&] { return stopping_ || pending_start_ || pending_steps_ > 0 || view_.paused; });
        }
    }
}

}  // namespace conclab::exhibition
