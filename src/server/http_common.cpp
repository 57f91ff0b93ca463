// HTTP pieces shared by `conclab serve` and the mirror's routes (http_common.h).
#include "server/http_common.h"

#include "core/base/options.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>

namespace conclab::http {

RangeChoice choose_range(const std::vector<std::pair<ssize_t, ssize_t>>& ranges, std::uint64_t size) {
    if (ranges.size() != 1) return {RangeChoice::Kind::whole, 0, size};
    const auto [first, last] = ranges.front();
    if (first < 0) {   // "-N": the last N bytes
        if (last <= 0 || size == 0) return {RangeChoice::Kind::unsatisfiable, 0, 0};
        const std::uint64_t length = std::min<std::uint64_t>(static_cast<std::uint64_t>(last), size);
        return {RangeChoice::Kind::part, size - length, length};
    }
    if (static_cast<std::uint64_t>(first) >= size || (last >= 0 && last < first))
        return {RangeChoice::Kind::unsatisfiable, 0, 0};
    const std::uint64_t end = last < 0 ? size : std::min<std::uint64_t>(static_cast<std::uint64_t>(last) + 1, size);
    return {RangeChoice::Kind::part, static_cast<std::uint64_t>(first), end - static_cast<std::uint64_t>(first)};
}

std::string content_range(const RangeChoice& choice, std::uint64_t size) {
    switch (choice.kind) {
        case RangeChoice::Kind::part:
            return "bytes " + std::to_string(choice.offset) + "-" + std::to_string(choice.offset + choice.length - 1) +
                   "/" + std::to_string(size);
        case RangeChoice::Kind::unsatisfiable:
            return "bytes */" + std::to_string(size);
        case RangeChoice::Kind::whole:
            break;
    }
    return "";
}

std::vector<std::pair<ssize_t, ssize_t>> take_ranges(const httplib::Request& request) {
    auto& ranges = const_cast<httplib::Request&>(request).ranges;
    std::vector<std::pair<ssize_t, ssize_t>> taken(ranges.begin(), ranges.end());
    ranges.clear();
    return taken;
}

void set_header_once(httplib::Response& response, const std::string& name, const std::string& value) {
    response.headers.erase(name);   // every line of that name, whatever its case
    response.set_header(name, value);
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            ++i;
            continue;
        }
        std::size_t extra = 0;
        std::uint32_t code = 0, least = 0;
        if ((byte & 0xE0) == 0xC0) extra = 1, code = byte & 0x1F, least = 0x80;
        else if ((byte & 0xF0) == 0xE0) extra = 2, code = byte & 0x0F, least = 0x800;
        else if ((byte & 0xF8) == 0xF0) extra = 3, code = byte & 0x07, least = 0x10000;
        else return false;
        if (text.size() - i <= extra) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

bool is_valid_host(std::string_view host) {
    constexpr auto npos = std::string_view::npos;
    std::string_view name = host, port;
    if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos || close < 3) return false;
        name = host.substr(1, close - 1);
        const auto in_literal = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.'; };
        if (!std::all_of(name.begin(), name.end(), in_literal)) return false;
        const std::string_view rest = host.substr(close + 1);
        if (!rest.empty() && rest.front() != ':') return false;
        if (!rest.empty()) port = rest.substr(1);
    } else {
        const std::size_t colon = host.find(':');
        if (colon != std::string_view::npos) {
            name = host.substr(0, colon);
            port = host.substr(colon + 1);
        }
        if (name.empty()) return false;
        for (std::size_t i = 0; i < name.size(); ++i) {
            const char c = name[i];
            if (std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-._~!$&'()*+,;=").find(c) != npos) continue;
            if (c == '%' && i + 2 < name.size() && std::isxdigit(static_cast<unsigned char>(name[i + 1])) &&
                std::isxdigit(static_cast<unsigned char>(name[i + 2]))) {
                i += 2;
                continue;
            }
            return false;
        }
    }
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    return port.empty() || std::stoul(std::string(port)) <= 65535;
}

std::string url_host(std::string_view host) {
    if (host.find(':') == std::string_view::npos || host.starts_with('[')) return std::string(host);
    std::string bracketed;   // not "[" + host + "]": g++ 12 warns falsely (-Wrestrict) about that form
    bracketed.append(1, '[').append(host).append(1, ']');
    return bracketed;
}

void answer_exceptions_plainly(httplib::Server& server) {
    server.set_exception_handler([](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
        std::string what = "an exception that is not a std::exception";
        try {
            if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "error: %s %s: %s (answered 500)\n", options::echo(request.method).c_str(),
                     options::echo(request.path).c_str(), options::echo(what).c_str());
        // Whatever the handler had set up (a body being streamed, a range) is dropped.
        response.content_provider_ = nullptr;
        response.content_length_ = 0;
        response.is_chunked_content_provider_ = false;
        for (const char* name : {"Content-Range", "Content-Encoding", "Content-Length", "Content-Type", "ETag", "EXCEPTION_WHAT"})
            response.headers.erase(name);
        response.status = 500;
        response.set_content("500 Internal Server Error\n", "text/plain");
    });
}

}  // namespace conclab::http
