// core/wikipics: options, the MediaWiki client against real-shaped answers, sampling with a fake API,
// thumbnails, and WikipicsRun over a fake HttpClient (completion order, per-image errors, cancel).
#include "core/wikipics/mediawiki_api.h"
#include "core/wikipics/sampling.h"
#include "core/wikipics/thumbnail.h"
#include "core/wikipics/wikipics_options.h"
#include "core/wikipics/wikipics_report.h"
#include "core/wikipics/wikipics_run.h"
#include "within.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>
#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

using namespace conclab;
using namespace conclab::wikipics;
using namespace conclab::net;

namespace {

double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

WikipicsClock test_clock() {
    return {{steady_seconds, [] { return std::optional<CpuSeconds>(); }}, {}};
}

std::string query_value(const std::string& url, const std::string& key) {
    const auto at = url.find("&" + key + "=");
    if (at == std::string::npos) return "";
    const auto start = at + key.size() + 2;
    return url.substr(start, url.find('&', start) - start);
}

// A JPEG of w x h pixels, made with stb_image_write.
std::string make_jpeg(int w, int h) {
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * h * 3);
    for (std::size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<unsigned char>(i * 7);
    std::string out;
    stbi_write_jpg_to_func([](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    }, &out, w, h, 3, rgb.data(), 80);
    return out;
}

// An HttpClient whose answers the test decides: a function of the URL and the limits, run on the caller's thread.
class FakeHttpClient : public HttpClient {
public:
    using Handler = std::function<HttpResponse(const std::string& url, const HttpLimits& limits)>;
    explicit FakeHttpClient(Handler handler) : handler_(std::move(handler)) {}
    ~FakeHttpClient() override {
        for (auto& t : started_) t.join();
    }
    // urls() has each URL as asked for; the handler sees it without the network profile (`net=`) a run adds.
    HttpResponse get(const std::string& url, const HttpLimits& limits) override {
        {
            std::lock_guard lock(mutex_);
            urls_.push_back(url);
        }
        std::string listed = url;
        if (const auto net = listed.find("net="); net != std::string::npos && net > 0 &&
                                                (listed[net - 1] == '?' || listed[net - 1] == '&'))
            listed.erase(net - 1, listed.find('&', net) == std::string::npos ? std::string::npos : listed.find('&', net) - net + 1);
        return handler_(listed, limits);
    }
    RequestId start(const std::string& url, const HttpLimits& limits, HttpDone on_done) override {
        std::lock_guard lock(mutex_);
        started_.emplace_back([this, url, limits, done = std::move(on_done)] { done(get(url, limits)); });
        return started_.size();
    }
    void cancel(RequestId) override {}
    std::vector<std::string> urls() const {
        std::lock_guard lock(mutex_);
        return urls_;
    }

private:
    Handler handler_;
    mutable std::mutex mutex_;
    std::vector<std::string> urls_;
    std::vector<std::thread> started_;
};

HttpResponse ok_body(std::string body) {
    HttpResponse r;
    r.status = 200;
    r.bytes_received = body.size();
    r.body = std::move(body);
    return r;
}

// A stand-in for Commons' allimages: `files` sorted by name; answers honour aifrom, aicontinue, the size
// window and ailimit, and include non-JPEG files that the client must skip.
struct FakeCommons {
    std::vector<std::tuple<std::string, long long, std::string>> files;   // name, size, mime
    int page_limit = 50;

    static FakeCommons generated(int n) {
        FakeCommons api;
        Prng prng(99);
        for (int i = 0; i < n; ++i) {
            std::string name = random_prefix(prng) + "_file_" + std::to_string(i) + (i % 5 == 0 ? ".png" : ".jpg");
            const long long size = 100'000 + static_cast<long long>(prng.below(9'900'000));
            api.files.emplace_back(name, size, i % 5 == 0 ? "image/png" : "image/jpeg");
        }
        std::sort(api.files.begin(), api.files.end());
        return api;
    }

    HttpResponse answer(const std::string& url) const {
        const std::string from = query_value(url, "aicontinue").empty() ? query_value(url, "aifrom")
                                                                         : query_value(url, "aicontinue");
        const long long low = std::stoll(query_value(url, "aiminsize"));
        const long long high = std::stoll(query_value(url, "aimaxsize"));
        nlohmann::json list = nlohmann::json::array();
        nlohmann::json doc{{"batchcomplete", ""}};
        for (const auto& [name, size, mime] : files) {
            if (name < from || size < low || size > high) continue;
            if (static_cast<int>(list.size()) == page_limit) {
                doc["continue"] = {{"aicontinue", name}, {"continue", "-||"}};
                break;
            }
            list.push_back({{"name", name}, {"size", size}, {"mime", mime},
                            {"url", "https://upload.example.org/commons/" + name},
                            {"descriptionurl", "https://commons.example.org/wiki/File:" + name}, {"ns", 6},
                            {"title", "File:" + name}});
        }
        doc["query"] = {{"allimages", list}};
        return ok_body(doc.dump());
    }
};

}  // namespace

// [SECTION] options

