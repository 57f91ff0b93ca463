// The lab's notes (core's lab::Note: an id and its arguments) in the app's language: English is core's english(),
// Portuguese is worded here from the same ids. The platform's own sentences among the arguments (the clock's
// source, why there is no `ulimit -s`) still go through the lab's words (panels/lab/lab_words).
#pragma once

#include "ui/text/language.h"

#include "core/lab/lab_report.h"

#include <functional>
#include <string>

namespace conclab::ui {

/// @brief `note` in `language`; `platform_words` words a sentence of the platform's in that language.
std::string note_words(const lab::Note& note, Language language, const std::function<std::string(const std::string&)>& platform_words);

}  // namespace conclab::ui
