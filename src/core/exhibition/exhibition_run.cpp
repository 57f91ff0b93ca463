// The exhibition simulation: her coroutine and one per opponent, on one event loop per run.
#include "core/exhibition/exhibition_run.h"

#include "core/aio/event.h"
#include "core/aio/sleep.h"
#include "core/exhibition/schedule.h"

#include <limits>

namespace conclab::exhibition {

std::string_view to_string(Schedule schedule) {
    return schedule == Schedule::sequential ? "sequential" : "simultaneous";
}

std::string task_name(const TaskLabel& label) {
    std::string name = label.her ? std::string("Polgár") : "board " + std::to_string(label.board);
    name += " (";
    name += to_string(label.schedule);
    name += ')';
    return name;
}

std::optional<TaskLabel> task_label(std::string_view name) {
    for (const Schedule schedule : {Schedule::sequential, Schedule::simultaneous}) {
        const std::string tail = " (" + std::string(to_string(schedule)) + ")";
        if (name.size() <= tail.size() || name.substr(name.size() - tail.size()) != tail) continue;
        const std::string_view who = name.substr(0, name.size() - tail.size());
        if (who == "Polgár") return TaskLabel{true, 0, schedule};
        if (who.substr(0, 6) != "board ") return std::nullopt;
        const std::string_view digits = who.substr(6);
        if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
        return TaskLabel{false, std::stoi(std::string(digits)), schedule};
    }
    return std::nullopt;
}

std::string_view to_string(BoardState state) {
    switch (state) {
        case BoardState::waiting_for_her: return "waiting for her";
        case BoardState::her_move: return "her move";
        case BoardState::opponent_thinking: return "opponent thinking";
        case BoardState::finished: return "finished";
    }
    return "?";
}

namespace {

/// One board's game, played once and shared by both schedules (the moves do not depend on the timing).
class GameRecord {
public:
    struct Ply {
        std::string fen;
        std::string san;
        GameEnd end = GameEnd::ongoing;
    };

    GameRecord(std::unique_ptr<BoardGame> game, int max_plies) : game_(std::move(game)), max_plies_(max_plies) {
        plies_.push_back({game_->fen(), "", GameEnd::ongoing});
    }

    /// The position after `count` plies, playing the game up to there.
    const Ply& after(int count) {
        while (static_cast<int>(plies_.size()) <= count) {
            const bool hers = plies_.size() % 2 == 1;
            game_->play(hers);
            GameEnd end = game_->state();
            if (end == GameEnd::ongoing && static_cast<int>(plies_.size()) == max_plies_) end = GameEnd::move_limit;
            plies_.push_back({game_->fen(), game_->last_move(), end});
        }
        return plies_[static_cast<std::size_t>(count)];
    }

private:
    std::unique_ptr<BoardGame> game_;
    int max_plies_;
    std::vector<Ply> plies_;
};

std::string result_of(GameEnd end, int plies) {
    switch (end) {
        case GameEnd::checkmate: return plies % 2 == 1 ? "1-0" : "0-1";   // she plays white
        case GameEnd::stalemate:
        case GameEnd::fifty_moves:
        case GameEnd::insufficient_material: return "1/2-1/2";
        case GameEnd::ongoing:
        case GameEnd::move_limit: return "*";
    }
    return "*";
}

struct Board {
    BoardView view;
    int plies = 0;
    aio::Event her_turn;     // set: the opponent has replied (or the game starts)
    aio::Event their_turn;   // set: she has moved (or the game is over: the opponent stops)
};

struct ScheduleRun {
    Schedule schedule;
    double formula_s = 0;
    std::vector<Board> boards;
    int her_board = 0;
    std::vector<int> her_path;
    std::optional<double> end_s;
    std::vector<Turn> turns;
};

}  // namespace

struct ExhibitionRun::State {
    ExhibitionOptions options;
    aio::EventLoop& loop;
    std::vector<GameRecord> games;
    std::vector<std::unique_ptr<ScheduleRun>> schedules;

    void play_ply(ScheduleRun& run, Board& board) {
        const auto& ply = games[static_cast<std::size_t>(board.view.board - 1)].after(++board.plies);
        board.view.fen = ply.fen;
        board.view.last_move = ply.san;
        board.view.moves = (board.plies + 1) / 2;
        if (ply.end == GameEnd::ongoing) return;
        board.view.end = ply.end;
        board.view.result = result_of(ply.end, board.plies);
        board.view.state = BoardState::finished;
        board.view.finish_s = loop.now_s();
        run.end_s = loop.now_s();   // the last game to end ends the schedule
    }

