// The welcome page's and the presenter's words (cards, keys, presentation, links), in English and Portuguese.
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class WelcomeText {
    menu, title, intro, keys_hint, open, notice,
    system_lesson, system_notice, primes_lesson, primes_notice, exhibition_lesson, exhibition_notice,
    wikipics_lesson, wikipics_notice, lab_lesson, lab_notice, spinner_lesson, spinner_notice, other_lesson,
    present, leave_present, copy_link, copy_command, copied, command_line, help_title, help_close,
    key_space, key_r, key_arrows, key_digits, key_p, key_l, key_h, key_escape, key_e,
    errors_title, not_run, export_picture, picture_saved, picture_failed, controls, count_,
};

/// @brief The text in the current language.
const char* tr(WelcomeText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(WelcomeText key, Language language);

}  // namespace conclab::ui
