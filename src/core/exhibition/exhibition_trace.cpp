// The exhibition as a Chrome JSON trace (exhibition_trace.h).
#include "core/exhibition/exhibition_trace.h"

namespace conclab::exhibition {

nlohmann::json to_trace(const ExhibitionReport& report, const std::vector<ScheduleTurns>& turns,
                        const trace::Machine& machine) {
    trace::TraceBuilder builder(trace::TimeBase::simulated, machine);
    const auto& o = report.options;
    for (const auto& schedule : turns) {
        const int pid = builder.add_process(std::string(to_string(schedule.schedule)) + " schedule");
        const int her = builder.add_track(pid, "Polg\u00e1r");
        std::vector<int> boards;
        for (int b = 1; b <= o.boards; ++b) boards.push_back(builder.add_track(pid, "board " + std::to_string(b)));
        for (const auto& t : schedule.turns) {
            nlohmann::json args{{"board", t.board}, {"ply", t.ply}, {"move", t.san}};
            if (t.hers)
                builder.add_slice(pid, her, "board " + std::to_string(t.board) + ": " + t.san, "her_move", t.start_s,
                                  t.end_s, std::move(args));
            else
                builder.add_slice(pid, boards.at(static_cast<std::size_t>(t.board - 1)), t.san, "their_move",
                                  t.start_s, t.end_s, std::move(args));
        }
    }
    builder.set_metadata("demo", "exhibition");
    builder.set_metadata("runtime", "C++ (core/aio event loop, virtual clock)");
    builder.set_metadata("options", {{"boards", o.boards}, {"her_s", o.her_s}, {"them_s", o.them_s},
                                     {"moves", o.moves}, {"mode", std::string(to_string(o.mode))},
                                     {"seed", std::to_string(o.seed)}});
    nlohmann::json simulated = nlohmann::json::object();
    if (report.simulated_sequential_s) simulated["sequential_s"] = *report.simulated_sequential_s;
    if (report.simulated_simultaneous_s) simulated["simultaneous_s"] = *report.simulated_simultaneous_s;
    builder.set_metadata("simulated", std::move(simulated));
    return builder.build();
}

}  // namespace conclab::exhibition
