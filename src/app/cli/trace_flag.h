// `--trace FILE` on every demo's command: the run's timeline as a Chrome JSON trace (core/trace). The file is opened
// before the run starts, so a path that can't be written is bad input (exit 2) and costs no run.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <string>

namespace conclab::cli {

/// @brief Adds `--trace FILE` to `sub`, storing the path into `path`.
void add_trace_flag(CLI::App& sub, std::string& path);

class TraceFile {
public:
    /// @brief Opens `path` for writing (nothing when empty). Throws UsageError naming the path and why.
    explicit TraceFile(const std::string& path);
    bool wanted() const { return static_cast<bool>(out_); }
    /// @brief Writes the trace; throws std::runtime_error when the write fails (a full disk).
    void write(const nlohmann::json& trace);

private:
    std::string path_;
    std::unique_ptr<std::ofstream> out_;
};

}  // namespace conclab::cli