TEST(WikipicsOptions, DefaultsAndGoodValues) {
    options::FieldErrors errors;
    const auto defaults = parse_wikipics_options({}, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(defaults.count, 12);
    EXPECT_EQ(defaults.size, 2'000'000);
    EXPECT_EQ(defaults.executor, WikipicsExecutor::threads);
    EXPECT_EQ(defaults.max_req, 12);
    EXPECT_EQ(api_url(defaults), "https://commons.wikimedia.org/w/api.php");
    EXPECT_EQ(effective_workers(defaults), 12);   // flags2's 30, at most one per image
    const auto given = parse_wikipics_options({{"count", "40"}, {"size", "1_000_000"}, {"executor", "sequential"},
                                               {"workers", "4"}, {"max-req", "20"}, {"timeout", "2.5"},
                                               {"server", "http://127.0.0.1:8001/w/api.php"}, {"seed", "7"}},
                                              errors);
    EXPECT_TRUE(errors.empty()) << options::first_error(errors);
    EXPECT_EQ(given.count, 40);
    EXPECT_EQ(given.size, 1'000'000);
    EXPECT_EQ(given.executor, WikipicsExecutor::sequential);
    EXPECT_EQ(effective_workers(given), 1);
    EXPECT_EQ(given.max_req, 20);
    EXPECT_DOUBLE_EQ(given.timeout_s, 2.5);
    EXPECT_EQ(given.seed, 7u);
    EXPECT_EQ(api_url(given), "http://127.0.0.1:8001/w/api.php");
    auto threads = given;
    threads.executor = WikipicsExecutor::threads;
    threads.workers = 0;
    EXPECT_EQ(effective_workers(threads), 30);
}

TEST(WikipicsOptions, BadValuesNameTheOptionAndTheRule) {
    struct Case {
        std::string name, value, expected;
    };
    const std::vector<Case> cases{
        {"count", "0", "--count 0 is out of range: use 1 to 1000"},
        {"count", "1001", "--count 1001 is out of range"},
        {"size", "-5", "--size -5 is out of range: use 1 to 350000000"},
        {"size", "2MB", "--size '2MB' is not a whole number"},
        {"workers", "65", "--workers 65 is out of range: use 1 to 64"},
        {"max-req", "0", "--max-req 0 is out of range: use 1 to 100"},
        {"timeout", "0", "--timeout 0 is out of range: use more than 0 to 600"},
        {"executor", "processes", "unknown executor 'processes': use sequential|threads|async"},
        {"server", "ftp://x/api.php", "--server 'ftp://x/api.php' is not 'live' or an http(s)://"},
        {"server", "http://127.0.0.1:8001/", "is not 'live' or an http(s)://"},
        {"server", "http:///api.php", "is not 'live'"},
        {"server", "http://h/api.php?x=1", "is not 'live'"},
    };
    for (const auto& [name, value, expected] : cases) {
        options::Params params;
        params[name] = value;
        options::FieldErrors errors;
        const auto parsed = parse_wikipics_options(params, errors);
        ASSERT_EQ(errors.size(), 1u) << name;
        EXPECT_NE(conclab::options::english(errors.begin()->second).find(expected), std::string::npos) << conclab::options::english(errors.begin()->second);
        EXPECT_EQ(parsed.count, 12);   // bad values leave the defaults
    }
    std::vector<std::string> names;
    for (const auto& spec : wikipics_option_specs()) names.push_back(spec.name);
    EXPECT_EQ(names, (std::vector<std::string>{"count", "size", "executor", "workers", "max-req", "server", "net", "timeout", "seed", "runtime",
                                                "python"}));
}

// [SECTION] MediaWiki API

TEST(MediaWikiApi, AllImagesUrlAsksForWhatTheParserNeeds) {
    EXPECT_EQ(allimages_url("https://commons.wikimedia.org/w/api.php", "Kq", 1'600'000, 2'500'000, 500),
              "https://commons.wikimedia.org/w/api.php?action=query&list=allimages&aisort=name"
              "&aiprop=url%7Csize%7Cmime&aifrom=Kq&aiminsize=1600000&aimaxsize=2500000&ailimit=500&format=json&origin=*");
    const std::string next = allimages_url("http://127.0.0.1:8001/w/api.php", "Kq", 1, 2, 10, "Kqz_(1).jpg");
    EXPECT_NE(next.find("&aicontinue=Kqz_%281%29.jpg&"), std::string::npos) << next;
    EXPECT_EQ(url_encode("Ä b/&"), "%C3%84%20b%2F%26");
}

// Shaped as Commons answers (formatversion 1): batchcomplete, continue with aicontinue, query.allimages.
constexpr const char* kPageWithContinue = R"({
  "batchcomplete": "",
  "continue": {"aicontinue": "Kr\u00f6ller-M\u00fcller_Museum.jpg", "continue": "-||"},
  "query": {"allimages": [
    {"name": "Kqeens_Bridge_at_night.jpg", "size": 2041236, "width": 4000, "height": 2667,
     "url": "https://upload.wikimedia.org/wikipedia/commons/a/a1/Kqeens_Bridge_at_night.jpg",
     "descriptionurl": "https://commons.wikimedia.org/wiki/File:Kqeens_Bridge_at_night.jpg",
     "descriptionshorturl": "https://commons.wikimedia.org/w/index.php?curid=123",
     "mime": "image/jpeg", "ns": 6, "title": "File:Kqeens Bridge at night.jpg"},
    {"name": "Kr_diagram.png", "size": 1999000, "width": 800, "height": 600,
     "url": "https://upload.wikimedia.org/wikipedia/commons/b/b2/Kr_diagram.png",
     "descriptionurl": "https://commons.wikimedia.org/wiki/File:Kr_diagram.png",
     "mime": "image/png", "ns": 6, "title": "File:Kr diagram.png"},
    {"name": "Kr\u00e4mer_house.JPG", "size": 1873002, "width": 3264, "height": 2448,
     "url": "https://upload.wikimedia.org/wikipedia/commons/c/c3/Kr%C3%A4mer_house.JPG",
     "descriptionurl": "https://commons.wikimedia.org/wiki/File:Kr%C3%A4mer_house.JPG",
     "mime": "image/jpeg", "ns": 6, "title": "File:Kr\u00e4mer house.JPG"}
  ]}
})";

TEST(MediaWikiApi, PageWithContinueKeepsJpegsOnlyWithAbsoluteUrls) {
    const auto parsed = parse_allimages(kPageWithContinue);
    ASSERT_TRUE(std::holds_alternative<AllImagesPage>(parsed)) << english(std::get<ApiProblem>(parsed));
    const auto& page = std::get<AllImagesPage>(parsed);
    ASSERT_EQ(page.images.size(), 2u);
    EXPECT_EQ(page.skipped_not_jpeg, 1u);
    EXPECT_EQ(page.images[0].title, "Kqeens_Bridge_at_night.jpg");
    EXPECT_EQ(page.images[0].size, 2041236);
    EXPECT_EQ(page.images[1].url, "https://upload.wikimedia.org/wikipedia/commons/c/c3/Kr%C3%A4mer_house.JPG");
    EXPECT_EQ(page.images[1].title, "Kr\u00e4mer_house.JPG");
    ASSERT_TRUE(page.continue_token);
    EXPECT_EQ(*page.continue_token, "Kr\u00f6ller-M\u00fcller_Museum.jpg");
}

