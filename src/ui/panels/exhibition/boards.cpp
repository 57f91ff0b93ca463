// The exhibition panel's boards (small multiples, hers highlighted), where she is, and the event loop's queues.
#include "ui/panels/exhibition/exhibition_panel.h"

#include "ui/text/text_primes.h"
#include "ui/text/numbers.h"

#include <algorithm>
#include <cfloat>
#include <iterator>
#include <utility>

namespace conclab::ui {

void ExhibitionPanel::draw_board(ImDrawList* draw, ImVec2 p, float size, const std::string& fen, float alpha) {
    const float square = size / 8.0f;
    ImFont* font = ImGui::GetFont();
    int rank = 0, file = 0;
    for (int r = 0; r < 8; ++r)
        for (int f = 0; f < 8; ++f) {
            const ImU32 c = (r + f) % 2 == 0 ? IM_COL32(236, 217, 185, 255) : IM_COL32(174, 137, 104, 255);
            draw->AddRectFilled(ImVec2(p.x + static_cast<float>(f) * square, p.y + static_cast<float>(r) * square),
                                ImVec2(p.x + static_cast<float>(f + 1) * square, p.y + static_cast<float>(r + 1) * square),
                                with_alpha(c, alpha));
        }
    for (char c : fen) {
        if (c == ' ' || rank > 7) break;
        if (c == '/') {
            ++rank;
            file = 0;
            continue;
        }
        if (c >= '1' && c <= '8') {
            file += c - '0';
            continue;
        }
        const int index = piece_index(c);
        if (index < 0 || file > 7) continue;
        const bool white = c >= 'A' && c <= 'Z';
        const float glyph_size = square * 1.3f;   // the glyphs fill ~3/4 of their em box
        const std::string filled = chess_glyph(index, true);
        const ImVec2 extent = font->CalcTextSizeA(glyph_size, FLT_MAX, 0, filled.c_str());
        const ImVec2 at(p.x + (static_cast<float>(file) + 0.5f) * square - extent.x / 2,
                        p.y + (static_cast<float>(rank) + 0.5f) * square - extent.y / 2);
        // White: a filled glyph painted white under the outlined one, so it reads on light squares too.
        draw->AddText(font, glyph_size, at, with_alpha(white ? IM_COL32(255, 255, 255, 255) : IM_COL32(15, 15, 15, 255), alpha),
                      filled.c_str());
        if (white)
            draw->AddText(font, glyph_size, at, with_alpha(IM_COL32(20, 20, 20, 255), alpha), chess_glyph(index, false).c_str());
        ++file;
    }
}

void ExhibitionPanel::draw_legend() {
    ImGui::PushTextWrapPos(0.0f);
    // The legend: each key whole, on the line while it fits.
    const std::pair<ImU32, ExhibitionText> keys[] = {{kHerColour, ExhibitionText::state_her_move},
                                           {kThinkingColour, ExhibitionText::state_thinking},
                                           {0, ExhibitionText::state_waiting}};
    for (std::size_t i = 0; i < std::size(keys); ++i) {
        const std::string key = std::string("■\u00a0") + tr(keys[i].second);
        if (i > 0) same_line_if_fits(ImGui::CalcTextSize(key.c_str()).x);
        if (keys[i].first) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(keys[i].first), "%s", key.c_str());
        else ImGui::TextDisabled("%s", key.c_str());
    }
    ImGui::TextDisabled("%s", tr(ExhibitionText::caption_legend));
    ImGui::PopTextWrapPos();
}

