// The one options parser's rules (options.h): integers, reals, choices and flags read from text with one error wording.
#include "core/base/options.h"

#include "core/base/utf8.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <iterator>

namespace conclab::options {

std::string echo(std::string_view value) {
    std::string out;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        if ((c & 0xC0) != 0x80 && ++shown > kMaxEchoedChars) {   // count characters, not UTF-8 continuation bytes
            out += "\u2026";
            return out;
        }
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else out += static_cast<char>(c);
    }
    return out;
}

std::optional<long long> parse_decimal(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (!text.empty() && text[0] == '-') {
        negative = true;
        i = 1;
    }
    if (i >= text.size()) return std::nullopt;
    if (text[i] == '0' && i + 1 < text.size()) return std::nullopt;   // "010", "0x1F", "0_1"
    unsigned long long value = 0;
    bool last_was_digit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            if (!last_was_digit || i + 1 == text.size()) return std::nullopt;
            last_was_digit = false;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
        if (value > 9'223'372'036'854'775'807ULL + (negative ? 1 : 0)) return std::nullopt;
        last_was_digit = true;
    }
    if (!last_was_digit) return std::nullopt;
    if (negative) return value == 9'223'372'036'854'775'808ULL ? INT64_MIN : -static_cast<long long>(value);
    return static_cast<long long>(value);
}

std::optional<double> parse_real(std::string_view text) {
    if (text.empty() || text.size() > 64) return std::nullopt;
    std::string copy(text);
    // A decimal comma is a decimal point in any language: core knows no page language, a link travels between EN and
    // PT pages, and '_' is the only thousands mark the app reads, so "0,5" can mean nothing else. One mark only.
    if (copy.find(',') != std::string::npos) {
        if (copy.find('.') != std::string::npos || copy.find(',') != copy.rfind(',')) return std::nullopt;
        copy[copy.find(',')] = '.';
    }
    for (char c : copy)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+')) return std::nullopt;
    if (copy[0] == '+') return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

namespace {

std::string flag_name(std::string_view name) { return "--" + std::string(name); }

std::string format_number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}

}  // namespace

namespace {

constexpr std::string_view kKindIds[] = {
    "text", "not_whole_number", "not_a_number", "out_of_range", "out_of_range_above", "not_one_of", "not_a_flag",
    "not_utf8", "unknown_option", "not_both", "too_long", "list_empty", "number_empty", "misplaced_underscore",
    "number_too_large", "not_positive_number", "number_zero", "unknown_sample", "not_server_url",
    "not_a_size", "no_panel",
};
static_assert(std::size(kKindIds) == static_cast<std::size_t>(ErrorKind::count_), "one id per ErrorKind");

}  // namespace

std::string_view to_string(ErrorKind kind) { return kKindIds[static_cast<std::size_t>(kind)]; }

namespace {
// Pieces joined in one buffer: g++ 12 warns (-Wrestrict) on "literal" + std::string.
std::string cat(std::initializer_list<std::string_view> pieces) {
    std::string out;
    for (auto piece : pieces) out += piece;
    return out;
}
}  // namespace

std::string english(const FieldError& e) {
    // A missing argument reads as "" rather than crashing on an error built by hand.
    auto arg = [&](std::size_t i) -> std::string_view { return i < e.args.size() ? e.args[i] : std::string_view(); };
    const std::string flag = flag_name(e.field);
    switch (e.kind) {
    case ErrorKind::text: return std::string(arg(0));
    case ErrorKind::not_whole_number: return cat({flag, " '", arg(0), "' is not a whole number"});
    case ErrorKind::not_a_number: return cat({flag, " '", arg(0), "' is not a number"});
    case ErrorKind::out_of_range: return cat({flag, " ", arg(0), " is out of range: use ", arg(1), " to ", arg(2)});
    case ErrorKind::out_of_range_above:
        return cat({flag, " ", arg(0), " is out of range: use more than ", arg(1), " to ", arg(2)});
    case ErrorKind::not_one_of: return cat({"unknown ", e.field, " '", arg(0), "': use ", arg(1)});
    case ErrorKind::not_a_flag: return cat({flag, " '", arg(0), "' is not 1|0|true|false"});
    case ErrorKind::not_utf8: return cat({flag, ": the value is not UTF-8 text (byte ", arg(0), " at ", arg(1), ")"});
    case ErrorKind::unknown_option: return cat({"unknown option '", arg(0), "'"});
    case ErrorKind::not_both: return cat({"give ", e.field, " or --", arg(0), ", not both"});
    case ErrorKind::too_long: return cat({"the list of ", e.field, " is ", arg(0), " characters long: the limit is ", arg(1)});
    case ErrorKind::list_empty: return cat({"the list of ", e.field, " is empty: give at least one number from 1 to 2**64-1"});
    case ErrorKind::number_empty: return "empty number";
    case ErrorKind::misplaced_underscore: return cat({"'", arg(0), "' is not a number: '_' only goes between digits"});
    case ErrorKind::number_too_large:
        return cat({"'", arg(0), "' is too large: the largest accepted is 18_446_744_073_709_551_615 (2**64-1)"});
    case ErrorKind::not_positive_number:
        return cat({"'", arg(0), "' is not a positive whole number (digits and '_' only, 1 to 2**64-1)"});
    case ErrorKind::number_zero: return cat({"'", arg(0), "' is out of range: numbers go from 1 to 2**64-1"});
    case ErrorKind::unknown_sample:
        return cat({"unknown sample '", arg(0), "': use 2**K with K from ", arg(1), " to ", arg(2), " (the talk's is 2**",
                    arg(3), ") or fluent"});
    case ErrorKind::not_server_url:
        return cat({flag, " '", arg(0),
                    "' is not 'live' or an http(s)://HOST/…/api.php URL (e.g. http://127.0.0.1:8001/w/api.php)"});
    case ErrorKind::not_a_size: return cat({flag, " ", arg(0), " is not a size: use WxH, ", arg(1), " to ", arg(2)});
    case ErrorKind::no_panel: return cat({flag, " '", arg(0), "' has no panel in this app: use ", arg(1)});
    case ErrorKind::count_: break;
    }
    return std::string(arg(0));
}

