// The lab's measure names in Portuguese, by id (core's english_name() is their English: one source). Placeholders:
// {size} (64 B, 1 MiB), {pair} (the IPC pair), {workers} (1 worker, 2 workers), {gil} (", modelo da GIL").
#pragma once

#include "core/lab/measure_id.h"

namespace conclab::ui {

/// @brief The Portuguese template of `id`'s name (nullptr for MeasureId::unknown).
const char* portuguese_template(lab::MeasureId id);
/// @brief An IPC pair in Portuguese ("atômicos / pipe").
const char* portuguese_pair(lab::IpcPair pair);

}  // namespace conclab::ui
