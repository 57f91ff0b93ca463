// The app shell: window, ImGui set-up, the demo list, the language switch, the state hook, autorun.
//
// [SECTION] Launch options
// [SECTION] App: one frame
// [SECTION] run_gui
#include "app.h"

#include "demo_panel.h"
#include "exec/executor.h"
#include "fonts.h"
#include "gui_backend.h"
#include "platform.h"
#include "text.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <deque>

namespace conclab::ui {

// -----------------------------------------------------------------------------
// [SECTION] Launch options
// -----------------------------------------------------------------------------

namespace {

bool parse_int(const std::string& text, int& out) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

const DemoEntry* find_demo(const std::string& id) {
    for (const auto& d : demo_registry())
        if (id == d.id) return &d;
    return nullptr;
}

}  // namespace

bool validate_launch_options(const LaunchOptions& o, std::string& error) {
    Language l;
    if (!find_demo(o.demo)) error = "unknown demo '" + o.demo + "': use " + demo_choices();
    else if (!parse_language(o.language, l)) error = "unknown language '" + o.language + "': use en|pt";
    else if (o.frames < 0) error = "--frames " + std::to_string(o.frames) + " is out of range: use 0 or more";
    else if (o.spin < -1 || o.spin > 64) error = "spin " + std::to_string(o.spin) + " is out of range: use 0 to 64";
    else {
        // The demo's own fields are checked by the demo (same rules and messages as the CLI).
        for (const auto& d : demo_registry()) {
            if (!d.make()->apply(o, error)) return false;
        }
        return true;
    }
    return false;
}

LaunchOptions launch_options_from_parameters(const std::map<std::string, std::string>& p, std::string& error) {
    LaunchOptions o;
    auto get = [&](const char* key, std::string& into) {
        if (auto it = p.find(key); it != p.end()) into = it->second;
    };
    get("demo", o.demo);
    get("lang", o.language);
    get("executor", o.executor);
    get("sample", o.sample);
    get("numbers", o.numbers);
    auto get_int = [&](const char* key, int& into) {
        if (auto it = p.find(key); it != p.end() && !parse_int(it->second, into) && error.empty())
            error = std::string(key) + " '" + it->second + "' is not a whole number";
    };
    get_int("workers", o.workers);
    get_int("spin", o.spin);
    if (p.count("workers") && error.empty() && o.workers < 1) error = exec::workers_error(o.workers);
    if (auto it = p.find("autorun"); it != p.end()) o.autorun = it->second == "1" || it->second == "true";
    if (error.empty()) validate_launch_options(o, error);
    o.error = error;
    return o;
}

// -----------------------------------------------------------------------------
// [SECTION] App: one frame
// -----------------------------------------------------------------------------

namespace {

class App {
public:
    App(const LaunchOptions& options, platform::GuiWindow window) : options_(options), window_(window) {
        for (const auto& d : demo_registry()) {
            panels_.push_back(d.make());
            if (options.demo == d.id) current_ = panels_.size() - 1;
        }
        Language l = Language::en;
        parse_language(options.language, l);
        set_language(l);
        launch_error_ = options.error;
        for (auto& panel : panels_) {
            std::string error;
            if (!panel->apply(options, error) && launch_error_.empty()) launch_error_ = error;
        }
        if (options.autorun) panels_[current_]->autorun();
        platform::set_state_provider([this] { return state().dump(); });
    }

    nlohmann::json state() const {
        const auto build = platform::build_info();
        nlohmann::json s{{"cpus", platform::logical_cpus()},
                         {"isolated", platform::capabilities().cross_origin_isolated},
                         {"build", {{"kind", build.kind}, {"compiler", build.compiler}, {"type", build.build_type},
                                    {"version", build.version}}},
                         {"fps", fps()},
                         {"frames", frames_},
                         {"longest_frame_ms", longest_recent_frame_ms()},
                         {"demo", demo_registry()[current_].id},
                         {"language", language() == Language::pt ? "pt" : "en"}};
        if (!launch_error_.empty()) s["error"] = launch_error_;
        for (std::size_t i = 0; i < panels_.size(); ++i) s[demo_registry()[i].id] = panels_[i]->state();
        return s;
    }

