#include "http_common.h"

#include <httplib.h>

#include <algorithm>

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

}  // namespace conclab::http
