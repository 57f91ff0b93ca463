// A table of text that folds the columns that do not fit (ImGui): the lab's tables (the latency ladder, the top
// processes), written for any panel whose table may be wider than a phone.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace conclab::ui {

struct TextTable {
    std::vector<std::string> header;              ///< in the page's language
    std::vector<std::vector<std::string>> rows;   ///< in the page's language
};

/// @brief Draws `table` at its natural widths. Where they do not all fit, the columns that fit whole are kept in
/// the order of `importance` (by default left to right; the first column always), the others are named below in
/// `folded_note` (a printf format with one %s: the folded columns' titles) and shown whole in a row's tooltip;
/// where not even two fit, one card per row (widgets/measure_card.h).
void folding_table(const char* id, const TextTable& table, const char* folded_note, std::vector<std::size_t> importance = {});

}  // namespace conclab::ui
