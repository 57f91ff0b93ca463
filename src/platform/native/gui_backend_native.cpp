// Native GUI backend: an SDL2 window with an OpenGL 3.3 core context, a plain frame loop, PNG screenshots.
#include "platform/gui_backend.h"
#include "platform/gui_frame.h"

#include <SDL.h>
#include <SDL_opengl.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cctype>
#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#ifndef CONCLAB_FONT_PATH
#define CONCLAB_FONT_PATH "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#endif

namespace conclab::platform {
namespace {

SDL_Window* g_window = nullptr;
SDL_GLContext g_context = nullptr;
std::string g_screenshot;
RendererInfo g_renderer;

bool save_back_buffer_png(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);
    return stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) != 0;
}

void close_gui() {
    gui_frame::shutdown_imgui();
    if (g_context) SDL_GL_DeleteContext(g_context);
    if (g_window) SDL_DestroyWindow(g_window);
    g_context = nullptr;
    g_window = nullptr;
    SDL_Quit();
}

}  // namespace

bool open_gui(const GuiSettings& settings, std::string& error) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        return false;
    }
    // With no display SDL falls back to its offscreen (or dummy) driver, and the app ran invisibly: refuse those
    // unless asked for by name (SDL_VIDEODRIVER=offscreen), as a test or a screenshot run may.
    if (const char* driver = SDL_GetCurrentVideoDriver()) {
        const std::string name = driver;
        const char* asked = std::getenv("SDL_VIDEODRIVER");
        std::string wanted = asked ? asked : "";
        for (char& c : wanted) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if ((name == "offscreen" || name == "dummy") && wanted.find(name) == std::string::npos) {
            SDL_Quit();
            error = "no display: SDL found only its '" + name + "' video driver, which shows nothing (set DISPLAY or "
                    "WAYLAND_DISPLAY, or SDL_VIDEODRIVER=" + name + " to run without a display on purpose)";
            return false;
        }
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);   // ImGui draws no depth
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    g_window = SDL_CreateWindow(settings.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, settings.width,
                                settings.height, flags);
    if (!g_window) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        SDL_Quit();
        return false;
    }
    g_context = SDL_GL_CreateContext(g_window);
    if (!g_context) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        SDL_DestroyWindow(g_window);
        g_window = nullptr;
        SDL_Quit();
        return false;
    }
    SDL_GL_MakeCurrent(g_window, g_context);
    SDL_GL_SetSwapInterval(1);
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    g_renderer.name = renderer ? renderer : "unknown";
    g_renderer.software = is_software_renderer(g_renderer.name);
    g_renderer.ticking_fps = ticking_fps_for(g_renderer.software);
    gui_frame::init_imgui(g_window, g_context, "#version 330 core");
    g_screenshot = settings.screenshot_png;
    return true;
}

int run_gui_loop(FrameCallbacks app, DrawMode mode) {
    int status = 0;
    FramePacer pacer(mode, g_renderer.ticking_fps);
    auto now_s = [] { return static_cast<double>(SDL_GetTicks64()) / 1000.0; };
    for (bool more = true; more;) {
        const UpdateResult update = app.update();
        if (!pacer.should_draw(now_s(), gui_frame::events_waiting(), update)) {
            SDL_WaitEventTimeout(nullptr, pacer.wait_ms(now_s(), update.need));   // wakes on input; takes no event
            continue;
        }
        if (!gui_frame::pump_events(g_window)) break;
        gui_frame::begin();
        more = app.frame();
        pacer.drew(now_s());
        int width = 0, height = 0;
        gui_frame::render(width, height);
        if (!more && !g_screenshot.empty() && !save_back_buffer_png(g_screenshot, width, height)) {
            std::fprintf(stderr, "error: cannot write the screenshot to '%s'\n", g_screenshot.c_str());
            status = 1;
        }
        if (auto done = gui_frame::take_picture_request()) {
            const std::string file = gui_frame::picture_file_name();
            const bool ok = save_back_buffer_png(file, width, height);
            done(ok ? (std::filesystem::current_path() / file).string() : file, ok);
        }
        SDL_GL_SwapWindow(g_window);
    }
    close_gui();
    return status;
}

RendererInfo renderer_info() { return g_renderer; }

std::map<std::string, std::string> launch_parameters() { return {}; }

static std::function<std::string()> g_state_provider;

void set_state_provider(std::function<std::string()> provider) { g_state_provider = std::move(provider); }

void set_autorun_handler(std::function<void()>) {}

void report_result(const std::string& json) {
    std::printf("CONCLAB_RESULT %s\n", json.c_str());
    std::fflush(stdout);
}

std::string font_path() { return CONCLAB_FONT_PATH; }

void app_ready() {}

void set_page_query(const std::string&) {}

std::string page_address() { return {}; }

bool copy_to_clipboard(const std::string& text) { return SDL_SetClipboardText(text.c_str()) == 0; }

void set_fullscreen(bool on) {
    if (g_window) SDL_SetWindowFullscreen(g_window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

}  // namespace conclab::platform
