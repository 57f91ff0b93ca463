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
// [SECTION] Drawing: thumbnails to textures (the views themselves: wikipics_views.cpp, wikipics_history.cpp)
#include "ui/demo_panel.h"
#include "ui/panels/wikipics/wikipics_views.h"

#include "platform/gui_backend.h"
#include "platform/platform.h"
#include "ui/responsive.h"
#include "core/primes/primes_run.h"
#include "ui/panels/wikipics/builtin_mirror.h"
#include "core/base/utf8.h"
#include "core/wikipics/server_probe.h"
#include "core/wikipics/wikipics_options.h"
#include "core/wikipics/wikipics_report.h"
#include "core/wikipics/wikipics_run.h"
#include "ui/text/numbers.h"
#include "ui/text/text_wikipics_errors.h"
#include "ui/text/text_primes.h"
#include "ui/text/text_wikipics.h"
#include "platform/trace_machine.h"
#include "ui/widgets/trace_export.h"
#include "core/wikipics/wikipics_trace.h"

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

using namespace wikipics_view;

constexpr WikipicsExecutor kExecutors[] = {WikipicsExecutor::sequential, WikipicsExecutor::threads, WikipicsExecutor::async};

enum class ServerChoice { live, mirror, other };

class WikipicsPanel final : public DemoPanel {
public:
    WikipicsPanel() = default;

    ~WikipicsPanel() override {
        if (run_) run_->cancel();
        run_.reset();
        probe_.reset();
        // Textures go with the GL context, which the back end has closed by now.
    }

    const char* title() const override { return tr(WikipicsText::menu); }
    const char* field_label(const std::string& option) const override {   // a bad link's errors, by their field
        static const std::pair<const char*, WikipicsText> kFields[] = {
            {"count", WikipicsText::count},   {"size", WikipicsText::size},       {"max-req", WikipicsText::max_req},
            {"server", WikipicsText::server}, {"net", WikipicsText::net},         {"timeout", WikipicsText::timeout},
            {"seed", WikipicsText::seed}};
        if (option == "executor") return tr(PrimesText::executor);
        if (option == "workers") return tr(PrimesText::workers);
        for (const auto& [name, key] : kFields)
            if (option == name) return tr(key);
        return nullptr;
    }
    // The page's link and the desktop's command (shell/chrome.cpp). The built-in mirror's port is ephemeral: the
    // command leaves the server out, and the app it starts probes and starts its own mirror again.
    options::Params link_params() const override {
        auto params = chosen_params();
        if (server_ == ServerChoice::mirror && decision_source_ == wikipics::ServerSource::builtin_mirror)
            params.erase("server");
        return params;
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
        if (!errors.count("net")) net_ = parsed.net;
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

    void main_action() override {   // Space: Run, or Cancel while it runs
        if (!run_ || run_->finished()) autorun();
        else if (!cancel_asked_) {
            run_->cancel();
            cancel_asked_ = true;
        }
    }

    void autorun() override {
        start_probe();
        autorun_pending_ = true;
        autorun_asked_s_ = platform::run_clock().wall_s();
        start_autorun_when_decided();
    }

    // -------------------------------------------------------------------------
    // [SECTION] Running
    // -------------------------------------------------------------------------

    bool update() override {
        bool changed = take_probe_results();
        changed |= start_autorun_when_decided();
        if (!run_) return changed;
        for (auto& r : run_->poll()) {
            tiles_.push_back({std::move(r), 0, false});
            changed = true;
        }
        if (run_->finished() && !recorded_) {
            recorded_ = true;
            const auto report = run_->report();
            record_history(history_, report);
            finished_result_ = wikipics::to_json(report);
            changed = true;
        }
        return changed;
    }

    platform::Redraw redraw_need() const override {
        const bool probing = probe_ && !probe_->finished();
        return autorun_pending_ || probing || (run_ && !run_->finished()) ? platform::Redraw::ticking : platform::Redraw::idle;
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
                         {"net", std::string(wikipics::to_string(net_))},
                         {"autorun_pending", autorun_pending_}};
        const auto probe = probe_ ? probe_->snapshot() : wikipics::ProbeSnapshot{};
        if (!probe_) s["mirror"] = "unknown";
        else if (decision_source_ == wikipics::ServerSource::builtin_mirror) s["mirror"] = "yes";
        else s["mirror"] = std::string(wikipics::to_string(probe.mirror));
        s["live"] = probe_ ? std::string(wikipics::to_string(probe.live)) : "unknown";
        if (probe.decision) s["server_source"] = std::string(wikipics::to_string(probe.decision->source));
        s["net_greyed"] = server_ == ServerChoice::live;   // the profiles are the mirror's
        if (drawn_live_note_)   // "Commons unreachable" as last drawn: a warning (orange) only when live is the choice
            s["live_note"] = {{"text", drawn_live_note_->first}, {"warning", drawn_live_note_->second}};
        if (mirror_url_) s["mirror_url"] = *mirror_url_;
        if (!probe.live_detail.empty()) s["live_detail"] = probe.live_detail;
        put_field_errors(s, field_errors_);
        if (run_) s["run"] = wikipics::to_json(run_->report());
        if (run_ && run_->report().sample_error)   // as the summary words it, in the page's language
            s["sample_error_shown"] = sample_error_text(*run_->report().sample_error);
        s["trace_export"] = trace_export_.state();
        s["run_button"] = {{"x", run_button_[0]}, {"y", run_button_[1]}, {"w", run_button_[2]}, {"h", run_button_[3]}};
        if (run_ && !run_->finished() && cancel_button_)   // where a click cancels (the browser tests click it)
            s["cancel_button"] = {{"x", (*cancel_button_)[0]}, {"y", (*cancel_button_)[1]},
                                  {"w", (*cancel_button_)[2]}, {"h", (*cancel_button_)[3]}};
        if (cancel_asked_) s["cancel_asked"] = true;
        if (run_ && !run_->finished()) s["in_flight"] = run_->in_flight().size();
        s["web_cancel_note"] = web_cancel_note();
        // How the last frame laid the panel out (a phone: labels above fields, stacked, a folded runs table).
        s["layout"] = {{"labels_above", drawn_labels_above_}, {"stacked", drawn_stacked_}, {"history_columns", drawn_history_columns_},
                       {"fields_bottom", fields_bottom_}};
        return s;
    }

