// Spinners: the frames, the freeze measurement and the coroutine form (see spinner.h).
#include "core/spinner/spinner.h"

#include "core/aio/errors.h"
#include "core/aio/event_loop.h"
#include "core/aio/sleep.h"
#include "core/work/least_prime_factor.h"

#include <cstdio>
#include <stdexcept>

#include <array>
#include <chrono>
#include <condition_variable>
#include <limits>
#include <thread>

namespace conclab::spinner {

namespace {
constexpr std::array<std::string_view, 3> kKindNames{"thread", "process", "coroutine"};
constexpr char kSpinnerChars[] = {'\\', '|', '/', '-'};
}  // namespace

std::string_view to_string(SpinnerKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

const std::vector<options::OptionSpec>& spinner_option_specs() {
    static const std::vector<options::OptionSpec> specs{
        {"kind", "thread|process|coroutine", "What runs the spinner while the slow call runs (default thread)"},
        {"block", "", "The slow call blocks (a plain sleep) instead of awaiting: the coroutine's spinner freezes", true},
        {"seconds", "S", "The slow call's sleep, > 0 and <= 60 (default 3)"},
        {"number", "N", "Then it computes lpf(N), 2 <= N < 2**63 (default 1099511627689, a prime)"},
        {"runtime", "cpp|python", "Who runs the spinner and the call: this program (cpp, default) or the machine's CPython (CLI, native only)"},
        {"python", "PATH", "The interpreter for --runtime python (default: python3 on PATH)"},
    };
    return specs;
}

SpinnerOptions parse_spinner_options(const options::Params& params, options::FieldErrors& errors) {
    SpinnerOptions o;
    std::string kind(to_string(o.kind));
    if (options::read_choice(params, "kind", kKindNames, kind, errors))
        for (std::size_t i = 0; i < kKindNames.size(); ++i)
            if (kKindNames[i] == kind) o.kind = static_cast<SpinnerKind>(i);
    options::read_flag(params, "block", o.block, errors);
    options::read_real(params, "seconds", 0, 60, o.seconds, errors, true);
    long long number = static_cast<long long>(o.number);
    if (options::read_int(params, "number", 2LL, std::numeric_limits<long long>::max(), number, errors))
        o.number = static_cast<std::uint64_t>(number);
    std::string runtime(primes::to_string(o.runtime));
    if (options::read_choice(params, "runtime", primes::runtime_choices(), runtime, errors))
        o.runtime = runtime == "python" ? primes::Runtime::python : primes::Runtime::cpp;
    if (const auto python = params.find("python"); python != params.end()) {
        if (python->second.size() > primes::kMaxPythonPath)
            errors["python"] = {"python", options::ErrorKind::too_long,
                                {std::to_string(python->second.size()), std::to_string(primes::kMaxPythonPath)}};
        else if (o.runtime != primes::Runtime::python)
            errors["python"] = options::FieldError("--python goes with --runtime python");
        else
            o.python = python->second;
    }
    options::reject_non_utf8(params, errors);   // last: its message names the real fault
    return o;
}

bool rewrite_exhibition_alias(options::Params& params) {
    const auto kind = params.find("spinner");
    if (kind == params.end()) return false;
    params.emplace("kind", kind->second);   // an explicit kind= wins
    params.erase(kind);
    if (const auto seconds = params.find("spinner-seconds"); seconds != params.end()) {
        params.emplace("seconds", seconds->second);
        params.erase(seconds);
    }
    return true;
}

std::string spinner_frame(std::uint64_t index, std::string_view message) {
    std::string frame = "\r";
    frame += kSpinnerChars[index % 4];
    frame += ' ';
    frame += message;
    return frame;
}

std::string spinner_erase(std::string_view message) {
    std::string erase(message.size() + 4, ' ');   // built in place: g++ 12 warns (-Wrestrict) on "\r" + string
    erase.front() = '\r';
    erase.back() = '\r';
    return erase;
}

void FrameGaps::gap_to(double now_s) {
    const double gap = now_s - last_s_;
    if (gap > longest_gap_s_) longest_gap_s_ = gap;
    if (gap > kFreezeGapS) frozen_s_ += gap - kSpinnerPeriodS;
    last_s_ = now_s;
}

void FrameGaps::frame(double now_s, bool in_call) {
    gap_to(now_s);
    ++frames_;
    if (in_call) ++in_call_;
    frame_times_s_.push_back(now_s);
}

void FrameGaps::finish(double now_s) {
    gap_to(now_s);
    end_s_ = now_s;
}

std::uint64_t slow_call(double seconds, std::uint64_t number) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    return work::least_prime_factor(number);
}

std::string slow_call_argument(double seconds, std::uint64_t number) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g %llu", seconds, static_cast<unsigned long long>(number));
    return text;
}

namespace {

std::string slow_call_task(std::string_view argument, exec::TaskContext& context) {
    const auto space = argument.find(' ');
    const auto seconds = options::parse_real(argument.substr(0, space));
    const auto number = options::parse_decimal(space == std::string_view::npos ? "" : argument.substr(space + 1));
    const double s = seconds.value_or(-1);
    const long long n = number.value_or(0);
    if (s < 0 || s > 60 || n < 2)
        throw std::invalid_argument("exhibition.slow_call wants \"SECONDS NUMBER\", got \"" + options::echo(argument) + "\"");
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
    return std::to_string(work::least_prime_factor(static_cast<std::uint64_t>(n), context));
}

}  // namespace

void register_tasks() { exec::register_task(kSlowCallTask, slow_call_task); }

