// One primes run on one executor, polled by the CLI and the panel (primes_run.h).
#include "core/primes/primes_run.h"

#include "core/primes/least_prime_factor.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <thread>

namespace conclab::primes {

PrimesRun::PrimesRun(PrimesOptions options, const ExecutorMaker& make_executor, RunClock clock, exec::RuntimeInfo runtime)
    : clock_(std::move(clock)) {
    report_.options = std::move(options);
    report_.runtime = std::move(runtime);
    start_cpu_ = clock_.cpu ? clock_.cpu() : std::nullopt;
    start_wall_ = clock_.wall_s();
    executor_ = make_executor(report_.options.executor, report_.options.workers);
    const double after_startup = clock_.wall_s();
    report_.startup_s = after_startup - start_wall_;
    executor_epoch_ = after_startup - start_wall_ - executor_->now_s();
    futures_.reserve(report_.options.sample.numbers.size());
    for (std::uint64_t n : report_.options.sample.numbers)
        futures_.push_back(executor_->submit({"primes.lpf", std::to_string(n)}));
    executor_->end_of_submissions();
    completions_.emplace(futures_);
    finish_if_done();
}

PrimesRun::~PrimesRun() {
    if (executor_) executor_->shutdown(true, true);
}

double PrimesRun::elapsed_s() const {
    if (report_.finished) return report_.wall_s;
    return last_result_wall_.value_or(clock_.wall_s()) - start_wall_;
}

namespace {

std::vector<exec::TimeSpan> shifted(std::vector<exec::TimeSpan> spans, double by) {
    for (auto& s : spans) {
        s.from_s += by;
        s.to_s += by;
    }
    return spans;
}

}  // namespace

CheckResult PrimesRun::to_result(const exec::Future& future) {
    CheckResult r;
    r.index = future.index();
    r.n = report_.options.sample.numbers.at(r.index);
    const exec::TaskRecord record = future.record();
    r.worker = record.worker;
    r.cpu_s = record.cpu_s;
    r.worker_startup_s = record.worker_startup_s;
    if (auto error = future.error()) {
        r.error = *error;
        const auto status = future.status();
        r.status = status == exec::FutureStatus::cancelled ? CheckStatus::cancelled : CheckStatus::failed;
        if (*error == "cancelled while running") r.status = CheckStatus::cancelled;
        if (status != exec::FutureStatus::cancelled) {
            r.started_s = record.started_s + executor_epoch_;
            r.elapsed_s = record.elapsed_s();
            r.busy_s = record.busy_s();
            r.gil_waits = shifted(record.gil_waits, executor_epoch_);
        }
    } else {
        r.lpf = std::stoull(future.result());
        r.prime = r.lpf == r.n && r.n > 1;
        r.started_s = record.started_s + executor_epoch_;
        r.elapsed_s = record.elapsed_s();
        r.busy_s = record.busy_s();
        r.gil_waits = shifted(record.gil_waits, executor_epoch_);
    }
    return r;
}

std::vector<CheckResult> PrimesRun::in_flight() const {
    std::vector<CheckResult> running;
    for (const auto& f : futures_) {
        if (f.status() != exec::FutureStatus::running) continue;
        CheckResult r;
        r.index = f.index();
        r.n = report_.options.sample.numbers.at(r.index);
        const auto record = f.record();
        r.worker = record.worker;
        r.started_s = record.started_s + executor_epoch_;
        running.push_back(r);
    }
    return running;
}

std::vector<CheckResult> PrimesRun::poll() {
    std::vector<CheckResult> fresh;
    while (auto f = completions_->try_next()) {
        fresh.push_back(to_result(*f));
        report_.results.push_back(fresh.back());
    }
    finish_if_done();
    return fresh;
}

std::optional<CheckResult> PrimesRun::wait_next() {
    auto f = completions_->next();
    if (!f) {
        while (!report_.finished) {   // the last result is in; only late-starting workers remain
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            finish_if_done();
        }
        return std::nullopt;
    }
    report_.results.push_back(to_result(*f));
    finish_if_done();
    return report_.results.back();
}

void PrimesRun::cancel() {
    if (report_.finished) return;
    report_.cancelled = true;
    executor_->cancel_all();
}

std::optional<double> PrimesRun::first_start() const {
    std::optional<double> first;
    for (const auto& r : report_.results)
        if (!r.worker.empty() && (!first || r.started_s < *first)) first = r.started_s;
    return first;
}

void PrimesRun::finish_if_done() {
    if (report_.finished || completions_->remaining() > 0) return;
    if (!last_result_wall_) last_result_wall_ = clock_.wall_s();
    if (!executor_->all_workers_started()) return;
    executor_->shutdown(true, false);   // joins threads, reaps processes: their CPU time now counts
    const exec::RuntimeFacts facts = executor_->runtime_facts();
    if (facts.start_method) report_.runtime.start_method = facts.start_method;
    if (facts.cpu) report_.runtime.cpu = facts.cpu;
    if (facts.version) report_.runtime.version = *facts.version;
    if (facts.python) report_.runtime.python = facts.python;
    // Wall time ends with the last result, as the notebook's %%time would see it; reaping workers and
    // joining threads that started late (browser) come after.
    report_.wall_s = last_result_wall_.value_or(clock_.wall_s()) - start_wall_;
    // Start-up lasts until the first check starts: where workers get ready after the factory returns
    // (Web Workers loading their module), that is the honest figure.
    if (auto first = first_start()) report_.startup_s = std::max(report_.startup_s, *first);
    if (start_cpu_ && clock_.cpu) {
        if (auto end = clock_.cpu()) {
            CpuSeconds used = *end;
            used.user_s -= start_cpu_->user_s;
            used.sys_s -= start_cpu_->sys_s;
            report_.cpu = used;
        }
    }
    if (!report_.cpu || report_.cpu->busy_time) {
        // Without OS CPU times (the web), the honest figure is how long workers were busy.
        CpuSeconds busy;
        busy.busy_time = true;
        for (const auto& r : report_.results) busy.user_s += r.busy_s;
        report_.cpu = busy;
    }
    report_.finished = true;
}

nlohmann::json to_json(const PrimesReport& report) {
    using nlohmann::json;
    json results = json::array();
    for (const auto& r : report.results) {
        json item{{"n", std::to_string(r.n)},
                  {"lpf", std::to_string(r.lpf)},
                  {"prime", r.prime},
                  {"elapsed_s", r.elapsed_s},
                  {"busy_s", r.busy_s},
                  {"started_s", r.started_s},
                  {"worker", r.worker}};
        item["status"] = std::string(to_string(r.status));
        if (r.cpu_s) item["cpu_s"] = *r.cpu_s;
        if (r.worker_startup_s) item["worker_startup_s"] = *r.worker_startup_s;
        if (r.error) item["error"] = *r.error;
        results.push_back(std::move(item));
    }
    json doc{{"demo", "primes"},
             {"executor", std::string(exec::to_string(report.options.executor))},
             {"workers", report.options.workers},
             {"sample", report.options.sample.name},
             {"checks", report.options.sample.numbers.size()},
             {"results", std::move(results)},
             {"wall_s", report.wall_s},
             {"startup_s", report.startup_s},
             {"finished", report.finished},
             {"cancelled", report.cancelled},
             {"runtime", to_json(report.runtime)}};
    if (report.cpu) {
        doc["cpu"] = {{"user_s", report.cpu->user_s},
                      {"sys_s", report.cpu->sys_s},
                      {"total_s", report.cpu->total_s()},
                      {"kind", report.cpu->busy_time ? "worker busy time" : "process cpu time"}};
    }
    return doc;
}

std::string_view to_string(CheckStatus status) {
    switch (status) {
    case CheckStatus::done: return "done";
    case CheckStatus::failed: return "failed";
    case CheckStatus::cancelled: return "cancelled";
    }
    return "?";
}

std::string format_result_line(const CheckResult& r) {
    char buffer[160];
    const std::string n = group_digits(r.n);
    if (r.error) {
        std::snprintf(buffer, sizeof buffer, "%26s  !  %-24s  %-10s %s", n.c_str(), r.error->c_str(), "",
                      r.worker.c_str());
    } else {
        const std::string lpf = r.prime ? std::string() : group_digits(r.lpf);
        std::snprintf(buffer, sizeof buffer, "%26s  %s  %-24s %9.6fs  %s", n.c_str(), r.prime ? "\u2713" : "\u2717",
                      lpf.c_str(), r.elapsed_s, r.worker.c_str());
    }
    return buffer;
}

std::string format_summary_line(const PrimesReport& report) {
    char buffer[160];
    std::size_t done = 0;
    for (const auto& r : report.results) done += r.error ? 0 : 1;
    const std::string runtime = report.runtime.is_python() ? short_label(report.runtime) + " " : std::string();
    std::snprintf(buffer, sizeof buffer, "%zu checks in %.2fs (%s%s x%d)%s", done, report.wall_s, runtime.c_str(),
                  std::string(exec::to_string(report.options.executor)).c_str(), report.options.workers,
                  report.cancelled ? ", cancelled" : "");
    return buffer;
}

std::string format_time_lines(const PrimesReport& report) {
    std::string out;
    if (const auto& own = report.runtime.cpu) {
        out += report.runtime.name + " CPU times (getrusage self + children): user " + format_duration(own->user_s) +
               ", sys " + format_duration(own->sys_s) + ", total " + format_duration(own->total_s()) + "\n";
    }
    if (report.cpu) {
        out += report.cpu->busy_time ? "Worker busy times: " : "CPU times: ";
        out += "user " + format_duration(report.cpu->user_s) + ", sys " + format_duration(report.cpu->sys_s) +
               ", total " + format_duration(report.cpu->total_s()) + "\n";
    }
    out += "Wall time: " + format_duration(report.wall_s) + "\n";
    return out;
}

}  // namespace conclab::primes
