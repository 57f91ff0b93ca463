// base/utf8: the outside world's text cut, repaired and escaped before it reaches JSON or a terminal; option
// values that are not UTF-8 are usage errors; the places that quote a server keep the text valid.
#include "core/base/options.h"
#include "core/base/utf8.h"
#include "core/wikipics/mediawiki_api.h"
#include "core/wikipics/wikipics_options.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace conclab;

TEST(Utf8, ValidTextIsRecognisedAndKeptAsItIs) {
    for (std::string_view ok : {"", "plain", "Polgár · µs – ✓ 𝄞", "\x7f", "\xEF\xBF\xBD"}) {
        EXPECT_TRUE(utf8::is_valid(ok)) << ok;
        EXPECT_EQ(utf8::repair(ok), ok);
    }
}

TEST(Utf8, EveryKindOfMalformedSequenceIsFoundAndReplaced) {
    EXPECT_EQ(utf8::first_invalid("ab\xE9" "cd"), 2u);                   // Latin-1 é
    EXPECT_EQ(utf8::first_invalid("caf\xC3"), 3u);                       // cut inside é
    EXPECT_EQ(utf8::first_invalid("\xC0\xAF"), 0u);                      // overlong '/'
    EXPECT_EQ(utf8::first_invalid("\xED\xA0\x80"), 0u);                  // a surrogate
    EXPECT_EQ(utf8::first_invalid("\xF4\x90\x80\x80"), 0u);              // above U+10FFFF
    EXPECT_EQ(utf8::first_invalid("x\x80"), 1u);                         // a lone continuation byte
    EXPECT_EQ(utf8::repair("caf\xC3"), "caf\xEF\xBF\xBD");
    EXPECT_EQ(utf8::repair("a\xFF\xFE" "b"), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
    for (std::string_view bad : {"caf\xC3", "\xC0\xAF", "\xED\xA0\x80", "x\x80y", "\xF8\x88\x80\x80\x80"})
        EXPECT_TRUE(utf8::is_valid(utf8::repair(bad))) << bad;
}

TEST(Utf8, CutsAtCharacterBoundaries) {
    EXPECT_EQ(utf8::prefix("caf\xC3\xA9", 4), "caf");        // never half an é
    EXPECT_EQ(utf8::prefix("caf\xC3\xA9", 5), "caf\xC3\xA9");
    EXPECT_EQ(utf8::prefix("\xF0\x9D\x84\x9E!", 3), "");
    EXPECT_EQ(utf8::shorten("éééé", 2), "éé\u2026");
    EXPECT_EQ(utf8::shorten("éé", 2), "éé");
}

TEST(Utf8, TerminalControlsAreShownNotObeyed) {
    // ESC ] 0 ; title BEL sets a window title; ESC [ 2 J clears the screen; U+009B is an 8-bit CSI.
    const std::string escaped = utf8::escape_controls("a\x1b]0;pwned\x07 \x1b[2J b\xC2\x9B" "31m\n\t\x7f é");
    EXPECT_EQ(escaped, "a\\x1b]0;pwned\\x07 \\x1b[2J b\\u009b31m\\n\\t\\x7f é");
    for (unsigned char c : escaped) EXPECT_TRUE(c >= 0x20 && c != 0x7f) << static_cast<int>(c);
    EXPECT_EQ(utf8::escape_controls("bad \xC3"), "bad \xEF\xBF\xBD");
}

// A MediaWiki answer that is not JSON, with accented text where byte 60 falls inside a character: the message
// that quotes it must stay UTF-8 (nlohmann's dump threw type_error.316 and --json printed nothing).
TEST(Utf8, AnAnswerThatIsNotJsonIsQuotedAsValidText) {
    std::string body = "<html>!";   // 7 bytes: byte 60 falls inside an é
    while (body.size() < 200) body += "é";
    body += "\xE9\xFF";                    // and Latin-1 garbage after
    const auto parsed = wikipics::parse_allimages(body);
    ASSERT_TRUE(std::holds_alternative<wikipics::ApiProblem>(parsed));
    const std::string message = wikipics::english(std::get<wikipics::ApiProblem>(parsed));
    EXPECT_TRUE(utf8::is_valid(message)) << message;
    const nlohmann::json doc{{"sample_error", message}};
    EXPECT_NO_THROW((void)doc.dump());
    // Titles come inside the JSON: a raw non-UTF-8 byte there makes the answer not JSON, quoted the same way.
    const auto bad_title = wikipics::parse_allimages("{\"query\":{\"allimages\":[{\"name\":\"Caf\xE9.jpg\"}]}}");
    ASSERT_TRUE(std::holds_alternative<wikipics::ApiProblem>(bad_title));
    const std::string bad_title_message = wikipics::english(std::get<wikipics::ApiProblem>(bad_title));
    EXPECT_TRUE(utf8::is_valid(bad_title_message)) << bad_title_message;
}

TEST(Utf8, OptionValuesThatAreNotUtf8AreUsageErrors) {
    options::FieldErrors errors;
    const auto parsed = wikipics::parse_wikipics_options({{"server", "http://h\xE9st.example/w/api.php"}}, errors);
    ASSERT_EQ(errors.count("server"), 1u);
    EXPECT_EQ(conclab::options::english(errors["server"]), "--server: the value is not UTF-8 text (byte 0xE9 at 8)");
    EXPECT_TRUE(utf8::is_valid(conclab::options::english(errors["server"])));
    options::FieldErrors fine;
    (void)wikipics::parse_wikipics_options({{"server", "http://hést.example/w/api.php"}}, fine);
    EXPECT_TRUE(fine.empty()) << options::first_error(fine);
}
