// The on-demand frame policy both GUI back ends share (frame_pacer.h), kept apart from SDL so it is tested.
#include "platform/frame_pacer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace conclab::platform {

bool is_software_renderer(std::string_view renderer_name) {
    std::string name(renderer_name);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static constexpr std::array<std::string_view, 5> kSoftware{"swiftshader", "llvmpipe", "softpipe", "basic render",
                                                               "software"};
    return std::any_of(kSoftware.begin(), kSoftware.end(), [&](std::string_view s) { return name.find(s) != std::string::npos; });
}

double ticking_fps_for(bool software_renderer) { return software_renderer ? kSoftwareTickingFps : kTickingFps; }

bool FramePacer::should_draw(double now_s, bool input, UpdateResult update) {
    const Redraw need = update.need;
    if (input) settle_ = kSettleFramesAfterInput;
    else if (need != last_need_) settle_ = std::max(settle_, kSettleFramesAfterChange);
    // A change while numbers tick is shown by the next tick; otherwise (a run just ended, a figure refreshed
    // on an idle page) at once.
    if (update.changed && need != Redraw::ticking) settle_ = std::max(settle_, 1);
    last_need_ = need;
    if (mode_ == DrawMode::always || need == Redraw::animating) return true;
    if (settle_ > 0) {
        --settle_;
        return true;
    }
    return need == Redraw::ticking && now_s - last_draw_s_ >= 1.0 / ticking_fps_;
}

int FramePacer::wait_ms(double now_s, Redraw need) const {
    if (mode_ == DrawMode::always || need == Redraw::animating || settle_ > 0) return 0;
    if (need == Redraw::ticking) return std::max(0, static_cast<int>((last_draw_s_ + 1.0 / ticking_fps_ - now_s) * 1000));
    return 250;   // idle: wake now and then to hear from workers (update), draw nothing
}

}  // namespace conclab::platform
