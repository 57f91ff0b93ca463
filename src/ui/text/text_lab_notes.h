// The lab's notes (core's lab::Note: an id and its arguments) in the app's language, from text_lab_words' rows; the
// English is core's english() (the JSON's "notes"), checked by ui_text_tests.
#pragma once

#include "ui/text/language.h"

#include "core/lab/lab_report.h"

#include <string>

namespace conclab::ui {

/// @brief `note` in `language`. Arguments the platform wrote as sentences in a JSON from before ids stay as written.
std::string note_words(const lab::Note& note, Language language);
/// @brief The clock's source ("nominal", "browser", …) in `language`; any other text as it is.
std::string clock_words(const std::string& source, Language language);

}  // namespace conclab::ui
