// Declares `conclab lab`, the lab demo on the command line.
#pragma once

#include "app/cli/command.h"

namespace conclab::cli {

/// @brief `conclab lab [--suite S] [--quick] [--json|--csv]`: threads vs processes vs coroutines measured on
/// this machine, a progress bar on stderr when it is a terminal, a text table (or JSON, or CSV) on stdout.
/// A bad suite exits 2; Ctrl+C stops after the step in progress, prints what finished and exits 130.
Command add_lab_command(CLI::App& app);

}  // namespace conclab::cli
