// Moves as text: UCI ("e2e4", "e7e8q") for machines, SAN ("Nf3", "exd5", "O-O", "e8=Q+") for people.
#pragma once

#include "core/chess/move.h"
#include "core/chess/position.h"

#include <optional>
#include <string>
#include <string_view>

namespace conclab::chess {

/// @brief The move in UCI notation: from, to, and the promotion letter in lower case ("e7e8q").
std::string to_uci(Move move);

/// @brief The legal move of `position` written as `text` in UCI notation; nullopt when the text is
/// malformed or names no legal move (a pawn reaching the last rank needs its promotion letter).
std::optional<Move> parse_uci(const Position& position, std::string_view text);

/// @brief The legal move `move` of `position` in Standard Algebraic Notation: piece letter, the
/// least disambiguation (file, then rank, then both), 'x' for captures, "=Q" for promotions,
/// "O-O" / "O-O-O" for castling, '+' for check and '#' for mate.
std::string to_san(const Position& position, Move move);

}  // namespace conclab::chess
