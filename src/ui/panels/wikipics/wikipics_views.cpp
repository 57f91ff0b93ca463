// The wikipics panel's views: summary, gallery, lanes (declared in wikipics_views.h) and the words they share.
#include "ui/panels/wikipics/wikipics_views.h"

#include "core/base/duration.h"
#include "core/base/utf8.h"
#include "core/wikipics/wikipics_report.h"
#include "platform/gui_backend.h"
#include "platform/platform.h"
#include "ui/demo_panel.h"
#include "ui/responsive.h"
#include "ui/text/numbers.h"
#include "ui/text/text_primes.h"
#include "ui/text/text_wikipics_errors.h"

#include <algorithm>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <map>

namespace conclab::ui::wikipics_view {

namespace {

constexpr ImU32 kQueuedColour = IM_COL32(45, 52, 70, 255);
constexpr ImU32 kWaitColour = IM_COL32(95, 110, 140, 255);
constexpr ImU32 kTransferColour = IM_COL32(90, 180, 110, 255);
constexpr ImU32 kDecodeColour = IM_COL32(230, 160, 60, 255);
constexpr ImU32 kErrorColour = IM_COL32(200, 80, 70, 255);
constexpr ImU32 kRunningColour = IM_COL32(120, 140, 175, 160);

void draw_tile_impl(const Tile* tile, const std::string& title, long long listed, float cell, float picture);

}  // namespace

std::string reason_label(const std::string& reason) { return http_reason_text(reason); }

const char* executor_text(WikipicsExecutor kind) {
    switch (kind) {
    case WikipicsExecutor::sequential: return tr(PrimesText::executor_sequential);
    case WikipicsExecutor::threads: return tr(PrimesText::executor_threads);
    case WikipicsExecutor::async: return tr(WikipicsText::executor_async);
    }
    return tr(PrimesText::executor_threads);
}

bool input_text(const std::string& label, std::string& value) {
    return ImGui::InputText(label.c_str(), value.data(), value.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                            resize_string, &value);
}

std::string duration(double seconds) { return unbroken(seconds_text(seconds)); }

std::string format(const char* fmt, ...) {  // the panel's figures in the page's language (text/numbers.h)
    va_list args;
    va_start(args, fmt);
    std::string text = text_vformat(language(), fmt, args);
    va_end(args);
    return text;
}

void wrapped_disabled(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    text_wrapped_at_spaces(text);
    ImGui::PopStyleColor();
}

double megabytes_per_s(long long bytes, double seconds) { return seconds > 0 ? bytes / 1e6 / seconds : 0.0; }

void draw_summary(const wikipics::WikipicsRun& run) {
    const auto report = run.report();
    if (report.sample_error) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
        ImGui::TextWrapped("%s: %s", tr(WikipicsText::sample_failed), sample_error_text(*report.sample_error).c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (run.phase() == wikipics::RunPhase::sampling) {
        wrapped_disabled(format("%s %s", tr(WikipicsText::sampling), report.api_url.c_str()));
        return;
    }
    std::size_t errors = 0;
    std::map<std::string, int> reasons;
    for (const auto& r : report.results)
        if (r.error) {
            ++errors;
            ++reasons[*r.error];
        }
    const double elapsed = run.elapsed_s();
    const long long bytes = wikipics::total_bytes(report);
    const std::size_t total = report.sample.size();
    const std::size_t done = report.results.size();
    char progress[64];
    std::snprintf(progress, sizeof progress, "%zu/%zu", done, total);
    ImGui::ProgressBar(total ? static_cast<float>(done) / static_cast<float>(total) : 0.0f,
                       ImVec2(std::min(300.0f, ImGui::GetContentRegionAvail().x), 0), progress);
    // Each phrase keeps its words together; the line wraps between phrases (a phone: below the bar).
    const std::string counts =
        format("%s · %s · %s", unbroken(format("%zu %s", done - errors, tr(WikipicsText::downloaded))).c_str(),
               unbroken(format("%zu %s", errors, tr(WikipicsText::errors))).c_str(),
               unbroken(format("%s x%d", executor_text(report.options.executor), report.workers)).c_str());
    same_line_if_fits(ImGui::CalcTextSize(counts.c_str()).x);
    text_wrapped_at_spaces(counts);
    if (!reasons.empty()) {
        std::string list;
        for (const auto& [reason, n] : reasons)
            list += (list.empty() ? "" : ", ") + unbroken(reason_label(reason) + " ×" + std::to_string(n));
        list = format("(%s)", list.c_str());
        same_line_if_fits(ImGui::CalcTextSize(list.c_str()).x);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.6f, 0.4f, 1.0f));
        text_wrapped_at_spaces(list);
        ImGui::PopStyleColor();
    }
    text_wrapped_at_spaces(
        format("%s   %s   %s",
               unbroken(format("%s: %s", tr(WikipicsText::total_bytes), wikipics::group_digits(bytes).c_str())).c_str(),
               unbroken(format("%s: %.2f", tr(WikipicsText::mb_s), megabytes_per_s(bytes, elapsed))).c_str(),
               unbroken(format("%s: ", tr(PrimesText::elapsed))).append(duration(elapsed)).c_str()));
    if (report.startup_s > 0.0005) {  // threads that waited for a Web Worker: start-up, not in the elapsed time
        const std::string startup = format("(%s\u00a0%s)", tr(PrimesText::startup), duration(report.startup_s).c_str());
        same_line_if_fits(ImGui::CalcTextSize(startup.c_str()).x);
        wrapped_disabled(startup);
    }
    double decode_s = 0;
    for (const auto& r : report.results) decode_s += r.decode_s;
    if (report.cpu) {
        text_wrapped_at_spaces(format("%s: user\u00a0%s, sys\u00a0%s, total\u00a0%s (%.0f%%\u00a0%s) · %s\u00a0%s",
                                      tr(PrimesText::cpu), duration(report.cpu->user_s).c_str(),
                                      duration(report.cpu->sys_s).c_str(), duration(report.cpu->total_s()).c_str(),
                                      report.wall_s > 0 ? 100.0 * report.cpu->total_s() / report.wall_s : 0.0,
                                      tr(PrimesText::of_wall), tr(WikipicsText::decode), duration(decode_s).c_str()));
    } else if (report.finished) {
        wrapped_disabled(format("%s %s", tr(WikipicsText::cpu_unavailable), duration(decode_s).c_str()));
    } else {  // the CPU line's place, until the run ends: the lanes below do not jump when it comes
        ImGui::TextDisabled("%s: \u2026", tr(PrimesText::cpu));
    }
    if (report.finished) wrapped_disabled(tr(WikipicsText::cpu_times_note));
}

