// The GUI half of the platform seam: window + GL context, the frame loop, and the page hooks
// (query string, window.conclab.state(), CONCLAB_RESULT). Native: SDL2 + OpenGL 3; web: SDL2 + WebGL2
// with emscripten_set_main_loop. Only the UI library links this.
#pragma once

#include <functional>
#include <map>
#include <string>

struct SDL_Window;

namespace conclab::platform {

struct GuiWindow {
    SDL_Window* window = nullptr;
    void* gl_context = nullptr;
    const char* glsl_version = nullptr;   ///< for ImGui_ImplOpenGL3_Init
};

/// @brief SDL video + a GL context (GL 3.3 core natively, WebGL2 / GLES 3 on the web). False + error if impossible.
bool create_gui_window(const char* title, int width, int height, GuiWindow& out, std::string& error);
void destroy_gui_window(GuiWindow& window);

/// @brief Calls frame() once per display frame until it returns false. The only place a main loop lives:
/// a plain loop natively (returns true when it ended), emscripten_set_main_loop on the web (returns false
/// at once, or never returns: the browser goes on calling frame(), so the caller must keep its state alive).
bool run_frame_loop(std::function<bool()> frame);

/// @brief Launch parameters: the page's query string on the web; empty natively (the CLI parses flags).
std::map<std::string, std::string> launch_parameters();

/// @brief Makes `provider` answer window.conclab.state() on the web; natively kept for --autorun.
void set_state_provider(std::function<std::string()> provider);

/// @brief Reports a finished autorun: console line `CONCLAB_RESULT <json>` (web) or stdout (native).
void report_result(const std::string& json);

/// @brief Path of the UI font (DejaVu Sans), or empty if none is available (ImGui's default font is used).
std::string font_path();

/// @brief Hands the web page's loading screen over to the app (hides it); no-op natively.
void app_ready();

}  // namespace conclab::platform

namespace conclab::platform {

/// @brief Writes the current back buffer (before the swap) to a PNG file. Native only: on the web it
/// returns false with "unsupported on the web" (the browser takes its own screenshots).
bool save_framebuffer_png(const std::string& path, int width, int height, std::string& error);

}  // namespace conclab::platform
