// The exhibition's arithmetic, exactly as the simulation runs it.
//
// The model: she plays white on every board and moves first. A game is `moves` pairs: her move (her_s),
// then the opponent's reply (them_s). Sequentially she plays one whole game after another. Simultaneously
// she walks round the boards in order, 1..N, 1..N, …; at each board she waits until its opponent has
// replied (walking takes no time), moves, and walks on while that opponent thinks. A round therefore takes
// max(N × her, her + them): her own moves, or one board's move pair, whichever is longer (she becomes the
// bottleneck from N × her ≥ her + them, 12 boards with 5 s / 55 s). The exhibition ends with the last
// board's last reply, which comes min(them, (N − 1) × her) after the end of the last round.
#pragma once

#include "core/exhibition/exhibition_options.h"

#include <string>

namespace conclab::exhibition {

/// @brief boards × moves × (her + them): 20 × 30 × 60 s = 36 000 s = 10 h.
double sequential_total_s(const ExhibitionOptions& o);

/// @brief One round of the simultaneous schedule: max(boards × her, her + them) (100 s for 20 boards).
double simultaneous_round_s(const ExhibitionOptions& o);

/// @brief The slide's method: moves × boards × her time, a round counted as her moves only ("Uma volta completa leva
/// 20 x 5s"); right from the crossover on (12 boards: 30 min, as moves × max), short below it.
double slide_method_rounds_s(const ExhibitionOptions& o);

/// @brief moves × round: 30 × 100 s = 3 000 s = 50 min, the talk's figure (the end of her last round).
double simultaneous_rounds_s(const ExhibitionOptions& o);

/// @brief When the last reply is in: moves × round + min(them, (boards − 1) × her) — 3 055 s for 20 boards.
/// Games that end early (mate, stalemate) make the simulated time shorter, never longer.
double simultaneous_total_s(const ExhibitionOptions& o);

/// @brief The most boards crossover_boards says: past this she is never the bottleneck in any exhibition anyone
/// could hold (her 0.000001 s against their 3600 s gives 3.6 billion, beyond an int: it came out -2147483648).
inline constexpr int kCrossoverNever = 1'000'000'000;

/// @brief The fewest boards at which she is the bottleneck (boards × her ≥ her + them): 12 for 5 s / 55 s; at most
/// kCrossoverNever, which reads "never".
int crossover_boards(const ExhibitionOptions& o);

/// @brief Real seconds the live view gives what is left of the sequential schedule once the simultaneous one is
/// over (mode both): at speed 600 the sequential took 47 of 52 s after the simultaneous had ended, nothing to see.
inline constexpr double kFastForwardRealS = 6;

/// @brief The live view's speed: `speed` (0 = max stays max), except in mode both once the simultaneous schedule
/// is over (at `simultaneous_end_s`) and the sequential is not: fast enough that the sequential's rest from then (up
/// to its formula) takes kFastForwardRealS — one constant speed, never slower than `speed`.
double live_speed(const ExhibitionOptions& o, double speed, double simultaneous_end_s, bool simultaneous_done,
                  bool sequential_done);

/// @brief Real seconds the live view takes at `speed` (> 0) in mode both, by the formulas (an upper bound: games that
/// end early end it sooner): the simultaneous schedule at speed, then at most kFastForwardRealS of fast-forward.
double live_real_s(const ExhibitionOptions& o, double speed);

/// @brief Why the talk's slide says 20 minutes for what takes 50.
std::string talk_slide_note(const ExhibitionOptions& o);

}  // namespace conclab::exhibition
