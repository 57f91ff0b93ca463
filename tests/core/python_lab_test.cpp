// The lab's CPython column from python/lab.py's lines (core/lab/python_lab): parsed, placed beside the C++ figure of
// the same model, and in the table with the row's unit and spread; what lab.py could not measure is a typed reason.
#include "core/lab/lab_table.h"
#include "core/lab/python_lab.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

using namespace conclab::lab;

namespace {

std::string result(const std::string& measure, const std::string& unit, std::vector<double> samples) {
    return nlohmann::json{{"event", "result"}, {"i", 0},           {"measure", measure}, {"unit", unit},
                          {"samples", samples}, {"method", measure + " how"}, {"started", 1.0}, {"finished", 2.0}}
        .dump();
}

std::string missing(const std::string& measure, const std::string& why) {
    return nlohmann::json{{"event", "missing"}, {"i", 1}, {"measure", measure}, {"why", why}}.dump();
}

Figure cpp_figure(double value, const std::string& unit) {
    Figure f;
    f.value = f.spread_low = f.spread_high = value;
    f.unit = unit;
    f.samples = 1;
    return f;
}

// A report with C++'s startup, memory and ipc figures and CPython's from lab.py lines.
LabReport report_with_python() {
    LabReport report;
    Section startup{Suite::startup};
    Measure start;
    start.key = {MeasureId::start_one};
    start.name = english_name(start.key);
    start.figures[Column::threads] = cpp_figure(10, "µs");
    start.figures[Column::processes] = cpp_figure(800, "µs");
    startup.measures.push_back(start);
    add_python_lines(startup, {result("thread_start", "µs", {40, 50, 60, 70, 80}), result("interpreter_start", "µs", {15000, 16000, 17000}),
                               result("task_start", "µs", {4, 5, 6}), result("pool_first_result:fork", "µs", {2000, 2100, 2200}),
                               missing("pool_first_result:forkserver", "the start method forkserver is not available here")});
    report.sections.push_back(startup);
    Section memory{Suite::memory};
    add_python_lines(memory, {result("idle_threads", "KiB", {10, 12, 14}), missing("idle_processes", "no /proc here")});
    report.sections.push_back(memory);
    Section ipc{Suite::ipc};
    add_python_lines(ipc, {result("queue_round_trip", "µs", {8, 9, 10}), result("pipe_round_trip", "µs", {6, 7, 8})});
    report.sections.push_back(ipc);
    return report;
}

}  // namespace

