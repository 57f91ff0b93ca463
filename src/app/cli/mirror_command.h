// `conclab mirror`: a local stand-in for Wikimedia Commons (its API's allimages subset and generated JPEGs)
// with Fluent Python slow_server-like fault injection, for the wikipics demo's tests and benchmark.
#pragma once

#include "app/cli/command.h"

namespace conclab::cli {

/// @brief Adds `mirror` with its options (--port, --host, --seed, --images, --delay, --bandwidth, the fault
/// rates, --api-faults); running it serves until SIGINT/SIGTERM (exit 0), exit 1 when the port is taken.
Command add_mirror_command(CLI::App& app);

}  // namespace conclab::cli
