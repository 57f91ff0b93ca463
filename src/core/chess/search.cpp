// The exhibition's seeded move choice (search.h): negamax with alpha-beta, small and deterministic.
#include "core/chess/search.h"

#include "core/chess/split_mix64.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <stdexcept>
#include <tuple>
#include <vector>

// [SECTION] Evaluation
// [SECTION] Move ordering
// [SECTION] Negamax and quiescence
// [SECTION] Choosing a root move

namespace conclab::chess {

// [SECTION] Evaluation ----------------------------------------------------------------------------

namespace {

constexpr int kInfinity = 1'000'000;
constexpr int kEndgameMaterial = 1700;   // non-pawn material of both sides at or below this: an endgame
constexpr int kFutilityMargin = 150;     // more than any quiet move gains in the evaluation
constexpr int kDeltaMargin = 200;        // the same for a capture, beyond the captured piece

// 0 for the four central squares, 1 for the ring around them, 2 for the next, 3 for the edge.
int ring(Square square) {
    auto from_center = [](int coordinate) { return coordinate < 4 ? 3 - coordinate : coordinate - 4; };
    return std::max(from_center(file_of(square)), from_center(rank_of(square)));
}

// The bonus of a piece on a square, seen from its own side (rank 0 is its back rank).
int square_bonus(PieceType type, int file, int relative_rank, int centre_ring, bool endgame) {
    switch (type) {
        case PieceType::pawn: {
            constexpr int kAdvance[] = {0, 0, 5, 10, 20, 40, 70, 0};
            const bool central_file = file == 3 || file == 4;
            return kAdvance[relative_rank] + (central_file && relative_rank >= 3 ? 15 : 0);
        }
        case PieceType::knight: return std::array{20, 10, 0, -30}[centre_ring];
        case PieceType::bishop: return std::array{10, 10, 0, -10}[centre_ring];
        case PieceType::rook: return relative_rank == 6 ? 20 : 0;
        case PieceType::queen: return std::array{5, 5, 0, -5}[centre_ring];
        case PieceType::king:
            if (endgame) return std::array{30, 15, 0, -30}[centre_ring];
            if (relative_rank > 0) return -20 * relative_rank;
            return (file <= 2 || file >= 6) ? 20 : 0;
        case PieceType::none: return 0;
    }
    return 0;
}

}  // namespace

int piece_value(PieceType type) {
    constexpr int kValues[] = {0, 100, 320, 330, 500, 900, 0};
    return kValues[static_cast<int>(type)];
}

namespace {

// Material plus square bonus from white's view (black's entries negative), by phase, piece and square.
struct SquareTables {
    std::array<std::array<std::array<int, 64>, 14>, 2> worth{};   // [endgame][type * 2 + color][square]
};

const SquareTables& square_tables() {
    static const SquareTables tables = [] {
        SquareTables built;
        for (int endgame = 0; endgame < 2; ++endgame)
            for (int type = 1; type <= 6; ++type)
                for (int color = 0; color < 2; ++color)
                    for (Square square = 0; square < 64; ++square) {
                        const bool white = color == 0;
                        const auto piece_type = static_cast<PieceType>(type);
                        const int relative_rank = white ? rank_of(square) : 7 - rank_of(square);
                        const int worth = piece_value(piece_type) +
                                          square_bonus(piece_type, file_of(square), relative_rank, ring(square), endgame);
                        built.worth[endgame][type * 2 + color][square] = white ? worth : -worth;
                    }
        return built;
    }();
    return tables;
}

}  // namespace

int evaluate(const Position& position) {
    const SquareTables& tables = square_tables();
    int middlegame_view = 0;
    int endgame_view = 0;
    int non_pawn_material = 0;
    int material[2] = {0, 0};
    for (std::uint64_t pieces = position.pieces_of(Color::white) | position.pieces_of(Color::black); pieces != 0;
         pieces &= pieces - 1) {
        const Square square = std::countr_zero(pieces);
        const Piece piece = position.piece_at(square);
        const int index = static_cast<int>(piece.type) * 2 + static_cast<int>(piece.color);
        middlegame_view += tables.worth[0][index][square];
        endgame_view += tables.worth[1][index][square];
        const int value = piece_value(piece.type);
        material[static_cast<int>(piece.color)] += value;
        if (piece.type != PieceType::pawn) non_pawn_material += value;
    }
    const bool endgame = non_pawn_material <= kEndgameMaterial;
    int white_view = endgame ? endgame_view : middlegame_view;
    if (endgame && std::abs(material[0] - material[1]) >= 300) {
        // Mating needs the losing king on the edge and the winning king near it: a shallow search
        // cannot see that far, so the evaluation points the way.
        const Color winner = material[0] > material[1] ? Color::white : Color::black;
        const Square winner_king = position.king_square(winner);
        const Square loser_king = position.king_square(opposite(winner));
        const int kings_apart = std::abs(file_of(winner_king) - file_of(loser_king)) +
                                std::abs(rank_of(winner_king) - rank_of(loser_king));
        const int pull = 10 * ring(loser_king) + 4 * (14 - kings_apart);
        white_view += winner == Color::white ? pull : -pull;
    }
    return position.side_to_move() == Color::white ? white_view : -white_view;
}

// [SECTION] Move ordering -------------------------------------------------------------------------

namespace {

// Quiet moves that refuted a sibling line at the same ply: likely to refute this one too.
using Killers = std::array<std::array<Move, 2>, 64>;

// Most valuable victim, least valuable attacker first; then queen promotions; then killer moves; other
// quiet moves last, in generation order. Each sorted key is unique (ties fall back to the squares), so
// every std::sort gives the same order.
void order_moves(const Position& position, std::vector<Move>& moves, const std::array<Move, 2>* killers = nullptr) {
    thread_local std::vector<std::pair<int, Move>> keyed;
    keyed.clear();
    std::size_t quiet_count = 0;
    for (Move move : moves) {
        const int victim = piece_value(position.piece_at(move.to).type);
        const int attacker = static_cast<int>(position.piece_at(move.from).type);
        const int promotion = move.promotion == PieceType::queen ? 800 : 0;
        int priority = (victim > 0 ? 10 * victim - attacker : 0) + promotion;
        if (priority == 0 && killers) priority = move == (*killers)[0] ? 2 : move == (*killers)[1] ? 1 : 0;
        if (priority == 0) {
            moves[quiet_count++] = move;   // quiet moves keep their generation order, at the end
            continue;
        }
        const int tie_break = 32767 - (move.from * 512 + move.to * 8 + static_cast<int>(move.promotion));
        keyed.emplace_back(priority * 32768 + tie_break, move);
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::move_backward(moves.begin(), moves.begin() + static_cast<std::ptrdiff_t>(quiet_count), moves.end());
    for (std::size_t i = 0; i < keyed.size(); ++i) moves[i] = keyed[i].second;
}

// [SECTION] Negamax and quiescence ----------------------------------------------------------------

// A capture that a cheaper piece could answer by taking back: QxP on a defended pawn. Skipped in the
// quiescence search — a crude stand-in for static exchange evaluation that keeps the search small.
bool losing_capture(const Position& position, Move move) {
    const int victim = piece_value(position.piece_at(move.to).type);
    const int attacker = piece_value(position.piece_at(move.from).type);
    return attacker > victim && position.is_attacked(move.to, opposite(position.side_to_move()));
}

// Fail-soft: a result at or below alpha is an upper bound, at or above beta a lower bound. At the
// horizon (the first quiescence ply) a side in check searches every evasion, so that mates are seen;
// deeper, only captures, so the search stays small.
int quiescence(const Position& position, int alpha, int beta, int ply, bool at_horizon) {
    const bool evasions = at_horizon && position.in_check();
    int best = -kInfinity;
    if (!evasions) {
        best = evaluate(position);
        if (best >= beta) return best;
        alpha = std::max(alpha, best);
    }
    std::vector<Move> moves;
    position.pseudo_legal_moves(moves, evasions ? MoveKinds::all : MoveKinds::captures_and_promotions);
    order_moves(position, moves);
    const bool check = at_horizon ? evasions : position.in_check();
    bool any_legal = false;
    for (Move move : moves) {
        if (!evasions && move.promotion == PieceType::none) {
            // Delta pruning: even winning this piece for nothing would leave the score below alpha.
            if (best + piece_value(position.piece_at(move.to).type) + kDeltaMargin <= alpha) continue;
            if (losing_capture(position, move)) continue;
        }
        if (position.leaves_king_attacked(move, check)) continue;
        Position next = position;
        next.play(move);
        any_legal = true;
        const int score = -quiescence(next, -beta, -alpha, ply + 1, false);
        if (score > best) best = score;
        if (best > alpha) alpha = best;
        if (alpha >= beta) break;
    }
    if (evasions && !any_legal) return -kMateScore + ply;
    return best;
}

int negamax(const Position& position, int depth, int alpha, int beta, int ply, Killers& killers) {
    if (depth <= 0) return quiescence(position, alpha, beta, ply, true);
    if (position.halfmove_clock() >= 100) return 0;
    // Futility pruning one ply above the horizon: when even a generous positional gain would not lift
    // the evaluation to alpha, quiet moves that give no check are not searched.
    const bool check = position.in_check();
    const bool frontier = depth == 1 && !check;
    const int futility_bound = frontier ? evaluate(position) + kFutilityMargin : 0;
    std::vector<Move> moves;
    position.pseudo_legal_moves(moves);
    std::array<Move, 2>& ply_killers = killers[static_cast<std::size_t>(std::min(ply, 63))];
    order_moves(position, moves, &ply_killers);
    int best = -kInfinity;
    bool any_legal = false;
    for (Move move : moves) {
        if (position.leaves_king_attacked(move, check)) continue;
        Position next = position;
        next.play(move);
        any_legal = true;
        const bool quiet = position.piece_at(move.to).empty() && move.promotion == PieceType::none &&
                           position.piece_at(move.from).type != PieceType::pawn;
        if (frontier && quiet && futility_bound <= alpha && !next.in_check()) {
            best = std::max(best, futility_bound);
            continue;
        }
        const int score = -negamax(next, depth - 1, -beta, -alpha, ply + 1, killers);
        if (score > best) best = score;
        if (best > alpha) alpha = best;
        if (alpha >= beta) {
            if (position.piece_at(move.to).empty() && move.promotion == PieceType::none && ply_killers[0] != move) {
                ply_killers[1] = ply_killers[0];
                ply_killers[0] = move;
            }
            break;
        }
    }
    if (!any_legal) return check ? -kMateScore + ply : 0;
    return best;
}

}  // namespace

// [SECTION] Choosing a root move ------------------------------------------------------------------

Move choose_move(const Position& position, int depth, std::uint64_t seed, int choose_among) {
    depth = std::max(depth, 1);
    choose_among = std::max(choose_among, 1);
    struct Candidate {
        Move move;
        std::uint64_t tie_key;
        int score;
    };
    SplitMix64 random(seed);
    const std::vector<Move> legal = position.legal_moves();
    if (legal.empty()) throw std::invalid_argument("choose_move: the position has no legal move");
    std::vector<std::uint64_t> tie_keys;   // drawn in generation order, which is fixed
    for (std::size_t i = 0; i < legal.size(); ++i) tie_keys.push_back(random.next());
    std::vector<Move> ordered = legal;
    order_moves(position, ordered);
    std::vector<Candidate> candidates;
    for (Move move : ordered) {
        const auto generated_at = std::find(legal.begin(), legal.end(), move) - legal.begin();
        candidates.push_back({move, tie_keys[static_cast<std::size_t>(generated_at)], 0});
    }
    auto by_score_then_seed = [](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.tie_key != b.tie_key) return a.tie_key < b.tie_key;
        return std::make_tuple(a.move.from, a.move.to, a.move.promotion) <
               std::make_tuple(b.move.from, b.move.to, b.move.promotion);
    };
    // A pass one ply shallower sorts the root moves first, so the deep pass meets the best move early
    // and the others fail low quickly (cheaper than searching every depth from 1).
    Killers killers{};
    for (int pass_depth = std::max(1, depth - 1); pass_depth <= depth; ++pass_depth) {
        int best = -kInfinity;
        for (Candidate& candidate : candidates) {
            Position next = position;
            next.play(candidate.move);
            // Picking only the best needs exact scores only for moves that tie or beat it; a choice
            // among several needs every score exact.
            const int alpha = choose_among == 1 ? best - 1 : -kInfinity;
            candidate.score = -negamax(next, pass_depth - 1, -kInfinity, -alpha, 1, killers);
            best = std::max(best, candidate.score);
        }
        std::sort(candidates.begin(), candidates.end(), by_score_then_seed);
    }
    const std::size_t pool = std::min<std::size_t>(static_cast<std::size_t>(choose_among), candidates.size());
    return candidates[random.below(pool)].move;
}

}  // namespace conclab::chess