TEST(PythonLab, RuntimePythonAndRepeatsComeThroughTheLabsOneParser) {
    conclab::options::FieldErrors errors;
    LabOptions o = parse_lab_options({{"suite", "startup"}, {"runtime", "python"}, {"python", "/usr/bin/python3"}, {"repeats", "3"}}, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_TRUE(o.python);
    EXPECT_EQ(o.python_path, "/usr/bin/python3");
    EXPECT_EQ(o.python_repeats(), 3);
    o = parse_lab_options({{"runtime", "python"}, {"quick", ""}}, errors);
    EXPECT_EQ(o.python_repeats(), kPythonQuickRepeats);
    EXPECT_TRUE(errors.empty());
    parse_lab_options({{"python", "python3"}, {"repeats", "3"}, {"runtime", "ruby"}}, errors);
    EXPECT_TRUE(errors.count("python"));
    EXPECT_TRUE(errors.count("runtime"));
    errors.clear();
    parse_lab_options({{"runtime", "python"}, {"repeats", "0"}}, errors);
    EXPECT_TRUE(errors.count("repeats"));
}

TEST(PythonLab, EachSuiteAsksForItsMeasuresAndTheOthersForNone) {
    EXPECT_EQ(python_measures(Suite::startup).front(), "interpreter_start");
    EXPECT_EQ(python_measures(Suite::startup).size(), 6u);   // with fork, forkserver and spawn pools
    EXPECT_EQ(python_measures(Suite::memory), (std::vector<std::string>{"idle_threads", "idle_processes", "idle_coroutines"}));
    EXPECT_EQ(python_measures(Suite::ipc), (std::vector<std::string>{"queue_round_trip", "pipe_round_trip"}));
    EXPECT_TRUE(python_measures(Suite::scaling).empty());
    EXPECT_TRUE(python_measures(Suite::latency).empty());
}

TEST(PythonLab, LinesParseAndBadOnesSayWhy) {
    const auto hello = parse_python_lab_line(R"({"event": "hello", "python": "3.11.2", "gil": true, "start_method": "fork"})");
    ASSERT_TRUE(std::holds_alternative<PythonLabHello>(hello));
    EXPECT_EQ(std::get<PythonLabHello>(hello).start_method, "fork");
    const auto r = parse_python_lab_line(result("thread_start", "µs", {1, 2, 3}));
    ASSERT_TRUE(std::holds_alternative<PythonLabResult>(r));
    EXPECT_EQ(std::get<PythonLabResult>(r).samples, (std::vector<double>{1, 2, 3}));
    // lab.py names its method and its reasons by id: the UI words them in each language.
    const auto typed = parse_python_lab_line(
        R"({"event": "result", "measure": "pool_first_result:spawn", "unit": "µs", "samples": [1], "method": "x", "method_id": "python_pool_first_result", "method_args": ["spawn"]})");
    ASSERT_TRUE(std::holds_alternative<PythonLabResult>(typed));
    EXPECT_EQ(std::get<PythonLabResult>(typed).method, Method(MethodId::python_pool_first_result, {"spawn"}));
    EXPECT_NE(english(std::get<PythonLabResult>(typed).method).find("spawn start method"), std::string::npos);
    const auto why = parse_python_lab_line(
        R"({"event": "missing", "measure": "pool_first_result:forkserver", "why": "x", "why_id": "no_start_method", "why_args": ["forkserver"]})");
    ASSERT_TRUE(std::holds_alternative<PythonLabMissing>(why));
    EXPECT_EQ(english(std::get<PythonLabMissing>(why).why), "the start method forkserver is not available here");
    EXPECT_TRUE(std::holds_alternative<PythonLabBadLine>(parse_python_lab_line("not json")));
    EXPECT_TRUE(std::holds_alternative<PythonLabBadLine>(parse_python_lab_line(result("thread_start", "µs", {}))));
    EXPECT_TRUE(std::holds_alternative<PythonLabBadLine>(parse_python_lab_line(R"({"event": "result", "measure": "x"})")));
}

TEST(PythonLab, TheJobHandsEachMeasuresLineToItsFuture) {
    const auto job = python_lab_job(3);
    EXPECT_EQ(job.script, "lab.py");
    EXPECT_EQ(job.arguments, (std::vector<std::string>{"--stdin", "--repeats", "3"}));
    const std::string line = result("thread_start", "µs", {1});
    const auto event = job.read_line(line);
    ASSERT_TRUE(std::holds_alternative<conclab::exec::ScriptResult>(event));
    EXPECT_EQ(std::get<conclab::exec::ScriptResult>(event).value, line);
    const auto started = job.read_line(R"({"event": "hello", "python": "3.11.2", "gil": true, "start_method": "spawn"})");
    ASSERT_TRUE(std::holds_alternative<conclab::exec::ScriptStarted>(started));
    EXPECT_EQ(std::get<conclab::exec::ScriptStarted>(started).start_method, "spawn");
    EXPECT_TRUE(std::holds_alternative<conclab::exec::ScriptBadLine>(job.read_line("{}")));
}

TEST(PythonLab, FiguresSitBesideCppsOnTheSameMeasure) {
    const LabReport report = report_with_python();
    const Measure* start = report.find(Suite::startup)->find(MeasureKey{MeasureId::start_one});
    ASSERT_NE(start, nullptr);
    EXPECT_DOUBLE_EQ(start->at(Column::threads)->value, 10);   // C++'s untouched
    EXPECT_DOUBLE_EQ(start->at(Column::cpython_threads)->value, 60);
    EXPECT_EQ(start->at(Column::cpython_threads)->spread_kind, kSpreadQuartiles);
    EXPECT_DOUBLE_EQ(start->at(Column::cpython_processes)->value, 16000);
    EXPECT_DOUBLE_EQ(start->at(Column::cpython_coroutines)->value, 5);
    const Measure* fork = report.find(Suite::startup)->find(MeasureKey{MeasureId::pool_first_result, 0, 0, false, IpcPair::atomics_pipe, StartMethod::fork});
    ASSERT_NE(fork, nullptr);
    EXPECT_EQ(fork->name, "pool worker: start to first result (fork)");
    EXPECT_DOUBLE_EQ(fork->at(Column::cpython_processes)->value, 2100);
    const Measure* forkserver = report.find(Suite::startup)->find(
        MeasureKey{MeasureId::pool_first_result, 0, 0, false, IpcPair::atomics_pipe, StartMethod::forkserver});
    ASSERT_NE(forkserver, nullptr);
    EXPECT_EQ(forkserver->missing.at(Column::cpython_processes), "the start method forkserver is not available here");
}

TEST(PythonLab, TheJsonKeepsTheCpythonCellsAndTheStartMethodAndReadsThemBack) {
    const auto doc = to_json(report_with_python());
    bool pool = false;
    for (const auto& m : doc["startup"]["measures"]) {
        if (m["id"] == "start_one") {
            EXPECT_DOUBLE_EQ(m["cells"]["cpython_processes"]["value"].get<double>(), 16000);
        }
        if (m["id"] == "pool_first_result" && m["start_method"] == "fork") pool = true;
    }
    EXPECT_TRUE(pool);
    const LabReport back = report_from_json(doc);
    const Measure* fork = back.find(Suite::startup)->find(MeasureKey{MeasureId::pool_first_result, 0, 0, false, IpcPair::atomics_pipe, StartMethod::fork});
    ASSERT_NE(fork, nullptr);
    EXPECT_DOUBLE_EQ(fork->at(Column::cpython_processes)->value, 2100);
    EXPECT_EQ(key_from_name("pool worker: start to first result (spawn)")->start_method, StartMethod::spawn);
}

TEST(PythonLab, TheTableFillsTheCpythonCellsInTheRowsUnitWithTheirSpread) {
    const LabReport report = report_with_python();   // the cells' figures point into it
    const LabTable t = lab_table(report, 2);
    EXPECT_TRUE(t.cpython);
    const TableRow& startup = *t.find(TableRowId::startup);
    EXPECT_EQ(startup.unit, TableUnit::us);
    EXPECT_DOUBLE_EQ(*startup.at(TableColumn::cpython).value, 60);
    EXPECT_DOUBLE_EQ(*startup.at(TableColumn::cpython).low, 50);    // p25–p75 of five samples
    EXPECT_DOUBLE_EQ(*startup.at(TableColumn::cpython).high, 70);
    EXPECT_DOUBLE_EQ(*startup.at(TableColumn::cpython_processes).value, 16000);
    EXPECT_EQ(startup.at(TableColumn::cpython_processes).figure->method, "interpreter_start how");
    EXPECT_DOUBLE_EQ(*startup.at(TableColumn::cpython_coroutines).value, 5);
    const TableRow& memory = *t.find(TableRowId::memory_resident);
    EXPECT_DOUBLE_EQ(*memory.at(TableColumn::cpython).value, 12);
    EXPECT_EQ(memory.unit, TableUnit::kib);
    EXPECT_EQ(memory.at(TableColumn::cpython_processes).why, CellWhy::missing);
    EXPECT_EQ(memory.at(TableColumn::cpython_processes).missing, "no /proc here");
    EXPECT_EQ(memory.at(TableColumn::cpython_coroutines).why, CellWhy::not_measured);   // asked, no line: not blank
    const TableRow& trip = *t.find(TableRowId::round_trip);
    EXPECT_DOUBLE_EQ(*trip.at(TableColumn::cpython).value, 9);
    EXPECT_DOUBLE_EQ(*trip.at(TableColumn::cpython_processes).value, 7);
    EXPECT_EQ(trip.at(TableColumn::cpython_coroutines).why, CellWhy::function_call);
    // The CPU rows are primes --runtime python's; the suites that did not run say so.
    EXPECT_EQ(t.find(TableRowId::cpu_gil)->at(TableColumn::cpython).why, CellWhy::not_run);
    EXPECT_EQ(t.find(TableRowId::switches)->at(TableColumn::cpython_processes).why, CellWhy::not_run);
}

TEST(PythonLab, WithoutCpythonEveryCpythonCellSaysNoRuntime) {
    LabReport report = report_with_python();
    for (auto& s : report.sections)
        for (auto& m : s.measures) {
            for (Column c : {Column::cpython_threads, Column::cpython_processes, Column::cpython_coroutines}) {
                m.figures.erase(c);
                m.missing.erase(c);
            }
        }
    const LabTable t = lab_table(report, 2);
    EXPECT_FALSE(t.cpython);
    for (const auto& r : t.rows)
        for (TableColumn c : kCpythonColumns) EXPECT_EQ(r.at(c).why, CellWhy::no_runtime);
}

namespace {

// lab.py as the runner sees it: the first measure answers at once, the second never does until cancelled.
struct StuckScript final : conclab::exec::Executor {
    std::vector<conclab::exec::Future> futures;
    std::vector<std::string> arguments;
    std::atomic<bool>& cancelled;   // the test's: the runner destroys its executor before it returns
    std::atomic<bool> first_done{false};

    explicit StuckScript(std::atomic<bool>& cancelled_flag) : cancelled(cancelled_flag) {}

    conclab::exec::ExecutorKind kind() const override { return conclab::exec::ExecutorKind::processes; }
    int workers() const override { return 1; }
    conclab::exec::Future submit(conclab::exec::Task task) override {
        arguments.push_back(task.argument);
        futures.emplace_back(conclab::exec::make_future_state(futures.size()));
        return futures.back();
    }
    void end_of_submissions() override {
        futures[0].set_running("main", 0);
        futures[0].set_result(result(arguments[0], "µs", {1, 2, 3}), 0);
        first_done = true;
    }
    void cancel_all() override {
        cancelled = true;
        for (auto& f : futures)
            if (!f.done()) f.cancel();
    }
    void shutdown(bool, bool cancel_futures) override {
        if (cancel_futures) cancel_all();
    }
};

}  // namespace

TEST(PythonLab, TheRunnerGivesEachMeasuresLineAndStopsTheScriptOnCancel) {
    std::atomic<StuckScript*> script{nullptr};
    std::atomic<bool> cancelled{false};
    const PythonLabRunner runner = script_lab_runner([&](conclab::exec::ScriptJob job) {
        EXPECT_EQ(job.script, "lab.py");
        auto s = std::make_unique<StuckScript>(cancelled);
        script = s.get();
        return std::unique_ptr<conclab::exec::Executor>(std::move(s));
    });
    std::atomic<bool> cancel{false};
    std::vector<std::string> lines;
    std::thread run([&] { lines = runner({"thread_start", "interpreter_start"}, 2, cancel); });
    // Once the first measure has answered, the runner can only be waiting on the second.
    while (!script.load() || !script.load()->first_done) std::this_thread::yield();
    cancel = true;
    run.join();
    EXPECT_TRUE(cancelled);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<PythonLabResult>(parse_python_lab_line(lines[0])));
    const auto second = parse_python_lab_line(lines[1]);
    ASSERT_TRUE(std::holds_alternative<PythonLabMissing>(second)) << lines[1];
    EXPECT_EQ(std::get<PythonLabMissing>(second).measure, "interpreter_start");
}
