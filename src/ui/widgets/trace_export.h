// "Export trace" beside a timeline: a click builds the run's Chrome JSON trace (core/trace) and hands it to the user
// through the platform seam (platform/file_exchange.h) — natively a file in the current folder, its path shown; on
// the page a download. What happened stays beside the button, and in the panel's state for the tests.
#pragma once

#include "ui/text/text_trace.h"

#include <nlohmann/json.hpp>

#include <array>
#include <functional>
#include <string>

namespace conclab::ui {

class TraceExportButton {
public:
    /// @brief Draws the button (disabled until `ready`); a click exports make_trace() as trace-<demo>-<UTC stamp>.json.
    /// `label` and `hint` (its tooltip) for a button that exports something else than the run beside it.
    void draw(const char* demo, bool ready, const std::function<nlohmann::json()>& make_trace,
              TraceText label = TraceText::export_trace, TraceText hint = TraceText::how_to_open);
    /// @brief {"button": {x, y, w, h}} and, after a click, "saved" (the path or the browser's words) or "error".
    nlohmann::json state() const;
    void reset() { saved_.clear(), error_.clear(); }

private:
    std::string saved_;
    std::string error_;
    std::array<float, 4> rect_{};   // x, y, w, h of the button last drawn, in window units
};

}  // namespace conclab::ui
