// Outside text made valid UTF-8 and cut at character boundaries (utf8.h).
#include "core/base/utf8.h"

#include <cstdio>

namespace conclab::utf8 {
namespace {

// The length of the well-formed character at text[at], or 0 when the bytes there do not form one.
std::size_t character_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;   // the range of the second byte (RFC 3629's table)
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead == 0xE0) length = 3, low = 0xA0;
    else if (lead >= 0xE1 && lead <= 0xEC) length = 3;
    else if (lead == 0xED) length = 3, high = 0x9F;   // no surrogates
    else if (lead >= 0xEE && lead <= 0xEF) length = 3;
    else if (lead == 0xF0) length = 4, low = 0x90;
    else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
    else if (lead == 0xF4) length = 4, high = 0x8F;   // nothing above U+10FFFF
    else return 0;
    if (at + length > text.size()) return 0;
    if (byte(at + 1) < low || byte(at + 1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
    return length;
}

}  // namespace

std::size_t first_invalid(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = character_length(text, at);
        if (length == 0) return at;
        at += length;
    }
    return std::string_view::npos;
}

std::string repair(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = character_length(text, at);
        if (length == 0) {
            out += "\xEF\xBF\xBD";   // U+FFFD
            ++at;
        } else {
            out.append(text.substr(at, length));
            at += length;
        }
    }
    return out;
}

std::string_view prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    // Back over continuation bytes (at most three) to the start of the character that would be cut.
    for (int k = 0; k < 3 && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80; ++k) --end;
    return text.substr(0, end);
}

std::string shorten(std::string_view text, std::size_t max_chars) {
    const std::string whole = repair(text);
    std::size_t at = 0, chars = 0;
    while (at < whole.size() && chars < max_chars) {
        at += character_length(whole, at);
        ++chars;
    }
    if (at >= whole.size()) return whole;
    return whole.substr(0, at) + "\u2026";
}

std::string escape_controls(std::string_view text) {
    const std::string whole = repair(text);
    std::string out;
    out.reserve(whole.size());
    for (std::size_t at = 0; at < whole.size();) {
        const unsigned char c = static_cast<unsigned char>(whole[at]);
        char hex[12];
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) {
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else if (c == 0xC2 && at + 1 < whole.size() && static_cast<unsigned char>(whole[at + 1]) <= 0x9F) {
            std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned char>(whole[at + 1]));   // C1: U+0080–U+009F
            out += hex;
            at += 2;
            continue;
        } else {
            out += static_cast<char>(c);
        }
        ++at;
    }
    return out;
}

}  // namespace conclab::utf8
