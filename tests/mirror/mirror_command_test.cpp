// `conclab mirror` as a user runs it: the banner, answers, exit 0 on SIGTERM/SIGINT, exit 2 with one line
// naming a bad value, exit 1 when the port is taken (also by another mirror: no SO_REUSEPORT sharing).
#include "test_support.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

// A `conclab` process with its stdout and stderr on pipes.
class ConclabProcess {
public:
    explicit ConclabProcess(const std::vector<std::string>& arguments) {
        int out[2], err[2];
        if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_adddup2(&actions, err[1], 2);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        posix_spawn_file_actions_addclose(&actions, err[0]);
        std::vector<std::string> all{CONCLAB_EXE};
        all.insert(all.end(), arguments.begin(), arguments.end());
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, CONCLAB_EXE, &actions, nullptr, argv.data(), environ) != 0)
            throw std::runtime_error("spawn");
        posix_spawn_file_actions_destroy(&actions);
        close(out[1]);
        close(err[1]);
        out_ = out[0];
        err_ = err[0];
    }
    ~ConclabProcess() {
        if (pid_ > 0 && status_ < 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        close(out_);
        close(err_);
    }

    /// @brief The first line of stdout (blocks until it arrives or the process closes stdout).
    std::string first_line() {
        std::string line;
        char c;
        while (read(out_, &c, 1) == 1 && c != '\n') line += c;
        return line;
    }

    /// @brief Waits for the exit (up to `limit`); the exit status, -1 on timeout or a signal death.
    int wait_exit(std::chrono::seconds limit = std::chrono::seconds(60)) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            int raw = 0;
            if (waitpid(pid_, &raw, WNOHANG) == pid_) {
                status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 1000;
                return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return -1;
    }

    std::string all_stderr() {
        std::string text;
        std::array<char, 4096> buffer{};
        ssize_t n;
        while ((n = read(err_, buffer.data(), buffer.size())) > 0) text.append(buffer.data(), static_cast<std::size_t>(n));
        return text;
    }

    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int status_ = -1;
    int out_ = -1, err_ = -1;
};

void expect_usage_error(const std::vector<std::string>& arguments, const std::string& must_name) {
    ConclabProcess process(arguments);
    EXPECT_EQ(process.wait_exit(), 2) << must_name;
    EXPECT_EQ(process.first_line(), "");
    const std::string err = process.all_stderr();
    EXPECT_EQ(err.rfind("error: ", 0), 0u) << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    EXPECT_NE(err.find(must_name), std::string::npos) << err;
}

}  // namespace

TEST(MirrorCommand, BadOptionsExit2NamingTheValue) {
    expect_usage_error({"mirror", "--delay", "5..1"}, "--delay 5..1");
    expect_usage_error({"mirror", "--error-rate", "1.5"}, "--error-rate 1.5");
    expect_usage_error({"mirror", "--port", "0x1F"}, "0x1F");
    expect_usage_error({"mirror", "--port", "0"}, "--port 0");
    expect_usage_error({"mirror", "--images", "0"}, "--images 0");
    expect_usage_error({"mirror", "--bandwidth", "fast"}, "fast");
    expect_usage_error({"mirror", "--reset-rate", "0.7", "--truncate-rate", "0.7"}, "add up to 1.4");
    expect_usage_error({"mirror", "--no-such-option"}, "--no-such-option");
}

TEST(MirrorCommand, ServesUntilSigtermThenExits0) {
    const int port = mirror_test::free_port();
    ConclabProcess process({"mirror", "--port", std::to_string(port), "--images", "100", "--error-rate", "0.25"});
    const std::string banner = process.first_line();
    EXPECT_EQ(banner.rfind("Mirror of Wikimedia Commons on http://127.0.0.1:" + std::to_string(port) +
                               "/w/api.php (100 images; faults: errors 25%",
                           0),
              0u)
        << banner;
    const auto answer = mirror_test::raw_request(port, "/w/api.php?action=query&list=allimages&format=json");
    EXPECT_EQ(answer.status, 200);
    EXPECT_NE(answer.body.find("\"allimages\""), std::string::npos);

    // Another mirror on the same port fails at once, even though cpp-httplib would allow SO_REUSEPORT.
    ConclabProcess second({"mirror", "--port", std::to_string(port)});
    EXPECT_EQ(second.wait_exit(), 1);
    EXPECT_EQ(second.all_stderr(), "error: port " + std::to_string(port) + " is in use\n");

    kill(process.pid(), SIGTERM);
    EXPECT_EQ(process.wait_exit(), 0);
}

TEST(MirrorCommand, SigintEndsItToo) {
    const int port = mirror_test::free_port();
    ConclabProcess process({"mirror", "--port", std::to_string(port), "--images", "10"});
    EXPECT_FALSE(process.first_line().empty());
    kill(process.pid(), SIGINT);
    EXPECT_EQ(process.wait_exit(), 0);
}

TEST(MirrorCommand, PortTakenByAnotherProgramExits1) {
    // A plain listening socket, as any other program would hold the port.
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(listen(fd, 1), 0);
    ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
    const int port = ntohs(address.sin_port);
    ConclabProcess process({"mirror", "--port", std::to_string(port)});
    EXPECT_EQ(process.wait_exit(), 1);
    EXPECT_EQ(process.all_stderr(), "error: port " + std::to_string(port) + " is in use\n");
    close(fd);
}
