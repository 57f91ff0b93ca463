// The platform's HTTP client for the wikipics demo: libcurl natively, emscripten_fetch on the web.
// (To be folded into platform.h.)
#pragma once

#include "wikipics/http_client.h"

#include <memory>
#include <optional>
#include <string>

namespace conclab::platform {

/// @brief A new HTTP client. Natively its User-Agent names the project with a contact URL, and it keeps at
/// most 2 connections to upload.wikimedia.org at a time (Wikimedia's robot policy for non-browser clients):
/// further requests to that host wait for a free connection.
std::unique_ptr<wikipics::HttpClient> make_http_client();

/// @brief The api.php URL of the page's own server ("http://127.0.0.1:8000/w/api.php") on the web, where
/// `conclab serve --mirror` answers it on the same origin; nullopt natively (no page, no origin).
std::optional<std::string> same_origin_api_url();

}  // namespace conclab::platform