TEST(MediaWikiApi, LastPageHasNoContinue) {
    const auto parsed = parse_allimages(R"({"batchcomplete":"","query":{"allimages":[
        {"name":"Zz.jpg","size":5,"url":"https://upload.wikimedia.org/wikipedia/commons/0/0a/Zz.jpg",
         "descriptionurl":"https://commons.wikimedia.org/wiki/File:Zz.jpg","mime":"image/jpeg","ns":6,"title":"File:Zz.jpg"}]}})");
    ASSERT_TRUE(std::holds_alternative<AllImagesPage>(parsed));
    EXPECT_EQ(std::get<AllImagesPage>(parsed).images.size(), 1u);
    EXPECT_FALSE(std::get<AllImagesPage>(parsed).continue_token);
    const auto empty = parse_allimages(R"({"batchcomplete":"","query":{"allimages":[]}})");
    ASSERT_TRUE(std::holds_alternative<AllImagesPage>(empty));
    EXPECT_TRUE(std::get<AllImagesPage>(empty).images.empty());
}

TEST(MediaWikiApi, ErrorsAreClearMessages) {
    // What Commons answers to aimime in miser mode.
    const auto api_error = parse_allimages(R"({"error":{"code":"mimesearchdisabled",
        "info":"MIME search is disabled in Miser Mode.","docref":"See https://commons.wikimedia.org/w/api.php for API usage."},
        "servedby":"mw-api-ext.eqiad.main-5d9d8c8d4f-abcde"})");
    ASSERT_TRUE(std::holds_alternative<ApiProblem>(api_error));
    EXPECT_EQ(english(std::get<ApiProblem>(api_error)),
              "the API answered with an error: mimesearchdisabled \u2014 MIME search is disabled in Miser Mode.");
    const auto html = parse_allimages("<!DOCTYPE html><html><head><title>Wikimedia Error</title>");
    ASSERT_TRUE(std::holds_alternative<ApiProblem>(html));
    EXPECT_EQ(english(std::get<ApiProblem>(html)).rfind("the API answer is not JSON (it begins \"<!DOCTYPE html>", 0), 0u);
    const auto no_size = parse_allimages(R"({"query":{"allimages":[{"name":"A.jpg","url":"https://x/A.jpg","mime":"image/jpeg"}]}})");
    ASSERT_TRUE(std::holds_alternative<ApiProblem>(no_size));
    EXPECT_NE(english(std::get<ApiProblem>(no_size)).find("query.allimages[0] lacks mime, url or size"), std::string::npos);
    const auto relative = parse_allimages(R"({"query":{"allimages":[{"name":"A.jpg","size":3,"url":"/A.jpg","mime":"image/jpeg"}]}})");
    ASSERT_TRUE(std::holds_alternative<ApiProblem>(relative));
    EXPECT_NE(english(std::get<ApiProblem>(relative)).find("not absolute"), std::string::npos);
    // Typed: the kind and its arguments, the server's words among them.
    EXPECT_EQ(std::get<ApiProblem>(api_error),
              (ApiProblem{ApiProblemKind::api_error, {"mimesearchdisabled", "MIME search is disabled in Miser Mode."}}));
    EXPECT_EQ(std::get<ApiProblem>(no_size), (ApiProblem{ApiProblemKind::item_lacks_fields, {"0"}}));
    EXPECT_EQ(std::get<ApiProblem>(relative), (ApiProblem{ApiProblemKind::item_url_not_absolute, {"0", "/A.jpg"}}));
    EXPECT_EQ(english(ApiProblem{ApiProblemKind::api_error, {"", ""}}), "the API answered with an error: (no code)");
    EXPECT_TRUE(std::holds_alternative<ApiProblem>(parse_allimages(R"({"query":{}})")));
    EXPECT_TRUE(std::holds_alternative<ApiProblem>(parse_allimages("[1,2]")));
}

// [SECTION] sampling

TEST(WikipicsSampling, PrngIsSplitMix64) {
    Prng prng(0);
    EXPECT_EQ(prng.next(), 0xE220A8397B1DCDAFULL);   // SplitMix64's published first output for seed 0
    EXPECT_EQ(prng.next(), 0x6E789E6AA1B965F4ULL);
    Prng bounded(1);
    for (int i = 0; i < 1000; ++i) EXPECT_LT(bounded.below(26), 26u);
}

