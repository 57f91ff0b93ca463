// Declares `conclab exhibition`, the exhibition demo on the command line.
#pragma once

#include "app/cli/command.h"

namespace conclab::cli {

/// @brief `conclab exhibition [--boards N] [--her S] [--them S] [--moves M] [--mode sequential|simultaneous|both]
/// [--seed S] [--json]`: Judit Polgár's simultaneous exhibition simulated to the end in virtual time (instant),
/// the schedule summary and, with --json, every board's result.
Command add_exhibition_command(CLI::App& app);

}  // namespace conclab::cli
