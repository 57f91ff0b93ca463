// [SECTION] index: helpers · request log · picture cache · api.php · images · install
#include "server/mirror/mirror_routes.h"

#include "server/mirror/api_query.h"
#include "server/mirror/connection_reset.h"
#include "server/mirror/faults.h"
#include "server/http_common.h"
#include "server/mirror/name_hash.h"
#include "server/mirror/picture.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

namespace conclab::mirror {

namespace {

using Clock = std::chrono::steady_clock;

// [SECTION] helpers

std::string base_url_of(const httplib::Request& request) {
    const std::string host = request.get_header_value("Host");
    if (!host.empty()) return "http://" + host;
    // No Host (HTTP/1.0): the address the client reached, as a URL writes it.
    return "http://" + http::url_host(request.local_addr) + ":" + std::to_string(request.local_port);
}

void allow_any_origin(httplib::Response& response) {
    http::set_header_once(response, "Access-Control-Allow-Origin", "*");
}

// What upload.wikimedia.org sends with every file, and what a cross-origin-isolated page needs to embed it.
void set_image_headers(httplib::Response& response) {
    allow_any_origin(response);
    http::set_header_once(response, "Cross-Origin-Resource-Policy", "cross-origin");
    http::set_header_once(response, "Timing-Allow-Origin", "*");
    http::set_header_once(response, "Cache-Control", "no-store");   // every benchmark run downloads for real
}

void answer_preflight(const httplib::Request& request, httplib::Response& response) {
    allow_any_origin(response);
    http::set_header_once(response, "Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    const std::string asked = request.get_header_value("Access-Control-Request-Headers");
    if (!asked.empty()) http::set_header_once(response, "Access-Control-Allow-Headers", asked);
    http::set_header_once(response, "Access-Control-Max-Age", "86400");
    response.status = 204;
}

// Streams [0, length) of `image`, `bandwidth` bytes per second at most (0: no limit), and ends the
// connection early at `cut_at` when it is below length.
struct BodyStream {
    std::shared_ptr<const PaddedJpeg> image;
    std::uint64_t cut_at = 0;
    std::uint64_t bandwidth = 0;
    Clock::time_point started{};
    bool sending = false;
    std::uint64_t range_offset = 0;   // where in the image the answer starts (a Range's first byte)
    std::uint64_t first_offset = 0;   // the provider's first offset (pacing counts from there)
    std::vector<std::uint8_t> buffer;
};

}  // namespace

MirrorRoutes::MirrorRoutes(const MirrorOptions& options) : options_(options), catalog_(options.seed, options.images) {
    if (!options_.faults.pinned) return;
    std::size_t rank = 0;
    for (const CatalogEntry& entry : catalog_.entries())   // sorted by name
        if (entry.is_jpeg()) jpeg_index_.emplace(entry.name, rank++);
}

std::optional<FaultPlan> MirrorRoutes::pinned_plan(const std::string& name) const {
    const auto it = jpeg_index_.find(name);
    if (it == jpeg_index_.end()) return std::nullopt;
    return pinned_fault(it->second);
}

void MirrorRoutes::stop() {
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    stopped_signal_.notify_all();
}

bool MirrorRoutes::pause(double seconds) {
    std::unique_lock lock(mutex_);
    if (seconds <= 0) return !stopped_;
    const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    return !stopped_signal_.wait_until(lock, until, [&] { return stopped_; });
}

bool MirrorRoutes::pause_while_connected(double seconds, int fd) {
    if (fd < 0) return pause(seconds);
    constexpr double kLook = 0.05;   // how often to look at the socket
    const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    while (Clock::now() < until) {
        if (peer_hung_up(fd)) return false;
        const double left = std::chrono::duration<double>(until - Clock::now()).count();
        if (!pause(std::min(left, kLook))) return false;
    }
    return !peer_hung_up(fd);
}

std::uint64_t MirrorRoutes::next_attempt(const std::string& name) {
    std::lock_guard lock(mutex_);
    return attempts_[name]++;
}

std::uint64_t MirrorRoutes::next_query_attempt(const std::string& query) {
    const std::uint64_t key = hash_name(query);
    std::lock_guard lock(mutex_);
    if (const auto found = query_index_.find(key); found != query_index_.end()) {
        query_attempts_.splice(query_attempts_.begin(), query_attempts_, found->second);   // now the most recent
        return found->second->second++;
    }
    query_attempts_.emplace_front(key, 1);
    query_index_.emplace(key, query_attempts_.begin());
    if (query_attempts_.size() > kRememberedQueries) {
        query_index_.erase(query_attempts_.back().first);
        query_attempts_.pop_back();
    }
    return 0;
}

std::size_t MirrorRoutes::remembered_queries() {
    std::lock_guard lock(mutex_);
    return query_attempts_.size();
}

// [SECTION] request log

class MirrorRoutes::LoggedRequest {
public:
    LoggedRequest(MirrorRoutes& routes, std::uint64_t id) : routes_(routes), id_(id) {}
    ~LoggedRequest() { routes_.end_request(id_); }
    LoggedRequest(const LoggedRequest&) = delete;
    LoggedRequest& operator=(const LoggedRequest&) = delete;

private:
    MirrorRoutes& routes_;
    std::uint64_t id_;
};

std::shared_ptr<MirrorRoutes::LoggedRequest> MirrorRoutes::log_request(RequestRecord record) {
    record.started_s = std::chrono::duration<double>(Clock::now() - born_).count();
    const int now_in_flight = ++requests_in_flight_;
    int peak = peak_requests_.load();
    while (now_in_flight > peak && !peak_requests_.compare_exchange_weak(peak, now_in_flight)) {
    }
    std::lock_guard lock(log_mutex_);
    log_.push_back(std::move(record));
    if (log_.size() > kLoggedRequests) {
        log_.pop_front();
        ++log_first_id_;
    }
    return std::make_shared<LoggedRequest>(*this, log_first_id_ + log_.size() - 1);
}

void MirrorRoutes::end_request(std::uint64_t id) {
    --requests_in_flight_;
    std::lock_guard lock(log_mutex_);
    if (id >= log_first_id_) log_[id - log_first_id_].ended_s = std::chrono::duration<double>(Clock::now() - born_).count();
}

std::vector<RequestRecord> MirrorRoutes::request_log() const {
    std::lock_guard lock(log_mutex_);
    return {log_.begin(), log_.end()};
}

nlohmann::json MirrorRoutes::log_json() const {
    nlohmann::json requests = nlohmann::json::array();
    for (const RequestRecord& r : request_log())
        requests.push_back({{"kind", r.kind},
                            {"name", r.name},
                            {"net", r.net},
                            {"delay_s", r.delay_s},
                            {"bandwidth", r.bandwidth},
                            {"chunk", r.chunk},
                            {"started_s", r.started_s},
                            {"ended_s", r.ended_s ? nlohmann::json(*r.ended_s) : nlohmann::json(nullptr)}});
    return {{"requests_in_flight", requests_in_flight()},
            {"peak_requests_in_flight", peak_requests()},
            {"requests", std::move(requests)}};
}

// [SECTION] picture cache

std::shared_ptr<const PaddedJpeg> MirrorRoutes::image_for(const CatalogEntry& entry) {
    {
        std::lock_guard lock(mutex_);
        if (const auto it = pictures_.find(entry.name); it != pictures_.end()) return it->second;
    }
    // Encoded outside the lock: two threads may both encode a name, and get the same bytes.
    auto encoded = encode_picture(entry.name, entry.width, entry.height, entry.size);
    if (encoded.empty()) return nullptr;
    auto image = std::make_shared<const PaddedJpeg>(std::move(encoded), entry.size);
    std::lock_guard lock(mutex_);
    if (pictures_.emplace(entry.name, image).second) {
        picture_order_.push_back(entry.name);
        if (picture_order_.size() > kCachedPictures) {
            pictures_.erase(picture_order_.front());
            picture_order_.pop_front();
        }
    }
    return image;
}

// [SECTION] install (api.php and images)

void MirrorRoutes::install(httplib::Server& server) {
    server.Get("/", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("Concurrency Lab: a local mirror of Wikimedia Commons for the wikipics demo.\n"
                             "API: /w/api.php?action=query&list=allimages&aiprop=url|size|mime&format=json\n",
                             "text/plain; charset=utf-8");
    });

