// The messages between a process pool and its worker processes (or, on the web, its isolated workers).
// On the wire every message is a 4-byte little-endian length followed by that many payload bytes; the
// payload is a list of fields, each itself a 4-byte little-endian length and its bytes, so any byte
// string (NULs, newlines, invalid UTF-8) round-trips. The first field names the kind of message.
//
//   hello  {pid}                                  worker → pool, once, when it is ready
//   task   {id, function, argument}               pool → worker
//   result {id, value, user_us, sys_us}           worker → pool: the value and the CPU it took
//   error  {id, message}                          worker → pool: the task threw
//
// Numbers travel as decimal text (CPU times in whole microseconds, what getrusage measures).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace conclab::exec::message {

/// @brief The largest payload accepted (and produced): a longer length means a corrupt stream.
inline constexpr std::size_t kMaxPayloadBytes = 16u * 1024u * 1024u;

struct Hello {
    std::int64_t pid = 0;
    bool operator==(const Hello&) const = default;
};

struct TaskRequest {
    std::uint64_t id = 0;
    std::string function;
    std::string argument;
    bool operator==(const TaskRequest&) const = default;
};

struct Result {
    std::uint64_t id = 0;
    std::string value;
    std::uint64_t user_us = 0;   ///< the worker's user CPU time for this task, microseconds
    std::uint64_t sys_us = 0;    ///< and its system CPU time
    bool operator==(const Result&) const = default;
};

struct Error {
    std::uint64_t id = 0;
    std::string message;
    bool operator==(const Error&) const = default;
};

using Message = std::variant<Hello, TaskRequest, Result, Error>;

/// @brief A stream that is not a sequence of well-formed messages; the stream can't be trusted after it.
struct ProtocolError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// @brief "hello", "task", "result" or "error".
std::string_view kind_name(const Message& message);

/// @brief The bytes of one message, length prefix included. Throws ProtocolError when the payload
/// would exceed kMaxPayloadBytes.
std::string encode(const Message& message);

/// @brief Turns bytes arriving in arbitrary chunks into whole messages.
///
///     Decoder d;  d.feed(bytes_read);  while (auto m = d.next()) handle(*m);
///
/// next() throws ProtocolError on a length above kMaxPayloadBytes (as soon as the 4 length bytes are
/// in), an unknown kind, a wrong number of fields or a malformed number; once it has thrown, every
/// later call throws the same error.
class Decoder {
public:
    void feed(std::string_view bytes);
    void feed(const void* data, std::size_t size) { feed(std::string_view(static_cast<const char*>(data), size)); }
    /// @brief The next whole message, or nullopt until more bytes are fed.
    std::optional<Message> next();
    /// @brief Bytes received but not yet part of a returned message.
    std::size_t buffered() const { return buffer_.size() - start_; }

private:
    std::string buffer_;
    std::size_t start_ = 0;   // first unconsumed byte of buffer_
    std::string broken_;      // the error once the stream went bad
};

}  // namespace conclab::exec::message
