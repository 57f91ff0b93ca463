// The UI's list of panels in menu order (demo_panel.h), and helpers every panel shares: a resizable text field, a
// field's error.
#include "ui/demo_panel.h"

#include "ui/responsive.h"
#include "ui/text/text_errors.h"

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
        const std::string text = error_text(it->second);
        // Beside the field while a few words fit there, else below it (a field as wide as a phone's panel).
        same_line_if_fits(std::min(ImGui::CalcTextSize(text.c_str()).x, ImGui::GetFontSize() * 10));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", text.c_str());
        ImGui::PopTextWrapPos();
    }
}

void put_field_errors(nlohmann::json& state, const options::FieldErrors& errors) {
    if (errors.empty()) return;
    nlohmann::json english = nlohmann::json::object(), shown = nlohmann::json::object();
    for (const auto& [name, error] : errors) {
        english[name] = options::english(error);
        shown[name] = {{"kind", options::to_string(error.kind)}, {"args", error.args}, {"text", error_text(error)}};
    }
    state["errors"] = std::move(english);
    state["errors_shown"] = std::move(shown);
}

}  // namespace conclab::ui
