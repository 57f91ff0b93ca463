// The Dear ImGui app: a main window with the demos from one registry, the language switch and the
// System panel. Same code in the desktop and the web build; the window and frame loop come from
// platform/gui_backend.h.
#pragma once

#include "core/base/options.h"
#include "core/catalog/demo_catalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace conclab::ui {

/// @brief How the app starts: CLI flags natively, the query string on the web (same names). The app's own
/// fields are here; each demo's options stay as text in `params` and are parsed by the demo itself.
struct LaunchOptions {
    std::string demo = "welcome";  ///< a panel's id (panel_ids()): a demo of the catalog, or the welcome page
    std::string language = "en";   ///< en | pt
    bool autorun = false;          ///< run the demo at once; report CONCLAB_RESULT when done
    int frames = 0;                ///< quit after N frames (0: never; native smoke tests)
    std::string screenshot;        ///< PNG written from the last frame before quitting (native)
    bool present = false;          ///< presentation mode: large text, high contrast (key P; fullscreen only from a key)
    bool fps_max = false;          ///< draw every display frame (fps=max) instead of only on changes
    int window_width = 1280;       ///< desktop window size (--window WxH); the page fills the browser's
    int window_height = 800;
    options::Params params;        ///< the demos' options, e.g. executor=threads, workers=4, spin=2
    options::FieldErrors errors;   ///< every launch option that could not be used (name → message)
};

/// @brief The demo ids that have a panel, in menu order (demo_registry()): what --demo and ?demo= accept.
std::vector<std::string_view> panel_ids();
/// @brief "system|primes|…": panel_ids() for messages and --help.
std::string panel_choices();

/// @brief The options the app itself takes (demo, lang, autorun, frames, screenshot), for CLI flags.
const std::vector<options::OptionSpec>& app_option_specs();

/// @brief Splits `params` into the app's fields and the demos' options and checks every value: the app's,
/// each demo's with its own parser, and names nobody knows. Bad values go to `errors` (name → message);
/// the other fields still apply.
LaunchOptions parse_launch_options(const options::Params& params, options::FieldErrors& errors);

/// @brief The launch options `demo` reads: its own names, less those the chosen demo also has (demos share
/// names such as executor and workers with different choices; `?demo=wikipics&executor=async` is wikipics').
options::Params params_of_demo(const catalog::DemoInfo& demo, const LaunchOptions& launch);

/// @brief The demos the welcome page lists, in its order (keys 1–9 open them): every panel but the welcome page.
std::vector<std::string_view> welcome_order();
/// @brief A panel's menu title in the current language (the welcome page's cards).
const char* panel_title(std::string_view id);
/// @brief Opens panel `id` (a welcome card was clicked).
void open_panel(std::string_view id);

/// @brief The query string (encoded, no '?') that opens this view: demo, language, present and the options in
/// `params` that differ from `defaults`. The same names as the CLI's flags (command_line()).
std::string view_query(std::string_view demo, std::string_view language, bool present, const options::Params& params,
                       const options::Params& defaults);
/// @brief The same view as a command: "conclab --demo primes --lang pt --executor processes".
std::string command_line(std::string_view demo, std::string_view language, bool present, const options::Params& params,
                         const options::Params& defaults);

/// @brief Presentation mode's text scale for a W×H window (window units): clamp(min(W/960, H/540), 1.5, 3), at
/// most 1.25 on a phone (a side under 600).
float presentation_scale(float width, float height);

/// @brief True when the app draws every display frame (fps=max, or a fixed number of --frames).
bool draws_every_frame();

/// @brief Opens the window and runs until it is closed (or `frames` have been drawn). Returns the exit
/// status natively; on the web returns at once while the page goes on.
int run_gui(const LaunchOptions& options, const std::string& launch_error = {});

}  // namespace conclab::ui
