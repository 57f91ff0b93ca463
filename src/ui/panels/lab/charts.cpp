// The lab panel's charts: the speedup by workers against the ideal line (and the GIL model), memory per unit on
// a log scale, and the latency ladder at "1 cycle = 1 second" beside the talk's numbers with its table under it.
#include "ui/panels/lab/lab_panel.h"

#include "core/lab/latency_ladder.h"
#include "ui/panels/lab/lab_words.h"
#include "platform/platform.h"
#include "ui/responsive.h"
#include "ui/text/text_lab_table.h"
#include "ui/widgets/folding_table.h"
#include "ui/widgets/side_by_side.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

namespace conclab::ui::lab_panel {

using lab::Column;
using lab::LabReport;

namespace {

void legend_items(const std::vector<std::pair<ImU32, const char*>>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {   // a key goes on the next line when it would not fit whole
        const float key_w = 14 + 2 + ImGui::CalcTextSize(items[i].second).x;
        if (i > 0 && ImGui::GetItemRectMax().x + 14 + key_w <= content_right()) ImGui::SameLine(0, 14);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.3f), ImVec2(p.x + 12, p.y + h * 0.7f), items[i].first);
        ImGui::Dummy(ImVec2(14, h));
        ImGui::SameLine(0, 2);
        ImGui::TextUnformatted(items[i].second);
    }
}

// A horizontal bar on a log scale from `low` to `high`, labelled at its end.
void log_bar(ImDrawList* draw, ImVec2 origin, float width, float y, float h, double value, double low, double high, ImU32 colour,
             const std::string& label) {
    const double span = std::log10(high) - std::log10(low);
    const double f = std::clamp((std::log10(std::max(value, low)) - std::log10(low)) / span, 0.0, 1.0);
    const float x1 = origin.x + std::max(2.0f, static_cast<float>(f) * width);
    draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(x1, y + h), colour, 2);
    draw->AddText(ImVec2(x1 + 4, y + h * 0.5f - ImGui::GetFontSize() * 0.5f), IM_COL32(220, 220, 220, 255), label.c_str());
}

LabText kind_title(lab::MemoryKind kind) {
    switch (kind) {
    case lab::MemoryKind::resident: return LabText::resident;
    case lab::MemoryKind::pss: return LabText::pss;
    case lab::MemoryKind::reserved: return LabText::reserved;
    case lab::MemoryKind::wasm: break;
    }
    return LabText::wasm;
}

}  // namespace

// The speedup and the memory charts side by side while each keeps kChartMinWidth, else one above the other;
// the latency ladder under both.
void LabPanel::draw_charts() {
    if (side_by_side("##charts", kChartMinWidth, [&] { draw_speedup_chart(); }, [&] { draw_memory_chart(); })) ImGui::Spacing();
    draw_ladder();
}

void LabPanel::draw_speedup_chart() {
    ImGui::TextWrapped("%s", tr(LabText::speedup_chart));
    struct Series {
        std::vector<lab::CurvePoint> points;
        ImU32 colour;
        const char* label;
        bool compare;
    };
    std::vector<Series> series;
    auto add = [&](const LabReport& r, bool compare) {
        series.push_back({lab::curve(r, lab::MeasureId::speedup, false, Column::threads), compare ? kCompareU32 : kThreadsColour, tr(LabText::threads), compare});
        series.push_back({lab::curve(r, lab::MeasureId::speedup, false, Column::processes), compare ? kCompareU32 : kProcessesColour, tr(LabText::processes), compare});
        series.push_back({lab::curve(r, lab::MeasureId::speedup, true, Column::threads), compare ? kCompareU32 : kGilColour, tr(LabText::gil_model), compare});
    };
    add(view_.shown(), false);
    if (view_.compare()) add(*view_.compare(), true);
    double max_x = 1, max_y = 1;
    for (const auto& s : series)
        for (const auto& p : s.points) {
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.high);
        }
    const int cpus = lab::cpus_of(view_.shown(), platform::logical_cpus());
    max_y = std::max(max_y, static_cast<double>(std::min<double>(cpus, max_x))) * 1.1;
    const float width = std::max(260.0f, ImGui::GetContentRegionAvail().x - 8), height = picture_height(230.0f, 4.0f);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = 34, bottom = 22, top = 8, right = 10;
    const float pw = width - left - right, ph = height - bottom - top;
    auto at = [&](double x, double y) {
        const double fx = max_x > 1 ? (x - 1) / (max_x - 1) : 0.5;
        return ImVec2(o.x + left + static_cast<float>(fx) * pw, o.y + top + ph - static_cast<float>(y / max_y) * ph);
    };
    draw->AddRectFilled(o, ImVec2(o.x + width, o.y + height), IM_COL32(30, 33, 38, 255), 4);
    for (int y = 0; y <= static_cast<int>(max_y); ++y) {
        draw->AddLine(at(1, y), at(max_x, y), IM_COL32(60, 64, 72, 255));
        draw->AddText(ImVec2(o.x + 6, at(1, y).y - 8), IM_COL32(150, 150, 150, 255), (std::to_string(y) + "x").c_str());
    }
    for (int x = 1; x <= static_cast<int>(max_x); ++x)
        draw->AddText(ImVec2(at(x, 0).x - 3, o.y + height - bottom + 3), IM_COL32(150, 150, 150, 255), std::to_string(x).c_str());
    // The ideal: N times faster with N workers, up to one per CPU, then flat. Dashed.
    auto ideal = [&](double x) { return std::min(x, static_cast<double>(cpus)); };
    for (double x = 1; x < max_x; x += 0.25) {
        const double x2 = std::min(max_x, x + 0.125);
        draw->AddLine(at(x, ideal(x)), at(x2, ideal(x2)), IM_COL32(200, 200, 200, 200), 1.5f);
    }
    for (const auto& s : series) {
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            const auto& p = s.points[i];
            if (i > 0) draw->AddLine(at(s.points[i - 1].x, s.points[i - 1].y), at(p.x, p.y), s.colour, s.compare ? 1.0f : 2.0f);
            draw->AddLine(at(p.x, p.low), at(p.x, p.high), s.colour, 1.0f);   // the spread
            draw->AddCircleFilled(at(p.x, p.y), s.compare ? 2.5f : 3.5f, s.colour);
        }
    }
    ImGui::Dummy(ImVec2(width, height));
    legend({{kThreadsColour, tr(LabText::threads)}, {kProcessesColour, tr(LabText::processes)},
            {kGilColour, tr(LabText::gil_model)}, {IM_COL32(200, 200, 200, 200), tr(LabText::ideal)}});
    if (series.front().points.empty() && series[1].points.empty()) ImGui::TextDisabled("%s", tr(LabText::suite_not_run));
}

