// `conclab mirror`'s options parsed with the project's option rules (mirror_options.h).
#include "server/mirror/mirror_options.h"

#include <cstdio>

namespace conclab::mirror {

namespace {

constexpr double kMaxDelaySeconds = 600;

const std::vector<options::OptionSpec> kSpecs{
    {"port", "P", "TCP port, 1..65535 (default 8001)", false},
    {"host", "ADDRESS", "Address to bind (default 127.0.0.1: this machine only)", false},
    {"seed", "S", "Seed of the catalog and of the faults (default 1)", false},
    {"images", "N", "Files in the catalog, 1..100000 (default 4600)", false},
    {"delay", "MIN..MAX", "Seconds to wait before each answer, e.g. 0.5..5 (or one number)", false},
    {"bandwidth", "BYTES_PER_S", "Throttle each answer's body, e.g. 1_200_000 (default 0: no limit)", false},
    {"error-rate", "P", "Share of image requests answered 500 or 418 (0..1)", false},
    {"truncate-rate", "P", "Share of image answers cut after about half of their Content-Length (0..1)", false},
    {"reset-rate", "P", "Share of image requests whose connection is reset without an answer (0..1)", false},
    {"rate-limit-rate", "P", "Share of image requests answered 429 with Retry-After: 1 (0..1)", false},
    {"api-faults", "", "Apply the delay and the faults to api.php too (the bandwidth limit stays on images)", true},
    {"pin-faults", "",
     "Pin a fault to each of 7 JPEGs in every 10 by name, on every request: 500, 418, 404, truncated, reset, 429, "
     "timeout (no answer for 601 s or until the client hangs up); the other 3 follow the rates. "
     "GET /pinned-faults lists them (name -> fault)",
     true},
};

const std::vector<options::OptionSpec>& specs() { return kSpecs; }

// "0.5..5" or "2" → seconds; records an error naming the value otherwise.
void read_delay(const options::Params& params, FaultOptions& faults, options::FieldErrors& errors) {
    const auto it = params.find("delay");
    if (it == params.end()) return;
    const std::string& text = it->second;
    const std::size_t dots = text.find("..");
    const auto low = options::parse_real(dots == std::string::npos ? text : text.substr(0, dots));
    const auto high = options::parse_real(dots == std::string::npos ? text : text.substr(dots + 2));
    const std::string shown = "--delay " + options::echo(text);
    if (!low || !high) {
        errors["delay"] = shown + " is not MIN..MAX in seconds (e.g. 0.5..5)";
    } else if (*low < 0 || *high > kMaxDelaySeconds) {
        errors["delay"] = shown + " is out of range: use 0 to 600 seconds";
    } else if (*low > *high) {
        errors["delay"] = shown + ": MIN is above MAX";
    } else {
        faults.delay_min_s = *low;
        faults.delay_max_s = *high;
    }
}

}  // namespace

const std::vector<options::OptionSpec>& mirror_option_specs() { return specs(); }

std::optional<MirrorOptions> parse_mirror_options(const options::Params& params, options::FieldErrors& errors) {
    MirrorOptions o;
    options::reject_unknown(params, specs(), {}, errors);
    options::read_int(params, "port", 1, 65535, o.port, errors);
    if (const auto it = params.find("host"); it != params.end()) {
        if (it->second.empty()) errors["host"] = "--host is empty: give an address such as 127.0.0.1";
        else o.host = it->second;
    }
    long long seed = static_cast<long long>(o.seed);
    if (options::read_int(params, "seed", 0LL, 9'223'372'036'854'775'807LL, seed, errors))
        o.seed = static_cast<std::uint64_t>(seed);
    options::read_int(params, "images", 1, kMaxImageCount, o.images, errors);
    read_delay(params, o.faults, errors);
    long long bandwidth = 0;
    if (options::read_int(params, "bandwidth", 0LL, 1'000'000'000'000LL, bandwidth, errors))
        o.faults.bandwidth = static_cast<std::uint64_t>(bandwidth);
    options::read_real(params, "error-rate", 0, 1, o.faults.error_rate, errors);
    options::read_real(params, "truncate-rate", 0, 1, o.faults.truncate_rate, errors);
    options::read_real(params, "reset-rate", 0, 1, o.faults.reset_rate, errors);
    options::read_real(params, "rate-limit-rate", 0, 1, o.faults.rate_limit_rate, errors);
    options::read_flag(params, "api-faults", o.api_faults, errors);
    options::read_flag(params, "pin-faults", o.faults.pinned, errors);
    const double total =
        o.faults.error_rate + o.faults.truncate_rate + o.faults.reset_rate + o.faults.rate_limit_rate;
    if (errors.empty() && total > 1 + 1e-9) {
        char text[160];
        std::snprintf(text, sizeof text,
                      "the fault rates add up to %g: --error-rate, --truncate-rate, --reset-rate and "
                      "--rate-limit-rate together must be at most 1",
                      total);
        errors["error-rate"] = text;
    }
    if (!errors.empty()) return std::nullopt;
    return o;
}

}  // namespace conclab::mirror
