// The primes panel with the machine's CPython as its runtime (issue 21), without a window: a launch link chooses it,
// the run's JSON names the interpreter and its GIL, and the history labels CPython rows beside the C++ ones, each
// runtime's speedup against its own sequential run on the same sample; "Export history as trace" lays both runtimes'
// runs side by side, a process each.
#include "ui/demo_panel.h"
#include "ui/panels/primes/primes_panel.h"
#include "trace_check.h"
#include "within.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

namespace ui = conclab::ui;
using conclab::options::FieldErrors;
using conclab::options::Params;

namespace {

nlohmann::json run_to_the_end(ui::DemoPanel& panel, const Params& params) {
    FieldErrors errors;
    panel.apply(params, errors);
    EXPECT_TRUE(errors.empty());
    panel.autorun();
    conclab::test::Armed deadline(conclab::test::kDeadline, "the primes panel's run");
    for (;;) {
        panel.update();
        if (auto result = panel.take_finished_result()) return *result;
        EXPECT_FALSE(panel.state().contains("errors")) << panel.state().dump();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

}  // namespace

TEST(PrimesPanelRuntime, CPythonRowsBesideCppRows) {
    auto panel = ui::make_primes_panel();
    const Params sample{{"numbers", "15 49 91 1000003"}, {"workers", "2"}};
    auto with = [&](Params extra) {
        extra.insert(sample.begin(), sample.end());
        return extra;
    };
    const auto cpp = run_to_the_end(*panel, with({{"executor", "threads"}}));
    EXPECT_EQ(cpp["runtime"]["name"], "C++");
    const auto py = run_to_the_end(*panel, with({{"executor", "threads"}, {"runtime", "python"}}));
    EXPECT_EQ(py["runtime"]["name"], "CPython") << py["runtime"];
    EXPECT_EQ(py["runtime"]["gil"], true);
    EXPECT_EQ(py["results"].size(), 4u);
    run_to_the_end(*panel, with({{"executor", "sequential"}, {"runtime", "python"}}));

    const auto state = panel->state();
    EXPECT_EQ(state["runtime"], "python");
    EXPECT_EQ(state["runtime_available"], true);
    const auto& labels = state["history_labels"];
    ASSERT_EQ(labels.size(), 3u) << labels;
    EXPECT_EQ(labels[0], "threads, no GIL (C++) \u00d72");
    const std::string version = py["runtime"]["version"];
    const std::string minor = version.substr(0, version.find('.', 2));
    EXPECT_EQ(labels[1], "CPython " + minor + " threads \u00d72");
    EXPECT_EQ(labels[2], "CPython " + minor + " sequential \u00d71");
}

TEST(PrimesPanelRuntime, NoInterpreterIsSaidBesideTheRuntime) {
    auto panel = ui::make_primes_panel();
    FieldErrors errors;
    panel->apply({{"executor", "threads"}, {"runtime", "python"}, {"python", "/nonexistent/python3"}, {"numbers", "15"}}, errors);
    ASSERT_TRUE(errors.empty());
    panel->autorun();
    const auto state = panel->state();
    ASSERT_TRUE(state.contains("errors")) << state.dump();
    EXPECT_NE(state["errors"]["runtime"].get<std::string>().find("/nonexistent/python3"), std::string::npos) << state["errors"];
    EXPECT_FALSE(state.contains("run"));
}

// Compare all with CPython chosen as the runtime: its sequential, threads and processes rows after the C++ ones on the
// same sample; with C++ chosen, the C++ rows only.
TEST(PrimesPanelRuntime, CompareAllAddsCPythonRowsWhenItIsTheRuntime) {
    setenv("CONCLAB_WORKER_EXE", CONCLAB_EXE, 0);   // this test program is no conclab: its C++ processes run conclab's
    auto panel = ui::make_primes_panel();
    const auto with = run_to_the_end(
        *panel, {{"compare", "1"}, {"runtime", "python"}, {"numbers", "91 1000003"}, {"workers", "2"}, {"repeats", "1"}});
    EXPECT_EQ(with["python"]["name"], "CPython") << with.dump();
    ASSERT_EQ(with["summary"].size(), 7u) << with.value("error", "") << with["summary"];
    EXPECT_EQ(with["summary"][1]["executor"], "gil");
    EXPECT_EQ(with["summary"][5]["runtime"], "python");
    EXPECT_EQ(with["summary"][5]["executor"], "threads");
    for (std::size_t i = 4; i < 7; ++i) EXPECT_EQ(with["runs"][i]["runtime"]["name"], "CPython") << i;

    auto cpp_panel = ui::make_primes_panel();
    const auto without = run_to_the_end(*cpp_panel, {{"compare", "1"}, {"numbers", "91"}, {"workers", "2"}, {"repeats", "1"}});
    EXPECT_FALSE(without.contains("python"));
    EXPECT_EQ(without["summary"].size(), 4u);
}

// The history's trace: a C++ run and a CPython run of the same numbers, each a process with its workers' tracks and a
// slice per check, its metadata naming each run's runtime.
TEST(PrimesPanelRuntime, HistoryTracePutsCppAndCPythonRunsSideBySide) {
    auto owned = ui::make_primes_panel();
    auto* panel = dynamic_cast<ui::primes_panel::PrimesPanel*>(owned.get());
    ASSERT_NE(panel, nullptr);
    const Params cpp{{"numbers", "15 49 91 1000003"}, {"workers", "2"}, {"executor", "threads"}};
    Params python = cpp;
    python["runtime"] = "python";
    const auto cpp_doc = run_to_the_end(*panel, cpp);
    const auto py_doc = run_to_the_end(*panel, python);

    const auto check = conclab::test::check_trace(panel->history_trace());
    ASSERT_TRUE(check.ok()) << check.report();
    EXPECT_EQ(check.other_data["demo"], "primes");
    EXPECT_EQ(check.other_data["clock"], "wall");
    ASSERT_EQ(check.processes.size(), 2u);
    const int cpp_pid = check.pid_of("#1 threads x2");
    const std::string version = py_doc["runtime"]["version"];
    const int py_pid = check.pid_of("#2 CPython " + version.substr(0, version.find('.', 2)) + " threads x2");
    ASSERT_NE(cpp_pid, 0) << check.other_data.dump();
    ASSERT_NE(py_pid, 0) << check.other_data.dump();
    EXPECT_EQ(check.slices_of("task", cpp_pid).size(), cpp_doc["results"].size());
    EXPECT_EQ(check.slices_of("task", py_pid).size(), py_doc["results"].size());
    for (const auto& [doc, pid] : {std::pair{&cpp_doc, cpp_pid}, std::pair{&py_doc, py_pid}}) {
        std::set<std::string> workers, tracks;
        for (const auto& r : (*doc)["results"]) workers.insert(r["worker"].get<std::string>());
        for (const auto& [worker, us] : check.busy_us_by_track("task", pid)) tracks.insert(worker);
        EXPECT_EQ(tracks, workers) << "a track per worker of run " << pid;
    }
    ASSERT_EQ(check.other_data["runs"].size(), 2u);
    EXPECT_EQ(check.other_data["runs"][0]["runtime"]["name"], "C++");
    EXPECT_EQ(check.other_data["runs"][1]["runtime"]["name"], "CPython");
    EXPECT_EQ(check.other_data["runs"][1]["runtime"], py_doc["runtime"]);
}
