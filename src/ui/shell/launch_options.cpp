// The app's launch options (CLI flags natively, the query string on the web, one parser) and a view's link and
// command line built from the same names (app.h).
#include "ui/app.h"

#include "core/catalog/demo_catalog.h"
#include "ui/demo_panel.h"
#include "core/spinner/spinner.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace conclab::ui {

// -----------------------------------------------------------------------------
// [SECTION] Launch options
// -----------------------------------------------------------------------------

std::vector<std::string_view> panel_ids() {
    std::vector<std::string_view> ids;
    for (const auto& d : demo_registry()) ids.push_back(d.id);
    return ids;
}

std::string panel_choices() {
    std::string out;
    for (const auto id : panel_ids()) {   // piece by piece: g++ 12 warns (-Wrestrict) on "|" + string
        if (!out.empty()) out += '|';
        out += id;
    }
    return out;
}

const std::vector<options::OptionSpec>& app_option_specs() {
    static const std::vector<options::OptionSpec> specs{
        {"demo", "ID", "Demo to open: " + panel_choices()},
        {"lang", "en|pt", "Language of the app (default en)"},
        {"autorun", "", "Run the demo at once; print CONCLAB_RESULT <json> when it ends", true},
        {"present", "", "Presentation mode: large text, high contrast (key P toggles it)", true},
        {"frames", "N", "Quit after this many frames (0: run until closed)"},
        {"screenshot", "PNG", "Save the last frame as a PNG file before quitting (desktop only)"},
        {"fps", "auto|max", "auto: draw only when something changes (default); max: every display frame"},
        {"window", "WxH", "Desktop window size, e.g. 1024x700 or 412x915 (default 1280x800; the page fills the browser)"},
    };
    return specs;
}

