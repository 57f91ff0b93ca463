// The least prime factor by trial division over 6k±1 (least_prime_factor.h): the talk's CPU-bound work.
#include "primes/least_prime_factor.h"

#include "base/options.h"

#include <cmath>
#include <stdexcept>

namespace conclab::primes {

std::uint64_t integer_sqrt(std::uint64_t n) {
    auto r = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(n)));
    // The double estimate can be off by one or two either way near 2**64: correct it with exact
    // integer arithmetic, never computing r*r where it could overflow.
    if (r > 0xFFFFFFFFull) r = 0xFFFFFFFFull;
    while (r * r > n) --r;
    while (r < 0xFFFFFFFFull && (r + 1) * (r + 1) <= n) ++r;
    return r;
}

namespace {

// The divisions between two checkpoints: about 50 µs of work on a current core.
constexpr std::uint64_t kCheckpointEvery = 1 << 14;

template <typename Checkpoint>
std::uint64_t lpf_with(std::uint64_t n, Checkpoint&& checkpoint) {
    if (n < 2) return n;
    if (n % 2 == 0) return 2;
    if (n % 3 == 0) return 3;
    const std::uint64_t limit = integer_sqrt(n);
    std::uint64_t countdown = kCheckpointEvery;
    for (std::uint64_t i = 5; i <= limit; i += 6) {
        if (n % i == 0) return i;
        if (i + 2 <= limit && n % (i + 2) == 0) return i + 2;
        if (--countdown == 0) {
            checkpoint();
            countdown = kCheckpointEvery;
        }
    }
    return n;
}

std::uint64_t mul_mod(std::uint64_t a, std::uint64_t b, std::uint64_t m) {
    std::uint64_t result = 0;
    a %= m;
    while (b) {   // double-and-add: portable (no __int128 needed), fast enough for sample building
        if (b & 1) result = (result >= m - a) ? result - (m - a) : result + a;
        a = (a >= m - a) ? a - (m - a) : a + a;
        b >>= 1;
    }
    return result;
}

std::uint64_t pow_mod(std::uint64_t base, std::uint64_t exponent, std::uint64_t m) {
    std::uint64_t result = 1 % m;
    base %= m;
    while (exponent) {
        if (exponent & 1) result = mul_mod(result, base, m);
        base = mul_mod(base, base, m);
        exponent >>= 1;
    }
    return result;
}

}  // namespace

std::uint64_t least_prime_factor(std::uint64_t n) {
    return lpf_with(n, [] {});
}

std::uint64_t least_prime_factor(std::uint64_t n, exec::TaskContext& context) {
    return lpf_with(n, [&] {
        if (!context.checkpoint()) throw exec::TaskCancelled();
    });
}

bool is_prime(std::uint64_t n) {
    if (n < 2) return false;
    for (std::uint64_t p : {2ull, 3ull, 5ull, 7ull, 11ull, 13ull, 17ull, 19ull, 23ull, 29ull, 31ull, 37ull}) {
        if (n % p == 0) return n == p;
    }
    std::uint64_t d = n - 1;
    int s = 0;
    while ((d & 1) == 0) {
        d >>= 1;
        ++s;
    }
    // These 12 bases decide primality for every n < 3.3 * 10**24.
    for (std::uint64_t a : {2ull, 3ull, 5ull, 7ull, 11ull, 13ull, 17ull, 19ull, 23ull, 29ull, 31ull, 37ull}) {
        std::uint64_t x = pow_mod(a, d, n);
        if (x == 1 || x == n - 1) continue;
        bool composite = true;
        for (int r = 1; r < s; ++r) {
            x = mul_mod(x, x, n);
            if (x == n - 1) {
                composite = false;
                break;
            }
        }
        if (composite) return false;
    }
    return true;
}

bool parse_number(std::string_view text, std::uint64_t& out, std::string& reason) {
    const std::string shown = options::echo(text);
    if (text.empty()) {
        reason = "empty number";
        return false;
    }
    std::uint64_t value = 0;
    bool any_digit = false;
    char previous = 0;
    for (char c : text) {
        if (c == '_') {
            if (!any_digit || previous == '_') {
                reason = "'" + shown + "' is not a number: '_' only goes between digits";
                return false;
            }
        } else if (c >= '0' && c <= '9') {
            const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
            if (value > (UINT64_MAX - digit) / 10) {
                reason = "'" + shown + "' is too large: the largest accepted is 18446744073709551615 (2**64-1)";
                return false;
            }
            value = value * 10 + digit;
            any_digit = true;
        } else {
            reason = "'" + shown + "' is not a positive whole number (digits and '_' only, 1 to 2**64-1)";
            return false;
        }
        previous = c;
    }
    if (previous == '_') {
        reason = "'" + shown + "' is not a number: '_' only goes between digits";
        return false;
    }
    if (value == 0) {
        reason = "'" + shown + "' is out of range: numbers go from 1 to 2**64-1";
        return false;
    }
    out = value;
    return true;
}

std::string lpf_task(std::string_view argument, exec::TaskContext& context) {
    std::uint64_t n = 0;
    std::string reason;
    if (!parse_number(argument, n, reason)) throw std::invalid_argument(reason);
    return std::to_string(least_prime_factor(n, context));
}

void register_tasks() { exec::register_task("primes.lpf", lpf_task); }

}  // namespace conclab::primes
