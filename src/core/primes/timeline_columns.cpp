// A worker's timeline lane reduced to pixel columns (timeline_columns.h), so the panel draws the GIL's hand-offs at any
// zoom.
#include "core/primes/timeline_columns.h"

#include <algorithm>
#include <cmath>

namespace conclab::primes {

namespace {

// Adds `sign` × the part of [a, b) in each column to `share` (computing or waiting) of the columns it crosses.
template <typename Field>
void add_span(std::vector<ColumnShare>& out, double from_s, double width, double a, double b, double sign, Field field) {
    const double to_s = from_s + width * static_cast<double>(out.size());
    a = std::max(a, from_s);
    b = std::min(b, to_s);
    if (!(b > a)) return;
    const auto last = static_cast<std::ptrdiff_t>(out.size()) - 1;
    const auto first_col = std::clamp<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(std::floor((a - from_s) / width)), 0, last);
    const auto last_col = std::clamp<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(std::floor((b - from_s) / width)), 0, last);
    for (auto i = first_col; i <= last_col; ++i) {
        const double lo = std::max(a, from_s + width * static_cast<double>(i));
        const double hi = std::min(b, from_s + width * static_cast<double>(i + 1));
        if (hi > lo) out[static_cast<std::size_t>(i)].*field += sign * (hi - lo) / width;
    }
}

}  // namespace

std::vector<ColumnShare> timeline_columns(std::span<const CheckResult> checks, std::string_view worker, double from_s,
                                          double to_s, int columns) {
    if (columns < 1 || !(to_s > from_s)) return {};
    std::vector<ColumnShare> out(static_cast<std::size_t>(columns));
    const double width = (to_s - from_s) / columns;
    for (const auto& c : checks) {
        if (c.worker != worker) continue;
        add_span(out, from_s, width, c.started_s, c.started_s + c.elapsed_s, 1.0, &ColumnShare::computing);
        for (const auto& w : c.gil_waits) {
            const double a = std::max(w.from_s, c.started_s), b = std::min(w.to_s, c.started_s + c.elapsed_s);
            add_span(out, from_s, width, a, b, -1.0, &ColumnShare::computing);
            add_span(out, from_s, width, a, b, 1.0, &ColumnShare::waiting);
        }
    }
    for (auto& s : out) {   // rounding only: the spans of one worker never overlap
        s.computing = std::clamp(s.computing, 0.0, 1.0);
        s.waiting = std::clamp(s.waiting, 0.0, 1.0);
    }
    return out;
}

}  // namespace conclab::primes
