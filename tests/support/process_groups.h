// Processes as /proc lists them, for the tests that count what a cancelled or killed run left in a process group
// (the interpreter and its children): pid, parent, group and state, read through proc_file.h.
#pragma once

#include "proc_file.h"

#include <dirent.h>
#include <sys/types.h>

#include <sstream>
#include <string>
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

}  // namespace conclab::test
