// The System demo's one option: start N spinning workers at once (`--spin N`, `?spin=N`).
#pragma once

#include "core/base/options.h"

#include <optional>
#include <vector>

namespace conclab::system {

struct SystemOptions {
    std::optional<int> spin;   ///< start this many spinning workers (0..exec::kMaxSpinWorkers); none: don't
};

const std::vector<options::OptionSpec>& system_option_specs();
SystemOptions parse_system_options(const options::Params& params, options::FieldErrors& errors);

}  // namespace conclab::system
