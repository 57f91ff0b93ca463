// One `conclab` subcommand per file in src/app/cli/: each adds itself to the CLI11 app and returns how to run
// it. main_cli.cpp lists them once; bad input anywhere is a UsageError (one line "error: …", exit status 2).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <stdexcept>

namespace conclab::cli {

inline constexpr int kUsageError = 2;

/// @brief Bad input: main prints "error: <what>" on one line and exits with kUsageError.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// @brief A subcommand added to the app, and what main calls when the user chose it.
struct Command {
    CLI::App* subcommand = nullptr;
    std::function<int()> run;
};

}  // namespace conclab::cli