void draw_gallery(const std::vector<Tile>& tiles, const wikipics::WikipicsRun& run) {
    ImGui::TextUnformatted(tr(WikipicsText::gallery));
    const auto report = run.report();
    constexpr float kCell = 112.0f, kPicture = 96.0f;
    // The child's inner width with room for its scrollbar, measured before it opens: the columns and the height
    // follow from it. The cells share the row's width (no empty last column on a phone), 0.9x to 1.5x.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2 - style.ScrollbarSize;
    const float spacing = style.ItemSpacing.x;
    const int columns = std::max(1, static_cast<int>((avail + spacing) / (kCell * 0.9f + spacing)));
    const float cell = std::clamp((avail - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns),
                                  kCell * 0.9f, kCell * 1.5f);
    const float picture = cell * kPicture / kCell;
    const std::size_t cells = std::max(tiles.size(), report.sample.size());
    const float rows =
        static_cast<float>((cells + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
    const float tile_h = picture + 2 * ImGui::GetTextLineHeightWithSpacing() + style.ItemSpacing.y;
    const float height = std::clamp(rows * tile_h + style.WindowPadding.y * 2, tile_h, 520.0f);  // no empty band below
    ImGui::BeginChild("##gallery", ImVec2(0, height), true);
    std::vector<bool> done(report.sample.size(), false);
    int column = 0;
    auto next_cell = [&] {
        if (++column < columns) ImGui::SameLine();
        else column = 0;
    };
    for (const auto& tile : tiles) {
        if (tile.result.index < done.size()) done[tile.result.index] = true;
        draw_tile_impl(&tile, tile.result.title, tile.result.listed_size, cell, picture);
        next_cell();
    }
    for (std::size_t i = 0; i < report.sample.size(); ++i) {
        if (done[i]) continue;
        draw_tile_impl(nullptr, report.sample[i].title, report.sample[i].size, cell, picture);
        next_cell();
    }
    ImGui::EndChild();
}

namespace {

void draw_tile_impl(const Tile* tile, const std::string& title, long long listed, float cell, float picture) {
    ImGui::BeginGroup();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 box_end(origin.x + cell, origin.y + picture);
    if (tile && tile->texture) {
        const auto& thumb = *tile->result.thumbnail;
        const float scale =
            std::min(cell / static_cast<float>(thumb.width), picture / static_cast<float>(thumb.height));
        const float w = thumb.width * scale, h = thumb.height * scale;
        const ImVec2 at(origin.x + (cell - w) / 2, origin.y + (picture - h) / 2);
        draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tile->texture)), at,
                       ImVec2(at.x + w, at.y + h));
    } else if (tile && tile->result.error) {
        draw->AddRectFilled(origin, box_end, IM_COL32(70, 35, 35, 255), 4.0f);
        draw->AddRectFilled(ImVec2(origin.x + 4, origin.y + 4), ImVec2(origin.x + cell - 4, origin.y + 24),
                            kErrorColour, 3.0f);
        draw->AddText(ImVec2(origin.x + 8, origin.y + 6), IM_COL32(255, 255, 255, 255),
                      reason_label(*tile->result.error).c_str());
        // The client's words are English: on the tile only where they are a status ("HTTP 404") or the page is
        // English; always in the tooltip.
        const std::string& words = tile->result.error_detail;
        const bool neutral = language() == Language::en || words.rfind("HTTP ", 0) == 0;
        std::string detail = neutral ? utf8::shorten(words, 40) : std::string();
        draw->PushClipRect(origin, box_end, true);
        draw->AddText(nullptr, 0.0f, ImVec2(origin.x + 6, origin.y + 30), IM_COL32(230, 200, 200, 255), detail.c_str(),
                      nullptr, cell - 10);
        draw->PopClipRect();
    } else {
        draw->AddRectFilled(origin, box_end, IM_COL32(45, 48, 55, 255), 4.0f);
        const char* label = tile ? tr(WikipicsText::decode_error) : "\u23f3";
        const ImVec2 size = ImGui::CalcTextSize(label);
        draw->AddText(ImVec2(origin.x + (cell - size.x) / 2, origin.y + (picture - size.y) / 2),
                      IM_COL32(170, 170, 170, 255), label);
    }
    ImGui::Dummy(ImVec2(cell, picture));
    std::string name = title;
    while (name.size() > 3 && ImGui::CalcTextSize(name.c_str()).x > cell) name = name.substr(0, name.size() - 4) + "…";
    ImGui::TextUnformatted(name.c_str());
    const long long shown = tile && !tile->result.error ? static_cast<long long>(tile->result.bytes) : listed;
    ImGui::TextDisabled("%s", wikipics::group_digits(shown).c_str());
    ImGui::EndGroup();
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(title.c_str());
        if (tile) {
            const auto& r = tile->result;
            ImGui::TextDisabled("%s", r.url.c_str());
            if (r.error) {
                ImGui::TextColored(ImVec4(1, 0.6f, 0.5f, 1), "%s: %s", reason_label(*r.error).c_str(),
                                   r.error_detail.c_str());
                ImGui::TextDisabled("%s", tr(WikipicsText::details_in_english));
            }
            ImGui::Text("%s · HTTP %d · %s %s", r.worker.c_str(), r.status,
                        wikipics::group_digits(static_cast<long long>(r.bytes)).c_str(), "bytes");
            ImGui::Text("%s",
                        text_format("%s %.3f s · %s %.3f s · %s %.3f s", tr(WikipicsText::wait), r.wait_s,
                                    tr(WikipicsText::transfer), r.transfer_s, tr(WikipicsText::decode), r.decode_s)
                            .c_str());
        } else {
            ImGui::TextDisabled("%s", tr(PrimesText::pending));
        }
        ImGui::EndTooltip();
    }
}

}  // namespace

