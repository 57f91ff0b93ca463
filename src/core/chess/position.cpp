// The exhibition's move generator (position.h): a position from FEN, its legal moves, a move made.
#include "core/chess/position.h"

#include <bit>
#include <cstdlib>

// [SECTION] 0x88 board geometry
// [SECTION] Playing a move
// [SECTION] Attacks
// [SECTION] Move generation

namespace conclab::chess {

// [SECTION] 0x88 board geometry -------------------------------------------------------------------

namespace {

constexpr int to_0x88(Square square) { return rank_of(square) * 16 + file_of(square); }
constexpr Square from_0x88(int index) { return make_square(index & 7, index >> 4); }
constexpr bool on_board(int index) { return (index & 0x88) == 0; }
constexpr int rank_0x88(int index) { return index >> 4; }

constexpr int kKnightSteps[] = {33, 31, 18, 14, -14, -18, -31, -33};
constexpr int kKingSteps[] = {1, 15, 16, 17, -1, -15, -16, -17};
constexpr int kDiagonalSteps[] = {15, 17, -15, -17};
constexpr int kStraightSteps[] = {1, 16, -1, -16};

constexpr int kPromotionOrder[] = {static_cast<int>(PieceType::queen), static_cast<int>(PieceType::rook),
                                   static_cast<int>(PieceType::bishop), static_cast<int>(PieceType::knight)};

constexpr int forward_step(Color color) { return color == Color::white ? 16 : -16; }

// The castling rights that survive a move touching this square (from or to).
std::uint8_t rights_kept(int index) {
    switch (index) {
        case 0x00: return static_cast<std::uint8_t>(~kWhiteQueenSide);
        case 0x07: return static_cast<std::uint8_t>(~kWhiteKingSide);
        case 0x04: return static_cast<std::uint8_t>(~(kWhiteKingSide | kWhiteQueenSide));
        case 0x70: return static_cast<std::uint8_t>(~kBlackQueenSide);
        case 0x77: return static_cast<std::uint8_t>(~kBlackKingSide);
        case 0x74: return static_cast<std::uint8_t>(~(kBlackKingSide | kBlackQueenSide));
        default: return 0xFF;
    }
}

}  // namespace

Position Position::start() {
    std::string error;
    return *from_fen("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", error);
}

std::optional<Square> Position::en_passant_square() const {
    if (en_passant_ < 0) return std::nullopt;
    return from_0x88(en_passant_);
}

Square Position::king_square(Color color) const { return from_0x88(king_0x88(color)); }

void Position::put(int index, Piece piece) {
    clear(index);
    board_[index] = piece;
    occupied_[static_cast<int>(piece.color)] |= std::uint64_t{1} << from_0x88(index);
}

void Position::clear(int index) {
    const Piece piece = board_[index];
    if (piece.empty()) return;
    occupied_[static_cast<int>(piece.color)] &= ~(std::uint64_t{1} << from_0x88(index));
    board_[index] = {};
}

// [SECTION] Playing a move ------------------------------------------------------------------------

void Position::play(Move move) {
    const int from = to_0x88(move.from);
    const int to = to_0x88(move.to);
    const Piece moving = board_[from];
    const int forward = forward_step(side_);

    ++halfmove_clock_;
    if (moving.type == PieceType::pawn || !board_[to].empty()) halfmove_clock_ = 0;
    if (moving.type == PieceType::pawn && to == en_passant_) clear(to - forward);
    if (moving.type == PieceType::king) {
        king_[static_cast<int>(side_)] = static_cast<std::uint8_t>(to);
        if (to - from == 2) {   // castling: the rook jumps over the king
            put(from + 1, board_[from + 3]);
            clear(from + 3);
        } else if (from - to == 2) {
            put(from - 1, board_[from - 4]);
            clear(from - 4);
        }
    }
    clear(from);
    put(to, move.promotion != PieceType::none ? Piece{move.promotion, side_} : moving);
    castling_ &= rights_kept(from) & rights_kept(to);
    en_passant_ = (moving.type == PieceType::pawn && std::abs(to - from) == 32) ? from + forward : -1;
    if (side_ == Color::black) ++fullmove_number_;
    side_ = opposite(side_);
}

bool Position::left_king_attacked() const { return attacked_0x88(king_0x88(opposite(side_)), side_); }

bool Position::leaves_king_attacked(Move move, bool in_check) const {
    const int from = to_0x88(move.from);
    const int to = to_0x88(move.to);
    const Piece moving = board_[from];
    const int king = king_0x88(side_);
    const bool en_passant = moving.type == PieceType::pawn && to == en_passant_;
    const int file_gap = (from & 7) - (king & 7);
    const int rank_gap = (from >> 4) - (king >> 4);
    const bool in_line_with_king = file_gap == 0 || rank_gap == 0 || std::abs(file_gap) == std::abs(rank_gap);
    // Any other move only fills a square: it cannot open a line to a king that was not attacked.
    if (!in_check && moving.type != PieceType::king && !en_passant && !in_line_with_king) return false;
    Position next = *this;
    next.play(move);
    return next.left_king_attacked();
}

bool Position::in_check() const { return attacked_0x88(king_0x88(side_), opposite(side_)); }

// [SECTION] Attacks -------------------------------------------------------------------------------

bool Position::is_attacked(Square square, Color attacker) const { return attacked_0x88(to_0x88(square), attacker); }

bool Position::attacked_0x88(int square, Color attacker) const {
    const Piece pawn{PieceType::pawn, attacker};
    const int behind = -forward_step(attacker);   // attacking pawns stand one rank behind, seen from them
    for (int side_step : {-1, 1}) {
        const int from = square + behind + side_step;
        if (on_board(from) && board_[from] == pawn) return true;
    }
    for (int step : kKnightSteps) {
        const int from = square + step;
        if (on_board(from) && board_[from] == Piece{PieceType::knight, attacker}) return true;
    }
    for (int step : kKingSteps) {
        const int from = square + step;
        if (on_board(from) && board_[from] == Piece{PieceType::king, attacker}) return true;
    }
    auto slider_attacks = [&](const int (&steps)[4], PieceType slider) {
        for (int step : steps) {
            for (int from = square + step; on_board(from); from += step) {
                const Piece piece = board_[from];
                if (piece.empty()) continue;
                if (piece.color == attacker && (piece.type == slider || piece.type == PieceType::queen)) return true;
                break;
            }
        }
        return false;
    };
    return slider_attacks(kDiagonalSteps, PieceType::bishop) || slider_attacks(kStraightSteps, PieceType::rook);
}

// [SECTION] Move generation -----------------------------------------------------------------------

std::vector<Move> Position::legal_moves() const {
    std::vector<Move> moves;
    moves.reserve(64);
    pseudo_legal_moves(moves);
    const bool check = in_check();
    std::erase_if(moves, [&](Move move) { return leaves_king_attacked(move, check); });
    return moves;
}

void Position::pseudo_legal_moves(std::vector<Move>& out, MoveKinds kinds) const {
    const bool quiet_too = kinds == MoveKinds::all;
    auto add_if_allowed = [&](int from, int to) {
        const Piece target = board_[to];
        if (!target.empty() && target.color == side_) return false;   // blocked by an own piece
        if (quiet_too || !target.empty()) out.push_back({from_0x88(from), from_0x88(to)});
        return target.empty();                                       // a slider may go on
    };
    for (std::uint64_t own = occupied_[static_cast<int>(side_)]; own != 0; own &= own - 1) {
        const int from = to_0x88(std::countr_zero(own));
        const Piece piece = board_[from];
        switch (piece.type) {
            case PieceType::pawn: add_pawn_moves(from, out, kinds); break;
            case PieceType::knight:
                for (int step : kKnightSteps)
                    if (on_board(from + step)) add_if_allowed(from, from + step);
                break;
            case PieceType::king:
                for (int step : kKingSteps)
                    if (on_board(from + step)) add_if_allowed(from, from + step);
                break;
            case PieceType::bishop:
            case PieceType::rook:
            case PieceType::queen: {
                auto slide = [&](const int (&steps)[4]) {
                    for (int step : steps)
                        for (int to = from + step; on_board(to) && add_if_allowed(from, to); to += step) {}
                };
                if (piece.type != PieceType::rook) slide(kDiagonalSteps);
                if (piece.type != PieceType::bishop) slide(kStraightSteps);
                break;
            }
            case PieceType::none: break;
        }
    }
    if (quiet_too) add_castling_moves(out);
}

void Position::add_pawn_moves(int from, std::vector<Move>& out, MoveKinds kinds) const {
    const int forward = forward_step(side_);
    const int last_rank = side_ == Color::white ? 7 : 0;
    const int start_rank = side_ == Color::white ? 1 : 6;
    const bool quiet_too = kinds == MoveKinds::all;
    auto add = [&](int to) {
        if (rank_0x88(to) != last_rank) {
            out.push_back({from_0x88(from), from_0x88(to)});
            return;
        }
        for (int promotion : kPromotionOrder) {
            out.push_back({from_0x88(from), from_0x88(to), static_cast<PieceType>(promotion)});
            if (!quiet_too) break;   // a quiescence search looks at queen promotions only
        }
    };
    const int ahead = from + forward;
    if (on_board(ahead) && board_[ahead].empty()) {
        if (quiet_too || rank_0x88(ahead) == last_rank) add(ahead);
        const int two_ahead = ahead + forward;
        if (quiet_too && rank_0x88(from) == start_rank && board_[two_ahead].empty())
            out.push_back({from_0x88(from), from_0x88(two_ahead)});
    }
    for (int side_step : {-1, 1}) {
        const int to = ahead + side_step;
        if (!on_board(to)) continue;
        const Piece target = board_[to];
        if ((!target.empty() && target.color != side_) || to == en_passant_) add(to);
    }
}

void Position::add_castling_moves(std::vector<Move>& out) const {
    const bool white = side_ == Color::white;
    const int king = white ? 0x04 : 0x74;
    const std::uint8_t king_side = white ? kWhiteKingSide : kBlackKingSide;
    const std::uint8_t queen_side = white ? kWhiteQueenSide : kBlackQueenSide;
    if (!(castling_ & (king_side | queen_side)) || board_[king] != Piece{PieceType::king, side_}) return;
    const Color enemy = opposite(side_);
    if (attacked_0x88(king, enemy)) return;
    const Piece rook{PieceType::rook, side_};
    // The square the king lands on is checked like any move's, by left_king_attacked().
    if ((castling_ & king_side) && board_[king + 1].empty() && board_[king + 2].empty() &&
        board_[king + 3] == rook && !attacked_0x88(king + 1, enemy))
        out.push_back({from_0x88(king), from_0x88(king + 2)});
    if ((castling_ & queen_side) && board_[king - 1].empty() && board_[king - 2].empty() &&
        board_[king - 3].empty() && board_[king - 4] == rook && !attacked_0x88(king - 1, enemy))
        out.push_back({from_0x88(king), from_0x88(king - 2)});
}

}  // namespace conclab::chess
