// The lab panel's own words, in English and Portuguese (core's sentences are in text_lab_words).
#pragma once

#include "ui/text/language.h"

namespace conclab::ui {

enum class LabText {
    menu, title, intro, suite, all_suites, quick, run_all, run_suite, cancelling, not_run_yet,
    running_on_worker, finished, cancelled, summary, measure, threads, processes, processes_web, coroutines,
    how, click_hint, samples, spread,
    speedup_chart, ideal, gil_model, workers_axis, ladder_chart, talk, here, memory_chart, resident, reserved,
    pss, wasm, export_json, export_csv, saved, nothing_to_export, compare, path, load, pick_file, loaded,
    remove, details, notes, suite_not_run, live_machine, live_page, live_refresh, live_page_cannot,
    columns_folded, runtime_cpp_and_python, cpython_native_only, count_,
};

/// @brief The text in the current language.
const char* tr(LabText key);
/// @brief The text in `language`, whatever the current one is.
const char* tr(LabText key, Language language);

}  // namespace conclab::ui
