// Runs the real `conclab` binary and checks the CLI contract: exit status, error lines, JSON.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Outcome {
    int status = -1;
    std::string out;
    std::string err;
};

Outcome run(const std::string& arguments) {
    const std::string err_file = testing::TempDir() + "conclab_cli_stderr_" + std::to_string(getpid());
    const std::string command = std::string(CONCLAB_EXE) + " " + arguments + " 2>" + err_file;
    Outcome o;
    FILE* pipe = popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) o.out.append(buffer.data(), n);
    const int raw = pclose(pipe);
    o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    if (FILE* f = std::fopen(err_file.c_str(), "r")) {
        while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f)) o.err.append(buffer.data(), n);
        std::fclose(f);
    }
    std::remove(err_file.c_str());
    return o;
}

void expect_usage_error(const std::string& arguments, const std::string& must_name) {
    const Outcome o = run(arguments);
    EXPECT_EQ(o.status, 2) << arguments;
    EXPECT_EQ(o.err.rfind("error: ", 0), 0u) << arguments << " → " << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    EXPECT_NE(o.err.find(must_name), std::string::npos) << arguments << " → " << o.err;
    EXPECT_TRUE(o.out.empty()) << o.out;
}

// A port nobody listens on: bind port 0, read what the kernel gave, close.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        ADD_FAILURE() << "no free port";
    close(fd);
    return ntohs(address.sin_port);
}

}  // namespace

TEST(Cli, VersionAndHelp) {
    EXPECT_EQ(run("--version").status, 0);
    EXPECT_NE(run("--version").out.find("conclab"), std::string::npos);
    const Outcome help = run("--help");
    EXPECT_EQ(help.status, 0);
    for (const char* sub : {"sysinfo", "primes", "serve"}) EXPECT_NE(help.out.find(sub), std::string::npos) << sub;
}

TEST(Cli, SysinfoJsonAgreesWithTheMachine) {
    // `ps ax` lists one line per process plus a header; other programs start and stop processes meanwhile,
    // so conclab's count must fall within what `ps` saw just before and just after (with some slack).
    auto ps_processes = [] {
        FILE* p = popen("ps ax | wc -l", "r");
        int lines = 0;
        EXPECT_EQ(std::fscanf(p, "%d", &lines), 1);
        pclose(p);
        return lines - 1;
    };
    const int before = ps_processes();
    const Outcome o = run("sysinfo --json");
    const int after = ps_processes();
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["cpus"].get<int>(), static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
    const int processes = doc["processes"].get<int>();
    const int slack = 5 + std::max(before, after) / 10;
    EXPECT_GE(processes, std::min(before, after) - slack) << before << " " << after;
    EXPECT_LE(processes, std::max(before, after) + slack) << before << " " << after;
    EXPECT_GE(doc["threads"].get<int>(), processes);
    EXPECT_EQ(doc["build"]["kind"], "native");
}

TEST(Cli, UnknownSubcommandOrFlagIsAUsageError) {
    expect_usage_error("frobnicate", "frobnicate");
    expect_usage_error("sysinfo --nope", "--nope");
}

TEST(Cli, PrimesJsonContract) {
    const Outcome o = run("primes 2 15 18_014_398_509_481_984 --executor threads --workers 2 --json");
    ASSERT_EQ(o.status, 0) << o.err;
    const auto doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["demo"], "primes");
    EXPECT_EQ(doc["executor"], "threads");
    EXPECT_EQ(doc["workers"], 2);
    ASSERT_EQ(doc["results"].size(), 3u);
    std::map<std::string, std::string> lpf;
    for (const auto& r : doc["results"]) {
        ASSERT_TRUE(r["n"].is_string());
        ASSERT_TRUE(r["lpf"].is_string());
        EXPECT_TRUE(r["elapsed_s"].is_number());
        EXPECT_TRUE(r["worker"].is_string());
        lpf[r["n"]] = r["lpf"];
        EXPECT_EQ(r["prime"].get<bool>(), r["n"] == r["lpf"]);
    }
    EXPECT_EQ(lpf["2"], "2");
    EXPECT_EQ(lpf["15"], "3");
    EXPECT_EQ(lpf["18014398509481984"], "2");
    EXPECT_TRUE(doc["wall_s"].is_number());
    EXPECT_TRUE(doc["cpu"]["user_s"].is_number());
    EXPECT_TRUE(doc["cpu"]["sys_s"].is_number());
}

TEST(Cli, PrimesTextShowsTheTalksLines) {
    const Outcome o = run("primes 18014398509481951 9 --executor sequential");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.out.find("18_014_398_509_481_951  \u2713"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("9  \u2717  3"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("2 checks in "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("(sequential x1)"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("CPU times: user "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("Wall time: "), std::string::npos) << o.out;
}

TEST(Cli, PrimesBadInput) {
    expect_usage_error("primes 12x", "12x");
    expect_usage_error("primes -- -5", "-5");
    expect_usage_error("primes 0", "'0'");
    expect_usage_error("primes 18446744073709551616", "18446744073709551616");
    expect_usage_error("primes ''", "empty");
    expect_usage_error("primes 7 --workers 0", "--workers 0");
    expect_usage_error("primes 7 --workers 100000", "100000");
    expect_usage_error("primes 7 --executor fibers", "fibers");
    expect_usage_error("primes --sample 2**99", "2**99");
    expect_usage_error("primes --sample huge", "huge");
}

TEST(Cli, ServeRejectsBadArguments) {
    expect_usage_error("serve --dir /no/such/folder", "/no/such/folder");
    expect_usage_error("serve --port 70000 --dir .", "70000");
}

TEST(Cli, ServeSendsIsolationHeadersAndStaysInItsFolder) {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(testing::TempDir()) / ("conclab_serve_" + std::to_string(getpid()));
    fs::create_directories(root / "site");
    std::ofstream(root / "site" / "index.html") << "<p>hello</p>";
    std::ofstream(root / "site" / "app.wasm") << "wasm";
    std::ofstream(root / "secret.txt") << "outside";

    const int port = free_port();
    const pid_t pid = fork();
    if (pid == 0) {
        const std::string dir = (root / "site").string(), port_text = std::to_string(port);
        freopen("/dev/null", "w", stdout);
        execl(CONCLAB_EXE, CONCLAB_EXE, "serve", "--port", port_text.c_str(), "--dir", dir.c_str(), nullptr);
        _exit(127);
    }
    {
    httplib::Client client("127.0.0.1", port);
    auto index = client.Get("/");
    for (int i = 0; i < 100 && !index; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        index = client.Get("/");
    }
    ASSERT_TRUE(index) << "conclab serve did not answer on port " << port;
    EXPECT_EQ(index->status, 200);
    EXPECT_EQ(index->body, "<p>hello</p>");
    EXPECT_EQ(index->get_header_value("Cross-Origin-Opener-Policy"), "same-origin");
    EXPECT_EQ(index->get_header_value("Cross-Origin-Embedder-Policy"), "require-corp");
    auto wasm = client.Get("/app.wasm");
    ASSERT_TRUE(wasm) << httplib::to_string(wasm.error());
    EXPECT_EQ(wasm->get_header_value("Content-Type"), "application/wasm");
    for (const char* escape : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"}) {
        auto r = client.Get(escape);
        if (r) {
            EXPECT_NE(r->body, "outside") << escape;
        }
    }
    }
    const auto stop_started = std::chrono::steady_clock::now();
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
    EXPECT_LT(std::chrono::steady_clock::now() - stop_started, std::chrono::seconds(10)) << "SIGTERM did not stop serve";
    fs::remove_all(root);
}
