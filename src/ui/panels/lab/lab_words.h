// The lab's typed data worded in the app's language: measure names from their keys, methods and reasons from their ids
// (ui/text/text_lab_methods), the latency ladder and the top processes from their tables' ids and the data beside
// them. Nothing here reads an English sentence: a JSON exported before ids shows what it holds as it was written.
#pragma once

#include "core/lab/lab_report.h"
#include "ui/text/language.h"
#include "ui/widgets/folding_table.h"

#include <string>

namespace conclab::ui {

/// @brief A measure's name in `language`, from its key: core's english_name() in English, text_lab_measures'
/// table in Portuguese. A measure with no key (a JSON from a newer build) shows its name as written.
std::string measure_words(const lab::Measure& m, Language language);
/// @brief measure_words in the current language.
std::string measure_words(const lab::Measure& m);
/// @brief How a figure was measured, in the current language.
std::string method_words(const lab::Method& method);
/// @brief Why a cell has no figure, in the current language.
std::string reason_words(const lab::Reason& reason);

/// @brief "L1", "RAM", "disco", "rede": a rung's name in `language`.
std::string rung_words(const std::string& rung, Language language);
/// @brief How a rung was measured here ("lista encadeada (pointer chasing), 16 KiB"), or "not measured".
std::string rung_source_words(const lab::RungSource& source, Language language);
/// @brief A duration as a person says it ("16 dias").
std::string duration_words(double seconds, Language language);

/// @brief A table's title in `language`: the ladder's and the top processes' from their ids, another as written.
std::string table_title(const lab::Section& section, const lab::Table& table, Language language);
/// @brief A table in `language`: the ladder from Section::ladder (where the section has it), the top processes'
/// header from its id (its rows are names and numbers); another table as written.
TextTable table_words(const lab::Section& section, const lab::Table& table, Language language);

}  // namespace conclab::ui
