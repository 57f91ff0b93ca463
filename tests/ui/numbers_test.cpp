// The one formatter of numbers in panel text (ui/text/numbers.h): a decimal comma in Portuguese and a point in English,
// the talk's `_` between thousands in both, and printf's own behaviour for everything else.
#include "ui/text/numbers.h"

#include <gtest/gtest.h>

#include <cstdint>

using namespace conclab::ui;

TEST(Numbers, DecimalsTakeTheLanguagesMark) {
    EXPECT_EQ(decimal(0.5, 1, Language::en), "0.5");
    EXPECT_EQ(decimal(0.5, 1, Language::pt), "0,5");
    EXPECT_EQ(text_format(Language::pt, "%.2f s · %.1f%% · %g", 16.4, 6.06, 0.25), "16,40 s · 6,1% · 0,25");
    EXPECT_EQ(text_format(Language::en, "%.2f s · %.1f%% · %g", 16.4, 6.06, 0.25), "16.40 s · 6.1% · 0.25");
    EXPECT_EQ(text_format(Language::pt, "%6.2fx", 1.5), "  1,50x");
    EXPECT_EQ(text_format(Language::pt, "%.1e", 1500.0), "1,5e+03");
}

TEST(Numbers, BigIntegersKeepTheTalksGroupingInBothLanguages) {
    for (const Language l : {Language::en, Language::pt})
        EXPECT_EQ(text_format(l, "%s bytes · %.1f s", grouped(19'955'565).c_str(), 16.4),
                  l == Language::pt ? "19_955_565 bytes · 16,4 s" : "19_955_565 bytes · 16.4 s");
    EXPECT_EQ(grouped_unsigned(18'014'398'509'481'951ULL), "18_014_398_509_481_951");
    EXPECT_EQ(grouped(999), "999");
    EXPECT_EQ(grouped(-1'234'567), "-1_234_567");
    EXPECT_EQ(grouped(5'086'950), "5_086_950");
    EXPECT_EQ(grouped_unsigned(UINT64_MAX), "18_446_744_073_709_551_615");
    EXPECT_EQ(text_format(Language::pt, "%d %llu", 4600, 1234567ULL), "4600 1234567") << "no grouping unless asked";
}

TEST(Numbers, TheRestIsPrintfs) {
    EXPECT_EQ(text_format(Language::pt, "%s: %d%% %c %*d|%-4s|", "CPU", 94, 'x', 3, 7, "ab"), "CPU: 94% x   7|ab  |");
    EXPECT_EQ(text_format(Language::pt, "%.*f", 3, 1.0), "1,000");
    EXPECT_EQ(text_format(Language::pt, "a.jpg %s", "3.14"), "a.jpg 3.14") << "only the number's own conversion";
    const std::string long_text(300, 'y');
    EXPECT_EQ(text_format(Language::en, "%s!", long_text.c_str()), long_text + "!");
}

TEST(Numbers, LocalizedChangesOnlyAPointBetweenDigits) {
    EXPECT_EQ(localized("0.5 s, 1.25x, a.jpg, 3.", Language::pt), "0,5 s, 1,25x, a.jpg, 3.");
    EXPECT_EQ(localized("0.5 s", Language::en), "0.5 s");
}