    // Returns false when the app should quit.
    bool frame() {
        SDL_Event event;
        while (SDL_PollEvent(&event)) {
            ImGui_ImplSDL2_ProcessEvent(&event);
            if (event.type == SDL_QUIT) return false;
            if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
                event.window.windowID == SDL_GetWindowID(window_.window))
                return false;
        }
        for (auto& panel : panels_) panel->update();
        if (auto result = panels_[current_]->take_finished_result()) platform::report_result(*result);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        const ImGuiIO& io = ImGui::GetIO();
        const int width = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
        const int height = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
        glViewport(0, 0, width, height);
        glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        record_frame_time();
        ++frames_;
        const bool last = options_.frames > 0 && frames_ >= options_.frames;
        if (last && !options_.screenshot.empty()) {
            std::string error;
            if (!platform::save_framebuffer_png(options_.screenshot, width, height, error)) {
                std::fprintf(stderr, "error: %s\n", error.c_str());
                exit_status_ = 1;
            }
        }
        SDL_GL_SwapWindow(window_.window);
        if (frames_ == 2) platform::app_ready();
        return !last;
    }

    int exit_status() const { return exit_status_; }

private:
    void draw() {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::Begin("##main", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus);
        draw_sidebar();
        ImGui::SameLine();
        ImGui::BeginChild("##demo", ImVec2(0, 0), false);
        if (!launch_error_.empty()) {
            ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", launch_error_.c_str());
            ImGui::Separator();
        }
        panels_[current_]->draw();
        ImGui::EndChild();
        ImGui::End();
    }

    void draw_sidebar() {
        ImGui::BeginChild("##sidebar", ImVec2(230, 0), true);
        ImGui::TextUnformatted(tr(Text::app_title));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.68f, 0.72f, 1.0f));
        ImGui::TextWrapped("%s", tr(Text::about_line));
        ImGui::PopStyleColor();
        ImGui::Separator();
        ImGui::TextUnformatted(tr(Text::demos));
        for (std::size_t i = 0; i < panels_.size(); ++i) {
            if (ImGui::Selectable(tr(panels_[i]->title()), i == current_)) current_ = i;
        }
        ImGui::Separator();
        ImGui::TextUnformatted(tr(Text::language));
        if (ImGui::RadioButton("English", language() == Language::en)) set_language(Language::en);
        ImGui::SameLine();
        if (ImGui::RadioButton("Português", language() == Language::pt)) set_language(Language::pt);
        ImGui::Separator();
        ImGui::Text("%.0f %s", fps(), tr(Text::fps));
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
    platform::GuiWindow window_;
    std::vector<std::unique_ptr<DemoPanel>> panels_;
    std::size_t current_ = 0;
    std::string launch_error_;
    std::deque<float> frame_ms_;
    std::chrono::steady_clock::time_point last_frame_;
    long frames_ = 0;
    int exit_status_ = 0;
};

}  // namespace

// -----------------------------------------------------------------------------
// [SECTION] run_gui
// -----------------------------------------------------------------------------

int run_gui(const LaunchOptions& options) {
    platform::GuiWindow window;
    std::string error;
    if (!platform::create_gui_window("Concurrency Lab", 1280, 800, window, error)) {
        std::fprintf(stderr, "error: cannot open a window: %s\n", error.c_str());
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.ChildRounding = 4;
    ImGui_ImplSDL2_InitForOpenGL(window.window, window.gl_context);
    ImGui_ImplOpenGL3_Init(window.glsl_version);
    load_fonts(17.0f);

    // On the web run_frame_loop returns at once and the browser calls frame() from then on: the app lives on.
    static App* app = nullptr;
    app = new App(options, window);
    if (!platform::run_frame_loop([] { return app->frame(); })) return 0;   // web: the browser drives frames now

    const int status = app->exit_status();
    delete app;
    app = nullptr;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    platform::destroy_gui_window(window);
    return status;
}

}  // namespace conclab::ui
