// What both GUI back ends do the same way each frame: SDL events into Dear ImGui, a new frame, and
// rendering ImGui's draw data with GL. Internal to the back ends (gui_backend_*.cpp).
#pragma once

#include "gui_backend.h"

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

/// @brief True when SDL has events waiting (input, resize), without taking them.
bool events_waiting();

/// @brief Decides, turn by turn, whether to draw (DrawMode::on_demand), and how long the native loop may
/// sleep waiting for input. After input or a change of what the app needs it draws a few frames more, so
/// that ImGui settles (hover, popups, the last state of a finished run).
class FramePacer {
public:
    explicit FramePacer(DrawMode mode) : mode_(mode) {}
    bool should_draw(double now_s, bool input, UpdateResult update);
    void drew(double now_s) { last_draw_s_ = now_s; }
    /// @brief Milliseconds to wait for an event before the next turn (0: draw again at once).
    int wait_ms(double now_s, Redraw need) const;

private:
    static constexpr int kSettleFrames = 3;
    DrawMode mode_;
    Redraw last_need_ = Redraw::animating;
    int settle_ = kSettleFrames;
    double last_draw_s_ = -1e9;
};

}  // namespace conclab::platform::gui_frame
