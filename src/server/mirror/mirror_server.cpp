#include "mirror_server.h"

#include "http_common.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace conclab::mirror {

// cpp-httplib listens with a backlog of 5: twenty clients connecting at once would see dropped SYNs and
// one-second retries. Its socket is protected, hence this subclass.
class ListeningServer : public httplib::Server {
public:
    void widen_backlog() { ::listen(svr_sock_, kBacklog); }
    // httplib's stop() does nothing before listen() has started, and a listen() started after it would
    // never end; closing the socket here works at any moment.
    void close_listener() {
        const int fd = svr_sock_.exchange(INVALID_SOCKET);
        if (fd == INVALID_SOCKET) return;
        ::shutdown(fd, SHUT_RDWR);
        ::close(fd);
    }
    static constexpr int kBacklog = 128;
};

namespace {

// Why binding failed: a plain socket tries the same address, and errno says it.
std::string bind_failure(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found)
        return "cannot listen on " + host + ":" + std::to_string(port) + ": not an address of this machine";
    std::string reason = "cannot listen on " + host + ":" + std::to_string(port);
    const int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
    if (fd >= 0) {
        const int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || listen(fd, 1) != 0)
            reason = errno == EADDRINUSE ? "port " + std::to_string(port) + " is in use" : reason + ": " + std::strerror(errno);
        close(fd);
    }
    freeaddrinfo(found);
    return reason;
}

}  // namespace

MirrorServer::MirrorServer(const MirrorOptions& options)
    : options_(options), routes_(options), server_(std::make_unique<ListeningServer>()) {
    server_->new_task_queue = [] { return new httplib::ThreadPool(kConnectionThreads); };
    // cpp-httplib's default sets SO_REUSEPORT, which lets a second server share the port silently.
    server_->set_socket_options([](int fd) {
        const int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server_->set_keep_alive_timeout(2);   // idle connections must not hold shutdown for long
    http::answer_exceptions_plainly(*server_);
    routes_.install(*server_);
}

MirrorServer::~MirrorServer() { stop(); }

std::string MirrorServer::bind() {
    std::lock_guard lock(bind_mutex_);
    if (stopped_) return "";   // run() will return at once
    if (options_.port == 0) {
        port_ = server_->bind_to_any_port(options_.host);
        if (port_ <= 0) return bind_failure(options_.host, 0);
    } else {
        if (!server_->bind_to_port(options_.host, options_.port)) return bind_failure(options_.host, options_.port);
        port_ = options_.port;
    }
    server_->widen_backlog();
    return "";
}

std::string MirrorServer::api_url() const {
    const bool v6 = options_.host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + options_.host + "]" : options_.host) + ":" + std::to_string(port_) + "/w/api.php";
}

void MirrorServer::run() { server_->listen_after_bind(); }

void MirrorServer::start() {
    // The socket already listens: connections made before the accept loop runs wait in the backlog.
    thread_ = std::make_unique<std::thread>([this] { run(); });
}

void MirrorServer::stop() {
    routes_.stop();
    {
        std::lock_guard lock(bind_mutex_);
        stopped_ = true;
        server_->close_listener();
    }
    if (thread_ && thread_->joinable()) thread_->join();
    thread_.reset();
}

}  // namespace conclab::mirror
