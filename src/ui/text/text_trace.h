// The words of the "Export trace" button beside each timeline, in English and Portuguese.
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class TraceText {
    export_trace, saved, how_to_open, nothing_yet, export_history, history_how_to_open, count_,
};

/// @brief The text in the current language.
const char* tr(TraceText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(TraceText key, Language language);

}  // namespace conclab::ui
