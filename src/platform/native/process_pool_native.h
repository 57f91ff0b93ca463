// Native only: where the process pool finds the executable it starts its workers from.
#pragma once

#include <string>

namespace conclab::platform {

/// @brief Sets the conclab executable that worker processes are started from, for programs that
/// are not conclab themselves (the test suites pass the path of the built `conclab`).
void set_worker_executable(std::string path);

/// @brief The executable a worker is started from, with the argument `worker`: this program itself
/// (/proc/self/exe) when it is conclab; otherwise $CONCLAB_WORKER_EXE; otherwise the path given to
/// set_worker_executable(). Throws std::runtime_error when there is none.
std::string worker_executable();

}  // namespace conclab::platform
