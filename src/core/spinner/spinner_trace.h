// A spinner run as a Chrome JSON trace (core/trace): per form a process whose "spinner" track holds one slice for
// its whole life, a "frozen" slice inside it for each gap between frames longer than kFreezeGapS, and an instant per
// frame drawn; its zero is when the spinner started.
#pragma once

#include "core/spinner/spinner.h"
#include "core/trace/trace.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace conclab::spinner {

struct TracedForm {
    std::string label;  ///< "thread", "blocked_coroutine"
    FrameGaps gaps;
};

nlohmann::json to_trace(const std::vector<TracedForm>& forms, const SpinnerOptions& options,
                        const trace::Machine& machine);

}  // namespace conclab::spinner
