// CLI flags made from a demo's option specs: every value is kept as text in a Params map and parsed by
// the demo's own parser, so the CLI, the query string and the panel share one set of rules.
#pragma once

#include "core/base/options.h"

#include <CLI/CLI.hpp>

#include <vector>

namespace conclab::cli {

/// @brief Adds `--NAME VALUE` (or `--NAME` for a flag) to `app` for each spec, storing into `params[NAME]`.
void add_option_flags(CLI::App& app, const std::vector<options::OptionSpec>& specs, options::Params& params);

}  // namespace conclab::cli
