// api.php's allimages subset: the shape Commons answers, paging that covers the catalog exactly once,
// size filters, aifrom, and MediaWiki's errors and warnings for what it refuses.
#include "server/mirror/api_query.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

using namespace conclab::mirror;
using json = nlohmann::ordered_json;

namespace {

constexpr const char* kBase = "http://127.0.0.1:8001";

ApiParams query(ApiParams extra) {
    ApiParams params{{"action", "query"}, {"list", "allimages"}, {"aiprop", "url|size|mime"},
                     {"aisort", "name"},  {"format", "json"},    {"origin", "*"}};
    for (auto& [k, v] : extra) params[k] = v;
    return params;
}

// Follows "continue" from the first page to the last; every page's items in order.
std::vector<json> all_pages(const Catalog& catalog, ApiParams params, int* pages = nullptr) {
    std::vector<json> items;
    int count = 0;
    while (true) {
        const json page = answer_api_query(catalog, params, kBase);
        EXPECT_FALSE(page.contains("error")) << page.dump();
        if (page.contains("error")) break;
        for (const auto& item : page["query"]["allimages"]) items.push_back(item);
        ++count;
        if (!page.contains("continue")) break;
        EXPECT_EQ(page["continue"]["continue"], "-||");
        params["aicontinue"] = page["continue"]["aicontinue"].get<std::string>();
        params["continue"] = "-||";
        if (count > 10'000) break;
    }
    if (pages) *pages = count;
    return items;
}

std::string error_code(const json& answer) { return answer.contains("error") ? answer["error"]["code"].get<std::string>() : ""; }

}  // namespace

TEST(ApiQuery, FirstPageHasCommonsShape) {
    const Catalog catalog(1, kDefaultImageCount);
    const json page = answer_api_query(catalog, query({{"ailimit", "3"}}), kBase);
    EXPECT_EQ(page["batchcomplete"], "");
    ASSERT_TRUE(page.contains("continue"));
    EXPECT_EQ(page["continue"]["aicontinue"], catalog.entries()[3].name);
    const json& images = page["query"]["allimages"];
    ASSERT_EQ(images.size(), 3u);
    const CatalogEntry& first = catalog.entries()[0];
    const json& item = images[0];
    EXPECT_EQ(item["name"], first.name);
    EXPECT_EQ(item["size"], first.size);
    EXPECT_EQ(item["width"], first.width);
    EXPECT_EQ(item["height"], first.height);
    EXPECT_EQ(item["url"], std::string(kBase) + image_path(first));
    EXPECT_EQ(item["url"].get<std::string>().rfind(std::string(kBase) + "/images/", 0), 0u);
    EXPECT_EQ(item["descriptionurl"], std::string(kBase) + "/wiki/File:" + url_encode(first.name));
    EXPECT_EQ(item["mime"], first.mime);
    EXPECT_EQ(item["ns"], 6);
    EXPECT_EQ(item["title"], first.title());
    EXPECT_FALSE(item.contains("timestamp"));   // aiprop without timestamp
    // Key order as MediaWiki writes it.
    std::vector<std::string> keys;
    for (auto it = item.begin(); it != item.end(); ++it) keys.push_back(it.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"name", "size", "width", "height", "url", "descriptionurl",
                                              "descriptionshorturl", "mime", "ns", "title"}));
}

TEST(ApiQuery, PagingCoversTheCatalogExactlyOnce) {
    const Catalog catalog(5, kDefaultImageCount);
    int pages = 0;
    const auto items = all_pages(catalog, query({{"ailimit", "500"}}), &pages);
    ASSERT_EQ(items.size(), catalog.entries().size());
    for (std::size_t i = 0; i < items.size(); ++i) ASSERT_EQ(items[i]["name"], catalog.entries()[i].name) << i;
    EXPECT_EQ(pages, (kDefaultImageCount + 499) / 500);

    const Catalog small(5, 50);
    const auto sevens = all_pages(small, query({{"ailimit", "7"}}), &pages);
    ASSERT_EQ(sevens.size(), 50u);
    EXPECT_EQ(pages, 8);
    std::set<std::string> distinct;
    for (const auto& item : sevens) distinct.insert(item["name"].get<std::string>());
    EXPECT_EQ(distinct.size(), 50u);

    const auto by_time = all_pages(small, query({{"aisort", "timestamp"}, {"aiprop", "timestamp"}, {"ailimit", "6"}}));
    ASSERT_EQ(by_time.size(), 50u);
    for (std::size_t i = 1; i < by_time.size(); ++i) EXPECT_LE(by_time[i - 1]["timestamp"], by_time[i]["timestamp"]);
}

