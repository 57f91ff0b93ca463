// The app shell: the panels from the demo registry, the state hook, autorun, the frame loop and run_gui. Its
// keys and presentation mode are in shell/keys.cpp, its chrome and the page's link in shell/chrome.cpp, the
// launch options and the link's format in shell/launch_options.cpp (shell/shell.h names the class).
//
// [SECTION] App: one frame
// [SECTION] run_gui
#include "ui/app.h"

#include "ui/shell/shell.h"

#include "core/catalog/demo_catalog.h"
#include "ui/demo_panel.h"
#include "ui/fonts.h"
#include "platform/gui_backend.h"
#include "platform/platform.h"
#include "ui/responsive.h"
#include "ui/text/text_errors.h"
#include "ui/text/text_shell.h"
#include "ui/text/text_system.h"
#include "ui/text/text_welcome.h"
#include "ui/touch_scroll.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>

namespace conclab::ui::shell {

// -----------------------------------------------------------------------------
// [SECTION] App: one frame
// -----------------------------------------------------------------------------

App* g_app = nullptr;

App::App(const LaunchOptions& options, const std::string& launch_error) : options_(options), launch_error_(launch_error) {
    bool found = false;
    for (const auto& d : demo_registry()) {
        panels_.push_back(d.make());
        defaults_.push_back(panels_.back()->link_params());   // a fresh panel's choices: what the link leaves out
        if (options.demo == d.id) {
            current_ = panels_.size() - 1;
            found = true;
        }
    }
    // parse_launch_options refuses such an id; a caller that skipped it still sees why the first panel is open.
    const options::FieldError no_panel{"demo", options::ErrorKind::no_panel, {options::echo(options.demo), panel_choices()}};
    if (!found && launch_error_.empty()) launch_error_ = options::english(no_panel);
    Language l = Language::en;
    parse_language(options.language, l);
    set_language(l);
    present_ = options.present;
    launch_errors_ = options.errors;
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        options::FieldErrors errors;
        if (const auto* info = catalog::find_demo(demo_registry()[i].id))
            panels_[i]->apply(params_of_demo(*info, options), errors);
        if (launch_error_.empty() && !errors.empty()) launch_error_ = options::first_error(errors);
        for (const auto& [name, message] : errors) launch_errors_.emplace(name, message);
    }
    if (!launch_error_.empty() && launch_errors_.empty())
        launch_errors_["demo"] = found ? options::FieldError(launch_error_) : no_panel;
    // A link with an option that cannot be used runs nothing: the defaults in its place would answer another question.
    // A panel that shows them beside its fields (its state has "errors") gets only the headline above it.
    if (!launch_errors_.empty())
        errors_taken_ = panels_[current_]->show_launch_errors(launch_errors_) || panels_[current_]->state().contains("errors");
    if (options.autorun && launch_errors_.empty()) panels_[current_]->autorun();
    autorun_refused_ = options.autorun && !launch_errors_.empty();
    keep_launch_link_ = !launch_errors_.empty();
    platform::set_state_provider([this] { return state().dump(); });
    platform::set_autorun_handler([this] {
        if (launch_errors_.empty()) panels_[current_]->autorun();
    });
}

nlohmann::json App::panel_id_list() {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto id : panel_ids()) ids.push_back(std::string(id));
    return ids;
}

