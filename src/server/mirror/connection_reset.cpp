// Resetting a connection from inside a route (connection_reset.h), for the mirror's faults.
#include "server/mirror/connection_reset.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <string_view>
#include <vector>

namespace conclab::mirror {

namespace {

bool same_endpoint(const sockaddr_storage& address, const std::string& host, int port) {
    char text[INET6_ADDRSTRLEN] = {};
    int actual_port = -1;
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        actual_port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        actual_port = ntohs(v6.sin6_port);
    } else {
        return false;
    }
    return actual_port == port && host == text;
}

std::vector<int> open_descriptors() {
    std::vector<int> fds;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
        const std::string name = entry.path().filename().string();
        if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos) fds.push_back(std::stoi(name));
    }
    if (fds.empty())   // no /proc: try the usual range
        for (int fd = 0; fd < 4096; ++fd) fds.push_back(fd);
    return fds;
}

}  // namespace

int find_connection(const std::string& local_addr, int local_port, const std::string& remote_addr, int remote_port) {
    for (int fd : open_descriptors()) {
        sockaddr_storage local{}, remote{};
        socklen_t local_length = sizeof local, remote_length = sizeof remote;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) != 0 ||
            getpeername(fd, reinterpret_cast<sockaddr*>(&remote), &remote_length) != 0)
            continue;
        if (same_endpoint(local, local_addr, local_port) && same_endpoint(remote, remote_addr, remote_port)) return fd;
    }
    return -1;
}

bool peer_hung_up(int fd) {
    pollfd watched{fd, POLLIN | POLLRDHUP, 0};
    if (poll(&watched, 1, 0) <= 0) return false;
    if (watched.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) return true;
    char byte;
    return recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;   // readable with nothing to read: EOF
}

bool reset_connection(const std::string& local_addr, int local_port, const std::string& remote_addr, int remote_port) {
    const int fd = find_connection(local_addr, local_port, remote_addr, remote_port);
    if (fd < 0) return false;
    sockaddr_storage local{};
    socklen_t local_length = sizeof local;
    getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length);
    const linger abort_on_close{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    // dup2 closes the connection (an RST, with linger 0) and leaves the number taken by an unconnected
    // socket, so the server's own close later cannot hit a descriptor some other thread just opened.
    const int stand_in = socket(local.ss_family, SOCK_STREAM, 0);
    if (stand_in < 0) {
        shutdown(fd, SHUT_RDWR);
        return true;
    }
    dup2(stand_in, fd);
    close(stand_in);
    return true;
}

}  // namespace conclab::mirror