TEST(WikipicsSampling, PicksFromTheFourNNearestAndShufflesBySeed) {
    std::vector<ImageInfo> candidates;
    for (int i = 1; i <= 100; ++i) {
        std::string title = "f", url = "https://x/";   // appended piece by piece: g++ 12's -Wrestrict false positive
        title += std::to_string(i);
        url += std::to_string(i);
        candidates.push_back({title, url, i * 1000});
    }
    std::set<long long> nearest;   // 4N = 12 nearest to 50_000: 44_000 … 55_000 and one of 44/56 by title
    Prng a(5), b(5);
    const auto first = pick_nearest(candidates, 50'000, 3, a);
    const auto again = pick_nearest(candidates, 50'000, 3, b);
    ASSERT_EQ(first.size(), 3u);
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].url, again[i].url);
        EXPECT_LE(std::llabs(first[i].size - 50'000), 6'000) << first[i].size;
    }
    std::set<std::string> seen;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        Prng p(seed);
        for (const auto& image : pick_nearest(candidates, 50'000, 3, p)) {
            EXPECT_LE(std::llabs(image.size - 50'000), 6'000);
            seen.insert(image.url);
        }
    }
    EXPECT_GT(seen.size(), 6u);   // the shuffle reaches beyond the N nearest
    EXPECT_LE(seen.size(), 12u);  // …but never beyond the 4N nearest
}

TEST(WikipicsSampling, SameSeedSameSampleWithinTheWindow) {
    const FakeCommons api = FakeCommons::generated(3000);
    FakeHttpClient client([&](const std::string& url, const HttpLimits&) { return api.answer(url); });
    SampleRequest request;
    request.api_url = "https://fake.test/w/api.php";
    request.size = 2'000'000;
    request.count = 10;
    request.seed = 42;
    const auto first = sample_images(client, request);
    const auto second = sample_images(client, request);
    ASSERT_TRUE(std::holds_alternative<Sample>(first)) << english(std::get<SampleError>(first));
    const auto& a = std::get<Sample>(first);
    const auto& b = std::get<Sample>(second);
    ASSERT_EQ(a.images.size(), 10u);
    EXPECT_GE(a.candidates, 40u);
    EXPECT_LE(a.requests, request.max_requests);
    std::set<std::string> urls;
    for (std::size_t i = 0; i < a.images.size(); ++i) {
        EXPECT_EQ(a.images[i].url, b.images[i].url);
        EXPECT_GE(a.images[i].size, a.min_size);
        EXPECT_LE(a.images[i].size, a.max_size);
        EXPECT_NE(a.images[i].title.find(".jpg"), std::string::npos);   // PNGs were skipped
        urls.insert(a.images[i].url);
    }
    EXPECT_EQ(urls.size(), 10u);
    for (const auto& url : client.urls()) EXPECT_EQ(url.rfind("https://fake.test/w/api.php?action=query", 0), 0u);
    request.seed = 43;
    const auto other = sample_images(client, request);
    ASSERT_TRUE(std::holds_alternative<Sample>(other));
    std::set<std::string> other_urls;
    for (const auto& image : std::get<Sample>(other).images) other_urls.insert(image.url);
    EXPECT_NE(urls, other_urls);
}

TEST(WikipicsSampling, TooFewImagesIsAClearErrorWithinTheBudget) {
    FakeCommons api;
    for (int i = 0; i < 5; ++i) api.files.emplace_back("A" + std::to_string(i) + ".jpg", 1'000'000, "image/jpeg");
    FakeHttpClient client([&](const std::string& url, const HttpLimits&) { return api.answer(url); });
    SampleRequest request;
    request.api_url = "http://127.0.0.1:8001/w/api.php";
    request.size = 1'000'000;
    request.count = 10;
    request.max_requests = 6;
    const auto outcome = sample_images(client, request);
    ASSERT_TRUE(std::holds_alternative<SampleError>(outcome));
    EXPECT_EQ(english(std::get<SampleError>(outcome)).rfind("only ", 0), 0u) << english(std::get<SampleError>(outcome));
    EXPECT_NE(english(std::get<SampleError>(outcome)).find("JPEGs of about 1_000_000 bytes found on 127.0.0.1:8001 in 6 API requests"),
              std::string::npos) << english(std::get<SampleError>(outcome));
    const auto& error = std::get<SampleError>(outcome);
    EXPECT_EQ(error.kind, SampleErrorKind::too_few);
    ASSERT_EQ(error.args.size(), 5u);   // found, size, host, requests, wanted
    EXPECT_EQ(std::vector<std::string>(error.args.begin() + 1, error.args.end()),
              (std::vector<std::string>{"1_000_000", "127.0.0.1:8001", "6", "10"}));
    EXPECT_FALSE(error.cause);
    EXPECT_EQ(client.urls().size(), 6u);
    // The window widened after each exhausted prefix.
    EXPECT_NE(query_value(client.urls().front(), "aimaxsize"), query_value(client.urls().back(), "aimaxsize"));
}

TEST(WikipicsSampling, ApiFailureEndsSamplingWithItsReason) {
    FakeHttpClient client([](const std::string&, const HttpLimits&) {
        HttpResponse r;
        r.error = HttpError::network;
        r.error_detail = "Could not resolve host: nowhere.invalid";
        return r;
    });
    SampleRequest request;
    request.api_url = "https://nowhere.invalid/w/api.php";
    const auto outcome = sample_images(client, request);
    ASSERT_TRUE(std::holds_alternative<SampleError>(outcome));
    EXPECT_EQ(english(std::get<SampleError>(outcome)),
              "no JPEGs sampled from nowhere.invalid: the API request failed: network (Could not resolve host: nowhere.invalid)");
    const auto& error = std::get<SampleError>(outcome);
    EXPECT_EQ(error.kind, SampleErrorKind::none_found);
    ASSERT_TRUE(error.cause);
    EXPECT_EQ(*error.cause, (ApiProblem{ApiProblemKind::request_failed, {"network", "Could not resolve host: nowhere.invalid"}}));
    EXPECT_EQ(client.urls().size(), 1u);
}

// [SECTION] thumbnails

TEST(WikipicsThumbnail, DecodesAndScalesTheLongSideTo160) {
    const auto wide = make_thumbnail(make_jpeg(640, 320));
    ASSERT_TRUE(std::holds_alternative<Thumbnail>(wide)) << std::get<DecodeFailure>(wide).detail;
    const auto& thumb = std::get<Thumbnail>(wide);
    EXPECT_EQ(thumb.width, 160);
    EXPECT_EQ(thumb.height, 80);
    EXPECT_EQ(thumb.source_width, 640);
    EXPECT_EQ(thumb.rgba.size(), 160u * 80u * 4u);
    const auto small = make_thumbnail(make_jpeg(30, 90));
    ASSERT_TRUE(std::holds_alternative<Thumbnail>(small));
    EXPECT_EQ(std::get<Thumbnail>(small).width, 30);   // never enlarged
    EXPECT_TRUE(std::holds_alternative<DecodeFailure>(make_thumbnail("not a jpeg at all")));
    EXPECT_TRUE(std::holds_alternative<DecodeFailure>(make_thumbnail("")));
}

namespace {

std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

// A PNG whose header says `w` x `h` (RGB) and whose IDAT inflates to `inflated` bytes of zeros: with 1x1 and
// 16 MiB, a ~16 KB file that a PNG decoder inflates whole before it can notice the data is too long.
std::string png_bomb(std::uint32_t w, std::uint32_t h, int inflated) {
    std::vector<unsigned char> zeros(static_cast<std::size_t>(inflated), 0);
    int compressed_size = 0;
    unsigned char* compressed = stbi_zlib_compress(zeros.data(), inflated, &compressed_size, 9);
    const std::string idat(reinterpret_cast<const char*>(compressed), static_cast<std::size_t>(compressed_size));
    STBIW_FREE(compressed);
    const std::string ihdr = be32(w) + be32(h) + std::string{8, 2, 0, 0, 0};   // 8-bit RGB, no interlace
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) + png_chunk("IDAT", idat) + png_chunk("IEND", "");
}

// A real 16x16 JPEG whose frame header (SOF0) is rewritten to claim `w` x `h`: a few hundred bytes that a decoder
// without a budget allocates w*h*4 bytes for.
std::string jpeg_claiming(int w, int h) {
    std::string jpeg = make_jpeg(16, 16);
    const auto sof = jpeg.find("\xFF\xC0");
    if (sof == std::string::npos) return jpeg;
    jpeg[sof + 5] = static_cast<char>(h >> 8);
    jpeg[sof + 6] = static_cast<char>(h & 0xFF);
    jpeg[sof + 7] = static_cast<char>(w >> 8);
    jpeg[sof + 8] = static_cast<char>(w & 0xFF);
    return jpeg;
}

}  // namespace

