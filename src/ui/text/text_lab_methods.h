// How each lab figure was measured (lab::Method) and why a cell has none (lab::Reason), worded from their ids in
// English and Portuguese. The English rows are core's english() (the JSON's and the CLI's), checked by ui_text_tests.
#pragma once

#include "core/lab/method.h"
#include "ui/text/language.h"

#include <string>

namespace conclab::ui {

/// @brief The method's sentences in `language` (a method as written, from an old JSON, as it was written).
std::string method_words(const lab::Method& method, Language language);
/// @brief The reason in `language` (the platform's own error text as it is).
std::string reason_words(const lab::Reason& reason, Language language);
/// @brief A file system as the disk figures name it ("tmpfs" → "tmpfs: memória, não um disco").
std::string filesystem_words(const std::string& filesystem, Language language);

/// @brief The template of `id` ({N}: its argument N), for the tests.
const char* method_template(lab::MethodId id, Language language);
const char* reason_template(lab::ReasonId id, Language language);

}  // namespace conclab::ui
