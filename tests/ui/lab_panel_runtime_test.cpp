// The lab panel with the machine's CPython beside C++ (issue 21), without a window: a launch link chooses it, the run
// puts lab.py's figures in the cpython_* cells and the state says which runtime ran.
#include "ui/demo_panel.h"
#include "within.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace ui = conclab::ui;
using conclab::options::FieldErrors;
using conclab::options::Params;

TEST(LabPanelRuntime, CPythonCellsBesideCppsWhenTheLinkAsksForPython) {
    auto panel = ui::make_lab_panel();
    FieldErrors errors;
    panel->apply({{"suite", "startup"}, {"quick", "1"}, {"runtime", "python"}}, errors);
    ASSERT_TRUE(errors.empty());
    EXPECT_EQ(panel->state()["runtime"], "python");
    EXPECT_EQ(panel->state()["runtime_available"], true);
    panel->autorun();
    conclab::test::Armed deadline(conclab::test::kDeadline, "the lab panel's run");
    nlohmann::json result;
    for (;;) {
        panel->update();
        if (auto r = panel->take_finished_result()) {
            result = *r;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    EXPECT_FALSE(panel->state().contains("errors")) << panel->state().dump();
    bool found = false;
    for (const auto& m : result["startup"]["measures"])
        if (m["id"] == "start_one") {
            found = true;
            for (const char* column : {"threads", "cpython_threads", "cpython_processes", "cpython_coroutines"})
                EXPECT_GT(m["cells"][column].value("value", 0.0), 0.0) << column << ": " << m["cells"];
        }
    EXPECT_TRUE(found) << result;
}