// A hostile image host: a decompression bomb as PNG (listed as image/jpeg), a tiny JPEG claiming 120 MP. Each is an
// error on that image with its kind, found before stb_image allocates anything of the claimed size.
TEST(WikipicsThumbnail, OnlyJpegsWithinThePixelBudgetAreDecoded) {
    const auto bomb = make_thumbnail(png_bomb(1, 1, 16 << 20));
    ASSERT_TRUE(std::holds_alternative<DecodeFailure>(bomb));
    EXPECT_EQ(std::get<DecodeFailure>(bomb).kind, DecodeError::not_jpeg) << std::get<DecodeFailure>(bomb).detail;
    EXPECT_LT(largest_decode_allocation(), 1u << 20);   // nothing inflated

    std::string png;   // an honest small PNG is refused too: the demo asked for JPEGs
    std::vector<unsigned char> rgb(10 * 10 * 3, 200);
    stbi_write_png_to_func([](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    }, &png, 10, 10, 3, rgb.data(), 30);
    const auto small_png = make_thumbnail(png);
    ASSERT_TRUE(std::holds_alternative<DecodeFailure>(small_png));
    EXPECT_EQ(std::get<DecodeFailure>(small_png).kind, DecodeError::not_jpeg);

    const std::string claims = jpeg_claiming(12000, 10000);
    EXPECT_LT(claims.size(), 2000u);
    const auto big = make_thumbnail(claims);
    ASSERT_TRUE(std::holds_alternative<DecodeFailure>(big));
    EXPECT_EQ(std::get<DecodeFailure>(big).kind, DecodeError::too_many_pixels);
    EXPECT_NE(std::get<DecodeFailure>(big).detail.find("12000x10000"), std::string::npos) << std::get<DecodeFailure>(big).detail;
    EXPECT_LT(largest_decode_allocation(), 1u << 20);   // refused from the header: no 480 MB of pixels

    // The budget still takes a real 10–30 MP Commons photo; a JPEG within it decodes.
    EXPECT_GE(kMaxDecodedPixels, 30'000'000);
    EXPECT_TRUE(std::holds_alternative<Thumbnail>(make_thumbnail(make_jpeg(400, 300))));
    EXPECT_GE(largest_decode_allocation(), 400u * 300u * 4u);   // the counter does see a real decode
}

// A large image goes through a box reduction before stb's filter (as Pillow's thumbnail()): the thumbnail must be
// the one the filter alone makes from the full image, up to a few levels of rounding.
TEST(WikipicsThumbnail, TheReductionBeforeTheFilterKeepsTheSameThumbnail) {
    const int w = 1280, h = 960;
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &rgb[(static_cast<std::size_t>(y) * w + x) * 3];
            p[0] = static_cast<unsigned char>(x * 255 / w);
            p[1] = static_cast<unsigned char>(y * 255 / h);
            p[2] = static_cast<unsigned char>(((x / 40) + (y / 40)) % 2 ? 220 : 30);   // squares of 40 px
        }
    std::string jpeg;
    stbi_write_jpg_to_func([](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    }, &jpeg, w, h, 3, rgb.data(), 90);
    const auto made = make_thumbnail(jpeg);
    ASSERT_TRUE(std::holds_alternative<Thumbnail>(made));
    const auto& thumb = std::get<Thumbnail>(made);
    ASSERT_EQ(thumb.width, 160);
    ASSERT_EQ(thumb.height, 120);
    int dw = 0, dh = 0, dc = 0;
    unsigned char* full = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(jpeg.data()), static_cast<int>(jpeg.size()), &dw, &dh, &dc, 4);
    ASSERT_TRUE(full);
    std::vector<unsigned char> direct(thumb.rgba.size());
    ASSERT_TRUE(stbir_resize_uint8(full, dw, dh, 0, direct.data(), thumb.width, thumb.height, 0, 4));
    stbi_image_free(full);
    double total = 0;
    int worst = 0;
    for (std::size_t i = 0; i < direct.size(); ++i) {
        const int d = std::abs(static_cast<int>(direct[i]) - static_cast<int>(thumb.rgba[i]));
        total += d;
        worst = std::max(worst, d);
    }
    EXPECT_LT(total / static_cast<double>(direct.size()), 2.0);   // levels of 255, on average
    EXPECT_LT(worst, 40);   // at the squares' edges the two filters weigh a pixel or two differently
}

// [SECTION] runs

namespace {

std::vector<ImageInfo> numbered_sample(int n) {
    std::vector<ImageInfo> sample;
    for (int i = 0; i < n; ++i) sample.push_back({"img" + std::to_string(i) + ".jpg", "https://img.test/" + std::to_string(i), 1000});
    return sample;
}

WikipicsOptions run_options(WikipicsExecutor executor, int workers) {
    WikipicsOptions o;
    o.executor = executor;
    o.workers = workers;
    o.server = "http://mirror.test/w/api.php";
    return o;
}

template <typename Predicate>
bool wait_until(Predicate done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

}  // namespace

TEST(WikipicsRun, ResultsComeInCompletionOrder) {
    const std::string jpeg = make_jpeg(200, 100);
    std::mutex mutex;
    std::condition_variable released_cv;
    bool released = false;
    auto client = std::make_shared<FakeHttpClient>([&](const std::string& url, const HttpLimits&) {
        if (url.ends_with("/0")) {   // the first image waits until the test has seen the second
            std::unique_lock lock(mutex);
            test::within([&] { released_cv.wait(lock, [&] { return released; }); }, "the test to release image 0");
        }
        return ok_body(jpeg);
    });
    WikipicsRun run(run_options(WikipicsExecutor::threads, 2), numbered_sample(2), client, test_clock());
    const auto first = test::within([&] { return run.wait_next(); }, "wait_next");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->index, 1u);
    {
        std::lock_guard lock(mutex);
        released = true;
    }
    released_cv.notify_all();
    const auto second = test::within([&] { return run.wait_next(); }, "wait_next");
    ASSERT_TRUE(second);
    EXPECT_EQ(second->index, 0u);
    EXPECT_FALSE(test::within([&] { return run.wait_next(); }, "wait_next"));
    const auto report = run.report();
    EXPECT_TRUE(report.finished);
    EXPECT_EQ(report.workers, 2);
    ASSERT_TRUE(second->thumbnail);
    EXPECT_EQ(second->thumbnail->width, 160);
    EXPECT_NE(first->worker, second->worker);
    EXPECT_EQ(first->worker.rfind("thread ", 0), 0u);
}

