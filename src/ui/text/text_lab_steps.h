// The lab's step names (core/lab/lab_steps.h StepName) and suite names in the progress bar, in English and
// Portuguese: core hands over the step as data; English comes from core's english() (the CLI's and state's "step").
#pragma once

#include "ui/text/language.h"

#include "core/lab/lab_steps.h"

#include <string>

namespace conclab::ui {

/// @brief The step's name in `language`: "threads: create + join" / "threads: criar + join".
std::string step_words(const lab::StepName& step, Language language);
/// @brief A suite's name in the progress bar: its id in English ("latency"), a word in Portuguese ("latência").
const char* suite_words(lab::Suite suite, Language language);

}  // namespace conclab::ui