    // --pin-faults: which JPEG gets which fault ({"Name.jpg": "reset", …}); 404 without the option.
    server.Get("/pinned-faults", [this](const httplib::Request&, httplib::Response& response) {
        allow_any_origin(response);
        if (jpeg_index_.empty()) {
            response.status = 404;
            response.set_content("404 Not Found: the mirror pins faults only with --pin-faults\n", "text/plain");
            return;
        }
        nlohmann::ordered_json pins = nlohmann::ordered_json::object();
        for (const auto& [name, rank] : jpeg_index_)
            if (const std::string_view fault = pinned_fault_name(rank); !fault.empty()) pins[name] = fault;
        response.set_content(pins.dump(), "application/json; charset=utf-8");
    });

    // What the mirror decided per request and when each ran (tests count the requests in flight at once).
    server.Get("/mirror-log", [this](const httplib::Request&, httplib::Response& response) {
        allow_any_origin(response);
        http::set_header_once(response, "Cache-Control", "no-store");
        response.set_content(log_json().dump(), "application/json; charset=utf-8");
    });

    server.Options("/w/api.php", answer_preflight);
    server.Options(R"(/images/.*)", answer_preflight);

    server.Get("/w/api.php", [this](const httplib::Request& request, httplib::Response& response) {
        // The answer's URLs start with the Host the client named: it must be a host (and so text).
        if (request.has_header("Host") && !request.get_header_value("Host").empty() &&
            !http::is_valid_host(request.get_header_value("Host"))) {
            response.status = 400;
            response.set_content("400 Bad Request: the Host header is not a host[:port]\n", "text/plain");
            return;
        }
        FaultPlan plan;
        if (options_.api_faults)
            plan = plan_request(options_.faults, options_.seed, request.target, next_query_attempt(request.target));
        const auto net = plan_net(request.get_param_value("net"), options_.seed, request.target);
        if (net) plan.delay_s = net->delay_s;   // latency only: the answer is a few kB
        const auto logged = log_request({"api", "", net ? net->profile : "", plan.delay_s, 0, 0});
        if (!pause(plan.delay_s)) return;
        if (options_.api_faults) {
            if (plan.kind == FaultKind::reset &&
                reset_connection(request.local_addr, request.local_port, request.remote_addr, request.remote_port))
                return;
            if (plan.kind == FaultKind::error || plan.kind == FaultKind::rate_limit) {
                response.status = plan.kind == FaultKind::error ? plan.error_status : 429;
                if (plan.kind == FaultKind::rate_limit) http::set_header_once(response, "Retry-After", "1");
                response.set_content("fault injected by the mirror\n", "text/plain");
                return;
            }
        }
        ApiParams params;
        for (const auto& [name, value] : request.params) params.emplace(name, value);
        if (const auto it = params.find("origin"); it != params.end() && it->second == "*") allow_any_origin(response);
        auto body = std::make_shared<const std::string>(
            answer_api_query(catalog_, params, base_url_of(request)).dump());
        if (plan.kind == FaultKind::none) {
            response.set_content(*body, "application/json; charset=utf-8");
            return;
        }
        // A truncated (or, without a socket to reset, cut) answer: half of the JSON, then the connection closes.
        response.set_content_provider(body->size(), "application/json; charset=utf-8",
                                      [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                          const std::size_t half = body->size() / 2;
                                          return offset < half && sink.write(body->data() + offset, half - offset);
                                      });
    });

