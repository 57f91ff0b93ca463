// What a clock says before its schedule has a simulated time (no ImGui: tested in ui_text_tests).
#pragma once

#include "core/exhibition/exhibition_options.h"
#include "ui/text/text_exhibition.h"

namespace conclab::ui {

/// @brief Before Start, "not started" for a schedule the mode includes; "not simulated (mode)" only for the one it
/// leaves out (before, both clocks said "not simulated (mode)" in mode both).
inline ExhibitionText clock_status(exhibition::Mode mode, bool sequential, bool started) {
    const bool in_mode = mode == exhibition::Mode::both || (mode == exhibition::Mode::sequential) == sequential;
    return in_mode && !started ? ExhibitionText::not_started : ExhibitionText::not_simulated;
}

}  // namespace conclab::ui