// The network profile goes with every image request to a mirror (and none to live Commons); the JSON names it.
TEST(WikipicsRun, EachImageRequestCarriesTheNetworkProfile) {
    const std::string jpeg = make_jpeg(16, 16);
    for (const auto& [server, suffix, label] : {std::tuple{"http://mirror.test/w/api.php", "?net=phone", "phone"},
                                                std::tuple{"live", "", "live"}}) {
        auto client = std::make_shared<FakeHttpClient>([&](const std::string&, const HttpLimits&) { return ok_body(jpeg); });
        WikipicsOptions options = run_options(WikipicsExecutor::threads, 2);
        options.server = server;
        options.net = NetProfile::phone;
        WikipicsRun run(options, numbered_sample(3), client, test_clock());
        run.wait_finished();
        const auto urls = client->urls();
        ASSERT_EQ(urls.size(), 3u);
        for (const auto& url : urls) {
            EXPECT_EQ(url.rfind("https://img.test/", 0), 0u) << url;
            EXPECT_TRUE(url.ends_with(suffix)) << url;
            EXPECT_EQ(url.find("net=") != std::string::npos, std::string_view(suffix) != "") << url;
        }
        const auto doc = to_json(run.report());
        EXPECT_EQ(doc["net"], label);
        for (const auto& image : doc["images"]) EXPECT_EQ(image["url"].get<std::string>().find("net="), std::string::npos)
            << "the JSON keeps the URL the server listed";
    }
}

// A client that can tell how long a request sat in the browser's queue (the page's Resource Timing) passes it on: a
// part of the wait, in the JSON as "queued_s"; a client that cannot (libcurl) leaves the key out.
TEST(WikipicsRun, TheBrowsersQueueIsPartOfTheWaitWhereTheClientKnowsIt) {
    const std::string jpeg = make_jpeg(16, 16);
    auto client = std::make_shared<FakeHttpClient>([&](const std::string& url, const HttpLimits&) {
        HttpResponse r = ok_body(jpeg);
        r.elapsed_s = 3;
        r.first_byte_s = 2;
        if (url.ends_with("/0")) r.queued_s = 1.5;
        if (url.ends_with("/1")) r.queued_s = 9;   // never more than the wait
        return r;
    });
    WikipicsRun run(run_options(WikipicsExecutor::sequential, 0), numbered_sample(3), client, test_clock());
    run.wait_finished();
    std::map<std::size_t, ImageResult> by_index;
    for (const auto& r : run.report().results) by_index[r.index] = r;
    EXPECT_EQ(by_index[0].queued_s, 1.5);
    EXPECT_EQ(by_index[1].queued_s, 2.0);
    EXPECT_FALSE(by_index[2].queued_s);
    const auto doc = to_json(run.report());
    for (const auto& image : doc["images"]) {
        const bool known = !image["url"].get<std::string>().ends_with("/2");
        EXPECT_EQ(image.contains("queued_s"), known) << image.dump();
    }
}

TEST(WikipicsRun, PerImageErrorsKeepTheirReasonsAndTotalsCountOnlyGoodImages) {
    const std::string jpeg = make_jpeg(64, 48);
    auto client = std::make_shared<FakeHttpClient>([&](const std::string& url, const HttpLimits& limits) {
        HttpResponse r;
        const int n = std::stoi(url.substr(url.rfind('/') + 1));
        switch (n) {
            case 1: r.error = HttpError::timeout; r.bytes_received = 300; break;
            case 2: r.status = 429; r.error = HttpError::rate_limited; r.retry_after_s = 120; break;
            case 3: r.status = 404; r.error = HttpError::http_status; r.error_detail = "HTTP 404"; r.bytes_received = 20; break;
            case 4: r.status = 200; r.error = HttpError::truncated; r.bytes_received = 500; break;
            case 5: r.status = 200; r.body = "garbage"; r.bytes_received = 7; break;   // arrives, does not decode
            default: r = ok_body(jpeg);
        }
        EXPECT_GT(limits.max_body_bytes, 1000u);
        EXPECT_TRUE(limits.cancel);
        r.elapsed_s = 0.5;
        r.first_byte_s = 0.2;
        return r;
    });
    WikipicsRun run(run_options(WikipicsExecutor::sequential, 0), numbered_sample(7), client, test_clock());
    std::vector<std::size_t> order;
    while (auto r = test::within([&] { return run.wait_next(); }, "wait_next")) order.push_back(r->index);
    EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6}));   // sequential: sample order
    const auto report = run.report();
    std::map<std::size_t, ImageResult> by_index;
    for (const auto& r : report.results) by_index[r.index] = r;
    EXPECT_EQ(by_index[1].error, "timeout");
    EXPECT_EQ(by_index[2].error, "rate_limited");
    EXPECT_EQ(by_index[2].retry_after_s, 120);
    EXPECT_EQ(by_index[3].status, 404);
    EXPECT_EQ(by_index[4].error, "truncated");
    EXPECT_FALSE(by_index[5].error);
    EXPECT_TRUE(by_index[5].decode_error);
    EXPECT_FALSE(by_index[5].thumbnail);
    EXPECT_DOUBLE_EQ(by_index[0].wait_s, 0.2);
    EXPECT_DOUBLE_EQ(by_index[0].transfer_s, 0.3);
    EXPECT_EQ(by_index[0].worker, "sequential");
    EXPECT_EQ(total_bytes(report), static_cast<long long>(jpeg.size() * 2 + 7));

    const nlohmann::json doc = to_json(report);
    EXPECT_EQ(doc["demo"], "wikipics");
    EXPECT_EQ(doc["executor"], "sequential");
    EXPECT_EQ(doc["total_bytes"], jpeg.size() * 2 + 7);
    ASSERT_EQ(doc["images"].size(), 7u);
    EXPECT_TRUE(doc["images"][0]["error"].is_null());
    EXPECT_EQ(doc["images"][1]["error"], "timeout");
    EXPECT_EQ(doc["images"][1]["bytes"], 300);   // what arrived
    EXPECT_EQ(doc["images"][3]["status"], 404);
    EXPECT_EQ(doc["images"][2]["retry_after_s"], 120);   // only a 429 carries it
    EXPECT_FALSE(doc["images"][3].contains("retry_after_s"));
    for (const char* key : {"url", "bytes", "status", "error", "elapsed_s", "worker", "decode_s"})
        EXPECT_TRUE(doc["images"][0].contains(key)) << key;
    EXPECT_TRUE(doc.contains("wall_s"));
    EXPECT_TRUE(doc["cpu"].is_object());

    const std::string summary = format_summary(report);
    EXPECT_NE(summary.find("3 downloaded"), std::string::npos) << summary;
    EXPECT_NE(summary.find("errors: http_status 1 rate_limited 1 timeout 1 truncated 1"), std::string::npos) << summary;
    EXPECT_NE(summary.find("TOTAL BYTES: " + group_digits(static_cast<long long>(jpeg.size() * 2 + 7))), std::string::npos);
    EXPECT_EQ(format_image_line(by_index[0], 1), "( 1) " + std::string(11 - group_digits(static_cast<long long>(jpeg.size())).size(), ' ') +
                                                     group_digits(static_cast<long long>(jpeg.size())) + " bytes | img0.jpg");
    EXPECT_EQ(format_image_line(by_index[3], 4), "( 4)  http_status (HTTP 404) | img3.jpg");
}

