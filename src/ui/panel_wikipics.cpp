// Wikipics panel — the talk's first demo: downloading images is I/O bound. N JPEGs of about S bytes from
// Wikimedia Commons (or the local mirror) download sequentially, on a thread pool or on one event loop; the gallery fills in
// completion order, one lane per worker splits each request into wait, transfer and decode, and a history
// compares runs by speedup. On the web the event loop's requests are asynchronous fetches on the page's main
// thread (aborted at once by Cancel); caveats there: a thread's request in flight cannot be aborted (a
// synchronous fetch ends at its timeout at the latest), and a browser measures no CPU time.
//
// [SECTION] Controls and validation
// [SECTION] Servers: live and the page's mirror, probed
// [SECTION] Running
// [SECTION] Drawing: summary, gallery, lanes, history
#include "demo_panel.h"

#include "gui_backend.h"
#include "http.h"
#include "platform.h"
#include "responsive.h"
#include "primes/primes_run.h"
#include "wikipics/wikipics_options.h"
#include "wikipics/wikipics_report.h"
#include "wikipics/wikipics_run.h"
#include "text/text_primes.h"
#include "text/text_wikipics.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace conclab::ui {
namespace {

// The JSON's reason ("timeout", "http_status", …) in the interface's language; an unknown one as it is.
std::string reason_label(const std::string& reason) {
    static const std::map<std::string, WikipicsText> kLabels{
        {"timeout", WikipicsText::reason_timeout},       {"http_status", WikipicsText::reason_http_status},
        {"rate_limited", WikipicsText::reason_rate_limited}, {"connection_reset", WikipicsText::reason_connection_reset},
        {"truncated", WikipicsText::reason_truncated},   {"too_large", WikipicsText::reason_too_large},
        {"network", WikipicsText::reason_network},       {"cancelled", WikipicsText::reason_cancelled}};
    const auto it = kLabels.find(reason);
    return it == kLabels.end() ? reason : tr(it->second);
}


using wikipics::WikipicsExecutor;

constexpr WikipicsExecutor kExecutors[] = {WikipicsExecutor::sequential, WikipicsExecutor::threads, WikipicsExecutor::async};

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

std::string duration(double seconds) { return unbroken(primes::format_duration(seconds)); }

std::string format(const char* fmt, ...) IM_FMTARGS(1);
std::string format(const char* fmt, ...) {
    va_list args, again;
    va_start(args, fmt);
    va_copy(again, args);
    const int size = std::vsnprintf(nullptr, 0, fmt, args);
    va_end(args);
    std::string text(static_cast<std::size_t>(std::max(size, 0)), '\0');
    std::vsnprintf(text.data(), text.size() + 1, fmt, again);
    va_end(again);
    return text;
}

void wrapped_disabled(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    text_wrapped_at_spaces(text);
    ImGui::PopStyleColor();
}

constexpr ImU32 kWaitColour = IM_COL32(95, 110, 140, 255);
constexpr ImU32 kTransferColour = IM_COL32(90, 180, 110, 255);
constexpr ImU32 kDecodeColour = IM_COL32(230, 160, 60, 255);
constexpr ImU32 kErrorColour = IM_COL32(200, 80, 70, 255);
constexpr ImU32 kRunningColour = IM_COL32(120, 140, 175, 160);

enum class ServerChoice { live, mirror, other };
enum class Probe { unknown, checking, yes, no };

struct Tile {
    wikipics::ImageResult result;
    unsigned texture = 0;
    bool uploaded = false;
};

struct HistoryEntry {
    WikipicsExecutor executor;
    int workers;
    std::string sample_key;   // server, count, size, seed: the same sample for the same key
    int count;
    double wall_s;
    long long bytes;
    std::optional<double> cpu_s;
    std::size_t errors;
    bool cancelled;
    std::optional<double> speedup;
};

double megabytes_per_s(long long bytes, double seconds) { return seconds > 0 ? bytes / 1e6 / seconds : 0.0; }

class WikipicsPanel final : public DemoPanel {
public:
    WikipicsPanel() = default;

    ~WikipicsPanel() override {
        if (run_) run_->cancel();
        run_.reset();
        probe_cancel_ = true;
        if (probe_thread_.joinable()) probe_thread_.join();
        // Textures go with the GL context, which the back end has closed by now.
    }

    const char* title() const override { return tr(WikipicsText::menu); }
    const char* field_label(const std::string& option) const override {   // a bad link's errors, by their field
        static const std::pair<const char*, WikipicsText> kFields[] = {
            {"count", WikipicsText::count}, {"size", WikipicsText::size}, {"max-req", WikipicsText::max_req},
            {"server", WikipicsText::server}, {"timeout", WikipicsText::timeout}, {"seed", WikipicsText::seed}};
        if (option == "executor") return tr(PrimesText::executor);
        if (option == "workers") return tr(PrimesText::workers);
        for (const auto& [name, key] : kFields)
            if (option == name) return tr(key);
        return nullptr;
    }

    // -------------------------------------------------------------------------
    // [SECTION] Controls and validation
    // -------------------------------------------------------------------------

