// The one options parser's rules (options.h): integers, reals, choices and flags read from text with one error wording.
#include "base/options.h"

#include "base/utf8.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

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
    for (char c : text)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+')) return std::nullopt;
    if (text[0] == '+') return std::nullopt;
    const std::string copy(text);
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

bool read_int(const Params& params, std::string_view name, long long min, long long max, long long& out,
              FieldErrors& errors) {
    auto it = params.find(std::string(name));
    if (it == params.end()) return true;
    auto value = parse_decimal(it->second);
    if (!value) {
        errors[std::string(name)] = flag_name(name) + " '" + echo(it->second) + "' is not a whole number";
        return false;
    }
    if (*value < min || *value > max) {
        errors[std::string(name)] = flag_name(name) + " " + echo(it->second) + " is out of range: use " +
                                    std::to_string(min) + " to " + std::to_string(max);
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
        errors[std::string(name)] = flag_name(name) + " '" + echo(it->second) + "' is not a number";
        return false;
    }
    if (*value < min || *value > max || (min_exclusive && *value == min)) {
        errors[std::string(name)] = flag_name(name) + " " + echo(it->second) + " is out of range: use " +
                                    (min_exclusive ? "more than " : "") + format_number(min) + " to " +
                                    format_number(max);
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
    errors[std::string(name)] = "unknown " + std::string(name) + " '" + echo(it->second) + "': use " + join_choices(choices);
    return false;
}

bool read_flag(const Params& params, std::string_view name, bool& out, FieldErrors& errors) {
    auto it = params.find(std::string(name));
    if (it == params.end()) return true;
    if (it->second == "1" || it->second == "true" || it->second.empty()) out = true;
    else if (it->second == "0" || it->second == "false") out = false;
    else {
        errors[std::string(name)] = flag_name(name) + " '" + echo(it->second) + "' is not 1|0|true|false";
        return false;
    }
    return true;
}

std::string first_error(const FieldErrors& errors, std::span<const OptionSpec> specs) {
    for (const auto& spec : specs)
        if (auto it = errors.find(spec.name); it != errors.end()) return it->second;
    return errors.empty() ? std::string() : errors.begin()->second;
}

void reject_non_utf8(const Params& params, FieldErrors& errors) {
    for (const auto& [name, value] : params) {
        const std::size_t at = utf8::first_invalid(value);
        if (at == std::string::npos) continue;
        char where[48];
        std::snprintf(where, sizeof where, " (byte 0x%02X at %zu)", static_cast<unsigned char>(value[at]), at);
        errors[name] = flag_name(utf8::repair(name)) + ": the value is not UTF-8 text" + where;
    }
}

void reject_unknown(const Params& params, std::span<const OptionSpec> specs, std::span<const std::string_view> also_allowed,
                    FieldErrors& errors) {
    for (const auto& [name, value] : params) {
        bool known = false;
        for (const auto& spec : specs) known = known || spec.name == name;
        for (auto allowed : also_allowed) known = known || allowed == name;
        if (!known) errors[name] = "unknown option '" + echo(name) + "'";
    }
}

}  // namespace conclab::options
