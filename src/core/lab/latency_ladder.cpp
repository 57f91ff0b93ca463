// The talk's latency ladder as a table beside this machine's measured rungs, durations said as a person would
// (latency_ladder.h).
#include "core/lab/latency_ladder.h"

#include <cstdio>

namespace conclab::lab {

std::vector<LadderRung> talk_ladder() {
    return {{"L1", 3, std::nullopt, ""},
            {"L2", 14, std::nullopt, ""},
            {"L3", 0, std::nullopt, ""},
            {"RAM", 250, std::nullopt, ""},
            {"disk", 41'000'000, std::nullopt, ""},
            {"network", 240'000'000, std::nullopt, ""}};
}

HumanDuration human_parts(double seconds) {
    struct Unit {
        DurationUnit unit;
        double seconds;
    };
    static constexpr Unit kUnits[] = {{DurationUnit::years, 365.25 * 86400}, {DurationUnit::days, 86400}, {DurationUnit::h, 3600},
                                      {DurationUnit::min, 60}};
    for (const auto& unit : kUnits)
        if (seconds >= unit.seconds) return {seconds / unit.seconds, unit.unit};
    return {seconds, DurationUnit::s};
}

std::string human_duration(double seconds) {
    static constexpr const char* kNames[] = {"s", "min", "h", "days", "years"};
    const HumanDuration d = human_parts(seconds);
    return format_number(d.value) + " " + kNames[static_cast<int>(d.unit)];
}

Table ladder_table(const std::vector<LadderRung>& rungs, double ghz) {
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.2f GHz", ghz);
    Table t;
    t.id = kLadderTable;
    // The figures are the classic ones Ryan Dahl's 2009 Node.js talk popularised: the talk this app re-creates has no
    // latency slide, so nothing here credits it.
    t.title = "Latency ladder: the classic figures (Ryan Dahl's 2009 Node.js talk; not in this talk) next to this machine's, "
              "at 1 cycle = 1 second (" + std::string(rate) + ")";
    t.header = {"rung", "classic: cycles", "classic: human time", "measured", "cycles here", "human time here", "measured as"};
    for (const auto& r : rungs) {
        std::vector<std::string> row{r.name};
        if (r.talk_cycles > 0) row.insert(row.end(), {format_number(r.talk_cycles), human_duration(r.talk_cycles)});
        else row.insert(row.end(), {"-", "not in the classic figures"});
        if (r.measured_ns) {
            const double cycles = *r.measured_ns * ghz;
            row.push_back(format_number(*r.measured_ns) + " ns");
            row.push_back(format_number(cycles));
            row.push_back(human_duration(cycles));
            row.push_back(r.measured_as);
        } else {
            row.insert(row.end(), {"", "", "", r.measured_as.empty() ? std::string("not measured") : r.measured_as});
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace conclab::lab
