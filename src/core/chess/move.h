// Squares and moves. A square is 0..63: a1 = 0, b1 = 1, …, h8 = 63 (file + 8 * rank, both 0-based).
// A move is only "from, to, promotion": castling and en passant follow from the position it is played in.
#pragma once

#include "core/chess/piece.h"

#include <string>

namespace conclab::chess {

using Square = int;

/// @brief The square at file 0..7 (a..h) and rank 0..7 (1..8).
constexpr Square make_square(int file, int rank) { return rank * 8 + file; }
constexpr int file_of(Square square) { return square & 7; }
constexpr int rank_of(Square square) { return square >> 3; }

/// @brief "e4" for make_square(4, 3).
std::string square_name(Square square);

/// @brief A move as the UCI protocol sees it; `promotion` is the new piece for a pawn reaching the last rank.
struct Move {
    Square from = 0;
    Square to = 0;
    PieceType promotion = PieceType::none;

    friend constexpr bool operator==(const Move&, const Move&) = default;
};

}  // namespace conclab::chess
