// Native GUI backend: SDL2 window with an OpenGL 3.3 core context, a plain frame loop, PNG screenshots.
#include "gui_backend.h"

#include <SDL.h>
#include <SDL_opengl.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cstdio>
#include <vector>

#ifndef CONCLAB_FONT_PATH
#define CONCLAB_FONT_PATH "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#endif

namespace conclab::platform {

bool create_gui_window(const char* title, int width, int height, GuiWindow& out, std::string& error) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        error = SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    out.window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
    if (!out.window) {
        error = SDL_GetError();
        SDL_Quit();
        return false;
    }
    out.gl_context = SDL_GL_CreateContext(out.window);
    if (!out.gl_context) {
        error = SDL_GetError();
        SDL_DestroyWindow(out.window);
        SDL_Quit();
        return false;
    }
    SDL_GL_MakeCurrent(out.window, out.gl_context);
    SDL_GL_SetSwapInterval(1);
    out.glsl_version = "#version 330 core";
    return true;
}

void destroy_gui_window(GuiWindow& window) {
    if (window.gl_context) SDL_GL_DeleteContext(window.gl_context);
    if (window.window) SDL_DestroyWindow(window.window);
    window = {};
    SDL_Quit();
}

bool run_frame_loop(std::function<bool()> frame) {
    while (frame()) {
    }
    return true;
}

std::map<std::string, std::string> launch_parameters() { return {}; }

static std::function<std::string()> g_state_provider;

void set_state_provider(std::function<std::string()> provider) { g_state_provider = std::move(provider); }

void report_result(const std::string& json) {
    std::printf("CONCLAB_RESULT %s\n", json.c_str());
    std::fflush(stdout);
}

std::string font_path() { return CONCLAB_FONT_PATH; }

void app_ready() {}

bool save_framebuffer_png(const std::string& path, int width, int height, std::string& error) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4)) {
        error = "cannot write the screenshot to '" + path + "'";
        return false;
    }
    return true;
}

}  // namespace conclab::platform
