// python/lab.py's measures, its lines and where they go in the lab's report (python_lab.h).
#include "core/lab/python_lab.h"

#include "core/lab/figure.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace conclab::lab {

namespace {

constexpr MeasureKey kStartOne{MeasureId::start_one};
constexpr MeasureKey kResident{MeasureId::resident_each};
// queue.Queue is a lock and a queue, and multiprocessing.Pipe a socketpair on Linux: C++'s own pair of the same kinds.
constexpr MeasureKey kRoundTrip{MeasureId::round_trip, 64, 0, false, IpcPair::lock_socketpair};

struct Place {
    std::string_view measure;
    MeasureKey key;
    Column column;
};

constexpr Place kPlaces[] = {
    {"interpreter_start", kStartOne, Column::cpython_processes},
    {"thread_start", kStartOne, Column::cpython_threads},
    {"task_start", kStartOne, Column::cpython_coroutines},
    {"pool_first_result:fork", {MeasureId::pool_first_result, 0, 0, false, IpcPair::atomics_pipe, StartMethod::fork}, Column::cpython_processes},
    {"pool_first_result:forkserver", {MeasureId::pool_first_result, 0, 0, false, IpcPair::atomics_pipe, StartMethod::forkserver}, Column::cpython_processes},
    {"pool_first_result:spawn", {MeasureId::pool_first_result, 0, 0, false, IpcPair::atomics_pipe, StartMethod::spawn}, Column::cpython_processes},
    {"idle_threads", kResident, Column::cpython_threads},
    {"idle_processes", kResident, Column::cpython_processes},
    {"idle_coroutines", kResident, Column::cpython_coroutines},
    {"queue_round_trip", kRoundTrip, Column::cpython_threads},
    {"pipe_round_trip", kRoundTrip, Column::cpython_processes},
};

const Place* place_of(std::string_view measure) {
    for (const auto& p : kPlaces)
        if (p.measure == measure) return &p;
    return nullptr;
}

Measure& row(Section& section, const MeasureKey& key) {
    for (auto& m : section.measures)
        if (m.key == key) return m;
    Measure fresh;
    fresh.key = key;
    fresh.name = english_name(key);
    section.measures.push_back(std::move(fresh));
    return section.measures.back();
}

}  // namespace

std::vector<std::string> python_measures(Suite suite) {
    switch (suite) {
    case Suite::startup:
        return {"interpreter_start", "thread_start", "task_start", "pool_first_result:fork", "pool_first_result:forkserver",
                "pool_first_result:spawn"};
    case Suite::memory: return {"idle_threads", "idle_processes", "idle_coroutines"};
    case Suite::ipc: return {"queue_round_trip", "pipe_round_trip"};
    default: return {};
    }
}

PythonLabLine parse_python_lab_line(std::string_view line) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return PythonLabBadLine{"not a JSON object"};
    const auto event = doc.find("event");
    if (event == doc.end() || !event->is_string()) return PythonLabBadLine{"no event"};
    try {
        if (*event == "hello") {
            PythonLabHello h;
            h.python = doc.at("python").get<std::string>();
            h.gil = doc.at("gil").get<bool>();
            if (auto m = doc.find("start_method"); m != doc.end() && m->is_string()) h.start_method = m->get<std::string>();
            return h;
        }
        if (*event == "result") {
            PythonLabResult r;
            r.measure = doc.at("measure").get<std::string>();
            r.unit = doc.at("unit").get<std::string>();
            r.samples = doc.at("samples").get<std::vector<double>>();
            r.method = Method(doc.value("method", std::string()));
            if (auto id = doc.find("method_id"); id != doc.end() && id->is_string())
                if (auto method = parse_method_id(id->get<std::string>()))
                    r.method = Method(*method, doc.value("method_args", std::vector<std::string>{}));
            if (r.samples.empty()) return PythonLabBadLine{"a result with no samples"};
            return r;
        }
        if (*event == "missing") {
            PythonLabMissing m{doc.at("measure").get<std::string>(), Reason(doc.at("why").get<std::string>())};
            if (auto id = doc.find("why_id"); id != doc.end() && id->is_string())
                if (auto reason = parse_reason_id(id->get<std::string>())) {
                    m.why = Reason(*reason);
                    m.why.args = doc.value("why_args", std::vector<std::string>{});
                }
            return m;
        }
        if (*event == "end") return PythonLabEnd{};
    } catch (const nlohmann::json::exception& e) {
        return PythonLabBadLine{std::string("malformed ") + event->get<std::string>() + " line: " + e.what()};
    }
    return PythonLabBadLine{"unknown event"};
}

exec::ScriptJob python_lab_job(int repeats) {
    exec::ScriptJob job;
    job.script = "lab.py";
    job.arguments = {"--stdin", "--repeats", std::to_string(repeats)};
    job.read_line = [](std::string_view text) -> exec::ScriptEvent {
        const PythonLabLine line = parse_python_lab_line(text);
        if (const auto* hello = std::get_if<PythonLabHello>(&line)) return exec::ScriptStarted{hello->start_method};
        if (std::holds_alternative<PythonLabEnd>(line)) return exec::ScriptEnded{};
        if (const auto* bad = std::get_if<PythonLabBadLine>(&line)) return exec::ScriptBadLine{"lab.py's output is not the protocol: " + bad->why};
        const auto doc = nlohmann::json::parse(text, nullptr, false);
        if (!doc.contains("i") || !doc["i"].is_number_unsigned()) return exec::ScriptBadLine{"a measure's line without its i"};
        const double started = doc.value("started", 0.0), finished = doc.value("finished", started);
        return exec::ScriptResult{doc["i"].get<std::size_t>(), std::string(text), "main", started, finished};
    };
    return job;
}

void add_python_lines(Section& section, const std::vector<std::string>& lines) {
    for (const auto& text : lines) {
        const PythonLabLine line = parse_python_lab_line(text);
        if (const auto* r = std::get_if<PythonLabResult>(&line)) {
            if (const Place* p = place_of(r->measure)) row(section, p->key).figures[p->column] = summarize(r->samples, r->unit, r->method);
        } else if (const auto* m = std::get_if<PythonLabMissing>(&line)) {
            if (const Place* p = place_of(m->measure)) row(section, p->key).missing[p->column] = m->why;
        }
    }
}

PythonLabRunner script_lab_runner(std::function<std::unique_ptr<exec::Executor>(exec::ScriptJob job)> make) {
    return [make = std::move(make)](const std::vector<std::string>& measures, int repeats, const std::atomic<bool>& cancel) {
        std::unique_ptr<exec::Executor> executor = make(python_lab_job(repeats));
        std::vector<exec::Future> futures;
        for (const auto& m : measures) futures.push_back(executor->submit(exec::Task{"lab.cpython", m}));
        executor->end_of_submissions();
        // Polled, not waited on: cancel is a flag the lab's run sets from another thread.
        const auto all_done = [&] {
            for (const auto& f : futures)
                if (!f.done()) return false;
            return true;
        };
        while (!all_done()) {
            if (cancel) {
                executor->cancel_all();
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        executor->shutdown(true, cancel.load());
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < futures.size(); ++i) {
            if (futures[i].status() == exec::FutureStatus::finished) {
                lines.push_back(futures[i].result());
            } else {
                const auto error = futures[i].error();
                lines.push_back(nlohmann::json{{"event", "missing"}, {"i", i}, {"measure", measures[i]},
                                               {"why", error ? *error : std::string("cancelled")}}.dump());
            }
        }
        return lines;
    };
}

}  // namespace conclab::lab