void draw_lanes(const std::vector<Tile>& tiles, const wikipics::WikipicsRun& run) {
    ImGui::TextWrapped("%s", tr(WikipicsText::lanes));
    // Chromium keeps 6 HTTP/1.1 connections per host: past 6 concurrent requests the page's downloads come in waves.
    const auto report = run.report();
    if (!platform::capabilities().os_processes && report.options.executor == WikipicsExecutor::async &&
        report.options.count > kBrowserConnectionsPerHost && report.workers > kBrowserConnectionsPerHost)
        wrapped_disabled(tr(WikipicsText::two_waves));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto legend = [&](ImU32 colour, WikipicsText text, bool first) {  // the swatch and its word stay together
        if (!first) same_line_if_fits(14 + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(tr(text)).x);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw->AddRectFilled(ImVec2(at.x, at.y + 3), ImVec2(at.x + 12, at.y + 15), colour, 2.0f);
        ImGui::Dummy(ImVec2(14, 16));
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(text));
    };
    const bool any_queued =
        std::any_of(tiles.begin(), tiles.end(), [](const Tile& t) { return t.result.queued_s > 0.001; });
    if (any_queued) legend(kQueuedColour, WikipicsText::queued, true);
    legend(kWaitColour, WikipicsText::wait, !any_queued);
    legend(kTransferColour, WikipicsText::transfer, false);
    legend(kDecodeColour, WikipicsText::decode, false);
    legend(kErrorColour, WikipicsText::errors, false);

    // A lane per thread; the event loop's requests overlap on one thread, so they get a row per request slot
    // ("req 2": the second request in flight at that moment), packed first-free by start time, under one caption
    // that says they are one loop (ten "loop" rows read as ten loops).
    const auto in_flight = run.in_flight();
    std::vector<std::string> tile_row(tiles.size()), flight_row(in_flight.size());
    struct LoopBar {
        double start, end;
        std::string* row;
    };
    std::vector<LoopBar> loop_bars;
    const double now_s = run.elapsed_s();
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const auto& r = tiles[i].result;
        if (r.worker == "event loop")
            loop_bars.push_back({r.started_s, r.started_s + r.elapsed_s + r.decode_s, &tile_row[i]});
        else tile_row[i] = r.worker;
    }
    for (std::size_t i = 0; i < in_flight.size(); ++i) {
        if (in_flight[i].worker == "event loop") loop_bars.push_back({in_flight[i].started_s, now_s, &flight_row[i]});
        else flight_row[i] = in_flight[i].worker;
    }
    std::sort(loop_bars.begin(), loop_bars.end(), [](const LoopBar& a, const LoopBar& b) { return a.start < b.start; });
    std::vector<double> row_end;
    for (auto& bar : loop_bars) {
        std::size_t row = 0;
        while (row < row_end.size() && row_end[row] > bar.start + 1e-9) ++row;
        if (row == row_end.size()) row_end.push_back(0);
        row_end[row] = bar.end;
        *bar.row = std::string(tr(WikipicsText::request_row)) + " " + std::to_string(row + 1);
    }
    std::vector<std::string> lanes;
    for (const auto* rows : {&tile_row, &flight_row})
        for (const auto& row : *rows)
            if (!row.empty() && std::find(lanes.begin(), lanes.end(), row) == lanes.end()) lanes.push_back(row);
    std::sort(lanes.begin(), lanes.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    if (!loop_bars.empty()) wrapped_disabled(tr(WikipicsText::loop_lanes));
    // Lanes at least as tall as a label (presentation mode's large text), and presenting, as tall as the screen allows.
    const float text_h = ImGui::GetTextLineHeight();
    const float count = static_cast<float>(std::max<std::size_t>(lanes.size(), 1));
    const float axis_h = text_h + 5.0f, label_w = 90.0f * font_scale();
    const float natural_lane = lanes.size() > 16 ? std::max(12.0f, text_h * 0.75f) : std::max(20.0f, text_h + 3.0f);
    const float lane_h =
        std::min((picture_height(natural_lane * count + axis_h, 2.0f) - axis_h) / count, 3.0f * natural_lane);
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    const float height = lane_h * count + axis_h;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const double now = run.elapsed_s();
    const double span = std::max(now, 0.001);
    const float plot_w = width - label_w - 8.0f;
    const auto x_of = [&](double t) {
        return origin.x + label_w + static_cast<float>(std::clamp(t / span, 0.0, 1.0)) * plot_w;
    };
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(30, 33, 38, 255), 4.0f);
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        const float y = origin.y + 4.0f + lane_h * static_cast<float>(lane);
        const float y1 = y + lane_h - 3.0f;
        draw->AddText(ImVec2(origin.x + 6, y), IM_COL32(200, 200, 200, 255), lanes[lane].c_str());
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            const auto& r = tiles[i].result;
            if (tile_row[i] != lanes[lane]) continue;
            const double wait_end = r.started_s + r.wait_s, transfer_end = wait_end + r.transfer_s;
            const float x0 = x_of(r.started_s), x1 = x_of(wait_end), x2 = x_of(transfer_end),
                        x3 = x_of(transfer_end + r.decode_s);
            draw->AddRectFilled(ImVec2(x0, y), ImVec2(std::max(x0 + 1.0f, x1), y1),
                                r.error ? kErrorColour : kWaitColour);
            if (r.queued_s && !r.error)
                draw->AddRectFilled(ImVec2(x0, y), ImVec2(x_of(r.started_s + *r.queued_s), y1), kQueuedColour);
            if (!r.error) {
                draw->AddRectFilled(ImVec2(x1, y), ImVec2(x2, y1), kTransferColour);
                draw->AddRectFilled(ImVec2(x2, y), ImVec2(std::max(x2 + 1.0f, x3), y1), kDecodeColour);
            } else {
                draw->AddRectFilled(ImVec2(x1, y), ImVec2(x2, y1), kErrorColour);
            }
            draw->AddRect(ImVec2(x0, y), ImVec2(std::max(x0 + 2.0f, x3), y1), IM_COL32(20, 20, 20, 255));
        }
        for (std::size_t i = 0; i < in_flight.size(); ++i)
            if (flight_row[i] == lanes[lane])
                draw->AddRectFilled(ImVec2(x_of(in_flight[i].started_s), y), ImVec2(x_of(now), y1), kRunningColour);
    }
    char axis[48];
    std::snprintf(axis, sizeof axis, "%s", text_format("0 s … %.2f s", span).c_str());
    draw->AddText(ImVec2(origin.x + label_w, origin.y + height - text_h - 1.0f), IM_COL32(150, 150, 150, 255), axis);
    ImGui::Dummy(ImVec2(width, height));
}

}  // namespace conclab::ui::wikipics_view
