// Chess pieces: a colour and a kind, their letters (FEN, SAN) and their Unicode glyphs for drawing.
#pragma once

#include <cstdint>
#include <optional>

namespace conclab::chess {

enum class Color : std::uint8_t { white, black };
enum class PieceType : std::uint8_t { none, pawn, knight, bishop, rook, queen, king };

/// @brief The other side.
constexpr Color opposite(Color color) { return color == Color::white ? Color::black : Color::white; }

/// @brief What stands on a square; `type == PieceType::none` for an empty square.
struct Piece {
    PieceType type = PieceType::none;
    Color color = Color::white;

    constexpr bool empty() const { return type == PieceType::none; }
    friend constexpr bool operator==(const Piece&, const Piece&) = default;
};

/// @brief The FEN letter: 'P', 'N', 'B', 'R', 'Q', 'K' for white, lower case for black; '.' when empty.
char fen_letter(Piece piece);

/// @brief The piece for a FEN letter, or nullopt for any other character.
std::optional<Piece> piece_from_fen_letter(char letter);

/// @brief The Unicode chess symbol as UTF-8: U+2654..U+2659 (♔♕♖♗♘♙) for white, U+265A..U+265F
/// (♚♛♜♝♞♟) for black; "" for an empty square.
const char* glyph(Piece piece);

}  // namespace conclab::chess
