// Numbers in UI text, one way everywhere (issue 19 §4): a decimal comma in Portuguese, a point in English, and the
// talk's `_` between thousands of big integers in both (the talk prints `19_955_565`). JSON, CSV and the CLI keep
// C's "." (core formats those); only text a person reads on a panel goes through here.
#pragma once

#include "ui/text/language.h"

#include <cstdarg>
#include <cstdint>
#include <string>

#if defined(__GNUC__)
#define CONCLAB_TEXT_FORMAT(f, a) __attribute__((format(printf, f, a)))
#else
#define CONCLAB_TEXT_FORMAT(f, a)
#endif

namespace conclab::ui {

/// @brief printf for a panel's text in `language`: each %f %F %e %E %g %G conversion gets the language's decimal mark;
/// everything else is printf's. Big integers go in as grouped(n) through %s (printf's own `'` flag is not ISO C++,
/// and -Wpedantic says so at every call).
std::string text_format(Language language, const char* fmt, ...) CONCLAB_TEXT_FORMAT(2, 3);
/// @brief As above, in the current language.
std::string text_format(const char* fmt, ...) CONCLAB_TEXT_FORMAT(1, 2);
/// @brief As text_format, for a panel's own printf-like helper.
std::string text_vformat(Language language, const char* fmt, std::va_list args);

/// @brief "0,5" / "0.5": `value` with `decimals` places and the language's decimal mark.
std::string decimal(double value, int decimals, Language language);
std::string decimal(double value, int decimals);

/// @brief "18_014_398_509_481_951": the talk's grouping, the same in both languages.
std::string grouped(std::int64_t value);
std::string grouped_unsigned(std::uint64_t value);

/// @brief A duration as the runs show it ("1.05 s", "340 ms": core's base::format_duration) with the language's mark.
std::string seconds_text(double seconds);

/// @brief The language's decimal mark put into figures already printed in C's form ("0.5 s" → "0,5 s" in PT): only a
/// '.' between two digits changes ("a.jpg" stays). For core's figures; not for text holding a version ("3.13t").
std::string localized(std::string text, Language language);

}  // namespace conclab::ui
