// One formatter for the numbers in panel text (numbers.h): printf's conversions one at a time, so that only the
// floating ones get the language's decimal mark.
#include "ui/text/numbers.h"

#include "core/base/duration.h"

#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <cstring>

namespace conclab::ui {
namespace {

std::string printf_one(const char* spec, ...) {  // not a reference: va_start on one is undefined
    va_list ap;
    va_start(ap, spec);
    va_list again;
    va_copy(again, ap);
    char small[64];
    const int n = std::vsnprintf(small, sizeof small, spec, ap);
    va_end(ap);
    std::string out;
    if (n < 0) out.clear();
    else if (static_cast<std::size_t>(n) < sizeof small) out.assign(small, static_cast<std::size_t>(n));
    else {
        out.resize(static_cast<std::size_t>(n) + 1);
        std::vsnprintf(out.data(), out.size(), spec, again);
        out.resize(static_cast<std::size_t>(n));
    }
    va_end(again);
    return out;
}

std::string group_digits(std::string digits) {
    std::size_t first = 0;
    while (first < digits.size() && (digits[first] < '0' || digits[first] > '9')) ++first;  // the sign
    std::string out = digits.substr(0, first);
    const std::size_t n = digits.size() - first;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += '_';
        out += digits[first + i];
    }
    return out;
}

std::string vformat(Language language, const char* fmt, va_list ap) {
    std::string out;
    for (const char* p = fmt; *p;) {
        if (*p != '%') {
            out += *p++;
            continue;
        }
        ++p;
        if (*p == '%') {
            out += '%';
            ++p;
            continue;
        }
        std::string spec = "%";
        for (; *p && std::strchr("-+ #0", *p); ++p) spec += *p;
        if (*p == '*') {
            spec += std::to_string(va_arg(ap, int));
            ++p;
        } else
            for (; *p >= '0' && *p <= '9'; ++p) spec += *p;
        std::string precision;
        if (*p == '.') {
            precision = ".";
            ++p;
            if (*p == '*') {
                precision += std::to_string(va_arg(ap, int));
                ++p;
            } else
                for (; *p >= '0' && *p <= '9'; ++p) precision += *p;
        }
        std::string length;
        while (*p && std::strchr("hlzjtL", *p)) length += *p++;
        const char c = *p;
        if (c == '\0') break;
        ++p;
        const std::string used = spec + precision + length + c;
        std::string piece;
        switch (c) {
        case 'd':
        case 'i':
            if (length == "ll") piece = printf_one(used.c_str(), va_arg(ap, long long));
            else if (length == "l") piece = printf_one(used.c_str(), va_arg(ap, long));
            else if (length == "z" || length == "t") piece = printf_one(used.c_str(), va_arg(ap, std::ptrdiff_t));
            else if (length == "j") piece = printf_one(used.c_str(), va_arg(ap, std::intmax_t));
            else piece = printf_one(used.c_str(), va_arg(ap, int));
            break;
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            if (length == "ll") piece = printf_one(used.c_str(), va_arg(ap, unsigned long long));
            else if (length == "l") piece = printf_one(used.c_str(), va_arg(ap, unsigned long));
            else if (length == "z" || length == "t") piece = printf_one(used.c_str(), va_arg(ap, std::size_t));
            else if (length == "j") piece = printf_one(used.c_str(), va_arg(ap, std::uintmax_t));
            else piece = printf_one(used.c_str(), va_arg(ap, unsigned));
            break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
            piece = length == "L" ? printf_one(used.c_str(), va_arg(ap, long double))
                                  : printf_one(used.c_str(), va_arg(ap, double));
            if (language == Language::pt && c != 'a' && c != 'A')
                for (char& ch : piece)
                    if (ch == '.') ch = ',';
            break;
        case 'c': piece = printf_one(used.c_str(), va_arg(ap, int)); break;
        case 's': piece = printf_one(used.c_str(), va_arg(ap, const char*)); break;
        case 'p': piece = printf_one(used.c_str(), va_arg(ap, void*)); break;
        default: piece = std::string("%") + c; break;  // %n and unknown conversions: printed, never written through
        }
        out += piece;
    }
    return out;
}

}  // namespace

std::string text_vformat(Language language, const char* fmt, std::va_list args) {
    va_list copy;
    va_copy(copy, args);
    std::string out = vformat(language, fmt, copy);
    va_end(copy);
    return out;
}

std::string text_format(Language language, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    std::string out = vformat(language, fmt, ap);
    va_end(ap);
    return out;
}

std::string text_format(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    std::string out = vformat(language(), fmt, ap);
    va_end(ap);
    return out;
}

std::string decimal(double value, int decimals, Language language) {
    return text_format(language, "%.*f", decimals, value);
}
std::string decimal(double value, int decimals) { return decimal(value, decimals, language()); }

std::string grouped(std::int64_t value) { return group_digits(std::to_string(value)); }
std::string grouped_unsigned(std::uint64_t value) { return group_digits(std::to_string(value)); }

std::string seconds_text(double seconds) { return localized(base::format_duration(seconds), language()); }

std::string localized(std::string text, Language language) {
    if (language != Language::pt) return text;
    for (std::size_t i = 1; i + 1 < text.size(); ++i)
        if (text[i] == '.' && text[i - 1] >= '0' && text[i - 1] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9')
            text[i] = ',';
    return text;
}

}  // namespace conclab::ui
