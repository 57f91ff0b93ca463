// A trace a CLI test asked `conclab … --trace FILE` for: a fresh path in the test's temporary folder, read back and
// checked (trace_check.h).
#pragma once

#include "trace_check.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

namespace conclab::test {

class TraceFilePath {
public:
    explicit TraceFilePath(const std::string& tag)
        : path_(testing::TempDir() + "conclab_trace_" + tag + "_" + std::to_string(getpid()) + ".json") {
        std::remove(path_.c_str());
    }
    ~TraceFilePath() { std::remove(path_.c_str()); }
    const std::string& path() const { return path_; }
    /// @brief The trace written there, parsed (a null document when none is).
    nlohmann::json read() const {
        std::ifstream in(path_);
        if (!in) return nullptr;
        return nlohmann::json::parse(in, nullptr, false);
    }

private:
    std::string path_;
};

}  // namespace conclab::test
