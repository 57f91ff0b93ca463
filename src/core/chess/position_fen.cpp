// Position ⇄ Forsyth–Edwards Notation, and the checks that refuse impossible positions.
#include "core/chess/position.h"

#include "core/base/options.h"

#include <algorithm>
#include <charconv>

namespace conclab::chess {

namespace {

std::vector<std::string_view> split_fields(std::string_view text) {
    std::vector<std::string_view> fields;
    std::size_t at = 0;
    while (at < text.size()) {
        if (text[at] == ' ') {
            ++at;
            continue;
        }
        const std::size_t end = std::min(text.find(' ', at), text.size());
        fields.push_back(text.substr(at, end - at));
        at = end;
    }
    return fields;
}

std::optional<int> parse_count(std::string_view text, int min, int max) {
    int value = 0;
    const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (status != std::errc() || end != text.data() + text.size() || value < min || value > max) return std::nullopt;
    return value;
}

std::string quoted(std::string_view text) {
    std::string result(1, '"');
    result += options::echo(text);
    result += '"';
    return result;
}

}  // namespace

std::optional<Position> Position::from_fen(std::string_view fen, std::string& error) {
    const std::vector<std::string_view> fields = split_fields(fen);
    if (fields.size() != 4 && fields.size() != 6) {
        error = "a FEN has 4 or 6 fields separated by spaces (board, side to move, castling, en passant"
                "[, halfmove clock, move number]); this one has " + std::to_string(fields.size());
        return std::nullopt;
    }
    Position position;
    int rank = 7;
    int file = 0;
    for (char c : fields[0]) {
        if (c == '/') {
            if (file != 8) {
                error = "rank " + std::to_string(rank + 1) + " has " + std::to_string(file) + " squares, not 8";
                return std::nullopt;
            }
            if (--rank < 0) {
                error = "the board has more than 8 ranks";
                return std::nullopt;
            }
            file = 0;
            continue;
        }
        const std::optional<Piece> piece = piece_from_fen_letter(c);
        const int squares = c >= '1' && c <= '8' ? c - '0' : piece ? 1 : 0;
        if (squares == 0) {
            error = quoted(std::string_view(&c, 1)) + " on rank " + std::to_string(rank + 1) +
                    " is neither a piece letter (PNBRQK white, pnbrqk black) nor a count of empty squares (1-8)";
            return std::nullopt;
        }
        if (file + squares > 8) {
            error = "rank " + std::to_string(rank + 1) + " has more than 8 squares";
            return std::nullopt;
        }
        if (piece) position.put(rank * 16 + file, *piece);
        file += squares;
    }
    if (rank != 0 || file != 8) {
        error = rank != 0 ? "the board has " + std::to_string(8 - rank) + " ranks, not 8"
                          : "rank 1 has " + std::to_string(file) + " squares, not 8";
        return std::nullopt;
    }

    if (fields[1] != "w" && fields[1] != "b") {
        error = "the side to move is \"w\" or \"b\", not " + quoted(fields[1]);
        return std::nullopt;
    }
    position.side_ = fields[1] == "w" ? Color::white : Color::black;

    if (fields[2] != "-") {
        for (char c : fields[2]) {
            const std::size_t bit = std::string_view("KQkq").find(c);
            if (bit == std::string_view::npos || (position.castling_ & (1u << bit))) {
                error = "castling rights are \"-\" or some of \"KQkq\", each once, not " + quoted(fields[2]);
                return std::nullopt;
            }
            position.castling_ |= static_cast<std::uint8_t>(1u << bit);
        }
    }

    if (fields[3] != "-") {
        const std::string_view ep = fields[3];
        const char expected_rank = position.side_ == Color::white ? '6' : '3';
        if (ep.size() != 2 || ep[0] < 'a' || ep[0] > 'h' || ep[1] != expected_rank) {
            error = "the en-passant square is \"-\" or a square on rank " + std::string(1, expected_rank) +
                    " (the side to move is " + (position.side_ == Color::white ? "white" : "black") +
                    "), not " + quoted(ep);
            return std::nullopt;
        }
        position.en_passant_ = (ep[1] - '1') * 16 + (ep[0] - 'a');
    }

    if (fields.size() == 6) {
        const std::optional<int> halfmoves = parse_count(fields[4], 0, 10000);
        const std::optional<int> moves = parse_count(fields[5], 1, 10000);
        if (!halfmoves || !moves) {
            error = !halfmoves ? "the halfmove clock is a whole number 0..10000, not " + quoted(fields[4])
                               : "the move number is a whole number 1..10000, not " + quoted(fields[5]);
            return std::nullopt;
        }
        position.halfmove_clock_ = *halfmoves;
        position.fullmove_number_ = *moves;
    }

    error = position.locate_kings_and_validate();
    if (!error.empty()) return std::nullopt;
    return position;
}

std::string Position::locate_kings_and_validate() {
    int kings[2] = {0, 0};
    for (int index = 0; index < 128; ++index) {
        if (index & 0x88) continue;
        const Piece piece = board_[index];
        if (piece.type == PieceType::king) {
            ++kings[static_cast<int>(piece.color)];
            king_[static_cast<int>(piece.color)] = static_cast<std::uint8_t>(index);
        }
        const int rank = index >> 4;
        if (piece.type == PieceType::pawn && (rank == 0 || rank == 7))
            return "a pawn stands on " + square_name(make_square(index & 7, rank)) + " (pawns never stand on rank 1 or 8)";
    }
    if (kings[0] != 1 || kings[1] != 1)
        return "each side needs exactly one king; white has " + std::to_string(kings[0]) + ", black " +
               std::to_string(kings[1]);
    if (attacked_0x88(king_0x88(opposite(side_)), side_))
        return std::string("the side not to move (") + (side_ == Color::white ? "black" : "white") + ") is in check";

    struct CastlingNeed {
        CastlingRight right;
        char letter;
        int king;
        int rook;
        Color color;
    };
    constexpr CastlingNeed kNeeds[] = {{kWhiteKingSide, 'K', 0x04, 0x07, Color::white},
                                       {kWhiteQueenSide, 'Q', 0x04, 0x00, Color::white},
                                       {kBlackKingSide, 'k', 0x74, 0x77, Color::black},
                                       {kBlackQueenSide, 'q', 0x74, 0x70, Color::black}};
    for (const CastlingNeed& need : kNeeds) {
        if (!(castling_ & need.right)) continue;
        if (board_[need.king] != Piece{PieceType::king, need.color} || board_[need.rook] != Piece{PieceType::rook, need.color})
            return std::string("castling right '") + need.letter + "' needs the king on " +
                   square_name(make_square(need.king & 7, need.king >> 4)) + " and a rook on " +
                   square_name(make_square(need.rook & 7, need.rook >> 4));
    }

    if (en_passant_ >= 0) {
        const int toward_mover = side_ == Color::white ? -16 : 16;   // the pawn that just moved stands there
        const Piece double_stepper{PieceType::pawn, opposite(side_)};
        if (!board_[en_passant_].empty() || board_[en_passant_ + toward_mover] != double_stepper ||
            !board_[en_passant_ - toward_mover].empty())
            return "en-passant square " + square_name(make_square(en_passant_ & 7, en_passant_ >> 4)) +
                   " is not behind a pawn that just moved two squares";
    }
    return {};
}

std::string Position::fen() const {
    std::string text;
    for (int rank = 7; rank >= 0; --rank) {
        int empty_run = 0;
        for (int file = 0; file < 8; ++file) {
            const Piece piece = board_[rank * 16 + file];
            if (piece.empty()) {
                ++empty_run;
                continue;
            }
            if (empty_run > 0) text += static_cast<char>('0' + empty_run);
            empty_run = 0;
            text += fen_letter(piece);
        }
        if (empty_run > 0) text += static_cast<char>('0' + empty_run);
        if (rank > 0) text += '/';
    }
    text += side_ == Color::white ? " w " : " b ";
    if (castling_ == 0) text += '-';
    for (int bit = 0; bit < 4; ++bit)
        if (castling_ & (1 << bit)) text += "KQkq"[bit];
    text += ' ';
    text += en_passant_ < 0 ? "-" : square_name(make_square(en_passant_ & 7, en_passant_ >> 4));
    text += ' ' + std::to_string(halfmove_clock_) + ' ' + std::to_string(fullmove_number_);
    return text;
}

}  // namespace conclab::chess
