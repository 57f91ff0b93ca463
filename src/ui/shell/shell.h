// The app shell's class, shared by its files: app.cpp (panels, state, the frame loop, run_gui), shell/keys.cpp
// (the presenter's keys, presentation mode's scale and colours) and shell/chrome.cpp (sidebar, top bar, help,
// launch errors, Present / Copy link / Export picture, the page's link).
#pragma once

#include "ui/app.h"
#include "ui/demo_panel.h"
#include "platform/platform.h"

#include <imgui.h>

#include <array>
#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::ui::shell {

inline bool g_draws_every_frame = false;
inline bool g_narrow = false;
inline float g_font_scale = 1.0f;
inline bool g_present = false;
inline bool g_controls_collapsed = false;   // this frame, the panel's options were one closed line
inline std::array<float, 2> g_picture{};   // y and height of the lesson's picture this frame (picture_height)
inline constexpr float kNarrowWidth = 720.0f;   // window units (CSS pixels on the web) at font_scale 1: below it, no sidebar
inline constexpr float kFontPixels = 17.0f;

class App {
public:
    App(const LaunchOptions& options, const std::string& launch_error);
    static nlohmann::json panel_id_list();
    nlohmann::json state() const;
    static nlohmann::json welcome_ids();
    static nlohmann::json renderer_json();
    platform::UpdateResult update();
    bool frame();
    void open(std::string_view id);
    const char* title_of(std::string_view id) const;

private:
    void show(std::size_t i);
    void handle_keys();
    void toggle_help();
    void toggle_present();
    void reset_current();
    void apply_scale();
    static const ImGuiStyle& base_style();
    std::string command() const;
    void sync_link();
    void copy_link();
    std::string label_of(const std::string& name) const;
    void draw();
    void draw_launch_errors();
    void draw_help();
    void draw_view_buttons(bool small, bool beside);
    void draw_language_buttons();
    void draw_present_bar();
    void export_picture();
    void draw_top_bar();
    void draw_sidebar();
    void record_frame_time();

    double fps() const;   // over the frames of the last second
    double longest_recent_frame_ms() const;

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
    bool keep_launch_link_ = false;   // a bad link stays in the address until the view changes or its errors are gone
    std::string launch_view_;         // the view's own link when that link was opened
    bool present_ = false, styled_present_ = false, help_ = false, dirty_ = false, copied_ = false;
    float font_scale_ = 1.0f;
    long copied_frame_ = -1;
    std::string link_;
    std::string picture_file_;   // the last exported picture: its path (desktop) or download name (web)
    bool picture_saved_ = false;
    int pictures_ = 0;
    std::array<float, 4> picture_button_{};
    enum class Chrome { sidebar, top_bar, line };   // what surrounds the demo: the list beside it, above it, or one line
    Chrome chrome_ = Chrome::sidebar;
    std::array<float, 4> demo_area_{};   // the demo panel's x, y, width, height in window units, last frame
    std::array<float, 4> copy_button_{};   // where Copy link was last drawn, in window units (the page test clicks it)
};

}  // namespace conclab::ui::shell