    server.Get(R"(/images/([0-9a-f])/([0-9a-f]{2})/([^/]+))", [this](const httplib::Request& request,
                                                                       httplib::Response& response) {
        // Ranges are answered here, one at most (httplib would answer several as a multipart of copies). The
        // mirror sends no validator (ETag, Last-Modified), so an If-Range can never match: the whole image.
        auto ranges = http::take_ranges(request);
        if (request.has_header("If-Range")) ranges.clear();
        set_image_headers(response);
        const std::string hash_path = request.matches[1].str() + "/" + request.matches[2].str();
        const std::string name = request.matches[3].str();
        const CatalogEntry* entry = catalog_.find(name);
        if (!entry || entry->hash_path() != hash_path) {
            response.status = 404;
            response.set_content("404 Not Found: no such file in the mirror\n", "text/plain");
            return;
        }
        if (!entry->is_jpeg()) {
            response.status = 404;
            response.set_content("404 Not Found: the mirror serves its JPEG files only (this is " + entry->mime + ")\n",
                                 "text/plain");
            return;
        }

        const std::uint64_t attempt = next_attempt(name);
        FaultPlan plan = pinned_plan(name).value_or(plan_request(options_.faults, options_.seed, name, attempt));
        // A network profile asked for with the request replaces the mirror's own delay and bandwidth for it.
        const auto net = plan_net(request.get_param_value("net"), options_.seed, name);
        if (net && plan.kind != FaultKind::timeout) plan.delay_s = net->delay_s;
        const std::uint64_t bandwidth = net ? net->bandwidth : options_.faults.bandwidth;
        auto logged = log_request({"image", name, net ? net->profile : "", plan.delay_s, bandwidth, chunk_for(bandwidth)});
        if (plan.kind == FaultKind::timeout) {
            // No answer until the client gives up (it hangs up: the wait ends and the thread is free again).
            const int fd = find_connection(request.local_addr, request.local_port, request.remote_addr, request.remote_port);
            ++timeouts_waiting_;
            const bool answered = pause_while_connected(plan.delay_s, fd);
            --timeouts_waiting_;
            if (!answered) {
                response.status = 504;   // nobody reads it: the client is gone (or the mirror is stopping)
                http::set_header_once(response, "Connection", "close");
                return;
            }
        } else if (!pause(plan.delay_s)) {
            return;
        }
        switch (plan.kind) {
            case FaultKind::error:
                response.status = plan.error_status;
                response.set_content(plan.error_status == 418   ? "418 I'm a teapot (fault injected by the mirror)\n"
                                     : plan.error_status == 404 ? "404 Not Found (fault pinned by the mirror)\n"
                                                                : "500 Internal Server Error (fault injected by the mirror)\n",
                                     "text/plain");
                return;
            case FaultKind::rate_limit:
                response.status = 429;
                http::set_header_once(response, "Retry-After", "1");
                response.set_content("429 Too Many Requests (fault injected by the mirror)\n", "text/plain");
                return;
            case FaultKind::reset:
                if (reset_connection(request.local_addr, request.local_port, request.remote_addr, request.remote_port))
                    return;
                break;   // socket not found: fall through to a truncated answer, the nearest failure
            case FaultKind::truncate:
            case FaultKind::timeout:   // a client that waited 601 s gets the picture
            case FaultKind::none:
                break;
        }

        auto image = image_for(*entry);
        if (!image) {
            response.status = 500;
            response.set_content("500: the mirror could not encode this picture\n", "text/plain");
            return;
        }
        const http::RangeChoice range = http::choose_range(ranges, image->size());
        if (range.kind == http::RangeChoice::Kind::unsatisfiable) {
            response.status = 416;
            http::set_header_once(response, "Content-Range", http::content_range(range, image->size()));
            response.set_content("416 Range Not Satisfiable\n", "text/plain");
            return;
        }
        if (range.kind == http::RangeChoice::Kind::part) {
            response.status = 206;
            http::set_header_once(response, "Content-Range", http::content_range(range, image->size()));
        }
        auto stream = std::make_shared<BodyStream>();
        stream->image = image;
        stream->range_offset = range.offset;
        stream->bandwidth = bandwidth;
        stream->cut_at = plan.kind == FaultKind::none || plan.kind == FaultKind::timeout ? image->size() : image->size() / 2;
        stream->buffer.resize(chunk_for(bandwidth));
        const int now_in_flight = ++streams_in_flight_;
        int peak = peak_streams_.load();
        while (now_in_flight > peak && !peak_streams_.compare_exchange_weak(peak, now_in_flight)) {
        }
        response.set_content_provider(
            static_cast<std::size_t>(range.length), "image/jpeg",
            [this, stream](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                const std::uint64_t at = stream->range_offset + offset;   // in the image
                if (at >= stream->cut_at) return false;   // truncate: the server closes the connection
                if (!stream->sending) {
                    stream->sending = true;
                    stream->started = Clock::now();
                    stream->first_offset = offset;
                }
                const std::size_t want = static_cast<std::size_t>(
                    std::min<std::uint64_t>({length, stream->buffer.size(), stream->cut_at - at}));
                const std::size_t got = stream->image->read(at, std::span(stream->buffer.data(), want));
                if (!sink.write(reinterpret_cast<const char*>(stream->buffer.data()), got)) return false;
                if (stream->bandwidth > 0) {
                    // Pace against the start, not the last chunk, so sleeping's overshoot does not add up.
                    const double due =
                        static_cast<double>(offset + got - stream->first_offset) / static_cast<double>(stream->bandwidth);
                    const double elapsed = std::chrono::duration<double>(Clock::now() - stream->started).count();
                    if (due > elapsed && !pause(due - elapsed)) return false;
                }
                return true;
            },
            [this, logged](bool) { --streams_in_flight_; });
    });
}

}  // namespace conclab::mirror
