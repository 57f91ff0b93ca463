// `conclab serve`'s read-only site over GET and HEAD (static_site.h).
#include "server/static_site.h"

#include "server/http_common.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace conclab::server {

namespace fs = std::filesystem;

namespace {


std::string content_type_of(const fs::path& file) {
    static const std::map<std::string, std::string, std::less<>> types{
        {".html", "text/html"},          {".htm", "text/html"},
        {".js", "text/javascript"},      {".mjs", "text/javascript"},
        {".css", "text/css"},            {".json", "application/json"},
        {".map", "application/json"},    {".wasm", "application/wasm"},
        {".webmanifest", "application/manifest+json"},
        {".png", "image/png"},           {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},         {".gif", "image/gif"},
        {".svg", "image/svg+xml"},       {".ico", "image/vnd.microsoft.icon"},
        {".ttf", "font/ttf"},            {".otf", "font/otf"},
        {".woff", "font/woff"},          {".woff2", "font/woff2"},
        {".txt", "text/plain"},          {".data", "application/octet-stream"},
    };
    const auto it = types.find(file.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

bool worth_compressing(std::string_view content_type) {
    return content_type.starts_with("text/") || content_type == "application/json" ||
           content_type == "application/wasm" || content_type == "application/manifest+json" ||
           content_type == "image/svg+xml";
}

// A browser on this machine reads the files faster than gzip saves time (the page was ready ~0.2 s later with
// gzip, measured with web/bench/ready.mjs): auto compresses for clients on other machines (a class on a LAN).
bool is_loopback(const std::string& address) {
    return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

bool has_control_bytes(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
}

bool is_inside(const fs::path& root, const fs::path& real) {
    return std::mismatch(root.begin(), root.end(), real.begin(), real.end()).first == root.end();
}

struct Lookup {
    enum class Outcome { file, not_found, add_slash } outcome = Outcome::not_found;
    fs::path real;
};

// The regular file a decoded URL path names under `root` (canonical), following symlinks only while they stay inside.
Lookup look_up(const fs::path& root, const std::string& url_path) {
    std::error_code error;
    fs::path real = fs::canonical(root / fs::path(url_path).relative_path(), error);
    if (error || !is_inside(root, real)) return {};
    if (fs::is_directory(real, error)) {
        if (url_path.back() != '/') return {Lookup::Outcome::add_slash, {}};
        real = fs::canonical(real / "index.html", error);
        if (error || !is_inside(root, real)) return {};
    }
    if (!fs::is_regular_file(real, error)) return {};
    return {Lookup::Outcome::file, real};
}

// An open regular file and what identifies its version (size, change time, inode): the ETag and the gzip cache key.
struct OpenFile {
    int fd = -1;
    std::uint64_t size = 0;
    std::string stamp;
    ~OpenFile() {
        if (fd >= 0) ::close(fd);
    }
};

std::shared_ptr<OpenFile> open_regular_file(const fs::path& real) {
    auto file = std::make_shared<OpenFile>();
    file->fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat info {};
    if (file->fd < 0 || ::fstat(file->fd, &info) != 0 || !S_ISREG(info.st_mode)) return nullptr;
    file->size = static_cast<std::uint64_t>(info.st_size);
    char stamp[80];
    std::snprintf(stamp, sizeof stamp, "%llx-%llx-%lx-%llx", static_cast<unsigned long long>(info.st_size),
                  static_cast<unsigned long long>(info.st_mtim.tv_sec), static_cast<long>(info.st_mtim.tv_nsec),
                  static_cast<unsigned long long>(info.st_ino));
    file->stamp = stamp;
    return file;
}

bool read_all(const OpenFile& file, std::string& bytes) {
    bytes.resize(file.size);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::pread(file.fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Whether the client takes gzip ("gzip" listed without q=0).
bool accepts_gzip(const std::string& accept_encoding) {
    std::size_t start = 0;
    while (start <= accept_encoding.size()) {
        std::size_t end = accept_encoding.find(',', start);
        if (end == std::string::npos) end = accept_encoding.size();
        std::string item = accept_encoding.substr(start, end - start);
        item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
        std::transform(item.begin(), item.end(), item.begin(), [](unsigned char c) { return std::tolower(c); });
        const std::size_t semicolon = item.find(';');
        const std::string name = item.substr(0, semicolon);
        const bool refused = semicolon != std::string::npos && item.find("q=0", semicolon) != std::string::npos &&
                             item.find_first_of("123456789", semicolon) == std::string::npos;
        if ((name == "gzip" || name == "x-gzip") && !refused) return true;
        start = end + 1;
    }
    return false;
}

// Compressed copies of the site's text and wasm files, made once per file version and shared by every request
// (compressing per request would cost each reload the CPU; files change when the app is rebuilt, hence the stamp).
class GzipCache {
public:
    static constexpr std::uint64_t kMaxFileBytes = 64ull << 20;

    std::shared_ptr<const std::string> get(const fs::path& real, const OpenFile& file) {
#ifdef CPPHTTPLIB_ZLIB_SUPPORT
        if (file.size < 512 || file.size > kMaxFileBytes) return nullptr;
        {
            std::lock_guard lock(mutex_);
            if (auto it = entries_.find(real.string()); it != entries_.end() && it->second.stamp == file.stamp)
                return it->second.bytes;
        }
        std::string plain;
        if (!read_all(file, plain)) return nullptr;
        auto compressed = std::make_shared<std::string>();
        httplib::detail::gzip_compressor compressor;
        const bool ok = compressor.compress(plain.data(), plain.size(), true, [&](const char* data, std::size_t n) {
            compressed->append(data, n);
            return true;
        });
        std::shared_ptr<const std::string> result;
        if (ok && compressed->size() < plain.size()) result = std::move(compressed);
        std::lock_guard lock(mutex_);
        entries_[real.string()] = {file.stamp, result};   // an incompressible file is remembered as such too
        return result;
#else
        (void)real;
        (void)file;
        return nullptr;
#endif
    }

    // Compresses what the first page load will ask for, so that it does not wait for it.
    void warm(const fs::path& root, std::stop_token stop) {
        std::error_code error;
        for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, error);
             !error && it != fs::recursive_directory_iterator() && !stop.stop_requested(); it.increment(error)) {
            if (!it->is_regular_file(error) || !worth_compressing(content_type_of(it->path()))) continue;
            std::string url_path = "/";   // appended, not "/" + …: GCC 12 warns (-Wrestrict) on that falsely
            url_path += fs::relative(it->path(), root, error).string();
            const Lookup lookup = look_up(root, url_path);
            if (lookup.outcome != Lookup::Outcome::file) continue;
            if (auto file = open_regular_file(lookup.real)) get(lookup.real, *file);
        }
    }

private:
    struct Entry {
        std::string stamp;
        std::shared_ptr<const std::string> bytes;
    };
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

// [SECTION] Requests

constexpr std::size_t kSendChunkBytes = 64 * 1024;
constexpr std::size_t kMaxRequestBodyBytes = 64 * 1024;

void answer_error(httplib::Response& res, int status, const char* text) {
    res.status = status;
    res.set_content(text, "text/plain");
}

void answer_method_not_allowed(httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    answer_error(res, 405, "only GET and HEAD are served\n");
}

bool etag_matches(const std::string& if_none_match, const std::string& etag) {
    return if_none_match.find('*') != std::string::npos || if_none_match.find(etag) != std::string::npos;
}

// Where a folder's URL without its final slash redirects: the same path with the slash, always a path on this server.
// `//evil.example` must not become `Location: //evil.example/` (a browser reads that as another host, and a
// backslash as a slash): leading slashes collapse into one and backslashes are sent encoded.
std::string folder_location(const std::string& target) {
    const std::size_t query = target.find('?');
    const std::string path = target.substr(0, query);
    std::string location = "/";
    const std::size_t first = std::min(path.find_first_not_of('/'), path.size());
    for (std::size_t i = first; i < path.size(); ++i) {
        if (path[i] == '\\') location += "%5C";
        else location += path[i];
    }
    location += '/';
    if (query != std::string::npos) location += target.substr(query);
    return location;
}

}  // namespace

class StaticSite::Impl {
public:
    Impl(fs::path root, Compress compress) : root_(std::move(root)), compress_(compress) {}

    const fs::path& root() const { return root_; }
    Compress compress() const { return compress_; }
    GzipCache& gzip() { return gzip_; }

    // Every GET and HEAD ends here (before httplib's router would read a body or apply ranges).
    void answer(const httplib::Request& req, httplib::Response& res) {
        // httplib slices (and, for several ranges, repeats) whatever body we set according to req.ranges; this
        // server decides ranges itself (one at most, as the mirror's images: http_common.h), so it takes them.
        auto ranges = http::take_ranges(req);

        if (req.path.empty() || req.path.front() != '/' || has_control_bytes(req.path))
            return answer_error(res, 400, "bad path\n");
        const Lookup lookup = look_up(root_, req.path);
        if (lookup.outcome == Lookup::Outcome::add_slash) {
            res.set_redirect(folder_location(req.target), 301);
            return;
        }
        std::shared_ptr<OpenFile> file;
        if (lookup.outcome == Lookup::Outcome::file) file = open_regular_file(lookup.real);
        if (!file) return answer_error(res, 404, "not found\n");

        const std::string type = content_type_of(lookup.real);
        std::shared_ptr<const std::string> compressed;
        if (req.has_header("If-Range") && req.get_header_value("If-Range") != etag(*file, false)) ranges.clear();
        const http::RangeChoice range = http::choose_range(ranges, file->size);
        const bool one_range_asked = range.kind != http::RangeChoice::Kind::whole;
        const bool compress = compress_ == Compress::always || (compress_ == Compress::auto_ && !is_loopback(req.remote_addr));
        if (compress && !one_range_asked && worth_compressing(type) && accepts_gzip(req.get_header_value("Accept-Encoding")))
            compressed = gzip_.get(lookup.real, *file);

        const std::string tag = etag(*file, compressed != nullptr);
        res.set_header("ETag", tag);
        res.set_header("Accept-Ranges", "bytes");
        if (worth_compressing(type)) res.set_header("Vary", "Accept-Encoding");
        if (req.has_header("If-None-Match") && etag_matches(req.get_header_value("If-None-Match"), tag)) {
            res.status = 304;
            return;
        }
        if (compressed) {
            res.status = 200;
            res.set_header("Content-Encoding", "gzip");
            // The page's loading bar counts decoded bytes; Content-Length counts the compressed ones.
            res.set_header("X-Uncompressed-Length", std::to_string(file->size));
            res.set_content_provider(compressed->size(), type,
                                     [compressed](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                         return sink.write(compressed->data() + offset, length);
                                     });
            return;
        }
        const std::uint64_t offset = range.offset, length = range.length;
        res.status = 200;
        if (range.kind == http::RangeChoice::Kind::unsatisfiable) {
            res.set_header("Content-Range", http::content_range(range, file->size));
            return answer_error(res, 416, "range not satisfiable\n");
        }
        if (range.kind == http::RangeChoice::Kind::part) {
            res.status = 206;
            res.set_header("Content-Range", http::content_range(range, file->size));
        }
        if (length == 0) {
            res.set_header("Content-Type", type);
            return;
        }
        res.set_content_provider(length, type, [file, offset](std::size_t at, std::size_t wanted, httplib::DataSink& sink) {
            char buffer[kSendChunkBytes];
            const ssize_t n = ::pread(file->fd, buffer, std::min(wanted, sizeof buffer), static_cast<off_t>(offset + at));
            return n > 0 && sink.write(buffer, static_cast<std::size_t>(n));
        });
    }

private:
    static std::string etag(const OpenFile& file, bool gzip) { return "\"" + file.stamp + (gzip ? "-gz\"" : "\""); }

    fs::path root_;
    Compress compress_;
    GzipCache gzip_;
};

StaticSite::StaticSite(const fs::path& root, Compress compress) : impl_(std::make_unique<Impl>(fs::canonical(root), compress)) {}

StaticSite::~StaticSite() = default;

const fs::path& StaticSite::root() const { return impl_->root(); }

void StaticSite::answer(const httplib::Request& req, httplib::Response& res) { impl_->answer(req, res); }

void StaticSite::warm_gzip(std::stop_token stop) {
    if (impl_->compress() != Compress::never) impl_->gzip().warm(impl_->root(), stop);
}

void StaticSite::install(httplib::Server& server, std::function<bool(const httplib::Request&)> leave_to_routes) {
    server.set_keep_alive_max_count(1000);
    server.set_payload_max_length(kMaxRequestBodyBytes);
    // Cross-origin isolation, so that SharedArrayBuffer (and so wasm threads) is available. no-cache + ETag:
    // every load revalidates (a rebuilt app is never stale) and an unchanged file costs a 304.
    server.set_default_headers({{"Cross-Origin-Opener-Policy", "same-origin"},
                                {"Cross-Origin-Embedder-Policy", "require-corp"},
                                {"Cross-Origin-Resource-Policy", "same-origin"},
                                {"Cache-Control", "no-cache"}});
    server.set_pre_routing_handler([this, leave = std::move(leave_to_routes)](const httplib::Request& req,
                                                                              httplib::Response& res) {
        if (leave && leave(req) && (req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS"))
            return httplib::Server::HandlerResponse::Unhandled;   // routes installed after this
        if (req.method == "GET" || req.method == "HEAD") {
            answer(req, res);
            return httplib::Server::HandlerResponse::Handled;
        }
        // Methods that may carry a body go on to the handlers below, which drain it; the rest are refused here.
        if (req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE")
            return httplib::Server::HandlerResponse::Unhandled;
        const_cast<httplib::Request&>(req).ranges.clear();
        answer_method_not_allowed(res);
        return httplib::Server::HandlerResponse::Handled;
    });
    // A client that asks first (Expect: 100-continue, as curl does for large bodies) never sends the body.
    server.set_expect_100_continue_handler([](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "GET" || req.method == "HEAD") return 100;
        answer_method_not_allowed(res);
        res.set_header("Connection", "close");   // the body it announced will not follow on this connection
        return 405;
    });
    // A body sent anyway is read and dropped piece by piece (httplib would otherwise keep a chunked body whole),
    // so that the connection stays in step; one over kMaxRequestBodyBytes with a Content-Length is skipped unread.
    const auto refuse_body = [](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& read_body) {
        read_body([](const char*, std::size_t) { return true; });
        const_cast<httplib::Request&>(req).ranges.clear();
        answer_method_not_allowed(res);
    };
    server.Post(".*", refuse_body);
    server.Put(".*", refuse_body);
    server.Patch(".*", refuse_body);
    server.Delete(".*", refuse_body);
}

}  // namespace conclab::server
