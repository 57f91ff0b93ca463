// Compare all, drawn: the speedup bars (the picture of the CPU lesson: one bar per executor, its median run's
// speedup over sequential, a whisker from the slowest to the fastest run, the ideal for the cores) and the table
// of every run's wall time.
#pragma once

#include "core/primes/compare_run.h"

#include <optional>

namespace conclab::ui {

/// @brief Where a comparison in progress is, for the rows still waiting.
struct CompareProgress {
    exec::ExecutorKind executor;
    int repeat = 1;
    primes::Runtime runtime = primes::Runtime::cpp;
};

/// @brief The bars, full width; empty rows (with their executors named) before the first comparison; CPython's rows
/// after the C++ ones when the comparison has them.
void draw_speedup_bars(const primes::CompareReport* report, std::optional<CompareProgress> progress, int ideal);

/// @brief Each executor's runs: wall times, median, spread, speedup.
void draw_compare_table(const primes::CompareReport& report);

}  // namespace conclab::ui