    /// She stands at `board` until its opponent has replied, then moves and leaves.
    aio::Task<void> her_visit(ScheduleRun& run, Board& board) {
        run.her_board = board.view.board;
        if (run.her_path.empty() || run.her_path.back() != board.view.board) run.her_path.push_back(board.view.board);
        co_await board.her_turn.wait();
        board.her_turn.clear();
        if (board.view.state == BoardState::finished) co_return;   // the reply ended the game
        board.view.state = BoardState::her_move;
        const double began = loop.now_s();
        co_await aio::sleep(options.her_s);
        play_ply(run, board);
        run.turns.push_back({board.view.board, board.plies, true, began, loop.now_s(), board.view.last_move});
        if (board.view.state != BoardState::finished) board.view.state = BoardState::opponent_thinking;
        board.their_turn.set();
    }

    aio::Task<void> her_sequential(ScheduleRun& run) {
        for (auto& board : run.boards)
            while (board.view.state != BoardState::finished) co_await her_visit(run, board);
        run.her_board = 0;
    }

    aio::Task<void> her_simultaneous(ScheduleRun& run) {
        for (bool any_left = true; any_left;) {
            any_left = false;
            for (auto& board : run.boards) {
                if (board.view.state == BoardState::finished) continue;
                any_left = true;
                co_await her_visit(run, board);
            }
        }
        run.her_board = 0;
    }

    aio::Task<void> opponent(ScheduleRun& run, Board& board) {
        while (board.view.state != BoardState::finished) {
            co_await board.their_turn.wait();
            board.their_turn.clear();
            if (board.view.state == BoardState::finished) break;
            const double began = loop.now_s();
            co_await aio::sleep(options.them_s);
            play_ply(run, board);
            run.turns.push_back({board.view.board, board.plies, false, began, loop.now_s(), board.view.last_move});
            if (board.view.state != BoardState::finished) board.view.state = BoardState::waiting_for_her;
            board.her_turn.set();
        }
    }

