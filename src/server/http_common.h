// HTTP pieces that `conclab serve` (static_site.cpp) and the mirror's routes (mirror/mirror_routes.cpp) share,
// so that both answer the same way: Range requests (one range at most), headers that replace the server's defaults,
// what a client sends that is not text (UTF-8, Host), and exceptions answered without their text.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace httplib {
struct Request;
struct Response;
class Server;
}

namespace conclab::http {

/// @brief What to answer to a Range header for a body of `size` bytes.
struct RangeChoice {
    enum class Kind {
        whole,           ///< 200 with the whole body: no Range, or several ranges (ignored, RFC 9110 §14.2)
        part,            ///< 206 with [offset, offset + length) and Content-Range: bytes first-last/size
        unsatisfiable,   ///< 416 with Content-Range: bytes */size
    };
    Kind kind = Kind::whole;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;   ///< whole: size
};

/// @brief The answer to the ranges httplib parsed from a Range header (first, last; -1 = the side not given).
/// One range at most: several are ignored (the whole body once, 200), since httplib 0.11.4 would answer them
/// as a multipart of copies with no check against the size (700 parts: 700 copies; `bytes=0-,0-` of a body it
/// does not hold: parts labelled 0-18446744073709551615/0).
RangeChoice choose_range(const std::vector<std::pair<ssize_t, ssize_t>>& ranges, std::uint64_t size);

/// @brief "bytes first-last/size" for a part, "bytes */size" for an unsatisfiable range, "" for the whole body.
std::string content_range(const RangeChoice& choice, std::uint64_t size);

/// @brief Takes the ranges httplib parsed off `request` (and leaves it none), so that httplib neither slices nor
/// repeats the body we set: the handler answers ranges itself with choose_range(). The Request is a non-const
/// local of httplib's request loop, so writing it through const_cast is defined.
std::vector<std::pair<ssize_t, ssize_t>> take_ranges(const httplib::Request& request);

/// @brief Sets header `name` to `value`, replacing any earlier value — the server's default headers among them
/// (httplib 0.11.4 puts set_default_headers() into the response before the handler runs, and set_header() adds
/// a second line beside them: `serve --mirror` sent CORP same-origin and cross-origin on every image).
void set_header_once(httplib::Response& response, const std::string& name, const std::string& value);

/// @brief Whether `text` is well-formed UTF-8 (no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF) —
/// what nlohmann::json needs to dump it without throwing.
bool is_valid_utf8(std::string_view text);

/// @brief Whether `host` is a Host header RFC 9110 §7.2 allows: a reg-name (letters, digits, "-._~!$&'()*+,;=",
/// %XX) or an IPv4 address, or an IPv6 literal in brackets, then optionally ":port" (digits, at most 65535).
bool is_valid_host(std::string_view host);

/// @brief `host` as a URL writes it: an IPv6 address in brackets ("::1" → "[::1]"), anything else as it is.
std::string url_host(std::string_view host);

/// @brief Makes `server` answer an exception escaping a handler with 500 and a plain body, never the exception's
/// text (httplib 0.11.4's default puts e.what() in an EXCEPTION_WHAT header). The text goes to stderr, escaped.
void answer_exceptions_plainly(httplib::Server& server);

}  // namespace conclab::http
