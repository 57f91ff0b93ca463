// Running the real `conclab` binary from a test: exit status, stdout, stderr; and the usage-error contract
// (exit 2, one line "error: …" naming the value). CONCLAB_EXE is defined by tests/CMakeLists.txt.
#pragma once

#include "free_port.h"
#include "within.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace conclab::test {

struct CliOutcome {
    int status = -1;
    std::string out;
    std::string err;
};

/// @brief Runs a shell command line (a conclab, renamed or under `env`), its stdout and stderr kept apart.
inline CliOutcome run_command(const std::string& command_line) {
    const std::string err_file = testing::TempDir() + "conclab_stderr_" + std::to_string(getpid());
    const std::string command = command_line + " 2>" + err_file;
    // A whole program run (lab --quick under a sanitizer on a busy machine takes a while): a longer deadline than a
    // single call's, still one that fails the test with the command's name instead of hanging until ctest's timeout.
    Armed deadline(kProgramDeadline, command_line);
    FILE* pipe = popen(command.c_str(), "r");
    CliOutcome o;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) o.out.append(buffer.data(), n);
    const int raw = pclose(pipe);
    o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream err(err_file);
    o.err.assign(std::istreambuf_iterator<char>(err), {});
    std::remove(err_file.c_str());
    return o;
}

/// @brief Runs `[launcher] conclab ARGUMENTS`; `launcher` is e.g. "timeout 20" for a server that should have
/// refused to start (stopped, not waited on).
inline CliOutcome run_conclab(const std::string& arguments, const std::string& launcher = "") {
    return run_command((launcher.empty() ? "" : launcher + " ") + CONCLAB_EXE + " " + arguments);
}

/// @brief Starts `conclab ARGS…` as a child process with its stdout sent to /dev/null (a server the test talks to
/// over HTTP); returns its pid. The caller kills and reaps it.
inline pid_t start_conclab(const std::vector<std::string>& args) {
    std::vector<std::string> argv_strings{CONCLAB_EXE};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (auto& a : argv_strings) argv.push_back(a.data());
        argv.push_back(nullptr);
        const int null_fd = open("/dev/null", O_WRONLY);
        dup2(null_fd, STDOUT_FILENO);
        execv(CONCLAB_EXE, argv.data());
        _exit(127);
    }
    return pid;
}

inline void expect_usage_error(const std::string& arguments, const std::string& must_name) {
    const CliOutcome o = run_conclab(arguments);
    EXPECT_EQ(o.status, 2) << arguments << " → " << o.out;
    EXPECT_EQ(o.err.rfind("error: ", 0), 0u) << arguments << " → " << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    EXPECT_NE(o.err.find(must_name), std::string::npos) << arguments << " → " << o.err;
    EXPECT_TRUE(o.out.empty()) << arguments << " → " << o.out;
}

}  // namespace conclab::test
