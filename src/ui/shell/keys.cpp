// The presenter's keys (Space, R, P, L, E, H/?, arrows, digits, Esc) and presentation mode: the fonts rasterised again
// at the window's scale, high contrast. Part of the app shell (shell.h).
#include "ui/shell/shell.h"

#include "ui/fonts.h"
#include "ui/text/text_shell.h"

#include <imgui.h>

#include <cmath>

namespace conclab::ui::shell {

// The presenter's keys. Characters, not key codes, for the letters: "?" is where the keyboard has it, and a
// Portuguese layout's keys give the same letters.
void App::handle_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;   // typing a number into a field: keys are text
    const std::size_t n = panels_.size();
    using platform::Key;
    if (platform::key_went_down(Key::right)) show((current_ + 1) % n);
    if (platform::key_went_down(Key::left)) show((current_ + n - 1) % n);
    if (platform::key_went_down(Key::escape)) help_ = false;
    if (platform::key_went_down(Key::f1)) toggle_help();
    for (const ImWchar c : io.InputQueueCharacters) {
        if (c >= '0' && c <= '9') {
            const auto order = welcome_order();
            if (c == '0') open("welcome");
            else if (static_cast<std::size_t>(c - '1') < order.size()) open(order[static_cast<std::size_t>(c - '1')]);
            continue;
        }
        switch (c) {
        case ' ': panels_[current_]->main_action(); dirty_ = true; break;
        case 'r': case 'R': reset_current(); break;
        case 'p': case 'P': toggle_present(); break;
        case 'l': case 'L': set_language(language() == Language::en ? Language::pt : Language::en); dirty_ = true; break;
        case 'h': case 'H': case '?': toggle_help(); break;
        case 'e': case 'E': export_picture(); break;
        default: break;
        }
    }
}

void App::toggle_help() {
    help_ = !help_;
    dirty_ = true;
}

void App::toggle_present() {
    present_ = !present_;
    platform::set_fullscreen(present_);   // from a key or a click: the browser allows it
    dirty_ = true;
}

// R: a new panel, as the app made it at start, without the link's options: the demo's defaults, no results.
// Not while it runs (a run belongs to its panel until it ends or is cancelled).
void App::reset_current() {
    if (panels_[current_]->redraw_need() != platform::Redraw::idle) return;
    panels_[current_] = demo_registry()[current_].make();
    launch_errors_.clear();
    launch_error_.clear();
    autorun_refused_ = false;
    dirty_ = true;
}

// Presentation mode's scale from the window's size; the fonts are rasterised again at the new size (between
// frames) and ImGui's sizes scaled with them. High contrast while presenting.
void App::apply_scale() {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float wanted = present_ ? presentation_scale(size.x, size.y) : 1.0f;
    if (std::fabs(wanted - font_scale_) < 0.01f && present_ == styled_present_) return;
    if (std::fabs(wanted - font_scale_) >= 0.01f)
        platform::rebuild_fonts([wanted] { load_fonts(kFontPixels * wanted); });
    font_scale_ = g_font_scale = wanted;
    styled_present_ = g_present = present_;
    ImGuiStyle& style = ImGui::GetStyle();
    style = base_style();
    if (present_) {
        ImVec4* c = style.Colors;
        c[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.82f, 0.84f, 0.88f, 1);
        c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_PopupBg] = ImVec4(0.05f, 0.05f, 0.06f, 1);
        c[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.85f, 0.9f);
        c[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.13f, 0.16f, 1);
        c[ImGuiCol_Button] = ImVec4(0.16f, 0.38f, 0.78f, 1);
        c[ImGuiCol_Header] = ImVec4(0.16f, 0.38f, 0.78f, 0.9f);
        style.FrameBorderSize = 1.0f;
    }
    style.ScaleAllSizes(font_scale_);
    dirty_ = true;   // the next frame, with the new fonts
}

const ImGuiStyle& App::base_style() {
    static const ImGuiStyle style = ImGui::GetStyle();   // as run_gui set it up, before any scaling
    return style;
}

}  // namespace conclab::ui::shell
