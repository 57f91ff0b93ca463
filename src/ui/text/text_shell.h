// The app shell's words (title, demo menu, language), in English and Portuguese.
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class ShellText {
    app_title,
    demos,
    language,
    about_line,
    count_,
};

/// @brief The text in the current language.
const char* tr(ShellText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(ShellText key, Language language);

}  // namespace conclab::ui
