// The trace validator (trace_check.h).
#include "trace_check.h"

#include <cmath>
#include <tuple>

namespace conclab::test {
namespace {

constexpr double kSlackUs = 0.01;   // timestamps are rounded to the nanosecond

bool is_int(const nlohmann::json& v) { return v.is_number_integer() || v.is_number_unsigned(); }

}  // namespace

std::string TraceCheck::report() const {
    std::string out;
    for (const auto& p : problems) out += p + "\n";
    return out;
}

int TraceCheck::pid_of(const std::string& name) const {
    for (const auto& [pid, n] : processes)
        if (n == name) return pid;
    return 0;
}

std::vector<TraceSlice> TraceCheck::slices_of(const std::string& category, int pid) const {
    std::vector<TraceSlice> out;
    for (const auto& [track, list] : slices)
        if (pid == 0 || track.first == pid)
            for (const auto& s : list)
                if (s.category == category) out.push_back(s);
    return out;
}

std::map<std::string, double> TraceCheck::busy_us_by_track(const std::string& category, int pid) const {
    std::map<std::string, double> out;
    for (const auto& [track, list] : slices) {
        if (pid != 0 && track.first != pid) continue;
        auto name = tracks.count(track) ? tracks.at(track) : std::string("?");
        for (const auto& s : list)
            if (s.category == category) out[name] += s.dur_us;
    }
    return out;
}

TraceCheck check_trace(const nlohmann::json& doc) {
    TraceCheck c;
    auto problem = [&](std::size_t i, const std::string& what) {
        if (c.problems.size() < 50) c.problems.push_back("event " + std::to_string(i) + ": " + what);
    };
    if (!doc.is_object() || !doc.contains("traceEvents") || !doc["traceEvents"].is_array()) {
        c.problems.push_back("not an object with a traceEvents array");
        return c;
    }
    if (doc.value("displayTimeUnit", std::string()) != "ms") c.problems.push_back("displayTimeUnit is not \"ms\"");
    if (doc.contains("otherData")) c.other_data = doc["otherData"];
    const std::string clock = c.other_data.is_object() ? c.other_data.value("clock", std::string()) : std::string();
    if (clock != "wall" && clock != "simulated") c.problems.push_back("otherData.clock is neither wall nor simulated");

    struct Open {
        std::string name;
        std::string category;
        double ts = 0;
        nlohmann::json args;
    };
    std::map<std::pair<int, int>, std::vector<double>> x_ends;          // per track: ends of the open X slices
    std::map<std::pair<int, int>, std::vector<Open>> b_stacks;          // B/E per track
    std::map<std::tuple<int, std::string, std::string>, std::vector<Open>> async_stacks;   // b/e per (pid, cat, id)
    std::vector<std::pair<std::size_t, std::pair<int, int>>> used_tracks;
    double last_ts = 0;
    const auto& events = doc["traceEvents"];
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& e = events[i];
        if (!e.is_object() || !e.contains("ph") || !e["ph"].is_string()) {
            problem(i, "no ph");
            continue;
        }
        const std::string ph = e["ph"];
        if (!e.contains("pid") || !is_int(e["pid"])) {
            problem(i, "no integer pid");
            continue;
        }
        const int pid = e["pid"];
        const int tid = e.contains("tid") && is_int(e["tid"]) ? e["tid"].get<int>() : -1;
        const std::string name = e.contains("name") && e["name"].is_string() ? e["name"].get<std::string>() : "";
        if (ph == "M") {
            const auto& args = e.contains("args") ? e["args"] : nlohmann::json();
            if (name == "process_name" || name == "thread_name") {
                if (!args.is_object() || !args.contains("name") || !args["name"].is_string()) {
                    problem(i, name + " without args.name");
                    continue;
                }
                if (name == "process_name") c.processes[pid] = args["name"];
                else c.tracks[{pid, tid}] = args["name"];
            }
            continue;
        }
        if (!e.contains("ts") || !e["ts"].is_number() || !std::isfinite(e["ts"].get<double>())) {
            problem(i, "no ts");
            continue;
        }
        const double ts = e["ts"];
        if (ts < 0) problem(i, "ts before the run's start");
        if (ts < last_ts) problem(i, "ts goes back (" + std::to_string(ts) + " after " + std::to_string(last_ts) + ")");
        last_ts = std::max(last_ts, ts);
        const std::string category = e.value("cat", std::string());
        const nlohmann::json args = e.contains("args") ? e["args"] : nlohmann::json::object();
        if (ph == "X" || ph == "B" || ph == "E" || ph == "i") {
            if (tid < 0) {
                problem(i, "no integer tid");
                continue;
            }
            used_tracks.push_back({i, {pid, tid}});
        } else {
            used_tracks.push_back({i, {pid, -1}});
        }
        if (ph == "X") {
            if (!e.contains("dur") || !e["dur"].is_number() || e["dur"].get<double>() < 0) {
                problem(i, "X without a duration ≥ 0");
                continue;
            }
            const double dur = e["dur"];
            auto& ends = x_ends[{pid, tid}];
            while (!ends.empty() && ends.back() <= ts + kSlackUs) ends.pop_back();
            if (!ends.empty() && ts + dur > ends.back() + kSlackUs)
                problem(i, "\"" + name + "\" overlaps the slice it starts in on track " + std::to_string(pid) + "/" +
                               std::to_string(tid) + " without nesting");
            c.slices[{pid, tid}].push_back({name, category, ts, dur, static_cast<int>(ends.size()), args});
            ends.push_back(ts + dur);
        } else if (ph == "B") {
            b_stacks[{pid, tid}].push_back({name, category, ts, args});
        } else if (ph == "E") {
            auto& stack = b_stacks[{pid, tid}];
            if (stack.empty()) problem(i, "E without its B");
            else stack.pop_back();
        } else if (ph == "b" || ph == "e") {
            if (!e.contains("id")) {
                problem(i, "async event without an id");
                continue;
            }
            const std::string id = e["id"].dump();
            auto& stack = async_stacks[{pid, category, id}];
            if (ph == "b") {
                stack.push_back({name, category, ts, args});
            } else if (stack.empty()) {
                problem(i, "e without its b (id " + id + ")");
            } else {
                if (stack.back().name != name) problem(i, "e \"" + name + "\" closes b \"" + stack.back().name + "\"");
                const Open open = stack.back();
                stack.pop_back();
                c.async_slices[pid].push_back({open.name, category, open.ts, ts - open.ts, static_cast<int>(stack.size()), open.args});
            }
        } else if (ph == "i") {
            c.instants[{pid, tid}].push_back({name, category, ts, 0, 0, args});
        } else {
            problem(i, "unknown ph \"" + ph + "\"");
        }
    }
    for (const auto& [track, stack] : b_stacks)
        if (!stack.empty()) c.problems.push_back("B \"" + stack.back().name + "\" never ends");
    for (const auto& [key, stack] : async_stacks)
        if (!stack.empty()) c.problems.push_back("b \"" + stack.back().name + "\" never ends");
    for (const auto& [i, track] : used_tracks) {
        if (!c.processes.count(track.first)) problem(i, "process " + std::to_string(track.first) + " has no name");
        if (track.second >= 0 && !c.tracks.count(track)) problem(i, "track " + std::to_string(track.second) + " has no name");
    }
    return c;
}

}  // namespace conclab::test
