// Declares `conclab system` (alias `sysinfo`), the System demo's facts on the command line.
#pragma once

#include "app/cli/command.h"

namespace conclab::cli {

/// @brief `conclab sysinfo [--json]`: logical CPUs, processes (like `ps ax | wc -l`), threads, the build.
Command add_sysinfo_command(CLI::App& app);

}  // namespace conclab::cli
