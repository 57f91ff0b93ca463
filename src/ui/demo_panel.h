// What every demo panel offers the app shell; the registry (demo_registry.cpp) lists them.
#pragma once

#include "core/base/options.h"
#include "platform/gui_backend.h"
#include "ui/text/language.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct ImGuiInputTextCallbackData;

namespace conclab::ui {

class DemoPanel {
public:
    virtual ~DemoPanel() = default;
    /// @brief The panel's name in the demo menu, in the current language.
    virtual const char* title() const = 0;
    /// @brief Takes the demo's launch options (query string / CLI flags) through the demo's own parser; bad
    /// values are recorded in `errors` (the panel shows them beside their fields) and leave the defaults.
    virtual void apply(const options::Params& params, options::FieldErrors& errors) = 0;
    /// @brief Every loop turn, drawn or not, visible or not: drain worker results (never blocks). True when
    /// something changed that the panel would draw differently.
    virtual bool update() { return false; }
    /// @brief Every loop turn, before update(): whether this panel is the one on screen (a live view refreshes
    /// only while it is).
    virtual void on_screen(bool /*shown*/) {}
    /// @brief What the panel needs while it is on screen: idle, ticking numbers (a run in progress) or an
    /// animation (every display frame).
    virtual platform::Redraw redraw_need() const { return platform::Redraw::idle; }
    /// @brief Draws the panel's contents into the current ImGui window.
    virtual void draw() = 0;
    /// @brief The panel's part of window.conclab.state().
    virtual nlohmann::json state() const = 0;
    /// @brief Starts the demo as --autorun / ?autorun=1 asks.
    virtual void autorun() {}
    /// @brief The Space key: the demo's main action (Run; Cancel while it runs where the demo can cancel).
    virtual void main_action() { autorun(); }
    /// @brief The panel's current choices as launch options (name → text, as the query string gives them), for the
    /// page's link; the shell keeps those that differ from a fresh panel's. Empty: the link names only the demo.
    virtual options::Params link_params() const { return {}; }
    /// @brief The label of the field an option sets, in the current language ("Executor"), for launch errors.
    virtual const char* field_label(const std::string& /*option*/) const { return nullptr; }
    /// @brief Launch options that could not be used: the panel shows each beside its field (default: the shell
    /// lists them above the panel).
    virtual bool show_launch_errors(const options::FieldErrors& /*errors*/) { return false; }
    /// @brief The JSON of a run that finished since the last call (for CONCLAB_RESULT), if any.
    virtual std::optional<nlohmann::json> take_finished_result() { return std::exchange(finished_result_, std::nullopt); }

protected:
    /// @brief A panel puts its run's JSON here when the run finishes; take_finished_result() hands it out once.
    std::optional<nlohmann::json> finished_result_;
};

struct DemoEntry {
    const char* id;   ///< the demo's id in core's catalog (catalog/demo_catalog.h)
    std::unique_ptr<DemoPanel> (*make)();
};

/// @brief The panels, in menu order (the same ids as catalog::demos()).
const std::vector<DemoEntry>& demo_registry();

std::unique_ptr<DemoPanel> make_welcome_panel();
std::unique_ptr<DemoPanel> make_system_panel();
std::unique_ptr<DemoPanel> make_primes_panel();
std::unique_ptr<DemoPanel> make_exhibition_panel();
std::unique_ptr<DemoPanel> make_spinner_panel();
std::unique_ptr<DemoPanel> make_wikipics_panel();
std::unique_ptr<DemoPanel> make_lab_panel();

/// @brief True while the window is too narrow for side-by-side parts (a phone held upright): the app shows a
/// top bar instead of the sidebar, and panels stack what they would put side by side.
bool narrow_layout();

/// @brief The text's scale: 1, or presentation mode's (1.5 to 3; 1.25 on a phone). A width a panel decides its
/// layout by, in window units at scale 1, is that × font_scale() (ImGui's style sizes are already scaled).
float font_scale();

/// @brief True in presentation mode (key P, ?present=1): panels collapse their options to one line and let the
/// lesson's picture fill the screen.
bool presenting();

/// @brief A panel's options, behind one line while presenting (a header the teacher can open); true when they are
/// to be drawn (always, outside presentation mode). The main action (Run) stays outside it.
bool controls_shown();

/// @brief The height for the lesson's picture: `natural`, or while presenting all the height left on screen but
/// `lines_below` rows of text (at least `natural`). Recorded for state()'s "picture" (the tests check it fills).
float picture_height(float natural, float lines_below = 0);

/// @brief ImGui::InputText's resize callback for a std::string (UserData): no fixed buffer, nothing is cut.
int resize_string(ImGuiInputTextCallbackData* data);

/// @brief Draws `errors[field]` in red on the same line, wrapped, in the page's language, when there is one.
void draw_field_error(const options::FieldErrors& errors, const char* field);

/// @brief A panel's errors in its state(), when there are any: "errors" {field: the CLI's English} as before, and
/// "errors_shown" {field: {kind, args, text}} where text is what draw_field_error shows, in the page's language.
void put_field_errors(nlohmann::json& state, const options::FieldErrors& errors);

}  // namespace conclab::ui
