// The app shell: window, ImGui set-up, the demo list, the language switch, the state hook, autorun.
//
// [SECTION] Launch options
// [SECTION] App: one frame
// [SECTION] run_gui
#include "app.h"

#include "catalog/demo_catalog.h"
#include "demo_panel.h"
#include "fonts.h"
#include "gui_backend.h"
#include "platform.h"
#include "spinner/spinner.h"
#include "text/text_shell.h"
#include "text/text_system.h"
#include "touch_scroll.h"

#include <imgui.h>
#include <imgui_internal.h>   // the demo window's ideal content width (overflow_px)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>

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
            errors["demo"] = "--demo '" + options::echo(asked) + "' has no panel in this app: use " + panel_choices();
    }
    options::read_choice(params, "lang", kLanguages, o.language, errors);
    options::read_flag(params, "autorun", o.autorun, errors);
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
            errors["window"] = "--window " + options::echo(text) + " is not a size: use WxH, 200x200 to 7680x4320";
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
    return o;
}

options::Params params_of_demo(const catalog::DemoInfo& demo, const LaunchOptions& launch) {
    options::Params mine = catalog::params_for(demo, launch.params);
    // Demos share option names (executor, workers) with different choices: an option the chosen demo has is its own.
    const auto* chosen = catalog::find_demo(launch.demo);
    if (chosen && chosen != &demo)
        for (const auto& [name, value] : catalog::params_for(*chosen, launch.params)) mine.erase(name);
    return mine;
}

// -----------------------------------------------------------------------------
// [SECTION] App: one frame
// -----------------------------------------------------------------------------

namespace {

bool g_draws_every_frame = false;
bool g_narrow = false;
constexpr float kNarrowWidth = 720.0f;   // window units (CSS pixels on the web): below it, no sidebar

class App {
public:
    App(const LaunchOptions& options, const std::string& launch_error) : options_(options), launch_error_(launch_error) {
        bool found = false;
        for (const auto& d : demo_registry()) {
            panels_.push_back(d.make());
            if (options.demo == d.id) {
                current_ = panels_.size() - 1;
                found = true;
            }
        }
        // parse_launch_options refuses such an id; a caller that skipped it still sees why the first panel is open.
        if (!found && launch_error_.empty()) launch_error_ = "--demo '" + options::echo(options.demo) + "' has no panel: use " + panel_choices();
        Language l = Language::en;
        parse_language(options.language, l);
        set_language(l);
        for (std::size_t i = 0; i < panels_.size(); ++i) {
            options::FieldErrors errors;
            if (const auto* info = catalog::find_demo(demo_registry()[i].id))
                panels_[i]->apply(params_of_demo(*info, options), errors);
            if (launch_error_.empty() && !errors.empty()) launch_error_ = options::first_error(errors);
        }
        if (options.autorun) panels_[current_]->autorun();
        platform::set_state_provider([this] { return state().dump(); });
        platform::set_autorun_handler([this] { panels_[current_]->autorun(); });
    }

    static nlohmann::json panel_id_list() {
        nlohmann::json ids = nlohmann::json::array();
        for (const auto id : panel_ids()) ids.push_back(std::string(id));
        return ids;
    }

    nlohmann::json state() const {
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
                         {"language", language() == Language::pt ? "pt" : "en"}};
        if (!launch_error_.empty()) s["error"] = launch_error_;
        for (std::size_t i = 0; i < panels_.size(); ++i) s[demo_registry()[i].id] = panels_[i]->state();
        return s;
    }

    static nlohmann::json renderer_json() {
        const platform::RendererInfo r = platform::renderer_info();
        return {{"name", r.name}, {"software", r.software}, {"ticking_fps", r.ticking_fps}};
    }

    // Every loop turn: workers' results drained, autorun results reported, what needs drawing said.
    platform::UpdateResult update() {
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
        result.need = panels_[current_]->redraw_need();
        need_ = result.need;
        return result;
    }

    // Builds one frame's UI (the backend has started the ImGui frame). Returns false after the last frame.
    bool frame() {
        draw();
        record_frame_time();
        ++frames_;
        if (frames_ == 2) platform::app_ready();
        return !(options_.frames > 0 && frames_ >= options_.frames);
    }

private:
    void draw() {
        apply_touch_scroll();
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::Begin("##main", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);   // the clear paints it

        g_narrow = viewport->WorkSize.x < kNarrowWidth;
        if (g_narrow) {
            draw_top_bar();
        } else {
            draw_sidebar();
            ImGui::SameLine();
        }
        ImGui::BeginChild("##demo", ImVec2(0, 0), false);
        if (!launch_error_.empty()) {
            ImGui::PushTextWrapPos(0.0f);   // a long message wraps on a phone
            ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", launch_error_.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Separator();
        }
        panels_[current_]->draw();
        panel_scroll_ = {ImGui::GetScrollY(), ImGui::GetScrollMaxY()};
        // How far the demo's widest line or table (at the width its columns' contents ask) runs past the panel's
        // right edge: there it is clipped, as the panel has no horizontal scrollbar. 0: nothing is cut.
        const ImGuiWindow* demo = ImGui::GetCurrentWindow();
        overflow_px_ = std::max(0.0f, std::max(demo->DC.CursorMaxPos.x, demo->DC.IdealMaxPos.x) - demo->WorkRect.Max.x);
        ImGui::EndChild();
        ImGui::End();
    }

