// A JPEG padded to an exact byte count with COM segments (jpeg_padding.h).
#include "server/mirror/jpeg_padding.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>

namespace conclab::mirror {

namespace {

constexpr std::string_view kCommentText = "Concurrency Lab mirror: padding to the listed size. ";

}  // namespace

std::size_t PaddedJpeg::padding_offset(std::span<const std::uint8_t> encoded) {
    if (encoded.size() >= 6 && encoded[2] == 0xFF && encoded[3] == 0xE0) {
        const std::size_t app0_length = (static_cast<std::size_t>(encoded[4]) << 8) | encoded[5];
        if (4 + app0_length <= encoded.size()) return 4 + app0_length;
    }
    return 2;
}

PaddedJpeg::PaddedJpeg(std::vector<std::uint8_t> encoded, std::uint64_t total_size)
    : encoded_(std::move(encoded)), total_size_(total_size) {
    if (encoded_.size() < 4 || encoded_[0] != 0xFF || encoded_[1] != 0xD8)
        throw std::invalid_argument("PaddedJpeg: not a JPEG (no SOI marker)");
    if (total_size_ < encoded_.size() || (total_size_ > encoded_.size() && total_size_ - encoded_.size() < 4))
        throw std::invalid_argument("PaddedJpeg: the size must be the JPEG's or at least 4 bytes more");
    insert_at_ = padding_offset(encoded_);
    padding_size_ = total_size_ - encoded_.size();
    if (padding_size_ > 0) {
        segment_count_ = (padding_size_ + kMaxCommentSegment - 1) / kMaxCommentSegment;
        segment_base_ = padding_size_ / segment_count_;
        longer_segments_ = padding_size_ % segment_count_;
    }
}

void PaddedJpeg::write_padding(std::uint64_t index, std::span<std::uint8_t> out) const {
    // Segments 0..longer_segments_-1 have base + 1 bytes, the others base bytes.
    const std::uint64_t long_span = longer_segments_ * (segment_base_ + 1);
    std::uint64_t segment_size = index < long_span ? segment_base_ + 1 : segment_base_;
    std::uint64_t within = index < long_span ? index % segment_size : (index - long_span) % segment_size;
    for (std::uint8_t& byte : out) {
        const std::uint64_t length_field = segment_size - 2;   // counts itself, not the marker
        switch (within) {
            case 0: byte = 0xFF; break;
            case 1: byte = 0xFE; break;
            case 2: byte = static_cast<std::uint8_t>(length_field >> 8); break;
            case 3: byte = static_cast<std::uint8_t>(length_field & 0xFF); break;
            default: byte = static_cast<std::uint8_t>(kCommentText[(within - 4) % kCommentText.size()]);
        }
        ++index;
        if (++within == segment_size) {
            within = 0;
            segment_size = index < long_span ? segment_base_ + 1 : segment_base_;
        }
    }
}

std::size_t PaddedJpeg::read(std::uint64_t offset, std::span<std::uint8_t> out) const {
    if (offset >= total_size_) return 0;
    const std::size_t count = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), total_size_ - offset));
    const std::uint64_t padding_end = insert_at_ + padding_size_;
    std::size_t i = 0;
    while (i < count) {
        const std::uint64_t at = offset + i;
        if (at < insert_at_) {
            const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(count - i, insert_at_ - at));
            std::copy_n(encoded_.begin() + static_cast<std::ptrdiff_t>(at), n, out.begin() + static_cast<std::ptrdiff_t>(i));
            i += n;
        } else if (at < padding_end) {
            const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(count - i, padding_end - at));
            write_padding(at - insert_at_, out.subspan(i, n));
            i += n;
        } else {
            const std::uint64_t source = at - padding_size_;
            const std::size_t n = count - i;
            std::copy_n(encoded_.begin() + static_cast<std::ptrdiff_t>(source), n, out.begin() + static_cast<std::ptrdiff_t>(i));
            i += n;
        }
    }
    return count;
}

}  // namespace conclab::mirror
