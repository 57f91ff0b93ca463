// Where the exhibition's moves come from: real chess (core/chess, her search deeper than her opponents'),
// or nothing but the clock (schedule only: no game ends early, so the times equal schedule.h's formulas).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace conclab::exhibition {

/// @brief How a game ended: it goes on, or mate / stalemate / a draw rule, or the move limit was reached.
enum class GameEnd { ongoing, checkmate, stalemate, fifty_moves, insufficient_material, move_limit };

/// @brief "ongoing", "checkmate", "stalemate", "fifty-move rule", "insufficient material", "move limit".
std::string_view to_string(GameEnd end);

/// @brief One game on one board. She is white and moves first; the simulation alternates the sides.
class BoardGame {
public:
    virtual ~BoardGame() = default;
    /// @brief Plays the side to move's choice (hers when `hers`).
    virtual void play(bool hers) = 0;
    /// @brief Mate, stalemate or a draw rule once reached (never move_limit: the simulation counts moves).
    virtual GameEnd state() const = 0;
    /// @brief The position as FEN ("" when there is no board).
    virtual std::string fen() const = 0;
    /// @brief The last move in SAN ("" before the first).
    virtual std::string last_move() const = 0;
};

/// @brief Makes the game for board `board` (1-based), its choices drawn from `seed`.
using MoveSource = std::function<std::unique_ptr<BoardGame>(int board, std::uint64_t seed)>;

/// @brief Real chess: her moves from a depth-2 search, each opponent's from depth 1 choosing among its best 3.
MoveSource chess_moves();

/// @brief No chess, only the clock: games never end early.
MoveSource schedule_only();

}  // namespace conclab::exhibition