nlohmann::json App::state() const {
    const auto build = platform::build_info();
    nlohmann::json s{{"cpus", platform::logical_cpus()},
                     {"isolated", platform::capabilities().cross_origin_isolated},
                     {"build", {{"kind", build.kind}, {"compiler", build.compiler}, {"type", build.build_type},
                                {"version", build.version}}},
                     {"fps", fps()},
                     {"draw_mode", g_draws_every_frame ? "always" : "on_demand"},
                     {"renderer", renderer_json()},
                     {"layout", g_narrow ? "narrow" : "wide"},
                     {"panel_scroll", {{"y", panel_scroll_.x}, {"max_y", panel_scroll_.y}}},
                     {"overflow_px", overflow_px_},
                     {"redraw", need_ == platform::Redraw::idle      ? "idle"
                                : need_ == platform::Redraw::ticking ? "ticking"
                                                                     : "animating"},
                     {"frames", frames_},
                     {"longest_frame_ms", longest_recent_frame_ms()},
                     {"demo", demo_registry()[current_].id},
                     {"demos", panel_id_list()},   // every panel's demo id, in menu order (the screenshot tour's list)
                     {"welcome_order", welcome_ids()},
                     {"language", language() == Language::pt ? "pt" : "en"},
                     {"present", present_},
                     {"font_scale", font_scale_},
                     // presenting: the panel's options one closed line, and where its picture was drawn (y, height)
                     {"controls_collapsed", g_controls_collapsed},
                     {"picture_area", {{"y", g_picture[0]}, {"h", g_picture[1]}}},
                     {"help", help_},
                     // the demo list beside the panel (sidebar), above it (top_bar, narrow) or one line (presenting)
                     {"chrome", chrome_ == Chrome::sidebar ? "sidebar" : chrome_ == Chrome::top_bar ? "top_bar" : "line"},
                     {"demo_area", {{"x", demo_area_[0]}, {"y", demo_area_[1]}, {"w", demo_area_[2]}, {"h", demo_area_[3]}}},
                     {"link", link_},
                     {"link_kept", keep_launch_link_},   // the address is still the bad link the page was opened with
                     {"command", command()},
                     {"autorun_refused", autorun_refused_},
                     {"copy_button", {{"x", copy_button_[0]}, {"y", copy_button_[1]}, {"w", copy_button_[2]}, {"h", copy_button_[3]}}},
                     {"picture", {{"count", pictures_}, {"file", picture_file_}, {"saved", picture_saved_},
                                  // where its button was last drawn, in window units (the page test clicks it)
                                  {"button", {{"x", picture_button_[0]}, {"y", picture_button_[1]},
                                              {"w", picture_button_[2]}, {"h", picture_button_[3]}}}}}};
    if (!launch_error_.empty()) s["error"] = launch_error_;
    if (!launch_errors_.empty()) {
        nlohmann::json shown = nlohmann::json::object();
        for (const auto& [name, error] : launch_errors_)   // message: the CLI's English; shown: the page's words
            shown[name] = {{"label", label_of(name)}, {"message", options::english(error)}, {"shown", error_text(error)}};
        s["errors"] = shown;
    }
    for (std::size_t i = 0; i < panels_.size(); ++i) s[demo_registry()[i].id] = panels_[i]->state();
    return s;
}

nlohmann::json App::welcome_ids() {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto id : welcome_order()) ids.push_back(std::string(id));
    return ids;
}

nlohmann::json App::renderer_json() {
    const platform::RendererInfo r = platform::renderer_info();
    return {{"name", r.name}, {"software", r.software}, {"ticking_fps", r.ticking_fps}};
}

// Every loop turn: workers' results drained, autorun results reported, what needs drawing said.
platform::UpdateResult App::update() {
    platform::UpdateResult result;
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        panels_[i]->on_screen(i == current_);
        const bool changed = panels_[i]->update();
        if (i == current_) result.changed = changed;
    }
    if (auto finished = panels_[current_]->take_finished_result()) {
        platform::report_result(finished->dump());
        result.changed = true;
    }
    result.changed = result.changed || std::exchange(dirty_, false);
    result.need = panels_[current_]->redraw_need();
    need_ = result.need;
    return result;
}

// Builds one frame's UI (the backend has started the ImGui frame). Returns false after the last frame.
bool App::frame() {
    draw();
    record_frame_time();
    ++frames_;
    if (frames_ == 2) platform::app_ready();
    return !(options_.frames > 0 && frames_ >= options_.frames);
}

