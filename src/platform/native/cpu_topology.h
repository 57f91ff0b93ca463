// Physical cores from a sysfs-like CPU directory (platform.h's physical_cores() reads /sys/devices/system/cpu): apart
// so that a test can hand it the talk's laptop, 4 "CPUs" on 2 cores.
#pragma once

#include <optional>
#include <string>

namespace conclab::platform {

/// @brief Distinct (physical_package_id, core_id) pairs of the online cpuN entries under `cpu_dir`; nullopt when the
/// directory or a CPU's topology is missing.
std::optional<int> physical_cores_in(const std::string& cpu_dir);

}  // namespace conclab::platform
