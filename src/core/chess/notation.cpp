// Moves written and read as UCI and SAN (notation.h).
#include "core/chess/notation.h"

#include <cstdlib>
#include <vector>

namespace conclab::chess {

namespace {

constexpr char kTypeLetters[] = " PNBRQK";

std::optional<Square> parse_square(std::string_view text) {
    if (text.size() != 2 || text[0] < 'a' || text[0] > 'h' || text[1] < '1' || text[1] > '8') return std::nullopt;
    return make_square(text[0] - 'a', text[1] - '1');
}

}  // namespace

std::string to_uci(Move move) {
    std::string text = square_name(move.from) + square_name(move.to);
    if (move.promotion != PieceType::none)
        text += static_cast<char>(kTypeLetters[static_cast<int>(move.promotion)] - 'A' + 'a');
    return text;
}

std::optional<Move> parse_uci(const Position& position, std::string_view text) {
    if (text.size() != 4 && text.size() != 5) return std::nullopt;
    const std::optional<Square> from = parse_square(text.substr(0, 2));
    const std::optional<Square> to = parse_square(text.substr(2, 2));
    if (!from || !to) return std::nullopt;
    Move wanted{*from, *to};
    if (text.size() == 5) {
        const std::string_view letters = "nbrq";
        const std::size_t at = letters.find(text[4]);
        if (at == std::string_view::npos) return std::nullopt;
        wanted.promotion = static_cast<PieceType>(static_cast<int>(PieceType::knight) + static_cast<int>(at));
    }
    for (Move move : position.legal_moves())
        if (move == wanted) return move;
    return std::nullopt;
}

std::string to_san(const Position& position, Move move) {
    const Piece piece = position.piece_at(move.from);
    std::string text;
    if (piece.type == PieceType::king && std::abs(file_of(move.to) - file_of(move.from)) == 2) {
        text = file_of(move.to) > file_of(move.from) ? "O-O" : "O-O-O";
    } else {
        const bool en_passant = piece.type == PieceType::pawn && file_of(move.from) != file_of(move.to);
        const bool capture = !position.piece_at(move.to).empty() || en_passant;
        if (piece.type == PieceType::pawn) {
            if (capture) text += static_cast<char>('a' + file_of(move.from));
        } else {
            text += kTypeLetters[static_cast<int>(piece.type)];
            bool shares_any = false, shares_file = false, shares_rank = false;
            for (Move other : position.legal_moves()) {
                if (other.to != move.to || other.from == move.from || position.piece_at(other.from) != piece) continue;
                shares_any = true;
                shares_file |= file_of(other.from) == file_of(move.from);
                shares_rank |= rank_of(other.from) == rank_of(move.from);
            }
            if (shares_any && (!shares_file || shares_rank)) text += static_cast<char>('a' + file_of(move.from));
            if (shares_file) text += static_cast<char>('1' + rank_of(move.from));
        }
        if (capture) text += 'x';
        text += square_name(move.to);
        if (move.promotion != PieceType::none) {
            text += '=';
            text += kTypeLetters[static_cast<int>(move.promotion)];
        }
    }
    Position after = position;
    after.play(move);
    if (after.in_check()) text += after.legal_moves().empty() ? '#' : '+';
    return text;
}

}  // namespace conclab::chess
