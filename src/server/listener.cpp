// The one listener of `conclab serve` and `conclab mirror` (listener.h): a thread per connection, closed on stop.
#include "server/listener.h"

#include "server/http_common.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

namespace conclab::server {

namespace {

using Clock = std::chrono::steady_clock;

// httplib gives each connection a thread for as long as the client keeps it open. A fixed pool (httplib's 8, the
// mirror's 64) let idle keep-alive connections hold every thread while new requests waited: this one grows, up to
// a cap, and keeps its threads. Jobs left at shutdown still run (each closes its socket at once after stop()).
class GrowingThreadPool final : public httplib::TaskQueue {
public:
    explicit GrowingThreadPool(std::size_t max_threads) : max_threads_(std::max<std::size_t>(1, max_threads)) {}
    ~GrowingThreadPool() override { shutdown(); }

    void enqueue(std::function<void()> job) override {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
        if (free_threads_ < jobs_.size() && threads_.size() < max_threads_) {
            ++free_threads_;
            threads_.emplace_back([this] { work(); });
        }
        ready_.notify_one();
    }

    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        ready_.notify_all();
        for (auto& thread : threads_)
            if (thread.joinable()) thread.join();
    }

private:
    void work() {
        std::unique_lock lock(mutex_);
        for (;;) {
            ready_.wait(lock, [this] { return !jobs_.empty() || stopping_; });
            if (jobs_.empty()) return;
            auto job = std::move(jobs_.front());
            jobs_.pop_front();
            --free_threads_;
            lock.unlock();
            job();
            lock.lock();
            ++free_threads_;
        }
    }

    const std::size_t max_threads_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;   // only enqueue() (the accept loop) adds; shutdown() runs after it
    std::size_t free_threads_ = 0;
    bool stopping_ = false;
};

bool address_of(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    const int got = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length)
                         : ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    if (got != 0) return false;
    char host[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof host, service, sizeof service,
                      NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return false;
    ip = host;
    port = std::atoi(service);
    return true;
}

int milliseconds_until(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 1'000'000));
}

// 1: readable (or closed), 0: timed out, -1: error.
int wait_for(int fd, short events, int timeout_ms) {
    pollfd watched{fd, events, 0};
    for (;;) {
        const int n = ::poll(&watched, 1, timeout_ms);
        if (n < 0 && errno == EINTR) continue;
        return n < 0 ? -1 : (n == 0 ? 0 : 1);
    }
}

// One connection's bytes: what was read from the socket and not yet taken (the head read ahead, and whatever came
// after it: a body, a pipelined next request) is handed out first, then the socket. It lives as long as the
// connection, so that nothing read ahead is lost between requests.
class ConnectionStream final : public httplib::Stream {
public:
    ConnectionStream(int fd, std::chrono::microseconds read_timeout, std::chrono::microseconds write_timeout)
        : fd_(fd), read_timeout_ms_(to_ms(read_timeout)), write_timeout_ms_(to_ms(write_timeout)) {}

    using httplib::Stream::write;

    bool is_readable() const override { return buffered() > 0 || wait_for(fd_, POLLIN, read_timeout_ms_) > 0; }
    bool is_writable() const override { return wait_for(fd_, POLLOUT, write_timeout_ms_) > 0; }

