// Generated JPEGs: exactly the listed size, valid (stb_image decodes them at the listed dimensions), the same
// bytes whichever way they are read, and comment segments within the format's limits.
#include "server/mirror/catalog.h"
#include "server/mirror/jpeg_padding.h"
#include "server/mirror/picture.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace conclab::mirror;

namespace {

std::vector<std::uint8_t> read_all(const PaddedJpeg& jpeg) {
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(jpeg.size()));
    EXPECT_EQ(jpeg.read(0, bytes), bytes.size());
    return bytes;
}

PaddedJpeg padded_for(const CatalogEntry& e) {
    return PaddedJpeg(encode_picture(e.name, e.width, e.height, e.size), e.size);
}

// Walks the segments from SOI to SOS: every length field is in range and the walk lands on SOS.
void expect_well_formed(const std::vector<std::uint8_t>& bytes) {
    ASSERT_GE(bytes.size(), 4u);
    EXPECT_EQ(bytes[0], 0xFF);
    EXPECT_EQ(bytes[1], 0xD8);
    EXPECT_EQ(bytes[bytes.size() - 2], 0xFF);
    EXPECT_EQ(bytes[bytes.size() - 1], 0xD9);
    std::size_t at = 2;
    while (at + 4 <= bytes.size()) {
        ASSERT_EQ(bytes[at], 0xFF) << "at " << at;
        const std::uint8_t marker = bytes[at + 1];
        if (marker == 0xDA) break;   // SOS: entropy-coded data follows
        const std::size_t length = (static_cast<std::size_t>(bytes[at + 2]) << 8) | bytes[at + 3];
        ASSERT_GE(length, 2u);
        at += 2 + length;
    }
    ASSERT_LT(at + 1, bytes.size());
    EXPECT_EQ(bytes[at + 1], 0xDA);
}

}  // namespace

TEST(JpegPadding, EverySizeClassDecodesAtExactlyItsListedSize) {
    const Catalog catalog(1, kDefaultImageCount);
    // The smallest and largest entry of each dimension class, and the overall extremes.
    std::map<std::pair<int, int>, std::pair<const CatalogEntry*, const CatalogEntry*>> extremes;
    for (const auto& e : catalog.entries()) {
        if (!e.is_jpeg()) continue;
        auto& [smallest, largest] = extremes[{e.width, e.height}];
        if (!smallest || e.size < smallest->size) smallest = &e;
        if (!largest || e.size > largest->size) largest = &e;
    }
    ASSERT_GE(extremes.size(), 6u);
    for (const auto& [dimensions, pair] : extremes) {
        for (const CatalogEntry* e : {pair.first, pair.second}) {
            const PaddedJpeg jpeg = padded_for(*e);
            ASSERT_EQ(jpeg.size(), e->size) << e->name;
            const auto bytes = read_all(jpeg);
            expect_well_formed(bytes);
            const auto decoded = mirror_test::decode_jpeg(bytes);
            EXPECT_TRUE(decoded.ok) << e->name << " (" << e->size << " bytes)";
            EXPECT_EQ(decoded.width, e->width) << e->name;
            EXPECT_EQ(decoded.height, e->height) << e->name;
        }
    }
}

TEST(JpegPadding, SameBytesWhateverTheChunks) {
    const std::uint64_t size = 3 * kMaxCommentSegment + 12'345;   // several comment segments
    const PaddedJpeg jpeg(encode_picture("Chunks.jpg", 320, 240, size), size);
    const auto whole = read_all(jpeg);
    std::vector<std::uint8_t> pieced;
    std::uint64_t offset = 0;
    for (std::size_t step = 1; offset < jpeg.size(); step = step * 7 % 70'001 + 1) {
        std::vector<std::uint8_t> chunk(step);
        const std::size_t got = jpeg.read(offset, chunk);
        ASSERT_GT(got, 0u);
        pieced.insert(pieced.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(got));
        offset += got;
    }
    EXPECT_EQ(pieced, whole);
    std::vector<std::uint8_t> past_end(10);
    EXPECT_EQ(jpeg.read(jpeg.size(), past_end), 0u);
    EXPECT_EQ(jpeg.read(jpeg.size() - 3, past_end), 3u);
    expect_well_formed(whole);
    EXPECT_TRUE(mirror_test::decode_jpeg(whole).ok);
}

TEST(JpegPadding, RefusesWhatCannotBePadded) {
    auto encoded = encode_picture("Small.jpg", 320, 240, 1'000'000);
    ASSERT_FALSE(encoded.empty());
    const std::uint64_t n = encoded.size();
    EXPECT_NO_THROW(PaddedJpeg(encoded, n));
    for (std::uint64_t extra : {1, 2, 3}) EXPECT_THROW(PaddedJpeg(encoded, n + extra), std::invalid_argument) << extra;
    EXPECT_NO_THROW(PaddedJpeg(encoded, n + 4));
    EXPECT_THROW(PaddedJpeg(encoded, n - 1), std::invalid_argument);
    EXPECT_THROW(PaddedJpeg(std::vector<std::uint8_t>{1, 2, 3, 4, 5}, 5), std::invalid_argument);
}

TEST(JpegPadding, EncoderFitsEveryBudgetItCan) {
    const auto natural = encode_picture("Budget.jpg", 640, 480, 10'000'000);
    ASSERT_FALSE(natural.empty());
    for (std::uint64_t budget = natural.size() - 3; budget <= natural.size() + 5; ++budget) {
        const auto fitted = encode_picture("Budget.jpg", 640, 480, budget);
        ASSERT_FALSE(fitted.empty()) << budget;
        ASSERT_LE(fitted.size(), budget);
        const std::uint64_t room = budget - fitted.size();
        EXPECT_TRUE(room == 0 || room >= 4) << budget;
        const PaddedJpeg jpeg(fitted, budget);
        const auto decoded = mirror_test::decode_jpeg(read_all(jpeg));
        EXPECT_TRUE(decoded.ok);
        EXPECT_EQ(decoded.width, 640);
    }
    EXPECT_TRUE(encode_picture("Budget.jpg", 1024, 768, 100).empty());
    EXPECT_EQ(encode_picture("Same.jpg", 320, 240, 50'000), encode_picture("Same.jpg", 320, 240, 50'000));
    EXPECT_NE(encode_picture("Same.jpg", 320, 240, 50'000), encode_picture("Other.jpg", 320, 240, 50'000));
}

TEST(JpegPadding, PaddingGoesAfterTheJfifHeader) {
    const auto encoded = encode_picture("Header.jpg", 320, 240, 1'000'000);
    ASSERT_GE(encoded.size(), 20u);
    ASSERT_EQ(encoded[3], 0xE0);   // stb_image_write writes SOI + APP0 (JFIF)
    EXPECT_EQ(PaddedJpeg::padding_offset(encoded), 20u);
    const PaddedJpeg jpeg(encoded, encoded.size() + 100);
    const auto bytes = read_all(jpeg);
    EXPECT_TRUE(std::equal(encoded.begin(), encoded.begin() + 20, bytes.begin()));
    EXPECT_EQ(bytes[20], 0xFF);
    EXPECT_EQ(bytes[21], 0xFE);
    EXPECT_EQ((bytes[22] << 8) | bytes[23], 98);
    EXPECT_TRUE(std::equal(encoded.begin() + 20, encoded.end(), bytes.begin() + 120));
}
