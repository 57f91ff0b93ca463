// The System panel's words (machine facts, spinning workers, drawing and renderer), in English and Portuguese.
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class SystemText {
    title, intro, logical_cpus, cross_origin_isolated, yes, no, build, processes, threads,
    this_program_threads, unknown, frame_time, fps, spin_title, spin_intro, spin_workers, start, stop, worker,
    iterations, rate, spin_note_free_core, starting, counts_web_note, counts_proc_note, counts_no_proc_note,
    drawing_on_demand, drawing_always, drawing_animating, renderer, renderer_gpu_note, renderer_software_note, physical_cores, physical_unknown_web, hyperthreading_note, talk_counts, count_,
};

/// @brief The text in the current language.
const char* tr(SystemText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(SystemText key, Language language);

}  // namespace conclab::ui
