// What both GUI back ends do each frame the same way (gui_frame.h): events into ImGui, a frame, the draw.
#include "platform/gui_frame.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <utility>

namespace conclab::platform {
namespace {
SDL_Window* gui_window = nullptr;
bool pointer_touch = false;   // the last press or move came from a finger (SDL turns touches into mouse events too)
std::function<void()> pending_fonts;   // rebuild_fonts(): run before the next frame starts
std::function<void(const std::string&, bool)> pending_picture;   // export_picture(): after the next frame is rendered
}

void export_picture(std::function<void(const std::string& file, bool ok)> done) { pending_picture = std::move(done); }

namespace {
bool keys_down[4] = {};   // Key → went down in the events of this frame
}

bool key_went_down(Key key) { return keys_down[static_cast<int>(key)]; }

void rebuild_fonts(std::function<void()> build) { pending_fonts = std::move(build); }

bool pointer_is_touch() { return pointer_touch; }

float display_pixel_ratio() {
    if (!gui_window) return 1.0f;
    int w = 0, h = 0, pixels_w = 0, pixels_h = 0;
    SDL_GetWindowSize(gui_window, &w, &h);
    SDL_GL_GetDrawableSize(gui_window, &pixels_w, &pixels_h);
    return w > 0 && pixels_w > 0 ? std::clamp(static_cast<float>(pixels_w) / static_cast<float>(w), 1.0f, 4.0f) : 1.0f;
}

// Both back ends render with imgui_impl_opengl3 (GL 3.3 natively, WebGL2 on the web): the same calls serve both.
unsigned upload_texture_rgba(const unsigned char* rgba, int width, int height) {
    if (!rgba || width <= 0 || height <= 0) return 0;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    GLuint texture = 0;
    glGenTextures(1, &texture);
    if (texture == 0) return 0;
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    return texture;
}

void release_texture(unsigned texture) {
    if (texture == 0) return;
    const GLuint id = texture;
    glDeleteTextures(1, &id);
}

namespace gui_frame {

void init_imgui(SDL_Window* window, void* gl_context, const char* glsl_version) {
    gui_window = window;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplSDL2_InitForOpenGL(window, gl_context);
    ImGui_ImplOpenGL3_Init(glsl_version);
}

void shutdown_imgui() {
    gui_window = nullptr;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
}

bool pump_events(SDL_Window* window) {
    SDL_Event event;
    bool open = true;
    for (bool& down : keys_down) down = false;
    while (SDL_PollEvent(&event)) {
        if (event.type == SDL_KEYDOWN) {
            switch (event.key.keysym.scancode) {
            case SDL_SCANCODE_LEFT: keys_down[static_cast<int>(Key::left)] = true; break;
            case SDL_SCANCODE_RIGHT: keys_down[static_cast<int>(Key::right)] = true; break;
            case SDL_SCANCODE_ESCAPE: keys_down[static_cast<int>(Key::escape)] = true; break;
            case SDL_SCANCODE_F1: keys_down[static_cast<int>(Key::f1)] = true; break;
            default: break;
            }
        }
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_FINGERDOWN) pointer_touch = true;
        if (event.type == SDL_MOUSEBUTTONDOWN) pointer_touch = event.button.which == SDL_TOUCH_MOUSEID;
        if (event.type == SDL_MOUSEMOTION && event.motion.which != SDL_TOUCH_MOUSEID) pointer_touch = false;
        if (event.type == SDL_QUIT) open = false;
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
            event.window.windowID == SDL_GetWindowID(window))
            open = false;
    }
    return open;
}

void begin() {
    if (pending_fonts) {   // outside a frame: the atlas and its texture may change only here
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        std::exchange(pending_fonts, nullptr)();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
}

void render(int& width, int& height) {
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    width = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
    height = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
    glViewport(0, 0, width, height);
    // The clear paints the app's background: the root window has none (ImGuiWindowFlags_NoBackground), which
    // saves a blended pass over every pixel — most of a frame's cost when GL runs on the CPU (SwiftShader).
    const ImVec4 window_bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const auto over_base = [&](float channel, float base) { return channel * window_bg.w + base * (1.0f - window_bg.w); };
    glClearColor(over_base(window_bg.x, 0.09f), over_base(window_bg.y, 0.10f), over_base(window_bg.z, 0.12f), 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

std::function<void(const std::string&, bool)> take_picture_request() { return std::exchange(pending_picture, nullptr); }

std::string picture_file_name() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char name[64];
    std::strftime(name, sizeof name, "conclab-%Y%m%d-%H%M%S.png", &local);
    return name;
}

bool events_waiting() {
    SDL_PumpEvents();
    return SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0;
}

}  // namespace gui_frame
}  // namespace conclab::platform
