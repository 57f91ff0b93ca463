// Spinner panel — spinning plates: a thread, a process, a coroutine that awaits and one whose call blocks the loop,
// side by side and large, each with its frames (all, and while its slow call was in flight) and longest gap. The
// runs are core's SpinnerDemo (core/spinner/spinner_demo.h); this panel starts them, polls the process form's
// spinner every loop turn and draws. `kind=` (or the exhibition's old `spinner=`) names the form a link asks for:
// it starts alone at launch, as the old link's did.
#include "ui/demo_panel.h"

#include "platform/platform.h"
#include "ui/responsive.h"
#include "core/spinner/spinner_demo.h"
#include "ui/text/text_spinner.h"
#include "ui/widgets/slider.h"
#include "ui/text/numbers.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

namespace conclab::ui {
namespace {

using spinner::Form;

constexpr ImU32 kTurning = IM_COL32(245, 196, 60, 255);
constexpr ImU32 kIdle = IM_COL32(150, 150, 150, 255);
const ImVec4 kRed(1.0f, 0.45f, 0.4f, 1.0f);
const ImVec4 kGreen(0.5f, 0.85f, 0.5f, 1.0f);

SpinnerText title_of(Form form) {
    switch (form) {
    case Form::thread: return SpinnerText::form_thread;
    case Form::process: return SpinnerText::form_process;
    case Form::coroutine: return SpinnerText::form_coroutine;
    case Form::blocked_coroutine: return SpinnerText::form_blocked;
    }
    return SpinnerText::form_thread;
}

SpinnerText note_of(Form form) {
    switch (form) {
    case Form::thread: return SpinnerText::note_thread;
    case Form::process: return SpinnerText::note_process;
    case Form::coroutine: return SpinnerText::note_coroutine;
    case Form::blocked_coroutine: return SpinnerText::note_blocked;
    }
    return SpinnerText::note_thread;
}

class SpinnerPanel final : public DemoPanel {
public:
    SpinnerPanel() : demo_([] { return platform::make_executor(exec::ExecutorKind::processes, 1); }) {}

    const char* title() const override { return tr(SpinnerText::menu); }

    void apply(const options::Params& params, options::FieldErrors& errors) override {
        options_ = spinner::parse_spinner_options(params, errors);   // bad fields keep their defaults
        field_errors_ = errors;
        if (options_.runtime == primes::Runtime::python && !errors.count("runtime"))   // said, not silently ignored
            field_errors_["runtime"] = options::FieldError(tr(SpinnerText::cpython_cli_only));
        asked_.reset();
        if (params.count("kind") && !errors.count("kind")) asked_ = spinner::form_of(options_);
        // A link that names a form starts it at launch, as the exhibition's spinner= did, autorun or not.
        if (asked_ && errors.empty()) autorun();
    }

    // The sleep and the number (a form asked by kind= ran at launch: a link never runs, so it names none).
    options::Params link_params() const override {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%g", std::round(options_.seconds * 10) / 10);
        return {{"seconds", seconds}, {"number", std::to_string(options_.number)}};
    }

    const char* field_label(const std::string& option) const override {
        return option == "seconds" ? tr(SpinnerText::seconds) : nullptr;
    }

    void autorun() override {
        if (!field_errors_.empty()) return;   // a bad launch value is shown beside its field, not run
        // Started on the first loop turn (update): the window, and the page's main loop, are up.
        if (asked_) pending_ = std::vector<Form>{*asked_};
        else pending_ = std::vector<Form>(spinner::kForms.begin(), spinner::kForms.end());
        report_ = true;
    }

    bool update() override {
        if (pending_) {
            demo_.start(*pending_, options_);
            pending_.reset();
        }
        demo_.poll();
        const bool running = demo_.running();
        const std::uint64_t frames = total_frames();
        bool changed = frames != drawn_frames_ || running != was_running_;
        drawn_frames_ = frames;
        if (was_running_ && !running && std::exchange(report_, false)) finished_result_ = result_json();
        was_running_ = running;
        return changed;
    }

    platform::Redraw redraw_need() const override {
        return demo_.running() ? platform::Redraw::animating : platform::Redraw::idle;
    }

