// `--trace FILE` (trace_flag.h).
#include "app/cli/trace_flag.h"

#include "core/base/options.h"
#include "app/cli/command.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace conclab::cli {

void add_trace_flag(CLI::App& sub, std::string& path) {
    sub.add_option("--trace", path,
                   "Write the run's timeline to FILE as a Chrome JSON trace (open it in ui.perfetto.dev or chrome://tracing)")
        ->type_name("FILE");
}

TraceFile::TraceFile(const std::string& path) : path_(path) {
    if (path.empty()) return;
    errno = 0;
    out_ = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*out_) {
        const std::string why = errno ? std::strerror(errno) : "cannot open it";
        throw UsageError("--trace " + options::echo(path) + ": cannot write that file (" + why + ")");
    }
}

void TraceFile::write(const nlohmann::json& trace) {
    if (!out_) return;
    *out_ << trace.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    out_->flush();
    if (!*out_) throw std::runtime_error("could not write the trace to " + path_);
}

}  // namespace conclab::cli
