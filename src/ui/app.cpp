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
#include "responsive.h"
#include "spinner/spinner.h"
#include "text/text_shell.h"
#include "text/text_system.h"
#include "text/text_welcome.h"
#include "touch_scroll.h"

#include <imgui.h>
#include <imgui_internal.h>   // the demo window's ideal content width (overflow_px)

#include <algorithm>
#include <array>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
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
            errors["demo"] = "--demo '" + options::echo(asked) + "' has no panel in this app: use " + panel_choices();
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

// -----------------------------------------------------------------------------
// [SECTION] App: one frame
// -----------------------------------------------------------------------------

namespace {

bool g_draws_every_frame = false;
bool g_narrow = false;
float g_font_scale = 1.0f;
constexpr float kNarrowWidth = 720.0f;   // window units (CSS pixels on the web) at font_scale 1: below it, no sidebar
constexpr float kFontPixels = 17.0f;

class App;
App* g_app = nullptr;

class App {
public:
    App(const LaunchOptions& options, const std::string& launch_error) : options_(options), launch_error_(launch_error) {
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
        if (!found && launch_error_.empty()) launch_error_ = "--demo '" + options::echo(options.demo) + "' has no panel: use " + panel_choices();
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
        if (!launch_error_.empty() && launch_errors_.empty()) launch_errors_["demo"] = launch_error_;
        // A link with an option that cannot be used runs nothing: the defaults in its place would answer another question.
        // A panel that shows them beside its fields (its state has "errors") gets only the headline above it.
        if (!launch_errors_.empty())
            errors_taken_ = panels_[current_]->show_launch_errors(launch_errors_) || panels_[current_]->state().contains("errors");
        if (options.autorun && launch_errors_.empty()) panels_[current_]->autorun();
        autorun_refused_ = options.autorun && !launch_errors_.empty();
        platform::set_state_provider([this] { return state().dump(); });
        platform::set_autorun_handler([this] {
            if (launch_errors_.empty()) panels_[current_]->autorun();
        });
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
                         {"welcome_order", welcome_ids()},
                         {"language", language() == Language::pt ? "pt" : "en"},
                         {"present", present_},
                         {"font_scale", font_scale_},
                         {"help", help_},
                         {"link", link_},
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
            for (const auto& [name, message] : launch_errors_) shown[name] = {{"label", label_of(name)}, {"message", message}};
            s["errors"] = shown;
        }
        for (std::size_t i = 0; i < panels_.size(); ++i) s[demo_registry()[i].id] = panels_[i]->state();
        return s;
    }

    static nlohmann::json welcome_ids() {
        nlohmann::json ids = nlohmann::json::array();
        for (const auto id : welcome_order()) ids.push_back(std::string(id));
        return ids;
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
        result.changed = result.changed || std::exchange(dirty_, false);
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

    void open(std::string_view id) {
        for (std::size_t i = 0; i < panels_.size(); ++i)
            if (demo_registry()[i].id == id) show(i);
    }

    const char* title_of(std::string_view id) const {
        for (std::size_t i = 0; i < panels_.size(); ++i)
            if (demo_registry()[i].id == id) return panels_[i]->title();
        return "";
    }

private:
    void show(std::size_t i) {
        if (i == current_) return;
        current_ = i;
        dirty_ = true;   // the new panel's first frame, then its second (ImGui sizes windows on the first)
    }

    // The presenter's keys. Characters, not key codes, for the letters: "?" is where the keyboard has it, and a
    // Portuguese layout's keys give the same letters.
    void handle_keys() {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.WantTextInput) return;   // typing a number into a field: keys are text
        const std::size_t n = panels_.size();
        using platform::Key;
        if (platform::key_went_down(Key::right)) show((current_ + 1) % n);
        if (platform::key_went_down(Key::left)) show((current_ + n - 1) % n);
        if (platform::key_went_down(Key::escape)) help_ = false;
        if (platform::key_went_down(Key::f1)) toggle_help();
        for (const ImWchar c : io.InputQueueCharacters) {
            if (c >= '0' && c <= '9') {
                const auto order = welcome_order();
                if (c == '0') open("welcome");
                else if (static_cast<std::size_t>(c - '1') < order.size()) open(order[static_cast<std::size_t>(c - '1')]);
                continue;
            }
            switch (c) {
            case ' ': panels_[current_]->main_action(); dirty_ = true; break;
            case 'r': case 'R': reset_current(); break;
            case 'p': case 'P': toggle_present(); break;
            case 'l': case 'L': set_language(language() == Language::en ? Language::pt : Language::en); dirty_ = true; break;
            case 'h': case 'H': case '?': toggle_help(); break;
            default: break;
            }
        }
    }

    void toggle_help() {
        help_ = !help_;
        dirty_ = true;
    }

    void toggle_present() {
        present_ = !present_;
        platform::set_fullscreen(present_);   // from a key or a click: the browser allows it
        dirty_ = true;
    }