    nlohmann::json state() const override {
        nlohmann::json forms = nlohmann::json::array();
        for (const Form form : spinner::kForms) {
            auto f = demo_.form_json(form);
            f["ran"] = demo_.ran(form);
            forms.push_back(f);
        }
        nlohmann::json s{{"running", demo_.running()},
                         {"finished", demo_.finished()},
                         {"seconds", options_.seconds},
                         {"number", std::to_string(options_.number)},
                         {"forms", forms},
                         {"seconds_field", {{"x", seconds_field_[0]}, {"y", seconds_field_[1]}, {"w", seconds_field_[2]}, {"h", seconds_field_[3]}}}};
        if (asked_) {
            s["asked"] = std::string(spinner::to_string(*asked_));
            s["spinner"] = demo_.form_json(*asked_);   // the exhibition's old "spinner" state, for the old links
        }
        put_field_errors(s, field_errors_);
        return s;
    }

    void draw() override {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr(SpinnerText::title));
        if (!presenting()) ImGui::TextUnformatted(tr(SpinnerText::intro));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.8f, 1.0f, 1.0f));
        ImGui::TextUnformatted(tr(SpinnerText::lesson));
        ImGui::PopStyleColor();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(tr(SpinnerText::concurrency_note));
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        draw_controls();
        ImGui::Separator();
        draw_forms();
        ImGui::Separator();
        text_disabled_wrapped(tr(SpinnerText::process_note));
    }

