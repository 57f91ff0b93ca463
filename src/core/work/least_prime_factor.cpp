// The least prime factor and a primality test for 64-bit numbers (least_prime_factor.h).
#include "core/work/least_prime_factor.h"

#include <cmath>
#include <stdexcept>

namespace conclab::work {

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
    while (b) {  // double-and-add: portable (no __int128 needed), fast enough for sample building
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

}  // namespace conclab::work