    void apply(const options::Params& params, options::FieldErrors& errors) override {
        const auto parsed = wikipics::parse_wikipics_options(params, errors);
        auto take = [&](const char* name, std::string& field) {
            if (auto it = params.find(name); it != params.end() && !errors.count(name)) field = it->second;
        };
        if (!errors.count("executor")) executor_ = parsed.executor;
        take("count", count_);
        take("size", size_);
        take("workers", workers_);
        take("max-req", max_req_);
        take("timeout", timeout_);
        take("seed", seed_);
        if (auto it = params.find("server"); it != params.end() && !errors.count("server")) {
            server_set_ = true;
            if (it->second == "live") server_ = ServerChoice::live;
            else {
                server_ = ServerChoice::other;
                other_url_ = it->second;
            }
        }
        field_errors_ = errors;
    }

    void autorun() override {
        start_probe();
        start();
    }

    void main_action() override {   // Space: Run, or Cancel while it runs
        if (!run_ || run_->finished()) autorun();
        else if (!cancel_asked_) {
            run_->cancel();
            cancel_asked_ = true;
        }
    }

    // -------------------------------------------------------------------------
    // [SECTION] Running
    // -------------------------------------------------------------------------

    bool update() override {
        bool changed = take_probe_results();
        if (!run_) return changed;
        for (auto& r : run_->poll()) {
            tiles_.push_back({std::move(r), 0, false});
            changed = true;
        }
        if (run_->finished() && !recorded_) {
            recorded_ = true;
            const auto report = run_->report();
            record_history(report);
            finished_result_ = wikipics::to_json(report);
            changed = true;
        }
        return changed;
    }

    platform::Redraw redraw_need() const override {
        return run_ && !run_->finished() ? platform::Redraw::ticking : platform::Redraw::idle;
    }

    nlohmann::json state() const override {
        nlohmann::json s{{"executor", std::string(wikipics::to_string(executor_))},
                         {"count", count_},
                         {"size", size_},
                         {"workers", workers_},
                         {"max_req", max_req_},
                         {"server", server_param()},
                         {"timeout", timeout_},
                         {"seed", seed_},
                         {"running", run_ && !run_->finished()},
                         {"history", history_.size()},
                         {"tiles", tiles_.size()},
                         {"thumbnails", std::count_if(tiles_.begin(), tiles_.end(), [](const Tile& t) { return t.texture != 0; })},
                         {"mirror", probe_name(mirror_probe_)},
                         {"live", probe_name(live_probe_)}};
        if (mirror_url_) s["mirror_url"] = *mirror_url_;
        if (!live_detail_.empty()) s["live_detail"] = live_detail_;
        if (!field_errors_.empty()) s["errors"] = field_errors_;
        if (run_) s["run"] = wikipics::to_json(run_->report());
        if (run_ && !run_->finished() && cancel_button_)   // where a click cancels (the browser tests click it)
            s["cancel_button"] = {{"x", (*cancel_button_)[0]}, {"y", (*cancel_button_)[1]},
                                  {"w", (*cancel_button_)[2]}, {"h", (*cancel_button_)[3]}};
        if (cancel_asked_) s["cancel_asked"] = true;
        if (run_ && !run_->finished()) s["in_flight"] = run_->in_flight().size();
        s["web_cancel_note"] = web_cancel_note();
        // How the last frame laid the panel out (a phone: labels above fields, stacked, a folded runs table).
        s["layout"] = {{"labels_above", drawn_labels_above_}, {"stacked", drawn_stacked_}, {"history_columns", drawn_history_columns_}};
        return s;
    }

