// The MediaWiki API subset the demo speaks (Commons live, or `conclab mirror`): list=allimages by name
// from a prefix, within a size window, with URL, size and MIME. Pure functions: a URL out, an answer in.
#pragma once

#include "core/wikipics/sample_error.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace conclab::wikipics {

struct ImageInfo {
    std::string title;   ///< the file's name without "File:", e.g. "Hemicycle_-_Diliff.jpg"
    std::string url;     ///< absolute, as the API answered
    long long size = 0;  ///< bytes
};

struct AllImagesPage {
    std::vector<ImageInfo> images;          ///< JPEGs only (by MIME), in the API's order
    std::size_t skipped_not_jpeg = 0;
    std::optional<std::string> continue_token;   ///< aicontinue for the next page, if any
};

/// @brief Percent-encodes everything but unreserved characters (RFC 3986).
std::string url_encode(std::string_view text);

/// @brief `api_base?action=query&list=allimages&aisort=name&aiprop=url|size|mime&aifrom=…&aiminsize=…
/// &aimaxsize=…&ailimit=…&format=json&origin=*`, with `aicontinue=…` when a token is given.
std::string allimages_url(std::string_view api_base, std::string_view from_prefix, long long min_size,
                          long long max_size, int limit, std::string_view continue_token = {});

/// @brief Reads an allimages answer; the problem when it is not JSON, is an API "error" object, or lacks the
/// fields asked for (english() words it).
std::variant<AllImagesPage, ApiProblem> parse_allimages(std::string_view body);

}  // namespace conclab::wikipics
