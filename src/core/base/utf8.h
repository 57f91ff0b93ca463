// Text from the outside world — server bodies and headers, titles, /proc names, option values — as UTF-8 we can
// put in JSON (nlohmann refuses invalid UTF-8 when it dumps: type_error.316) and print on a terminal (a server's
// ESC sequences must not clear the screen or set the window title). The one place such text is cut, repaired
// and escaped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conclab::utf8 {

/// @brief The byte offset of the first byte that does not begin or continue a well-formed UTF-8 character
/// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF, no cut sequence), or npos when all is well formed.
std::size_t first_invalid(std::string_view text);

inline bool is_valid(std::string_view text) { return first_invalid(text) == std::string_view::npos; }

/// @brief `text` with each byte that is not part of a well-formed character replaced by U+FFFD (�); well-formed
/// text comes back unchanged.
std::string repair(std::string_view text);

/// @brief The longest prefix of `text` of at most `max_bytes` bytes that does not end inside a character.
std::string_view prefix(std::string_view text, std::size_t max_bytes);

/// @brief `text` repaired, cut to at most `max_chars` characters (not bytes), with "…" appended when it was cut.
std::string shorten(std::string_view text, std::size_t max_chars);

/// @brief `text` repaired and made safe for one line on a terminal: C0 controls and DEL as `\n`, `\r`, `\t`,
/// `\x1b`…, C1 controls (U+0080–U+009F, which some terminals read as CSI and OSC) as `\u009b`…, backslashes kept.
/// Everything a server supplies goes through this before it is printed (stdout and stderr); JSON keeps the text.
std::string escape_controls(std::string_view text);

}  // namespace conclab::utf8
