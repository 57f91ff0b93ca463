// Deterministic hashing for the mirror: the same name and seed give the same catalog, picture and faults
// on every machine (std::hash may differ between standard libraries).
#pragma once

#include <cstdint>
#include <string_view>

namespace conclab::mirror {

/// @brief SplitMix64's finaliser: spreads the bits of `x` over the whole word.
constexpr std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// @brief FNV-1a of the bytes of `name`, then mixed.
constexpr std::uint64_t hash_name(std::string_view name) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    return mix64(h);
}

/// @brief A number in [0, 1) from 64 bits.
constexpr double unit_interval(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

}  // namespace conclab::mirror
