// Durations as the notebook's %%time prints them, for every demo's text report (primes, wikipics, the CLI, the panels).
#pragma once

#include <string>

namespace conclab::base {

/// @brief Python's %%time style: "732 ms", "9.52 s", "16.4 s".
std::string format_duration(double seconds);

}  // namespace conclab::base
