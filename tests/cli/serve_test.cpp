// `conclab serve` as a student runs it: the real binary on a free port over a temporary site folder. Options,
// headers and types, the folder boundary (symlinks, control bytes), methods and bodies, ranges, gzip, a port in
// use, idle keep-alive connections, and SIGTERM.
#include "cli_run.h"
#include "raw_socket.h"
#include "wait_until.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <array>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;
using std::chrono::steady_clock;

using Outcome = conclab::test::CliOutcome;
using conclab::test::free_port;
// Under `timeout`: a server that should have refused to start is stopped, not waited on.
Outcome run_conclab(const std::string& arguments) { return conclab::test::run_conclab(arguments, "timeout 20"); }


using conclab::test::send_all;
int connect_to(int port) { return conclab::test::connect_from(port); }

// Sends `request` bytes as they are (no client-side encoding) and returns everything the server sent until it closed.
std::string raw_exchange(int port, std::string_view request) {
    const int fd = connect_to(port);
    if (fd < 0) return "";
    std::string reply;
    if (send_all(fd, request)) reply = conclab::test::read_to_end(fd);
    close(fd);
    return reply;
}

// One response with a Content-Length body, read from a connection that stays open.
std::string read_one_response(int fd) {
    std::string reply;
    char byte = 0;
    while (reply.find("\r\n\r\n") == std::string::npos && recv(fd, &byte, 1, 0) == 1) reply += byte;
    const std::size_t length_at = reply.find("Content-Length: ");
    std::size_t body = length_at == std::string::npos ? 0 : std::stoul(reply.substr(length_at + 16));
    std::vector<char> buffer(body);
    for (std::size_t got = 0; got < body;) {
        const ssize_t n = recv(fd, buffer.data() + got, body - got, 0);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    return reply + std::string(buffer.begin(), buffer.end());
}

int status_of(const std::string& reply) {
    return reply.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(reply.substr(9, 3)) : -1;
}

long peak_rss_kb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

// A site folder like build/web, and a secret beside it.
class Site {
public:
    Site() : root_(fs::path(testing::TempDir()) / ("conclab_serve_" + std::to_string(getpid()))) {
        fs::remove_all(root_);
        fs::create_directories(dir() / "sub");
        fs::create_directories(dir() / "empty");
        write("index.html", "<p>hello</p>");
        write("sub/index.html", "<p>sub</p>");
        write("app.wasm", std::string(4096, 'w'));
        std::string script;
        for (int i = 0; i < 2000; ++i) script += "console.log('line " + std::to_string(i) + "');\n";
        write("app.js", script);
        write("worker.mjs", "export {};");
        write("data.json", "{}");
        write("icon.png", "png");
        write("font.ttf", "ttf");
        write("app.webmanifest", "{}");
        std::ofstream(root_ / "secret.txt") << "outside";
    }
    ~Site() { fs::remove_all(root_); }

    fs::path dir() const { return root_ / "site"; }
    fs::path root() const { return root_; }
    void write(const std::string& name, const std::string& content) const {
        std::ofstream(dir() / name, std::ios::binary) << content;
    }

private:
    fs::path root_;
};

// `conclab serve --port P --dir D` running in a child process.
class Server {
public:
    Server(const fs::path& dir, int port, std::vector<std::string> extra = {}) : port_(port) {
        std::vector<std::string> args{"serve", "--port", std::to_string(port), "--dir", dir.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        pid_ = conclab::test::start_conclab(args);
    }
    ~Server() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }

    bool wait_until_answering() {
        const auto deadline = steady_clock::now() + seconds(20);
        while (steady_clock::now() < deadline) {
            httplib::Client client("127.0.0.1", port_);
            if (auto reply = client.Get("/")) return true;
            if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
                pid_ = -1;
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    // SIGTERM, then the exit status (-1 if it did not exit normally within 20 s).
    int stop() {
        kill(pid_, SIGTERM);
        const auto deadline = steady_clock::now() + seconds(20);
        int status = 0;
        while (waitpid(pid_, &status, WNOHANG) == 0) {
            if (steady_clock::now() > deadline) return -1;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    pid_t pid() const { return pid_; }
    int port() const { return port_; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(30, 0);
        return c;
    }

private:
    int port_;
    pid_t pid_ = -1;
};

class Serve : public testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(server.wait_until_answering()) << "conclab serve did not answer"; }
    void TearDown() override { EXPECT_EQ(server.stop(), 0) << "SIGTERM must stop serve with exit status 0"; }

    Site site;
    Server server{site.dir(), free_port()};
};

void expect_usage_error(const std::string& arguments, const std::string& must_name) {
    const Outcome o = run_conclab(arguments);
    EXPECT_EQ(o.status, 2) << arguments;
    EXPECT_EQ(o.err.rfind("error: ", 0), 0u) << arguments << " → " << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    EXPECT_NE(o.err.find(must_name), std::string::npos) << arguments << " → " << o.err;
}

}  // namespace

TEST(ServeOptions, PortIsDecimalAndInRange) {
    const Site site;
    const std::string dir = " --dir " + site.dir().string();
    for (const char* port : {"010", "0x1F90", "-1", "70000", "abc", "0", "1e3"})
        expect_usage_error(std::string("serve --port ") + port + dir, port);
}

TEST(ServeOptions, DirMustBeAFolder) {
    expect_usage_error("serve --dir /no/such/folder", "/no/such/folder");
}

TEST(ServeOptions, APortInUseIsAnErrorAndTheFirstServerKeepsServing) {
    Site site;
    Server first(site.dir(), free_port());
    ASSERT_TRUE(first.wait_until_answering());
    const Outcome second = run_conclab("serve --port " + std::to_string(first.port()) + " --dir " + site.dir().string());
    EXPECT_EQ(second.status, 1);
    EXPECT_EQ(second.err, "error: port " + std::to_string(first.port()) + " is in use\n");
    for (int i = 0; i < 20; ++i) {   // a new connection each time: a second listener would take some of them
        auto reply = first.client().Get("/");
        ASSERT_TRUE(reply) << "request " << i;
        EXPECT_EQ(reply->status, 200);
        EXPECT_EQ(reply->body, "<p>hello</p>");
    }
    EXPECT_EQ(first.stop(), 0);
}

TEST_F(Serve, IndexHeadersAndTypes) {
    auto client = server.client();
    auto index = client.Get("/");
    ASSERT_TRUE(index);
    EXPECT_EQ(index->status, 200);
    EXPECT_EQ(index->body, "<p>hello</p>");
    auto missing = client.Get("/missing");
    ASSERT_TRUE(missing);
    for (const httplib::Response* reply : {&*index, &*missing}) {
        EXPECT_EQ(reply->get_header_value("Cross-Origin-Opener-Policy"), "same-origin");
        EXPECT_EQ(reply->get_header_value("Cross-Origin-Embedder-Policy"), "require-corp");
        EXPECT_EQ(reply->get_header_value("Cross-Origin-Resource-Policy"), "same-origin");
        EXPECT_EQ(reply->get_header_value("Cache-Control"), "no-cache");
    }
    const std::pair<const char*, const char*> types[] = {
        {"/index.html", "text/html"},        {"/app.wasm", "application/wasm"},
        {"/app.js", "text/javascript"},      {"/worker.mjs", "text/javascript"},
        {"/data.json", "application/json"},  {"/icon.png", "image/png"},
        {"/font.ttf", "font/ttf"},           {"/app.webmanifest", "application/manifest+json"},
    };
    for (const auto& [path, type] : types) {
        auto reply = client.Get(path);
        ASSERT_TRUE(reply) << path;
        EXPECT_EQ(reply->status, 200) << path;
        EXPECT_EQ(reply->get_header_value("Content-Type"), type) << path;
    }
}

TEST_F(Serve, MissingFilesAndFolders) {
    auto client = server.client();
    EXPECT_EQ(client.Get("/missing")->status, 404);
    EXPECT_EQ(client.Get("/empty/")->status, 404);
    EXPECT_EQ(client.Get("/sub/")->body, "<p>sub</p>");
    auto folder = client.Get("/sub");
    EXPECT_EQ(folder->status, 301);
    EXPECT_EQ(folder->get_header_value("Location"), "/sub/");
}

// Issue 16: a folder redirect for `//evil.example` answered `Location: //evil.example/`, which a browser follows to
// the host evil.example (an open redirect); a backslash counts as a slash there too. Leading slashes collapse into
// one and a backslash is sent encoded: the Location stays a path on this server.
TEST_F(Serve, FolderRedirectsStayOnThisServer) {
    fs::create_directories(site.dir() / "evil.example");
    fs::create_directories(site.dir() / "\\evil.example");
    const std::pair<const char*, const char*> redirects[] = {
        {"/sub", "/sub/"},
        {"//sub", "/sub/"},
        {"///sub?x=1", "/sub/?x=1"},
        {"//evil.example", "/evil.example/"},
        {"/\\evil.example", "/%5Cevil.example/"},
    };
    for (const auto& [target, location] : redirects) {
        const std::string reply =
            raw_exchange(server.port(), std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        EXPECT_EQ(status_of(reply), 301) << target << "\n" << reply;
        EXPECT_NE(reply.find(std::string("\r\nLocation: ") + location + "\r\n"), std::string::npos) << target << "\n" << reply;
    }
    auto followed = server.client().Get("/%5Cevil.example/");   // the encoded backslash names the same folder
    ASSERT_TRUE(followed);
    EXPECT_EQ(followed->status, 404);   // found, and it has no index.html
}

TEST_F(Serve, StaysInsideItsFolder) {
    fs::create_directory_symlink("/etc", site.dir() / "etclink");
    fs::create_symlink(site.root() / "secret.txt", site.dir() / "secret-link.txt");
    fs::create_symlink(site.dir() / "index.html", site.dir() / "inside-link.html");
    for (const char* escape : {"/etclink/passwd", "/secret-link.txt", "/../secret.txt", "/%2e%2e/secret.txt",
                               "/..%2fsecret.txt", "/sub/../../secret.txt"}) {
        const std::string reply =
            raw_exchange(server.port(), std::string("GET ") + escape + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        EXPECT_EQ(status_of(reply), 404) << escape;
        EXPECT_EQ(reply.find("outside"), std::string::npos) << escape;
        EXPECT_EQ(reply.find("root:"), std::string::npos) << escape;
    }
    EXPECT_EQ(server.client().Get("/inside-link.html")->body, "<p>hello</p>");
}

TEST_F(Serve, ControlBytesInThePathAreRefused) {
    for (const char* path : {"/index.html%00.wasm", "/index.html%0a", "/a%01b", "/index.html%7f"}) {
        const std::string reply =
            raw_exchange(server.port(), std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        EXPECT_EQ(status_of(reply), 400) << path;
        EXPECT_EQ(reply.find("application/wasm"), std::string::npos) << path;
    }
}

TEST_F(Serve, OnlyGetAndHeadAreServed) {
    auto client = server.client();
    const auto head = client.Head("/index.html");
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200);
    EXPECT_EQ(head->get_header_value("Content-Length"), "12");
    EXPECT_TRUE(head->body.empty());
    for (const auto& reply : {client.Post("/", "x", "text/plain"), client.Put("/index.html", "x", "text/plain"),
                              client.Delete("/index.html"), client.Patch("/", "x", "text/plain"), client.Options("/")}) {
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, 405);
        EXPECT_EQ(reply->get_header_value("Allow"), "GET, HEAD");
    }
    EXPECT_TRUE(fs::exists(site.dir() / "index.html"));
}

TEST_F(Serve, ARequestBodyIsNotKeptInMemory) {
    constexpr int kMiB = 1 << 20, kChunks = 96;
    const long before_kb = peak_rss_kb(server.pid());
    const int fd = connect_to(server.port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(send_all(fd, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
    const std::string chunk = "100000\r\n" + std::string(kMiB, 'a') + "\r\n";
    for (int i = 0; i < kChunks; ++i) ASSERT_TRUE(send_all(fd, chunk)) << "chunk " << i;
    ASSERT_TRUE(send_all(fd, "0\r\n\r\n"));
    const std::string refusal = read_one_response(fd);
    EXPECT_EQ(status_of(refusal), 405) << refusal;
    // The connection stayed in step: the next request on it is read as a request.
    ASSERT_TRUE(send_all(fd, "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"));
    const std::string page = read_one_response(fd);
    close(fd);
    EXPECT_EQ(status_of(page), 200) << page;
    EXPECT_NE(page.find("<p>hello</p>"), std::string::npos) << page;
    const long growth_kb = peak_rss_kb(server.pid()) - before_kb;
    EXPECT_LT(growth_kb, kChunks * 1024 / 4) << "the server's peak memory grew with the body";
}

TEST_F(Serve, ManyRangesGetTheWholeFileOnce) {
    std::string content;
    for (int i = 0; i < 1000; ++i) content += std::to_string(i % 10);
    site.write("data.bin", content);
    std::string many = "bytes=0-999";
    for (int i = 1; i < 100; ++i) many += ",0-999";
    auto client = server.client();
    auto reply = client.Get("/data.bin", {{"Range", many}});
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->body, content);
    EXPECT_LE(reply->body.size(), content.size());
    const std::string overlapping = "bytes=0-599,100-999,200-";
    reply = client.Get("/data.bin", {{"Range", overlapping}});
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->body, content);
}

TEST_F(Serve, OneRangeIsServed) {
    std::string content;
    for (int i = 0; i < 1000; ++i) content += std::to_string(i % 10);
    site.write("data.bin", content);
    auto client = server.client();
    auto reply = client.Get("/data.bin", {{"Range", "bytes=10-19"}});
    EXPECT_EQ(reply->status, 206);
    EXPECT_EQ(reply->body, content.substr(10, 10));
    EXPECT_EQ(reply->get_header_value("Content-Range"), "bytes 10-19/1000");
    reply = client.Get("/data.bin", {{"Range", "bytes=-5"}});
    EXPECT_EQ(reply->status, 206);
    EXPECT_EQ(reply->body, content.substr(995));
    reply = client.Get("/data.bin", {{"Range", "bytes=990-5000"}});
    EXPECT_EQ(reply->status, 206);
    EXPECT_EQ(reply->body, content.substr(990));
    reply = client.Get("/data.bin", {{"Range", "bytes=1000-"}});
    EXPECT_EQ(reply->status, 416);
    EXPECT_EQ(reply->get_header_value("Content-Range"), "bytes */1000");
    site.write("empty.bin", "");   // no byte to give: every range is past the end
    reply = client.Get("/empty.bin", {{"Range", "bytes=-5"}});
    EXPECT_EQ(reply->status, 416);
    EXPECT_EQ(reply->get_header_value("Content-Range"), "bytes */0");
}

TEST_F(Serve, ThisMachineGetsFilesAsTheyAreByDefault) {
    auto client = server.client();
    client.set_decompress(false);
    for (const char* file : {"/app.js", "/app.wasm"}) {
        auto reply = client.Get(file, {{"Accept-Encoding", "gzip"}});
        ASSERT_TRUE(reply) << file;
        EXPECT_FALSE(reply->has_header("Content-Encoding")) << file << ": loopback clients read faster than gzip saves";
        EXPECT_EQ(reply->get_header_value("Vary"), "Accept-Encoding") << file;
    }
}

// Issue 16: `serve --host ::1` printed http://::1:PORT/, which is not a URL: an IPv6 address goes in brackets.
TEST(ServeOptions, AnIpv6HostIsPrintedInBrackets) {
    const Site site;
    const int port = free_port();
    const std::string command = "sh -c 'echo $$; exec " + std::string(CONCLAB_EXE) + " serve --host ::1 --mirror --port " +
                                std::to_string(port) + " --dir " + site.dir().string() + " 2>&1'";
    FILE* out = popen(command.c_str(), "r");
    ASSERT_NE(out, nullptr);
    std::array<char, 512> line{};
    ASSERT_NE(std::fgets(line.data(), line.size(), out), nullptr);
    const pid_t pid = std::stoi(line.data());
    std::vector<std::string> lines;
    while (lines.size() < 2 && std::fgets(line.data(), line.size(), out)) lines.emplace_back(line.data());
    kill(pid, SIGTERM);
    pclose(out);
    if (!lines.empty() && lines[0].find("cannot listen") != std::string::npos)
        GTEST_SKIP() << "no IPv6 loopback here: " << lines[0];
    ASSERT_EQ(lines.size(), 2u);
    const std::string authority = "http://[::1]:" + std::to_string(port) + "/";
    EXPECT_NE(lines[0].find(" on " + authority + " "), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find(" at " + authority + "w/api.php "), std::string::npos) << lines[1];
}

TEST(ServeOptions, CompressIsAutoAlwaysOrNever) {
    expect_usage_error("serve --compress sometimes --dir /tmp", "sometimes");
}

TEST(ServeCompressed, TextAndWasmAreGzippedForClientsThatAcceptIt) {
    Site site;
    Server server(site.dir(), free_port(), {"--compress", "always"});
    ASSERT_TRUE(server.wait_until_answering());
    const std::string script = [&] {
        std::ifstream in(site.dir() / "app.js");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    auto client = server.client();
    client.set_decompress(false);
    auto plain = client.Get("/app.js");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->body, script);
    EXPECT_FALSE(plain->has_header("Content-Encoding"));
    auto zipped = client.Get("/app.js", {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_TRUE(zipped);
    EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(zipped->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_EQ(zipped->get_header_value("X-Uncompressed-Length"), std::to_string(script.size()));
    EXPECT_LT(zipped->body.size(), script.size() / 4);
    EXPECT_EQ(zipped->body.substr(0, 2), "\x1f\x8b");   // the gzip magic
    EXPECT_NE(plain->get_header_value("ETag"), zipped->get_header_value("ETag"));
    EXPECT_FALSE(client.Get("/app.js", {{"Accept-Encoding", "gzip;q=0"}})->has_header("Content-Encoding"));
    EXPECT_FALSE(client.Get("/icon.png", {{"Accept-Encoding", "gzip"}})->has_header("Content-Encoding"));
    EXPECT_EQ(client.Get("/app.wasm", {{"Accept-Encoding", "gzip"}})->get_header_value("Content-Encoding"), "gzip");

    httplib::Client decoding("127.0.0.1", server.port());
    EXPECT_EQ(decoding.Get("/app.js", {{"Accept-Encoding", "gzip"}})->body, script);
    EXPECT_EQ(server.stop(), 0);
}

TEST(ServeCompressed, NeverSendsFilesAsTheyAre) {
    Site site;
    Server server(site.dir(), free_port(), {"--compress", "never"});
    ASSERT_TRUE(server.wait_until_answering());
    auto client = server.client();
    client.set_decompress(false);
    EXPECT_FALSE(client.Get("/app.js", {{"Accept-Encoding", "gzip"}})->has_header("Content-Encoding"));
    EXPECT_EQ(server.stop(), 0);
}

TEST_F(Serve, ReloadsRevalidateWithETags) {
    auto client = server.client();
    auto first = client.Get("/index.html");
    const std::string tag = first->get_header_value("ETag");
    ASSERT_FALSE(tag.empty());
    auto again = client.Get("/index.html", {{"If-None-Match", tag}});
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
    site.write("index.html", "<p>rebuilt, longer</p>");
    auto changed = client.Get("/index.html", {{"If-None-Match", tag}});
    EXPECT_EQ(changed->status, 200);
    EXPECT_EQ(changed->body, "<p>rebuilt, longer</p>");
}

// A browser keeps idle keep-alive (and preconnected) connections open; with a fixed pool of 8 threads they held
// every thread and a new request waited for their 5 s timeouts, one batch after another.
TEST_F(Serve, IdleConnectionsDoNotDelayANewRequest) {
    std::vector<int> idle;
    for (int i = 0; i < 40; ++i) idle.push_back(connect_to(server.port()));
    for (int fd : idle) ASSERT_GE(fd, 0);
    const auto started = steady_clock::now();
    auto reply = server.client().Get("/index.html");
    const auto waited = steady_clock::now() - started;
    ASSERT_TRUE(reply) << httplib::to_string(reply.error());
    EXPECT_EQ(reply->body, "<p>hello</p>");
    EXPECT_LT(waited, seconds(10)) << "the request waited behind idle connections";
    for (int fd : idle) close(fd);
}

// `serve` reads request heads through the one listener (src/server/listener.h; its limits are tested in-process in
// tests/server): a 9 KiB header line or 101 headers are refused (httplib alone: 400 after reading the line whole,
// and 200).
TEST_F(Serve, OversizedHeadsAreRefused) {
    const std::string big = "GET / HTTP/1.1\r\nX-Big: " + std::string(9 * 1024, 'a') + "\r\nConnection: close\r\n\r\n";
    EXPECT_EQ(raw_exchange(server.port(), big).rfind("HTTP/1.1 431 ", 0), 0u);
    std::string many = "GET / HTTP/1.1\r\nConnection: close\r\n";
    for (int i = 0; i < 100; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
    EXPECT_EQ(raw_exchange(server.port(), many + "\r\n").rfind("HTTP/1.1 431 ", 0), 0u);
}

// With 20 slow clients dripping their heads, SIGTERM once waited for each of them (15 s): stopping shuts every
// connection down.
TEST(ServeSlowClients, SigtermEndsServeWithSlowClientsConnected) {
    Site site;
    Server server(site.dir(), free_port());
    ASSERT_TRUE(server.wait_until_answering());
    std::atomic<bool> done = false;
    std::atomic<int> started = 0;
    std::vector<std::thread> clients;
    for (int i = 0; i < 20; ++i)
        clients.emplace_back([&] {
            const int fd = connect_to(server.port());
            const bool sent = fd >= 0 && send_all(fd, "GET / HTTP/1.1\r\nX-Slow: ");
            ++started;
            if (!sent) return;
            while (!done && send(fd, "s", 1, MSG_NOSIGNAL) == 1) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            close(fd);
        });
    EXPECT_TRUE(conclab::test::wait_until([&] { return started == 20; }));
    EXPECT_EQ(server.stop(), 0) << "SIGTERM must stop serve, slow clients or not";
    done = true;
    for (auto& client : clients) client.join();
}

// httplib listens with a backlog of 5: a burst of connections (a page, its scripts and workers) overflowed it and
// each dropped SYN waited the client's 1 s retransmission. `ss` shows a listening socket's backlog as Send-Q.
TEST_F(Serve, ListensWithALongBacklog) {
    FILE* pipe = popen(("ss -Hltn 'sport = :" + std::to_string(server.port()) + "'").c_str(), "r");
    std::array<char, 512> line{};
    ASSERT_NE(std::fgets(line.data(), line.size(), pipe), nullptr) << "ss lists no listener";
    pclose(pipe);
    char state[32];
    long receive_queue = 0, backlog = 0;
    ASSERT_EQ(std::sscanf(line.data(), "%31s %ld %ld", state, &receive_queue, &backlog), 3) << line.data();
    EXPECT_GE(backlog, 128) << line.data();
}

// `conclab serve --mirror`: the page and the Commons stand-in on one origin, so that the page's synchronous
// fetches need no CORS; the mirror's options and faults as `conclab mirror` takes them.
TEST(ServeOptions, MirrorFlagsNeedMirrorAndValidValues) {
    const Site site;
    const std::string dir = " --dir " + site.dir().string();
    expect_usage_error("serve --error-rate 0.5" + dir, "--mirror");
    expect_usage_error("serve --mirror --error-rate 2" + dir, "--error-rate 2");
    expect_usage_error("serve --mirror --delay 5..1" + dir, "--delay 5..1");
}

TEST(ServeMirror, WithoutMirrorApiPhpIsNotFound) {
    const Site site;
    Server server(site.dir(), free_port());
    ASSERT_TRUE(server.wait_until_answering());
    auto reply = server.client().Get("/w/api.php?action=query&list=allimages&format=json");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 404);
    EXPECT_EQ(server.stop(), 0);
}

TEST(ServeMirror, ApiAndImagesOnTheSiteOriginAndWikipicsDownloadsThem) {
    const Site site;
    Server server(site.dir(), free_port(), {"--mirror", "--seed", "5"});
    ASSERT_TRUE(server.wait_until_answering());
    auto client = server.client();
    auto index = client.Get("/");
    ASSERT_TRUE(index);
    EXPECT_EQ(index->body, "<p>hello</p>");
    EXPECT_EQ(index->get_header_value("Cross-Origin-Embedder-Policy"), "require-corp");
    auto api = client.Get("/w/api.php?action=query&list=allimages&aiprop=url%7Csize%7Cmime&ailimit=20&format=json");
    ASSERT_TRUE(api);
    ASSERT_EQ(api->status, 200);
    const std::string origin = "http://127.0.0.1:" + std::to_string(server.port());
    const auto at = api->body.find("\"url\":\"" + origin + "/images/");
    ASSERT_NE(at, std::string::npos) << "image URLs on the page's origin: " << api->body.substr(0, 400);
    const auto start = at + 7 + origin.size();
    const std::string path = api->body.substr(start, api->body.find('"', start) - start);
    auto image = client.Get(path.c_str());
    ASSERT_TRUE(image) << path;
    EXPECT_EQ(image->status, 200) << path;
    EXPECT_EQ(image->get_header_value("Content-Type"), "image/jpeg");
    EXPECT_EQ(image->body.substr(0, 2), "\xFF\xD8");

    // Every image in, each with exactly the bytes the mirror serves for it (fetched here apart from the run).
    const auto expect_all_served = [&](const Outcome& run, const std::string& executor, std::size_t count) {
        ASSERT_EQ(run.status, 0) << run.err;
        const auto doc = nlohmann::json::parse(run.out);
        EXPECT_EQ(doc["executor"], executor);
        ASSERT_EQ(doc["images"].size(), count);
        long long total = 0;
        for (const auto& item : doc["images"]) {
            SCOPED_TRACE(item.dump());
            EXPECT_TRUE(item["error"].is_null());
            const std::string url = item["url"];
            ASSERT_EQ(url.rfind(origin + "/images/", 0), 0u) << "image URLs on the page's origin";
            auto served = client.Get(url.substr(origin.size()).c_str());
            ASSERT_TRUE(served);
            EXPECT_EQ(item["bytes"].get<std::size_t>(), served->body.size()) << "the bytes the mirror serves for it";
            total += item["bytes"].get<long long>();
            if (executor == "async") {
                EXPECT_EQ(item["worker"], "event loop");
            }
        }
        EXPECT_EQ(doc["total_bytes"].get<long long>(), total);
    };
    expect_all_served(run_conclab("wikipics --net instant --server " + origin + "/w/api.php --count 3 --size 200000 --executor threads "
                                  "--workers 3 --json"),
                      "threads", 3);
    // The event loop on curl multi: one worker, "event loop", every image in.
    expect_all_served(run_conclab("wikipics --net instant --server " + origin + "/w/api.php --count 4 --size 200000 --executor async "
                                  "--max-req 2 --json"),
                      "async", 4);
    EXPECT_EQ(server.stop(), 0);
}

TEST(ServeMirror, FaultFlagsReachTheImages) {
    const Site site;
    Server server(site.dir(), free_port(), {"--mirror", "--error-rate", "1"});
    ASSERT_TRUE(server.wait_until_answering());
    const std::string api = "http://127.0.0.1:" + std::to_string(server.port()) + "/w/api.php";
    const Outcome run = run_conclab("wikipics --net instant --server " + api + " --count 2 --size 200000 --executor sequential --json");
    ASSERT_EQ(run.status, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_EQ(doc["images"].size(), 2u);
    for (const auto& image : doc["images"]) {   // error rate 1: every image answered 500 or 418
        EXPECT_EQ(image["error"], "http_status") << image.dump();
        EXPECT_TRUE(image["status"] == 500 || image["status"] == 418) << image.dump();
    }
    EXPECT_EQ(doc["total_bytes"], 0) << "a failed image's bytes (its error page) count for nothing";
    EXPECT_EQ(server.stop(), 0);
}

// `serve --mirror --pin-faults`: the list of pinned faults on the page's origin too (the browser tests read it).
TEST(ServeMirror, PinnedFaultsAreListedOnTheSiteOrigin) {
    const Site site;
    Server server(site.dir(), free_port(), {"--mirror", "--pin-faults"});
    ASSERT_TRUE(server.wait_until_answering());
    auto pins = server.client().Get("/pinned-faults");
    ASSERT_TRUE(pins);
    ASSERT_EQ(pins->status, 200);
    const auto listed = nlohmann::json::parse(pins->body);
    std::set<std::string> kinds;
    for (const auto& [name, kind] : listed.items()) kinds.insert(kind.get<std::string>());
    EXPECT_EQ(kinds, (std::set<std::string>{"500", "418", "404", "truncate", "reset", "429", "timeout"}));
    EXPECT_EQ(server.stop(), 0);
}

// Issue 16: `serve --mirror` sent the route's Cache-Control and Cross-Origin-Resource-Policy beside the defaults
// (CORP same-origin and cross-origin at once, which a COEP page reads as invalid). Every header once on every route:
// the site's files, its 404 and folder redirect, api.php and its preflight, images (whole, a range, a pinned
// fault), /pinned-faults.
TEST(ServeMirror, EachHeaderOnceOnEveryRoute) {
    const Site site;
    Server server(site.dir(), free_port(), {"--mirror", "--pin-faults", "--seed", "5"});
    ASSERT_TRUE(server.wait_until_answering());
    auto client = server.client();
    auto pins_reply = client.Get("/pinned-faults");
    ASSERT_TRUE(pins_reply);
    const auto pins = nlohmann::json::parse(pins_reply->body);
    auto listing = client.Get("/w/api.php?action=query&list=allimages&aiprop=url%7Cmime%7Csize&ailimit=50&format=json");
    ASSERT_TRUE(listing);
    std::string good_image, failing_image;   // the smallest whole answer, and the pinned 500
    long long good_size = 0;
    const std::string origin = "http://127.0.0.1:" + std::to_string(server.port());
    const auto listed = nlohmann::json::parse(listing->body);
    for (const auto& image : listed["query"]["allimages"]) {
        if (image["mime"] != "image/jpeg") continue;
        const std::string path = image["url"].get<std::string>().substr(origin.size());
        const std::string name = image["name"];
        if (!pins.contains(name) && (good_image.empty() || image["size"].get<long long>() < good_size)) {
            good_image = path;
            good_size = image["size"];
        }
        if (pins.value(name, "") == "500" && failing_image.empty()) failing_image = path;
    }
    ASSERT_FALSE(good_image.empty());
    ASSERT_FALSE(failing_image.empty());

    struct Route {
        std::string request;   // method and target
        std::string extra;     // header lines
        int status;
        const char* resource_policy;
    };
    const Route routes[] = {
        {"GET /", "", 200, "same-origin"},
        {"GET /app.js", "", 200, "same-origin"},
        {"GET /missing", "", 404, "same-origin"},
        {"GET /sub", "", 301, "same-origin"},
        {"GET /w/api.php?action=query&list=allimages&format=json&origin=*", "", 200, "same-origin"},
        {"OPTIONS /w/api.php", "Origin: http://elsewhere\r\nAccess-Control-Request-Method: GET\r\n", 204, "same-origin"},
        {"GET /pinned-faults", "", 200, "same-origin"},
        {"GET " + good_image, "", 200, "cross-origin"},
        {"HEAD " + good_image, "", 200, "cross-origin"},
        {"GET " + good_image, "Range: bytes=0-9\r\n", 206, "cross-origin"},
        {"GET " + failing_image, "", 500, "cross-origin"},
    };
    for (const Route& route : routes) {
        SCOPED_TRACE(route.request);
        const std::string reply =
            raw_exchange(server.port(), route.request + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + route.extra + "\r\n");
        EXPECT_EQ(status_of(reply), route.status);
        std::map<std::string, std::vector<std::string>> headers;   // lower-case name → values
        const std::string head = reply.substr(0, reply.find("\r\n\r\n"));
        for (std::size_t start = head.find("\r\n"); start != std::string::npos;) {
            start += 2;
            const std::size_t end = head.find("\r\n", start);
            const std::string line = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
            std::string name = line.substr(0, line.find(':'));
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            headers[name].push_back(line.substr(std::min(line.size(), line.find(':') + 2)));
            start = end;
        }
        ASSERT_FALSE(headers.empty()) << reply.substr(0, 200);
        for (const auto& [name, values] : headers) EXPECT_EQ(values.size(), 1u) << name << " in\n" << head;
        EXPECT_EQ(headers["cross-origin-resource-policy"], std::vector<std::string>{route.resource_policy}) << head;
        EXPECT_EQ(headers["cross-origin-embedder-policy"], std::vector<std::string>{"require-corp"}) << head;
        EXPECT_EQ(headers["cache-control"].size(), 1u) << head;
    }
    EXPECT_EQ(server.stop(), 0);
}
