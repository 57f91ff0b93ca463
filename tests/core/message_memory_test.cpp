// What decoding a hostile message costs in memory: a 16 MiB message of empty fields once made the
// decoder hold millions of field views (95 MB at its peak). Counted with a replacement operator new
// that adds up, in the measuring thread only, the bytes asked for during one Decoder::next().
#include "core/exec/message.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <new>
#include <string>

namespace {
thread_local bool counting = false;
thread_local std::size_t counted_bytes = 0;
}  // namespace

void* operator new(std::size_t size) {
    if (counting) counted_bytes += size;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace conclab::exec::message;

namespace {

std::string length_prefix(std::uint32_t n) {
    std::string out;
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xFFu));
    return out;
}

/// The bytes operator new was asked for while `decoder.next()` ran; whether it threw ProtocolError.
std::pair<std::size_t, bool> measure_next(Decoder& decoder) {
    counted_bytes = 0;
    counting = true;
    bool threw = false;
    try {
        decoder.next();
    } catch (const ProtocolError&) {
        threw = true;
    }
    counting = false;
    return {counted_bytes, threw};
}

/// A message of `kind` followed by as many empty fields as fit in the largest payload.
std::string flood_of_empty_fields(const std::string& kind) {
    std::string payload = length_prefix(static_cast<std::uint32_t>(kind.size())) + kind;
    payload.reserve(kMaxPayloadBytes);
    while (payload.size() + 4 <= kMaxPayloadBytes) payload += length_prefix(0);
    return length_prefix(static_cast<std::uint32_t>(payload.size())) + payload;
}

}  // namespace

TEST(MessageMemory, AFloodOfEmptyFieldsIsRejectedWithoutHoldingThem) {
    for (const std::string kind : {"result", "hello", "goodbye"}) {
        Decoder decoder;
        decoder.feed(flood_of_empty_fields(kind));
        const auto [bytes, threw] = measure_next(decoder);
        EXPECT_TRUE(threw) << kind;
        EXPECT_LT(bytes, 64u * 1024u) << kind << ": decoding allocated " << bytes << " bytes";
    }
}

TEST(MessageMemory, AWellFormedMessageCostsAboutItsOwnSize) {
    Decoder decoder;
    const std::string value(1u << 20, 'v');
    decoder.feed(encode(Result{7, value, 1, 2}));
    const auto [bytes, threw] = measure_next(decoder);
    EXPECT_FALSE(threw);
    EXPECT_LT(bytes, 2 * value.size());
}