LaunchOptions parse_launch_options(const options::Params& given, options::FieldErrors& errors) {
    LaunchOptions o;
    // The exhibition's old spinner links (?spinner=coroutine&block=1) open the spinner demo, which has the spinners now.
    options::Params params = given;
    const auto demo = params.find("demo");
    if ((demo == params.end() || demo->second == "exhibition") && spinner::rewrite_exhibition_alias(params))
        params["demo"] = "spinner";
    // Only a demo with a panel can be opened: a catalog demo whose panel is missing is a usage error, never
    // panel 0 in its place (tests/cli/demo_agreement_cli_test.cpp checks that the two lists agree).
    const auto demo_ids = panel_ids();
    constexpr std::string_view kLanguages[] = {"en", "pt"};
    if (!options::read_choice(params, "demo", demo_ids, o.demo, errors)) {
        const std::string& asked = params.at("demo");
        if (catalog::find_demo(asked))
            errors["demo"] = options::FieldError{"demo", options::ErrorKind::no_panel, {options::echo(asked), panel_choices()}};
    }
    options::read_choice(params, "lang", kLanguages, o.language, errors);
    options::read_flag(params, "autorun", o.autorun, errors);
    options::read_flag(params, "present", o.present, errors);
    options::read_int(params, "frames", 0, 1'000'000'000, o.frames, errors);
    if (auto it = params.find("screenshot"); it != params.end()) o.screenshot = it->second;
    constexpr std::string_view kFpsModes[] = {"auto", "max"};
    std::string fps = "auto";
    options::read_choice(params, "fps", kFpsModes, fps, errors);
    o.fps_max = fps == "max";
    if (auto it = params.find("window"); it != params.end()) {
        const std::string& text = it->second;
        const auto x = text.find('x');
        options::Params parts;
        if (x != std::string::npos) parts = {{"width", text.substr(0, x)}, {"height", text.substr(x + 1)}};
        options::FieldErrors part_errors;
        int w = o.window_width, h = o.window_height;
        if (x == std::string::npos || !options::read_int(parts, "width", 200, 7680, w, part_errors) ||
            !options::read_int(parts, "height", 200, 4320, h, part_errors))
            errors["window"] = options::FieldError{"window", options::ErrorKind::not_a_size, {options::echo(text), "200x200", "7680x4320"}};
        else {
            o.window_width = w;
            o.window_height = h;
        }
    }

    std::vector<std::string_view> app_names;
    for (const auto& spec : app_option_specs()) app_names.push_back(spec.name);
    const auto demo_specs = catalog::all_demo_option_specs();
    options::reject_unknown(params, demo_specs, app_names, errors);
    for (const auto& [name, value] : params) {
        const bool app_own = std::find(app_names.begin(), app_names.end(), name) != app_names.end();
        if (!app_own && !errors.count(name)) o.params[name] = value;
    }
    for (const auto& d : catalog::demos()) d.check_options(params_of_demo(d, o), errors);
    options::reject_non_utf8(params, errors);   // last: its message names the real fault
    o.errors = errors;
    return o;
}

namespace {

// Encoded as URLSearchParams decodes it, with the characters our values use (2**50, a,b, http://…) left readable.
std::string url_encode(std::string_view text) {
    static const char* const kHex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || std::strchr("-_.~*,:/", ch)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string shell_quoted(const std::string& text) {
    if (!text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,:/=@%+") == std::string::npos)
        return text;
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    out += '\'';
    return out;
}

// The view's options as (name, value) in link order: demo, lang, present, then the demo's that differ.
std::vector<std::pair<std::string, std::string>> view_params(std::string_view demo, std::string_view language, bool present,
                                                             const options::Params& params, const options::Params& defaults) {
    std::vector<std::pair<std::string, std::string>> out;
    if (demo != "welcome") out.emplace_back("demo", std::string(demo));
    if (language != "en") out.emplace_back("lang", std::string(language));
    if (present) out.emplace_back("present", "1");
    for (const auto& [name, value] : params) {
        const auto it = defaults.find(name);
        if (it == defaults.end() || it->second != value) out.emplace_back(name, value);
    }
    return out;
}

}  // namespace

std::string view_query(std::string_view demo, std::string_view language, bool present, const options::Params& params,
                       const options::Params& defaults) {
    std::string out;
    for (const auto& [name, value] : view_params(demo, language, present, params, defaults)) {
        if (!out.empty()) out += '&';
        out += url_encode(name);
        out += '=';
        out += url_encode(value);
    }
    return out;
}

std::string command_line(std::string_view demo, std::string_view language, bool present, const options::Params& params,
                         const options::Params& defaults) {
    std::vector<std::string_view> flags;
    for (const auto& spec : app_option_specs())
        if (spec.flag) flags.push_back(spec.name);
    const auto demo_specs = catalog::all_demo_option_specs();
    for (const auto& spec : demo_specs)
        if (spec.flag) flags.push_back(spec.name);
    std::string out = "conclab";
    for (const auto& [name, value] : view_params(demo, language, present, params, defaults)) {
        out += " --";
        out += name;
        const bool flag = std::find(flags.begin(), flags.end(), name) != flags.end();
        if (!(flag && value == "1")) {
            out += ' ';
            out += shell_quoted(value);
        }
    }
    return out;
}

float presentation_scale(float width, float height) {
    const float scale = std::clamp(std::min(width / 960.0f, height / 540.0f), 1.5f, 3.0f);
    return std::min(width, height) < 600.0f ? std::min(scale, 1.25f) : scale;
}

options::Params params_of_demo(const catalog::DemoInfo& demo, const LaunchOptions& launch) {
    options::Params mine = catalog::params_for(demo, launch.params);
    // Demos share option names (executor, workers) with different choices: an option the chosen demo has is its own.
    const auto* chosen = catalog::find_demo(launch.demo);
    if (chosen && chosen != &demo)
        for (const auto& [name, value] : catalog::params_for(*chosen, launch.params)) mine.erase(name);
    return mine;
}

}  // namespace conclab::ui
