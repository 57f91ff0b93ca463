// The native HTTP client (libcurl) against a local httplib server: each failure mode becomes its own
// HttpError, blocking and started requests alike. Generous deadlines, no timing asserts.
#include "free_port.h"
#include "platform/platform.h"

#include "within.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

using namespace conclab;
using net::HttpError;
using net::HttpLimits;
using net::HttpResponse;

namespace {

int listening_socket(int& port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(fd, 8) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        ADD_FAILURE() << "no socket";
    port = ntohs(address.sin_port);
    return fd;
}

using conclab::test::free_port;

class TestServer {
public:
    TestServer() : port_(free_port()) {
        server_.Get("/ok", [](const httplib::Request&, httplib::Response& res) { res.set_content(std::string(5000, 'x'), "image/jpeg"); });
        server_.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
            res.status = 404;
            res.set_content("no such file", "text/plain");
        });
        server_.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
            res.status = 429;
            res.set_header("Retry-After", "7");
            res.set_content("slow down", "text/plain");
        });
        server_.Get("/busy-forever", [](const httplib::Request&, httplib::Response& res) {
            res.status = 429;
            res.set_header("Retry-After", "9223372036854775807");   // a hostile server's "forever"
            res.set_content("slow down", "text/plain");
        });
        server_.Get("/redirect", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/ok"); });
        server_.Get("/big", [](const httplib::Request&, httplib::Response& res) { res.set_content(std::string(200'000, 'b'), "image/jpeg"); });
        server_.Get("/truncated", [](const httplib::Request&, httplib::Response& res) {
            // Promises 10_000 bytes, sends 1_000, then the connection ends.
            res.set_content_provider(10'000, "image/jpeg", [](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                if (offset > 0) return false;
                sink.write(std::string(1000, 't').data(), 1000);
                return true;
            });
        });
        server_.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
            // Answers only once the test server is being destroyed: a request to it ends by cancellation, whatever
            // the machine's speed (the test cancels once the request has arrived here).
            std::unique_lock lock(slow_mutex_);
            ++slow_arrived_;
            slow_cv_.notify_all();
            slow_cv_.wait(lock, [this] { return slow_released_; });
            res.set_content("late", "text/plain");
        });
        server_.Get("/ua", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content(req.get_header_value("User-Agent"), "text/plain");
        });
        thread_ = std::thread([this] { server_.listen("127.0.0.1", port_); });
        conclab::test::spin_until([&] { return server_.is_running(); }, "the test HTTP server to listen");
    }
    ~TestServer() {
        {
            std::lock_guard lock(slow_mutex_);
            slow_released_ = true;
        }
        slow_cv_.notify_all();
        server_.stop();
        thread_.join();
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    /// @brief Waits (with a deadline that fails the test) until `n` requests to /slow have reached the server.
    void wait_slow_arrived(int n) {
        std::unique_lock lock(slow_mutex_);
        conclab::test::within([&] { slow_cv_.wait(lock, [&] { return slow_arrived_ >= n; }); }, "requests to reach /slow");
    }

private:
    std::mutex slow_mutex_;
    std::condition_variable slow_cv_;
    int slow_arrived_ = 0;
    bool slow_released_ = false;
    int port_;
    httplib::Server server_;
    std::thread thread_;
};

HttpLimits limits(double timeout_s = 30, std::size_t cap = 1'000'000) {
    HttpLimits l;
    l.timeout_s = timeout_s;
    l.max_body_bytes = cap;
    return l;
}

}  // namespace

