// Text from the outside world that is not UTF-8, or that carries terminal controls, through the real `conclab`:
// server bodies, headers, titles and API errors, a --server value, /proc process names. `--json` still prints
// one valid document; text output shows controls instead of obeying them; a non-UTF-8 option is a usage error.
#include "cli_run.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <stb/stb_image_write.h>   // the implementation is in wikipics_cli_test.cpp

#include <pthread.h>
#include <sys/prctl.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using conclab::test::CliOutcome;
using conclab::test::free_port;
CliOutcome run(const std::string& arguments) { return conclab::test::run_conclab(arguments); }

bool valid_utf8(const std::string& text) {
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

bool has_terminal_controls(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;   // C1
    }
    return false;
}

// One stand-in for a hostile Commons: /notjson answers accented HTML cut inside a character; /apierror a MediaWiki
// error whose code and info carry terminal controls; /w/api.php lists three JPEGs whose titles carry controls,
// one of which redirects to a Location that is not UTF-8.
class HostileCommons {
public:
    HostileCommons() : port_(free_port()) {
        std::vector<unsigned char> rgb(32 * 24 * 3, 90);
        stbi_write_jpg_to_func([](void* context, void* data, int size) {
            static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
        }, &jpeg_, 32, 24, 3, rgb.data(), 80);
        server_.Get("/notjson/w/api.php", [](const httplib::Request&, httplib::Response& res) {
            std::string body = "<html>!";   // 7 bytes: byte 60 falls inside an é
            while (body.size() < 100) body += "\xC3\xA9";   // é: byte 60 is inside one
            body += "\xE9\xFF";
            res.set_content(body, "text/html");
        });
        server_.Get("/apierror/w/api.php", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(R"({"error":{"code":"\u001b[2J","info":"\u001b]0;pwned\u0007 caf\u00e9 \u009b31m"}})", "application/json");
        });
        server_.Get("/w/api.php", [this](const httplib::Request&, httplib::Response& res) {
            nlohmann::json list = nlohmann::json::array();
            for (int i = 0; i < 3; ++i)
                list.push_back({{"name", "Img_" + std::to_string(i) + "\x1b]0;pwned\x07\x1b[2J.jpg"}, {"size", 50'000},
                                {"mime", "image/jpeg"}, {"url", base() + "/img/" + std::to_string(i) + ".jpg"}});
            res.set_content(nlohmann::json{{"batchcomplete", ""}, {"query", {{"allimages", list}}}}.dump(), "application/json");
        });
        server_.Get(R"(/img/(\d+)\.jpg)", [this](const httplib::Request& req, httplib::Response& res) {
            if (req.matches[1] == "1") {
                res.status = 302;
                res.set_header("Location", "http://caf\xE9\xFF.invalid/x.jpg");   // a header that is not UTF-8
            } else {
                res.set_content(jpeg_, "image/jpeg");
            }
        });
        thread_ = std::thread([this] { server_.listen("127.0.0.1", port_); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~HostileCommons() {
        server_.stop();
        thread_.join();
    }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    int port_;
    std::string jpeg_;
    httplib::Server server_;
    std::thread thread_;
};

// Idle threads with small stacks: enough that this process is among the lab's "top processes by thread count".
class IdleThreads {
public:
    explicit IdleThreads(int count) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, 64 * 1024);
        for (int i = 0; i < count; ++i) {
            pthread_t t;
            if (pthread_create(&t, &attr, &IdleThreads::wait, this) == 0) threads_.push_back(t);
        }
        pthread_attr_destroy(&attr);
    }
    ~IdleThreads() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        cv_.notify_all();
        for (auto t : threads_) pthread_join(t, nullptr);
    }
    std::size_t size() const { return threads_.size(); }

private:
    static void* wait(void* self_pointer) {
        auto* self = static_cast<IdleThreads*>(self_pointer);
        std::unique_lock lock(self->mutex_);
        self->cv_.wait(lock, [self] { return self->done_; });
        return nullptr;
    }
    std::mutex mutex_;
    std::condition_variable cv_;
    bool done_ = false;
    std::vector<pthread_t> threads_;
};

}  // namespace

TEST(HostileText, EveryOutsideStringSourceKeepsJsonValidAndTheTerminalInert) {
    HostileCommons commons;

    // A server body that is not JSON, cut by the client's message inside a character.
    const CliOutcome notjson = run("wikipics --json --timeout 10 --server " + commons.base() + "/notjson/w/api.php");
    EXPECT_EQ(notjson.status, 1) << notjson.err;
    ASSERT_FALSE(notjson.out.empty()) << notjson.err;
    const auto doc = nlohmann::json::parse(notjson.out);   // one document, parsed
    EXPECT_NE(doc["sample_error"].get<std::string>().find("is not JSON"), std::string::npos) << notjson.out;
    EXPECT_TRUE(valid_utf8(notjson.err)) << notjson.err;

    // An API error whose code and info carry terminal controls: stderr shows them escaped.
    const CliOutcome apierror = run("wikipics --timeout 10 --server " + commons.base() + "/apierror/w/api.php");
    EXPECT_EQ(apierror.status, 1);
    EXPECT_EQ(apierror.err.rfind("error: ", 0), 0u) << apierror.err;
    EXPECT_FALSE(has_terminal_controls(apierror.err)) << apierror.err;
    EXPECT_NE(apierror.err.find("\\x1b[2J"), std::string::npos) << apierror.err;

    // Titles with controls, a redirect to a Location that is not UTF-8: JSON valid, text inert.
    const std::string images = "wikipics --count 3 --size 50000 --executor sequential --timeout 10 --server " + commons.base() + "/w/api.php";
    const CliOutcome json = run(images + " --json");
    ASSERT_EQ(json.status, 0) << json.err;
    const auto report = nlohmann::json::parse(json.out);
    ASSERT_EQ(report["images"].size(), 3u);
    int failed = 0;
    for (const auto& image : report["images"])
        if (!image["error"].is_null()) ++failed;
    EXPECT_EQ(failed, 1) << json.out;   // the redirect to nowhere
    const CliOutcome text = run(images);
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_FALSE(has_terminal_controls(text.out)) << text.out;
    EXPECT_TRUE(valid_utf8(text.out)) << text.out;
    EXPECT_NE(text.out.find("Img_0\\x1b]0;pwned\\x07\\x1b[2J.jpg"), std::string::npos) << text.out;

    // An option value that is not UTF-8: a usage error, nothing on stdout.
    conclab::test::expect_usage_error("wikipics --json --server 'http://h\xE9st.example/w/api.php'",
                                      "--server: the value is not UTF-8 text");

    // A /proc process name cut by the kernel at 15 bytes inside a character: this very process, with many threads so
    // that it is in the lab's top ten.
    char old_name[16] = {};
    prctl(PR_GET_NAME, old_name);
    IdleThreads idle(400);
    ASSERT_GT(idle.size(), 300u);
    prctl(PR_SET_NAME, "sleeps\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");   // 16 bytes: the kernel keeps 15
    const CliOutcome lab = run("lab --suite system --json");
    prctl(PR_SET_NAME, old_name);
    ASSERT_EQ(lab.status, 0) << lab.err;
    const auto labdoc = nlohmann::json::parse(lab.out);
    EXPECT_NE(lab.out.find("sleeps\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xEF\xBF\xBD"), std::string::npos) << lab.out;   // é×4 then U+FFFD
}
