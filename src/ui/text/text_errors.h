// A bad option's message in the page's language, from core's typed FieldError (core/base/options.h): the CLI
// words the same errors in English with options::english(), naming the flag; here the field's label is beside it.
#pragma once

#include "ui/text/language.h"

#include "core/base/options.h"

#include <string>

namespace conclab::ui {

/// @brief The error's template in `language`: "{0} está fora do intervalo: use de {1} a {2}".
const char* error_template(options::ErrorKind kind, Language language);

/// @brief The message for a field, in the current language: "0 está fora do intervalo: use de 1 a 64".
std::string error_text(const options::FieldError& error);
std::string error_text(const options::FieldError& error, Language language);

}  // namespace conclab::ui