TEST(HttpClientCurl, BlockingGetGivesEachFailureItsReason) {
    TestServer server;
    auto client = platform::make_http_client();

    const HttpResponse ok = client->get(server.url("/ok"), limits());
    EXPECT_TRUE(ok.ok()) << ok.error_detail;
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.bytes_received, 5000u);
    EXPECT_EQ(ok.body.size(), 5000u);
    EXPECT_LE(ok.first_byte_s, ok.elapsed_s);

    const HttpResponse missing = client->get(server.url("/missing"), limits());
    EXPECT_EQ(missing.error, HttpError::http_status);
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.error_detail, "HTTP 404");

    const HttpResponse busy = client->get(server.url("/busy"), limits());
    EXPECT_EQ(busy.error, HttpError::rate_limited);
    ASSERT_TRUE(busy.retry_after_s);
    EXPECT_EQ(*busy.retry_after_s, 7);

    const HttpResponse forever = client->get(server.url("/busy-forever"), limits());
    EXPECT_EQ(forever.error, HttpError::rate_limited);
    ASSERT_TRUE(forever.retry_after_s);
    EXPECT_EQ(*forever.retry_after_s, net::kMaxRetryAfterS);   // clamped, never a wrapped negative

    const HttpResponse redirected = client->get(server.url("/redirect"), limits());
    EXPECT_TRUE(redirected.ok()) << redirected.error_detail;
    EXPECT_EQ(redirected.bytes_received, 5000u);

    const HttpResponse big = client->get(server.url("/big"), limits(30, 10'000));
    EXPECT_EQ(big.error, HttpError::too_large);
    EXPECT_EQ(big.bytes_received, 10'000u);   // the cap, never more

    const HttpResponse cut = client->get(server.url("/truncated"), limits());
    EXPECT_EQ(cut.error, HttpError::truncated) << cut.error_detail;
    EXPECT_EQ(cut.bytes_received, 1000u);

    const HttpResponse late = client->get(server.url("/slow"), limits(0.3));
    EXPECT_EQ(late.error, HttpError::timeout) << late.error_detail;

    const HttpResponse ua = client->get(server.url("/ua"), limits());
    EXPECT_EQ(ua.body.rfind("ConcurrencyLab/", 0), 0u) << ua.body;
    EXPECT_NE(ua.body.find("https://"), std::string::npos) << ua.body;   // a contact URL, as Wikimedia asks

    const HttpResponse refused = client->get("http://127.0.0.1:" + std::to_string(free_port()) + "/x", limits());
    EXPECT_EQ(refused.error, HttpError::network) << refused.error_detail;
}

TEST(HttpClientCurl, ConnectionResetIsItsOwnReason) {
    int port = 0;
    const int listener = listening_socket(port);
    std::thread peer([listener] {
        const int fd = accept(listener, nullptr, nullptr);
        char buffer[1024];
        (void)!read(fd, buffer, sizeof buffer);
        const char* head = "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial";
        (void)!write(fd, head, std::strlen(head));
        linger hard{1, 0};   // close with RST, as a crashed or overloaded server does
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        close(fd);
    });
    auto client = platform::make_http_client();
    const HttpResponse reset = client->get("http://127.0.0.1:" + std::to_string(port) + "/x", limits());
    peer.join();
    close(listener);
    EXPECT_EQ(reset.error, HttpError::connection_reset) << net::to_string(reset.error) << ": " << reset.error_detail;
    EXPECT_EQ(reset.bytes_received, 7u);   // "partial" arrived before the reset
}

TEST(HttpClientCurl, CancelFlagEndsABlockingGet) {
    TestServer server;
    auto client = platform::make_http_client();
    std::atomic<bool> cancel{false};
    HttpLimits l = limits();
    l.cancel = &cancel;
    std::thread canceller([&] {
        server.wait_slow_arrived(1);
        cancel = true;
    });
    const HttpResponse r = conclab::test::within([&] { return client->get(server.url("/slow"), l); }, "a cancelled get");
    canceller.join();
    EXPECT_EQ(r.error, HttpError::cancelled) << r.error_detail;
}

TEST(HttpClientCurl, StartedRequestsCompleteOnceEachAndCancelById) {
    TestServer server;
    auto client = platform::make_http_client();
    std::mutex mutex;
    std::condition_variable done_cv;
    std::map<std::string, HttpResponse> done;
    std::map<std::string, int> calls;
    auto start = [&](const std::string& name, const std::string& path, HttpLimits l) {
        return client->start(server.url(path), l, [&, name](HttpResponse r) {
            std::lock_guard lock(mutex);
            ++calls[name];
            done[name] = std::move(r);
            done_cv.notify_all();
        });
    };
    for (int i = 0; i < 6; ++i) start("ok" + std::to_string(i), "/ok", limits());
    start("missing", "/missing", limits());
    start("busy", "/busy", limits());
    start("cut", "/truncated", limits());
    start("big", "/big", limits(30, 10'000));
    client->cancel(start("slow", "/slow", limits()));   // the server answers only when the test ends
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(done_cv.wait_for(lock, std::chrono::seconds(30), [&] { return done.size() == 11; }));
        for (int i = 0; i < 6; ++i) EXPECT_EQ(done["ok" + std::to_string(i)].bytes_received, 5000u);
        EXPECT_EQ(done["missing"].error, HttpError::http_status);
        EXPECT_EQ(done["busy"].error, HttpError::rate_limited);
        EXPECT_EQ(done["busy"].retry_after_s, 7);
        EXPECT_EQ(done["cut"].error, HttpError::truncated);
        EXPECT_EQ(done["big"].error, HttpError::too_large);
        EXPECT_EQ(done["slow"].error, HttpError::cancelled);
    }
    conclab::test::within([&] { client.reset(); }, "destroying the client");   // joins the I/O thread
    for (const auto& [name, n] : calls) EXPECT_EQ(n, 1) << name;
}

TEST(HttpClientCurl, DestroyingTheClientCancelsWhatIsInFlight) {
    TestServer server;
    auto client = platform::make_http_client();
    std::atomic<int> cancelled{0};
    for (int i = 0; i < 3; ++i)
        client->start(server.url("/slow"), limits(), [&](HttpResponse r) { cancelled += r.error == HttpError::cancelled; });
    server.wait_slow_arrived(3);   // all three in flight
    conclab::test::within([&] { client.reset(); }, "destroying the client");
    EXPECT_EQ(cancelled.load(), 3);
}
