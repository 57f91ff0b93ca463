// Helpers shared by the mirror's tests: decoding a JPEG with stb_image, a raw HTTP exchange that shows what
// a socket really received (resets, short bodies), and a free TCP port.
#pragma once

#include "free_port.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mirror_test {

struct DecodedImage {
    bool ok = false;
    int width = 0;
    int height = 0;
};

/// @brief Decodes `bytes` with stbi_load_from_memory.
DecodedImage decode_jpeg(const std::vector<std::uint8_t>& bytes);

/// @brief What one HTTP/1.1 request on a fresh connection got back, read until EOF or a socket error.
struct RawExchange {
    std::string head;            ///< status line and headers (without the blank line)
    std::string body;            ///< bytes after the headers
    int status = 0;              ///< from the status line, 0 when no answer arrived
    long long content_length = -1;
    int read_errno = 0;          ///< errno of the read that ended the exchange (0: clean EOF)
};

/// @brief Sends "METHOD path" to 127.0.0.1:port with Connection: close (and `extra_headers`, each line ending in
/// "\r\n") and reads everything.
RawExchange raw_request(int port, const std::string& path, const std::string& method = "GET",
                        const std::string& extra_headers = "");

/// @brief Sends `request` (the whole request, as bytes) to 127.0.0.1:port and reads everything.
RawExchange raw_send(int port, const std::string& request);

/// @brief Every value of header `name` (case-insensitive) in a response head, in order.
std::vector<std::string> header_values(const std::string& head, const std::string& name);

using conclab::test::free_port;

}  // namespace mirror_test
