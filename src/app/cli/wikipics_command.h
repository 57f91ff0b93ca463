// `conclab wikipics`: the talk's first demo headless — N Wikimedia Commons JPEGs of about S bytes,
// downloaded sequentially, on a thread pool, or on one event loop, reported like Fluent Python's flags2.
#pragma once

#include "app/cli/command.h"

namespace conclab::cli {

/// @brief Adds the `wikipics` subcommand. Exit status: 0 when the downloads ran (failed images are results),
/// 1 when nothing could be sampled, 2 on bad options, 130 after Ctrl+C (what finished is printed).
Command add_wikipics_command(CLI::App& app);

}  // namespace conclab::cli
