// Native only: the body of `conclab worker`, one process of a ProcessPool. It reads length-prefixed
// task messages on stdin and writes results on stdout until stdin closes.
#pragma once

namespace conclab::platform {

/// @brief Serves tasks on stdin/stdout; returns the process exit status.
int run_worker_loop();

}  // namespace conclab::platform
