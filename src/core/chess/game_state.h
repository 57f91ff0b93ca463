// Whether a game goes on, and if not, why: mate, stalemate, the fifty-move rule, or too little material.
#pragma once

#include "core/chess/position.h"

#include <string_view>

namespace conclab::chess {

enum class GameState { ongoing, checkmate, stalemate, fifty_moves, insufficient_material };

/// @brief The state of the game in `position` for the side to move. Mate and stalemate come first (a
/// mate on the hundredth half move stands); then the fifty-move rule (applied automatically, as the
/// seventy-five-move rule is); then insufficient material: kings alone, a king and one minor piece
/// against a king, or only bishops all on squares of one colour. Repetition is not tracked.
GameState game_state(const Position& position);

/// @brief "ongoing", "checkmate", "stalemate", "fifty_moves", "insufficient_material".
std::string_view to_string(GameState state);

}  // namespace conclab::chess
