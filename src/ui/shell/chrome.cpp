// The app shell's chrome around the demo: the sidebar (wide) or top bar (narrow), the help window, the launch
// errors, Present / Copy link / Export picture, and the page's link kept in step with the view (shell.h).
#include "ui/shell/shell.h"

#include "ui/responsive.h"
#include "ui/text/text_errors.h"
#include "ui/text/text_shell.h"
#include "ui/text/text_welcome.h"
#include "ui/touch_scroll.h"

#include <imgui.h>
#include <imgui_internal.h>   // the demo window's ideal content width (overflow_px)

#include <algorithm>

namespace conclab::ui::shell {

std::string App::command() const {
    const auto& id = demo_registry()[current_].id;
    return command_line(id, language() == Language::pt ? "pt" : "en", present_, panels_[current_]->link_params(),
                        defaults_[current_]);
}

// The page's address names this view: the demo, the language, present and the options that differ from the
// panel's defaults. Never autorun: once it has fired, a reload should not run again.
void App::sync_link() {
    const auto& id = demo_registry()[current_].id;
    std::string link = view_query(id, language() == Language::pt ? "pt" : "en", present_,
                                  panels_[current_]->link_params(), defaults_[current_]);
    if (keep_launch_link_) {
        // The user's bad link stays visible (what they typed, beside its errors) until they change the view, reset
        // it (R) or a run clears the panel's errors: writing the defaults over it would hide what was wrong.
        if (launch_view_.empty()) launch_view_ = link;
        const bool errors_shown = !errors_taken_ || panels_[current_]->state().contains("errors");
        if (link == launch_view_ && errors_shown && !launch_errors_.empty()) return;
        keep_launch_link_ = false;
    }
    if (link == link_ && frames_ > 0) return;
    link_ = std::move(link);
    platform::set_page_query(link_);
}

void App::copy_link() {
    sync_link();
    const std::string address = platform::page_address();
    copied_ = platform::copy_to_clipboard(address.empty() ? command() : address);
    copied_frame_ = frames_;
}

std::string App::label_of(const std::string& name) const {
    if (const char* label = panels_[current_]->field_label(name)) return label;
    for (const auto& panel : panels_)
        if (const char* label = panel->field_label(name)) return label;
    return name;
}

void App::draw() {
    base_style();
    apply_scale();
    handle_keys();
    apply_touch_scroll();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);   // the clear paints it

    g_narrow = viewport->WorkSize.x / font_scale_ < kNarrowWidth;   // a 1024-wide projector at ×1.5 is narrow
    // Presenting, the demo list is one line above the picture (the keys still switch demos); else a sidebar, or a
    // top bar on a narrow window.
    chrome_ = present_ ? Chrome::line : g_narrow ? Chrome::top_bar : Chrome::sidebar;
    if (chrome_ == Chrome::line) {
        draw_present_bar();
    } else if (chrome_ == Chrome::top_bar) {
        draw_top_bar();
    } else {
        draw_sidebar();
        ImGui::SameLine();
    }
    ImGui::BeginChild("##demo", ImVec2(0, 0), false);
    demo_area_ = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x, ImGui::GetWindowSize().y};
    g_controls_collapsed = false;
    g_picture = {0, 0};
    draw_launch_errors();
    panels_[current_]->draw();
    panel_scroll_ = {ImGui::GetScrollY(), ImGui::GetScrollMaxY()};
    // How far the demo's widest line or table (at the width its columns' contents ask) runs past the panel's
    // right edge: there it is clipped, as the panel has no horizontal scrollbar. 0: nothing is cut.
    const ImGuiWindow* demo = ImGui::GetCurrentWindow();
    overflow_px_ = std::max(0.0f, std::max(demo->DC.CursorMaxPos.x, demo->DC.IdealMaxPos.x) - demo->WorkRect.Max.x);
    ImGui::EndChild();
    ImGui::End();
    if (help_) draw_help();
    sync_link();
}

// Every option of the link that could not be used, named by its field's label; a panel that shows them beside
// its fields gets only the headline here.
void App::draw_launch_errors() {
    if (launch_errors_.empty()) return;
    const ImVec4 red(1.0f, 0.45f, 0.4f, 1.0f);
    ImGui::PushTextWrapPos(0.0f);
    if (errors_taken_) {
        std::string labels;
        for (const auto& [name, message] : launch_errors_) {   // piece by piece: g++ 12 warns (-Wrestrict) on "x" + string
            if (!labels.empty()) labels += ", ";
            labels += label_of(name);
        }
        ImGui::TextColored(red, "%s %s", tr(WelcomeText::errors_title), labels.c_str());
    } else {
        ImGui::TextColored(red, "%s", tr(WelcomeText::errors_title));
        for (const auto& [name, message] : launch_errors_)
            ImGui::TextColored(red, "• %s: %s", label_of(name).c_str(), error_text(message).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
}

void App::draw_help() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(viewport->WorkSize.x * 0.92f, ImGui::GetFontSize() * 34.0f), 0));
    ImGui::Begin(tr(WelcomeText::help_title), nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoResize);
    ImGui::PushTextWrapPos(0.0f);
    for (const auto key : {WelcomeText::key_space, WelcomeText::key_r, WelcomeText::key_arrows, WelcomeText::key_digits,
                           WelcomeText::key_p, WelcomeText::key_l, WelcomeText::key_e, WelcomeText::key_h})
        bullet_wrapped(tr(key));
    ImGui::TextDisabled("%s", tr(WelcomeText::key_escape));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(WelcomeText::help_close))) help_ = false;
    ImGui::End();
}

