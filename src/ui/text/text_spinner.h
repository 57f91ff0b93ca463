// The spinner demo's words, in English and Portuguese.
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class SpinnerText {
    menu, title, intro, lesson, seconds, run_all, form_thread, form_process, form_coroutine, form_blocked,
    note_thread, note_process, note_coroutine, note_blocked, not_run, frames, frames_in_call, longest_gap,
    frozen_now, froze, never_froze, answer, asked, process_note, concurrency_note, cpython_cli_only, count_,
};

/// @brief The text in the current language.
const char* tr(SpinnerText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(SpinnerText key, Language language);

}  // namespace conclab::ui
