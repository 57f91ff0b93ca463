// The on-demand drawing policy both GUI back ends share (src/platform/frame_pacer.h).
#include "platform/frame_pacer.h"

#include <gtest/gtest.h>

namespace conclab::platform {
namespace {

// Drives the pacer like a frame loop: a turn every `step_s` for `seconds`, counting the frames it draws.
int frames_drawn(FramePacer& pacer, double& now, double seconds, UpdateResult update, double step_s = 0.001) {
    int frames = 0;
    for (const double end = now + seconds; now < end; now += step_s) {
        if (pacer.should_draw(now, false, update)) {
            pacer.drew(now);
            ++frames;
        }
    }
    return frames;
}

TEST(FramePacer, IdleDrawsNothingAfterSettling) {
    FramePacer pacer(DrawMode::on_demand, kTickingFps);
    double now = 0;
    frames_drawn(pacer, now, 0.1, {Redraw::idle, false});
    EXPECT_EQ(frames_drawn(pacer, now, 5, {Redraw::idle, false}), 0);
    EXPECT_EQ(pacer.wait_ms(now, Redraw::idle), 250);
}

TEST(FramePacer, InputAndChangesOnAnIdlePageDrawAtOnce) {
    FramePacer pacer(DrawMode::on_demand, kTickingFps);
    double now = 0;
    frames_drawn(pacer, now, 0.1, {Redraw::idle, false});
    EXPECT_TRUE(pacer.should_draw(now, true, {Redraw::idle, false}));
    frames_drawn(pacer, now, 0.1, {Redraw::idle, false});
    EXPECT_TRUE(pacer.should_draw(now, false, {Redraw::idle, true}));
}

TEST(FramePacer, TickingDrawsAtItsRateEvenWhenEveryTurnBringsAResult) {
    for (const double fps : {kTickingFps, kSoftwareTickingFps}) {
        FramePacer pacer(DrawMode::on_demand, fps);
        double now = 0;
        frames_drawn(pacer, now, 0.1, {Redraw::ticking, false});   // the settle frames after the change
        const int quiet = frames_drawn(pacer, now, 10, {Redraw::ticking, false});
        const int busy = frames_drawn(pacer, now, 10, {Redraw::ticking, true});   // a result every millisecond
        EXPECT_NEAR(quiet, 10 * fps, 2) << fps;
        EXPECT_NEAR(busy, 10 * fps, 2) << fps;
    }
}

TEST(FramePacer, InputIsAnsweredAtOnceWhileTicking) {
    FramePacer pacer(DrawMode::on_demand, kSoftwareTickingFps);
    double now = 0;
    frames_drawn(pacer, now, 1, {Redraw::ticking, false});
    EXPECT_TRUE(pacer.should_draw(now, true, {Redraw::ticking, false}));
}

TEST(FramePacer, AnimationsAndAlwaysModeDrawEveryTurn) {
    FramePacer animating(DrawMode::on_demand, kSoftwareTickingFps);
    double now = 0;
    EXPECT_EQ(frames_drawn(animating, now, 1, {Redraw::animating, false}, 0.01), 100);
    FramePacer always(DrawMode::always, kSoftwareTickingFps);
    EXPECT_EQ(frames_drawn(always, now, 1, {Redraw::idle, false}, 0.01), 100);
}

TEST(FramePacer, SoftwareRenderersAreRecognised) {
    EXPECT_TRUE(is_software_renderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"));
    EXPECT_TRUE(is_software_renderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
    EXPECT_TRUE(is_software_renderer("Microsoft Basic Render Driver"));
    EXPECT_FALSE(is_software_renderer("ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)"));
    EXPECT_FALSE(is_software_renderer("NVIDIA GeForce RTX 3060/PCIe/SSE2"));
    EXPECT_EQ(ticking_fps_for(true), kSoftwareTickingFps);
    EXPECT_EQ(ticking_fps_for(false), kTickingFps);
}

}  // namespace
}  // namespace conclab::platform
