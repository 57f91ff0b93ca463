// A chess position and its legal moves: a teaching-grade move generator (0x88 board, copy-make,
// legality by "is my king attacked after the move"), verified by perft — not an engine.
#pragma once

#include "core/chess/move.h"
#include "core/chess/piece.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::chess {

/// @brief Castling rights as bits: white king side, white queen side, black king side, black queen side.
enum CastlingRight : std::uint8_t {
    kWhiteKingSide = 1,
    kWhiteQueenSide = 2,
    kBlackKingSide = 4,
    kBlackQueenSide = 8,
};

/// @brief Which pseudo-legal moves to generate: all of them, or only captures and queen promotions
/// (for a quiescence search).
enum class MoveKinds { all, captures_and_promotions };

/// @brief A position: the board, the side to move, castling rights, the en-passant square and the
/// move counters. Cheap to copy (under 300 bytes): play a move on a copy to keep the original.
class Position {
public:
    /// @brief The initial position.
    static Position start();

    /// @brief Reads Forsyth–Edwards Notation. The two move counters may be left out (then 0 and 1).
    /// Refuses, with a message in `error`, anything but a position that can occur in a game's rules:
    /// one king each, no pawn on the first or last rank, the side not to move not in check,
    /// castling rights matching the king and rook squares, an en-passant square behind a pawn.
    static std::optional<Position> from_fen(std::string_view fen, std::string& error);

    /// @brief The position in FEN, all six fields.
    std::string fen() const;

    Color side_to_move() const { return side_; }
    /// @brief The piece at file 0..7 (a..h), rank 0..7 (1..8).
    Piece piece_at(int file, int rank) const { return board_[rank * 16 + file]; }
    Piece piece_at(Square square) const { return piece_at(file_of(square), rank_of(square)); }
    /// @brief CastlingRight bits still held.
    std::uint8_t castling_rights() const { return castling_; }
    /// @brief The square a pawn just skipped with a double step, if the last move was one.
    std::optional<Square> en_passant_square() const;
    /// @brief Half moves since the last capture or pawn move (the fifty-move rule's counter).
    int halfmove_clock() const { return halfmove_clock_; }
    /// @brief 1 at the start, incremented after each black move.
    int fullmove_number() const { return fullmove_number_; }
    Square king_square(Color color) const;
    /// @brief The squares holding a piece of `color`: bit s is set for square s.
    std::uint64_t pieces_of(Color color) const { return occupied_[static_cast<int>(color)]; }

    /// @brief Every legal move, in a fixed order (by from-square, then by direction).
    std::vector<Move> legal_moves() const;

    /// @brief Moves that obey how pieces move but may leave the own king attacked (appended to `out`);
    /// castling is already checked for moving out of or through check.
    void pseudo_legal_moves(std::vector<Move>& out, MoveKinds kinds = MoveKinds::all) const;

    /// @brief Plays a legal move (or a pseudo-legal one, then check `left_king_attacked()`).
    void play(Move move);

    /// @brief After play(): true when the side that just moved left its own king attacked (an illegal move).
    bool left_king_attacked() const;

    /// @brief True when the pseudo-legal `move` would leave the own king attacked; `in_check` is
    /// in_check() of this position (a caller asks it once for all moves). Only king moves, en passant,
    /// moves out of check and moves of a piece in line with its king are played out to see.
    bool leaves_king_attacked(Move move, bool in_check) const;

    /// @brief True when the side to move is in check.
    bool in_check() const;

    /// @brief True when a piece of `attacker` attacks `square` (whoever stands there).
    bool is_attacked(Square square, Color attacker) const;

    friend bool operator==(const Position&, const Position&) = default;

private:
    void put(int index, Piece piece);
    void clear(int index);
    bool attacked_0x88(int square, Color attacker) const;
    int king_0x88(Color color) const { return king_[static_cast<int>(color)]; }
    void add_pawn_moves(int from, std::vector<Move>& out, MoveKinds kinds) const;
    void add_castling_moves(std::vector<Move>& out) const;
    std::string locate_kings_and_validate();   // "" when the position is possible

    std::array<Piece, 128> board_{};   // 0x88: index rank * 16 + file; (index & 0x88) != 0 is off the board
    std::array<std::uint64_t, 2> occupied_{};   // the same pieces as bits by colour, for quick scans
    std::array<std::uint8_t, 2> king_{};
    Color side_ = Color::white;
    std::uint8_t castling_ = 0;
    int en_passant_ = -1;              // 0x88 index or -1
    int halfmove_clock_ = 0;
    int fullmove_number_ = 1;
};

}  // namespace conclab::chess
