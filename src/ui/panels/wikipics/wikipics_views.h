// The wikipics panel's views, apart from its controller (wikipics_panel.cpp): the summary, the gallery, the lanes
// of wait · transfer · decode and the runs' history, each drawn from a run (or the history) it is given; and the
// words and widgets they share.
#pragma once

#include "core/wikipics/wikipics_run.h"
#include "ui/text/text_wikipics.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace conclab::ui::wikipics_view {

using wikipics::WikipicsExecutor;

/// @brief Chromium's HTTP/1.1 connections per host, for asynchronous requests: the page's event loop meets it.
inline constexpr int kBrowserConnectionsPerHost = 6;

/// @brief The JSON's reason ("timeout", "http_status", …) in the interface's language; an unknown one as it is.
std::string reason_label(const std::string& reason);
const char* executor_text(WikipicsExecutor kind);
bool input_text(const std::string& label, std::string& value);
std::string duration(double seconds);
std::string format(const char* fmt, ...) IM_FMTARGS(1);
void wrapped_disabled(const std::string& text);
double megabytes_per_s(long long bytes, double seconds);

struct Tile {
    wikipics::ImageResult result;
    unsigned texture = 0;
    bool uploaded = false;
};

struct HistoryEntry {
    WikipicsExecutor executor;
    int workers;
    std::string sample_key;  // server, count, size, seed: the same sample for the same key
    int count;
    double wall_s;
    long long bytes;
    std::optional<double> cpu_s;
    std::size_t errors;
    bool cancelled;
    std::optional<double> speedup;
};

void draw_summary(const wikipics::WikipicsRun& run);
/// @brief The thumbnails in completion order, then the images still pending.
void draw_gallery(const std::vector<Tile>& tiles, const wikipics::WikipicsRun& run);
/// @brief A lane per thread (or per request slot of the one event loop): queued · wait · transfer · decode.
void draw_lanes(const std::vector<Tile>& tiles, const wikipics::WikipicsRun& run);
/// @brief Adds a finished run, its speedup against the last sequential run on the same sample.
void record_history(std::vector<HistoryEntry>& history, const wikipics::WikipicsReport& report);
/// @brief The runs table; the columns drawn (some fold on a phone) go to `drawn_columns`.
void draw_history(std::vector<HistoryEntry>& history, std::vector<std::string>& drawn_columns);

}  // namespace conclab::ui::wikipics_view