    ssize_t read(char* ptr, std::size_t size) override {
        if (buffered() == 0) {
            compact();
            if (wait_for(fd_, POLLIN, read_timeout_ms_) <= 0) return -1;
            if (size >= kChunk) return receive(ptr, size);
            if (fill(kChunk) <= 0) return -1;
        }
        const std::size_t n = std::min(size, buffered());
        std::memcpy(ptr, buffer_.data() + taken_, n);
        taken_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, std::size_t size) override {
        if (!is_writable()) return -1;
        for (;;) {
            const ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            return n;
        }
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(fd_, true, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(fd_, false, ip, port); }
    socket_t socket() const override { return fd_; }

    // The head reader's view: the bytes not taken yet, and reading more of them.
    std::size_t buffered() const { return buffer_.size() - taken_; }
    std::string_view unread() const { return std::string_view(buffer_).substr(taken_); }
    /// @brief Appends up to `most` bytes from the socket (waits at most `timeout_ms`): >0 read, 0 closed or timed
    /// out (timed_out says which), <0 error.
    ssize_t read_more(std::size_t most, int timeout_ms, bool& timed_out) {
        timed_out = false;
        const int ready = wait_for(fd_, POLLIN, timeout_ms);
        if (ready == 0) timed_out = true;
        if (ready <= 0) return ready;
        return fill(most);
    }
    /// @brief Drops what has been taken and, after a large head, the memory it needed.
    void compact() {
        buffer_.erase(0, taken_);
        taken_ = 0;
        if (buffer_.empty() && buffer_.capacity() > 4 * kChunk) std::string().swap(buffer_);
    }

private:
    static constexpr std::size_t kChunk = 4096;

    static int to_ms(std::chrono::microseconds timeout) {
        return static_cast<int>(std::clamp<long long>((timeout.count() + 999) / 1000, 0, 1'000'000));
    }

    ssize_t receive(char* ptr, std::size_t size) {
        for (;;) {
            const ssize_t n = ::recv(fd_, ptr, size, 0);
            if (n < 0 && errno == EINTR) continue;
            return n;
        }
    }

    ssize_t fill(std::size_t most) {
        const std::size_t before = buffer_.size();
        buffer_.resize(before + most);
        const ssize_t n = receive(buffer_.data() + before, most);
        buffer_.resize(before + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
        return n;
    }

    int fd_;
    int read_timeout_ms_;
    int write_timeout_ms_;
    std::string buffer_;
    std::size_t taken_ = 0;
};

enum class Head { complete, closed, too_long_line, too_large, timed_out };

// Reads until the unread bytes hold one whole request head (request line, header lines, the blank line) — where
// httplib will find its end: lines end at LF, the head at a line that is exactly CRLF — within the limits, and
// with one deadline from the head's first byte. Never reads more than a line's or the head's limit past it.
Head read_head(ConnectionStream& stream, const Limits& limits, int idle_ms) {
    std::size_t line_start = 0, search_from = 0, lines = 0;
    std::optional<Clock::time_point> deadline;
    if (stream.buffered() > 0) deadline = Clock::now() + limits.head_deadline;
    for (;;) {
        const std::string_view bytes = stream.unread();
        for (;;) {
            const std::size_t end = bytes.find('\n', search_from);
            const std::size_t line_bytes = (end == std::string_view::npos ? bytes.size() : end + 1) - line_start;
            const std::size_t line_limit = lines == 0 ? limits.request_line_bytes : limits.header_line_bytes;
            if (line_bytes > line_limit) return lines == 0 ? Head::too_long_line : Head::too_large;
            if (end == std::string_view::npos) {
                search_from = bytes.size();
                break;
            }
            if (end + 1 > limits.head_bytes) return Head::too_large;
            if (lines > 0 && line_bytes == 2 && bytes[line_start] == '\r') return Head::complete;
            if (lines > limits.headers) return Head::too_large;
            ++lines;
            line_start = search_from = end + 1;
        }
        if (bytes.size() > limits.head_bytes) return Head::too_large;

        const int wait_ms = deadline ? milliseconds_until(*deadline) : idle_ms;
        const std::size_t room = std::max<std::size_t>(
            1, std::min<std::size_t>(4096, limits.head_bytes + 1 - std::min(bytes.size(), limits.head_bytes)));
        bool timed_out = false;
        const ssize_t n = wait_ms > 0 ? stream.read_more(room, wait_ms, timed_out) : (timed_out = true, 0);
        if (n <= 0) return timed_out && deadline ? Head::timed_out : Head::closed;
        if (!deadline) deadline = Clock::now() + limits.head_deadline;
    }
}

void send_error(int fd, int status, const char* reason, const char* extra_headers = "") {
    std::string body = std::to_string(status) + " " + reason + "\n";
    std::string answer = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: text/plain\r\n" +
                         extra_headers + "Content-Length: " + std::to_string(body.size()) +
                         "\r\nConnection: close\r\n\r\n" + body;
    std::string_view rest = answer;
    while (!rest.empty() && wait_for(fd, POLLOUT, 1000) > 0) {
        const ssize_t n = ::send(fd, rest.data(), rest.size(), MSG_NOSIGNAL);
        if (n <= 0) break;
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
}

// After an error answer: closing with bytes still unread would reset the connection, and a client can lose the
// answer to the reset. Our side ends first, and a little more of what the client sends is read and dropped.
void close_gently(int fd) {
    ::shutdown(fd, SHUT_WR);
    char sink[4096];
    std::size_t dropped = 0;
    const auto until = Clock::now() + std::chrono::milliseconds(500);
    while (dropped < 64 * 1024 && wait_for(fd, POLLIN, milliseconds_until(until)) > 0) {
        const ssize_t n = ::recv(fd, sink, sizeof sink, 0);
        if (n <= 0) break;
        dropped += static_cast<std::size_t>(n);
    }
}

// Why binding failed: a plain socket tries the same address, and errno says it.
std::string bind_failure(const std::string& host, int port) {
    const std::string where = "cannot listen on " + http::url_host(host) + ":" + std::to_string(port);
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found)
        return where + ": not an address of this machine";
    std::string reason = where;
    for (addrinfo* a = found; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        const int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        const bool failed = ::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 1) != 0;
        const int error = errno;
        ::close(fd);
        if (failed) {
            reason = error == EADDRINUSE ? "port " + std::to_string(port) + " is in use"
                                         : where + ": " + std::strerror(error);
            break;
        }
    }
    ::freeaddrinfo(found);
    return reason;
}

}  // namespace

