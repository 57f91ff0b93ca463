// Drag-to-scroll for fingers (touch_scroll.h): ImGui 1.86 scrolls only with a wheel or its scrollbars.
#include "ui/touch_scroll.h"

#include "platform/gui_backend.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace conclab::ui {
namespace {

ImGuiWindow* scroll_parent(ImGuiWindow* window) {
    return (window->Flags & ImGuiWindowFlags_ChildWindow) ? window->ParentWindow : nullptr;
}

}  // namespace

void apply_touch_scroll() {
    static ImGuiWindow* pressed_in = nullptr;   // ImGui keeps its windows alive from frame to frame
    static bool scrolling = false;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!platform::pointer_is_touch() || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        pressed_in = nullptr;
        scrolling = false;
        return;
    }
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        pressed_in = g.HoveredWindow;
        scrolling = false;
    }
    if (!pressed_in) return;
    float finger_dy = g.IO.MouseDelta.y;   // the content follows the finger
    if (!scrolling) {
        if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left)) return;
        // Past the drag threshold: mostly up or down is a scroll, even from a button or a slider (which lets go and
        // does not click); mostly sideways stays the widget's (a slider follows the finger).
        const ImVec2 moved = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
        if (std::fabs(moved.y) < 1.5f * std::fabs(moved.x)) {
            pressed_in = nullptr;
            return;
        }
        scrolling = true;
        if (g.ActiveId != 0) ImGui::ClearActiveID();
        finger_dy = moved.y;   // the content catches up with the finger
    }
    for (ImGuiWindow* w = pressed_in; w && finger_dy != 0.0f; w = scroll_parent(w)) {
        const float scroll = std::clamp(w->Scroll.y - finger_dy, 0.0f, w->ScrollMax.y);
        finger_dy -= w->Scroll.y - scroll;   // what this window could not take goes to its parent
        if (scroll != w->Scroll.y) ImGui::SetScrollY(w, scroll);
    }
}

}  // namespace conclab::ui