bool read_int(const Params& params, std::string_view name, long long min, long long max, long long& out,
              FieldErrors& errors) {
    auto it = params.find(std::string(name));
    if (it == params.end()) return true;
    auto value = parse_decimal(it->second);
    if (!value) {
        errors[std::string(name)] = {std::string(name), ErrorKind::not_whole_number, {echo(it->second)}};
        return false;
    }
    if (*value < min || *value > max) {
        errors[std::string(name)] = {std::string(name), ErrorKind::out_of_range,
                                     {echo(it->second), std::to_string(min), std::to_string(max)}};
        return false;
    }
    out = *value;
    return true;
}

bool read_int(const Params& params, std::string_view name, int min, int max, int& out, FieldErrors& errors) {
    long long wide = out;
    if (!read_int(params, name, static_cast<long long>(min), static_cast<long long>(max), wide, errors)) return false;
    out = static_cast<int>(wide);
    return true;
}

bool read_real(const Params& params, std::string_view name, double min, double max, double& out, FieldErrors& errors,
               bool min_exclusive) {
    auto it = params.find(std::string(name));
    if (it == params.end()) return true;
    auto value = parse_real(it->second);
    if (!value) {
        errors[std::string(name)] = {std::string(name), ErrorKind::not_a_number, {echo(it->second)}};
        return false;
    }
    if (*value < min || *value > max || (min_exclusive && *value == min)) {
        errors[std::string(name)] = {std::string(name), min_exclusive ? ErrorKind::out_of_range_above : ErrorKind::out_of_range,
                                     {echo(it->second), format_number(min), format_number(max)}};
        return false;
    }
    out = *value;
    return true;
}

std::string join_choices(std::span<const std::string_view> choices) {
    std::string out;
    for (auto c : choices) {
        if (!out.empty()) out += '|';
        out += c;
    }
    return out;
}

bool read_choice(const Params& params, std::string_view name, std::span<const std::string_view> choices,
                 std::string& out, FieldErrors& errors) {
    auto it = params.find(std::string(name));
    if (it == params.end()) return true;
    for (auto c : choices)
        if (c == it->second) {
            out = it->second;
            return true;
        }
    errors[std::string(name)] = {std::string(name), ErrorKind::not_one_of, {echo(it->second), join_choices(choices)}};
    return false;
}

bool read_flag(const Params& params, std::string_view name, bool& out, FieldErrors& errors) {
    auto it = params.find(std::string(name));
    if (it == params.end()) return true;
    if (it->second == "1" || it->second == "true" || it->second.empty()) out = true;
    else if (it->second == "0" || it->second == "false") out = false;
    else {
        errors[std::string(name)] = {std::string(name), ErrorKind::not_a_flag, {echo(it->second)}};
        return false;
    }
    return true;
}

std::string first_error(const FieldErrors& errors, std::span<const OptionSpec> specs) {
    for (const auto& spec : specs)
        if (auto it = errors.find(spec.name); it != errors.end()) return english(it->second);
    return errors.empty() ? std::string() : english(errors.begin()->second);
}

void reject_non_utf8(const Params& params, FieldErrors& errors) {
    for (const auto& [name, value] : params) {
        const std::size_t at = utf8::first_invalid(value);
        if (at == std::string::npos) continue;
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(value[at]));
        errors[name] = {utf8::repair(name), ErrorKind::not_utf8, {byte, std::to_string(at)}};
    }
}

void reject_unknown(const Params& params, std::span<const OptionSpec> specs, std::span<const std::string_view> also_allowed,
                    FieldErrors& errors) {
    for (const auto& [name, value] : params) {
        bool known = false;
        for (const auto& spec : specs) known = known || spec.name == name;
        for (auto allowed : also_allowed) known = known || allowed == name;
        if (!known) errors[name] = {name, ErrorKind::unknown_option, {echo(name)}};
    }
}

}  // namespace conclab::options