    void add_schedule(Schedule schedule) {
        auto run = std::make_unique<ScheduleRun>();
        run->schedule = schedule;
        run->formula_s = schedule == Schedule::sequential ? sequential_total_s(options) : simultaneous_total_s(options);
        run->boards = std::vector<Board>(static_cast<std::size_t>(options.boards));
        for (int i = 0; i < options.boards; ++i) {
            Board& board = run->boards[static_cast<std::size_t>(i)];
            board.view.board = i + 1;
            board.view.fen = games[static_cast<std::size_t>(i)].after(0).fen;
            board.her_turn.set();
        }
        ScheduleRun& added = *run;
        schedules.push_back(std::move(run));
        loop.spawn(schedule == Schedule::sequential ? her_sequential(added) : her_simultaneous(added),
                   task_name({true, 0, schedule}));
        for (auto& board : added.boards)
            loop.spawn(opponent(added, board), task_name({false, board.view.board, schedule}));
    }
};

ExhibitionRun::ExhibitionRun(ExhibitionOptions options, MoveSource moves)
    : options_(options), state_(std::make_unique<State>(State{options, loop_, {}, {}})) {
    for (int board = 1; board <= options_.boards; ++board)
        state_->games.emplace_back(moves(board, options_.seed), 2 * options_.moves);
    if (options_.mode != Mode::simultaneous) state_->add_schedule(Schedule::sequential);
    if (options_.mode != Mode::sequential) state_->add_schedule(Schedule::simultaneous);
    publish();
}

ExhibitionRun::~ExhibitionRun() = default;

void ExhibitionRun::advance_to(double time_s) {
    loop_.run_until(time_s);
    publish();
}

bool ExhibitionRun::step() {
    if (!finished()) {
        const auto wait = loop_.run_once();
        if (wait && *wait > 0) loop_.run_until(loop_.now_s() + *wait);
        publish();
    }
    return !finished();
}

void ExhibitionRun::run_to_end() {
    loop_.run();
    publish();
}

bool ExhibitionRun::finished() const { return loop_.unfinished_tasks() == 0; }

double ExhibitionRun::sim_time_after(double real_s) const {
    return options_.speed == 0 ? std::numeric_limits<double>::infinity() : real_s * options_.speed;
}

ExhibitionSnapshot ExhibitionRun::snapshot() const {
    ExhibitionSnapshot out;
    out.now_s = loop_.now_s();
    out.finished = finished();
    out.loop = loop_.snapshot();
    for (const auto& run : state_->schedules) {
        ScheduleView view;
        view.schedule = run->schedule;
        view.formula_s = run->formula_s;
        bool all_done = true;
        for (const auto& board : run->boards) {
            view.boards.push_back(board.view);
            all_done = all_done && board.view.state == BoardState::finished;
        }
        view.finished = all_done;
        view.elapsed_s = all_done && run->end_s ? *run->end_s : out.now_s;
        view.her_board = run->her_board;
        view.her_path = run->her_path;
        out.schedules.push_back(std::move(view));
    }
    return out;
}

void ExhibitionRun::publish() {
    auto fresh = snapshot();
    std::lock_guard lock(published_mutex_);
    published_ = std::move(fresh);
}

ExhibitionSnapshot starting_snapshot(const ExhibitionOptions& options, MoveSource moves) {
    return ExhibitionRun(options, std::move(moves)).snapshot();
}

ExhibitionSnapshot ExhibitionRun::latest_snapshot() const {
    std::lock_guard lock(published_mutex_);
    return published_;
}

ExhibitionReport ExhibitionRun::report() const {
    ExhibitionReport out;
    out.options = options_;
    out.sequential_s = sequential_total_s(options_);
    out.simultaneous_s = simultaneous_total_s(options_);
    out.simultaneous_rounds_s = simultaneous_rounds_s(options_);
    out.crossover_boards = crossover_boards(options_);
    out.finished = finished();
    const ScheduleRun* sequential = nullptr;
    const ScheduleRun* simultaneous = nullptr;
    for (const auto& run : state_->schedules) {
        (run->schedule == Schedule::sequential ? sequential : simultaneous) = run.get();
        if (out.finished)
            (run->schedule == Schedule::sequential ? out.simulated_sequential_s : out.simulated_simultaneous_s) = run->end_s;
    }
    const ScheduleRun& main = simultaneous ? *simultaneous : *sequential;
    for (std::size_t i = 0; i < main.boards.size(); ++i) {
        const BoardView& view = main.boards[i].view;
        BoardResult result{view.board, view.moves, view.result, view.end, view.finish_s.value_or(0), {}, view.fen};
        if (simultaneous && sequential) result.sequential_finish_s = sequential->boards[i].view.finish_s;
        out.boards.push_back(result);
        if (view.result == "1-0") ++out.her_wins;
        else if (view.result == "0-1") ++out.her_losses;
        else if (view.result == "1/2-1/2") ++out.draws;
        else ++out.undecided;
    }
    return out;
}

std::vector<ScheduleTurns> ExhibitionRun::turns() const {
    std::vector<ScheduleTurns> out;
    for (const auto& run : state_->schedules) out.push_back({run->schedule, run->turns});
    return out;
}

nlohmann::json to_json(const ExhibitionReport& report) {
    const auto& o = report.options;
    nlohmann::json boards = nlohmann::json::array();
    for (const auto& board : report.boards) {
        nlohmann::json entry{{"board", board.board},
                             {"moves", board.moves},
                             {"result", board.result},
                             {"end", std::string(to_string(board.end))},
                             {"finish_s", board.finish_s}};
        if (board.sequential_finish_s) entry["sequential_finish_s"] = *board.sequential_finish_s;
        if (!board.fen.empty()) entry["fen"] = board.fen;
        boards.push_back(std::move(entry));
    }
    nlohmann::json simulated = nlohmann::json::object();
    if (report.simulated_sequential_s) simulated["sequential_s"] = *report.simulated_sequential_s;
    if (report.simulated_simultaneous_s) simulated["simultaneous_s"] = *report.simulated_simultaneous_s;
    return {{"demo", "exhibition"},
            {"boards", o.boards},
            {"her_s", o.her_s},
            {"them_s", o.them_s},
            {"moves", o.moves},
            {"mode", std::string(to_string(o.mode))},
            {"seed", std::to_string(o.seed)},
            {"sequential_s", report.sequential_s},
            {"simultaneous_s", report.simultaneous_s},
            {"simultaneous_rounds_s", report.simultaneous_rounds_s},
            {"crossover_boards", report.crossover_boards},
            {"simulated", simulated},
            {"finished", report.finished},
            {"her_wins", report.her_wins},
            {"her_losses", report.her_losses},
            {"draws", report.draws},
            {"undecided", report.undecided},
            {"boards_result", boards}};
}

}  // namespace conclab::exhibition
