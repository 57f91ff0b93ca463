// The processes on the machine as /proc lists them, and the process group of a script's interpreter that conclab
// started: for the tests that prove no interpreter nor worker outlives Ctrl+C or conclab's death.
#pragma once

#include "proc_file.h"
#include "wait_until.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace conclab::test {

struct ProcInfo {
    pid_t pid = 0, ppid = 0, pgrp = 0;
    char state = '?';
};

inline std::vector<ProcInfo> processes() {
    std::vector<ProcInfo> out;
    DIR* dir = opendir("/proc");
    while (dirent* entry = readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        const std::string text = read_proc_file(std::string("/proc/") + entry->d_name + "/stat");
        const auto close = text.rfind(')');
        if (close == std::string::npos) continue;
        ProcInfo p;
        p.pid = std::stoi(entry->d_name);
        std::istringstream fields(text.substr(close + 2));
        fields >> p.state >> p.ppid >> p.pgrp;
        out.push_back(p);
    }
    closedir(dir);
    return out;
}

/// @brief Living members of process group `group` (a zombie is dead, waiting only for its reaper).
inline int group_members(pid_t group) {
    int n = 0;
    for (const auto& p : processes()) n += p.pgrp == group && p.state != 'Z' ? 1 : 0;
    return n;
}

/// @brief A Python interpreter running `script` (not the probe, nor a launcher such as pyenv's shell shim before its
/// exec).
inline bool python_running(pid_t pid, const std::string& script) {
    const std::string text = read_proc_file("/proc/" + std::to_string(pid) + "/cmdline");
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", error).filename().string();
    return text.find(script) != std::string::npos && exe.rfind("python", 0) == 0;
}

/// @brief The interpreter conclab started: its child leading a process group of its own, where `members` Python
/// processes (the interpreter and its pool's workers, or its spinner process) run `script`; 0 if none yet.
inline pid_t script_group_of(pid_t conclab, int members, const std::string& script) {
    const auto all = processes();
    for (const auto& p : all) {
        if (p.ppid != conclab || p.pgrp != p.pid || p.state == 'Z') continue;
        int pythons = 0;
        for (const auto& q : all) pythons += q.pgrp == p.pid && q.state != 'Z' && python_running(q.pid, script) ? 1 : 0;
        if (pythons >= members) return p.pid;
    }
    return 0;
}

/// @brief Waits until conclab's interpreter group has `members` Python processes running `script`, sends `signal` to
/// conclab, reaps it (its exit status checked when expected_exit >= 0), and expects every member of the group gone:
/// no interpreter, pool worker or child outlives Ctrl+C or conclab's death.
inline void expect_group_gone_after(pid_t conclab, int members, const std::string& script, int signal, int expected_exit) {
    ASSERT_GT(conclab, 0);
    pid_t group = 0;
    ASSERT_TRUE(wait_until([&] { return (group = script_group_of(conclab, members, script)) != 0; }, std::chrono::seconds(60)))
        << "no interpreter with " << members << " process(es) running " << script << " under conclab " << conclab;
    kill(conclab, signal);
    int status = 0;
    ASSERT_EQ(waitpid(conclab, &status, 0), conclab);
    if (expected_exit >= 0) {
        ASSERT_TRUE(WIFEXITED(status)) << status;
        EXPECT_EQ(WEXITSTATUS(status), expected_exit);
    }
    EXPECT_TRUE(wait_until([&] { return group_members(group) == 0; }, std::chrono::seconds(60)))
        << group_members(group) << " member(s) of the interpreter's group " << group << " still alive";
}

}  // namespace conclab::test
