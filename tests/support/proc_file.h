// Reading another process's /proc file in tests. The process may end between readdir and read: its file then
// answers ESRCH, and libstdc++'s filebuf throws from underflow ("error reading the file: No such process") through
// an istreambuf_iterator. A vanished process reads as empty text instead.
#pragma once

#include <array>
#include <cstdio>
#include <string>

namespace conclab::test {

inline std::string read_proc_file(const std::string& path) {
    std::string text;
    FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return text;
    std::array<char, 4096> buffer{};
    size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) text.append(buffer.data(), got);
    std::fclose(file);
    return text;
}

}  // namespace conclab::test
