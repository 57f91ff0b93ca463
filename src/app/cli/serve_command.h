// `conclab serve`: serves the built web app on this machine with the headers that make the page cross-origin
// isolated (so wasm threads get SharedArrayBuffer). What `make run` and the browser tests use.
#pragma once

#include "app/cli/command.h"

namespace conclab::cli {

/// @brief Adds the "serve" subcommand (--port, --dir, --host). Its run() serves GET/HEAD for the regular files
/// inside --dir until SIGINT/SIGTERM (exit 0); a bad option is a UsageError (exit 2), a port in use exit 1.
Command add_serve_command(CLI::App& app);

}  // namespace conclab::cli
