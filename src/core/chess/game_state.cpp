// Whether a game goes on or how it ended (game_state.h): mate, stalemate, fifty moves, too little material.
#include "core/chess/game_state.h"

namespace conclab::chess {

namespace {

bool insufficient_material(const Position& position) {
    int knights = 0;
    int bishops_on_light = 0;
    int bishops_on_dark = 0;
    for (Square square = 0; square < 64; ++square) {
        switch (position.piece_at(square).type) {
            case PieceType::pawn:
            case PieceType::rook:
            case PieceType::queen: return false;
            case PieceType::knight: ++knights; break;
            case PieceType::bishop: ((file_of(square) + rank_of(square)) % 2 ? bishops_on_light : bishops_on_dark)++; break;
            default: break;
        }
    }
    const int minors = knights + bishops_on_light + bishops_on_dark;
    return minors <= 1 || (knights == 0 && (bishops_on_light == 0 || bishops_on_dark == 0));
}

}  // namespace

GameState game_state(const Position& position) {
    if (position.legal_moves().empty()) return position.in_check() ? GameState::checkmate : GameState::stalemate;
    if (position.halfmove_clock() >= 100) return GameState::fifty_moves;
    if (insufficient_material(position)) return GameState::insufficient_material;
    return GameState::ongoing;
}

std::string_view to_string(GameState state) {
    switch (state) {
        case GameState::ongoing: return "ongoing";
        case GameState::checkmate: return "checkmate";
        case GameState::stalemate: return "stalemate";
        case GameState::fifty_moves: return "fifty_moves";
        case GameState::insufficient_material: return "insufficient_material";
    }
    return "?";
}

}  // namespace conclab::chess