void ExhibitionPanel::draw_boards(const exhibition::ExhibitionSnapshot& snap) {
    // Which schedule's boards: both are simulated side by side; one grid at a time fits the window. Both choices are
    // always there (the one the mode leaves out greyed): the boards do not move when the mode changes.
    const ScheduleView* shown = &snap.schedules.back();
    for (const auto& s : snap.schedules)
        if (s.schedule == shown_schedule_) shown = &s;
    ImGui::TextUnformatted(tr(ExhibitionText::boards_shown));
    for (const auto schedule : {Schedule::sequential, Schedule::simultaneous}) {
        const char* name = schedule == Schedule::sequential ? tr(PrimesText::executor_sequential) : tr(ExhibitionText::mode_simultaneous);
        const bool simulated = std::any_of(snap.schedules.begin(), snap.schedules.end(),
                                           [&](const ScheduleView& s) { return s.schedule == schedule; });
        same_line_if_fits(choice_width(name));
        ImGui::BeginDisabled(!simulated);
        if (ImGui::RadioButton(name, shown->schedule == schedule)) shown_schedule_ = schedule;
        ImGui::EndDisabled();
    }
    const auto& boards = shown->boards;
    const int count = static_cast<int>(boards.size());
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    const float label_h = ImGui::GetTextLineHeight();
    // A caption is "board · moves" with the result at the right; the widest the run can show sizes them all.
    const int max_moves = view_.options ? view_.options->moves : settings_.moves;
    char widest_label[48];
    std::snprintf(widest_label, sizeof widest_label, "%d · %d", count, max_moves);
    const float label_w = ImGui::CalcTextSize(widest_label).x;
    const float number_w = ImGui::CalcTextSize(std::to_string(count).c_str()).x;
    const float result_w = std::max({ImGui::CalcTextSize("1-0").x, ImGui::CalcTextSize("0-1").x, ImGui::CalcTextSize("½-½").x});
    // The biggest boards for which the grid stays within ~380 px (past that, the most columns whose cells still
    // hold the board's number).
    const int most_columns = std::max(1, std::min({count, 12, static_cast<int>(width / (number_w + 12.0f))}));
    int columns = most_columns;
    // Presenting: as big as the screen below allows (picture_height), at the text's scale.
    const float biggest = 130.0f * font_scale(), budget = picture_height(380.0f * font_scale(), 1.0f);
    for (int c = 1; c <= most_columns; ++c) {
        const float b = std::min(biggest, width / static_cast<float>(c)) - 10.0f;
        if (static_cast<float>((count + c - 1) / c) * (b + label_h + 8.0f) <= budget) {
            columns = c;
            break;
        }
    }
    const float cell = std::min(biggest, width / static_cast<float>(columns));
    const float board = cell - 10.0f;
    // Captions that do not fit under a board: the number alone, and the result on a line of its own.
    const bool show_moves = label_w <= cell - 4.0f;
    const bool result_below = (show_moves ? label_w : number_w) + 6.0f + result_w > board;
    const float row_h = board + label_h * (result_below ? 2.0f : 1.0f) + 8.0f;
    const int rows = (count + columns - 1) / columns;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto corner = [&](int i) {
        return ImVec2(origin.x + static_cast<float>(i % columns) * cell, origin.y + static_cast<float>(i / columns) * row_h);
    };
    for (int i = 0; i < count; ++i) {
        const BoardView& b = boards[static_cast<std::size_t>(i)];
        const ImVec2 p = corner(i);
        const bool hers = b.board == shown->her_board;
        const float alpha = b.state == BoardState::waiting_for_her && !hers ? 0.38f
                            : b.state == BoardState::finished                ? 0.6f
                                                                             : 1.0f;
        draw_board(draw, p, board, b.fen, alpha);
        if (hers) draw->AddRect(ImVec2(p.x - 3, p.y - 3), ImVec2(p.x + board + 3, p.y + board + 3), kHerColour, 3.0f, 0, 3.0f);
        else if (b.state == BoardState::opponent_thinking)
            draw->AddRect(ImVec2(p.x - 1, p.y - 1), ImVec2(p.x + board + 1, p.y + board + 1), kThinkingColour, 2.0f, 0, 1.5f);
        char label[48];
        if (show_moves) std::snprintf(label, sizeof label, "%d · %d", b.board, b.moves);
        else std::snprintf(label, sizeof label, "%d", b.board);
        draw->AddText(ImVec2(p.x, p.y + board + 2), IM_COL32(190, 190, 190, 255), label);
        if (b.state == BoardState::finished) {
            const std::string result = b.result == "1/2-1/2" ? "½-½" : b.result;
            const ImU32 rc = b.result == "1-0" ? IM_COL32(130, 220, 130, 255)
                             : b.result == "0-1" ? IM_COL32(240, 110, 100, 255)
                                                 : IM_COL32(200, 200, 200, 255);
            const float w = ImGui::CalcTextSize(result.c_str()).x;
            if (result_below) draw->AddText(ImVec2(p.x, p.y + board + 2 + label_h), rc, result.c_str());
            else draw->AddText(ImVec2(p.x + board - w, p.y + board + 2), rc, result.c_str());
        }
        if (ImGui::IsMouseHoveringRect(p, ImVec2(p.x + board, p.y + board)))
            ImGui::SetTooltip("%d: %s · %s %s", b.board, tr(state_text(b.state)), b.last_move.c_str(),
                              b.state == BoardState::finished ? std::string(exhibition::to_string(b.end)).c_str() : "");
    }
    // Where she stands: a marker on her board. Her path is the line of numbers below, not lines across the boards
    // (drawn over them, they hid the pieces).
    const auto& path = shown->her_path;
    const auto centre = [&](int board_number) {
        const ImVec2 p = corner(board_number - 1);
        return ImVec2(p.x + board / 2, p.y + board / 2);
    };
    if (shown->her_board > 0) {
        const ImVec2 c = centre(shown->her_board);
        draw->AddCircleFilled(c, 9.0f, kHerColour);
        const char* she = tr(ExhibitionText::she_label);
        const ImVec2 t = ImGui::CalcTextSize(she);
        const ImVec2 at(c.x - t.x / 2, c.y - 22 - t.y / 2);
        draw->AddRectFilled(ImVec2(at.x - 3, at.y - 1), ImVec2(at.x + t.x + 3, at.y + t.y + 1), IM_COL32(20, 20, 24, 230), 3.0f);
        draw->AddText(at, kHerColour, she);
    }
    // At least the budget's height: the grid's own height changes with the count of boards, what is below it does not.
    const float grid_h = std::max(static_cast<float>(rows) * row_h, budget);
    ImGui::Dummy(ImVec2(width, grid_h));
    boards_area_ = {origin.y, grid_h};
    boards_drawn_ = count;
    // Her latest visits on one line beside its title ("… 19 → 20 → 1"): the line never grows into a second one.
    const std::string title = std::string(tr(ExhibitionText::her_path)) + ":";
    ImGui::TextDisabled("%s", title.c_str());
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(title.c_str()).x - ImGui::GetStyle().ItemSpacing.x;
    std::string trail;
    for (std::size_t i = path.size(); i-- > 0;) {
        std::string longer = std::to_string(path[i]) + (trail.empty() ? "" : "\u00a0→ ") + trail;
        if (!trail.empty() && ImGui::CalcTextSize(("…\u00a0" + longer).c_str()).x > room) {
            trail = "…\u00a0" + trail;
            break;
        }
        trail = std::move(longer);
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(trail.c_str());
}

// Every line wraps at the column's edge; a value goes beside its title while it fits whole, else below it.
void ExhibitionPanel::draw_loop(const aio::LoopSnapshot& loop) {
    // As tall as its fullest queues (6 ready, 10 timers): the chart and the settings below do not move as they fill.
    const float top = ImGui::GetCursorPosY();
    const float tallest = 24 * ImGui::GetTextLineHeightWithSpacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(ExhibitionText::event_loop));
    ImGui::Text("%s:", tr(ExhibitionText::loop_running));
    const std::string running = loop.running ? task_words(*loop.running) : tr(ExhibitionText::nobody);
    same_line_if_fits(ImGui::CalcTextSize(running.c_str()).x);
    if (loop.running) ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.35f, 1), "%s", running.c_str());
    else ImGui::TextDisabled("%s", running.c_str());
    ImGui::Text("%s (%zu):", tr(ExhibitionText::loop_ready), loop.ready.size());
    if (loop.ready.empty()) {
        same_line_if_fits(ImGui::CalcTextSize(tr(ExhibitionText::empty)).x);
        ImGui::TextDisabled("%s", tr(ExhibitionText::empty));
    }
    constexpr std::size_t kShown = 6;
    for (std::size_t i = 0; i < loop.ready.size() && i < kShown; ++i) bullet_wrapped(task_words(loop.ready[i]).c_str());
    if (loop.ready.size() > kShown) ImGui::TextDisabled("  + %zu %s", loop.ready.size() - kShown, tr(ExhibitionText::more));
    else ImGui::TextUnformatted("");   // the "more" line's place: the queues below keep theirs
    ImGui::Text("%s (%zu):", tr(ExhibitionText::loop_timers), loop.timers.size());
    constexpr std::size_t kTimers = 10;
    for (std::size_t i = 0; i < loop.timers.size() && i < kTimers; ++i) {
        const auto& t = loop.timers[i];
        char in[32];
        std::snprintf(in, sizeof in, "%s", text_format("+%.0f\u00a0s", t.due_s - loop.now_s).c_str());
        ImGui::Text("  %s", clock_text(t.due_s).c_str());
        same_line_if_fits(ImGui::CalcTextSize(in).x);
        ImGui::TextDisabled("%s", in);
        const std::string who = task_words(t.name);
        same_line_if_fits(ImGui::CalcTextSize(who.c_str()).x);
        ImGui::TextUnformatted(who.c_str());
    }
    if (loop.timers.size() > kTimers) ImGui::TextDisabled("  + %zu %s", loop.timers.size() - kTimers, tr(ExhibitionText::more));
    else ImGui::TextUnformatted("");
    ImGui::Text("%s: %zu", tr(ExhibitionText::loop_waiting), loop.waiting.size());
    ImGui::TextDisabled("%s", text_format(tr(ExhibitionText::loop_totals), static_cast<unsigned long long>(loop.created),
                        static_cast<unsigned long long>(loop.finished)).c_str());
    ImGui::PopTextWrapPos();
    if (const float used = ImGui::GetCursorPosY() - top; used < tallest) ImGui::Dummy(ImVec2(0, tallest - used - ImGui::GetStyle().ItemSpacing.y));
}

}  // namespace conclab::ui
