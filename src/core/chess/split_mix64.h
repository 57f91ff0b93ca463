// SplitMix64: a tiny seeded generator whose output is the same on every compiler and platform
// (std::uniform_int_distribution is implementation-defined, so seeded choices avoid it).
#pragma once

#include <cstdint>

namespace conclab::chess {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

    /// @brief The next 64 random bits.
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// @brief A number in 0..bound-1 (bound ≥ 1); the modulo bias is negligible for small bounds.
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

private:
    std::uint64_t state_;
};

}  // namespace conclab::chess
