// Tests of core/primes: the least prime factor, the samples, numbers parsed from text, digit grouping.
#include "core/primes/least_prime_factor.h"
#include "core/primes/samples.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

using namespace conclab::primes;

// The talk's make_sample(2**57): n and its lpf (lpf == n for primes).
const std::vector<std::pair<std::uint64_t, std::uint64_t>> kTalkSample = {
    {18'014'398'509'481'951ull, 18'014'398'509'481'951ull}, {18'014'398'509'481'984ull, 2},
    {18'014'399'314'786'597ull, 134'217'689},
    {27'021'597'764'222'939ull, 27'021'597'764'222'939ull}, {27'021'597'764'222'976ull, 2},
    {27'021'598'744'655'129ull, 164'382'457},
    {36'028'797'018'963'913ull, 36'028'797'018'963'913ull}, {36'028'797'018'963'968ull, 2},
    {36'028'803'757'875'637ull, 189'812'507},
    {54'043'195'528'445'869ull, 54'043'195'528'445'869ull}, {54'043'195'528'445'952ull, 2},
    {54'043'196'378'148'947ull, 232'471'903},
    {72'057'594'037'927'931ull, 72'057'594'037'927'931ull}, {72'057'594'037'927'936ull, 2},
    {72'057'596'722'278'677ull, 268'435'399},
    {108'086'391'056'891'903ull, 108'086'391'056'891'903ull}, {108'086'391'056'891'904ull, 2},
    {108'086'392'348'502'419ull, 328'764'941},
    {144'115'188'075'855'859ull, 144'115'188'075'855'859ull}, {144'115'188'075'855'872ull, 2},
    {144'115'189'976'253'901ull, 379'625'047},
};

TEST(IntegerSqrt, ExactEverywhere) {
    EXPECT_EQ(integer_sqrt(0), 0u);
    EXPECT_EQ(integer_sqrt(1), 1u);
    EXPECT_EQ(integer_sqrt(15), 3u);
    EXPECT_EQ(integer_sqrt(16), 4u);
    EXPECT_EQ(integer_sqrt(UINT64_MAX), 0xFFFFFFFFull);
    EXPECT_EQ(integer_sqrt(0xFFFFFFFE00000001ull), 0xFFFFFFFFull);       // (2**32-1)**2
    EXPECT_EQ(integer_sqrt(0xFFFFFFFE00000000ull), 0xFFFFFFFEull);
    for (std::uint64_t r : {3037000499ull, 4294967291ull, 1ull << 31, 123456789ull}) {
        EXPECT_EQ(integer_sqrt(r * r), r);
        EXPECT_EQ(integer_sqrt(r * r - 1), r - 1);
        EXPECT_EQ(integer_sqrt(r * r + 1), r);
    }
}

TEST(LeastPrimeFactor, SmallNumbers) {
    EXPECT_EQ(least_prime_factor(1), 1u);
    EXPECT_EQ(least_prime_factor(2), 2u);
    EXPECT_EQ(least_prime_factor(3), 3u);
    EXPECT_EQ(least_prime_factor(4), 2u);
    EXPECT_EQ(least_prime_factor(25), 5u);
    EXPECT_EQ(least_prime_factor(49), 7u);
    EXPECT_EQ(least_prime_factor(121), 11u);
    EXPECT_EQ(least_prime_factor(35), 5u);
    EXPECT_EQ(least_prime_factor(77), 7u);
    for (std::uint64_t n = 2; n < 20000; ++n) {   // against a plain loop
        std::uint64_t expected = n;
        for (std::uint64_t d = 2; d * d <= n; ++d)
            if (n % d == 0) { expected = d; break; }
        ASSERT_EQ(least_prime_factor(n), expected) << n;
        ASSERT_EQ(is_prime(n), expected == n) << n;
    }
}

TEST(LeastPrimeFactor, SLOW_SquaresOfPrimesNear2To32) {
    // 4294967291 is the largest prime below 2**32: its square is the hardest case for the sqrt bound.
    const std::uint64_t p = 4294967291ull;
    EXPECT_EQ(least_prime_factor(p * p), p);
    EXPECT_EQ(least_prime_factor(4294967279ull * 4294967291ull), 4294967279ull);
}

TEST(LeastPrimeFactor, Near2To64) {
    EXPECT_EQ(least_prime_factor(UINT64_MAX), 3u);            // 3 * 5 * 17 * 257 * 641 * 65537 * 6700417
    EXPECT_EQ(least_prime_factor(UINT64_MAX - 1), 2u);
    EXPECT_TRUE(is_prime(18446744073709551557ull));            // the largest 64-bit prime
    EXPECT_FALSE(is_prime(UINT64_MAX));
}

TEST(LeastPrimeFactor, SLOW_LargestPrimeBelow2To64) {
    // ~1.4e9 divisions: seconds natively, longer under sanitizers and in wasm. Filter SLOW_ out for quick runs.
    EXPECT_EQ(least_prime_factor(18446744073709551557ull), 18446744073709551557ull);
}

TEST(Samples, TalkSampleMatchesTheTalk) {
    const auto sample = make_sample(57);
    ASSERT_EQ(sample.size(), kTalkSample.size());
    for (std::size_t i = 0; i < sample.size(); ++i) {
        EXPECT_EQ(sample[i], kTalkSample[i].first) << "position " << i;
        EXPECT_EQ(is_prime(sample[i]), kTalkSample[i].first == kTalkSample[i].second);
    }
}

TEST(Samples, SLOW_SemiprimesFactorAsTheTalkSays) {
    // Only the semiprimes and even numbers: the primes take the whole trial division (see the slow test).
    for (auto [n, lpf] : kTalkSample)
        if (n != lpf) {
            EXPECT_EQ(least_prime_factor(n), lpf) << n;
        }
}

TEST(Samples, SLOW_TalkSamplePrimesByTrialDivision) {
    for (auto [n, lpf] : kTalkSample)
        if (n == lpf) {
            EXPECT_EQ(least_prime_factor(n), n);
        }
}

// An independent check of what is_prime built: Fermat's test to bases 2, 3, 5, 7 (a composite passing all
// four is rarer than any bug we could make here), with its own modular arithmetic.
__extension__ typedef unsigned __int128 Wide;

bool fermat_probable_prime(std::uint64_t n) {
    auto power = [n](Wide base, std::uint64_t exponent) {
        Wide result = 1;
        base %= n;
        for (; exponent; exponent >>= 1, base = base * base % n)
            if (exponent & 1) result = result * base % n;
        return static_cast<std::uint64_t>(result);
    };
    for (std::uint64_t a : {2u, 3u, 5u, 7u})
        if (n > a && power(a, n - 1) != 1) return false;
    return n > 1;
}

TEST(Samples, EveryMagnitudeHas21NumbersThatFit) {
    for (int k = kMinMagnitude; k <= kMaxMagnitude; ++k) {
        const auto sample = make_sample(k);
        ASSERT_EQ(sample.size(), 21u) << k;
        for (std::size_t i = 0; i < sample.size(); i += 3) {
            EXPECT_TRUE(is_prime(sample[i])) << k << " " << sample[i];
            EXPECT_TRUE(fermat_probable_prime(sample[i])) << k << " " << sample[i];
            EXPECT_FALSE(fermat_probable_prime(sample[i + 2])) << k << " " << sample[i + 2];
            EXPECT_FALSE(is_prime(sample[i + 1])) << k;
            EXPECT_FALSE(is_prime(sample[i + 2])) << k;
            EXPECT_LT(sample[i], sample[i + 1]) << k;
        }
    }
    const auto top = make_sample(64);
    EXPECT_EQ(top[18], 18446744073709551557ull);
    EXPECT_EQ(top[19], UINT64_MAX);
    EXPECT_EQ(top[20], 4294967291ull * 4294967279ull);
}

TEST(Samples, FluentListHasItsPrimes) {
    const auto& fluent = fluent_sample();
    ASSERT_EQ(fluent.size(), 20u);
    const std::vector<std::uint64_t> primes{2, 142702110479723, 299593572317531, 3333333333333301, 4444444444444423, 5555555555555503,
                                            6666666666666719, 7777777777777753, 9999999999999917};
    for (auto n : fluent) {
        const bool expected = std::find(primes.begin(), primes.end(), n) != primes.end();
        EXPECT_EQ(is_prime(n), expected) << n;
        if (!expected) {
            EXPECT_NE(least_prime_factor(n), n) << n;
        }
    }
}

TEST(Parsing, NumbersAndTheirErrors) {
    std::uint64_t n = 0;
    std::string why;
    EXPECT_TRUE(parse_number("18_014_398_509_481_951", n, why));
    EXPECT_EQ(n, 18014398509481951ull);
    EXPECT_TRUE(parse_number("18446744073709551615", n, why));
    EXPECT_EQ(n, UINT64_MAX);
    EXPECT_FALSE(parse_number("", n, why));
    EXPECT_NE(why.find("empty"), std::string::npos);
    for (const char* bad : {"12x", "-5", "0", "18446744073709551616", "_1", "1_", "1__0", "+3", " 7"}) {
        why.clear();
        EXPECT_FALSE(parse_number(bad, n, why)) << bad;
        EXPECT_NE(why.find(std::string("'") + bad + "'"), std::string::npos) << why;
    }
}

TEST(Parsing, Lists) {
    std::string error;
    auto list = parse_number_list("2, 3\n 18_446_744_073_709_551_615", error);
    ASSERT_TRUE(list);
    EXPECT_EQ(list->numbers, (std::vector<std::uint64_t>{2, 3, UINT64_MAX}));
    EXPECT_FALSE(parse_number_list("  ,, ", error));
    EXPECT_NE(error.find("empty"), std::string::npos);
    EXPECT_FALSE(parse_number_list("5 12x", error));
    EXPECT_NE(error.find("12x"), std::string::npos);
}

TEST(Parsing, SampleNames) {
    std::string error;
    EXPECT_EQ(parse_sample_name("2**57", error)->numbers.size(), 21u);
    EXPECT_EQ(parse_sample_name("fluent", error)->numbers.size(), 20u);
    for (const char* bad : {"2**39", "2**65", "2**", "huge", "2**5x"}) {
        EXPECT_FALSE(parse_sample_name(bad, error)) << bad;
        EXPECT_NE(error.find(bad), std::string::npos);
        EXPECT_NE(error.find("fluent"), std::string::npos);
    }
}

TEST(Format, GroupDigits) {
    EXPECT_EQ(group_digits(0), "0");
    EXPECT_EQ(group_digits(999), "999");
    EXPECT_EQ(group_digits(1000), "1_000");
    EXPECT_EQ(group_digits(18014398509481951ull), "18_014_398_509_481_951");
    EXPECT_EQ(group_digits(UINT64_MAX, ','), "18,446,744,073,709,551,615");
}