    void draw() override {
        start_probe();
        upload_thumbnails();
        ImGui::TextWrapped("%s", tr(WikipicsText::title));
        ImGui::TextWrapped("%s", tr(WikipicsText::intro));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
        ImGui::TextWrapped("%s", tr(WikipicsText::lesson));
        ImGui::PopStyleColor();
        ImGui::Separator();
        draw_controls();
        ImGui::Separator();
        if (!run_) return;
        draw_summary();
        drawn_stacked_ = ImGui::GetContentRegionAvail().x < kSideBySideWidth;
        if (drawn_stacked_) {   // a tablet, a phone: one below the other
            draw_gallery();
            ImGui::Spacing();
            draw_lanes();
            ImGui::Spacing();
            draw_history();
        } else if (ImGui::BeginTable("##layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupColumn("##left", ImGuiTableColumnFlags_WidthStretch, 0.55f);
            ImGui::TableSetupColumn("##right", ImGuiTableColumnFlags_WidthStretch, 0.45f);
            ImGui::TableNextColumn();
            draw_gallery();
            ImGui::TableNextColumn();
            draw_lanes();
            ImGui::Spacing();
            draw_history();
            ImGui::EndTable();
        }
    }

private:
    static constexpr float kSideBySideWidth = 700.0f;   // the gallery and the lanes side by side from here on

    // On the web a thread's request in flight (a synchronous fetch) cannot be aborted; the event loop's can.
    bool web_cancel_note() const { return !platform::capabilities().os_processes && executor_ != WikipicsExecutor::async; }

    bool async_unsupported() {
        if (!client_) client_ = platform::make_http_client();
        return client_->start_unsupported().has_value();
    }

    std::string server_param() const {
        switch (server_) {
        case ServerChoice::live: return "live";
        case ServerChoice::mirror: return mirror_url_.value_or("live");
        case ServerChoice::other: return other_url_;
        }
        return "live";
    }

    options::Params link_params() const override { return chosen_params(); }   // the page's link (app.cpp)

    // The panel's choices as the text options the CLI and the query string give, parsed by the same rules.
    options::Params chosen_params() const {
        options::Params p{{"executor", std::string(wikipics::to_string(executor_))},
                          {"count", count_},
                          {"size", size_},
                          {"max-req", max_req_},
                          {"server", server_param()},
                          {"timeout", timeout_},
                          {"seed", seed_}};
        if (!workers_.empty()) p["workers"] = workers_;
        return p;
    }

    void start() {
        field_errors_.clear();
        auto options = wikipics::parse_wikipics_options(chosen_params(), field_errors_);
        if (!client_) client_ = platform::make_http_client();
        if (field_errors_.empty() && options.executor == WikipicsExecutor::async)
            if (auto reason = client_->start_unsupported())
                field_errors_["executor"] = std::string(tr(WikipicsText::async_unsupported)) + " (" + *reason + ")";
        if (!field_errors_.empty()) return;   // the last good run stays on screen
        try {
            auto run = std::make_unique<wikipics::WikipicsRun>(
                options, client_, wikipics::WikipicsClock{platform::run_clock(), platform::thread_cpu_seconds});
            run_ = std::move(run);   // the previous run has finished (Run is disabled while one runs)
            for (auto& t : tiles_) platform::release_texture(t.texture);
            tiles_.clear();
            recorded_ = false;
        } catch (const std::exception& e) {
            field_errors_["run"] = std::string(tr(PrimesText::run_failed)) + ": " + e.what();
        }
    }

    void record_history(const wikipics::WikipicsReport& report) {
        if (report.sample_error) return;
        std::size_t errors = 0;
        for (const auto& r : report.results) errors += r.error ? 1 : 0;
        HistoryEntry entry{report.options.executor,
                           report.workers,
                           report.api_url + "|" + std::to_string(report.options.count) + "|" +
                               std::to_string(report.options.size) + "|" + std::to_string(report.options.seed),
                           report.options.count,
                           report.wall_s,
                           wikipics::total_bytes(report),
                           report.cpu ? std::optional<double>(report.cpu->total_s()) : std::nullopt,
                           errors,
                           report.cancelled,
                           std::nullopt};
        if (!entry.cancelled) {
            if (entry.executor == WikipicsExecutor::sequential) entry.speedup = 1.0;
            else
                for (auto it = history_.rbegin(); it != history_.rend(); ++it)
                    if (it->executor == WikipicsExecutor::sequential && it->sample_key == entry.sample_key && !it->cancelled &&
                        entry.wall_s > 0) {
                        entry.speedup = it->wall_s / entry.wall_s;
                        break;
                    }
        }
        history_.push_back(entry);
    }

    void draw_controls() {
        const bool running = run_ && !run_->finished();
        ImGui::BeginDisabled(running);
        const LabelledFields field = labelled_fields();
        drawn_labels_above_ = field.above();
        if (ImGui::BeginCombo(field(tr(PrimesText::executor)).c_str(), executor_text(executor_))) {
            for (auto kind : kExecutors)
                if (ImGui::Selectable(executor_text(kind), kind == executor_)) executor_ = kind;
            ImGui::EndCombo();
        }
        draw_field_error(field_errors_, "executor");
        if (executor_ == WikipicsExecutor::async && async_unsupported()) wrapped_disabled(tr(WikipicsText::async_unsupported));
        if (executor_ == WikipicsExecutor::threads) {
            input_text(field(tr(PrimesText::workers)), workers_);
            draw_field_error(field_errors_, "workers");
        }
        if (executor_ == WikipicsExecutor::async) {
            input_text(field(tr(WikipicsText::max_req)), max_req_);
            draw_field_error(field_errors_, "max-req");
        }
        input_text(field(tr(WikipicsText::count)), count_);
        draw_field_error(field_errors_, "count");
        input_text(field(tr(WikipicsText::size)), size_);
        draw_field_error(field_errors_, "size");
        draw_server_choice(field);
        input_text(field(tr(WikipicsText::timeout)), timeout_);
        draw_field_error(field_errors_, "timeout");
        input_text(field(tr(WikipicsText::seed)), seed_);
        draw_field_error(field_errors_, "seed");
        ImGui::EndDisabled();

        if (running) {
            if (cancel_asked_) {
                wrapped_disabled(tr(WikipicsText::cancelling));
            } else {
                if (ImGui::Button(tr(PrimesText::cancel), ImVec2(120, 0))) {
                    run_->cancel();
                    cancel_asked_ = true;
                }
                const ImVec2 at = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
                cancel_button_ = {at.x, at.y, size.x, size.y};
            }
            if (web_cancel_note()) {   // beside the button where a column of some 20 characters fits (not on a phone)
                same_line_if_fits(20 * ImGui::GetFontSize());
                wrapped_disabled(tr(WikipicsText::web_cancel_note));
            }
        } else {
            cancel_asked_ = false;
            cancel_button_.reset();
            if (ImGui::Button(tr(PrimesText::run), ImVec2(120, 0))) start();
        }
        draw_field_error(field_errors_, "run");
        if (!field_errors_.empty() && run_) {
            same_line_if_fits(ImGui::CalcTextSize(tr(PrimesText::last_good_run)).x);
            wrapped_disabled(tr(PrimesText::last_good_run));
        }
    }

    // Fields beside their labels while the widest label and a field wide enough for every choice fit (300 pixels
    // as on a desktop, wider for a long server name); else labels above fields as wide as the panel.
    static LabelledFields labelled_fields() {
        const ImGuiStyle& style = ImGui::GetStyle();
        float choice_w = 0;
        for (const char* choice : {tr(PrimesText::executor_sequential), tr(PrimesText::executor_threads),
                                   tr(WikipicsText::executor_async), tr(WikipicsText::server_live),
                                   tr(WikipicsText::server_mirror), tr(WikipicsText::server_other)})
            choice_w = std::max(choice_w, ImGui::CalcTextSize(choice).x);
        const float needed = std::max(kMinField, choice_w + style.FramePadding.x * 2 + ImGui::GetFrameHeight());
        return LabelledFields({tr(PrimesText::executor), tr(PrimesText::workers), tr(WikipicsText::max_req), tr(WikipicsText::count),
                               tr(WikipicsText::size), tr(WikipicsText::server), tr(WikipicsText::timeout),
                               tr(WikipicsText::seed)},
                              std::max(300.0f, needed), needed);
    }

    static constexpr float kMinField = 160.0f;

    // -------------------------------------------------------------------------
    // [SECTION] Servers: live and the page's mirror, probed
    // -------------------------------------------------------------------------

    void draw_server_choice(const LabelledFields& field) {
        const char* names[] = {tr(WikipicsText::server_live), tr(WikipicsText::server_mirror), tr(WikipicsText::server_other)};
        if (ImGui::BeginCombo(field(tr(WikipicsText::server)).c_str(), names[static_cast<int>(server_)])) {
            for (int i = 0; i < 3; ++i) {
                if (i == 1 && mirror_probe_ != Probe::yes) continue;
                if (ImGui::Selectable(names[i], static_cast<int>(server_) == i)) {
                    server_ = static_cast<ServerChoice>(i);
                    server_set_ = true;
                }
            }
            ImGui::EndCombo();
        }
        draw_field_error(field_errors_, "server");
        if (server_ == ServerChoice::other) {
            ImGui::Indent();
            ImGui::SetNextItemWidth(std::min(500.0f, ImGui::GetContentRegionAvail().x));
            input_text("##api_url", other_url_);
            ImGui::Unindent();
        }
        ImGui::Indent();
        switch (live_probe_) {
        case Probe::unknown:
        case Probe::checking: wrapped_disabled(tr(WikipicsText::live_checking)); break;
        case Probe::yes: wrapped_disabled(tr(WikipicsText::live_ok)); break;
        case Probe::no:
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.7f, 0.4f, 1.0f));   // "commons.wikimedia.org" whole
            text_wrapped_at_spaces(format("%s: %s", tr(WikipicsText::live_unreachable), live_detail_.c_str()));
            ImGui::PopStyleColor();
            break;
        }
        if (same_origin_ && mirror_probe_ == Probe::no) wrapped_disabled(tr(WikipicsText::no_mirror));
        ImGui::Unindent();
    }