void App::open(std::string_view id) {
    for (std::size_t i = 0; i < panels_.size(); ++i)
        if (demo_registry()[i].id == id) show(i);
}

const char* App::title_of(std::string_view id) const {
    for (std::size_t i = 0; i < panels_.size(); ++i)
        if (demo_registry()[i].id == id) return panels_[i]->title();
    return "";
}

void App::show(std::size_t i) {
    if (i == current_) return;
    current_ = i;
    dirty_ = true;   // the new panel's first frame, then its second (ImGui sizes windows on the first)
}

void App::record_frame_time() {
    const auto now = std::chrono::steady_clock::now();
    if (frames_ > 0) {
        frame_ms_.push_back(std::chrono::duration<float, std::milli>(now - last_frame_).count());
        if (frame_ms_.size() > 240) frame_ms_.pop_front();
    }
    last_frame_ = now;
}

double App::fps() const {   // over the frames of the last second
    double total = 0;
    int count = 0;
    for (auto it = frame_ms_.rbegin(); it != frame_ms_.rend() && total < 1000.0; ++it, ++count) total += *it;
    return total > 0 ? count * 1000.0 / total : 0.0;
}

double App::longest_recent_frame_ms() const {
    float longest = 0;
    for (float ms : frame_ms_) longest = std::max(longest, ms);
    return longest;
}

}  // namespace conclab::ui::shell

namespace conclab::ui {

using shell::App;
using shell::g_app;
using shell::g_draws_every_frame;
using shell::g_font_scale;
using shell::g_narrow;
using shell::kFontPixels;

// -----------------------------------------------------------------------------
// [SECTION] run_gui
// -----------------------------------------------------------------------------

bool draws_every_frame() { return g_draws_every_frame; }

std::vector<std::string_view> welcome_order() {
    std::vector<std::string_view> ids;
    for (const auto id : panel_ids())
        if (id != "welcome") ids.push_back(id);
    return ids;
}

const char* panel_title(std::string_view id) { return g_app ? g_app->title_of(id) : ""; }

void open_panel(std::string_view id) {
    if (g_app) g_app->open(id);
}
bool narrow_layout() { return g_narrow; }
bool presenting() { return shell::g_present; }

bool controls_shown() {
    if (!shell::g_present) return true;
    const bool open = ImGui::CollapsingHeader((std::string(tr(WelcomeText::controls)) + "###controls").c_str());
    shell::g_controls_collapsed = !open;
    return open;
}

float picture_height(float natural, float lines_below) {
    float height = natural;
    if (shell::g_present)
        height = std::max(natural, ImGui::GetContentRegionAvail().y - lines_below * ImGui::GetFrameHeightWithSpacing());
    shell::g_picture = {ImGui::GetCursorScreenPos().y, height};
    return height;
}
float font_scale() { return g_font_scale; }

int run_gui(const LaunchOptions& options, const std::string& launch_error) {
    std::string error;
    platform::GuiSettings settings;
    settings.screenshot_png = options.screenshot;
    settings.width = options.window_width;
    settings.height = options.window_height;
    if (!platform::open_gui(settings, error)) {
        std::fprintf(stderr, "error: %s\n", error.c_str());   // "no display: …", "cannot open a window: …"
        return 1;
    }
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.ChildRounding = 4;
    load_fonts(kFontPixels);

    // On the web run_gui_loop returns at once and the browser calls frame() from then on: the app lives on.
    static App* app = nullptr;
    app = new App(options, launch_error);
    g_app = app;
    g_draws_every_frame = options.fps_max || options.frames > 0;   // --frames N: N frames, drawn back to back
    const int status = platform::run_gui_loop({[] { return app->update(); }, [] { return app->frame(); }},
                                              g_draws_every_frame ? platform::DrawMode::always : platform::DrawMode::on_demand);
    if (status < 0) return 0;   // web: the browser drives frames now
    g_app = nullptr;
    delete app;
    app = nullptr;
    return status;
}

}  // namespace conclab::ui
