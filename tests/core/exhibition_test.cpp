// The exhibition: the schedule formulas against the simulation, determinism, option errors, the live
// view's snapshots, and a full 20-board game of chess.
#include "core/exhibition/exhibition_options.h"
#include "core/exhibition/exhibition_run.h"
#include "core/exhibition/schedule.h"
#include "core/chess/game_state.h"
#include "core/chess/notation.h"
#include "core/chess/position.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace ex = conclab::exhibition;
namespace chess = conclab::chess;

namespace {

ex::ExhibitionOptions with_boards(int boards) {
    ex::ExhibitionOptions o;
    o.boards = boards;
    return o;
}

struct Expected {
    int boards;
    double sequential_s;
    double rounds_s;
    double simultaneous_s;
};

/// Half moves played to reach `position` from the start (white, move 1).
int plies_of(const chess::Position& position) {
    return (position.fullmove_number() - 1) * 2 + (position.side_to_move() == chess::Color::black ? 1 : 0);
}

/// What a finished game's last position says its end and result are (she plays white).
std::pair<ex::GameEnd, std::string> end_of(const chess::Position& position, int her_moves, int move_limit) {
    switch (chess::game_state(position)) {
        case chess::GameState::checkmate:
            return {ex::GameEnd::checkmate, position.side_to_move() == chess::Color::black ? "1-0" : "0-1"};
        case chess::GameState::stalemate: return {ex::GameEnd::stalemate, "1/2-1/2"};
        case chess::GameState::fifty_moves: return {ex::GameEnd::fifty_moves, "1/2-1/2"};
        case chess::GameState::insufficient_material: return {ex::GameEnd::insufficient_material, "1/2-1/2"};
        case chess::GameState::ongoing: break;
    }
    return {her_moves == move_limit ? ex::GameEnd::move_limit : ex::GameEnd::ongoing, "*"};
}

}  // namespace

TEST(Exhibition, SimulatedTimesEqualTheFormulas) {
    // 5 s / 55 s / 30 moves. Rounds: max(N x 5, 60); the last reply comes min(55, (N-1) x 5) later.
    const Expected cases[] = {
        {1, 1800, 1800, 1800},      {11, 19800, 1800, 1850},   {12, 21600, 1800, 1855},
        {13, 23400, 1950, 2005},    {20, 36000, 3000, 3055},   {60, 108000, 9000, 9055},
    };
    for (const auto& expected : cases) {
        const auto o = with_boards(expected.boards);
        EXPECT_DOUBLE_EQ(ex::sequential_total_s(o), expected.sequential_s) << expected.boards;
        EXPECT_DOUBLE_EQ(ex::simultaneous_rounds_s(o), expected.rounds_s) << expected.boards;
        EXPECT_DOUBLE_EQ(ex::simultaneous_total_s(o), expected.simultaneous_s) << expected.boards;

        ex::ExhibitionRun run(o, ex::schedule_only());
        run.run_to_end();
        ASSERT_TRUE(run.finished());
        const auto report = run.report();
        ASSERT_TRUE(report.simulated_sequential_s && report.simulated_simultaneous_s);
        EXPECT_DOUBLE_EQ(*report.simulated_sequential_s, expected.sequential_s) << expected.boards;
        EXPECT_DOUBLE_EQ(*report.simulated_simultaneous_s, expected.simultaneous_s) << expected.boards;
        EXPECT_EQ(report.undecided, expected.boards);
        for (const auto& board : report.boards) {
            EXPECT_EQ(board.moves, 30);
            EXPECT_EQ(board.end, ex::GameEnd::move_limit);
            // Sequentially, game k ends after k games of 30 x 60 s.
            EXPECT_DOUBLE_EQ(*board.sequential_finish_s, board.board * 1800.0);
        }
    }
}

