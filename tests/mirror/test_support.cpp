// Helpers shared by the mirror's tests (test_support.h).
#include "test_support.h"

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"   // stb_image's own code, as g++ 12 -O3 sees it
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <stdexcept>

namespace mirror_test {

DecodedImage decode_jpeg(const std::vector<std::uint8_t>& bytes) {
    DecodedImage result;
    int channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &result.width,
                                            &result.height, &channels, 3);
    result.ok = pixels != nullptr;
    stbi_image_free(pixels);
    return result;
}

RawExchange raw_request(int port, const std::string& path, const std::string& method, const std::string& extra_headers) {
    return raw_send(port, method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                              "\r\nConnection: close\r\n" + extra_headers + "\r\n");
}

RawExchange raw_send(int port, const std::string& request) {
    RawExchange exchange;
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        throw std::runtime_error("cannot connect to port " + std::to_string(port));
    }
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
        close(fd);
        throw std::runtime_error("cannot send the request");
    }
    std::string all;
    std::array<char, 65536> buffer{};
    while (true) {
        const ssize_t n = recv(fd, buffer.data(), buffer.size(), 0);
        if (n > 0) {
            all.append(buffer.data(), static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        exchange.read_errno = n < 0 ? errno : 0;
        break;
    }
    close(fd);
    const std::size_t end_of_head = all.find("\r\n\r\n");
    if (end_of_head == std::string::npos) {
        exchange.head = all;
        return exchange;
    }
    exchange.head = all.substr(0, end_of_head);
    exchange.body = all.substr(end_of_head + 4);
    if (exchange.head.rfind("HTTP/1.1 ", 0) == 0) exchange.status = std::stoi(exchange.head.substr(9, 3));
    const std::string key = "\r\nContent-Length: ";
    if (const std::size_t at = exchange.head.find(key); at != std::string::npos)
        exchange.content_length = std::stoll(exchange.head.substr(at + key.size()));
    return exchange;
}

std::vector<std::string> header_values(const std::string& head, const std::string& name) {
    const auto lower = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
        return text;
    };
    std::vector<std::string> values;
    std::size_t start = head.find("\r\n");   // after the status line
    while (start != std::string::npos) {
        start += 2;
        const std::size_t end = head.find("\r\n", start);
        const std::string line = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos && lower(line.substr(0, colon)) == lower(name)) {
            std::size_t value = colon + 1;
            while (value < line.size() && line[value] == ' ') ++value;
            values.push_back(line.substr(value));
        }
        start = end;
    }
    return values;
}

}  // namespace mirror_test
