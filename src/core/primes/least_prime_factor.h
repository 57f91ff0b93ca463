// The talk's CPU-bound workload: the least prime factor by trial division over 6k±1.
#pragma once

#include "base/options.h"
#include "exec/task.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace conclab::primes {

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

/// @brief Parses a decimal 64-bit integer ≥ 1; '_' separators are allowed ("18_014_398_509_481_951").
/// Returns false and a reason on "12x", "-5", "0", "18446744073709551616" or an empty string.
bool parse_number(std::string_view text, std::uint64_t& out, std::string& reason);
/// @brief The same with the reason typed (no field: the caller names it).
bool parse_number(std::string_view text, std::uint64_t& out, options::FieldError& reason);

/// @brief The task "primes.lpf": decimal n in, decimal lpf out.
std::string lpf_task(std::string_view argument, exec::TaskContext& context);

/// @brief Registers the primes demo's tasks ("primes.lpf") with the executors.
void register_tasks();

}  // namespace conclab::primes
