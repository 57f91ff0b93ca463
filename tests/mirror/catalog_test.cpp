// The catalog: deterministic from its seed, sorted, unique, sizes spread log-uniformly over 24 KB … 50 MB,
// a few non-JPEG entries, and picture dimensions that always fit the listed size.
#include "server/mirror/catalog.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

using namespace conclab::mirror;

TEST(Catalog, SameSeedSameFilesOtherSeedOtherFiles) {
    const Catalog a(7, 500), b(7, 500), c(8, 500);
    ASSERT_EQ(a.entries().size(), 500u);
    for (std::size_t i = 0; i < a.entries().size(); ++i) {
        EXPECT_EQ(a.entries()[i].name, b.entries()[i].name);
        EXPECT_EQ(a.entries()[i].size, b.entries()[i].size);
    }
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.entries().size(); ++i) same += a.entries()[i].name == c.entries()[i].name;
    EXPECT_LT(same, 10u);
}

TEST(Catalog, SortedUniqueAndReadable) {
    const Catalog catalog(1, kDefaultImageCount);
    const auto& entries = catalog.entries();
    ASSERT_EQ(entries.size(), static_cast<std::size_t>(kDefaultImageCount));
    std::set<char> first_letters;
    for (std::size_t i = 1; i < entries.size(); ++i) EXPECT_LT(entries[i - 1].name, entries[i].name);
    for (const auto& e : entries) {
        first_letters.insert(e.name[0]);
        EXPECT_EQ(e.name.find(' '), std::string::npos) << e.name;
        EXPECT_EQ(
            e.title(), "File:" + [&] {
                std::string t = e.name;
                for (char& ch : t)
                    if (ch == '_') ch = ' ';
                return t;
            }());
        ASSERT_EQ(e.hash_path().size(), 4u);
        EXPECT_EQ(e.hash_path()[0], e.hash_path()[2]);
        EXPECT_EQ(catalog.find(e.name), &e);
    }
    EXPECT_GE(first_letters.size(), 15u);  // a random aifrom lands all over the list
    EXPECT_EQ(catalog.find("No_such_file.jpg"), nullptr);
    EXPECT_EQ(catalog.lower_bound(""), 0u);
    EXPECT_EQ(catalog.lower_bound("\x7f"), entries.size());
}

TEST(Catalog, SizesSpreadLogUniformlyOverTheRange) {
    const Catalog catalog(1, kDefaultImageCount);
    std::map<int, int> per_decade_half;  // floor(2 * log10(size)) → count
    int below_geometric_mean = 0;
    const double geometric_mean = std::sqrt(static_cast<double>(kMinFileSize) * static_cast<double>(kMaxFileSize));
    for (const auto& e : catalog.entries()) {
        EXPECT_GE(e.size, kMinFileSize);
        EXPECT_LE(e.size, kMaxFileSize);
        per_decade_half[static_cast<int>(2 * std::log10(static_cast<double>(e.size)))]++;
        below_geometric_mean += static_cast<double>(e.size) < geometric_mean;
    }
    const double share = static_cast<double>(below_geometric_mean) / kDefaultImageCount;
    EXPECT_NEAR(share, 0.5, 0.05);
    // log10 24 KB = 4.38, log10 50 MB = 7.7: half-decades 8 … 15, the inner ones each ~15% of the files.
    for (int half = 9; half <= 14; ++half)
        EXPECT_NEAR(per_decade_half[half], kDefaultImageCount * 0.5 / 3.32, 120) << half;
}

TEST(Catalog, AFewEntriesAreNotJpegs) {
    const Catalog catalog(1, kDefaultImageCount);
    std::map<std::string, int> per_mime;
    for (const auto& e : catalog.entries()) {
        per_mime[e.mime]++;
        const std::string extension = e.name.substr(e.name.rfind('.'));
        if (e.is_jpeg()) EXPECT_EQ(extension, ".jpg");
        else EXPECT_NE(extension, ".jpg");
    }
    for (const char* mime : {"image/png", "image/svg+xml", "video/webm"}) {
        EXPECT_GT(per_mime[mime], 5) << mime;
        EXPECT_LT(per_mime[mime], kDefaultImageCount / 30) << mime;
    }
    EXPECT_EQ(per_mime.size(), 4u);
}

TEST(Catalog, DimensionsFollowTheSize) {
    const Catalog catalog(3, 1000);
    for (const auto& e : catalog.entries()) {
        EXPECT_EQ(std::pair(e.width, e.height), picture_dimensions(e.name, e.size));
        EXPECT_GE(std::min(e.width, e.height), 240);
        EXPECT_LE(std::max(e.width, e.height), 1024);
    }
    EXPECT_THROW(Catalog(1, 0), std::invalid_argument);
    EXPECT_THROW(Catalog(1, kMaxImageCount + 1), std::invalid_argument);
}
