// Compare all's runs, one executor after another, and their medians and speedups (compare_run.h).
#include "core/primes/compare_run.h"

#include <algorithm>

namespace conclab::primes {

namespace {
constexpr exec::ExecutorKind kCompareOrder[] = {exec::ExecutorKind::sequential, exec::ExecutorKind::gil,
                                                exec::ExecutorKind::processes, exec::ExecutorKind::threads};
constexpr exec::ExecutorKind kPythonOrder[] = {exec::ExecutorKind::sequential, exec::ExecutorKind::threads,
                                               exec::ExecutorKind::processes};
}

std::span<const exec::ExecutorKind> compare_executors() { return kCompareOrder; }
std::span<const exec::ExecutorKind> python_compare_executors() { return kPythonOrder; }

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::vector<ExecutorSummary> summarize(const CompareReport& report) {
    std::vector<ExecutorSummary> out;
    const auto add = [&](Runtime runtime, exec::ExecutorKind kind) {
        ExecutorSummary s;
        s.runtime = runtime;
        s.executor = kind;
        s.workers = exec::effective_workers(kind, report.options.workers);
        for (const auto& run : report.runs) {
            const auto& r = run.report;
            if (r.options.runtime != runtime || r.options.executor != kind || !r.finished || r.cancelled) continue;
            s.workers = r.options.workers;
            s.walls_s.push_back(r.wall_s);
        }
        if (s.walls_s.empty()) return;
        s.median_s = median(s.walls_s);
        const auto [lo, hi] = std::minmax_element(s.walls_s.begin(), s.walls_s.end());
        s.min_s = *lo;
        s.max_s = *hi;
        out.push_back(std::move(s));
    };
    for (auto kind : kCompareOrder) add(Runtime::cpp, kind);
    if (report.python)
        for (auto kind : kPythonOrder) add(Runtime::python, kind);
    const auto baseline = [&](Runtime runtime) -> std::optional<double> {
        for (const auto& s : out)
            if (s.runtime == runtime && s.executor == exec::ExecutorKind::sequential) return s.median_s;
        return std::nullopt;
    };
    const auto cpp_base = baseline(Runtime::cpp);
    for (const Runtime runtime : {Runtime::cpp, Runtime::python}) {
        const auto base = baseline(runtime);
        for (auto& s : out) {
            if (s.runtime != runtime) continue;
            if (base) {
                if (s.median_s > 0) s.speedup = *base / s.median_s;
                if (s.max_s > 0) s.speedup_min = *base / s.max_s;
                if (s.min_s > 0) s.speedup_max = *base / s.min_s;
            }
            if (runtime == Runtime::python && cpp_base && s.median_s > 0) s.vs_cpp_sequential = *cpp_base / s.median_s;
        }
    }
    return out;
}

CompareRun::CompareRun(PrimesOptions options, ExecutorMaker make_executor, RunClock clock, std::optional<PythonRows> python)
    : make_executor_(std::move(make_executor)), python_(std::move(python)), clock_(std::move(clock)) {
    for (auto kind : kCompareOrder) slots_.push_back({Runtime::cpp, kind});
    if (python_) {
        for (auto kind : kPythonOrder) slots_.push_back({Runtime::python, kind});
        report_.python = python_->runtime;
    }
    report_.options = std::move(options);
    report_.options.compare = true;
    report_.options.runtime = Runtime::cpp;   // the C++ rows; CPython's runs say python in their own options
    start_wall_ = clock_.wall_s();
    std::lock_guard lock(mutex_);
    current_ = make_run(0);   // throws: no comparison
    next_ = 1;
}

std::unique_ptr<PrimesRun> CompareRun::make_run(std::size_t run) const {
    const PrimesOptions o = options_for(run);
    if (o.runtime == Runtime::python) return std::make_unique<PrimesRun>(o, python_->make_executor, clock_, python_->runtime);
    return std::make_unique<PrimesRun>(o, make_executor_, clock_);
}

CompareRun::~CompareRun() = default;

std::size_t CompareRun::total_runs() const {
    return slots_.size() * static_cast<std::size_t>(report_.options.repeats);
}

PrimesOptions CompareRun::options_for(std::size_t run) const {
    PrimesOptions o = report_.options;
    o.compare = false;
    o.runtime = slots_[slot_of(run)].runtime;
    o.executor = slots_[slot_of(run)].executor;
    o.workers = exec::effective_workers(o.executor, report_.options.workers);
    return o;
}

exec::ExecutorKind CompareRun::current_executor() const {
    const std::size_t run = current_ ? next_ - 1 : std::min(next_, total_runs() - 1);
    return slots_[slot_of(run)].executor;
}

Runtime CompareRun::current_runtime() const {
    const std::size_t run = current_ ? next_ - 1 : std::min(next_, total_runs() - 1);
    return slots_[slot_of(run)].runtime;
}

int CompareRun::current_repeat() const {
    const std::size_t run = current_ ? next_ - 1 : std::min(next_, total_runs() - 1);
    return static_cast<int>(run / slots_.size()) + 1;
}

double CompareRun::elapsed_s() const { return report_.finished ? report_.wall_s : clock_.wall_s() - start_wall_; }

void CompareRun::end_current() {
    const std::size_t run = next_ - 1;
    report_.runs.push_back({current_->report(), static_cast<int>(run / slots_.size()) + 1});
    current_.reset();
}

void CompareRun::start_next() {
    if (!cancel_requested_ && !report_.error && next_ < total_runs()) {
        try {
            current_ = make_run(next_);
            ++next_;
            return;
        } catch (const std::exception& e) {
            const auto o = options_for(next_);
            std::string error(o.runtime == Runtime::python ? "CPython " : "");
            error.append(exec::to_string(o.executor)).append(": ").append(e.what());
            report_.error = std::move(error);
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
        json item{{"runtime", std::string(to_string(s.runtime))},
                  {"executor", std::string(exec::to_string(s.executor))},
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
        if (s.vs_cpp_sequential) item["vs_cpp_sequential"] = *s.vs_cpp_sequential;
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
    if (report.python) {
        json python_executors = json::array();
        for (auto kind : python_compare_executors()) python_executors.push_back(std::string(exec::to_string(kind)));
        doc["python_executors"] = std::move(python_executors);
        doc["python"] = exec::to_json(*report.python);
    }
    if (report.error) doc["error"] = *report.error;
    return doc;
}

}  // namespace conclab::primes