TEST(Exhibition, SheBecomesTheBottleneckAtTwelveBoards) {
    EXPECT_EQ(ex::crossover_boards(with_boards(20)), 12);
    EXPECT_DOUBLE_EQ(ex::simultaneous_round_s(with_boards(11)), 60);   // the opponents' pace
    EXPECT_DOUBLE_EQ(ex::simultaneous_round_s(with_boards(12)), 60);
    EXPECT_DOUBLE_EQ(ex::simultaneous_round_s(with_boards(13)), 65);   // hers from here on
    const auto note = ex::talk_slide_note(with_boards(20));
    EXPECT_NE(note.find("40 s"), std::string::npos) << note;
    EXPECT_NE(note.find("100 s"), std::string::npos) << note;
    EXPECT_NE(note.find("50 min"), std::string::npos) << note;
    // Below the crossover the slide's method falls short: 10 boards, 25 min against 30.
    const auto short_note = ex::talk_slide_note(with_boards(10));
    EXPECT_NE(short_note.find("gives 25 min here"), std::string::npos) << short_note;
    EXPECT_NE(short_note.find("take 30 min"), std::string::npos) << short_note;
}

TEST(Exhibition, OptionsParseAndBadValuesAreNamed) {
    conclab::options::FieldErrors errors;
    auto o = ex::parse_exhibition_options({{"boards", "24"}, {"her", "2.5"}, {"them", "60"}, {"moves", "40"},
                                           {"mode", "simultaneous"}, {"seed", "18446744073"}, {"speed", "max"}},
                                          errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(o.boards, 24);
    EXPECT_DOUBLE_EQ(o.her_s, 2.5);
    EXPECT_DOUBLE_EQ(o.them_s, 60);
    EXPECT_EQ(o.moves, 40);
    EXPECT_EQ(o.mode, ex::Mode::simultaneous);
    EXPECT_EQ(o.seed, 18446744073u);
    EXPECT_EQ(o.speed, 0);

    const std::vector<std::pair<std::string, std::string>> bad{
        {"boards", "0"}, {"boards", "101"}, {"her", "0"}, {"her", "-1"}, {"them", "3601"}, {"moves", "0"},
        {"moves", "201"}, {"mode", "blitz"}, {"seed", "-1"}, {"speed", "0"}, {"speed", "fast"}};
    for (const auto& [name, value] : bad) {
        conclab::options::FieldErrors field_errors;
        const auto defaults = ex::parse_exhibition_options({{name, value}}, field_errors);
        ASSERT_EQ(field_errors.count(name), 1u) << name << "=" << value;
        EXPECT_NE(conclab::options::english(field_errors.at(name)).find(value), std::string::npos) << conclab::options::english(field_errors.at(name));
        EXPECT_EQ(defaults.boards, 20);
    }
    conclab::options::FieldErrors mode_errors;
    ex::parse_exhibition_options({{"mode", "blitz"}}, mode_errors);
    EXPECT_NE(conclab::options::english(mode_errors.at("mode")).find("sequential|simultaneous|both"), std::string::npos) << conclab::options::english(mode_errors.at("mode"));
    std::vector<std::string> names;
    for (const auto& spec : ex::exhibition_option_specs()) names.push_back(spec.name);
    EXPECT_EQ(names, (std::vector<std::string>{"boards", "her", "them", "moves", "mode", "seed", "speed"}));
}

TEST(Exhibition, SnapshotsShowHerWalkAndTheLoop) {
    ex::ExhibitionRun run(with_boards(20), ex::schedule_only());
    run.advance_to(7);   // she moved on board 1 (0..5 s) and is moving on board 2
    auto view = run.snapshot();
    ASSERT_EQ(view.schedules.size(), 2u);
    const auto& simultaneous = view.schedules[1];
    EXPECT_EQ(simultaneous.schedule, ex::Schedule::simultaneous);
    EXPECT_EQ(simultaneous.her_board, 2);
    EXPECT_EQ(simultaneous.her_path, (std::vector<int>{1, 2}));
    EXPECT_EQ(simultaneous.boards[0].state, ex::BoardState::opponent_thinking);
    EXPECT_EQ(simultaneous.boards[1].state, ex::BoardState::her_move);
    EXPECT_EQ(simultaneous.boards[2].state, ex::BoardState::waiting_for_her);
    EXPECT_EQ(simultaneous.boards[0].moves, 1);
    const auto& sequential = view.schedules[0];
    EXPECT_EQ(sequential.her_board, 1);
    EXPECT_EQ(sequential.boards[0].state, ex::BoardState::opponent_thinking);   // she waits at board 1
    EXPECT_EQ(sequential.boards[1].state, ex::BoardState::waiting_for_her);

    // The loop: her simultaneous self sleeps until 10 s, board 1's opponent until 5 + 55 s.
    bool her_timer = false;
    bool board_timer = false;
    for (const auto& timer : view.loop.timers) {
        her_timer = her_timer || (timer.name == "Polgár (simultaneous)" && timer.due_s == 10);
        board_timer = board_timer || (timer.name == "board 1 (simultaneous)" && timer.due_s == 60);
    }
    EXPECT_TRUE(her_timer);
    EXPECT_TRUE(board_timer);
    EXPECT_DOUBLE_EQ(view.now_s, 7);
    EXPECT_DOUBLE_EQ(run.latest_snapshot().now_s, 7);

    EXPECT_TRUE(run.step());   // next moment: 10 s, she finished board 2
    EXPECT_DOUBLE_EQ(run.now_s(), 10);
    EXPECT_DOUBLE_EQ(run.sim_time_after(2), 120);   // speed 60
}

// Before Start the panel draws this: every board at the game's first position, nobody has moved, and the loop holds
// her coroutine and one per opponent, ready, per schedule of the mode.
TEST(Exhibition, TheStartingSnapshotIsEveryBoardBeforeTheFirstMove) {
    auto options = with_boards(7);
    const auto start = ex::starting_snapshot(options);
    ASSERT_EQ(start.schedules.size(), 2u);
    EXPECT_DOUBLE_EQ(start.now_s, 0);
    EXPECT_FALSE(start.finished);
    for (const auto& schedule : start.schedules) {
        ASSERT_EQ(schedule.boards.size(), 7u);
        EXPECT_EQ(schedule.her_board, 0);
        EXPECT_TRUE(schedule.her_path.empty());
        EXPECT_FALSE(schedule.finished);
        for (const auto& board : schedule.boards) {
            EXPECT_EQ(board.fen, "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1");
            EXPECT_EQ(board.moves, 0);
            EXPECT_EQ(board.state, ex::BoardState::waiting_for_her);
        }
    }
    EXPECT_EQ(start.loop.ready.size(), 2u * (7 + 1));
    EXPECT_TRUE(start.loop.timers.empty());
    // The same boards a run shows at its first snapshot, and one schedule when the mode names one.
    ex::ExhibitionRun run(options);
    EXPECT_EQ(run.latest_snapshot().schedules[1].boards[3].fen, start.schedules[1].boards[3].fen);
    options.mode = ex::Mode::sequential;
    const auto sequential = ex::starting_snapshot(options);
    ASSERT_EQ(sequential.schedules.size(), 1u);
    EXPECT_EQ(sequential.schedules[0].schedule, ex::Schedule::sequential);
}

TEST(Exhibition, SameSeedSameGames) {
    ex::ExhibitionOptions o;
    o.boards = 3;
    o.moves = 12;
    o.seed = 7;
    ex::ExhibitionRun first(o);
    first.run_to_end();
    ex::ExhibitionRun second(o);
    second.run_to_end();
    EXPECT_EQ(ex::to_json(first.report()).dump(), ex::to_json(second.report()).dump());
    o.seed = 8;
    ex::ExhibitionRun other(o);
    other.run_to_end();
    EXPECT_NE(ex::to_json(first.report())["boards_result"].dump(), ex::to_json(other.report())["boards_result"].dump());
}

TEST(Exhibition, TwentyBoardsOfChessToTheEnd) {
    const std::clock_t cpu_start = std::clock();
    ex::ExhibitionRun run(ex::ExhibitionOptions{});
    run.run_to_end();
    const double cpu_s = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf("[ benchmark ] 20 boards x 30 moves, both schedules, chess: %.3f s CPU (target < 1 s natively)\n", cpu_s);
    ASSERT_TRUE(run.finished());
    const auto report = run.report();
    const auto json = ex::to_json(report);
    EXPECT_EQ(json["demo"], "exhibition");
    EXPECT_EQ(json["seed"], "1");
    EXPECT_EQ(json["boards_result"].size(), 20u);
    EXPECT_EQ(report.her_wins + report.her_losses + report.draws + report.undecided, 20);
    EXPECT_LE(*report.simulated_simultaneous_s, report.simultaneous_s);
    EXPECT_LE(*report.simulated_sequential_s, report.sequential_s);
    for (const auto& board : report.boards) {
        EXPECT_GE(board.moves, 1);
        EXPECT_LE(board.moves, 30);
        EXPECT_EQ(board.end == ex::GameEnd::move_limit, board.moves == 30 && board.result == "*") << board.board;
        EXPECT_LE(board.finish_s, *report.simulated_simultaneous_s);
        EXPECT_FALSE(board.fen.empty());
    }
    std::printf("[ benchmark ] she won %d, lost %d, drew %d, %d undecided; simultaneous %.0f s, sequential %.0f s\n",
                report.her_wins, report.her_losses, report.draws, report.undecided, *report.simulated_simultaneous_s,
                *report.simulated_sequential_s);
}

// Every move the run shows (each board's last move in SAN and its position, step by step, in both schedules) is
// replayed with core/chess from the initial position: each is a legal move of the position before it and leads to the
// position shown; the report's final position is where the replay ends, and its end and result are what that position
// says (mate, a draw rule, or the move limit).
TEST(Exhibition, EveryReportedMoveReplaysToTheReportedPositionAndResult) {
    ex::ExhibitionOptions o;   // the talk's 20 boards, 30 moves
    ex::ExhibitionRun run(o);
    struct Replay {
        chess::Position position = chess::Position::start();
        std::string fen = chess::Position::start().fen();
        int moves = 0;
        std::string last_move;
    };
    std::map<std::pair<int, int>, Replay> replays;   // (schedule, board)
    int replayed = 0;
    const auto replay_what_is_shown = [&] {
        const auto snapshot = run.snapshot();
        for (const auto& schedule : snapshot.schedules)
            for (const auto& board : schedule.boards) {
                Replay& r = replays[{static_cast<int>(schedule.schedule), board.board}];
                if (board.fen.empty()) continue;
                if (board.fen == r.fen) {
                    EXPECT_EQ(board.last_move, r.last_move) << "board " << board.board << ": a move shown without its position";
                    r.last_move = board.last_move;   // said once
                    continue;
                }
                const std::string where = std::string(ex::to_string(schedule.schedule)) + " board " + std::to_string(board.board) +
                                          " after " + r.fen + ", " + board.last_move;
                std::string error;
                const auto shown = chess::Position::from_fen(board.fen, error);
                ASSERT_TRUE(shown) << where << ": " << error;
                ASSERT_EQ(plies_of(*shown), plies_of(r.position) + 1) << where << ": one half move at a time";
                const auto legal = r.position.legal_moves();
                const auto it = std::find_if(legal.begin(), legal.end(),
                                             [&](const chess::Move& m) { return chess::to_san(r.position, m) == board.last_move; });
                ASSERT_NE(it, legal.end()) << where << ": not a legal move there";
                r.position.play(*it);
                ASSERT_EQ(r.position.fen(), board.fen) << where;
                r.fen = board.fen;
                r.moves = board.moves;
                r.last_move = board.last_move;
                ++replayed;
            }
    };
    do {
        replay_what_is_shown();
        ASSERT_FALSE(HasFatalFailure());
    } while (run.step());
    replay_what_is_shown();
    ASSERT_FALSE(HasFatalFailure());
    ASSERT_TRUE(run.finished());
    const auto report = run.report();
    ASSERT_EQ(report.boards.size(), 20u);
    int wins = 0, losses = 0, draws = 0, undecided = 0;
    for (const auto& board : report.boards) {
        for (auto schedule : {ex::Schedule::sequential, ex::Schedule::simultaneous}) {
            const Replay& r = replays[{static_cast<int>(schedule), board.board}];
            EXPECT_EQ(r.fen, board.fen) << "board " << board.board << ": the " << ex::to_string(schedule) << " replay ends elsewhere";
        }
        const Replay& r = replays[{static_cast<int>(ex::Schedule::simultaneous), board.board}];
        EXPECT_EQ(board.moves, (plies_of(r.position) + 1) / 2) << "board " << board.board << ": her moves";
        const auto [end, result] = end_of(r.position, board.moves, o.moves);
        EXPECT_EQ(board.end, end) << "board " << board.board << " " << board.fen;
        EXPECT_EQ(board.result, result) << "board " << board.board << " " << board.fen;
        if (end == ex::GameEnd::move_limit) {
            EXPECT_EQ(plies_of(r.position), 2 * o.moves) << "board " << board.board << ": the limit comes after the reply";
        }
        wins += result == "1-0";
        losses += result == "0-1";
        draws += result == "1/2-1/2";
        undecided += result == "*";
    }
    EXPECT_EQ(report.her_wins, wins);
    EXPECT_EQ(report.her_losses, losses);
    EXPECT_EQ(report.draws, draws);
    EXPECT_EQ(report.undecided, undecided);
    EXPECT_GE(replayed, 2 * 20 * 2) << "every board of both schedules showed its moves";
}

TEST(Exhibition, TheSlidesMethodCountsOnlyHerMoves) {
    // "Uma volta completa leva 20 x 5s": boards x her time a round. At 20 boards it is the right count (its sum,
    // 40 s, was the slip); at 12 both give 30 min; below the crossover it undercounts (10 boards: 25 min, not 30).
    EXPECT_DOUBLE_EQ(ex::slide_method_rounds_s(with_boards(20)), 3000);
    EXPECT_DOUBLE_EQ(ex::slide_method_rounds_s(with_boards(20)), ex::simultaneous_rounds_s(with_boards(20)));
    EXPECT_DOUBLE_EQ(ex::slide_method_rounds_s(with_boards(12)), 1800);
    EXPECT_DOUBLE_EQ(ex::simultaneous_rounds_s(with_boards(12)), 1800);
    EXPECT_DOUBLE_EQ(ex::slide_method_rounds_s(with_boards(10)), 1500);
    EXPECT_DOUBLE_EQ(ex::simultaneous_rounds_s(with_boards(10)), 1800);
}

// The loop names the exhibition's tasks with text; core reads its own names back as labels, which the panel words
// in the page's language (issue 19 §4).
TEST(Exhibition, TaskNamesReadBackAsLabels) {
    using conclab::exhibition::Schedule;
    using conclab::exhibition::TaskLabel;
    using conclab::exhibition::task_label;
    using conclab::exhibition::task_name;
    for (const TaskLabel label : {TaskLabel{true, 0, Schedule::sequential}, TaskLabel{true, 0, Schedule::simultaneous},
                                  TaskLabel{false, 1, Schedule::sequential}, TaskLabel{false, 100, Schedule::simultaneous}})
        EXPECT_EQ(task_label(task_name(label)), label) << task_name(label);
    EXPECT_EQ(task_name({false, 3, Schedule::sequential}), "board 3 (sequential)");
    for (const char* other : {"board  (sequential)", "board x (sequential)", "board 3 (later)", "Polgár", "sleep", ""})
        EXPECT_FALSE(task_label(other)) << other;
}
