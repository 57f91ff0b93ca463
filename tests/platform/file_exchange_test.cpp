// The native file exchange (file_exchange.h): an exported file lands where its returned path says, holding
// exactly the bytes given; reading a path back, and the reasons when it can't.
#include "platform/file_exchange.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

using namespace conclab;

TEST(FileExchange, ExportWritesTheBytesAndReadBackReturnsThem) {
    const auto folder = std::filesystem::path(testing::TempDir()) / ("conclab-export-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(folder);
    const std::string contents = "{\"startup\": {}}\n\xc2\xb5s, a NUL: " + std::string(1, '\0') + ".";
    const std::string path = platform::export_file("lab.json", "application/json", contents);
    std::filesystem::current_path(previous);
    EXPECT_EQ(std::filesystem::path(path), folder / "lab.json");
    EXPECT_EQ(platform::read_text_file(path), contents);
    EXPECT_FALSE(platform::has_file_picker());
    EXPECT_FALSE(platform::take_picked_file());
    std::filesystem::remove_all(folder);
}

TEST(FileExchange, BadNamesAndPathsSayWhy) {
    auto reason = [](auto&& call) {
        try {
            call();
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(reason([] { platform::export_file("../x.json", "application/json", "{}"); }).find("bad file name"), std::string::npos);
    EXPECT_NE(reason([] { platform::read_text_file("/nonexistent/lab.json"); }).find("cannot open /nonexistent/lab.json"),
              std::string::npos);
    EXPECT_NE(reason([] { platform::read_text_file("/"); }).find("is a folder"), std::string::npos);
    EXPECT_NE(reason([] { platform::read_text_file(""); }).find("no path"), std::string::npos);
}
