// Options as text: every demo reads its own options from key/value pairs — the page's query string,
// or the CLI's flags with their leading "--" removed — with one set of rules and one set of messages.
// A demo folder offers `parse_<demo>_options(const Params&, FieldErrors&)` and `<demo>_option_specs()`;
// the CLI flags, the query string and the panel all go through them.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace conclab::options {

/// @brief Raw options: name → text value ("workers" → "4"). Flags without a value hold "1".
using Params = std::map<std::string, std::string>;

/// @brief What is wrong with a value. Core never words it for a person: english() does for the CLI, the UI's
/// text tables (ui/text/text_errors) in the page's language. Each kind's args are listed beside it.
enum class ErrorKind {
    text,                  ///< {message}: worded already (a run's failure, a server's message)
    not_whole_number,      ///< {value}
    not_a_number,          ///< {value}
    out_of_range,          ///< {value, min, max}
    out_of_range_above,    ///< {value, min, max}: min itself excluded (times > 0)
    not_one_of,            ///< {value, "a|b|c"}
    not_a_flag,            ///< {value}
    not_utf8,              ///< {byte "0xE9", offset}
    unknown_option,        ///< {name}
    not_both,              ///< {other field}: two options that exclude each other
    too_long,              ///< {length, limit} in characters
    list_empty,            ///< {}
    number_empty,          ///< {}
    misplaced_underscore,  ///< {value}
    number_too_large,      ///< {value}
    not_positive_number,   ///< {value}
    number_zero,           ///< {value}
    unknown_sample,        ///< {value, min K, max K, the talk's K}
    not_server_url,        ///< {value}
    not_a_size,            ///< {value, min "200x200", max "7680x4320"}: a window's WxH
    no_panel,              ///< {value, "a|b|c"}: a demo id the app has no panel for
    count_,
};

/// @brief "not_a_number": the kind's id, as in the JSON of errors.
std::string_view to_string(ErrorKind kind);

/// @brief One bad value: its option, what is wrong, and the words that go in the message (user values already
/// made safe by echo()). Built from a plain string it is an already worded message (kind text).
struct FieldError {
    std::string field;
    ErrorKind kind = ErrorKind::text;
    std::vector<std::string> args;

    FieldError() = default;
    FieldError(std::string field_, ErrorKind kind_, std::vector<std::string> args_ = {})
        : field(std::move(field_)), kind(kind_), args(std::move(args_)) {}
    FieldError(std::string message) : args{std::move(message)} {}   // NOLINT: implicit, a worded message
    FieldError(const char* message) : args{std::string(message)} {}   // NOLINT
    bool operator==(const FieldError&) const = default;
};

/// @brief The CLI's English for an error, naming the flag: "--workers -1 is out of range: use 1 to 64".
std::string english(const FieldError& error);

/// @brief Option name → what is wrong with its value.
using FieldErrors = std::map<std::string, FieldError>;

/// @brief One option a demo accepts, for generating CLI flags and help.
struct OptionSpec {
    std::string name;         ///< as in the query string and after "--" on the CLI: "workers", "max-req"
    std::string value_hint;   ///< "N", "sequential|threads", "" for a flag
    std::string help;         ///< one line for --help
    bool flag = false;        ///< takes no value (e.g. "block")
};

/// @brief The longest user value an error message repeats; longer ones end in "…".
inline constexpr std::size_t kMaxEchoedChars = 80;

/// @brief A user's value made safe to print in one error line: control bytes escaped (\n, \x00…),
/// cut at kMaxEchoedChars characters with "…" appended.
std::string echo(std::string_view value);

/// @brief A decimal integer, optionally negative, '_' allowed between digits ("1_000"). No base prefixes,
/// no spaces, no '+', no leading zeros beyond a single "0" ("010" is refused: it meant 8 to some parsers).
std::optional<long long> parse_decimal(std::string_view text);

/// @brief A decimal number like "5", "0.5", "2.5e3" (no hex, no inf/nan); "0,5" too (a PT page's decimal comma,
/// read the same in both languages), never both marks nor two commas ("1,000.5", "1,000,000" refused).
std::optional<double> parse_real(std::string_view text);

/// @brief Reads params[name] as a decimal integer in [min, max] into `out` when present. On a bad value
/// records "--name V is not a whole number" / "--name V is out of range: use MIN to MAX" and leaves `out`.
/// Returns false only when the value was present and bad.
bool read_int(const Params& params, std::string_view name, long long min, long long max, long long& out,
              FieldErrors& errors);
bool read_int(const Params& params, std::string_view name, int min, int max, int& out, FieldErrors& errors);

/// @brief As read_int for a real number in [min, max]; `min_exclusive` makes min itself refused (times > 0).
bool read_real(const Params& params, std::string_view name, double min, double max, double& out, FieldErrors& errors,
               bool min_exclusive = false);

/// @brief Reads params[name] as one of `choices` ("unknown NAME 'V': use a|b|c").
bool read_choice(const Params& params, std::string_view name, std::span<const std::string_view> choices,
                 std::string& out, FieldErrors& errors);

/// @brief A flag: absent → unchanged; "1", "true", "" → true; "0", "false" → false; else an error.
bool read_flag(const Params& params, std::string_view name, bool& out, FieldErrors& errors);

/// @brief "a|b|c".
std::string join_choices(std::span<const std::string_view> choices);

/// @brief The first error in a stable order (the order of `specs`, then the rest), in English for the CLI's one line.
std::string first_error(const FieldErrors& errors, std::span<const OptionSpec> specs = {});

/// @brief Records "--NAME: the value is not UTF-8 text (byte 0xE9 at 23)" for each value that is not well-formed
/// UTF-8 (a Latin-1 --server made --json die later): every demo's parser calls it last, so it names the real fault.
void reject_non_utf8(const Params& params, FieldErrors& errors);

/// @brief Names in `params` that no spec (and no name in `also_allowed`) knows: "unknown option 'x'".
void reject_unknown(const Params& params, std::span<const OptionSpec> specs, std::span<const std::string_view> also_allowed,
                    FieldErrors& errors);

}  // namespace conclab::options
