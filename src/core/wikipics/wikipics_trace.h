// A wikipics run as a Chrome JSON trace (core/trace): a slice per image holding its wait (request to first byte),
// transfer (first to last byte) and decode. Threads and the sequential run get one track per thread; the event
// loop's requests overlap on its one thread, so each is an async slice ("b"/"e", its id the image's position).
#pragma once

#include "core/trace/trace.h"
#include "core/wikipics/wikipics_run.h"

#include <nlohmann/json.hpp>

namespace conclab::wikipics {

/// @brief Adds `report` to `builder` as a process named `label`.
void add_to_trace(trace::TraceBuilder& builder, const WikipicsReport& report, const std::string& label);

nlohmann::json to_trace(const WikipicsReport& report, const trace::Machine& machine);

}  // namespace conclab::wikipics
