// System panel: what this machine offers to concurrent code — logical CPUs, isolation (web), the build,
// process and thread counts (native: /proc; web: what a page can't see, said plainly), a live frame-time
// graph, and "spin N workers": real CPU-bound threads with per-thread counters while the UI keeps drawing.
#include "ui/app.h"
#include "ui/demo_panel.h"

#include "core/exec/spin_workers.h"
#include "core/system/system_options.h"
#include "platform/gui_backend.h"
#include "platform/platform.h"
#include "ui/responsive.h"
#include "ui/text/text_system.h"
#include "ui/text/numbers.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <vector>

namespace conclab::ui {
namespace {

class SystemPanel final : public DemoPanel {
public:
    SystemPanel() : spin_count_(std::min(platform::logical_cpus(), exec::kMaxSpinWorkers)) {}

    const char* title() const override { return tr(SystemText::title); }

    void apply(const options::Params& params, options::FieldErrors& errors) override {
        const auto parsed = system::parse_system_options(params, errors);
        launch_spin_ = parsed.spin.value_or(-1);
    }

    // Workers spinning now: the link opens the page spinning as many.
    options::Params link_params() const override { return {{"spin", std::to_string(spin_.running())}}; }

    bool update() override {
        const auto now = std::chrono::steady_clock::now();
        if (launch_spin_ >= 0) {   // started from the query string (?spin=N) or --spin, once the app is up
            spin_count_ = std::max(1, launch_spin_);
            if (launch_spin_ > 0) spin_.start(launch_spin_);
            launch_spin_ = -1;
        }
        // Rates and system counts twice a second while spinning, once a second otherwise: reading /proc each
        // frame would cost frames, and an idle window should draw almost nothing.
        const auto period = spin_.running() > 0 ? std::chrono::milliseconds(500) : std::chrono::milliseconds(1000);
        if (now - last_sample_ > period) {
            const double dt = std::chrono::duration<double>(now - last_sample_).count();
            rates_.resize(static_cast<std::size_t>(spin_.running()));
            previous_counts_.resize(rates_.size());
            for (int i = 0; i < spin_.running(); ++i) {
                const auto c = spin_.count(i);
                auto& previous = previous_counts_[static_cast<std::size_t>(i)];
                rates_[static_cast<std::size_t>(i)] = c >= previous ? static_cast<double>(c - previous) / dt / 1e6 : 0.0;
                previous = c;
            }
            counts_ = platform::system_counts();
            last_sample_ = now;
            return true;
        }
        return false;
    }

    platform::Redraw redraw_need() const override {
        return spin_.running() > 0 ? platform::Redraw::animating : platform::Redraw::idle;
    }

