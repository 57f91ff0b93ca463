// The Dear ImGui app: a main window with the demos from one registry, the language switch and the
// System panel. Same code in the desktop and the web build; the window and frame loop come from
// platform/gui_backend.h.
#pragma once

#include <map>
#include <string>

namespace conclab::ui {

/// @brief How the app starts: CLI flags natively, the query string on the web (same names).
struct LaunchOptions {
    std::string demo = "system";       ///< a demo id from the registry
    std::string language = "en";       ///< en | pt
    std::string executor = "threads";
    int workers = -1;                  ///< -1: logical CPUs (1..64 when given)
    std::string sample = "2**57";      ///< 2**K or fluent
    std::string numbers;               ///< the user's own list instead of a sample ("7,15,21")
    int spin = -1;                     ///< System panel: start this many spinning workers (0..64)
    bool autorun = false;              ///< run the demo at once; report CONCLAB_RESULT when done
    int frames = 0;                    ///< quit after N frames (0: never; native smoke tests)
    std::string screenshot;            ///< PNG written from the last frame before quitting (native)
    std::string error;                 ///< what was wrong with the options as given; the app shows it
};

/// @brief Checks every field; on failure names the bad value and what is accepted.
bool validate_launch_options(const LaunchOptions& options, std::string& error);

/// @brief Options from query-string parameters (demo, lang, executor, workers, sample, numbers, spin, autorun).
/// Unknown or bad values are reported in `error`; the other fields still apply.
LaunchOptions launch_options_from_parameters(const std::map<std::string, std::string>& parameters, std::string& error);

/// @brief Opens the window and runs until it is closed (or `frames` have been drawn). Returns the exit status.
int run_gui(const LaunchOptions& options);

}  // namespace conclab::ui