void LabPanel::legend(const std::vector<std::pair<ImU32, const char*>>& items) {
    if (view_.compare()) {
        auto copy = items;
        copy.push_back({kCompareU32, view_.compare_name().c_str()});
        return legend_items(copy);
    }
    legend_items(items);
}

void LabPanel::draw_memory_chart() {
    ImGui::TextWrapped("%s", tr(LabText::memory_chart));
    const auto bars = lab::memory_bars(view_.shown(), view_.compare());
    if (bars.empty()) {
        ImGui::TextDisabled("%s", tr(LabText::suite_not_run));
        return;
    }
    double low = 1e30, high = 0;
    for (const auto& b : bars) {
        low = std::min(low, std::max(b.kib, 1e-3));
        high = std::max(high, b.kib);
    }
    low = std::pow(10.0, std::floor(std::log10(low)));
    high = std::pow(10.0, std::ceil(std::log10(high * 1.01)) + 1);   // room for the labels
    const float row_h = 17;
    float label_w = 0;
    for (const auto& b : bars)
        label_w = std::max(label_w, ImGui::CalcTextSize((std::string(tr(short_title(b.column))) + ", " + tr(kind_title(b.kind))).c_str()).x);
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x - 8);
    // The bar's label beside it while the bar keeps 140 px, else above it (a phone).
    const float value_w = ImGui::CalcTextSize("00000.0 KiB").x + 8;
    const bool label_above = width - label_w - 10 - value_w < 140;
    const float bar_x = label_above ? 0 : label_w + 10;
    const float bar_w = std::max(60.0f, width - bar_x - value_w);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float y = o.y;
    for (const auto& b : bars) {
        const ImU32 colour = b.compare                          ? kCompareU32
                             : b.column == Column::threads   ? kThreadsColour
                             : b.column == Column::processes ? kProcessesColour
                                                             : kCoroutinesColour;
        const std::string label = std::string(tr(short_title(b.column))) + ", " + tr(kind_title(b.kind));
        draw->AddText(ImVec2(o.x, y), IM_COL32(200, 200, 200, 255), label.c_str());
        if (label_above) y += ImGui::GetTextLineHeight();
        log_bar(draw, ImVec2(o.x + bar_x, y), bar_w, y + 2, row_h - 5, b.kib, low, high, colour, figure_number(b.kib, language()) + " KiB");
        y += row_h + (label_above ? 4 : 0);
    }
    ImGui::Dummy(ImVec2(width, y - o.y + 4));
}

void LabPanel::draw_ladder() {
    ImGui::TextWrapped("%s", tr(LabText::ladder_chart));
    const auto rungs = lab::ladder_rungs(view_.shown());
    const auto other = view_.compare() ? lab::ladder_rungs(*view_.compare()) : std::vector<lab::Rung>{};
    if (rungs.empty() && other.empty()) {
        ImGui::TextDisabled("%s", tr(LabText::suite_not_run));
        return;
    }
    const auto& names = rungs.empty() ? other : rungs;
    const double low = 1, high = 1e11;
    const float bar_h = 13, label_w = 70;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, std::max(300.0f, avail * 0.7f));
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float y = o.y;
    for (const auto& r : names) {
        draw->AddText(ImVec2(o.x, y + 6), IM_COL32(220, 220, 220, 255), rung_words(r.name, language()).c_str());
        const ImVec2 bars(o.x + label_w, 0);
        auto put = [&](const std::optional<double>& cycles, ImU32 colour, const char* who) {
            if (cycles) log_bar(draw, ImVec2(bars.x, y), width - label_w - 150, y, bar_h - 2, *cycles, low, high, colour,
                                std::string(who) + ": " + duration_words(*cycles, language()));
            y += bar_h;
        };
        put(r.talk_cycles, kTalkColour, tr(LabText::talk));
        put(r.here_cycles, kThreadsColour, tr(LabText::here));
        if (view_.compare())
            for (const auto& c : other)
                if (c.name == r.name) put(c.here_cycles, kCompareU32, view_.compare_name().c_str());
        y += 6;
    }
    const float chart_h = y - o.y;
    ImGui::Dummy(ImVec2(width, chart_h));
    // The talk's table and this machine's, under the bars.
    const lab::LabReport* from = &view_.shown();
    const lab::Table* t = lab::ladder_table(*from);
    if (!t && view_.compare()) t = lab::ladder_table(*(from = view_.compare()));
    if (t) {
        const lab::Section& section = *from->find(lab::Suite::latency);
        text_disabled_wrapped(table_title(section, *t, language()).c_str());
        folding_table("##ladder", table_words(section, *t, language()), tr(LabText::columns_folded),
                      {std::begin(lab::kLadderImportance), std::end(lab::kLadderImportance)});
    }
}

}  // namespace conclab::ui::lab_panel
