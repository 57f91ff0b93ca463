// A worker's lane of the timeline as pixel columns: the share of each column's time the worker computed (for the
// GIL model: held the lock) and the share it spent waiting for the GIL. Drawing each wait at least one pixel wide
// made a thread that computed 99% of the time look idle; shading each column by its shares draws it as it was.
#pragma once

#include "core/primes/primes_run.h"

#include <span>
#include <string_view>
#include <vector>

namespace conclab::primes {

struct ColumnShare {
    double computing = 0;   ///< 0..1 of the column's time: inside a check and not waiting for the GIL
    double waiting = 0;     ///< 0..1: inside a check, waiting for the GIL
};

/// @brief The checks `worker` ran (or runs: elapsed so far), cut into `columns` equal columns over [from_s, to_s)
/// (seconds since the run started); parts outside the window are left out. Empty for columns < 1 or an empty window.
std::vector<ColumnShare> timeline_columns(std::span<const CheckResult> checks, std::string_view worker, double from_s,
                                          double to_s, int columns);

}  // namespace conclab::primes
