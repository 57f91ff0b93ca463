// Durations in %%time's style (duration.h).
#include "core/base/duration.h"

#include <cstdio>

namespace conclab::base {

std::string format_duration(double seconds) {
    char buffer[32];
    if (seconds < 1.0) std::snprintf(buffer, sizeof buffer, "%.0f ms", seconds * 1000);
    else if (seconds < 10.0) std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
    else std::snprintf(buffer, sizeof buffer, "%.1f s", seconds);
    return buffer;
}

}  // namespace conclab::base
