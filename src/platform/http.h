// The platform's HTTP client for the wikipics demo: libcurl natively, emscripten_fetch on the web.
// (To be folded into platform.h.)
#pragma once

#include "wikipics/http_client.h"

#include <memory>

namespace conclab::platform {

/// @brief A new HTTP client. Natively its User-Agent names the project with a contact URL, and it keeps at
/// most 2 connections to upload.wikimedia.org at a time (Wikimedia's robot policy for non-browser clients):
/// further requests to that host wait for a free connection.
std::unique_ptr<wikipics::HttpClient> make_http_client();

}  // namespace conclab::platform
