// Issue 19 §2: no "left out for lack of width" beside empty space. A table folds a column only when its cells do not
// fit (widgets/folding_table.h: columns_that_fit, from the widths the cells ask), so a desktop keeps every column and
// says nothing, and a phone folds the least important first. Checked with an ImGui context (its cell padding).
#include "ui/widgets/folding_table.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <vector>

namespace {

using conclab::ui::columns_that_fit;
using conclab::ui::FoldingColumn;

class FoldingColumns : public ::testing::Test {
protected:
    void SetUp() override { ImGui::CreateContext(); }
    void TearDown() override { ImGui::DestroyContext(); }
};

TEST_F(FoldingColumns, ATableThatFitsKeepsEveryColumnAndOneThatDoesNotFoldsTheLeastImportant) {
    // The lab's latency ladder at its natural widths: rung, classic cycles, classic time, measured, cycles here, time
    // here, measured as.
    const std::vector<FoldingColumn> ladder = {{"rung", 40}, {"c", 90}, {"t", 80}, {"m", 70}, {"ch", 90}, {"th", 80}, {"as", 260}};
    float needed = 0;
    for (const auto& c : ladder) needed += c.width + ImGui::GetStyle().CellPadding.x * 2 + 1;
    EXPECT_EQ(columns_that_fit(ladder, needed, {}), std::vector<bool>(ladder.size(), true)) << "room for all: none folded";
    EXPECT_EQ(columns_that_fit(ladder, 1200, {}), std::vector<bool>(ladder.size(), true));
    const std::vector<bool> phone = columns_that_fit(ladder, needed - 100, {0, 3, 6, 1, 4, 2, 5});
    EXPECT_TRUE(phone[0]) << "the first column stays";
    EXPECT_TRUE(phone[3] && phone[6]) << "the most important next";
    EXPECT_FALSE(phone[5]) << "the least important folds first";
}

}  // namespace
