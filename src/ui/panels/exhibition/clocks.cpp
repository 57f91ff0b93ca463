// The exhibition panel's clocks (formula vs simulated, per schedule) and the three times that compete.
#include "ui/panels/exhibition/exhibition_panel.h"
#include "ui/text/numbers.h"

#include "ui/panels/exhibition/clock_status.h"

namespace conclab::ui {

void ExhibitionPanel::draw_clock_face(ImDrawList* draw, ImVec2 centre, float radius, double seconds, ImU32 colour) {
    draw->AddCircleFilled(centre, radius, IM_COL32(28, 30, 36, 255), 48);
    draw->AddCircle(centre, radius, with_alpha(colour, 0.9f), 48, 2.0f);
    for (int tick = 0; tick < 12; ++tick) {
        const float a = static_cast<float>(tick) * 3.14159265f / 6.0f;
        const ImVec2 dir(std::sin(a), -std::cos(a));
        draw->AddLine(ImVec2(centre.x + dir.x * radius * 0.82f, centre.y + dir.y * radius * 0.82f),
                      ImVec2(centre.x + dir.x * radius * 0.95f, centre.y + dir.y * radius * 0.95f),
                      IM_COL32(170, 170, 170, 255), 1.5f);
    }
    const auto hand = [&](double turns, float length, float thickness, ImU32 c) {
        const float a = static_cast<float>(turns * 2.0 * 3.14159265358979);
        draw->AddLine(centre, ImVec2(centre.x + std::sin(a) * radius * length, centre.y - std::cos(a) * radius * length),
                      c, thickness);
    };
    hand(seconds / 43200.0, 0.5f, 3.5f, IM_COL32(230, 230, 230, 255));   // hours
    hand(seconds / 3600.0, 0.78f, 2.0f, colour);                         // minutes
    draw->AddCircleFilled(centre, 3.0f, IM_COL32(230, 230, 230, 255));
}

// The two clocks side by side while each keeps room for its words beside its face, else one above the other.
float ExhibitionPanel::clock_radius() const { return narrow_layout() ? 56.0f : 72.0f; }

void ExhibitionPanel::draw_clocks() {
    const float radius = clock_radius();
    const float clock_w = 2 * radius + 8 + ImGui::GetStyle().ItemSpacing.x + kClockTextMinWidth;
    if (ImGui::GetContentRegionAvail().x < 2 * clock_w) {
        draw_clock(Schedule::sequential);
        ImGui::Spacing();
        draw_clock(Schedule::simultaneous);
        return;
    }
    if (!ImGui::BeginTable("##clocks", 2, ImGuiTableFlags_BordersInnerV)) return;
    for (const auto schedule : {Schedule::sequential, Schedule::simultaneous}) {
        ImGui::TableNextColumn();
        draw_clock(schedule);
    }
    ImGui::EndTable();
}

void ExhibitionPanel::draw_clock(Schedule schedule) {
    const ExhibitionOptions& o = view_.options ? *view_.options : settings_;
    const ScheduleView* live = nullptr;
    if (view_.snapshot)
        for (const auto& s : view_.snapshot->schedules)
            if (s.schedule == schedule) live = &s;
    const bool sequential = schedule == Schedule::sequential;
    const ImU32 colour = sequential ? kSequentialColour : kSimultaneousColour;
    const double formula = sequential ? exhibition::sequential_total_s(o) : exhibition::simultaneous_total_s(o);
    const double elapsed = live ? live->elapsed_s : 0;
    const float radius = clock_radius();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    draw_clock_face(ImGui::GetWindowDrawList(), ImVec2(origin.x + radius + 2, origin.y + radius + 2), radius,
                    elapsed, colour);
    ImGui::Dummy(ImVec2(2 * radius + 8, 2 * radius + 4));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(0.0f);   // every line wraps at the column's (or the panel's) right edge
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour), "%s",
                       tr(sequential ? ExhibitionText::sequential_schedule : ExhibitionText::simultaneous_schedule));
    if (live) ImGui::Text("%s %s", tr(ExhibitionText::simulated), clock_text(elapsed).c_str());
    else ImGui::TextDisabled("%s", tr(clock_status(o.mode, sequential, view_.options.has_value())));
    ImGui::Text("%s %s", tr(ExhibitionText::formula), clock_text(formula).c_str());
    if (!sequential) {
        char round[64];   // "(30 × 60 s)" stays whole: no-break spaces
        std::snprintf(round, sizeof round, "%s", text_format("(%d\u00a0×\u00a0%g\u00a0s)", o.moves, exhibition::simultaneous_round_s(o)).c_str());
        same_line_if_fits(ImGui::CalcTextSize(round).x);
        ImGui::TextDisabled("%s", round);
    }
    // A schedule the run simulates has its progress, where she is and the results, from before Start (at zero) on:
    // the lines are there already, and Start does not push the boards down.
    if (live || clock_status(o.mode, sequential, false) == ExhibitionText::not_started) {
        int moves = 0, wins = 0, losses = 0, draws = 0, limit = 0;
        if (live)
            for (const auto& b : live->boards) {
                moves += b.moves;
                if (b.result == "1-0") ++wins;
                else if (b.result == "0-1") ++losses;
                else if (b.result == "1/2-1/2") ++draws;
                else if (b.state == BoardState::finished) ++limit;
            }
        char label[64];
        const int total = o.boards * o.moves;
        std::snprintf(label, sizeof label, "%d / %d %s", moves, total, tr(ExhibitionText::moves_played));
        ImGui::ProgressBar(total > 0 ? static_cast<float>(moves) / static_cast<float>(total) : 0.0f,
                           ImVec2(std::max(120.0f, ImGui::GetContentRegionAvail().x - 8), 0), label);
        if (live && live->her_board > 0) ImGui::Text("%s %d", tr(ExhibitionText::she_is_at), live->her_board);
        else ImGui::Text("%s", tr(live && live->finished ? ExhibitionText::she_is_done : ExhibitionText::she_starts));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::Text("%s", text_format(tr(ExhibitionText::results_line), wins, losses, draws, limit).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void ExhibitionPanel::draw_times() const {
    const ExhibitionOptions& o = view_.options ? *view_.options : settings_;
    const ScheduleView* simultaneous = nullptr;
    if (view_.snapshot)
        for (const auto& s : view_.snapshot->schedules)
            if (s.schedule == Schedule::simultaneous) simultaneous = &s;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.4f, 1.0f), "%s", tr(ExhibitionText::times_title));
    bullet_wrapped(tr(ExhibitionText::time_slide));
    char line[512];
    std::snprintf(line, sizeof line, "%s", text_format(tr(ExhibitionText::time_formula), clock_text(exhibition::simultaneous_total_s(o)).c_str(), o.moves).c_str());
    bullet_wrapped(line);
    if (simultaneous && simultaneous->finished) {
        std::snprintf(line, sizeof line, "%s", text_format(tr(ExhibitionText::time_clock), clock_text(simultaneous->elapsed_s).c_str()).c_str());
        bullet_wrapped(line);
    } else {
        bullet_wrapped(tr(ExhibitionText::time_clock_pending));
    }
    std::snprintf(line, sizeof line, "%s", text_format(tr(ExhibitionText::talk_average), o.moves).c_str());
    ImGui::TextDisabled("%s", line);
    ImGui::PopTextWrapPos();
}

}  // namespace conclab::ui
