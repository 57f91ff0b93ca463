// The primes panel with the machine's CPython as its runtime (issue 21), without a window: a launch link chooses it,
// the run's JSON names the interpreter and its GIL, and the history labels CPython rows beside the C++ ones, each
// runtime's speedup against its own sequential run on the same sample.
#include "ui/demo_panel.h"
#include "within.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
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
