// The primes demo's numbers: the parser of its lists and its task "primes.lpf" over core/work's least prime factor.
#pragma once

#include "core/base/options.h"
#include "core/exec/task.h"
#include "core/work/least_prime_factor.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace conclab::primes {

// The workload itself lives in core/work (the spinner and the lab compute it too); primes' own users keep its names.
using work::integer_sqrt;
using work::is_prime;
using work::least_prime_factor;

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
