// The lab's words from core: measure names from their keys (measure_words); methods, notes, reasons a cell is empty, table titles and headers) in the
// app's language. Core stays free of UI and speaks English; its sentences are the ids. Each LabWordText key is a
// template whose English form is core's sentence with {} where core puts a number, a size or a path (kept as it
// is) and {t} where it puts a phrase of its own (translated again); its Portuguese form has the same
// placeholders in the same order. A sentence no template matches is shown in core's English.
#pragma once

#include "core/lab/lab_report.h"
#include "ui/text/language.h"

#include <optional>
#include <string>

namespace conclab::ui {

/// @brief `english` (core's text) in `language`; unchanged when no template matches.
std::string lab_words(const std::string& english, Language language);
/// @brief lab_words in the current language, cached (panels call it for every cell of every frame).
std::string lab_words(const std::string& english);
/// @brief A measure's name in `language`, from its key: core's english_name() in English, text_lab_measures'
/// table in Portuguese. A measure with no key (a JSON from a newer build) shows its name through lab_words.
std::string measure_words(const lab::Measure& m, Language language);
/// @brief measure_words in the current language.
std::string measure_words(const lab::Measure& m);
/// @brief True when some template matches `english` (tests: every sentence the lab writes has one).
bool lab_words_known(const std::string& english);

}  // namespace conclab::ui
