// The exhibition panel's total-time chart (log scale, the crossover) and the talk's slide corrected.
#include "ui/panels/exhibition/exhibition_panel.h"
#include "ui/text/numbers.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace conclab::ui {

namespace {

// Wrapped text that keeps the height of `widest` (the same words with the settings' widest figures), so a slider moved
// below it does not move itself when a figure gains a digit and the text a line.
void wrapped_keeping_height(const std::string& text, const std::string& widest, const ImVec4* colour = nullptr) {
    const float top = ImGui::GetCursorPosY(), width = ImGui::GetContentRegionAvail().x;
    const float height = std::max(ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y,
                                  ImGui::CalcTextSize(widest.c_str(), nullptr, false, width).y);
    ImGui::PushTextWrapPos(0.0f);
    if (colour) ImGui::TextColored(*colour, "%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPosY(top);
    ImGui::Dummy(ImVec2(0, height));
}

// The settings whose figures print widest (the sliders' ends).
ExhibitionOptions widest_options() {
    ExhibitionOptions o;
    o.boards = exhibition::kMaxBoards;
    o.her_s = o.them_s = 3333.3;
    o.moves = exhibition::kMaxMoves;
    return o;
}

}  // namespace

void ExhibitionPanel::draw_chart_and_slide() const {
    if (ImGui::GetContentRegionAvail().x < kSideBySideWidth) {   // the slide's note below the chart
        draw_chart();
        ImGui::Spacing();
        draw_slide();
        return;
    }
    if (!ImGui::BeginTable("##chart", 2, ImGuiTableFlags_BordersInnerV)) return;
    ImGui::TableSetupColumn("##plot", ImGuiTableColumnFlags_WidthStretch, 0.62f);
    ImGui::TableSetupColumn("##slide", ImGuiTableColumnFlags_WidthStretch, 0.38f);
    ImGui::TableNextColumn();
    draw_chart();
    ImGui::TableNextColumn();
    draw_slide();
    ImGui::EndTable();
}

void ExhibitionPanel::draw_chart() const {
    ExhibitionOptions o = settings_;
    const ExhibitionOptions w = widest_options();
    wrapped_keeping_height(text_format(tr(ExhibitionText::chart_title), o.her_s, o.them_s, o.moves),
                           text_format(tr(ExhibitionText::chart_title), w.her_s, w.them_s, w.moves));
    constexpr int kMaxN = 60;
    double lo = DBL_MAX, hi = 0;
    std::vector<double> sequential, simultaneous;
    for (int n = 1; n <= kMaxN; ++n) {
        o.boards = n;
        sequential.push_back(exhibition::sequential_total_s(o));
        simultaneous.push_back(exhibition::simultaneous_total_s(o));
        lo = std::min({lo, sequential.back(), simultaneous.back()});
        hi = std::max({hi, sequential.back(), simultaneous.back()});
    }
    lo = std::log10(lo / 1.3);
    hi = std::log10(hi * 1.3);
    const std::string y_axis = std::string("↑ ") + tr(ExhibitionText::chart_y_axis);   // the axis' name, above it
    ImGui::TextDisabled("%s", y_axis.c_str());
    const float width = std::max(260.0f, ImGui::GetContentRegionAvail().x);
    const float height = 210.0f, left = 58.0f, bottom = 22.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(30, 33, 38, 255), 4.0f);
    const float right = ImGui::CalcTextSize("60").x / 2 + 4;   // the last tick's label stays inside
    const float plot_w = width - left - right, plot_h = height - bottom - 10;
    const auto x_of = [&](double n) { return origin.x + left + static_cast<float>((n - 1) / (kMaxN - 1)) * plot_w; };
    const auto y_of = [&](double s) {
        return origin.y + 8 + plot_h - static_cast<float>((std::log10(s) - lo) / (hi - lo)) * plot_h;
    };
    const struct { double s; const char* label; } ticks[] = {{60, "1 min"}, {600, "10 min"}, {1800, "30 min"}, {3600, "1 h"},
                                                           {3 * 3600, "3 h"}, {10 * 3600, "10 h"}, {30 * 3600, "30 h"},
                                                           {100 * 3600, "100 h"}, {1000 * 3600, "1000 h"}};
    for (const auto& t : ticks) {
        const double l = std::log10(t.s);
        if (l < lo || l > hi) continue;
        const float y = y_of(t.s);
        draw->AddLine(ImVec2(origin.x + left, y), ImVec2(origin.x + left + plot_w, y), IM_COL32(60, 64, 72, 255));
        draw->AddText(ImVec2(origin.x + 4, y - 8), IM_COL32(150, 150, 150, 255), t.label);
    }
    for (int n : {1, 10, 20, 30, 40, 50, 60}) {
        const std::string label = std::to_string(n);
        draw->AddText(ImVec2(x_of(n) - ImGui::CalcTextSize(label.c_str()).x / 2, origin.y + height - bottom + 2),
                      IM_COL32(150, 150, 150, 255), label.c_str());
    }
    const int crossover = exhibition::crossover_boards(o);
    if (crossover >= 1 && crossover <= kMaxN) {
        const float x = x_of(crossover);
        for (float y = origin.y + 8; y < origin.y + 8 + plot_h; y += 8)
            draw->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, origin.y + 8 + plot_h)), kHerColour, 1.5f);
        char label[32];
        std::snprintf(label, sizeof label, "N = %d", crossover);
        draw->AddText(ImVec2(x + 4, origin.y + 10), kHerColour, label);
    }
    const auto curve = [&](const std::vector<double>& values, ImU32 colour) {
        for (int n = 2; n <= kMaxN; ++n)
            draw->AddLine(ImVec2(x_of(n - 1), y_of(values[static_cast<std::size_t>(n - 2)])),
                          ImVec2(x_of(n), y_of(values[static_cast<std::size_t>(n - 1)])), colour, 2.0f);
    };
    curve(sequential, kSequentialColour);
    curve(simultaneous, kSimultaneousColour);
    if (settings_.boards <= kMaxN) {
        const auto i = static_cast<std::size_t>(settings_.boards - 1);
        for (const auto& [values, colour] : {std::pair{&sequential, kSequentialColour}, std::pair{&simultaneous, kSimultaneousColour}}) {
            const ImVec2 c(x_of(settings_.boards), y_of((*values)[i]));
            draw->AddCircleFilled(c, 4.5f, colour);
            const std::string t = clock_text((*values)[i]);
            draw->AddText(ImVec2(c.x + 6, c.y - 16), colour, t.c_str());
        }
    }
    ImGui::Dummy(ImVec2(width, height));
    const std::string x_axis = std::string(tr(ExhibitionText::chart_x_axis)) + " →";   // right-aligned under its axis
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - ImGui::CalcTextSize(x_axis.c_str()).x, ImGui::GetCursorScreenPos().y));
    ImGui::TextDisabled("%s", x_axis.c_str());
    ImGui::PushTextWrapPos(0.0f);
    const std::string sequential_key = std::string("—\u00a0") + tr(ExhibitionText::sequential_schedule);
    const std::string simultaneous_key = std::string("—\u00a0") + tr(ExhibitionText::simultaneous_schedule);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kSequentialColour), "%s", sequential_key.c_str());
    same_line_if_fits(ImGui::CalcTextSize(simultaneous_key.c_str()).x);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kSimultaneousColour), "%s", simultaneous_key.c_str());
    ImGui::PopTextWrapPos();
    // Its line kept when there is no crossover: the settings below stay where they were.
    wrapped_keeping_height(crossover < exhibition::kCrossoverNever ? text_format(tr(ExhibitionText::crossover_note), crossover) : "",
                           text_format(tr(ExhibitionText::crossover_note), 100));
}

void ExhibitionPanel::draw_slide() const {
    // Both counts from the settings: at 20 boards the slide's method is right and only its sum is wrong, at 12 both
    // give 30 min, below the crossover its method undercounts.
    const auto title = [](const ExhibitionOptions& o) {
        return text_format(tr(ExhibitionText::slide_title), exhibition::slide_method_rounds_s(o) / 60.0,
                           exhibition::simultaneous_rounds_s(o) / 60.0);
    };
    const auto note = [](const ExhibitionOptions& o) {
        return text_format(tr(ExhibitionText::slide_note), o.boards, o.her_s, o.boards * o.her_s, o.boards, o.her_s, o.her_s,
                           o.them_s, exhibition::simultaneous_round_s(o), o.moves, exhibition::simultaneous_rounds_s(o) / 60.0,
                           exhibition::simultaneous_total_s(o) - exhibition::simultaneous_rounds_s(o));
    };
    const ImVec4 amber(1.0f, 0.8f, 0.4f, 1.0f);
    wrapped_keeping_height(title(settings_), title(widest_options()), &amber);
    wrapped_keeping_height(note(settings_), note(widest_options()));
}

}  // namespace conclab::ui
