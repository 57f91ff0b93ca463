// What both GUI back ends do the same way each frame: SDL events into Dear ImGui, a new frame, and
// rendering ImGui's draw data with GL. Internal to the back ends (gui_backend_*.cpp).
#pragma once

#include "platform/frame_pacer.h"
#include "platform/gui_backend.h"

#include <functional>
#include <string>

struct SDL_Window;

namespace conclab::platform::gui_frame {

/// @brief Creates the ImGui context and its SDL + OpenGL3 back ends for `window`.
void init_imgui(SDL_Window* window, void* gl_context, const char* glsl_version);
void shutdown_imgui();

/// @brief Feeds pending SDL events to ImGui; false when the window was closed.
bool pump_events(SDL_Window* window);

/// @brief Starts an ImGui frame (after pump_events).
void begin();

/// @brief Renders the frame into the back buffer (not yet presented); returns the framebuffer size.
void render(int& width, int& height);

/// @brief The export_picture() request waiting for a drawn frame (empty if none), and the file name to give it.
std::function<void(const std::string&, bool)> take_picture_request();
std::string picture_file_name();

/// @brief True when SDL has events waiting (input, resize), without taking them.
bool events_waiting();


}  // namespace conclab::platform::gui_frame
