// A JPEG made exactly N bytes long: the encoded picture with COM (comment, 0xFFFE) segments inserted after
// its JFIF header. Decoders skip comments, so the picture is unchanged; the bytes are produced on demand,
// at any offset, so a 50 MB answer never sits in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace conclab::mirror {

/// @brief Bytes of one COM segment at most: marker (2) + length field (2) + 65 533 bytes of comment.
inline constexpr std::uint64_t kMaxCommentSegment = 4 + 65'533;

/// @brief A JPEG padded with comment segments to `total_size` bytes.
class PaddedJpeg {
public:
    /// @brief `encoded` must start with SOI (0xFFD8); `total_size` must be encoded.size() or at least 4 more.
    /// Throws std::invalid_argument otherwise.
    PaddedJpeg(std::vector<std::uint8_t> encoded, std::uint64_t total_size);

    /// @brief The padded file's length in bytes.
    std::uint64_t size() const { return total_size_; }

    /// @brief Fills `out` with the bytes at [offset, offset + out.size()); returns how many were written
    /// (fewer only at the end of the file).
    std::size_t read(std::uint64_t offset, std::span<std::uint8_t> out) const;

    /// @brief Where the comments go: after SOI, and after an APP0 (JFIF) segment right behind it.
    static std::size_t padding_offset(std::span<const std::uint8_t> encoded);

private:
    void write_padding(std::uint64_t index, std::span<std::uint8_t> out) const;

    std::vector<std::uint8_t> encoded_;
    std::uint64_t total_size_;
    std::size_t insert_at_;
    std::uint64_t padding_size_;
    std::uint64_t segment_count_ = 0;
    std::uint64_t segment_base_ = 0;        // every segment has base or base + 1 bytes
    std::uint64_t longer_segments_ = 0;     // the first ones have base + 1
};

}  // namespace conclab::mirror