// The bombs through a run: each image arrived (no HTTP error) but is reported with its decode error kind, in the
// line, the summary and the JSON.
TEST(WikipicsRun, ImageBombsAreDecodeErrorsOnTheirImages) {
    const std::string png = png_bomb(1, 1, 4 << 20), claims = jpeg_claiming(12000, 10000), jpeg = make_jpeg(64, 48);
    auto client = std::make_shared<FakeHttpClient>([&](const std::string& url, const HttpLimits&) {
        const int n = std::stoi(url.substr(url.rfind('/') + 1));
        return ok_body(n == 0 ? png : n == 1 ? claims : jpeg);
    });
    WikipicsRun run(run_options(WikipicsExecutor::sequential, 0), numbered_sample(3), client, test_clock());
    run.wait_finished();
    const auto report = run.report();
    std::map<std::size_t, ImageResult> by_index;
    for (const auto& r : report.results) by_index[r.index] = r;
    EXPECT_FALSE(by_index[0].error);
    EXPECT_EQ(by_index[0].decode_error, "not_jpeg");
    EXPECT_FALSE(by_index[0].thumbnail);
    EXPECT_EQ(by_index[1].decode_error, "too_many_pixels");
    EXPECT_FALSE(by_index[1].thumbnail);
    EXPECT_FALSE(by_index[2].decode_error);
    EXPECT_TRUE(by_index[2].thumbnail);
    const nlohmann::json doc = to_json(report);
    EXPECT_EQ(doc["images"][0]["decode_error"], "not_jpeg");
    EXPECT_EQ(doc["images"][1]["decode_error"], "too_many_pixels");
    EXPECT_FALSE(doc["images"][2].contains("decode_error"));
    const std::string summary = format_summary(report);
    EXPECT_NE(summary.find("not decoded: not_jpeg 1 too_many_pixels 1"), std::string::npos) << summary;
    EXPECT_NE(format_image_line(by_index[1], 2).find("[not decoded: too_many_pixels (12000x10000"), std::string::npos)
        << format_image_line(by_index[1], 2);
}

// The body cap comes from the user's --size, never from the size the (possibly hostile) server listed.
TEST(WikipicsRun, TheBodyCapFollowsTheSizeAskedForNotTheListing) {
    std::mutex mutex;
    std::vector<std::size_t> caps;
    auto client = std::make_shared<FakeHttpClient>([&](const std::string&, const HttpLimits& limits) {
        std::lock_guard lock(mutex);
        caps.push_back(limits.max_body_bytes);
        return ok_body(make_jpeg(8, 8));
    });
    WikipicsOptions options = run_options(WikipicsExecutor::sequential, 0);
    options.size = 1'000'000;
    std::vector<ImageInfo> sample{{"wide.jpg", "https://img.test/0", 550'000'000}, {"small.jpg", "https://img.test/1", 10}};
    WikipicsRun run(options, sample, client, test_clock());
    run.wait_finished();
    ASSERT_EQ(caps.size(), 2u);
    EXPECT_EQ(caps[0], 4'000'000u);   // 3 × 1_000_000 + 1 MB, however large the listing said the file was
    EXPECT_EQ(caps[1], 4'000'000u);
    EXPECT_EQ(image_body_cap(1'000'000), 4'000'000u);
}

