// `conclab wikipics` as a user runs it: exit statuses, error lines, the flags2 text and the JSON, against a
// stand-in for Commons served here (API + JPEGs, one image missing).
#include "cli_run.h"

#include "within.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace {

using Outcome = conclab::test::CliOutcome;
using conclab::test::free_port;
Outcome run(const std::string& arguments) { return conclab::test::run_conclab(arguments); }


std::string make_jpeg(int w, int h) {
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * h * 3, 128);
    std::string out;
    stbi_write_jpg_to_func([](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    }, &out, w, h, 3, rgb.data(), 80);
    return out;
}

// Six JPEGs listed at 50_000 bytes; /img/3.jpg answers 404.
class FakeCommons {
public:
    FakeCommons() : port_(free_port()), jpeg_(make_jpeg(320, 200)) {
        server_.Get("/w/api.php", [this](const httplib::Request&, httplib::Response& res) {
            nlohmann::json list = nlohmann::json::array();
            for (int i = 0; i < 6; ++i)
                list.push_back({{"name", "Img_" + std::to_string(i) + ".jpg"}, {"size", 50'000}, {"mime", "image/jpeg"},
                                {"url", base() + "/img/" + std::to_string(i) + ".jpg"}, {"ns", 6},
                                {"title", "File:Img " + std::to_string(i) + ".jpg"}});
            res.set_content(nlohmann::json{{"batchcomplete", ""}, {"query", {{"allimages", list}}}}.dump(), "application/json");
        });
        server_.Get(R"(/img/(\d+)\.jpg)", [this](const httplib::Request& req, httplib::Response& res) {
            if (req.matches[1] == "3") {
                res.status = 404;
                res.set_content("not found", "text/plain");
            } else {
                res.set_content(jpeg_, "image/jpeg");
            }
        });
        thread_ = std::thread([this] { server_.listen("127.0.0.1", port_); });
        conclab::test::spin_until([&] { return server_.is_running(); }, "the test HTTP server to listen");
    }
    ~FakeCommons() {
        server_.stop();
        thread_.join();
    }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string api() const { return base() + "/w/api.php"; }
    std::size_t jpeg_size() const { return jpeg_.size(); }

private:
    int port_;
    std::string jpeg_;
    httplib::Server server_;
    std::thread thread_;
};

void expect_usage_error(const std::string& arguments, const std::string& must_name) {
    const Outcome o = run("wikipics " + arguments);
    EXPECT_EQ(o.status, 2) << arguments;
    EXPECT_EQ(o.err.rfind("error: ", 0), 0u) << arguments << " → " << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    EXPECT_NE(o.err.find(must_name), std::string::npos) << arguments << " → " << o.err;
    EXPECT_TRUE(o.out.empty()) << o.out;
}

}  // namespace

TEST(WikipicsCli, BadOptionsAreUsageErrors) {
    expect_usage_error("--count 0", "--count 0 is out of range: use 1 to 1000");
    expect_usage_error("--count 1001", "--count");
    expect_usage_error("--size -1", "--size");
    expect_usage_error("--size 2MB", "--size '2MB' is not a whole number");
    expect_usage_error("--workers 0", "--workers");
    expect_usage_error("--max-req 101", "--max-req");
    expect_usage_error("--timeout 0", "--timeout");
    expect_usage_error("--executor processes", "sequential|threads|async");
    expect_usage_error("--server example.org", "--server 'example.org' is not 'live'");
    expect_usage_error("--bogus 1", "bogus");
}

TEST(WikipicsCli, NothingSampledIsExitStatusOne) {
    const Outcome o = run("wikipics --server http://127.0.0.1:" + std::to_string(free_port()) + "/w/api.php --timeout 5");
    EXPECT_EQ(o.status, 1);
    EXPECT_NE(o.err.find("conclab wikipics: no JPEGs sampled from 127.0.0.1"), std::string::npos) << o.err;
}

TEST(WikipicsCli, JsonReportWithAFailedImageStillExitsZero) {
    FakeCommons commons;
    for (const char* executor : {"sequential", "threads"}) {
        const Outcome o = run("wikipics --json --count 6 --size 50000 --seed 3 --executor " + std::string(executor) +
                              " --server " + commons.api());
        ASSERT_EQ(o.status, 0) << executor << ": " << o.err;
        const auto doc = nlohmann::json::parse(o.out);
        EXPECT_EQ(doc["demo"], "wikipics");
        EXPECT_EQ(doc["executor"], executor);
        ASSERT_EQ(doc["images"].size(), 6u);
        int failed = 0;
        for (const auto& image : doc["images"]) {
            if (image["error"].is_null()) {
                EXPECT_EQ(image["bytes"], commons.jpeg_size());
                EXPECT_EQ(image["status"], 200);
            } else {
                ++failed;
                EXPECT_EQ(image["error"], "http_status");
                EXPECT_EQ(image["status"], 404);
                EXPECT_NE(image["url"].get<std::string>().find("/img/3.jpg"), std::string::npos);
            }
            EXPECT_GE(image["decode_s"].get<double>(), 0.0);
        }
        EXPECT_EQ(failed, 1);
        EXPECT_EQ(doc["total_bytes"], commons.jpeg_size() * 5);
        EXPECT_TRUE(doc["cpu"].contains("user_s"));
    }
}

TEST(WikipicsCli, TextReportLikeFlags2) {
    FakeCommons commons;
    const Outcome o = run("wikipics --count 6 --size 50000 --server " + commons.api());
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.out.find("( 1) "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("( 6) "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find(" bytes | Img_"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("http_status (HTTP 404) | Img_3.jpg"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("5 downloaded"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("errors: http_status 1"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("TOTAL BYTES: "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("CPU times: user "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("Wall time: "), std::string::npos) << o.out;
    EXPECT_TRUE(o.err.empty()) << o.err;   // no progress bar: stderr is not a terminal here
}
