// python/spinner.py's lines read into a SpinnerLog (python_spinner.h).
#include "core/spinner/python_spinner.h"

#include "core/primes/python_protocol.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace conclab::spinner {

exec::ScriptEvent SpinnerLog::read_line(std::string_view line) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return exec::ScriptBadLine{"CPython's output is not the protocol: not a JSON object"};
    const auto event = doc.find("event");
    if (event == doc.end() || !event->is_string()) return exec::ScriptBadLine{"CPython's output is not the protocol: no event"};
    const std::string name = event->get<std::string>();
    if (name == "hello" || name == "result" || name == "end") {
        if (name == "hello") {
            if (auto s = doc.find("switch_interval_s"); s != doc.end() && s->is_number()) {
                std::lock_guard lock(mutex_);
                switch_interval_s_ = s->get<double>();
            }
        }
        return primes::to_script_event(primes::parse_protocol_line(line));
    }
    const auto t = doc.find("t");
    if (t == doc.end() || !t->is_number()) return exec::ScriptBadLine{"CPython's output is not the protocol: a " + name + " line without t"};
    const double at = t->get<double>();
    std::uint64_t index = 0;
    {
        std::lock_guard lock(mutex_);
        if (name == "frame") {
            index = frames_.size();
            frames_.push_back(at);
        } else if (name == "spin") {
            spin_ = at;
        } else if (name == "stop") {
            stop_ = at;
        } else if (name == "call" && doc.value("phase", "") == "start") {
            call_start_ = at;
        } else if (name == "call" && doc.value("phase", "") == "end") {
            call_end_ = at;
        } else {
            return exec::ScriptBadLine{"CPython's output is not the protocol: unknown event " + name};
        }
    }
    if (name == "frame" && on_frame_) on_frame_(index);
    return exec::ScriptNote{};
}

std::optional<FrameGaps> SpinnerLog::gaps() const {
    std::lock_guard lock(mutex_);
    if (!spin_ || !stop_) return std::nullopt;
    std::vector<double> frames = frames_;   // a spinner process's lines and the interpreter's arrive in any order
    std::sort(frames.begin(), frames.end());
    FrameGaps gaps(*spin_);
    const double start = call_start_.value_or(*stop_), end = call_end_.value_or(*stop_);
    for (const double t : frames) gaps.frame(t, t >= start && t <= end);
    gaps.finish(*stop_);
    return gaps;
}

double SpinnerLog::switch_interval_s() const {
    std::lock_guard lock(mutex_);
    return switch_interval_s_;
}

double SpinnerLog::longest_gap_in_call_s() const {
    std::lock_guard lock(mutex_);
    if (!call_start_ || !call_end_) return 0;
    std::vector<double> in_call{*call_start_, *call_end_};   // the call's own ends bound the first and last gaps
    for (const double t : frames_)
        if (t >= *call_start_ && t <= *call_end_) in_call.push_back(t);
    std::sort(in_call.begin(), in_call.end());
    double longest = 0;
    for (std::size_t i = 1; i < in_call.size(); ++i) longest = std::max(longest, in_call[i] - in_call[i - 1]);
    return longest;
}

exec::ScriptJob python_spinner_job(const SpinnerOptions& options, std::shared_ptr<SpinnerLog> log) {
    exec::ScriptJob job;
    job.script = "spinner.py";
    job.arguments = {"--stdin", "--kind", std::string(to_string(options.kind))};
    if (options.block) job.arguments.push_back("--block");
    job.read_line = [log = std::move(log)](std::string_view text) { return log->read_line(text); };
    return job;
}

}  // namespace conclab::spinner
