// The primes panel's timeline: one lane per worker, each pixel column shaded by the share of its time the worker
// computed (bright; under the GIL model: held the lock) or waited for the GIL (grey), from
// primes::timeline_columns. A wheel zooms around the pointer, a drag moves along the run, and two sliders do both
// by touch: zoomed in, the GIL's 5 ms hand-offs show.
#pragma once

#include "core/primes/primes_run.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace conclab::ui {

class PrimesTimeline {
public:
    /// @brief Draws the finished checks of `report` plus those `in_flight` (elapsed so far) over [0, now_s].
    void draw(const primes::PrimesReport& report, const std::vector<primes::CheckResult>& in_flight, double now_s);
    /// @brief Back to the whole run (a new run starts).
    void reset() { zoom_ = 1.0f, position_ = 0.0f; }
    /// @brief The zoom, the window last drawn (seconds since the run started) and where its plot was on screen (window
    /// units), for window.conclab.state().
    nlohmann::json state() const;

private:
    float zoom_ = 1.0f;       // 1 = the whole run
    float position_ = 0.0f;   // 0..1: where the window sits along the run
    double from_s_ = 0, to_s_ = 0;
    float plot_[4] = {};   // x, y, w, h
};

}  // namespace conclab::ui
