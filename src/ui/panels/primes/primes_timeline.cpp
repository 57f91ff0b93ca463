// The primes panel's timeline drawn, one lane per worker with zoom (primes_timeline.h).
#include "ui/panels/primes/primes_timeline.h"

#include "platform/gui_backend.h"
#include "core/primes/timeline_columns.h"
#include "ui/responsive.h"
#include "ui/text/text_primes.h"
#include "ui/text/numbers.h"

#include <imgui.h>
#include <imgui_internal.h>   // SetItemUsingMouseWheel: the wheel zooms the timeline instead of scrolling the panel

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace conclab::ui {
namespace {

constexpr float kMaxZoom = 4000.0f;   // a 20 s run down to 5 ms across the plot

ImVec4 worker_colour(std::size_t lane) {
    static const ImVec4 colours[] = {{86, 156, 214, 255}, {220, 140, 60, 255}, {120, 190, 90, 255},
                                     {200, 100, 170, 255}, {230, 200, 80, 255}, {90, 200, 200, 255}};
    return colours[lane % (sizeof colours / sizeof colours[0])];
}

// The background where the worker ran nothing, the lane colour where it computed, grey where it waited for the GIL,
// mixed by their shares of the column's time.
ImU32 column_colour(const primes::ColumnShare& share, const ImVec4& lane) {
    const ImVec4 idle{30, 33, 38, 255}, waiting{92, 96, 108, 255};
    const auto c = static_cast<float>(share.computing), w = static_cast<float>(share.waiting);
    const float rest = std::max(0.0f, 1.0f - c - w);
    const auto mix = [&](float ImVec4::*channel) {
        return static_cast<int>(std::lround(idle.*channel * rest + lane.*channel * c + waiting.*channel * w));
    };
    return IM_COL32(mix(&ImVec4::x), mix(&ImVec4::y), mix(&ImVec4::z), 255);
}

std::string seconds_label(double s, double span) {
    char buffer[32];
    if (span < 0.05) std::snprintf(buffer, sizeof buffer, "%s", text_format("%.1f ms", s * 1000).c_str());
    else if (span < 2) std::snprintf(buffer, sizeof buffer, "%s", text_format("%.3f s", s).c_str());
    else std::snprintf(buffer, sizeof buffer, "%s", text_format("%.2f s", s).c_str());
    return buffer;
}

}  // namespace

nlohmann::json PrimesTimeline::state() const {
    return {{"zoom", zoom_},
            {"from_s", from_s_},
            {"to_s", to_s_},
            {"plot", {{"x", plot_[0]}, {"y", plot_[1]}, {"w", plot_[2]}, {"h", plot_[3]}}}};
}

void PrimesTimeline::draw(const primes::PrimesReport& report, const std::vector<primes::CheckResult>& in_flight,
                          double now_s) {
    ImGui::TextUnformatted(tr(PrimesText::timeline));
    std::vector<primes::CheckResult> bars = report.results;
    for (auto r : in_flight) {
        r.elapsed_s = now_s - r.started_s;
        bars.push_back(std::move(r));
    }
    std::vector<std::string> lanes;
    double span = std::max(now_s, 0.001);
    for (const auto& b : bars) {
        if (b.worker.empty()) continue;
        span = std::max(span, b.started_s + b.elapsed_s);
        if (std::find(lanes.begin(), lanes.end(), b.worker) == lanes.end()) lanes.push_back(b.worker);
    }
    std::sort(lanes.begin(), lanes.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });

    const float lane_h = 22.0f, label_w = 90.0f, axis_h = 22.0f;
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    const float height = lane_h * static_cast<float>(std::max<std::size_t>(lanes.size(), 1)) + axis_h;
    const float plot_w = width - label_w - 8.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float plot_x = origin.x + label_w;
    plot_[0] = plot_x, plot_[1] = origin.y, plot_[2] = plot_w, plot_[3] = height;

    // Where the window sits: a wheel zooms around the pointer's time, a drag moves the window (mouse only: a finger
    // on the plot scrolls the panel, and the sliders below zoom).
    const auto window_from = [&](double view) { return static_cast<double>(position_) * (span - view); };
    const auto set_from = [&](double from, double view) {
        position_ = span - view > 0 ? static_cast<float>(std::clamp(from / (span - view), 0.0, 1.0)) : 0.0f;
    };
    const bool touch = platform::pointer_is_touch();
    if (touch) {
        ImGui::Dummy(ImVec2(width, height));
    } else {
        ImGui::InvisibleButton("##timeline", ImVec2(width, height));
        const ImGuiIO& io = ImGui::GetIO();
        double view = span / zoom_;
        if (ImGui::IsItemHovered()) {
            ImGui::SetItemUsingMouseWheel();
            if (io.MouseWheel != 0.0f) {
                const double at = std::clamp((io.MousePos.x - plot_x) / plot_w, 0.0f, 1.0f);
                const double pointer_s = window_from(view) + at * view;
                zoom_ = std::clamp(zoom_ * std::pow(1.25f, io.MouseWheel), 1.0f, kMaxZoom);
                view = span / zoom_;
                set_from(pointer_s - at * view, view);
            }
        }
        if (ImGui::IsItemActive() && io.MouseDelta.x != 0.0f)
            set_from(window_from(view) - io.MouseDelta.x / plot_w * view, view);
    }
    const double view = span / zoom_;
    from_s_ = window_from(view);
    to_s_ = from_s_ + view;
    const auto x_of = [&](double t) { return plot_x + static_cast<float>((t - from_s_) / view) * plot_w; };

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(30, 33, 38, 255), 4.0f);
    const int columns = std::max(1, static_cast<int>(plot_w));
    const float column_w = plot_w / static_cast<float>(columns);
    draw->PushClipRect(ImVec2(plot_x, origin.y), ImVec2(plot_x + plot_w, origin.y + height), true);
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        const float y = origin.y + 4.0f + lane_h * static_cast<float>(lane);
        const ImVec4 colour = worker_colour(lane);
        const auto shares = primes::timeline_columns(bars, lanes[lane], from_s_, to_s_, columns);
        // Runs of equal colour as one rectangle: a few dozen per lane zoomed out, not one per pixel.
        for (int i = 0; i < columns;) {
            const ImU32 c = column_colour(shares[static_cast<std::size_t>(i)], colour);
            int j = i + 1;
            while (j < columns && column_colour(shares[static_cast<std::size_t>(j)], colour) == c) ++j;
            draw->AddRectFilled(ImVec2(plot_x + column_w * static_cast<float>(i), y),
                                ImVec2(plot_x + column_w * static_cast<float>(j), y + lane_h - 4.0f), c);
            i = j;
        }
        for (const auto& b : bars) {   // each check's outline: where one number ends and the next begins
            if (b.worker != lanes[lane]) continue;
            const float x0 = x_of(b.started_s), x1 = std::max(x0 + 2.0f, x_of(b.started_s + b.elapsed_s));
            draw->AddRect(ImVec2(x0, y), ImVec2(x1, y + lane_h - 4.0f),
                          b.error ? IM_COL32(220, 110, 70, 255) : IM_COL32(15, 15, 15, 255), 2.0f);
        }
    }
    draw->PopClipRect();
    for (std::size_t lane = 0; lane < lanes.size(); ++lane)
        draw->AddText(ImVec2(origin.x + 6, origin.y + 6.0f + lane_h * static_cast<float>(lane)), IM_COL32(200, 200, 200, 255),
                      lanes[lane].c_str());
    const std::string left = seconds_label(from_s_, view), right = seconds_label(to_s_, view);
    const float text_y = origin.y + height - 18.0f;
    draw->AddText(ImVec2(plot_x, text_y), IM_COL32(150, 150, 150, 255), left.c_str());
    draw->AddText(ImVec2(plot_x + plot_w - ImGui::CalcTextSize(right.c_str()).x, text_y), IM_COL32(150, 150, 150, 255),
                  right.c_str());

    // The sliders: zoom (×1 = the whole run) and the window's position along the run; what a finger uses.
    const float slider_w = std::min(260.0f, std::max(120.0f, (ImGui::GetContentRegionAvail().x - 40.0f) * 0.4f));
    ImGui::SetNextItemWidth(slider_w);
    slider_float(tr(PrimesText::zoom), &zoom_, 1.0f, kMaxZoom, "\u00d7%.0f", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    same_line_if_fits(slider_w + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(PrimesText::position)).x);
    ImGui::BeginDisabled(zoom_ <= 1.0f);
    ImGui::SetNextItemWidth(slider_w);
    ImGui::SliderFloat(tr(PrimesText::position), &position_, 0.0f, 1.0f, "", ImGuiSliderFlags_AlwaysClamp);
    ImGui::EndDisabled();
    if (zoom_ > 1.0f && ImGui::Button(tr(PrimesText::zoom_reset))) reset();
    if (!touch) {
        if (zoom_ > 1.0f) ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(PrimesText::zoom_hint));
    }
    if (report.options.executor == exec::ExecutorKind::gil) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(PrimesText::gil_legend));
        ImGui::TextDisabled("%s", tr(PrimesText::gil_columns_note));
        ImGui::PopTextWrapPos();
    }
}

}  // namespace conclab::ui
