// Drag-to-scroll for fingers: Dear ImGui 1.86 scrolls only with a wheel or its scrollbars, and a phone has neither.
#pragma once

namespace conclab::ui {

/// @brief Call once per frame before any window begins. While the pointer is a finger (platform::pointer_is_touch),
/// a drag that starts on no widget scrolls the innermost scrollable window under it — a table, then the panel
/// once the table has reached its end. A drag that starts on a widget (a slider, a button) stays the widget's.
void apply_touch_scroll();

}  // namespace conclab::ui
