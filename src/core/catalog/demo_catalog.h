// The demos, as the headless parts of the program know them: an id, the options it takes (checked with the
// demo's own parser) and the tasks it registers with the executors. The CLI builds its flags from this list,
// worker processes register the same tasks, the app shell checks launch options with it. Adding a demo
// adds one line here (and one in src/ui/demo_registry.cpp for its panel).
#pragma once

#include "core/base/options.h"

#include <string>
#include <string_view>
#include <vector>

namespace conclab::catalog {

struct DemoInfo {
    std::string_view id;                                        ///< as in ?demo=… and --demo
    const std::vector<options::OptionSpec>& (*option_specs)();
    /// @brief Parses the demo's options from `params` (other keys ignored), recording bad values in `errors`.
    void (*check_options)(const options::Params& params, options::FieldErrors& errors);
    void (*register_tasks)();                                   ///< nullptr: the demo submits no named tasks
};

/// @brief Every demo, in menu order.
const std::vector<DemoInfo>& demos();
const DemoInfo* find_demo(std::string_view id);
/// @brief "system|primes|…", for error messages.
std::string demo_choices();

/// @brief Registers every demo's tasks (idempotent): call once at start in every program and worker.
void register_all_tasks();

/// @brief Every option any demo takes, each name once (first spec wins), in catalog order.
std::vector<options::OptionSpec> all_demo_option_specs();

/// @brief The params one demo understands: `params` without the keys its specs don't name.
options::Params params_for(const DemoInfo& demo, const options::Params& params);

}  // namespace conclab::catalog
