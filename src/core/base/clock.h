// Clocks as a run sees them: a wall clock and the process's CPU times, supplied by the platform
// (getrusage natively; nothing on the web, where runs sum their workers' busy time instead).
#pragma once

#include <functional>
#include <optional>

namespace conclab {

/// @brief CPU time of a run. On the web no OS figure exists: there it is the workers' busy time.
struct CpuSeconds {
    double user_s = 0;
    double sys_s = 0;
    bool busy_time = false;   ///< true: summed worker busy time, not OS CPU time
    double total_s() const { return user_s + sys_s; }
};

/// @brief What a run needs from the platform: a monotonic wall clock in seconds and the process's CPU
/// times (children included once reaped, so that worker processes count), nullopt where none exist.
struct RunClock {
    std::function<double()> wall_s;
    std::function<std::optional<CpuSeconds>()> cpu;
};

}  // namespace conclab