private:
    std::uint64_t total_frames() const {
        std::uint64_t n = 0;
        for (const Form form : spinner::kForms) n += demo_.spinner(form).frames();
        return n;
    }

    nlohmann::json result_json() const {
        auto result = demo_.result_json();
        if (asked_) result["spinner"] = demo_.form_json(*asked_);
        return result;
    }

    void draw_controls() {
        const bool running = demo_.running();
        ImGui::BeginDisabled(running);
        const LabelledFields field({tr(SpinnerText::seconds)}, 200.0f,   // never so narrow that the grab covers "10.0 s"
                                   std::max(narrow_layout() ? 160.0f : 100.0f, slider_min_width(localized("10.0 s", language()).c_str())));
        const double min_s = 0.5, max_s = 10;
        slider_double(field(tr(SpinnerText::seconds)).c_str(), &options_.seconds, min_s, max_s, "%.1f s", ImGuiSliderFlags_AlwaysClamp);
        const ImVec2 field_min = ImGui::GetItemRectMin(), field_size = ImGui::GetItemRectSize();
        seconds_field_ = {field_min.x, field_min.y, field_size.x, field_size.y};
        draw_field_error(field_errors_, "seconds");
        same_line_if_fits(button_width(tr(SpinnerText::run_all)));
        if (ImGui::Button(tr(SpinnerText::run_all))) {
            field_errors_.clear();
            demo_.start({spinner::kForms.begin(), spinner::kForms.end()}, options_);
        }
        for (const char* name : {"kind", "block", "number", "runtime", "python"}) draw_field_error(field_errors_, name);
        ImGui::EndDisabled();
    }

    // Four columns on a wide panel, two by two on a phone: each plate as big as its column allows. Three table rows
    // per line of forms (names, plates, figures) keep the plates level whatever wraps above them.
    void draw_forms() {
        const float width = ImGui::GetContentRegionAvail().x;
        const int columns = width >= 720.0f ? 4 : 2;
        if (!ImGui::BeginTable("##forms", columns, ImGuiTableFlags_BordersInnerV)) return;
        for (std::size_t first = 0; first < spinner::kForms.size(); first += static_cast<std::size_t>(columns)) {
            for (int part = 0; part < 3; ++part) {
                ImGui::TableNextRow();
                for (std::size_t i = first; i < first + static_cast<std::size_t>(columns) && i < spinner::kForms.size(); ++i) {
                    ImGui::TableNextColumn();
                    ImGui::PushID(static_cast<int>(i));
                    const Form form = spinner::kForms[i];
                    if (part == 0) draw_name(form);
                    else if (part == 1) draw_plate(form);
                    else draw_figures(form);
                    ImGui::PopID();
                }
            }
        }
        ImGui::EndTable();
    }

    void draw_name(Form form) const {
        const bool asked = asked_ && *asked_ == form;
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(asked ? ImVec4(1.0f, 0.8f, 0.4f, 1.0f) : ImVec4(1, 1, 1, 1), "%s", tr(title_of(form)));
        ImGui::TextDisabled("%s", tr(note_of(form)));
        ImGui::PopTextWrapPos();
    }

    // A bar that turns 45° a frame (it stands still when no frame comes), with the terminal's character under it.
    void draw_plate(Form form) const {
        const auto& s = demo_.spinner(form);
        const bool running = s.running();
        const std::uint64_t frames = s.frames();
        const bool frozen_now = running && s.since_last_frame_s() > spinner::kFreezeGapS;
        const float column = ImGui::GetContentRegionAvail().x;
        // Presenting, the plates grow to the height left above their figures (five lines) and the note (two).
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float tallest = presenting() ? std::max(80.0f, (picture_height(172.0f, 0) - 7 * line - 12) / 2)
                                           : narrow_layout() ? 64.0f : 80.0f;
        const float radius = std::clamp(column / 2 - 12, 30.0f, tallest);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const ImVec2 centre(origin.x + column / 2, origin.y + radius + 6);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImU32 ring = frozen_now ? IM_COL32(240, 110, 100, 255) : running ? kTurning : kIdle;
        draw->AddCircleFilled(centre, radius, IM_COL32(28, 30, 36, 255), 48);
        draw->AddCircle(centre, radius, ring, 48, 3.0f);
        const float angle = static_cast<float>(frames % 8) * 3.14159265f / 4.0f;
        const float arm = radius * 0.85f;
        draw->AddLine(ImVec2(centre.x - arm * std::cos(angle), centre.y - arm * std::sin(angle)),
                      ImVec2(centre.x + arm * std::cos(angle), centre.y + arm * std::sin(angle)), ring, 6.0f);
        static constexpr char kChars[] = {'\\', '|', '/', '-'};
        const char glyph[2] = {kChars[frames % 4], '\0'};
        const ImVec2 g = ImGui::CalcTextSize(glyph);
        draw->AddText(ImVec2(centre.x - g.x / 2, centre.y + radius * 0.35f), IM_COL32(230, 230, 230, 255), glyph);
        ImGui::Dummy(ImVec2(column, 2 * radius + 12));
    }

    // Under each plate: its frames, those drawn while the call was in flight (the lesson), the longest gap.
    void draw_figures(Form form) const {
        const auto& s = demo_.spinner(form);
        const bool running = s.running();
        const auto outcome = demo_.ran(form) && !running ? s.outcome() : std::nullopt;
        ImGui::PushTextWrapPos(0.0f);
        char line[96];
        std::snprintf(line, sizeof line, "%s", text_format(tr(SpinnerText::frames),
                      static_cast<unsigned long long>(outcome ? outcome->gaps.frames() : s.frames())).c_str());
        if (!demo_.ran(form)) ImGui::TextDisabled("%s", tr(SpinnerText::not_run));
        else ImGui::TextUnformatted(line);
        if (outcome) {
            std::snprintf(line, sizeof line, "%s", text_format(tr(SpinnerText::frames_in_call),
                          static_cast<unsigned long long>(outcome->gaps.frames_in_call())).c_str());
            ImGui::TextColored(outcome->gaps.frames_in_call() == 0 ? kRed : kGreen, "%s", line);
            ImGui::Text("%s", text_format(tr(SpinnerText::longest_gap), outcome->gaps.longest_gap_s()).c_str());
            if (outcome->gaps.froze()) ImGui::TextColored(kRed, tr(SpinnerText::froze), outcome->gaps.frozen_s());
            else ImGui::TextColored(kGreen, "%s", tr(SpinnerText::never_froze));
            if (!outcome->error.empty()) ImGui::TextColored(kRed, "%s", outcome->error.c_str());
            else if (const auto o = s.options())
                ImGui::TextDisabled("%s", text_format(tr(SpinnerText::answer), static_cast<unsigned long long>(o->number),
                                    static_cast<unsigned long long>(outcome->answer)).c_str());
        } else if (running && s.since_last_frame_s() > spinner::kFreezeGapS) {
            ImGui::TextColored(kRed, tr(SpinnerText::frozen_now), s.since_last_frame_s());
        } else if (!running && demo_.ran(form)) {   // it could not start: core says why
            if (const auto j = demo_.form_json(form); j.contains("error"))
                ImGui::TextColored(kRed, "%s", j["error"].get<std::string>().c_str());
        }
        if (asked_ && *asked_ == form) ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.4f, 1.0f), "%s", tr(SpinnerText::asked));
        ImGui::PopTextWrapPos();
    }

    spinner::SpinnerDemo demo_;
    spinner::SpinnerOptions options_;
    std::optional<Form> asked_;
    std::optional<std::vector<Form>> pending_;
    bool report_ = false;
    bool was_running_ = false;
    std::uint64_t drawn_frames_ = 0;
    options::FieldErrors field_errors_;
    std::array<float, 4> seconds_field_{};   // x, y, w, h of the seconds slider last drawn (a browser test types in it)
};

}  // namespace

std::unique_ptr<DemoPanel> make_spinner_panel() { return std::make_unique<SpinnerPanel>(); }

}  // namespace conclab::ui