    // R: a new panel, as the app made it at start, without the link's options: the demo's defaults, no results.
    // Not while it runs (a run belongs to its panel until it ends or is cancelled).
    void reset_current() {
        if (panels_[current_]->redraw_need() != platform::Redraw::idle) return;
        panels_[current_] = demo_registry()[current_].make();
        launch_errors_.clear();
        launch_error_.clear();
        autorun_refused_ = false;
        dirty_ = true;
    }

    // Presentation mode's scale from the window's size; the fonts are rasterised again at the new size (between
    // frames) and ImGui's sizes scaled with them. High contrast while presenting.
    void apply_scale() {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        const float wanted = present_ ? presentation_scale(size.x, size.y) : 1.0f;
        if (std::fabs(wanted - font_scale_) < 0.01f && present_ == styled_present_) return;
        if (std::fabs(wanted - font_scale_) >= 0.01f)
            platform::rebuild_fonts([wanted] { load_fonts(kFontPixels * wanted); });
        font_scale_ = g_font_scale = wanted;
        styled_present_ = present_;
        ImGuiStyle& style = ImGui::GetStyle();
        style = base_style();
        if (present_) {
            ImVec4* c = style.Colors;
            c[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
            c[ImGuiCol_TextDisabled] = ImVec4(0.82f, 0.84f, 0.88f, 1);
            c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 1);
            c[ImGuiCol_PopupBg] = ImVec4(0.05f, 0.05f, 0.06f, 1);
            c[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.85f, 0.9f);
            c[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.13f, 0.16f, 1);
            c[ImGuiCol_Button] = ImVec4(0.16f, 0.38f, 0.78f, 1);
            c[ImGuiCol_Header] = ImVec4(0.16f, 0.38f, 0.78f, 0.9f);
            style.FrameBorderSize = 1.0f;
        }
        style.ScaleAllSizes(font_scale_);
        dirty_ = true;   // the next frame, with the new fonts
    }

    static const ImGuiStyle& base_style() {
        static const ImGuiStyle style = ImGui::GetStyle();   // as run_gui set it up, before any scaling
        return style;
    }

    std::string command() const {
        const auto& id = demo_registry()[current_].id;
        return command_line(id, language() == Language::pt ? "pt" : "en", present_, panels_[current_]->link_params(),
                            defaults_[current_]);
    }

    // The page's address names this view: the demo, the language, present and the options that differ from the
    // panel's defaults. Never autorun: once it has fired, a reload should not run again.
    void sync_link() {
        const auto& id = demo_registry()[current_].id;
        std::string link = view_query(id, language() == Language::pt ? "pt" : "en", present_,
                                      panels_[current_]->link_params(), defaults_[current_]);
        if (link == link_ && frames_ > 0) return;
        link_ = std::move(link);
        platform::set_page_query(link_);
    }

    void copy_link() {
        sync_link();
        const std::string address = platform::page_address();
        copied_ = platform::copy_to_clipboard(address.empty() ? command() : address);
        copied_frame_ = frames_;
    }

    std::string label_of(const std::string& name) const {
        if (const char* label = panels_[current_]->field_label(name)) return label;
        for (const auto& panel : panels_)
            if (const char* label = panel->field_label(name)) return label;
        return name;
    }

    void draw() {
        base_style();
        apply_scale();
        handle_keys();
        apply_touch_scroll();
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::Begin("##main", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);   // the clear paints it

        g_narrow = viewport->WorkSize.x / font_scale_ < kNarrowWidth;   // a 1024-wide projector at ×1.5 is narrow
        if (g_narrow) {
            draw_top_bar();
        } else {
            draw_sidebar();
            ImGui::SameLine();
        }
        ImGui::BeginChild("##demo", ImVec2(0, 0), false);
        draw_launch_errors();
        panels_[current_]->draw();
        panel_scroll_ = {ImGui::GetScrollY(), ImGui::GetScrollMaxY()};
        // How far the demo's widest line or table (at the width its columns' contents ask) runs past the panel's
        // right edge: there it is clipped, as the panel has no horizontal scrollbar. 0: nothing is cut.
        const ImGuiWindow* demo = ImGui::GetCurrentWindow();
        overflow_px_ = std::max(0.0f, std::max(demo->DC.CursorMaxPos.x, demo->DC.IdealMaxPos.x) - demo->WorkRect.Max.x);
        ImGui::EndChild();
        ImGui::End();
        if (help_) draw_help();
        sync_link();
    }

