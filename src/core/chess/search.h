// A small seeded search to choose moves for the exhibition: negamax with alpha-beta pruning, a
// quiescence search of captures, and an evaluation of material plus piece-square bonuses. Shallow by
// design (depth 1–3); deterministic: the same position, depth and seed give the same move everywhere.
#pragma once

#include "core/chess/move.h"
#include "core/chess/position.h"

#include <cstdint>

namespace conclab::chess {

/// @brief Scores at or beyond kMateScore - 1000 mean a forced mate; kMateScore - n is mate in n plies.
inline constexpr int kMateScore = 100'000;

/// @brief Centipawns of material: pawn 100, knight 320, bishop 330, rook 500, queen 900, king 0.
int piece_value(PieceType type);

/// @brief The static evaluation in centipawns from the side to move's view: material, a bonus or
/// penalty per piece and square (central knights, advanced pawns, a sheltered king; an active king
/// in the endgame) and, in won endgames, a pull of the losing king to the edge.
int evaluate(const Position& position);

/// @brief The move a searcher of `depth` plies (at least 1, plus quiescence) plays. Root moves are
/// ranked by score, equal scores in an order drawn from `seed` (SplitMix64, so the same on every
/// platform); the move is then drawn with the seed from the best `choose_among` (1: the best one, with
/// ties broken by the seed; 3: a weaker, more varied player). Throws std::invalid_argument when the
/// position has no legal move.
Move choose_move(const Position& position, int depth, std::uint64_t seed, int choose_among = 1);

}  // namespace conclab::chess
