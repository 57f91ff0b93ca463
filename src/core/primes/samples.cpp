// The samples to check: the talk's, Fluent Python's, or the user's numbers (samples.h).
#include "core/primes/samples.h"

#include "core/base/options.h"

#include "core/primes/least_prime_factor.h"

#include <charconv>

namespace conclab::primes {
namespace {

constexpr std::uint64_t kMax = UINT64_MAX;

std::uint64_t prime_below(std::uint64_t n) {   // the largest prime < n
    for (std::uint64_t c = n - 1;; --c)
        if (is_prime(c)) return c;
}

std::uint64_t prime_at_or_above(std::uint64_t n) {
    for (std::uint64_t c = n;; ++c)
        if (is_prime(c)) return c;
}

// The talk's three numbers for x = 2**exponent or 1.5 * 2**exponent.
void add_group(std::vector<std::uint64_t>& out, unsigned exponent, bool times_one_and_half) {
    if (exponent >= 64) {   // 2**64: its prime below fits, the number and the semiprime don't
        const std::uint64_t p = prime_below(1ull << 32);
        out.push_back(prime_below(kMax));   // kMax itself is composite, so this is the largest prime < 2**64
        out.push_back(kMax);
        out.push_back(p * prime_below(p));
        return;
    }
    const std::uint64_t x = times_one_and_half ? (1ull << exponent) + (1ull << (exponent - 1)) : (1ull << exponent);
    out.push_back(prime_below(x));
    out.push_back(x);
    // As in the talk's sample: p, the largest prime <= sqrt(x), times q, the smallest prime > x / p.
    const std::uint64_t low = prime_below(integer_sqrt(x) + 1);
    const std::uint64_t high = prime_at_or_above(x / low + 1);
    out.push_back(low * high);
}

}  // namespace

std::vector<std::uint64_t> make_sample(int magnitude) {
    std::vector<std::uint64_t> out;
    for (int e = magnitude - 3; e <= magnitude; ++e) {
        add_group(out, static_cast<unsigned>(e), false);
        if (e < magnitude) add_group(out, static_cast<unsigned>(e), true);
    }
    return out;
}

const std::vector<std::uint64_t>& fluent_sample() {
    static const std::vector<std::uint64_t> numbers{
        2,
        142702110479723,
        299593572317531,
        3333333333333301,
        3333333333333333,
        3333335652092209,
        4444444444444423,
        4444444444444444,
        4444444488888889,
        5555553133149889,
        5555555555555503,
        5555555555555555,
        6666666666666666,
        6666666666666719,
        6666667141414921,
        7777777536340681,
        7777777777777753,
        7777777777777777,
        9999999999999917,
        9999999999999999,
    };
    return numbers;
}

std::optional<Sample> parse_sample_name(std::string_view text, options::FieldError& error) {
    if (text == "fluent") return Sample{"fluent", fluent_sample()};
    if (text.substr(0, 3) == "2**") {
        auto digits = text.substr(3);
        int k = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), k);
        if (ec == std::errc{} && ptr == digits.data() + digits.size() && k >= kMinMagnitude && k <= kMaxMagnitude)
            return Sample{std::string(text), make_sample(k)};
    }
    error = {"sample", options::ErrorKind::unknown_sample,
             {options::echo(text), std::to_string(kMinMagnitude), std::to_string(kMaxMagnitude),
              std::to_string(kTalkMagnitude)}};
    return std::nullopt;
}

std::optional<Sample> parse_number_list(std::string_view text, options::FieldError& error) {
    Sample sample{"custom", {}};
    std::size_t i = 0;
    auto is_separator = [](char c) { return c == ' ' || c == ',' || c == '\n' || c == '\t' || c == '\r' || c == ';'; };
    while (i < text.size()) {
        while (i < text.size() && is_separator(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !is_separator(text[i])) ++i;
        if (start == i) break;
        std::uint64_t n = 0;
        if (!parse_number(text.substr(start, i - start), n, error)) {
            error.field = "numbers";
            return std::nullopt;
        }
        sample.numbers.push_back(n);
    }
    if (sample.numbers.empty()) {
        error = {"numbers", options::ErrorKind::list_empty};
        return std::nullopt;
    }
    return sample;
}

std::optional<Sample> parse_sample_name(std::string_view text, std::string& error) {
    options::FieldError typed;
    auto sample = parse_sample_name(text, typed);
    if (!sample) error = options::english(typed);
    return sample;
}

std::optional<Sample> parse_number_list(std::string_view text, std::string& error) {
    options::FieldError typed;
    auto sample = parse_number_list(text, typed);
    if (!sample) error = options::english(typed);
    return sample;
}

std::string group_digits(std::uint64_t n, char separator) {
    std::string digits = std::to_string(n);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(separator);
        out.push_back(digits[i]);
    }
    return out;
}

}  // namespace conclab::primes