    // The sidebar's choices on one line, for narrow windows: the demo menu, the language.
    void draw_top_bar() {
        // No room for the app's title on a phone: the demo's own title follows right below.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float language_w = ImGui::CalcTextSize("EN").x + ImGui::CalcTextSize("PT").x + style.FramePadding.x * 4 +
                                 style.ItemSpacing.x * 2 + 2.0f;
        ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - language_w));
        if (ImGui::BeginCombo("##demo_menu", panels_[current_]->title())) {
            for (std::size_t i = 0; i < panels_.size(); ++i)
                if (ImGui::Selectable(panels_[i]->title(), i == current_)) current_ = i;
            ImGui::EndCombo();
        }
        for (const auto& [code, lang] : {std::pair{"EN", Language::en}, std::pair{"PT", Language::pt}}) {
            ImGui::SameLine();
            const bool active = language() == lang;
            if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::SmallButton(code)) set_language(lang);
            if (active) ImGui::PopStyleColor();
        }
        ImGui::Separator();
    }

    void draw_sidebar() {
        ImGui::BeginChild("##sidebar", ImVec2(230, 0), true);
        ImGui::TextUnformatted(tr(ShellText::app_title));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.68f, 0.72f, 1.0f));
        ImGui::TextWrapped("%s", tr(ShellText::about_line));
        ImGui::PopStyleColor();
        ImGui::Separator();
        ImGui::TextUnformatted(tr(ShellText::demos));
        for (std::size_t i = 0; i < panels_.size(); ++i) {
            if (ImGui::Selectable(panels_[i]->title(), i == current_)) current_ = i;
        }
        ImGui::Separator();
        ImGui::TextUnformatted(tr(ShellText::language));
        if (ImGui::RadioButton("English", language() == Language::en)) set_language(Language::en);
        ImGui::SameLine();
        if (ImGui::RadioButton("Português", language() == Language::pt)) set_language(Language::pt);
        ImGui::Separator();
        if (!g_draws_every_frame && panels_[current_]->redraw_need() == platform::Redraw::idle) {
            // A rate measured over the last burst of frames would be stale here: nothing is being drawn.
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", tr(SystemText::drawing_on_demand));
            ImGui::PopTextWrapPos();
        } else {
            ImGui::Text("%.0f %s", fps(), tr(SystemText::fps));
        }
        ImGui::EndChild();
    }

    void record_frame_time() {
        const auto now = std::chrono::steady_clock::now();
        if (frames_ > 0) {
            frame_ms_.push_back(std::chrono::duration<float, std::milli>(now - last_frame_).count());
            if (frame_ms_.size() > 240) frame_ms_.pop_front();
        }
        last_frame_ = now;
    }

    double fps() const {   // over the frames of the last second
        double total = 0;
        int count = 0;
        for (auto it = frame_ms_.rbegin(); it != frame_ms_.rend() && total < 1000.0; ++it, ++count) total += *it;
        return total > 0 ? count * 1000.0 / total : 0.0;
    }

    double longest_recent_frame_ms() const {
        float longest = 0;
        for (float ms : frame_ms_) longest = std::max(longest, ms);
        return longest;
    }

    LaunchOptions options_;
    std::vector<std::unique_ptr<DemoPanel>> panels_;
    std::size_t current_ = 0;
    std::string launch_error_;
    std::deque<float> frame_ms_;
    std::chrono::steady_clock::time_point last_frame_;
    long frames_ = 0;
    ImVec2 panel_scroll_;   // the demo panel's scroll and its largest (state(): touch scrolling is tested with it)
    platform::Redraw need_ = platform::Redraw::idle;
    float overflow_px_ = 0;
};

}  // namespace

// -----------------------------------------------------------------------------
// [SECTION] run_gui
// -----------------------------------------------------------------------------

bool draws_every_frame() { return g_draws_every_frame; }
bool narrow_layout() { return g_narrow; }

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
    load_fonts(17.0f);

    // On the web run_gui_loop returns at once and the browser calls frame() from then on: the app lives on.
    static App* app = nullptr;
    app = new App(options, launch_error);
    g_draws_every_frame = options.fps_max || options.frames > 0;   // --frames N: N frames, drawn back to back
    const int status = platform::run_gui_loop({[] { return app->update(); }, [] { return app->frame(); }},
                                              g_draws_every_frame ? platform::DrawMode::always : platform::DrawMode::on_demand);
    if (status < 0) return 0;   // web: the browser drives frames now
    delete app;
    app = nullptr;
    return status;
}

}  // namespace conclab::ui
