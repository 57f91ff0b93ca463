// Compare all's runs, one executor after another, and their medians and speedups (compare_run.h).
#include "core/primes/compare_run.h"

#include <algorithm>

namespace conclab::primes {

namespace {
constexpr exec::ExecutorKind kCompareOrder[] = {exec::ExecutorKind::sequential, exec::ExecutorKind::gil,
                                                exec::ExecutorKind::processes, exec::ExecutorKind::threads};
}

std::span<const exec::ExecutorKind> compare_executors() { return kCompareOrder; }

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::vector<ExecutorSummary> summarize(const CompareReport& report) {
    std::vector<ExecutorSummary> out;
    for (auto kind : kCompareOrder) {
        ExecutorSummary s;
        s.executor = kind;
        s.workers = exec::effective_workers(kind, report.options.workers);
        for (const auto& run : report.runs) {
            const auto& r = run.report;
            if (r.options.executor != kind || !r.finished || r.cancelled) continue;
            s.workers = r.options.workers;
            s.walls_s.push_back(r.wall_s);
        }
        if (s.walls_s.empty()) continue;
        s.median_s = median(s.walls_s);
        const auto [lo, hi] = std::minmax_element(s.walls_s.begin(), s.walls_s.end());
        s.min_s = *lo;
        s.max_s = *hi;
        out.push_back(std::move(s));
    }
    const auto sequential = std::find_if(out.begin(), out.end(),
                                         [](const auto& s) { return s.executor == exec::ExecutorKind::sequential; });
    if (sequential != out.end()) {
        const double base = sequential->median_s;
        for (auto& s : out) {
            if (s.median_s > 0) s.speedup = base / s.median_s;
            if (s.max_s > 0) s.speedup_min = base / s.max_s;
            if (s.min_s > 0) s.speedup_max = base / s.min_s;
        }
    }
    return out;
}

CompareRun::CompareRun(PrimesOptions options, ExecutorMaker make_executor, RunClock clock)
    : make_executor_(std::move(make_executor)), clock_(std::move(clock)) {
    report_.options = std::move(options);
    report_.options.compare = true;
    start_wall_ = clock_.wall_s();
    std::lock_guard lock(mutex_);
    current_ = std::make_unique<PrimesRun>(options_for(0), make_executor_, clock_);   // throws: no comparison
    next_ = 1;
}

CompareRun::~CompareRun() = default;

std::size_t CompareRun::total_runs() const {
    return std::size(kCompareOrder) * static_cast<std::size_t>(report_.options.repeats);
}

PrimesOptions CompareRun::options_for(std::size_t run) const {
    PrimesOptions o = report_.options;
    o.compare = false;
    o.executor = kCompareOrder[run % std::size(kCompareOrder)];
    o.workers = exec::effective_workers(o.executor, report_.options.workers);
    return o;
}

exec::ExecutorKind CompareRun::current_executor() const {
    const std::size_t run = current_ ? next_ - 1 : std::min(next_, total_runs() - 1);
    return kCompareOrder[run % std::size(kCompareOrder)];
}

int CompareRun::current_repeat() const {
    const std::size_t run = current_ ? next_ - 1 : std::min(next_, total_runs() - 1);
    return static_cast<int>(run / std::size(kCompareOrder)) + 1;
}

double CompareRun::elapsed_s() const { return report_.finished ? report_.wall_s : clock_.wall_s() - start_wall_; }

void CompareRun::end_current() {
    const std::size_t run = next_ - 1;
    report_.runs.push_back({current_->report(), static_cast<int>(run / std::size(kCompareOrder)) + 1});
    current_.reset();
}

void CompareRun::start_next() {
    if (!cancel_requested_ && !report_.error && next_ < total_runs()) {
        try {
            current_ = std::make_unique<PrimesRun>(options_for(next_), make_executor_, clock_);
            ++next_;
            return;
        } catch (const std::exception& e) {
            report_.error = std::string(exec::to_string(options_for(next_).executor)) + ": " + e.what();
        }
    }
    report_.cancelled = cancel_requested_;
    report_.wall_s = clock_.wall_s() - start_wall_;
    report_.finished = true;
}

bool CompareRun::poll() {
    std::lock_guard lock(mutex_);
    if (!current_) return false;
    bool changed = !current_->poll().empty();
    if (current_->finished()) {
        end_current();
        start_next();
        changed = true;
    }
    return changed;
}

void CompareRun::wait(const std::function<void(const CheckResult&)>& on_result,
                      const std::function<void(const CompareRunReport&)>& on_run) {
    for (;;) {
        PrimesRun* run = nullptr;
        {
            std::lock_guard lock(mutex_);
            run = current_.get();
        }
        if (!run) return;
        // Only this thread replaces current_; cancel() may reach the run meanwhile, under the lock.
        while (auto result = run->wait_next())
            if (on_result) on_result(*result);
        {
            std::lock_guard lock(mutex_);
            end_current();
            start_next();
        }
        if (on_run) on_run(report_.runs.back());
    }
}

void CompareRun::cancel() {
    std::lock_guard lock(mutex_);
    if (report_.finished) return;
    cancel_requested_ = true;
    if (current_) current_->cancel();
}

nlohmann::json to_json(const CompareReport& report) {
    using nlohmann::json;
    json executors = json::array();
    for (auto kind : compare_executors()) executors.push_back(std::string(exec::to_string(kind)));
    json runs = json::array();
    for (const auto& run : report.runs) {
        json doc = to_json(run.report);
        doc["repeat"] = run.repeat;
        runs.push_back(std::move(doc));
    }
    json summary = json::array();
    for (const auto& s : summarize(report)) {
        json item{{"executor", std::string(exec::to_string(s.executor))},
                  {"workers", s.workers},
                  {"runs", s.walls_s.size()},
                  {"walls_s", s.walls_s},
                  {"median_s", s.median_s},
                  {"min_s", s.min_s},
                  {"max_s", s.max_s},
                  {"spread_s", s.spread_s()}};
        if (s.speedup) item["speedup"] = *s.speedup;
        if (s.speedup_min) item["speedup_min"] = *s.speedup_min;
        if (s.speedup_max) item["speedup_max"] = *s.speedup_max;
        summary.push_back(std::move(item));
    }
    json doc{{"demo", "primes"},
             {"mode", "compare"},
             {"sample", report.options.sample.name},
             {"checks", report.options.sample.numbers.size()},
             {"workers", report.options.workers},
             {"repeats", report.options.repeats},
             {"executors", std::move(executors)},
             {"runs", std::move(runs)},
             {"summary", std::move(summary)},
             {"wall_s", report.wall_s},
             {"finished", report.finished},
             {"cancelled", report.cancelled}};
    if (report.error) doc["error"] = *report.error;
    return doc;
}

}  // namespace conclab::primes
