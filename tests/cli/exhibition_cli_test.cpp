// `conclab exhibition`: the schedule in virtual time, the JSON contract, bad input.
#include "core/chess/game_state.h"
#include "core/chess/position.h"
#include "cli_run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace {

using Outcome = conclab::test::CliOutcome;
using conclab::test::expect_usage_error;

Outcome run(const std::string& arguments) { return conclab::test::run_conclab(arguments); }

namespace chess = conclab::chess;

/// A board of the JSON checked against core/chess: its final position is a legal one reached after her `moves` moves
/// (she plays white: 2 x moves half moves, one fewer if the opponent's reply never came), and the end and result are
/// what that position says: mate (the side to move lost), a draw rule, or the move limit with the game still on.
void expect_board_consistent(const nlohmann::json& b, int move_limit) {
    const std::string where = "board " + std::to_string(b["board"].get<int>()) + ": " + b.dump();
    ASSERT_TRUE(b.contains("fen")) << where;
    std::string error;
    const auto position = chess::Position::from_fen(b["fen"].get<std::string>(), error);
    ASSERT_TRUE(position) << where << ": " << error;
    EXPECT_EQ(position->fen(), b["fen"]) << where;
    const int plies = (position->fullmove_number() - 1) * 2 + (position->side_to_move() == chess::Color::black ? 1 : 0);
    const int moves = b["moves"];
    EXPECT_EQ((plies + 1) / 2, moves) << where << ": " << plies << " half moves";
    const auto state = chess::game_state(*position);
    const std::string end = b["end"], result = b["result"];
    switch (state) {
        case chess::GameState::checkmate:
            EXPECT_EQ(end, "checkmate") << where;
            EXPECT_EQ(result, position->side_to_move() == chess::Color::black ? "1-0" : "0-1") << where;
            break;
        case chess::GameState::stalemate:
        case chess::GameState::fifty_moves:
        case chess::GameState::insufficient_material:
            EXPECT_NE(end, "move limit") << where;
            EXPECT_EQ(result, "1/2-1/2") << where;
            break;
        case chess::GameState::ongoing:
            EXPECT_EQ(end, "move limit") << where;
            EXPECT_EQ(moves, move_limit) << where;
            EXPECT_EQ(plies, 2 * move_limit) << where << ": the limit is reached after the opponent's reply";
            EXPECT_EQ(result, "*") << where;
            break;
    }
}

}  // namespace

TEST(ExhibitionCli, TheTalksNumbersComputedRight) {
    const Outcome o = run("exhibition");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.out.find("10 h 00 min"), std::string::npos) << o.out;   // 20 × 30 × 60 s
    EXPECT_NE(o.out.find("50 min 00 s"), std::string::npos) << o.out;   // 30 × max(20 × 5 s, 5 s + 55 s)
    EXPECT_NE(o.out.find("50 min 55 s"), std::string::npos) << o.out;   // and the last reply
    EXPECT_NE(o.out.find("20 min"), std::string::npos) << "the note about the slide's 20 minutes: " << o.out;
}

TEST(ExhibitionCli, JsonPerBoardInSeconds) {
    const Outcome o = run("exhibition --boards 12 --moves 10 --seed 7 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["demo"], "exhibition");
    EXPECT_EQ(doc["boards"], 12);
    EXPECT_DOUBLE_EQ(doc["sequential_s"].get<double>(), 12 * 10 * 60.0);
    // 12 × 5 s = 5 s + 55 s: the crossover. Ten rounds of 60 s; the last reply lands 55 s after her last move.
    EXPECT_DOUBLE_EQ(doc["simultaneous_rounds_s"].get<double>(), 10 * 60.0);
    EXPECT_DOUBLE_EQ(doc["simultaneous_s"].get<double>(), 10 * 60.0 + 55);
    EXPECT_TRUE(doc["seed"].is_string());
    ASSERT_EQ(doc["boards_result"].size(), 12u);
    int wins = 0, losses = 0, draws = 0, undecided = 0;
    for (const auto& b : doc["boards_result"]) {
        EXPECT_GE(b["moves"].get<int>(), 1);
        EXPECT_LE(b["moves"].get<int>(), 10);
        EXPECT_TRUE(b["finish_s"].is_number());
        expect_board_consistent(b, 10);
        wins += b["result"] == "1-0";
        losses += b["result"] == "0-1";
        draws += b["result"] == "1/2-1/2";
        undecided += b["result"] == "*";
    }
    EXPECT_EQ(doc["her_wins"], wins);
    EXPECT_EQ(doc["her_losses"], losses);
    EXPECT_EQ(doc["draws"], draws);
    EXPECT_EQ(doc["undecided"], undecided);
    EXPECT_EQ(run("exhibition --boards 12 --moves 10 --seed 7 --json").out, o.out) << "deterministic by seed";
}

TEST(ExhibitionCli, TheTalksTwentyGamesEndWhereTheirPositionsSay) {
    const Outcome o = run("exhibition --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    ASSERT_EQ(doc["boards_result"].size(), 20u);
    for (const auto& b : doc["boards_result"]) expect_board_consistent(b, 30);
}

// Her 0.000001 s against their 3600 s: the crossover is 3.6 billion boards, beyond an int ("from -2147483648
// boards on"). It reads "never", and the JSON holds a positive count.
TEST(ExhibitionCli, AFarCrossoverSaysNeverInsteadOfOverflowing) {
    const Outcome text = run("exhibition --boards 1 --moves 1 --her 0.000001 --them 3600");
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_EQ(text.out.find("-2147483648"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("she never becomes the bottleneck"), std::string::npos) << text.out;
    const Outcome json = run("exhibition --boards 1 --moves 1 --her 0.000001 --them 3600 --json");
    ASSERT_EQ(json.status, 0) << json.err;
    EXPECT_GE(nlohmann::json::parse(json.out)["crossover_boards"].get<long long>(), 1'000'000'000LL) << json.out;
}

TEST(ExhibitionCli, BadInputExitsTwo) {
    for (const char* bad : {"--boards 0", "--boards 101", "--her 0", "--her -1", "--them 0", "--moves 0", "--moves 201",
                            "--mode nope", "--boards 010"}) {
        const Outcome o = run(std::string("exhibition ") + bad);
        EXPECT_EQ(o.status, 2) << bad;
        EXPECT_EQ(o.err.rfind("error: ", 0), 0u) << bad << " → " << o.err;
    }
}
