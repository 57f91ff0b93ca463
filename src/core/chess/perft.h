// Perft: the number of move sequences of a given length — the standard check of a move generator
// against published counts.
#pragma once

#include "core/chess/position.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace conclab::chess {

/// @brief The number of leaf positions after `depth` plies of legal moves (perft(p, 0) == 1).
std::uint64_t perft(const Position& position, int depth);

/// @brief perft split by first move, in UCI ("e2e4", 600), for finding which move's subtree is
/// wrong against another generator's output (depth ≥ 1).
std::vector<std::pair<std::string, std::uint64_t>> divide(const Position& position, int depth);

}  // namespace conclab::chess
