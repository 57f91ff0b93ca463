// Squares and moves as numbers and their small helpers (move.h).
#include "core/chess/move.h"

namespace conclab::chess {

std::string square_name(Square square) {
    return {static_cast<char>('a' + file_of(square)), static_cast<char>('1' + rank_of(square))};
}

}  // namespace conclab::chess
