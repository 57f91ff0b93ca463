// The talk's CPU-bound workload, shared by the demos that compute it (primes, the spinner, the lab): the least prime
// factor by trial division over 6k±1, and a primality test to build samples with.
#pragma once

#include "core/exec/task.h"

#include <cstdint>

namespace conclab::work {

/// @brief floor(sqrt(n)) exactly, for every 64-bit n.
std::uint64_t integer_sqrt(std::uint64_t n);

/// @brief The least prime factor of n (1 for n == 1, 0 for n == 0), by trial division with 2, 3 and
/// then i, i+2 for i = 5, 11, 17, … up to isqrt(n), as in the talk. n is prime iff lpf(n) == n.
std::uint64_t least_prime_factor(std::uint64_t n);

/// @brief The same, calling context.checkpoint() every few thousand divisions; throws
/// exec::TaskCancelled when it returns false.
std::uint64_t least_prime_factor(std::uint64_t n, exec::TaskContext& context);

/// @brief Deterministic Miller–Rabin for all 64-bit n (used to build samples, never as the workload).
bool is_prime(std::uint64_t n);

}  // namespace conclab::work
