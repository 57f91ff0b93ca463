// Turns a demo's option specs into CLI11 flags and back into Params (demo_flags.h), so the CLI reads options by the
// demo's own parser.
#include "app/cli/demo_flags.h"

namespace conclab::cli {

void add_option_flags(CLI::App& app, const std::vector<options::OptionSpec>& specs, options::Params& params) {
    for (const auto& spec : specs) {
        const std::string name = spec.name;
        if (spec.flag) {
            app.add_flag_callback("--" + name, [&params, name] { params[name] = "1"; }, spec.help);
        } else {
            app.add_option_function<std::string>("--" + name, [&params, name](const std::string& value) { params[name] = value; },
                                                 spec.help)
                ->type_name(spec.value_hint);
        }
    }
}

}  // namespace conclab::cli
