// The machine a trace was taken on, from the platform's facts (core/trace's Machine): the CLI and the app both use it.
#pragma once

#include "platform/platform.h"
#include "core/trace/trace.h"

namespace conclab::platform {

inline trace::Machine trace_machine() {
    const BuildInfo build = build_info();
    return {build.kind, build.compiler, build.build_type, build.version, logical_cpus(), capabilities().process_kind};
}

}  // namespace conclab::platform