Listener::Listener(Limits limits) : limits_(limits) {
    new_task_queue = [max = limits_.threads] { return new GrowingThreadPool(max); };
    // httplib's default sets SO_REUSEPORT, which lets a second server bind the same port and take half the
    // connections. SO_REUSEADDR alone allows a quick restart and still refuses a port that is in use.
    set_socket_options([](int fd) {
        const int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
}

Listener::~Listener() { stop(); }

std::string Listener::bind(const std::string& host, int port) {
    std::lock_guard lock(mutex_);
    if (stopped_) return "";
    if (port == 0) {
        port_ = bind_to_any_port(host);
        if (port_ <= 0) return bind_failure(host, 0);
    } else {
        if (!bind_to_port(host, port)) return bind_failure(host, port);
        port_ = port;
    }
    ::listen(svr_sock_, SOMAXCONN);
    return "";
}

void Listener::stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    // httplib's stop() does nothing before listen() has started, and a listen() started after it would never end;
    // closing the socket here works at any moment.
    const int listening = svr_sock_.exchange(INVALID_SOCKET);
    if (listening != INVALID_SOCKET) {
        ::shutdown(listening, SHUT_RDWR);
        ::close(listening);
    }
    for (int fd : open_) ::shutdown(fd, SHUT_RDWR);   // their threads see the end and close them
}

ListenerCounts Listener::counts() const {
    std::lock_guard lock(mutex_);
    return counts_;
}

Listener::Admission Listener::admit(int fd, const std::string& client) {
    std::lock_guard lock(mutex_);
    if (stopped_) return Admission::stopped;
    open_.insert(fd);   // a refused connection too, while its refusal is sent: stop() ends that wait as well
    std::size_t& mine = per_client_[client];
    if (mine >= limits_.connections_per_client) {
        if (mine == 0) per_client_.erase(client);
        ++counts_.refused;
        return Admission::refused;
    }
    ++mine;
    ++counts_.open;
    return Admission::admitted;
}

void Listener::release(int fd, const std::string& client, bool admitted) {
    std::lock_guard lock(mutex_);
    open_.erase(fd);
    if (!admitted) return;
    --counts_.open;
    if (auto it = per_client_.find(client); it != per_client_.end() && --it->second == 0) per_client_.erase(it);
}

bool Listener::process_and_close_socket(socket_t sock) {
    serve_connection(sock);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return true;
}

void Listener::serve_connection(int fd) {
    std::string client;
    int client_port = 0;
    if (!address_of(fd, true, client, client_port)) return;
    const Admission admission = admit(fd, client);
    if (admission == Admission::stopped) return;
    if (admission == Admission::refused) {
        send_error(fd, 503, "Service Unavailable", "Retry-After: 1\r\n");
        close_gently(fd);
        release(fd, client, false);
        return;
    }

    ConnectionStream stream(fd, std::chrono::seconds(read_timeout_sec_) + std::chrono::microseconds(read_timeout_usec_),
                            std::chrono::seconds(write_timeout_sec_) + std::chrono::microseconds(write_timeout_usec_));
    const int idle_ms = static_cast<int>(std::clamp<long long>(keep_alive_timeout_sec_ * 1000, 1, 1'000'000));
    for (std::size_t round = 0; round < keep_alive_max_count_; ++round) {
        {
            std::lock_guard lock(mutex_);
            if (stopped_) break;
        }
        stream.compact();
        const Head head = read_head(stream, limits_, idle_ms);
        if (head == Head::closed) break;
        if (head != Head::complete) {
            {
                std::lock_guard lock(mutex_);
                ++counts_.heads_refused;
            }
            if (head == Head::too_long_line) send_error(fd, 414, "URI Too Long");
            else if (head == Head::too_large) send_error(fd, 431, "Request Header Fields Too Large");
            else send_error(fd, 408, "Request Timeout");
            close_gently(fd);
            break;
        }
        bool connection_closed = false;
        const bool last = round + 1 == keep_alive_max_count_;
        if (!process_request(stream, last, connection_closed, nullptr) || connection_closed) break;
    }
    release(fd, client, true);
}

}  // namespace conclab::server
