// Tests of core/exec/message: the pool's messages survive encoding and decoding, bad input is refused.
#include "core/exec/message.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace conclab::exec::message;
using namespace std::string_literals;

namespace {

std::string all_bytes() {
    std::string s;
    for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
    return s;
}

std::vector<Message> samples() {
    return {
        Hello{4242},
        TaskRequest{7, "primes.lpf", "1125899906842597"},
        TaskRequest{8, "", ""},
        TaskRequest{9, "test.echo", "a\0b\nc\xff\x01"s + all_bytes()},
        Result{7, "1125899906842597", 123456, 789},
        Result{18446744073709551615ull, "", 0, 0},
        Error{9, "boom at 42"},
        Error{10, "line one\nline two\0after nul"s},
    };
}

std::string length_prefix(std::uint32_t n) {
    std::string s;
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
    return s;
}

}  // namespace

TEST(Message, EncodingStartsWithLittleEndianPayloadLength) {
    const std::string bytes = encode(Hello{1});
    ASSERT_GE(bytes.size(), 4u);
    EXPECT_EQ(bytes.substr(0, 4), length_prefix(static_cast<std::uint32_t>(bytes.size() - 4)));
    // payload: field "hello" then field "1", each with its own 4-byte length
    EXPECT_EQ(bytes.substr(4), length_prefix(5) + "hello" + length_prefix(1) + "1");
}

TEST(Message, EveryKindRoundTripsAnyBytes) {
    for (const auto& m : samples()) {
        Decoder d;
        d.feed(encode(m));
        auto out = d.next();
        ASSERT_TRUE(out) << kind_name(m);
        EXPECT_EQ(*out, m) << kind_name(m);
        EXPECT_FALSE(d.next());
        EXPECT_EQ(d.buffered(), 0u);
    }
}

TEST(Message, KindNames) {
    EXPECT_EQ(kind_name(Hello{}), "hello");
    EXPECT_EQ(kind_name(TaskRequest{}), "task");
    EXPECT_EQ(kind_name(Result{}), "result");
    EXPECT_EQ(kind_name(Error{}), "error");
}

TEST(Message, DecoderAcceptsOneByteAtATime) {
    std::string stream;
    for (const auto& m : samples()) stream += encode(m);
    Decoder d;
    std::vector<Message> out;
    for (char c : stream) {
        d.feed(&c, 1);
        while (auto m = d.next()) out.push_back(*m);
    }
    EXPECT_EQ(out, samples());
    EXPECT_EQ(d.buffered(), 0u);
}

TEST(Message, DecoderAcceptsRandomChunks) {
    std::string stream;
    std::vector<Message> expected;
    for (int round = 0; round < 200; ++round)
        for (const auto& m : samples()) {
            stream += encode(m);
            expected.push_back(m);
        }
    std::mt19937 rng(12345);
    Decoder d;
    std::vector<Message> out;
    std::size_t at = 0;
    while (at < stream.size()) {
        const std::size_t n = std::min<std::size_t>(stream.size() - at, rng() % 700);
        d.feed(std::string_view(stream).substr(at, n));
        at += n;
        while (auto m = d.next()) out.push_back(*m);
    }
    EXPECT_EQ(out, expected);
}

TEST(Message, PartialMessageWaitsForMore) {
    const std::string bytes = encode(TaskRequest{1, "test.echo", "hello"});
    Decoder d;
    d.feed(bytes.substr(0, 2));
    EXPECT_FALSE(d.next());
    d.feed(bytes.substr(2, bytes.size() - 3));
    EXPECT_FALSE(d.next());
    EXPECT_EQ(d.buffered(), bytes.size() - 1);
    d.feed(bytes.substr(bytes.size() - 1));
    EXPECT_TRUE(d.next());
}

TEST(Message, AbsurdLengthIsRejectedAtOnceWithAClearError) {
    Decoder d;
    d.feed(length_prefix(16u * 1024u * 1024u + 1));   // only the prefix: the length alone is enough to refuse
    try {
        d.next();
        FAIL() << "expected ProtocolError";
    } catch (const ProtocolError& e) {
        EXPECT_NE(std::string(e.what()).find("16777217"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("16 MiB"), std::string::npos) << e.what();
    }
    // the stream stays broken
    d.feed(encode(Hello{1}));
    EXPECT_THROW(d.next(), ProtocolError);
}

TEST(Message, TextOnStdoutIsNotAMessage) {
    Decoder d;
    d.feed("Usage: conclab [OPTIONS] SUBCOMMAND\n");   // "Usag" read as a little-endian length
    EXPECT_THROW(d.next(), ProtocolError);
}

TEST(Message, MaximumPayloadIsAccepted) {
    const std::string big(kMaxPayloadBytes - 64, 'x');
    const Message m = Result{1, big, 1, 2};
    Decoder d;
    d.feed(encode(m));
    auto out = d.next();
    ASSERT_TRUE(out);
    EXPECT_EQ(std::get<Result>(*out).value.size(), big.size());
    EXPECT_THROW(encode(Result{1, std::string(kMaxPayloadBytes, 'x'), 0, 0}), ProtocolError);
}

TEST(Message, MalformedPayloadsAreRejected) {
    auto message = [](const std::vector<std::string>& fields) {
        std::string payload;
        for (const auto& f : fields) payload += length_prefix(static_cast<std::uint32_t>(f.size())) + f;
        return length_prefix(static_cast<std::uint32_t>(payload.size())) + payload;
    };
    const std::vector<std::string> bad = {
        message({"goodbye", "1"}),                      // unknown kind
        message({"hello"}),                             // missing pid
        message({"hello", "12", "extra"}),              // extra field
        message({"hello", "12x"}),                      // not a number
        message({"hello", ""}),                         // empty number
        message({"result", "-1", "v", "0", "0"}),       // negative id
        message({"task", "1", "test.echo"}),            // missing argument
        length_prefix(0),                               // empty payload
        length_prefix(6) + length_prefix(9) + "he",     // field longer than the payload
        length_prefix(2) + "ab",                        // field length cut short
    };
    for (const auto& bytes : bad) {
        Decoder d;
        d.feed(bytes);
        EXPECT_THROW(d.next(), ProtocolError) << testing::PrintToString(bytes);
    }
}
