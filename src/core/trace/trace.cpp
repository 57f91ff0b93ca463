// The Chrome JSON trace builder (trace.h).
#include "core/trace/trace.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace conclab::trace {

std::string_view to_string(TimeBase base) { return base == TimeBase::wall ? "wall" : "simulated"; }

nlohmann::json to_json(const Machine& m) {
    return {{"build", m.build},           {"compiler", m.compiler},         {"build_type", m.build_type},
            {"version", m.version},       {"logical_cpus", m.logical_cpus}, {"process_kind", m.process_kind}};
}

double to_us(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return 0;
    return std::round(seconds * 1e9) / 1e3;
}

std::string file_name(const std::string& demo, const std::string& utc_stamp) {
    return "trace-" + demo + "-" + utc_stamp + ".json";
}

TraceBuilder::TraceBuilder(TimeBase base, const Machine& machine) {
    other_data_ = nlohmann::json::object();
    other_data_["clock"] = std::string(to_string(base));
    other_data_["clock_note"] = base == TimeBase::wall ? "real seconds since the run started"
                                                       : "simulated seconds on the event loop's virtual clock, not real time";
    other_data_["machine"] = to_json(machine);
}

int TraceBuilder::add_process(const std::string& name) {
    const int pid = static_cast<int>(tracks_per_process_.size()) + 1;
    tracks_per_process_.push_back(0);
    metadata_events_.push_back({{"ph", "M"}, {"name", "process_name"}, {"pid", pid}, {"tid", 0}, {"ts", 0},
                                {"args", {{"name", name}}}});
    metadata_events_.push_back({{"ph", "M"}, {"name", "process_sort_index"}, {"pid", pid}, {"tid", 0}, {"ts", 0},
                                {"args", {{"sort_index", pid}}}});
    return pid;
}

int TraceBuilder::add_track(int pid, const std::string& name) {
    const int tid = ++tracks_per_process_.at(static_cast<std::size_t>(pid - 1));
    metadata_events_.push_back({{"ph", "M"}, {"name", "thread_name"}, {"pid", pid}, {"tid", tid}, {"ts", 0},
                                {"args", {{"name", name}}}});
    metadata_events_.push_back({{"ph", "M"}, {"name", "thread_sort_index"}, {"pid", pid}, {"tid", tid}, {"ts", 0},
                                {"args", {{"sort_index", tid}}}});
    return tid;
}

void TraceBuilder::add_slice(int pid, int tid, const std::string& name, const std::string& category, double start_s,
                             double end_s, nlohmann::json args) {
    const double start = to_us(start_s);
    slices_.push_back({pid, tid, name, category, start, std::max(start, to_us(end_s)), std::move(args)});
}

void TraceBuilder::add_instant(int pid, int tid, const std::string& name, const std::string& category, double at_s) {
    const double at = to_us(at_s);
    instants_.push_back({pid, tid, name, category, at, at, nlohmann::json::object()});
}

void TraceBuilder::add_async(int pid, const std::string& name, const std::string& category, std::uint64_t id,
                             double start_s, double end_s, const std::vector<Step>& steps, nlohmann::json args) {
    const double start = to_us(start_s);
    asyncs_.push_back({pid, name, category, id, start, std::max(start, to_us(end_s)), steps, std::move(args)});
}

void TraceBuilder::set_metadata(const std::string& key, nlohmann::json value) { other_data_[key] = std::move(value); }

nlohmann::json TraceBuilder::build() const {
    // Each track's slices parent first (start, then the longer first), each async id's events in nesting order;
    // then one sort by (timestamp, that order) keeps both while making timestamps monotonic.
    std::vector<std::size_t> order(slices_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Slice& x = slices_[a];
        const Slice& y = slices_[b];
        return std::make_tuple(x.pid, x.tid, x.start_us, -(x.end_us - x.start_us), a) <
               std::make_tuple(y.pid, y.tid, y.start_us, -(y.end_us - y.start_us), b);
    });
    std::vector<Event> events;
    for (std::size_t i : order) {
        const Slice& s = slices_[i];
        nlohmann::json e{{"ph", "X"}, {"name", s.name}, {"cat", s.category}, {"pid", s.pid}, {"tid", s.tid},
                         {"ts", s.start_us}, {"dur", std::round((s.end_us - s.start_us) * 1e3) / 1e3}};
        if (!s.args.empty()) e["args"] = s.args;
        events.push_back({std::move(e), s.start_us});
    }
    for (const Slice& i : instants_)
        events.push_back({{{"ph", "i"}, {"s", "t"}, {"name", i.name}, {"cat", i.category}, {"pid", i.pid}, {"tid", i.tid},
                           {"ts", i.start_us}},
                          i.start_us});
    for (const Async& a : asyncs_) {
        auto mark = [&](const char* ph, const std::string& name, const std::string& category, double ts_us,
                        const nlohmann::json* args) {
            nlohmann::json e{{"ph", ph}, {"name", name}, {"cat", category}, {"id", a.id}, {"pid", a.pid}, {"tid", 0},
                             {"ts", ts_us}};
            if (args && !args->empty()) e["args"] = *args;
            events.push_back({std::move(e), ts_us});
        };
        // Nested async events share their parent's category and id (that is how viewers nest them).
        mark("b", a.name, a.category, a.start_us, &a.args);
        double cursor = a.start_us;
        for (const Step& step : a.steps) {
            const double from = std::clamp(to_us(step.start_s), cursor, a.end_us);
            const double to = std::clamp(to_us(step.end_s), from, a.end_us);
            nlohmann::json args{{"step", step.category}};
            mark("b", step.name, a.category, from, &args);
            mark("e", step.name, a.category, to, nullptr);
            cursor = to;
        }
        mark("e", a.name, a.category, a.end_us, nullptr);
    }
    std::vector<std::size_t> by_time(events.size());
    for (std::size_t i = 0; i < by_time.size(); ++i) by_time[i] = i;
    std::sort(by_time.begin(), by_time.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(events[a].ts_us, a) < std::tie(events[b].ts_us, b);
    });
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : metadata_events_) list.push_back(m);
    for (std::size_t i : by_time) list.push_back(events[i].body);
    return {{"traceEvents", std::move(list)}, {"displayTimeUnit", "ms"}, {"otherData", other_data_}};
}

}  // namespace conclab::trace
