// One run of Judit Polgár's simultaneous exhibition, simulated on core/aio's event loop with a virtual
// clock: a coroutine for her walking from board to board, one per board for its opponent. Both schedules
// (one game after another; all boards at once) can run side by side in the same virtual time, playing
// the same games. The CLI runs it to the end at once; a live view advances it with the real clock × speed
// and draws snapshots.
#pragma once

#include "core/aio/event_loop.h"
#include "core/exhibition/exhibition_options.h"
#include "core/exhibition/move_source.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace conclab::exhibition {

enum class Schedule { sequential, simultaneous };
std::string_view to_string(Schedule schedule);

/// @brief Who one of the exhibition's tasks is: her (one task per schedule) or a board's opponent (`board` from 1).
struct TaskLabel {
    bool her = false;
    int board = 0;
    Schedule schedule = Schedule::sequential;
    bool operator==(const TaskLabel&) const = default;
};
/// @brief The event loop's name of such a task, "Polgár (sequential)", "board 3 (simultaneous)" (the loop names
/// tasks with text), and the label back from it (nullopt for a name that is not one): the panel words it.
std::string task_name(const TaskLabel& label);
std::optional<TaskLabel> task_label(std::string_view name);

/// @brief What a board is doing: its opponent has replied and waits for her, she is moving, its opponent
/// is thinking, or the game is over.
enum class BoardState { waiting_for_her, her_move, opponent_thinking, finished };
std::string_view to_string(BoardState state);

struct BoardView {
    int board = 0;                    ///< 1-based
    std::string fen;                  ///< "" with the schedule-only move source
    std::string last_move;            ///< SAN
    int moves = 0;                    ///< her moves played so far
    BoardState state = BoardState::waiting_for_her;
    GameEnd end = GameEnd::ongoing;
    std::string result = "*";         ///< "1-0" (she won), "0-1", "1/2-1/2", "*" (not decided)
    std::optional<double> finish_s;
};

struct ScheduleView {
    Schedule schedule = Schedule::simultaneous;
    double formula_s = 0;             ///< schedule.h's total (exact unless games end early)
    double elapsed_s = 0;             ///< this schedule's clock: the time now, or its end once finished
    bool finished = false;
    int her_board = 0;                ///< where she stands (1-based), 0 when done
    std::vector<int> her_path;        ///< the boards she walked to, in order (staying at one counts once)
    std::vector<BoardView> boards;
};

/// @brief One move on one board: hers or her opponent's, from when its player began it to when it was played
/// (simulated seconds) — a board's turn, as the trace shows it.
struct Turn {
    int board = 0;          ///< 1-based
    int ply = 0;            ///< 1-based; odd plies are hers (she plays white)
    bool hers = true;
    double start_s = 0;
    double end_s = 0;
    std::string san;
};

struct ScheduleTurns {
    Schedule schedule = Schedule::simultaneous;
    std::vector<Turn> turns;   ///< in the order they were played
};

struct ExhibitionSnapshot {
    double now_s = 0;
    bool finished = false;
    std::vector<ScheduleView> schedules;   ///< the simulated ones: sequential first
    aio::LoopSnapshot loop;
};

struct BoardResult {
    int board = 0;
    int moves = 0;
    std::string result;
    GameEnd end = GameEnd::ongoing;
    double finish_s = 0;                       ///< in the simultaneous schedule when simulated, else sequential
    std::optional<double> sequential_finish_s; ///< when both were simulated
    std::string fen;
};

struct ExhibitionReport {
    ExhibitionOptions options;
    double sequential_s = 0;                   ///< formulas (schedule.h)
    double simultaneous_s = 0;
    double simultaneous_rounds_s = 0;
    int crossover_boards = 0;
    std::optional<double> simulated_sequential_s;
    std::optional<double> simulated_simultaneous_s;
    std::vector<BoardResult> boards;
    int her_wins = 0;
    int her_losses = 0;
    int draws = 0;
    int undecided = 0;
    bool finished = false;
};

class ExhibitionRun {
public:
    /// @brief Sets up the boards and coroutines at virtual time 0; nothing runs until advanced.
    explicit ExhibitionRun(ExhibitionOptions options, MoveSource moves = chess_moves());
    ~ExhibitionRun();
    ExhibitionRun(const ExhibitionRun&) = delete;
    ExhibitionRun& operator=(const ExhibitionRun&) = delete;

    /// @brief Runs everything that happens up to simulated time `time_s` (a live view passes
    /// sim_time_after(real elapsed)).
    void advance_to(double time_s);
    /// @brief Runs the next moment at which anything happens; false once finished.
    bool step();
    /// @brief Runs to the end (instant: virtual time).
    void run_to_end();

    bool finished() const;
    double now_s() const { return loop_.now_s(); }
    /// @brief Simulated seconds after `real_s` real seconds at the options' speed (infinite at "max").
    double sim_time_after(double real_s) const;

    /// @brief The state now. Call on the thread that advances the run.
    ExhibitionSnapshot snapshot() const;
    /// @brief A copy of the snapshot taken at the end of the last advance_to / step / run_to_end; any thread.
    ExhibitionSnapshot latest_snapshot() const;
    /// @brief The results so far; final once finished().
    ExhibitionReport report() const;
    /// @brief Every move played so far, per simulated schedule (sequential first). Call on the thread that advances
    /// the run.
    std::vector<ScheduleTurns> turns() const;

    struct State;

private:
    void publish();

    ExhibitionOptions options_;
    std::unique_ptr<State> state_;   // before loop_: the loop's frames go first, then the boards they used
    aio::EventLoop loop_;
    mutable std::mutex published_mutex_;
    ExhibitionSnapshot published_;
};

/// @brief The boards as they stand before a run: each game at its first position, nobody has moved, every coroutine
/// ready on the loop (what a live view shows before Start, so the lesson's picture is there at first sight).
ExhibitionSnapshot starting_snapshot(const ExhibitionOptions& options, MoveSource moves = chess_moves());

/// @brief The report as the CLI's --json and CONCLAB_RESULT: times in seconds, the seed as a string.
nlohmann::json to_json(const ExhibitionReport& report);

}  // namespace conclab::exhibition
