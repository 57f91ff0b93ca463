// The web build's entry point: options from the page's query string, then the app.
// (The desktop app starts from main_cli.cpp: `conclab` with no subcommand.)
#include "app.h"
#include "gui_backend.h"

#include <cstdio>

int main() {
    std::string error;
    conclab::ui::LaunchOptions options = conclab::ui::launch_options_from_parameters(conclab::platform::launch_parameters(), error);
    if (!error.empty()) std::fprintf(stderr, "error: %s\n", error.c_str());   // options.error: the app shows it too
    return conclab::ui::run_gui(options);
}
