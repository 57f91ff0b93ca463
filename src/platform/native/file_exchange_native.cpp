// Native side of file_exchange.h: plain files.
#include "platform/file_exchange.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace conclab::platform {

std::string export_file(const std::string& name, const std::string& /*mime*/, const std::string& contents) {
    if (name.empty() || name.find('/') != std::string::npos) throw std::runtime_error("bad file name '" + name + "'");
    std::filesystem::path folder = std::filesystem::current_path();
    if (access(folder.c_str(), W_OK) != 0) folder = std::filesystem::temp_directory_path();
    const std::filesystem::path path = folder / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
    return path.string();
}

bool has_file_picker() { return false; }

void open_file_picker(const std::string& /*accept*/) {}

std::optional<PickedFile> take_picked_file() { return std::nullopt; }

std::string read_text_file(const std::string& path) {
    if (path.empty()) throw std::runtime_error("no path given");
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw std::runtime_error(path + " is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace conclab::platform