    void draw() override {
        const auto now = std::chrono::steady_clock::now();
        if (frames_ > 0) {
            frame_ms_[frame_index_ % kFrames] = std::chrono::duration<float, std::milli>(now - last_frame_).count();
            ++frame_index_;
        }
        last_frame_ = now;
        ++frames_;
        ImGui::TextWrapped("%s", tr(SystemText::title));
        ImGui::TextWrapped("%s", tr(SystemText::intro));
        ImGui::Separator();
        const auto caps = platform::capabilities();
        const auto build = platform::build_info();
        // The names' column as wide as the widest name, at most half of a narrow panel; both columns' cells wrap.
        float key_w = 0;
        for (SystemText key : {SystemText::logical_cpus, SystemText::physical_cores, SystemText::cross_origin_isolated, SystemText::build,
                               SystemText::processes, SystemText::threads, SystemText::this_program_threads})
            key_w = std::max(key_w, ImGui::CalcTextSize(tr(key)).x);
        key_w = std::min(key_w + ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x * 0.5f);
        if (ImGui::BeginTable("##facts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupColumn("##k", ImGuiTableColumnFlags_WidthFixed, key_w);
            ImGui::TableSetupColumn("##v", ImGuiTableColumnFlags_WidthStretch);
            row(tr(SystemText::logical_cpus), std::to_string(platform::logical_cpus()));
            row(tr(SystemText::physical_cores), physical_ ? std::to_string(*physical_) : tr(SystemText::physical_unknown_web));
            row(tr(SystemText::cross_origin_isolated), caps.cross_origin_isolated ? tr(SystemText::yes) : tr(SystemText::no));
            row(tr(SystemText::build), build.kind + " " + build.build_type + " · " + build.compiler + " · v" + build.version);
            row(tr(SystemText::processes), counts_.processes ? std::to_string(*counts_.processes) : tr(SystemText::unknown));
            row(tr(SystemText::threads), counts_.threads ? std::to_string(*counts_.threads) : tr(SystemText::unknown));
            row(tr(SystemText::this_program_threads), counts_.own_threads ? std::to_string(*counts_.own_threads) : tr(SystemText::unknown));
            ImGui::EndTable();
        }
        if (!counts_.note.empty()) text_disabled_wrapped(tr(counts_note(caps)));
        text_disabled_wrapped(tr(SystemText::hyperthreading_note));
        text_disabled_wrapped(tr(SystemText::talk_counts));   // the talk's `ps ax | wc -l` beside this machine's

        ImGui::Separator();
        float ordered[kFrames];
        const int n = static_cast<int>(std::min<long>(frame_index_, kFrames));
        float worst = 0;
        for (int i = 0; i < n; ++i) {
            ordered[i] = frame_ms_[(frame_index_ - n + i) % kFrames];
            worst = std::max(worst, ordered[i]);
        }
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, "%s", text_format("%.1f ms · %.0f fps", n ? ordered[n - 1] : 0.0f, average_fps(ordered, n)).c_str());
        ImGui::TextUnformatted(tr(SystemText::frame_time));
        // The note on its own line, as tall as the longest it can be: Start (it changes the note) does not move itself.
        const float note_top = ImGui::GetCursorPosY(), note_w = ImGui::GetContentRegionAvail().x;
        float note_h = 0;
        for (const auto note : {SystemText::drawing_always, SystemText::drawing_animating, SystemText::drawing_on_demand})
            note_h = std::max(note_h, ImGui::CalcTextSize(tr(note), nullptr, false, note_w).y);
        text_disabled_wrapped(tr(drawing_note()));
        ImGui::SetCursorPosY(note_top);
        ImGui::Dummy(ImVec2(0, note_h));
        // ImGui 1.86 PlotLines takes no negative sizes: give the width in pixels.
        ImGui::PlotLines("##frames", ordered, n, 0, overlay, 0.0f, std::max(40.0f, worst), ImVec2(ImGui::GetContentRegionAvail().x, 90));
        const platform::RendererInfo renderer = platform::renderer_info();
        text_wrapped_at_spaces(std::string(tr(SystemText::renderer)) + ": " + renderer.name);   // "Vulkan 1.3.0" whole
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", text_format(tr(renderer.software ? SystemText::renderer_software_note : SystemText::renderer_gpu_note), renderer.ticking_fps).c_str());
        ImGui::PopTextWrapPos();

        ImGui::Separator();
        ImGui::TextUnformatted(tr(SystemText::spin_title));
        ImGui::TextWrapped("%s", tr(SystemText::spin_intro));
        const ImGuiStyle& style = ImGui::GetStyle();   // the slider leaves room for its label and the button
        const float button_w = std::max(ImGui::CalcTextSize(tr(SystemText::start)).x, ImGui::CalcTextSize(tr(SystemText::stop)).x) +
                               style.FramePadding.x * 2;
        ImGui::SetNextItemWidth(std::clamp(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(tr(SystemText::spin_workers)).x -
                                               style.ItemInnerSpacing.x - style.ItemSpacing.x - button_w,
                                           80.0f, 220.0f));
        slider_int(tr(SystemText::spin_workers), &spin_count_, 1, exec::kMaxSpinWorkers);
        spin_slider_ = item_rect();
        same_line_if_fits(button_w);
        if (spin_.running() == 0) {
            if (ImGui::Button(tr(SystemText::start), ImVec2(button_w, 0))) spin_.start(spin_count_);
            spin_button_ = item_rect();
        } else {
            const bool all_started = spin_.started() == spin_.running();
            ImGui::BeginDisabled(!all_started);
            if (ImGui::Button(tr(SystemText::stop), ImVec2(button_w, 0))) spin_.stop();
            spin_button_ = item_rect();
            ImGui::EndDisabled();
            if (!all_started) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s %d/%d", tr(SystemText::starting), spin_.started(), spin_.running());
            }
        }
        text_disabled_wrapped(tr(SystemText::spin_note_free_core));
        if (spin_.running() > 0 && ImGui::BeginTable("##spin", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn(tr(SystemText::worker));
            ImGui::TableSetupColumn(tr(SystemText::iterations));
            ImGui::TableSetupColumn(tr(SystemText::rate), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            double fastest = 1e-9;
            for (double r : rates_) fastest = std::max(fastest, r);
            for (int i = 0; i < spin_.running(); ++i) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("thread %d", i + 1);
                ImGui::TableNextColumn();
                ImGui::Text("%llu", static_cast<unsigned long long>(spin_.count(i)));
                ImGui::TableNextColumn();
                const double rate = i < static_cast<int>(rates_.size()) ? rates_[static_cast<std::size_t>(i)] : 0.0;
                char label[32];
                std::snprintf(label, sizeof label, "%s", text_format("%.0f", rate).c_str());
                ImGui::ProgressBar(static_cast<float>(rate / fastest), ImVec2(-1, 0), label);
            }
            ImGui::EndTable();
        }
    }