    void draw() override {
        start_probe();
        upload_thumbnails();
        ImGui::TextWrapped("%s", tr(WikipicsText::title));
        if (!presenting()) ImGui::TextWrapped("%s", tr(WikipicsText::intro));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
        text_wrapped_at_spaces(tr(WikipicsText::lesson));   // its figures ("0.994 s") never split at the point
        ImGui::PopStyleColor();
        ImGui::Separator();
        draw_controls();
        ImGui::Separator();
        if (!run_) return;
        draw_summary(*run_);
        // The lesson's picture first and full width: the lanes, where the waits overlap (or do not); then the
        // images and the runs' table, side by side where they fit, one below the other on a tablet or a phone.
        draw_lanes(tiles_, *run_);
        draw_trace_export();
        ImGui::Spacing();
        drawn_stacked_ = ImGui::GetContentRegionAvail().x < kSideBySideWidth;
        if (drawn_stacked_) {
            draw_gallery(tiles_, *run_);
            ImGui::Spacing();
            draw_history(history_, drawn_history_columns_);
        } else if (ImGui::BeginTable("##layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupColumn("##left", ImGuiTableColumnFlags_WidthStretch, 0.55f);
            ImGui::TableSetupColumn("##right", ImGuiTableColumnFlags_WidthStretch, 0.45f);
            ImGui::TableNextColumn();
            draw_gallery(tiles_, *run_);
            ImGui::TableNextColumn();
            draw_history(history_, drawn_history_columns_);
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

    // The panel's choices as the text options the CLI and the query string give, parsed by the same rules.
    options::Params chosen_params() const {
        options::Params p{{"executor", std::string(wikipics::to_string(executor_))},
                          {"count", count_},
                          {"size", size_},
                          {"max-req", max_req_},
                          {"server", server_param()},
                          {"net", std::string(wikipics::to_string(net_))},
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

    void draw_trace_export() {
        trace_export_.draw("wikipics", run_ && run_->finished(),
                           [&] { return wikipics::to_trace(run_->report(), platform::trace_machine()); });
    }

    // Run (Cancel) first, then every field in a fixed order: a field that does not apply to the executor is greyed,
    // not removed, and the notes (the servers' probe, why a choice is greyed) go below the fields, so nothing the
    // pointer aims at moves when a choice or a probe changes.
    void draw_controls() {
        const bool running = run_ && !run_->finished();
        draw_run_button(running);
        if (!controls_shown()) return;
        ImGui::BeginDisabled(running);
        const LabelledFields field = labelled_fields();
        drawn_labels_above_ = field.above();
        if (ImGui::BeginCombo(field(tr(PrimesText::executor)).c_str(), executor_text(executor_))) {
            for (auto kind : kExecutors)
                if (ImGui::Selectable(executor_text(kind), kind == executor_)) executor_ = kind;
            ImGui::EndCombo();
        }
        draw_field_error(field_errors_, "executor");
        ImGui::BeginDisabled(executor_ != WikipicsExecutor::threads);
        input_text(field(tr(PrimesText::workers)), workers_);
        ImGui::EndDisabled();
        draw_field_error(field_errors_, "workers");
        ImGui::BeginDisabled(executor_ != WikipicsExecutor::async);
        input_text(field(tr(WikipicsText::max_req)), max_req_);
        ImGui::EndDisabled();
        draw_field_error(field_errors_, "max-req");
        input_text(field(tr(WikipicsText::count)), count_);
        draw_field_error(field_errors_, "count");
        input_text(field(tr(WikipicsText::size)), size_);
        draw_field_error(field_errors_, "size");
        wrapped_disabled(format(tr(WikipicsText::size_default_note), grouped(wikipics::WikipicsOptions{}.size).c_str()));
        draw_server_choice(field);
        draw_net_choice(field);
        input_text(field(tr(WikipicsText::timeout)), timeout_);
        draw_field_error(field_errors_, "timeout");
        input_text(field(tr(WikipicsText::seed)), seed_);
        draw_field_error(field_errors_, "seed");
        ImGui::EndDisabled();
        fields_bottom_ = ImGui::GetCursorScreenPos().y;
        draw_notes();
    }

    void draw_run_button(bool running) {
        if (running) {
            if (cancel_asked_) {   // a greyed button of the same size: the rows below stay where they were
                ImGui::BeginDisabled();
                ImGui::Button(tr(WikipicsText::cancelling), ImVec2(std::max(120 * font_scale(), button_width(tr(WikipicsText::cancelling))), 0));
                ImGui::EndDisabled();
            } else {
                if (ImGui::Button(tr(PrimesText::cancel), ImVec2(120 * font_scale(), 0))) {
                    run_->cancel();
                    cancel_asked_ = true;
                }
                const ImVec2 at = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
                cancel_button_ = run_button_ = {at.x, at.y, size.x, size.y};
            }
            if (web_cancel_note()) {   // beside the button where a column of some 20 characters fits (not on a phone)
                same_line_if_fits(20 * ImGui::GetFontSize());
                wrapped_disabled(tr(WikipicsText::web_cancel_note));
            }
        } else {
            cancel_asked_ = false;
            cancel_button_.reset();
            if (ImGui::Button(tr(PrimesText::run), ImVec2(120 * font_scale(), 0))) {
                autorun_pending_ = false;   // the user's click goes now, with the server shown
                start();
            }
            const ImVec2 at = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
            run_button_ = {at.x, at.y, size.x, size.y};
            if (autorun_pending_) {
                same_line_if_fits(ImGui::CalcTextSize(tr(WikipicsText::finding_server)).x);
                wrapped_disabled(tr(WikipicsText::finding_server));
            }
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
                                   tr(WikipicsText::server_mirror), tr(WikipicsText::server_builtin),
                                   tr(WikipicsText::server_other), tr(WikipicsText::net_talk), tr(WikipicsText::net_phone)})
            choice_w = std::max(choice_w, ImGui::CalcTextSize(choice).x);
        const float needed = std::max(kMinField, choice_w + style.FramePadding.x * 2 + ImGui::GetFrameHeight());
        return LabelledFields({tr(PrimesText::executor), tr(PrimesText::workers), tr(WikipicsText::max_req), tr(WikipicsText::count),
                               tr(WikipicsText::size), tr(WikipicsText::server), tr(WikipicsText::net), tr(WikipicsText::timeout),
                               tr(WikipicsText::seed)},
                              std::max(300.0f, needed), needed);
    }

    static constexpr float kMinField = 160.0f;

    // -------------------------------------------------------------------------
    // [SECTION] Servers: live and the page's mirror, probed
    // -------------------------------------------------------------------------

    void draw_server_choice(const LabelledFields& field) {
        const bool builtin = decision_source_ == wikipics::ServerSource::builtin_mirror;
        const char* names[] = {tr(WikipicsText::server_live),
                               tr(builtin ? WikipicsText::server_builtin : WikipicsText::server_mirror),
                               tr(WikipicsText::server_other)};
        if (ImGui::BeginCombo(field(tr(WikipicsText::server)).c_str(), names[static_cast<int>(server_)])) {
            for (int i = 0; i < 3; ++i) {
                if (i == 1 && !mirror_url_) continue;
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
    }

    void draw_net_choice(const LabelledFields& field) {
        const WikipicsText names[] = {WikipicsText::net_instant, WikipicsText::net_talk, WikipicsText::net_phone};
        const bool live = server_ == ServerChoice::live;   // the profiles are the mirror's
        ImGui::BeginDisabled(live);
        if (ImGui::BeginCombo(field(tr(WikipicsText::net)).c_str(), tr(names[static_cast<int>(net_)]))) {
            for (int i = 0; i < 3; ++i)
                if (ImGui::Selectable(tr(names[i]), static_cast<int>(net_) == i)) net_ = static_cast<wikipics::NetProfile>(i);
            ImGui::EndCombo();
        }
        ImGui::EndDisabled();
        draw_field_error(field_errors_, "net");
    }

    // Below the fields: why a choice is greyed, the servers as probed, the built-in mirror started.
    void draw_notes() {
        wrapped_disabled(tr(executor_ == WikipicsExecutor::sequential ? WikipicsText::python_sequential
                            : executor_ == WikipicsExecutor::threads  ? WikipicsText::python_threads
                                                                      : WikipicsText::python_async));
        if (executor_ == WikipicsExecutor::async && async_unsupported()) wrapped_disabled(tr(WikipicsText::async_unsupported));
        if (server_ == ServerChoice::live) wrapped_disabled(tr(WikipicsText::net_live_reason));
        const auto probe = probe_ ? probe_->snapshot() : wikipics::ProbeSnapshot{};
        switch (probe.live) {
        case wikipics::ProbeState::checking: wrapped_disabled(tr(WikipicsText::live_checking)); break;
        case wikipics::ProbeState::yes: wrapped_disabled(tr(WikipicsText::live_ok)); break;
        case wikipics::ProbeState::no: {
            // A warning only when live Commons is the choice; beside a mirror it is a fact. The reason in the
            // interface's language, the client's own (English) words on hover.
            const std::string line = format("%s: %s", tr(WikipicsText::live_unreachable),
                                            reason_label(std::string(net::to_string(probe.live_error))).c_str());
            drawn_live_note_ = {line, server_ == ServerChoice::live};
            if (server_ == ServerChoice::live) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.7f, 0.4f, 1.0f));
                text_wrapped_at_spaces(line);
                ImGui::PopStyleColor();
            } else {
                wrapped_disabled(line);
            }
            if (ImGui::IsItemHovered() && !probe.live_detail.empty()) {
                ImGui::BeginTooltip();
                ImGui::TextUnformatted(probe.live_detail.c_str());
                ImGui::TextDisabled("%s", tr(WikipicsText::details_in_english));
                ImGui::EndTooltip();
            }
            break;
        }
        }
        if (same_origin_ && probe.mirror == wikipics::ProbeState::no) wrapped_disabled(tr(WikipicsText::no_mirror));
        if (decision_source_ == wikipics::ServerSource::builtin_mirror) wrapped_disabled(tr(WikipicsText::builtin_started));
    }

    // Once, on a thread of the probe's own: the page's mirror (web: `conclab serve --mirror`) or, with no page,
    // Commons — and the desktop app's built-in mirror when Commons does not answer.
    void start_probe() {
        if (probe_) return;
        same_origin_ = platform::same_origin_api_url();
        if (!client_) client_ = platform::make_http_client();
        probe_ = std::make_unique<wikipics::ServerProbe>(client_, same_origin_, same_origin_ ? MirrorStarter{} : builtin_mirror(),
                                                         kProbeTimeoutS);
    }

    bool take_probe_results() {
        if (!probe_ || decision_taken_) return false;
        const auto snapshot = probe_->snapshot();
        if (!snapshot.decision) return false;
        decision_taken_ = true;
        decision_source_ = snapshot.decision->source;
        if (snapshot.decision->source != wikipics::ServerSource::live) {
            mirror_url_ = snapshot.decision->server;
            // Offline first: the mirror, unless the user (or the query string) chose a server.
            if (!server_set_) server_ = ServerChoice::mirror;
            else if (server_ == ServerChoice::other && other_url_ == *mirror_url_) server_ = ServerChoice::mirror;
        }
        return true;
    }

    // Autorun waits for the server's choice (a query string without server= means "the mirror if there is one"),
    // at most kAutorunWaitS: a shared link then runs against the page's mirror, not live Commons.
    bool start_autorun_when_decided() {
        if (!autorun_pending_) return false;
        const double waited = platform::run_clock().wall_s() - autorun_asked_s_;
        if (!server_set_ && !decision_taken_ && waited < kAutorunWaitS) return false;
        autorun_pending_ = false;
        start();
        return true;
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

    WikipicsExecutor executor_ = WikipicsExecutor::threads;
    std::string count_ = std::to_string(wikipics::WikipicsOptions{}.count);
    std::string size_ = wikipics::group_digits(wikipics::WikipicsOptions{}.size);
    std::string workers_ = std::to_string(wikipics::WikipicsOptions{}.count);   // a thread per image
    std::string max_req_ = std::to_string(wikipics::WikipicsOptions{}.max_req);
    wikipics::NetProfile net_ = wikipics::WikipicsOptions{}.net;
    std::string timeout_ = "20";
    std::string seed_ = "0";
    ServerChoice server_ = ServerChoice::live;
    bool server_set_ = false;
    std::string other_url_ = "http://127.0.0.1:8001/w/api.php";
    options::FieldErrors field_errors_;

    std::shared_ptr<net::HttpClient> client_;
    std::unique_ptr<wikipics::WikipicsRun> run_;
    TraceExportButton trace_export_;
    bool recorded_ = false;
    bool cancel_asked_ = false;
    std::optional<std::array<float, 4>> cancel_button_;   // x, y, w, h of the Cancel button last drawn
    std::array<float, 4> run_button_{};                   // x, y, w, h of Run (Cancel while running) last drawn
    float fields_bottom_ = 0;                             // y below the last field (the notes start there)
    std::vector<Tile> tiles_;
    std::vector<HistoryEntry> history_;
    bool drawn_labels_above_ = false;
    bool drawn_stacked_ = false;
    std::vector<std::string> drawn_history_columns_;

    static constexpr double kProbeTimeoutS = 4;
    static constexpr double kAutorunWaitS = 6;
    std::unique_ptr<wikipics::ServerProbe> probe_;   // kept for the panel's life: joined only once it has ended
    bool decision_taken_ = false;
    wikipics::ServerSource decision_source_ = wikipics::ServerSource::live;
    std::optional<std::string> same_origin_;
    std::optional<std::string> mirror_url_;
    bool autorun_pending_ = false;
    std::optional<std::pair<std::string, bool>> drawn_live_note_;   // text, drawn as a warning
    double autorun_asked_s_ = 0;
};

}  // namespace

std::unique_ptr<DemoPanel> make_wikipics_panel() { return std::make_unique<WikipicsPanel>(); }

}  // namespace conclab::ui