    static const char* probe_name(Probe p) {
        switch (p) {
        case Probe::unknown: return "unknown";
        case Probe::checking: return "checking";
        case Probe::yes: return "yes";
        case Probe::no: return "no";
        }
        return "unknown";
    }

    // Once, on a thread of its own (a blocking request may not run on the page's main thread): does the page's own
    // server answer api.php (web: `conclab serve --mirror`), and does Commons answer at all?
    void start_probe() {
        if (probe_started_) return;
        probe_started_ = true;
        same_origin_ = platform::same_origin_api_url();
        if (!client_) client_ = platform::make_http_client();
        live_probe_ = Probe::checking;
        mirror_probe_ = same_origin_ ? Probe::checking : Probe::no;
        probe_thread_ = std::thread([this, client = client_, mirror = same_origin_] {
            wikipics::HttpLimits limits;
            limits.timeout_s = 8;
            limits.max_body_bytes = 1'000'000;
            limits.cancel = &probe_cancel_;
            if (mirror) {
                const auto answer = client->get(*mirror + "?action=query&list=allimages&ailimit=1&aiprop=size&format=json", limits);
                mirror_ok_ = answer.ok() && answer.body.find("\"allimages\"") != std::string::npos;
            }
            mirror_done_ = true;   // the mirror's answer need not wait for Commons' (up to the timeout offline)
            const auto live = client->get(std::string(wikipics::kLiveApi) + "?action=query&meta=siteinfo&format=json&origin=*", limits);
            {
                std::lock_guard lock(probe_mutex_);
                live_ok_ = live.ok();
                probe_detail_ = live.ok() ? "" : live.error_detail;
            }
            probe_done_ = true;
        });
    }