namespace {

double steady_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

std::uint64_t run_thread_spinner(const SpinnerOptions& options, const std::function<void(const std::string&)>& draw,
                                 FrameGaps& gaps) {
    std::mutex mutex;
    std::condition_variable wake;
    bool done = false;
    std::atomic<bool> in_call{false};
    gaps = FrameGaps(steady_s());
    std::thread spinner([&] {
        std::unique_lock lock(mutex);
        for (std::uint64_t i = 0;; ++i) {
            draw(spinner_frame(i));
            gaps.frame(steady_s(), in_call.load());
            if (wake.wait_for(lock, std::chrono::duration<double>(kSpinnerPeriodS), [&] { return done; })) break;
        }
        gaps.finish(steady_s());
        draw(spinner_erase());
    });
    in_call = true;
    const auto answer = slow_call(options.seconds, options.number);
    in_call = false;
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    wake.notify_all();
    spinner.join();
    return answer;
}

namespace {

// One thread runs both tasks: `in_call` needs no atomic.
aio::Task<void> spin(aio::EventLoop& loop, const std::function<void(const std::string&)>& draw, FrameGaps& gaps,
                     const bool& in_call) {
    for (std::uint64_t i = 0;; ++i) {
        draw(spinner_frame(i));
        gaps.frame(loop.now_s(), in_call);
        co_await aio::sleep(kSpinnerPeriodS);   // a cancel arrives here
    }
}

aio::Task<std::uint64_t> slow(double seconds, std::uint64_t number, bool block, bool& in_call) {
    in_call = true;
    if (block) std::this_thread::sleep_for(std::chrono::duration<double>(seconds));   // the loop stalls
    else co_await aio::sleep(seconds);
    const auto answer = work::least_prime_factor(number);
    in_call = false;
    co_return answer;
}

aio::Task<std::uint64_t> supervisor(aio::EventLoop& loop, const SpinnerOptions& options,
                                    const std::function<void(const std::string&)>& draw, FrameGaps& gaps) {
    bool in_call = false;
    auto spinner = loop.spawn(spin(loop, draw, gaps, in_call), "spinner");
    const std::uint64_t answer = co_await slow(options.seconds, options.number, options.block, in_call);
    spinner.cancel();
    try {
        co_await spinner;
    } catch (const aio::CancelledError&) {
    }
    gaps.finish(loop.now_s());
    draw(spinner_erase());
    co_return answer;
}

}  // namespace

std::uint64_t run_coroutine_spinner(const SpinnerOptions& options, const std::function<void(const std::string&)>& draw,
                                    FrameGaps& gaps) {
    aio::SteadyClock clock;
    aio::EventLoop loop(clock);
    gaps = FrameGaps(loop.now_s());
    return loop.run_until_complete(supervisor(loop, options, draw, gaps), "supervisor");
}

LiveSpinner::~LiveSpinner() {
    if (thread_.joinable()) thread_.join();
}

bool LiveSpinner::start(const SpinnerOptions& options) {
    if (running_ || options.kind == SpinnerKind::process) return false;
    if (thread_.joinable()) thread_.join();   // the last run has finished: its thread ends at once
    {
        std::lock_guard lock(mutex_);
        options_ = options;
    }
    frames_ = 0;
    last_frame_s_ = steady_s();
    running_ = true;
    thread_ = std::thread([this, options] {
        const auto draw = [this](const std::string& text) {
            if (text == spinner_erase()) return;
            last_frame_s_ = steady_s();
            ++frames_;
        };
        Outcome outcome;
        outcome.answer = options.kind == SpinnerKind::coroutine ? run_coroutine_spinner(options, draw, outcome.gaps)
                                                                : run_thread_spinner(options, draw, outcome.gaps);
        {
            std::lock_guard lock(mutex_);
            outcome_ = outcome;
        }
        running_ = false;
    });
    return true;
}

bool LiveSpinner::start(const SpinnerOptions& options, std::unique_ptr<exec::Executor> executor) {
    if (running_ || options.kind != SpinnerKind::process || !executor) return false;
    if (thread_.joinable()) thread_.join();
    {
        std::lock_guard lock(mutex_);
        options_ = options;
    }
    executor_ = std::move(executor);
    frames_ = 1;   // the first frame, drawn now
    last_frame_s_ = steady_s();
    process_gaps_ = FrameGaps(last_frame_s_);
    process_gaps_.frame(last_frame_s_);
    running_ = true;
    future_ = executor_->submit({std::string(kSlowCallTask), slow_call_argument(options.seconds, options.number)});
    return true;
}

void LiveSpinner::poll() {
    if (!running_ || !executor_) return;
    const double now = steady_s();
    if (future_.done()) {
        process_gaps_.finish(now);
        Outcome outcome;
        outcome.gaps = process_gaps_;
        if (auto error = future_.error())
            outcome.error = *error;
        else
            outcome.answer = std::stoull(future_.result());   // done: result() does not block
        executor_->shutdown(false);
        executor_.reset();
        {
            std::lock_guard lock(mutex_);
            outcome_ = outcome;
        }
        running_ = false;
        return;
    }
    if (now - last_frame_s_.load() >= kSpinnerPeriodS) {
        process_gaps_.frame(now, true);   // submitted, not done: the call is in flight
        last_frame_s_ = now;
        ++frames_;
    }
}

double LiveSpinner::since_last_frame_s() const { return steady_s() - last_frame_s_.load(); }

std::optional<LiveSpinner::Outcome> LiveSpinner::outcome() const {
    std::lock_guard lock(mutex_);
    return outcome_;
}

std::optional<SpinnerOptions> LiveSpinner::options() const {
    std::lock_guard lock(mutex_);
    return options_;
}

}  // namespace conclab::spinner
