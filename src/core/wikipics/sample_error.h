// Why sampling found no images, typed like options::FieldError: a kind and its arguments (the server's own text
// already repaired and shortened). Core words them in English once (english(), the CLI's and the JSON's
// "sample_error"); the page words them in its language (ui/text/text_wikipics_errors).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::wikipics {

/// @brief What was wrong with one API request or its answer. Each kind's args are listed beside it.
enum class ApiProblemKind {
    request_failed,          ///< {net::HttpError id "network", detail or ""}
    not_json,                ///< {the answer's first characters}
    api_error,               ///< {code or "", info or ""}
    no_query,                ///< {}
    no_allimages,            ///< {}
    item_not_object,         ///< {index}
    item_lacks_fields,       ///< {index}
    item_bad_types,          ///< {index}
    item_url_not_absolute,   ///< {index, the url}
    continue_without_token,  ///< {}
    count_,
};

/// @brief Why sampling ended without `count` images.
enum class SampleErrorKind {
    none_found,  ///< {host}; the cause says why
    too_few,     ///< {found, size "1_000_000", host, requests, wanted}; a cause when a request failed
    cancelled,   ///< {}
    count_,
};

struct ApiProblem {
    ApiProblemKind kind = ApiProblemKind::not_json;
    std::vector<std::string> args;
    bool operator==(const ApiProblem&) const = default;
};

struct SampleError {
    SampleErrorKind kind = SampleErrorKind::none_found;
    std::vector<std::string> args;
    std::optional<ApiProblem> cause;
    bool operator==(const SampleError&) const = default;
};

/// @brief "not_json", "too_few": the kinds' ids, as in the JSON.
std::string_view to_string(ApiProblemKind kind);
std::string_view to_string(SampleErrorKind kind);

/// @brief The CLI's and the JSON's English: "the API answer is not JSON (it begins \"<html>…\")".
std::string english(const ApiProblem& problem);
/// @brief "no JPEGs sampled from HOST: the API request failed: network (…)", "only 5 JPEGs of about … (10 wanted)".
std::string english(const SampleError& error);

}  // namespace conclab::wikipics