    bool take_probe_results() {
        bool changed = false;
        if (mirror_done_ && !mirror_taken_) {
            mirror_taken_ = changed = true;
            if (same_origin_) {
                mirror_probe_ = mirror_ok_ ? Probe::yes : Probe::no;
                if (mirror_ok_) {
                    mirror_url_ = same_origin_;
                    // Offline first: the page's own mirror, unless the user (or the query string) chose a server.
                    if (!server_set_) server_ = ServerChoice::mirror;
                    else if (server_ == ServerChoice::other && other_url_ == *mirror_url_) server_ = ServerChoice::mirror;
                }
            }
        }
        if (probe_done_ && !probe_taken_) {
            probe_taken_ = changed = true;
            probe_thread_.join();   // it has ended (done is its last act): joining cannot wait on a Web Worker's start-up
            std::lock_guard lock(probe_mutex_);
            live_probe_ = live_ok_ ? Probe::yes : Probe::no;
            live_detail_ = probe_detail_;
        }
        return changed;
    }

    // -------------------------------------------------------------------------
    // [SECTION] Drawing: summary, gallery, lanes, history
    // -------------------------------------------------------------------------

    void upload_thumbnails() {
        for (auto& tile : tiles_) {
            if (tile.uploaded) continue;
            tile.uploaded = true;
            if (const auto& thumb = tile.result.thumbnail)
                tile.texture = platform::upload_texture_rgba(thumb->rgba.data(), thumb->width, thumb->height);
        }
    }

