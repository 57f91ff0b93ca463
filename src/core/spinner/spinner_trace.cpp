// A spinner run as a Chrome JSON trace (spinner_trace.h).
#include "core/spinner/spinner_trace.h"

namespace conclab::spinner {

nlohmann::json to_trace(const std::vector<TracedForm>& forms, const SpinnerOptions& options,
                        const trace::Machine& machine) {
    trace::TraceBuilder builder(trace::TimeBase::wall, machine);
    nlohmann::json figures = nlohmann::json::array();
    for (const auto& form : forms) {
        const FrameGaps& g = form.gaps;
        const int pid = builder.add_process("spinner: " + form.label);
        const int tid = builder.add_track(pid, "spinner");
        const double zero = g.start_s();
        builder.add_slice(pid, tid, "spinning", "spinner", 0, g.end_s() - zero,
                          {{"frames", g.frames()}, {"frozen_s", g.frozen_s()}, {"longest_gap_s", g.longest_gap_s()}});
        double last = zero;
        auto gap_to = [&](double now) {
            if (now - last > kFreezeGapS) builder.add_slice(pid, tid, "frozen", "frozen", last - zero, now - zero);
            last = now;
        };
        for (double t : g.frame_times_s()) {
            gap_to(t);
            builder.add_instant(pid, tid, "frame", "frame", t - zero);
        }
        const bool timed_here = !g.from_elsewhere();
        if (timed_here) gap_to(g.end_s());
        figures.push_back({{"form", form.label},
                           {"frames", g.frames()},
                           {"frames_timed", g.frame_times_s().size()},
                           {"frozen_s", g.frozen_s()},
                           {"longest_gap_s", g.longest_gap_s()}});
    }
    builder.set_metadata("demo", "spinner");
    builder.set_metadata("runtime", "C++");
    builder.set_metadata("options", {{"seconds", options.seconds}, {"number", std::to_string(options.number)}});
    builder.set_metadata("forms", std::move(figures));
    builder.set_metadata("note",
                         "each form's time starts when its spinner started; a spinner drawn by another "
                         "process (the CLI's process form) sends its totals only, so its frames are not timed here");
    return builder.build();
}

}  // namespace conclab::spinner
