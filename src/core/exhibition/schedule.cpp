// Schedule arithmetic (see schedule.h for the model).
#include "core/exhibition/schedule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace conclab::exhibition {

double sequential_total_s(const ExhibitionOptions& o) { return o.boards * o.moves * (o.her_s + o.them_s); }

double simultaneous_round_s(const ExhibitionOptions& o) { return std::max(o.boards * o.her_s, o.her_s + o.them_s); }

double slide_method_rounds_s(const ExhibitionOptions& o) { return o.moves * o.boards * o.her_s; }

double simultaneous_rounds_s(const ExhibitionOptions& o) { return o.moves * simultaneous_round_s(o); }

double simultaneous_total_s(const ExhibitionOptions& o) {
    return simultaneous_rounds_s(o) + std::min(o.them_s, (o.boards - 1) * o.her_s);
}

int crossover_boards(const ExhibitionOptions& o) {
    const double boards = std::ceil((o.her_s + o.them_s) / o.her_s - 1e-9);   // computed in double: never overflows
    return boards >= kCrossoverNever ? kCrossoverNever : static_cast<int>(boards);
}

std::string talk_slide_note(const ExhibitionOptions& o) {
    char text[512];
    std::snprintf(text, sizeof text,
                  "The talk's slide says 20 minutes: it counted a round of 20 boards x 5 s as 40 s. Its method, a "
                  "round = boards x her time, gives %g min here. A round is max(%d x %g s, %g s + %g s) = %g s, so %d "
                  "rounds take %g min (the last reply adds %g s more).",
                  slide_method_rounds_s(o) / 60, o.boards, o.her_s, o.her_s, o.them_s, simultaneous_round_s(o), o.moves,
                  simultaneous_rounds_s(o) / 60, simultaneous_total_s(o) - simultaneous_rounds_s(o));
    return text;
}

double live_speed(const ExhibitionOptions& o, double speed, double simultaneous_end_s, bool simultaneous_done,
                  bool sequential_done) {
    if (speed <= 0 || o.mode != Mode::both || !simultaneous_done || sequential_done) return speed;
    return std::max(speed, (sequential_total_s(o) - simultaneous_end_s) / kFastForwardRealS);
}

double live_real_s(const ExhibitionOptions& o, double speed) {
    const double simultaneous = simultaneous_total_s(o), sequential = sequential_total_s(o);
    if (sequential <= simultaneous) return sequential / speed;
    return simultaneous / speed + std::min(kFastForwardRealS, (sequential - simultaneous) / speed);
}

}  // namespace conclab::exhibition
