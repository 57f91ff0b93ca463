// The seam for the lab's measurements: the platform's Probes (native: threads, posix_spawn, pipes,
// /proc, fsync, loopback TCP). The lab in core runs them; the CLI and the GUI make them here.
#pragma once

#include "lab/probes.h"

#include <memory>

namespace conclab::platform {

/// @brief This platform's probes for a lab::LabRun. Native: processes start /bin/true (start-up) and idle
/// `conclab worker` processes (memory; /bin/cat where no conclab executable is known).
std::unique_ptr<lab::Probes> make_lab_probes();

}  // namespace conclab::platform