// Retry-After as both HTTP clients read it: delta-seconds, clamped to a day; dates and garbage are no figure.
TEST(WikipicsHttp, RetryAfterIsClampedAndNeverWraps) {
    EXPECT_EQ(parse_retry_after(" 7\r\n"), 7.0);
    EXPECT_EQ(parse_retry_after("0"), 0.0);
    EXPECT_EQ(parse_retry_after(" 9223372036854775807"), kMaxRetryAfterS);
    EXPECT_EQ(parse_retry_after("99999999999999999999999999999999999999"), kMaxRetryAfterS);
    EXPECT_EQ(parse_retry_after("86401"), kMaxRetryAfterS);
    EXPECT_FALSE(parse_retry_after("-5"));
    EXPECT_FALSE(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"));
    EXPECT_FALSE(parse_retry_after("12abc"));
    EXPECT_FALSE(parse_retry_after(""));
}

TEST(WikipicsReport, GroupsDigitsLikePython) {
    EXPECT_EQ(group_digits(5086950), "5_086_950");
    EXPECT_EQ(group_digits(19955565), "19_955_565");
    EXPECT_EQ(group_digits(999), "999");
    EXPECT_EQ(group_digits(0), "0");
    EXPECT_EQ(group_digits(-1234), "-1_234");
}

TEST(WikipicsRun, CancelMidRunEndsInFlightRequestsAndAccountsForEveryImage) {
    std::atomic<int> started{0};
    auto client = std::make_shared<FakeHttpClient>([&](const std::string&, const HttpLimits& limits) {
        ++started;
        HttpResponse r;
        test::spin_until([&] { return limits.cancel->load(); }, "the request to be cancelled");
        r.error = HttpError::cancelled;
        return r;
    });
    WikipicsRun run(run_options(WikipicsExecutor::threads, 3), numbered_sample(12), client, test_clock());
    ASSERT_TRUE(wait_until([&] { return run.in_flight().size() == 3; }));
    run.cancel();
    test::within([&] { run.wait_finished(); }, "wait_finished");
    const auto report = run.report();
    EXPECT_TRUE(report.cancelled);
    ASSERT_EQ(report.results.size(), 12u);
    std::set<std::size_t> indexes;
    for (const auto& r : report.results) {
        EXPECT_EQ(r.error, "cancelled");
        indexes.insert(r.index);
    }
    EXPECT_EQ(indexes.size(), 12u);
    EXPECT_EQ(started.load(), 3);
    EXPECT_TRUE(run.in_flight().empty());
    EXPECT_EQ(total_bytes(report), 0);
}

TEST(WikipicsRun, DestroyingARunningRunCancelsAndJoins) {
    auto client = std::make_shared<FakeHttpClient>([&](const std::string&, const HttpLimits& limits) {
        test::spin_until([&] { return limits.cancel->load(); }, "the request to be cancelled");
        HttpResponse r;
        r.error = HttpError::cancelled;
        return r;
    });
    auto run = std::make_unique<WikipicsRun>(run_options(WikipicsExecutor::threads, 4), numbered_sample(8), client, test_clock());
    ASSERT_TRUE(wait_until([&] { return run->in_flight().size() == 4; }));
    test::within([&] { run.reset(); }, "~WikipicsRun");   // must return: the destructor cancels, then joins every thread
    SUCCEED();
}

TEST(WikipicsRun, SamplesFirstThenDownloads) {
    const FakeCommons api = FakeCommons::generated(3000);
    const std::string jpeg = make_jpeg(32, 32);
    auto client = std::make_shared<FakeHttpClient>([&](const std::string& url, const HttpLimits&) {
        return url.find("/w/api.php?") != std::string::npos ? api.answer(url) : ok_body(jpeg);
    });
    WikipicsOptions options = run_options(WikipicsExecutor::threads, 3);
    options.count = 5;
    options.seed = 11;
    WikipicsRun run(options, client, test_clock());
    std::size_t results = 0;
    while (test::within([&] { return run.wait_next(); }, "wait_next")) ++results;
    const auto report = run.report();
    EXPECT_EQ(results, 5u);
    EXPECT_FALSE(report.sample_error);
    EXPECT_EQ(report.sample.size(), 5u);
    EXPECT_GE(report.api_requests, 1);
    EXPECT_EQ(report.workers, 3);
    EXPECT_EQ(total_bytes(report), static_cast<long long>(jpeg.size() * 5));
}

TEST(WikipicsRun, SamplingFailureFinishesWithTheMessageAndNoImages) {
    auto client = std::make_shared<FakeHttpClient>([](const std::string&, const HttpLimits&) {
        return ok_body(R"({"error":{"code":"internal_api_error","info":"boom"}})");
    });
    WikipicsRun run(run_options(WikipicsExecutor::threads, 2), client, test_clock());
    EXPECT_FALSE(test::within([&] { return run.wait_next(); }, "wait_next"));
    const auto report = run.report();
    ASSERT_TRUE(report.sample_error);
    EXPECT_NE(english(*report.sample_error).find("internal_api_error"), std::string::npos);
    // The JSON keeps its English sentence and adds the kind and arguments.
    const auto doc = to_json(report);
    EXPECT_EQ(doc["sample_error"], english(*report.sample_error));
    EXPECT_EQ(doc["sample_error_kind"], "none_found");
    EXPECT_EQ(doc["sample_error_cause"]["kind"], "api_error");
    EXPECT_EQ(doc["sample_error_cause"]["args"][0], "internal_api_error");
    EXPECT_TRUE(report.results.empty());
}

// A client without start() (the web's): the event loop is refused with the client's reason.
TEST(WikipicsRun, AsyncWithAClientThatCannotStartIsRefusedWithTheReason) {
    class NoStart final : public FakeHttpClient {
    public:
        NoStart() : FakeHttpClient([](const std::string&, const HttpLimits&) { return HttpResponse{}; }) {}
        std::optional<std::string> start_unsupported() const override { return std::string("no event-loop fetch here"); }
    };
    auto client = std::make_shared<NoStart>();
    try {
        WikipicsRun run(run_options(WikipicsExecutor::async, 1), numbered_sample(1), client, test_clock());
        FAIL() << "async ran on a client that cannot start requests";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("no event-loop fetch here"), std::string::npos) << e.what();
    }
}

// flags2_asyncio's shape: one event loop, every image a task, at most max_req requests in flight; every image
// gets a result (errors included) from the one "event loop" worker.
TEST(WikipicsRun, AsyncKeepsAtMostMaxReqInFlightAndAccountsForEveryImage) {
    const std::string jpeg = make_jpeg(24, 16);
    std::atomic<int> in_flight{0}, peak{0};
    auto client = std::make_shared<FakeHttpClient>([&](const std::string& url, const HttpLimits&) {
        const int now = ++in_flight;
        int seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
        // Held until max_req requests are in flight at once (the first three); a loop that never started a
        // third would fail at the deadline.
        test::spin_until([&] { return peak.load() >= 3; }, "three requests in flight at once");
        --in_flight;
        if (url.back() == '3') {
            HttpResponse r;
            r.status = 500;
            r.error = HttpError::http_status;
            r.error_detail = "HTTP 500";
            return r;
        }
        return ok_body(jpeg);
    });
    WikipicsOptions options = run_options(WikipicsExecutor::async, 0);
    options.max_req = 3;
    WikipicsRun run(options, numbered_sample(9), client, test_clock());
    test::within([&] { run.wait_finished(); }, "wait_finished");
    const auto report = run.report();
    ASSERT_EQ(report.results.size(), 9u);
    EXPECT_EQ(report.workers, 3);
    EXPECT_EQ(peak.load(), 3) << "at most max_req requests in flight, and max_req reached";
    std::set<std::size_t> indices;
    for (const auto& r : report.results) {
        indices.insert(r.index);
        EXPECT_EQ(r.worker, "event loop");
        if (r.index == 3) {
            EXPECT_EQ(r.error, std::optional<std::string>("http_status"));
        } else {
            EXPECT_FALSE(r.error) << r.index << ": " << *r.error;
            ASSERT_TRUE(r.thumbnail);
            EXPECT_EQ(r.thumbnail->source_width, 24);
        }
    }
    EXPECT_EQ(indices.size(), 9u);
    EXPECT_EQ(total_bytes(report), static_cast<long long>(jpeg.size() * 8));
    EXPECT_TRUE(run.in_flight().empty());
}
