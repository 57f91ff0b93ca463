// The two move sources: core/chess, and the clock alone.
#include "core/exhibition/move_source.h"

#include "core/chess/game_state.h"
#include "core/chess/notation.h"
#include "core/chess/position.h"
#include "core/chess/search.h"

namespace conclab::exhibition {

std::string_view to_string(GameEnd end) {
    switch (end) {
        case GameEnd::ongoing: return "ongoing";
        case GameEnd::checkmate: return "checkmate";
        case GameEnd::stalemate: return "stalemate";
        case GameEnd::fifty_moves: return "fifty-move rule";
        case GameEnd::insufficient_material: return "insufficient material";
        case GameEnd::move_limit: return "move limit";
    }
    return "?";
}

namespace {

constexpr int kHerDepth = 2;
constexpr int kTheirDepth = 1;
constexpr int kTheirChoices = 3;

class ChessGame final : public BoardGame {
public:
    explicit ChessGame(std::uint64_t seed) : seed_(seed) {}

    void play(bool hers) override {
        const std::uint64_t seed = seed_ + 0x9E3779B97F4A7C15ULL * ++plies_;
        const chess::Move move = hers ? chess::choose_move(position_, kHerDepth, seed)
                                      : chess::choose_move(position_, kTheirDepth, seed, kTheirChoices);
        last_move_ = chess::to_san(position_, move);
        position_.play(move);
    }
    GameEnd state() const override {
        switch (chess::game_state(position_)) {
            case chess::GameState::ongoing: return GameEnd::ongoing;
            case chess::GameState::checkmate: return GameEnd::checkmate;
            case chess::GameState::stalemate: return GameEnd::stalemate;
            case chess::GameState::fifty_moves: return GameEnd::fifty_moves;
            case chess::GameState::insufficient_material: return GameEnd::insufficient_material;
        }
        return GameEnd::ongoing;
    }
    std::string fen() const override { return position_.fen(); }
    std::string last_move() const override { return last_move_; }

private:
    chess::Position position_ = chess::Position::start();
    std::uint64_t seed_;
    std::uint64_t plies_ = 0;
    std::string last_move_;
};

class ClockOnlyGame final : public BoardGame {
public:
    void play(bool) override { ++plies_; }
    GameEnd state() const override { return GameEnd::ongoing; }
    std::string fen() const override { return ""; }
    std::string last_move() const override { return plies_ ? "move " + std::to_string((plies_ + 1) / 2) : ""; }

private:
    int plies_ = 0;
};

}  // namespace

MoveSource chess_moves() {
    return [](int board, std::uint64_t seed) -> std::unique_ptr<BoardGame> {
        return std::make_unique<ChessGame>(seed * 1000003ULL + static_cast<std::uint64_t>(board));
    };
}

MoveSource schedule_only() {
    return [](int, std::uint64_t) -> std::unique_ptr<BoardGame> { return std::make_unique<ClockOnlyGame>(); };
}

}  // namespace conclab::exhibition
