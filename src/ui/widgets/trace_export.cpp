// "Export trace" beside a timeline (trace_export.h).
#include "ui/widgets/trace_export.h"

#include "platform/file_exchange.h"
#include "ui/responsive.h"
#include "ui/text/text_trace.h"
#include "core/trace/trace.h"

#include <imgui.h>

#include <ctime>

namespace conclab::ui {
namespace {

std::string utc_stamp() {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &parts);
    return stamp;
}

}  // namespace

void TraceExportButton::draw(const char* demo, bool ready, const std::function<nlohmann::json()>& make_trace,
                             TraceText label, TraceText hint) {
    ImGui::PushID(demo);
    ImGui::BeginDisabled(!ready);
    const bool clicked = ImGui::Button(tr(label));
    ImGui::EndDisabled();
    const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    rect_ = {min.x, min.y, size.x, size.y};
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr(ready ? hint : TraceText::nothing_yet));
    if (clicked) {
        saved_.clear();
        error_.clear();
        try {
            saved_ = platform::export_file(trace::file_name(demo, utc_stamp()), "application/json",
                                           make_trace().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        } catch (const std::exception& e) {
            error_ = e.what();
        }
    }
    if (!saved_.empty() || !error_.empty()) {
        const std::string said = error_.empty() ? std::string(tr(TraceText::saved)) + " " + saved_ : error_;
        same_line_if_fits(ImGui::CalcTextSize(said.c_str()).x);
        ImGui::PushTextWrapPos(0.0f);
        if (error_.empty()) ImGui::TextDisabled("%s", said.c_str());
        else ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", said.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::PopID();
}

nlohmann::json TraceExportButton::state() const {
    nlohmann::json s{{"button", {{"x", rect_[0]}, {"y", rect_[1]}, {"w", rect_[2]}, {"h", rect_[3]}}}};
    if (!saved_.empty()) s["saved"] = saved_;
    if (!error_.empty()) s["error"] = error_;
    return s;
}

}  // namespace conclab::ui