    void draw_summary() const {
        const auto report = run_->report();
        if (report.sample_error) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
            ImGui::TextWrapped("%s: %s", tr(WikipicsText::sample_failed), report.sample_error->c_str());
            ImGui::PopStyleColor();
            return;
        }
        if (run_->phase() == wikipics::RunPhase::sampling) {
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
        const double elapsed = run_->elapsed_s();
        const long long bytes = wikipics::total_bytes(report);
        const std::size_t total = report.sample.size();
        const std::size_t done = report.results.size();
        char progress[64];
        std::snprintf(progress, sizeof progress, "%zu/%zu", done, total);
        ImGui::ProgressBar(total ? static_cast<float>(done) / static_cast<float>(total) : 0.0f,
                           ImVec2(std::min(300.0f, ImGui::GetContentRegionAvail().x), 0), progress);
        // Each phrase keeps its words together; the line wraps between phrases (a phone: below the bar).
        const std::string counts = format("%s · %s · %s", unbroken(format("%zu %s", done - errors, tr(WikipicsText::downloaded))).c_str(),
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
        text_wrapped_at_spaces(format("%s   %s   %s", unbroken(format("%s: %s", tr(WikipicsText::total_bytes), wikipics::group_digits(bytes).c_str())).c_str(),
                           unbroken(format("%s: %.2f", tr(WikipicsText::mb_s), megabytes_per_s(bytes, elapsed))).c_str(),
                           unbroken(format("%s: ", tr(PrimesText::elapsed))).append(duration(elapsed)).c_str()));
        if (report.startup_s > 0.0005) {   // threads that waited for a Web Worker: start-up, not in the elapsed time
            const std::string startup = format("(%s\u00a0%s)", tr(PrimesText::startup), duration(report.startup_s).c_str());
            same_line_if_fits(ImGui::CalcTextSize(startup.c_str()).x);
            wrapped_disabled(startup);
        }
        double decode_s = 0;
        for (const auto& r : report.results) decode_s += r.decode_s;
        if (report.cpu) {
            text_wrapped_at_spaces(format("%s: user\u00a0%s, sys\u00a0%s, total\u00a0%s (%.0f%%\u00a0%s) · %s\u00a0%s", tr(PrimesText::cpu),
                               duration(report.cpu->user_s).c_str(), duration(report.cpu->sys_s).c_str(),
                               duration(report.cpu->total_s()).c_str(),
                               report.wall_s > 0 ? 100.0 * report.cpu->total_s() / report.wall_s : 0.0, tr(PrimesText::of_wall),
                               tr(WikipicsText::decode), duration(decode_s).c_str()));
        } else if (report.finished) {
            wrapped_disabled(format("%s %s", tr(WikipicsText::cpu_unavailable), duration(decode_s).c_str()));
        }
    }

    void draw_gallery() {
        ImGui::TextUnformatted(tr(WikipicsText::gallery));
        const auto report = run_->report();
        constexpr float kCell = 112.0f, kPicture = 96.0f;
        // The child's inner width with room for its scrollbar, measured before it opens: the columns and the height
        // follow from it. The cells share the row's width (no empty last column on a phone), 0.9x to 1.5x.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float avail = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2 - style.ScrollbarSize;
        const float spacing = style.ItemSpacing.x;
        const int columns = std::max(1, static_cast<int>((avail + spacing) / (kCell * 0.9f + spacing)));
        const float cell = std::clamp((avail - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns), kCell * 0.9f,
                                      kCell * 1.5f);
        const float picture = cell * kPicture / kCell;
        const std::size_t tiles = std::max(tiles_.size(), report.sample.size());
        const float rows = static_cast<float>((tiles + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
        const float tile_h = picture + 2 * ImGui::GetTextLineHeightWithSpacing() + style.ItemSpacing.y;
        const float height = std::clamp(rows * tile_h + style.WindowPadding.y * 2, tile_h, 520.0f);   // no empty band below
        ImGui::BeginChild("##gallery", ImVec2(0, height), true);
        std::vector<bool> done(report.sample.size(), false);
        int column = 0;
        auto next_cell = [&] {
            if (++column < columns) ImGui::SameLine();
            else column = 0;
        };
        for (const auto& tile : tiles_) {
            if (tile.result.index < done.size()) done[tile.result.index] = true;
            draw_tile(&tile, tile.result.title, tile.result.listed_size, cell, picture);
            next_cell();
        }
        for (std::size_t i = 0; i < report.sample.size(); ++i) {
            if (done[i]) continue;
            draw_tile(nullptr, report.sample[i].title, report.sample[i].size, cell, picture);
            next_cell();
        }
        ImGui::EndChild();
    }

    void draw_tile(const Tile* tile, const std::string& title, long long listed, float cell, float picture) const {
        ImGui::BeginGroup();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 box_end(origin.x + cell, origin.y + picture);
        if (tile && tile->texture) {
            const auto& thumb = *tile->result.thumbnail;
            const float scale = std::min(cell / static_cast<float>(thumb.width), picture / static_cast<float>(thumb.height));
            const float w = thumb.width * scale, h = thumb.height * scale;
            const ImVec2 at(origin.x + (cell - w) / 2, origin.y + (picture - h) / 2);
            draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tile->texture)), at, ImVec2(at.x + w, at.y + h));
        } else if (tile && tile->result.error) {
            draw->AddRectFilled(origin, box_end, IM_COL32(70, 35, 35, 255), 4.0f);
            draw->AddRectFilled(ImVec2(origin.x + 4, origin.y + 4), ImVec2(origin.x + cell - 4, origin.y + 24), kErrorColour, 3.0f);
            draw->AddText(ImVec2(origin.x + 8, origin.y + 6), IM_COL32(255, 255, 255, 255), reason_label(*tile->result.error).c_str());
            std::string detail = tile->result.error_detail.substr(0, 40);
            draw->PushClipRect(origin, box_end, true);
            draw->AddText(nullptr, 0.0f, ImVec2(origin.x + 6, origin.y + 30), IM_COL32(230, 200, 200, 255), detail.c_str(), nullptr,
                          cell - 10);
            draw->PopClipRect();
        } else {
            draw->AddRectFilled(origin, box_end, IM_COL32(45, 48, 55, 255), 4.0f);
            const char* label = tile ? tr(WikipicsText::decode_error) : "\u23f3";
            const ImVec2 size = ImGui::CalcTextSize(label);
            draw->AddText(ImVec2(origin.x + (cell - size.x) / 2, origin.y + (picture - size.y) / 2), IM_COL32(170, 170, 170, 255), label);
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
                    ImGui::TextColored(ImVec4(1, 0.6f, 0.5f, 1), "%s: %s", reason_label(*r.error).c_str(), r.error_detail.c_str());
                    ImGui::TextDisabled("%s", tr(WikipicsText::details_in_english));
                }
                ImGui::Text("%s · HTTP %d · %s %s", r.worker.c_str(), r.status, wikipics::group_digits(static_cast<long long>(r.bytes)).c_str(),
                            "bytes");
                ImGui::Text("%s %.3f s · %s %.3f s · %s %.3f s", tr(WikipicsText::wait), r.wait_s, tr(WikipicsText::transfer),
                            r.transfer_s, tr(WikipicsText::decode), r.decode_s);
            } else {
                ImGui::TextDisabled("%s", tr(PrimesText::pending));
            }
            ImGui::EndTooltip();
        }
    }

    void draw_lanes() const {
        ImGui::TextWrapped("%s", tr(WikipicsText::lanes));
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const auto legend = [&](ImU32 colour, WikipicsText text, bool first) {   // the swatch and its word stay together
            if (!first) same_line_if_fits(14 + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(tr(text)).x);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            draw->AddRectFilled(ImVec2(at.x, at.y + 3), ImVec2(at.x + 12, at.y + 15), colour, 2.0f);
            ImGui::Dummy(ImVec2(14, 16));
            ImGui::SameLine();
            ImGui::TextUnformatted(tr(text));
        };
        legend(kWaitColour, WikipicsText::wait, true);
        legend(kTransferColour, WikipicsText::transfer, false);
        legend(kDecodeColour, WikipicsText::decode, false);
        legend(kErrorColour, WikipicsText::errors, false);

        // A lane per thread; the event loop's requests overlap on one thread, so they get a row per request slot
        // ("loop · 2": the second request in flight at that moment), packed first-free by start time.
        const auto in_flight = run_->in_flight();
        std::vector<std::string> tile_row(tiles_.size()), flight_row(in_flight.size());
        struct LoopBar {
            double start, end;
            std::string* row;
        };
        std::vector<LoopBar> loop_bars;
        const double now_s = run_->elapsed_s();
        for (std::size_t i = 0; i < tiles_.size(); ++i) {
            const auto& r = tiles_[i].result;
            if (r.worker == "event loop") loop_bars.push_back({r.started_s, r.started_s + r.elapsed_s + r.decode_s, &tile_row[i]});
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
            *bar.row = "loop \u00b7 " + std::to_string(row + 1);
        }
        std::vector<std::string> lanes;
        for (const auto* rows : {&tile_row, &flight_row})
            for (const auto& row : *rows)
                if (!row.empty() && std::find(lanes.begin(), lanes.end(), row) == lanes.end()) lanes.push_back(row);
        std::sort(lanes.begin(), lanes.end(), [](const std::string& a, const std::string& b) {
            return a.size() != b.size() ? a.size() < b.size() : a < b;
        });
        const float lane_h = lanes.size() > 16 ? 12.0f : 20.0f, label_w = 90.0f;
        const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
        const float height = lane_h * static_cast<float>(std::max<std::size_t>(lanes.size(), 1)) + 22.0f;
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const double now = run_->elapsed_s();
        const double span = std::max(now, 0.001);
        const float plot_w = width - label_w - 8.0f;
        const auto x_of = [&](double t) { return origin.x + label_w + static_cast<float>(std::clamp(t / span, 0.0, 1.0)) * plot_w; };
        draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(30, 33, 38, 255), 4.0f);
        for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
            const float y = origin.y + 4.0f + lane_h * static_cast<float>(lane);
            const float y1 = y + lane_h - 3.0f;
            draw->AddText(ImVec2(origin.x + 6, y), IM_COL32(200, 200, 200, 255), lanes[lane].c_str());
            for (std::size_t i = 0; i < tiles_.size(); ++i) {
                const auto& r = tiles_[i].result;
                if (tile_row[i] != lanes[lane]) continue;
                const double wait_end = r.started_s + r.wait_s, transfer_end = wait_end + r.transfer_s;
                const float x0 = x_of(r.started_s), x1 = x_of(wait_end), x2 = x_of(transfer_end), x3 = x_of(transfer_end + r.decode_s);
                draw->AddRectFilled(ImVec2(x0, y), ImVec2(std::max(x0 + 1.0f, x1), y1), r.error ? kErrorColour : kWaitColour);
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
        std::snprintf(axis, sizeof axis, "0 s … %.2f s", span);
        draw->AddText(ImVec2(origin.x + label_w, origin.y + height - 18.0f), IM_COL32(150, 150, 150, 255), axis);
        ImGui::Dummy(ImVec2(width, height));
    }

    void draw_history() {
        ImGui::TextUnformatted(tr(PrimesText::history));
        if (history_.empty()) return;
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(PrimesText::clear_history))) {
            history_.clear();
            return;
        }
        double best = 1.0;
        for (const auto& h : history_)
            if (h.speedup) best = std::max(best, *h.speedup);
        // Executor, wall time and speedup always; MB/s and then CPU only where they fit whole (a phone, the narrow
        // right column of a small desktop): a column is folded, never clipped; the speedup's note wraps in its cell.
        const auto executor_cell = [](const HistoryEntry& h) {
            return format("%s x%d · %d", std::string(wikipics::to_string(h.executor)).c_str(), h.workers, h.count);
        };
        const auto cpu_cell = [](const HistoryEntry& h) { return h.cpu_s ? duration(*h.cpu_s) : std::string("n/a"); };
        const auto mb_s_cell = [](const HistoryEntry& h) { return format("%.2f", megabytes_per_s(h.bytes, h.wall_s)); };
        const auto width_of = [&](auto header, const auto& cell) {
            float w = ImGui::CalcTextSize(tr(header)).x;
            for (const auto& h : history_) w = std::max(w, ImGui::CalcTextSize(cell(h).c_str()).x);
            return w;
        };
        const float executor_w = width_of(PrimesText::executor, executor_cell);
        const bool any_cancelled = std::any_of(history_.begin(), history_.end(), [](const HistoryEntry& h) { return h.cancelled; });
        const bool any_note = std::any_of(history_.begin(), history_.end(), [](const HistoryEntry& h) { return !h.speedup; });
        const float wall_w = std::max(width_of(PrimesText::wall, [](const HistoryEntry& h) { return duration(h.wall_s); }),
                                      any_cancelled ? ImGui::CalcTextSize(format("(%s)", tr(WikipicsText::reason_cancelled)).c_str()).x : 0.0f);
        const float mb_s_w = width_of(WikipicsText::mb_s, mb_s_cell);
        const float cpu_w = width_of(PrimesText::cpu, cpu_cell);
        // The speedup's bar, or its note ("run sequential on this sample…") in a few lines, not a word a line.
        const float speedup_w = std::max({ImGui::CalcTextSize(tr(PrimesText::speedup)).x, ImGui::CalcTextSize("x00.00").x * 1.5f,
                                          any_note ? 9 * ImGui::GetFontSize() : 0.0f});
        const ImGuiStyle& style = ImGui::GetStyle();
        const float padding = style.CellPadding.x * 2 + 1.0f;
        const float avail = ImGui::GetContentRegionAvail().x;
        const float kept_w = executor_w + wall_w + speedup_w + 3 * padding;
        const bool show_mb_s = avail >= kept_w + mb_s_w + padding;
        const bool show_cpu = show_mb_s && avail >= kept_w + mb_s_w + cpu_w + 2 * padding;
        // The executor's column shrinks (its cell wraps) before the speedup's does on a very narrow screen.
        const float executor_col = std::min(executor_w, std::max(avail - (kept_w - executor_w), avail * 0.35f));
        if (!ImGui::BeginTable("##history", 3 + show_mb_s + show_cpu, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
        ImGui::TableSetupColumn(tr(PrimesText::executor), ImGuiTableColumnFlags_WidthFixed, executor_col);
        ImGui::TableSetupColumn(tr(PrimesText::wall), ImGuiTableColumnFlags_WidthFixed, wall_w);
        if (show_mb_s) ImGui::TableSetupColumn(tr(WikipicsText::mb_s), ImGuiTableColumnFlags_WidthFixed, mb_s_w);
        if (show_cpu) ImGui::TableSetupColumn(tr(PrimesText::cpu), ImGuiTableColumnFlags_WidthFixed, cpu_w);
        ImGui::TableSetupColumn(tr(PrimesText::speedup), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        drawn_history_columns_.clear();
        for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) drawn_history_columns_.push_back(ImGui::TableGetColumnName(c));
        for (const auto& h : history_) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);   // the cell's right edge: a narrow column wraps, never clips
            ImGui::TextWrapped("%s", executor_cell(h).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(duration(h.wall_s).c_str());
            if (h.cancelled) ImGui::TextDisabled("(%s)", tr(WikipicsText::reason_cancelled));
            if (show_mb_s) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(mb_s_cell(h).c_str());
            }
            if (show_cpu) {
                ImGui::TableNextColumn();
                if (h.cpu_s) ImGui::TextUnformatted(cpu_cell(h).c_str());
                else ImGui::TextDisabled("n/a");
            }
            ImGui::TableNextColumn();
            if (h.speedup) {
                char label[32];
                std::snprintf(label, sizeof label, "x%.2f", *h.speedup);
                ImGui::ProgressBar(static_cast<float>(*h.speedup / best), ImVec2(-1, 0), label);
            } else {
                ImGui::TextDisabled("%s", tr(PrimesText::no_sequential_yet));
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }

    WikipicsExecutor executor_ = WikipicsExecutor::threads;
    std::string count_ = "10";
    std::string size_ = "1_000_000";
    std::string workers_ = "10";
    std::string max_req_ = "10";
    std::string timeout_ = "20";
    std::string seed_ = "0";
    ServerChoice server_ = ServerChoice::live;
    bool server_set_ = false;
    std::string other_url_ = "http://127.0.0.1:8001/w/api.php";
    options::FieldErrors field_errors_;

    std::shared_ptr<wikipics::HttpClient> client_;
    std::unique_ptr<wikipics::WikipicsRun> run_;
    bool recorded_ = false;
    bool cancel_asked_ = false;
    std::optional<std::array<float, 4>> cancel_button_;   // x, y, w, h of the Cancel button last drawn
    std::vector<Tile> tiles_;
    std::vector<HistoryEntry> history_;
    bool drawn_labels_above_ = false;
    bool drawn_stacked_ = false;
    std::vector<std::string> drawn_history_columns_;

    bool probe_started_ = false;
    bool probe_taken_ = false;
    bool mirror_taken_ = false;
    std::atomic<bool> mirror_done_{false};
    std::thread probe_thread_;
    std::atomic<bool> probe_cancel_{false};
    std::atomic<bool> probe_done_{false};
    std::atomic<bool> mirror_ok_{false};
    std::mutex probe_mutex_;
    bool live_ok_ = false;
    std::string probe_detail_;
    std::optional<std::string> same_origin_;
    std::optional<std::string> mirror_url_;
    Probe live_probe_ = Probe::unknown;
    Probe mirror_probe_ = Probe::unknown;
    std::string live_detail_;
};

}  // namespace

std::unique_ptr<DemoPanel> make_wikipics_panel() { return std::make_unique<WikipicsPanel>(); }

}  // namespace conclab::ui