TEST(ApiQuery, SizeFiltersKeepExactlyTheFilesInRange) {
    const Catalog catalog(1, kDefaultImageCount);
    const std::uint64_t low = 4'000'000, high = 6'000'000;
    std::size_t expected = 0;
    for (const auto& e : catalog.entries()) expected += e.size >= low && e.size <= high;
    const auto items = all_pages(
        catalog, query({{"aiminsize", std::to_string(low)}, {"aimaxsize", std::to_string(high)}, {"ailimit", "max"}}));
    EXPECT_EQ(items.size(), expected);
    EXPECT_GT(expected, 50u);
    for (const auto& item : items) {
        EXPECT_GE(item["size"].get<std::uint64_t>(), low);
        EXPECT_LE(item["size"].get<std::uint64_t>(), high);
    }
    const json page = answer_api_query(catalog, query({{"ailimit", "max"}}), kBase);
    EXPECT_EQ(page["limits"]["allimages"], 500);
    EXPECT_EQ(page["query"]["allimages"].size(), 500u);
}

TEST(ApiQuery, AifromStartsAtTheFirstNameNotBeforeIt) {
    const Catalog catalog(1, kDefaultImageCount);
    for (const char* from : {"M", "Sunset", "sunset over", "Zz"}) {
        std::string key = from;
        for (char& c : key) c = c == ' ' ? '_' : c;
        key[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
        const std::size_t start = catalog.lower_bound(key);
        const json page = answer_api_query(catalog, query({{"aifrom", from}, {"ailimit", "5"}}), kBase);
        const json& images = page["query"]["allimages"];
        ASSERT_EQ(images.size(), std::min<std::size_t>(5, catalog.entries().size() - start)) << from;
        for (std::size_t i = 0; i < images.size(); ++i) EXPECT_EQ(images[i]["name"], catalog.entries()[start + i].name);
    }
    const json prefixed = answer_api_query(catalog, query({{"aiprefix", "Harbour"}, {"ailimit", "max"}}), kBase);
    for (const auto& item : prefixed["query"]["allimages"]) EXPECT_EQ(item["name"].get<std::string>().rfind("Harbour", 0), 0u);
    EXPECT_GT(prefixed["query"]["allimages"].size(), 10u);
}

TEST(ApiQuery, AimimeIsRefusedAsOnWikimedia) {
    const Catalog catalog(1, 100);
    const json answer = answer_api_query(catalog, query({{"aimime", "image/jpeg"}}), kBase);
    EXPECT_EQ(error_code(answer), "mimesearchdisabled");
    EXPECT_EQ(answer["error"]["info"], "MIME search disabled in Miser Mode.");
    EXPECT_FALSE(answer.contains("query"));
}

TEST(ApiQuery, BadParametersAnswerTheApisErrors) {
    const Catalog catalog(1, 100);
    auto code = [&](ApiParams params) { return error_code(answer_api_query(catalog, params, kBase)); };
    EXPECT_EQ(code({{"action", "parse"}, {"format", "json"}}), "badvalue");
    EXPECT_EQ(code(query({{"aisort", "size"}})), "badvalue");
    EXPECT_EQ(code(query({{"ailimit", "ten"}})), "badinteger");
    EXPECT_EQ(code(query({{"aiminsize", "1.5"}})), "badinteger");
    EXPECT_EQ(code(query({{"aimaxsize", "0x10"}})), "badinteger");
    EXPECT_EQ(code(query({{"aisort", "timestamp"}, {"aifrom", "B"}})), "badparams");
    EXPECT_EQ(code(query({{"aisort", "timestamp"}, {"aicontinue", "no-bar"}})), "badcontinue");
    EXPECT_EQ(code(query({{"format", "xml"}})), "badvalue");
    EXPECT_EQ(code(query({{"aidir", "descending"}})), "badvalue");
    const json info = answer_api_query(catalog, {{"action", "parse"}}, kBase);
    EXPECT_EQ(info["error"]["info"], "Unrecognized value for parameter \"action\": parse.");
}

TEST(ApiQuery, WarningsForWhatItClampsOrIgnores) {
    const Catalog catalog(1, 600);
    const json big = answer_api_query(catalog, query({{"ailimit", "1000"}}), kBase);
    EXPECT_EQ(big["query"]["allimages"].size(), 500u);
    EXPECT_EQ(big["warnings"]["allimages"]["*"], "ailimit may not be over 500 (set to 500) for users.");
    const json zero = answer_api_query(catalog, query({{"ailimit", "0"}}), kBase);
    EXPECT_EQ(zero["query"]["allimages"].size(), 1u);
    const json odd = answer_api_query(catalog, query({{"aifoo", "1"}, {"list", "allimages|foo"},
                                                        {"aiprop", "url|sha1|bogus"}}), kBase);
    EXPECT_EQ(odd["warnings"]["main"]["*"], "Unrecognized parameter: aifoo.");
    EXPECT_EQ(odd["warnings"]["query"]["*"], "Unrecognized value for parameter \"list\": foo.");
    EXPECT_NE(odd["warnings"]["allimages"]["*"].get<std::string>().find("bogus"), std::string::npos);
    EXPECT_EQ(odd["query"]["allimages"].size(), 10u);   // the default ailimit
    const json no_list = answer_api_query(catalog, {{"action", "query"}, {"format", "json"}}, kBase);
    EXPECT_EQ(no_list, (json{{"batchcomplete", ""}}));
    const json v2 = answer_api_query(catalog, query({{"formatversion", "2"}}), kBase);
    EXPECT_EQ(v2["batchcomplete"], true);
    EXPECT_TRUE(answer_api_query(catalog, {}, kBase).contains("help"));
}

TEST(ApiQuery, UrlEncodingIsRawurlencode) {
    EXPECT_EQ(url_encode("Sunset_over_Lisbon_(2).jpg"), "Sunset_over_Lisbon_%282%29.jpg");
    EXPECT_EQ(url_encode("a b/c~d-e.f"), "a%20b%2Fc~d-e.f");
    EXPECT_EQ(url_encode("\xC3\xA9"), "%C3%A9");
}

// tests/data holds Commons answers written by hand from the MediaWiki documentation (for the wikipics
// client's tests); the mirror must answer with the same keys in the same places.
TEST(ApiQuery, SameShapeAsTheCommonsAnswersInTestData) {
    auto load = [](const std::string& name) {
        std::ifstream file(std::string(CONCLAB_TEST_DATA) + "/" + name);
        EXPECT_TRUE(file) << name;
        return json::parse(file);
    };
    auto keys = [](const json& object) {
        std::vector<std::string> names;
        for (auto it = object.begin(); it != object.end(); ++it) names.push_back(it.key());
        return names;
    };
    const Catalog catalog(1, 100);
    const json first = load("commons_allimages_first_page.json");
    const json mirror_first = answer_api_query(catalog, query({{"ailimit", "5"}}), kBase);
    EXPECT_EQ(keys(mirror_first), keys(first));
    EXPECT_EQ(keys(mirror_first["continue"]), keys(first["continue"]));
    EXPECT_EQ(keys(mirror_first["query"]["allimages"][0]), keys(first["query"]["allimages"][0]));

    const json last = load("commons_allimages_last_page.json");
    const json mirror_last = answer_api_query(catalog, query({{"aifrom", "Zz"}}), kBase);
    EXPECT_EQ(keys(mirror_last), keys(last));

    const json error = load("commons_allimages_error.json");
    const json mirror_error = answer_api_query(catalog, query({{"aimime", "image/jpeg"}}), kBase);
    EXPECT_EQ(keys(mirror_error), keys(error));
    EXPECT_EQ(keys(mirror_error["error"]), keys(error["error"]));
    EXPECT_EQ(mirror_error["error"]["code"], error["error"]["code"]);
    EXPECT_EQ(mirror_error["error"]["info"], error["error"]["info"]);
}

// Issue 16: bytes that are not UTF-8 in a name or a value made the answer impossible to dump (type_error.316, a
// 500 over HTTP). MediaWiki's badvalue instead, with the bytes not echoed; the document dumps.
TEST(ApiQuery, BytesThatAreNotUtf8GetBadvalue) {
    const Catalog catalog(3, 100);
    const std::pair<std::string, std::string> bad[] = {
        {"action", "\xFF"},          {"list", "allimages|\xC3"},   {"aifrom", "A\xED\xA0\x80"},   // a surrogate
        {"aiprop", "\xC0\xAF"},      // an overlong "/"
        {"\xFF", "1"},               {"aiprefix", "\xF4\x90\x80\x80"},                           // above U+10FFFF
    };
    for (const auto& [name, value] : bad) {
        ApiParams params = query({});
        params[name] = value;
        const json answer = answer_api_query(catalog, params, kBase);
        SCOPED_TRACE(answer.dump(-1, ' ', false, json::error_handler_t::replace));
        ASSERT_TRUE(answer.contains("error"));
        EXPECT_EQ(answer["error"]["code"], "badvalue");
        EXPECT_NO_THROW((void)answer.dump());
    }
    ApiParams accented = query({{"aifrom", "Ávila"}, {"aiprefix", "\xF0\x9F\x98\x80"}});   // U+1F600 is fine
    EXPECT_FALSE(answer_api_query(catalog, accented, kBase).contains("error"));
}
