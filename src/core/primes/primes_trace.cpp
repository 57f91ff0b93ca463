// A primes run as a Chrome JSON trace (primes_trace.h).
#include "core/primes/primes_trace.h"

#include "core/primes/samples.h"

#include <algorithm>
#include <map>

namespace conclab::primes {

std::string run_label(const PrimesReport& report) {
    const PrimesOptions& options = report.options;
    std::string label(exec::to_string(options.executor));
    if (options.executor != exec::ExecutorKind::sequential) label += " x" + std::to_string(options.workers);
    if (report.runtime.is_python()) label = short_label(report.runtime) + " " + label;
    return label;
}

void add_to_trace(trace::TraceBuilder& builder, const PrimesReport& report, const std::string& label) {
    const int pid = builder.add_process(label);
    const int run_track = builder.add_track(pid, "run");
    if (report.startup_s > 0) builder.add_slice(pid, run_track, "start-up", "startup", 0, report.startup_s);

    std::vector<const CheckResult*> ran;
    for (const auto& r : report.results)
        if (!r.worker.empty()) ran.push_back(&r);
    // Tracks in the order the workers first started a check.
    std::sort(ran.begin(), ran.end(), [](const CheckResult* a, const CheckResult* b) {
        return std::tie(a->started_s, a->index) < std::tie(b->started_s, b->index);
    });
    std::map<std::string, int> tracks;
    for (const CheckResult* r : ran)
        if (!tracks.count(r->worker)) tracks[r->worker] = builder.add_track(pid, r->worker);

    const bool gil = report.options.executor == exec::ExecutorKind::gil;
    for (const CheckResult* r : ran) {
        const int tid = tracks.at(r->worker);
        const double start = r->started_s, end = r->started_s + r->elapsed_s;
        nlohmann::json args{{"n", std::to_string(r->n)},       {"lpf", std::to_string(r->lpf)}, {"prime", r->prime},
                            {"status", std::string(to_string(r->status))}, {"busy_s", r->busy_s},
                            {"index", r->index}};
        if (r->error) args["error"] = *r->error;
        if (r->cpu_s) args["cpu_s"] = *r->cpu_s;
        builder.add_slice(pid, tid, group_digits(r->n), "task", start, end, std::move(args));
        if (!gil) continue;
        // Holding the GIL is the time between its waits: the complement, inside the check.
        double cursor = start;
        for (const auto& w : r->gil_waits) {
            const double from = std::clamp(w.from_s, cursor, end), to = std::clamp(w.to_s, from, end);
            if (from > cursor) builder.add_slice(pid, tid, "GIL hold", "gil_hold", cursor, from);
            if (to > from) builder.add_slice(pid, tid, "GIL wait", "gil_wait", from, to);
            cursor = to;
        }
        if (end > cursor) builder.add_slice(pid, tid, "GIL hold", "gil_hold", cursor, end);
    }
}

namespace {

nlohmann::json options_json(const PrimesOptions& o) {
    return {{"executor", std::string(exec::to_string(o.executor))}, {"workers", o.workers},
            {"sample", o.sample.name}, {"checks", o.sample.numbers.size()}};
}

}  // namespace

nlohmann::json to_trace(const PrimesReport& report, const trace::Machine& machine) {
    trace::TraceBuilder builder(trace::TimeBase::wall, machine);
    add_to_trace(builder, report, run_label(report));
    builder.set_metadata("demo", "primes");
    builder.set_metadata("runtime", to_json(report.runtime));
    builder.set_metadata("options", options_json(report.options));
    builder.set_metadata("wall_s", report.wall_s);
    builder.set_metadata("startup_s", report.startup_s);
    builder.set_metadata("cancelled", report.cancelled);
    return builder.build();
}

nlohmann::json to_trace(const CompareReport& report, const trace::Machine& machine) {
    trace::TraceBuilder builder(trace::TimeBase::wall, machine);
    for (const auto& run : report.runs)
        add_to_trace(builder, run.report, run_label(run.report) + ", run " + std::to_string(run.repeat));
    builder.set_metadata("demo", "primes");
    if (!report.runs.empty()) builder.set_metadata("runtime", to_json(report.runs.front().report.runtime));
    nlohmann::json options = options_json(report.options);
    options["compare"] = true;
    options["repeats"] = report.options.repeats;
    builder.set_metadata("options", std::move(options));
    builder.set_metadata("note", "each run is a process of its own; every run's time starts at 0");
    builder.set_metadata("wall_s", report.wall_s);
    builder.set_metadata("cancelled", report.cancelled);
    return builder.build();
}

nlohmann::json to_trace(const std::vector<const PrimesReport*>& history, const trace::Machine& machine) {
    trace::TraceBuilder builder(trace::TimeBase::wall, machine);
    nlohmann::json runs = nlohmann::json::array();
    for (std::size_t i = 0; i < history.size(); ++i) {
        const PrimesReport& report = *history[i];
        const std::string label = "#" + std::to_string(i + 1) + " " + run_label(report);
        add_to_trace(builder, report, label);
        runs.push_back({{"label", label}, {"runtime", to_json(report.runtime)}, {"options", options_json(report.options)},
                        {"wall_s", report.wall_s}, {"startup_s", report.startup_s}, {"cancelled", report.cancelled}});
    }
    builder.set_metadata("demo", "primes");
    builder.set_metadata("history", true);
    builder.set_metadata("runs", std::move(runs));
    builder.set_metadata("note", "the panel's history: each run is a process of its own; every run's time starts at 0");
    return builder.build();
}

}  // namespace conclab::primes
