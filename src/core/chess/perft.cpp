// Perft counts (perft.h), the standard check that the move generator is right.
#include "core/chess/perft.h"

#include "core/chess/notation.h"

namespace conclab::chess {

std::uint64_t perft(const Position& position, int depth) {
    if (depth <= 0) return 1;
    const std::vector<Move> moves = position.legal_moves();
    if (depth == 1) return moves.size();
    std::uint64_t leaves = 0;
    for (Move move : moves) {
        Position next = position;
        next.play(move);
        leaves += perft(next, depth - 1);
    }
    return leaves;
}

std::vector<std::pair<std::string, std::uint64_t>> divide(const Position& position, int depth) {
    std::vector<std::pair<std::string, std::uint64_t>> counts;
    for (Move move : position.legal_moves()) {
        Position next = position;
        next.play(move);
        counts.emplace_back(to_uci(move), perft(next, depth - 1));
    }
    return counts;
}

}  // namespace conclab::chess
