// Numbers in UI text, one way everywhere (issue 19 §4): a decimal comma in Portuguese, a point in English, and the
// talk's `_` between thousands of big integers in both (the talk prints `19_955_565`). JSON, CSV and the CLI keep
// C's "." (core formats those); only text a person reads on a panel goes through here.
#pragma once

#include "language.h"

#include <cstdint>
#include <string>

namespace conclab::ui {

/// @brief printf for a panel's text in `language`: each %f %F %e %E %g %G conversion gets the language's decimal mark;
/// the `'` flag on an integer (%'d, %'llu, %'zu …) groups its digits with `_` ("%'llu" → "18_014_398_509_481_951"),
/// width and '-' applied after grouping. Everything else is printf's.
std::string text_format(Language language, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/// @brief As above, in the current language.
std::string text_format(const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/// @brief "0,5" / "0.5": `value` with `decimals` places and the language's decimal mark.
std::string decimal(double value, int decimals, Language language);
std::string decimal(double value, int decimals);

/// @brief "18_014_398_509_481_951": the talk's grouping, the same in both languages.
std::string grouped(std::int64_t value);
std::string grouped_unsigned(std::uint64_t value);

/// @brief The language's decimal mark put into figures already printed in C's form ("0.5 s" → "0,5 s" in PT): only a
/// '.' between two digits changes ("a.jpg" stays). For core's figures; not for text holding a version ("3.13t").
std::string localized(std::string text, Language language);

}  // namespace conclab::ui
