// The primes demo's number parser and its task "primes.lpf" (least_prime_factor.h); the workload is core/work's.
#include "core/primes/least_prime_factor.h"

#include "core/base/options.h"

#include <stdexcept>

namespace conclab::primes {

bool parse_number(std::string_view text, std::uint64_t& out, options::FieldError& reason) {
    using options::ErrorKind;
    const std::string shown = options::echo(text);
    if (text.empty()) {
        reason = {"", ErrorKind::number_empty};
        return false;
    }
    std::uint64_t value = 0;
    bool any_digit = false;
    char previous = 0;
    for (char c : text) {
        if (c == '_') {
            if (!any_digit || previous == '_') {
                reason = {"", ErrorKind::misplaced_underscore, {shown}};
                return false;
            }
        } else if (c >= '0' && c <= '9') {
            const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
            if (value > (UINT64_MAX - digit) / 10) {
                reason = {"", ErrorKind::number_too_large, {shown}};
                return false;
            }
            value = value * 10 + digit;
            any_digit = true;
        } else {
            reason = {"", ErrorKind::not_positive_number, {shown}};
            return false;
        }
        previous = c;
    }
    if (previous == '_') {
        reason = {"", ErrorKind::misplaced_underscore, {shown}};
        return false;
    }
    if (value == 0) {
        reason = {"", ErrorKind::number_zero, {shown}};
        return false;
    }
    out = value;
    return true;
}

bool parse_number(std::string_view text, std::uint64_t& out, std::string& reason) {
    options::FieldError typed;
    if (parse_number(text, out, typed)) return true;
    reason = options::english(typed);
    return false;
}

std::string lpf_task(std::string_view argument, exec::TaskContext& context) {
    std::uint64_t n = 0;
    std::string reason;
    if (!parse_number(argument, n, reason)) throw std::invalid_argument(reason);
    return std::to_string(least_prime_factor(n, context));
}

void register_tasks() { exec::register_task("primes.lpf", lpf_task); }

}  // namespace conclab::primes
