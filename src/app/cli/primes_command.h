// Declares `conclab primes`, the primes demo on the command line.
#pragma once

#include "app/cli/command.h"

namespace conclab::cli {

/// @brief `conclab primes [N…] [--sample S] [--executor E] [--workers K] [--json]`: the talk's table in
/// completion order and the %%time figures. Ctrl+C cancels, prints what finished and exits 130.
Command add_primes_command(CLI::App& app);

}  // namespace conclab::cli
