// When to draw a frame: the on-demand policy both GUI back ends share, apart from SDL and GL so that it can
// be tested. Drawing is not free — with software GL (no GPU, as in a VM or headless Chromium) one 1280×800
// frame costs ~40 ms of CPU that the demos' workers need — so a run in progress is drawn at a bounded rate
// and a result that arrives meanwhile waits for the next tick instead of forcing a frame of its own.
#pragma once

#include "platform/gui_backend.h"

#include <string_view>

namespace conclab::platform {

/// @brief True when the GL renderer's name says it rasterises on the CPU (SwiftShader, llvmpipe, softpipe,
/// Microsoft Basic Render, "Software").
bool is_software_renderer(std::string_view renderer_name);

/// @brief Frames per second while numbers tick: kTickingFps with a GPU, kSoftwareTickingFps without one.
double ticking_fps_for(bool software_renderer);

/// @brief Decides, turn by turn, whether to draw (DrawMode::on_demand), and how long the native loop may
/// sleep waiting for input. After input or a change of what the app needs it draws a few frames more, so
/// that ImGui settles (hover, popups, the last state of a finished run).
class FramePacer {
public:
    FramePacer(DrawMode mode, double ticking_fps) : mode_(mode), ticking_fps_(ticking_fps) {}
    bool should_draw(double now_s, bool input, UpdateResult update);
    void drew(double now_s) { last_draw_s_ = now_s; }
    /// @brief Milliseconds to wait for an event before the next turn (0: draw again at once).
    int wait_ms(double now_s, Redraw need) const;
    double ticking_fps() const { return ticking_fps_; }

private:
    static constexpr int kSettleFramesAfterInput = 3;    // hover, popups, a dragged slider
    static constexpr int kSettleFramesAfterChange = 2;   // a run started or ended: its last state laid out
    DrawMode mode_;
    double ticking_fps_;
    Redraw last_need_ = Redraw::animating;
    int settle_ = kSettleFramesAfterInput;
    double last_draw_s_ = -1e9;
};

}  // namespace conclab::platform
