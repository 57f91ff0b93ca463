// The GIL model's "one at a time", checked from what a run reports: a task holds the lock from its start to its end
// except while it waited (its recorded waits), so the moments two tasks held the lock must never overlap.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace conclab::test {

struct HeldSpan {
    double from_s = 0;
    double to_s = 0;
};

/// @brief [started, finished] minus the waits (which lie inside it, in order): when the task held the lock.
inline std::vector<HeldSpan> held_spans(double started_s, double finished_s, const std::vector<HeldSpan>& waits) {
    std::vector<HeldSpan> held;
    double from = started_s;
    for (const auto& w : waits) {
        if (w.from_s > from) held.push_back({from, w.from_s});
        from = std::max(from, w.to_s);
    }
    if (finished_s > from) held.push_back({from, finished_s});
    return held;
}

/// @brief How many pairs of spans, one from each list, overlap by more than `slack` seconds.
inline std::size_t overlapping_holds(const std::vector<HeldSpan>& a, const std::vector<HeldSpan>& b, double slack) {
    std::size_t n = 0;
    for (const auto& x : a)
        for (const auto& y : b) n += std::min(x.to_s, y.to_s) - std::max(x.from_s, y.from_s) > slack;
    return n;
}

}  // namespace conclab::test
