// The numbers to check: the talk's make_sample(2**K), the Fluent Python list, or the user's own.
#pragma once

#include "core/base/options.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::primes {

inline constexpr int kMinMagnitude = 40;
inline constexpr int kMaxMagnitude = 64;
inline constexpr int kTalkMagnitude = 57;

/// @brief make_sample(2**magnitude) of the talk: for each power of two and 1.5x power from
/// 2**(magnitude-3) up to 2**magnitude, the largest prime below it, the number itself and a semiprime
/// of the two primes around its square root — 21 numbers. Where a number would not fit in 64 bits
/// (only at 2**64) it uses 2**64-1 and the two largest primes below 2**32 instead.
std::vector<std::uint64_t> make_sample(int magnitude);

/// @brief The 20 numbers of Fluent Python's procs.py example.
const std::vector<std::uint64_t>& fluent_sample();

/// @brief A parsed sample: the numbers and a name for reports ("2**57", "fluent", "custom").
struct Sample {
    std::string name;
    std::vector<std::uint64_t> numbers;
};

/// @brief Parses "2**K" (K in 40..64) or "fluent". On failure returns nullopt and says what is accepted.
std::optional<Sample> parse_sample_name(std::string_view text, std::string& error);
std::optional<Sample> parse_sample_name(std::string_view text, options::FieldError& error);   // field "sample"

/// @brief Parses numbers separated by spaces, commas, or new lines (each 1..2**64-1, '_' allowed).
std::optional<Sample> parse_number_list(std::string_view text, std::string& error);
std::optional<Sample> parse_number_list(std::string_view text, options::FieldError& error);   // field "numbers"

/// @brief 18014398509481951 → "18_014_398_509_481_951", as Python's f'{n:_}'.
std::string group_digits(std::uint64_t n, char separator = '_');

}  // namespace conclab::primes
