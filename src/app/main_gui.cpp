// The web build's entry point: options from the page's query string, then the app.
// (The desktop app starts from main_cli.cpp: `conclab` with no subcommand.)
#include "ui/app.h"
#include "core/catalog/demo_catalog.h"
#include "platform/gui_backend.h"

#include <cstdio>

int main() {
    conclab::catalog::register_all_tasks();
    conclab::options::FieldErrors errors;
    const auto parameters = conclab::platform::launch_parameters();
    const conclab::options::Params params(parameters.begin(), parameters.end());
    const conclab::ui::LaunchOptions options = conclab::ui::parse_launch_options(params, errors);
    const std::string error = conclab::options::first_error(errors, conclab::ui::app_option_specs());
    if (!error.empty()) std::fprintf(stderr, "error: %s\n", error.c_str());   // the app shows it too
    return conclab::ui::run_gui(options, error);
}
