// The talk's latency ladder (Ryan Dahl: L1 3 cycles, L2 14, RAM 250, disk 41 000 000, network 240 000 000)
// and the same rungs measured here, scaled to human time as the talk does: one cycle lasts one second.
#pragma once

#include "core/lab/lab_report.h"

#include <optional>
#include <string>
#include <vector>

namespace conclab::lab {

/// @brief The talk's five rungs, and L3 which it leaves out, with no measurement yet.
std::vector<LadderRung> talk_ladder();

/// @brief A duration as a person says it, as data: the value in its largest whole unit (the UI words the unit).
enum class DurationUnit { s, min, h, days, years };
struct HumanDuration {
    double value = 0;
    DurationUnit unit = DurationUnit::s;
};
HumanDuration human_parts(double seconds);

/// @brief A duration in seconds as a person says it: "3 s", "4.2 min", "7.8 h", "16 days", "7.6 years".
std::string human_duration(double seconds);

/// @brief The ladder as a table: rung | talk cycles | talk at 1 cycle = 1 s | measured | cycles at `ghz` | measured at 1 cycle = 1 s.
Table ladder_table(const std::vector<LadderRung>& rungs, double ghz);

/// @brief ladder_table's columns by importance, for a reader that cannot show them all: the rung, the human times
/// (here, the talk's), the measured time, how it was measured, then the cycles.
inline constexpr std::size_t kLadderImportance[] = {0, 5, 2, 3, 6, 4, 1};

}  // namespace conclab::lab