    // Every option of the link that could not be used, named by its field's label; a panel that shows them beside
    // its fields gets only the headline here.
    void draw_launch_errors() {
        if (launch_errors_.empty()) return;
        const ImVec4 red(1.0f, 0.45f, 0.4f, 1.0f);
        ImGui::PushTextWrapPos(0.0f);
        if (errors_taken_) {
            std::string labels;
            for (const auto& [name, message] : launch_errors_) {   // piece by piece: g++ 12 warns (-Wrestrict) on "x" + string
                if (!labels.empty()) labels += ", ";
                labels += label_of(name);
            }
            ImGui::TextColored(red, "%s %s", tr(WelcomeText::errors_title), labels.c_str());
        } else {
            ImGui::TextColored(red, "%s", tr(WelcomeText::errors_title));
            for (const auto& [name, message] : launch_errors_)
                ImGui::TextColored(red, "• %s: %s", label_of(name).c_str(), message.c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::Separator();
    }

    void draw_help() {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(viewport->WorkSize.x * 0.92f, ImGui::GetFontSize() * 34.0f), 0));
        ImGui::Begin(tr(WelcomeText::help_title), nullptr,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoResize);
        ImGui::PushTextWrapPos(0.0f);
        for (const auto key : {WelcomeText::key_space, WelcomeText::key_r, WelcomeText::key_arrows, WelcomeText::key_digits,
                               WelcomeText::key_p, WelcomeText::key_l, WelcomeText::key_h})
            bullet_wrapped(tr(key));
        ImGui::TextDisabled("%s", tr(WelcomeText::key_escape));
        ImGui::PopTextWrapPos();
        if (ImGui::Button(tr(WelcomeText::help_close))) help_ = false;
        ImGui::End();
    }

    // Present and Copy link, and what was copied.
    void draw_view_buttons(bool small) {
        const char* present = tr(present_ ? WelcomeText::leave_present : WelcomeText::present);
        const bool web = platform::build_info().kind == "web";
        const char* copy = tr(web ? WelcomeText::copy_link : WelcomeText::copy_command);
        if (small ? ImGui::SmallButton(present) : ImGui::Button(present)) toggle_present();
        same_line_if_fits(button_width(copy));
        if (small ? ImGui::SmallButton(copy) : ImGui::Button(copy)) copy_link();
        copy_button_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
        if (!web && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", command().c_str());
        if (frames_ - copied_frame_ < 120 && copied_frame_ >= 0) {
            same_line_if_fits(ImGui::CalcTextSize(tr(WelcomeText::copied)).x);
            ImGui::TextDisabled("%s", copied_ ? tr(WelcomeText::copied) : "✗");
        }
        const char* picture = tr(WelcomeText::export_picture);
        same_line_if_fits(button_width(picture));
        if (small ? ImGui::SmallButton(picture) : ImGui::Button(picture)) export_picture();
        picture_button_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
        if (!picture_file_.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s %s", tr(picture_saved_ ? WelcomeText::picture_saved : WelcomeText::picture_failed),
                                picture_file_.c_str());
            ImGui::PopTextWrapPos();
        }
    }

    // The window as drawn at the next frame (this button's own frame included), as a PNG: a download on the web,
    // a timestamped file in the current folder natively, whose path is shown.
    void export_picture() {
        platform::export_picture([this](const std::string& file, bool ok) {
            picture_file_ = file;
            picture_saved_ = ok;
            ++pictures_;
            dirty_ = true;
        });
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
                if (ImGui::Selectable(panels_[i]->title(), i == current_)) show(i);
            ImGui::EndCombo();
        }
        for (const auto& [code, lang] : {std::pair{"EN", Language::en}, std::pair{"PT", Language::pt}}) {
            ImGui::SameLine();
            const bool active = language() == lang;
            if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::SmallButton(code)) set_language(lang);
            if (active) ImGui::PopStyleColor();
        }
        draw_view_buttons(true);
        ImGui::Separator();
    }

    void draw_sidebar() {
        ImGui::BeginChild("##sidebar", ImVec2(230.0f * font_scale_, 0), true);
        ImGui::TextUnformatted(tr(ShellText::app_title));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", tr(ShellText::about_line));
        ImGui::PopStyleColor();
        ImGui::Separator();
        ImGui::TextUnformatted(tr(ShellText::demos));
        for (std::size_t i = 0; i < panels_.size(); ++i) {
            if (ImGui::Selectable(panels_[i]->title(), i == current_)) show(i);
        }
        ImGui::Separator();
        ImGui::TextUnformatted(tr(ShellText::language));
        if (ImGui::RadioButton("English", language() == Language::en)) set_language(Language::en);
        same_line_if_fits(choice_width("Português"));
        if (ImGui::RadioButton("Português", language() == Language::pt)) set_language(Language::pt);
        ImGui::Separator();
        draw_view_buttons(false);
        if (platform::build_info().kind != "web") {   // the desktop's link: the same view from a terminal
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", tr(WelcomeText::command_line));
            ImGui::TextUnformatted(command().c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::Spacing();
        text_disabled_wrapped(tr(WelcomeText::key_h));
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
    std::vector<options::Params> defaults_;   // each panel's choices when made: the link names what differs
    options::FieldErrors launch_errors_;
    bool errors_taken_ = false;               // the open panel shows the launch errors beside its fields
    bool autorun_refused_ = false;
    bool present_ = false, styled_present_ = false, help_ = false, dirty_ = false, copied_ = false;
    float font_scale_ = 1.0f;
    long copied_frame_ = -1;
    std::string link_;
    std::string picture_file_;   // the last exported picture: its path (desktop) or download name (web)
    bool picture_saved_ = false;
    int pictures_ = 0;
    std::array<float, 4> picture_button_{};
    std::array<float, 4> copy_button_{};   // where Copy link was last drawn, in window units (the page test clicks it)
};

}  // namespace

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
