// The pool's messages to and from its workers encoded and decoded (message.h).
#include "core/exec/message.h"

#include <array>
#include <charconv>

namespace conclab::exec::message {
namespace {

constexpr std::size_t kPrefixBytes = 4;

void put_u32(std::string& out, std::uint32_t n) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xFFu));
}

std::uint32_t get_u32(const char* p) {
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return n;
}

class Writer {
public:
    explicit Writer(std::string_view kind) {
        out_.resize(kPrefixBytes);   // the message length, filled in by finish()
        field(kind);
    }
    Writer& field(std::string_view bytes) {
        if (bytes.size() > kMaxPayloadBytes) too_long(bytes.size());
        put_u32(out_, static_cast<std::uint32_t>(bytes.size()));
        out_.append(bytes);
        return *this;
    }
    template <class Int>
    Writer& number(Int n) {
        return field(std::to_string(n));
    }
    std::string finish() {
        const std::size_t payload = out_.size() - kPrefixBytes;
        if (payload > kMaxPayloadBytes) too_long(payload);
        for (std::size_t i = 0; i < kPrefixBytes; ++i) out_[i] = static_cast<char>((payload >> (8 * i)) & 0xFFu);
        return std::move(out_);
    }

private:
    [[noreturn]] static void too_long(std::size_t size) {
        throw ProtocolError("message of " + std::to_string(size) + " bytes exceeds the limit of " +
                            std::to_string(kMaxPayloadBytes) + " bytes (16 MiB)");
    }
    std::string out_;
};

struct Encoder {
    std::string operator()(const Hello& m) const { return Writer("hello").number(m.pid).finish(); }
    std::string operator()(const TaskRequest& m) const {
        return Writer("task").number(m.id).field(m.function).field(m.argument).finish();
    }
    std::string operator()(const Result& m) const {
        return Writer("result").number(m.id).field(m.value).number(m.user_us).number(m.sys_us).finish();
    }
    std::string operator()(const Error& m) const { return Writer("error").number(m.id).field(m.message).finish(); }
};

constexpr std::size_t kMostFields = 5;   // "result": kind, id, value, user_us, sys_us

/// The fields of a payload, checked against its kind before any is kept: at most kMostFields views,
/// whatever the payload claims, so a message of millions of empty fields costs no memory.
class Fields {
public:
    explicit Fields(std::string_view payload) : rest_(payload) {
        if (payload.empty()) throw ProtocolError("malformed message: empty payload");
        kind_ = take();
    }
    std::string_view kind() const { return kind_; }

    /// Reads the remaining fields, which must be exactly `count` (after the kind).
    void expect(std::size_t count) {
        std::size_t seen = 0;
        while (!rest_.empty()) {
            const std::string_view field = take();
            if (seen < count) fields_[seen] = field;
            ++seen;
        }
        if (seen != count)
            throw ProtocolError("malformed " + std::string(kind_) + " message: " + std::to_string(seen) +
                                " fields, expected " + std::to_string(count));
    }
    std::string_view operator[](std::size_t i) const { return fields_[i]; }

private:
    std::string_view take() {
        if (rest_.size() < kPrefixBytes)
            throw ProtocolError("malformed message: a field length is cut short (" + std::to_string(rest_.size()) +
                                " bytes left)");
        const std::uint32_t size = get_u32(rest_.data());
        rest_.remove_prefix(kPrefixBytes);
        if (size > rest_.size())
            throw ProtocolError("malformed message: a field of " + std::to_string(size) + " bytes with only " +
                                std::to_string(rest_.size()) + " left");
        const std::string_view field = rest_.substr(0, size);
        rest_.remove_prefix(size);
        return field;
    }

    std::string_view rest_;
    std::string_view kind_;
    std::array<std::string_view, kMostFields - 1> fields_{};
};

template <class Int>
Int parse_number(std::string_view kind, std::string_view text) {
    Int n{};
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size())
        throw ProtocolError("malformed " + std::string(kind) + " message: '" + std::string(text.substr(0, 40)) +
                            "' is not a number");
    return n;
}

Message parse_payload(std::string_view payload) {
    Fields f(payload);
    const std::string_view kind = f.kind();
    if (kind == "hello") {
        f.expect(1);
        return Hello{parse_number<std::int64_t>(kind, f[0])};
    }
    if (kind == "task") {
        f.expect(3);
        return TaskRequest{parse_number<std::uint64_t>(kind, f[0]), std::string(f[1]), std::string(f[2])};
    }
    if (kind == "result") {
        f.expect(4);
        return Result{parse_number<std::uint64_t>(kind, f[0]), std::string(f[1]), parse_number<std::uint64_t>(kind, f[2]),
                      parse_number<std::uint64_t>(kind, f[3])};
    }
    if (kind == "error") {
        f.expect(2);
        return Error{parse_number<std::uint64_t>(kind, f[0]), std::string(f[1])};
    }
    std::string shown;
    for (char c : kind.substr(0, 20)) shown += (c >= 0x20 && c < 0x7F) ? c : '?';
    throw ProtocolError("unknown message kind '" + shown + "' (expected hello, task, result or error)");
}

}  // namespace

std::string_view kind_name(const Message& message) {
    constexpr std::string_view names[] = {"hello", "task", "result", "error"};
    return names[message.index()];
}

std::string encode(const Message& message) { return std::visit(Encoder{}, message); }

void Decoder::feed(std::string_view bytes) {
    if (!broken_.empty()) return;
    // Drop what was consumed before growing, so the buffer holds at most one partial message plus this chunk.
    if (start_ > 0 && (start_ == buffer_.size() || start_ >= 4096)) {
        buffer_.erase(0, start_);
        start_ = 0;
    }
    buffer_.append(bytes);
}

std::optional<Message> Decoder::next() {
    if (!broken_.empty()) throw ProtocolError(broken_);
    const std::size_t available = buffer_.size() - start_;
    if (available < kPrefixBytes) return std::nullopt;
    const std::uint32_t size = get_u32(buffer_.data() + start_);
    try {
        if (size > kMaxPayloadBytes)
            throw ProtocolError("message length " + std::to_string(size) + " exceeds the limit of " +
                                std::to_string(kMaxPayloadBytes) + " bytes (16 MiB): not a conclab message stream");
        if (available - kPrefixBytes < size) return std::nullopt;
        Message message = parse_payload(std::string_view(buffer_).substr(start_ + kPrefixBytes, size));
        start_ += kPrefixBytes + size;
        if (start_ == buffer_.size()) {
            buffer_.clear();
            start_ = 0;
        }
        return message;
    } catch (const ProtocolError& e) {
        broken_ = e.what();
        buffer_.clear();
        start_ = 0;
        throw;
    }
}

}  // namespace conclab::exec::message
