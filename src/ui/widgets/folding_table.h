// A table that folds the columns that do not fit (ImGui), solved once for every panel: which columns fit
// (columns_that_fit), a table of any cells that keeps those (folding_table with a cell callback: the wikipics runs
// history), and a table of text on top of it (the lab's latency ladder and top processes).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace conclab::ui {

/// @brief A column: its title, the width its widest cell needs, whether it is kept whatever the width (`always`) and
/// whether it takes the room left (`stretch`, at least `width`).
struct FoldingColumn {
    std::string title;
    float width = 0;
    bool always = false;
    bool stretch = false;
};

/// @brief Which columns fit whole in `avail` (cell padding counted): the first and every `always` one, then the others
/// in the order of `importance` (by default left to right) while they fit.
std::vector<bool> columns_that_fit(const std::vector<FoldingColumn>& columns, float avail, const std::vector<std::size_t>& importance = {});

/// @brief Draws `rows` rows of the columns that fit, each cell by draw_cell(row, column); hovering (touching) a row's
/// first cell shows its folded cells in a tooltip, and the folded columns are named below in `folded_note` (a printf
/// format with one %s; nullptr: no note). Where not even two columns fit, one card per row (widgets/measure_card.h).
/// Returns the titles of the columns drawn, in table order (a panel's state reports them).
std::vector<std::string> folding_table(const char* id, const std::vector<FoldingColumn>& columns, std::size_t rows,
                                       const std::function<void(std::size_t row, std::size_t column)>& draw_cell,
                                       const char* folded_note, std::vector<std::size_t> importance = {});

struct TextTable {
    std::vector<std::string> header;              ///< in the page's language
    std::vector<std::vector<std::string>> rows;   ///< in the page's language
};

/// @brief A table of text at its natural widths, folded as above; a folded row's first cell spans the row.
void folding_table(const char* id, const TextTable& table, const char* folded_note, std::vector<std::size_t> importance = {});

}  // namespace conclab::ui