// Present and Copy link, and what was copied; `beside`: on the line of the item before while they fit.
void App::draw_view_buttons(bool small, bool beside) {
    const char* present = tr(present_ ? WelcomeText::leave_present : WelcomeText::present);
    const bool web = platform::build_info().kind == "web";
    const char* copy = tr(web ? WelcomeText::copy_link : WelcomeText::copy_command);
    if (beside) same_line_if_fits(button_width(present));
    if (small ? ImGui::SmallButton(present) : ImGui::Button(present)) toggle_present();
    same_line_if_fits(button_width(copy));
    if (small ? ImGui::SmallButton(copy) : ImGui::Button(copy)) copy_link();
    copy_button_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
    if (!web && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", command().c_str());
    if (frames_ - copied_frame_ < 120 && copied_frame_ >= 0) {
        same_line_if_fits(ImGui::CalcTextSize(tr(WelcomeText::copied)).x);
        ImGui::TextDisabled("%s", copied_ ? tr(WelcomeText::copied) : "✗");
    }
    const char* picture = tr(WelcomeText::export_picture);
    same_line_if_fits(button_width(picture));
    if (small ? ImGui::SmallButton(picture) : ImGui::Button(picture)) export_picture();
    picture_button_ = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
    if (!picture_file_.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s %s", tr(picture_saved_ ? WelcomeText::picture_saved : WelcomeText::picture_failed),
                            picture_file_.c_str());
        ImGui::PopTextWrapPos();
    }
}

// The window as drawn at the next frame (this button's own frame included), as a PNG: a download on the web,
// a timestamped file in the current folder natively, whose path is shown.
void App::export_picture() {
    platform::export_picture([this](const std::string& file, bool ok) {
        picture_file_ = file;
        picture_saved_ = ok;
        ++pictures_;
        dirty_ = true;
    });
}

// The language as two small buttons, the current one lit.
void App::draw_language_buttons() {
    for (const auto& [code, lang] : {std::pair{"EN", Language::en}, std::pair{"PT", Language::pt}}) {
        ImGui::SameLine();
        const bool active = language() == lang;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::SmallButton(code)) set_language(lang);
        if (active) ImGui::PopStyleColor();
    }
}

// Presenting: the sidebar folded into one line (the demo menu as wide as its longest title, the language, the view's
// buttons, the keys' hint), so the lesson's picture has the whole width of the screen.
void App::draw_present_bar() {
    float widest = 0;
    for (const auto& panel : panels_) widest = std::max(widest, ImGui::CalcTextSize(panel->title()).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetNextItemWidth(std::min(widest + style.FramePadding.x * 2 + ImGui::GetFrameHeight(), ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##demo_menu", panels_[current_]->title())) {
        for (std::size_t i = 0; i < panels_.size(); ++i)
            if (ImGui::Selectable(panels_[i]->title(), i == current_)) show(i);
        ImGui::EndCombo();
    }
    draw_language_buttons();
    draw_view_buttons(true, true);
    const char* keys = tr(WelcomeText::key_h);
    if (same_line_if_fits(ImGui::CalcTextSize(keys).x)) ImGui::TextDisabled("%s", keys);
    ImGui::Separator();
}

// The sidebar's choices on one line, for narrow windows: the demo menu, the language.
void App::draw_top_bar() {
    // No room for the app's title on a phone: the demo's own title follows right below.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float language_w = ImGui::CalcTextSize("EN").x + ImGui::CalcTextSize("PT").x + style.FramePadding.x * 4 +
                             style.ItemSpacing.x * 2 + 2.0f;
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - language_w));
    if (ImGui::BeginCombo("##demo_menu", panels_[current_]->title())) {
        for (std::size_t i = 0; i < panels_.size(); ++i)
            if (ImGui::Selectable(panels_[i]->title(), i == current_)) show(i);
        ImGui::EndCombo();
    }
    draw_language_buttons();
    draw_view_buttons(true, false);
    ImGui::Separator();
}

void App::draw_sidebar() {
    ImGui::BeginChild("##sidebar", ImVec2(230.0f * font_scale_, 0), true);
    ImGui::TextUnformatted(tr(ShellText::app_title));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr(ShellText::about_line));
    ImGui::PopStyleColor();
    ImGui::Separator();
    ImGui::TextUnformatted(tr(ShellText::demos));
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        if (ImGui::Selectable(panels_[i]->title(), i == current_)) show(i);
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr(ShellText::language));
    if (ImGui::RadioButton("English", language() == Language::en)) set_language(Language::en);
    same_line_if_fits(choice_width("Português"));
    if (ImGui::RadioButton("Português", language() == Language::pt)) set_language(Language::pt);
    ImGui::Separator();
    draw_view_buttons(false, false);
    if (platform::build_info().kind != "web") {   // the desktop's link: the same view from a terminal
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(WelcomeText::command_line));
        ImGui::TextUnformatted(command().c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    text_disabled_wrapped(tr(WelcomeText::key_h));
    ImGui::EndChild();
}

}  // namespace conclab::ui::shell