    nlohmann::json state() const override {
        nlohmann::json counters = nlohmann::json::array();
        for (int i = 0; i < spin_.running(); ++i) counters.push_back(std::to_string(spin_.count(i)));
        const auto rect = [](const std::array<float, 4>& r) { return nlohmann::json{{"x", r[0]}, {"y", r[1]}, {"w", r[2]}, {"h", r[3]}}; };
        return {{"spin_workers", spin_.running()},
                {"spin_button", rect(spin_button_)},   // Start / Stop and the slider, last drawn (window units)
                {"spin_slider", rect(spin_slider_)},
                {"spin_started", spin_.started()},
                {"stop_offered", spin_.running() > 0 && spin_.started() == spin_.running()},
                {"spin_counts", counters},
                {"processes", counts_.processes ? nlohmann::json(*counts_.processes) : nlohmann::json()},
                {"threads", counts_.threads ? nlohmann::json(*counts_.threads) : nlohmann::json()},
                {"counts_note", counts_.note},
                {"logical_cpus", platform::logical_cpus()},
                {"physical_cores", physical_ ? nlohmann::json(*physical_) : nlohmann::json()},
                {"physical_cores_shown", physical_ ? std::to_string(*physical_) : tr(SystemText::physical_unknown_web)},
                {"talk_counts_shown", tr(SystemText::talk_counts)},
                {"drawing_note", tr(drawing_note(), Language::en)},
                {"counts_note_shown", counts_.note.empty() ? "" : tr(counts_note(platform::capabilities()))}};
    }

private:
    static void row(const char* key, const std::string& value) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text_wrapped_at_spaces(key);
        ImGui::TableNextColumn();
        text_wrapped_at_spaces(value);
    }

    // When this page redraws, as it is: every frame (fps=max), every display frame while spinners count, else on input.
    SystemText drawing_note() const {
        if (draws_every_frame()) return SystemText::drawing_always;
        return spin_.running() > 0 ? SystemText::drawing_animating : SystemText::drawing_on_demand;
    }

    // The platform's note (English, for the CLI's JSON) in the interface's language.
    SystemText counts_note(const platform::Capabilities& caps) const {
        if (counts_.processes) return SystemText::counts_proc_note;
        return caps.os_processes ? SystemText::counts_no_proc_note : SystemText::counts_web_note;
    }


    static std::array<float, 4> item_rect() {
        return {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
    }

    static float average_fps(const float* ms, int n) {
        float total = 0;
        for (int i = 0; i < n; ++i) total += ms[i];
        return total > 0 ? 1000.0f * static_cast<float>(n) / total : 0.0f;
    }

    const std::optional<int> physical_ = platform::physical_cores();   // fixed while the program runs
    static constexpr int kFrames = 240;
    float frame_ms_[kFrames] = {};
    long frame_index_ = 0;
    long frames_ = 0;
    std::chrono::steady_clock::time_point last_frame_, last_sample_;
    exec::SpinWorkers spin_;
    int spin_count_;
    int launch_spin_ = -1;
    std::vector<double> rates_;
    std::array<float, 4> spin_button_{}, spin_slider_{};
    std::vector<std::uint64_t> previous_counts_;
    platform::SystemCounts counts_ = platform::system_counts();
};

}  // namespace

std::unique_ptr<DemoPanel> make_system_panel() { return std::make_unique<SystemPanel>(); }

}  // namespace conclab::ui
