// The seam for the lab's measurements: the platform's Probes (native: threads, posix_spawn, pipes, /proc,
// fsync, loopback TCP; web: pthreads, isolated Web Workers, postMessage, a same-origin fetch, and a sentence
// for what a page can't measure). The lab in core runs them; the CLI and the GUI make them here.
#pragma once

#include "core/lab/live_system.h"
#include "core/lab/probes.h"

#include <memory>

namespace conclab::platform {

/// @brief This platform's probes for a lab::LabRun. Native: processes start `conclab noop` (/bin/true where no
/// conclab executable answers to it) and idle `conclab worker` processes (memory; /bin/cat where none is known).
/// Web: call them from a pthread, never the browser main thread (LabRun does).
std::unique_ptr<lab::Probes> make_lab_probes();

/// @brief The system suite refreshed live for the lab panel: natively /proc walked on a thread of its own; on the
/// web what the browser says (CPUs, device memory, the page's own Web Workers), read on the caller's thread.
std::unique_ptr<lab::LiveSystem> make_live_system();

}  // namespace conclab::platform
