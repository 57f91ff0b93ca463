// The exhibition demo's options (CLI flags, query string, panel): boards, move times, moves per game,
// which schedule to simulate, the seed of the players' choices and the live view's speed.
#pragma once

#include "core/base/options.h"
#include "core/spinner/spinner.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace conclab::exhibition {

/// @brief Which schedule to simulate: one game after another, all boards at once, or both side by side.
enum class Mode { sequential, simultaneous, both };

std::string_view to_string(Mode mode);

struct ExhibitionOptions {
    int boards = 20;
    double her_s = 5;          ///< Polgár's time per move
    double them_s = 55;        ///< each opponent's time per move
    int moves = 30;            ///< move pairs per game (hers, then the reply), unless the game ends first
    Mode mode = Mode::both;
    std::uint64_t seed = 1;
    double speed = 60;         ///< simulated seconds per real second in a live view; 0 = as fast as possible
    /// @brief The app only (launch options spinner, block, spinner-seconds): run the spinner at launch.
    std::optional<spinner::SpinnerOptions> spinner;
};

inline constexpr int kMaxBoards = 100;
inline constexpr int kMaxMoves = 200;
inline constexpr double kMaxMoveSeconds = 3600;
inline constexpr double kMaxSpeed = 86400;

/// @brief Reads boards (1..100), her / them (> 0, ≤ 3600 s), moves (1..200), mode, seed (decimal ≥ 0) and
/// speed ("max" or > 0, ≤ 86400) from `params`; bad values go to `errors`, the defaults stay.
ExhibitionOptions parse_exhibition_options(const options::Params& params, options::FieldErrors& errors);

/// @brief The options above, for CLI flags and help: boards, her, them, moves, mode, seed, speed.
const std::vector<options::OptionSpec>& exhibition_option_specs();
/// @brief The app's (query string, desktop flags): the above plus spinner (thread|process|coroutine: start
/// the spinner at launch), block and spinner-seconds (> 0, <= 60). `conclab spinner` is the CLI's form.
const std::vector<options::OptionSpec>& exhibition_app_option_specs();

}  // namespace conclab::exhibition
