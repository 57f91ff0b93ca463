// Declares `conclab spinner`, the spinner demo on the command line.
#pragma once

#include "app/cli/command.h"

namespace conclab::cli {

/// @brief `conclab spinner [--kind thread|process|coroutine] [--block] [--seconds S] [--number N]`: the classic
/// `\r| thinking!` spinner at ~10 frames a second while a slow call (a sleep, then lpf(N)) runs, then the
/// answer and how the spinner fared (frames, longest gap, frozen time) — Fluent Python's spinner_thread,
/// spinner_proc and spinner_async. With --block the coroutine's slow call blocks the loop: the spinner freezes.
Command add_spinner_command(CLI::App& app);

}  // namespace conclab::cli
