// The UI's list of panels in menu order (demo_panel.h), and helpers every panel shares: a resizable text field, a
// field's error.
#include "demo_panel.h"

#include "responsive.h"

#include <imgui.h>

#include <algorithm>

namespace conclab::ui {

const std::vector<DemoEntry>& demo_registry() {
    static const std::vector<DemoEntry> demos{
        {"welcome", make_welcome_panel},   // not a demo: the cards that open the others (the default view)
        {"system", make_system_panel},
        {"primes", make_primes_panel},
        {"exhibition", make_exhibition_panel},
        {"spinner", make_spinner_panel},
        {"wikipics", make_wikipics_panel},
        {"lab", make_lab_panel},
    };
    return demos;
}

int resize_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

void draw_field_error(const options::FieldErrors& errors, const char* field) {
    if (auto it = errors.find(field); it != errors.end()) {
        // Beside the field while a few words fit there, else below it (a field as wide as a phone's panel).
        same_line_if_fits(std::min(ImGui::CalcTextSize(it->second.c_str()).x, ImGui::GetFontSize() * 10));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", it->second.c_str());
        ImGui::PopTextWrapPos();
    }
}

}  // namespace conclab::ui
