// The exhibition as a Chrome JSON trace (core/trace), in simulated time (its metadata says so): one process per
// schedule, a track for her (a slice per move she makes, named by board) and one per board's opponent (a slice per
// reply, while they think).
#pragma once

#include "core/exhibition/exhibition_run.h"
#include "core/trace/trace.h"

#include <nlohmann/json.hpp>

namespace conclab::exhibition {

nlohmann::json to_trace(const ExhibitionReport& report, const std::vector<ScheduleTurns>& turns,
                        const trace::Machine& machine);

}  // namespace conclab::exhibition
