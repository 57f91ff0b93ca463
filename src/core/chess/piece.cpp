// Pieces' letters and glyphs (piece.h).
#include "core/chess/piece.h"

#include <cctype>

namespace conclab::chess {

namespace {

constexpr char kWhiteLetters[] = ".PNBRQK";

// Unicode orders the symbols king, queen, rook, bishop, knight, pawn; indexed here by PieceType.
constexpr const char* kWhiteGlyphs[] = {"", "\u2659", "\u2658", "\u2657", "\u2656", "\u2655", "\u2654"};
constexpr const char* kBlackGlyphs[] = {"", "\u265F", "\u265E", "\u265D", "\u265C", "\u265B", "\u265A"};

}  // namespace

char fen_letter(Piece piece) {
    const char letter = kWhiteLetters[static_cast<int>(piece.type)];
    if (piece.empty() || piece.color == Color::white) return letter;
    return static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
}

std::optional<Piece> piece_from_fen_letter(char letter) {
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(letter)));
    for (int type = 1; type <= 6; ++type) {
        if (kWhiteLetters[type] != upper) continue;
        const Color color = letter == upper ? Color::white : Color::black;
        return Piece{static_cast<PieceType>(type), color};
    }
    return std::nullopt;
}

const char* glyph(Piece piece) {
    const int index = static_cast<int>(piece.type);
    return piece.color == Color::white ? kWhiteGlyphs[index] : kBlackGlyphs[index];
}

}  // namespace conclab::chess
