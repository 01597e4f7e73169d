// Tests for core/text.h: lossy decoding (compared with Python's
// bytes.decode("utf-8", "replace")), code-point stepping, and byte →
// code-point offsets around CodepointIndex's checkpoints (every 64 bytes).
#include "core/text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::text {
namespace {

const std::string kFFFD = "\xEF\xBF\xBD";
const std::string kGrin = "\xF0\x9F\x98\x80";  // U+1F600, 4 bytes
const std::string kBom = "\xEF\xBB\xBF";

// Code points before byte `byte` of valid UTF-8, counted the slow way.
std::size_t NaiveCodepoints(const std::string& s, std::size_t byte) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < byte && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string Repeat(const std::string& unit, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

}  // namespace

TEST_SUITE("core.text") {
  TEST_CASE(
      "JsonPlainAscii8: any byte a JSON string must treat apart, at any of the eight places") {
    struct Row {
      unsigned char byte;
      bool plain;
    };
    const std::vector<Row> rows = {
        {'a', true},   {' ', true},   {'~', true},   {0x7F, true},  {'!', true},   {'#', true},
        {'[', true},   {']', true},   {'"', false},  {'\\', false}, {0x00, false}, {0x1F, false},
        {'\n', false}, {0x80, false}, {0xC3, false}, {0xFF, false},
    };
    for (const Row& row : rows) {
      for (std::size_t at = 0; at < 8; ++at) {
        CAPTURE(static_cast<int>(row.byte));
        CAPTURE(at);
        unsigned char bytes[8] = {'p', 'l', 'a', 'i', 'n', 't', 'x', 't'};
        bytes[at] = row.byte;
        CHECK(JsonPlainAscii8(bytes) == row.plain);
      }
    }
  }

  TEST_CASE("DecodeLossy replaces each maximal ill-formed subsequence like Python") {
    struct Row {
      std::string input;
      std::string expected;
      std::vector<std::size_t> invalid;
    };
    const std::vector<Row> rows = {
        {"abc", "abc", {}},
        {"", "", {}},
        {"caf\xC3\xA9", "caf\xC3\xA9", {}},
        {"a" + kGrin + "b", "a" + kGrin + "b", {}},
        {kBom + "hi", kBom + "hi", {}},  // a BOM is kept
        {"\xFF", kFFFD, {0}},
        {"\x80", kFFFD, {0}},             // lone continuation
        {"\xC3", kFFFD, {0}},             // truncated at the end
        {"\xE2\x82", kFFFD, {0}},         // truncated 3-byte
        {"\xE2\x82x", kFFFD + "x", {0}},  // truncated mid-text
        {"\xF0\x9F\x98", kFFFD, {0}},     // truncated 4-byte
        {"\xE2\x82\xE2\x82\xAC", kFFFD + "\xE2\x82\xAC", {0}},
        {"\xED\xA0\x80", kFFFD + kFFFD + kFFFD, {0, 1, 2}},  // high surrogate
        {"\xED\xBF\xBF", kFFFD + kFFFD + kFFFD, {0, 1, 2}},  // low surrogate
        {"\xC0\xAF", kFFFD + kFFFD, {0, 1}},                 // overlong 2-byte
        {"\xE0\x80\x80", kFFFD + kFFFD + kFFFD, {0, 1, 2}},  // overlong 3-byte
        {"\xF0\x80\x80\x80", kFFFD + kFFFD + kFFFD + kFFFD, {0, 1, 2, 3}},
        {"\xF4\x90\x80\x80", kFFFD + kFFFD + kFFFD + kFFFD, {0, 1, 2, 3}},  // > U+10FFFF
        {"ok \xFF ok", "ok " + kFFFD + " ok", {3}},
        // past the eight-bytes-at-a-time ASCII scan: at, before and after a word's edge
        {"abcdefgh\xFF", "abcdefgh" + kFFFD, {8}},
        {"abcdefg\xFF", "abcdefg" + kFFFD, {7}},
        {"abcdefghi\xFFxyzxyzxyz", "abcdefghi" + kFFFD + "xyzxyzxyz", {9}},
        {"abcdefghijklmno\xC3\xA9"
         "abcdefgh\x80",
         "abcdefghijklmno\xC3\xA9"
         "abcdefgh" +
             kFFFD,
         {25}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.input);
      Decoded d = DecodeLossy(row.input);
      CHECK(d.text == row.expected);
      CHECK(d.invalid == row.invalid);
      CHECK(d.invalid_count == row.invalid.size());
      CHECK_FALSE(FirstInvalidUtf8(d.text).has_value());
      if (row.invalid.empty()) {
        CHECK_FALSE(FirstInvalidUtf8(row.input).has_value());
      } else {
        CHECK(FirstInvalidUtf8(row.input) == row.invalid.front());
      }
    }
  }

  TEST_CASE("DecodeLossy counts every replacement but keeps only the first offsets") {
    // Regression: a 60 MB file of 0xFF bytes kept 480 MB of offsets.
    Decoded d = DecodeLossy("ok" + std::string(1000, '\xFF'));
    CHECK(d.invalid_count == 1000);
    REQUIRE(d.invalid.size() == Decoded::kMaxOffsets);
    CHECK(d.invalid.front() == 2);
    CHECK(d.invalid.back() == 2 + Decoded::kMaxOffsets - 1);
  }

  TEST_CASE(
      "BytesEqual8: nonzero exactly when a byte equals c; the lowest mark is the first such byte") {
    struct Row {
      std::string bytes;  // eight
      unsigned char c;
      int first;  // index of the first byte equal to c, or -1
    };
    const std::vector<Row> rows = {
        {"abcdefgh", 'x', -1},
        {"abcdefgh", 'a', 0},
        {"abcdefgh", 'h', 7},
        {std::string("\x01\x00\x01\x00\x00\x00\x00\x00", 8), 0, 1},  // the borrow marks above
        {"\"\"\"\"\"\"\"\"", '"', 0},
        {"ab\\\\cdef", '\\', 2},
        {"\xe2\x80\x9cquote", 0x9c, 2},
        {std::string("\x7f\x80\x81\xff\x00\x01\x02\x03", 8), 0xff, 3},
    };
    for (const Row& row : rows) {
      CAPTURE(row.bytes);
      REQUIRE(row.bytes.size() == 8);
      const std::uint64_t m = text::BytesEqual8(
          text::Load8(reinterpret_cast<const unsigned char*>(row.bytes.data())), row.c);
      CHECK((m != 0) == (row.first >= 0));
      if (row.first >= 0) CHECK(__builtin_ctzll(m) / 8 == row.first);
    }
  }

  TEST_CASE("Next and At decode one code point and step over it") {
    struct Row {
      std::string text;
      std::size_t at;
      char32_t expected;
      std::size_t next;
    };
    const std::vector<Row> rows = {
        {"a", 0, U'a', 1},
        {"caf\xC3\xA9", 3, U'\u00E9', 5},
        {"\xE2\x80\x9Cx", 0, U'\u201C', 3},
        {"x" + kGrin, 1, U'\U0001F600', 5},
        {"\xE2\x82", 0, U'\uFFFD', 2},  // truncated input still advances
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      std::size_t i = row.at;
      CHECK(Next(row.text, i) == row.expected);
      CHECK(i == row.next);
      CHECK(At(row.text, row.at) == row.expected);
    }
    CHECK(At("abc", 3) == 0);
  }

  TEST_CASE("Prev steps back over one code point") {
    struct Row {
      std::string text;
      std::size_t from;
      char32_t expected;
      std::size_t to;
    };
    const std::vector<Row> rows = {
        {"ab", 2, U'b', 1},
        {"caf\xC3\xA9", 5, U'\u00E9', 3},
        {"\xE2\x80\x9D", 3, U'\u201D', 0},
        {"x" + kGrin, 5, U'\U0001F600', 1},
        {kGrin + "a", 5, U'a', 4},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      std::size_t i = row.from;
      CHECK(Prev(row.text, i) == row.expected);
      CHECK(i == row.to);
    }
  }

  TEST_CASE("Append encodes code points, and U+FFFD for what is not one") {
    struct Row {
      char32_t c;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {U'a', "a"},
        {U'\u00E9', "\xC3\xA9"},
        {U'\u2019', "\xE2\x80\x99"},
        {U'\U0001F600', "\xF0\x9F\x98\x80"},
        {char32_t{0xD800}, kFFFD},
        {char32_t{0x110000}, kFFFD},
    };
    for (const Row& row : rows) {
      std::string out;
      Append(out, row.c);
      CHECK(out == row.expected);
    }
  }

  // Regression (issue 10): a newline in a file name split the message that
  // named it over two lines.
  TEST_CASE("EscapeForMessage keeps a message on one line") {
    struct Row {
      std::string input, expected;
    };
    const std::vector<Row> rows = {
        {"dir/a.txt: error: cannot read", "dir/a.txt: error: cannot read"},
        {"dir/a\nb.txt", "dir/a\\nb.txt"},
        {"tab\there\rcr", "tab\\there\\rcr"},
        {std::string("nul\0esc\x1b del\x7f", 13), "nul\\x00esc\\x1B del\\x7F"},
        {"caf\xC3\xA9 " + kGrin, "caf\xC3\xA9 " + kGrin},  // valid UTF-8 kept
        {"bad \xFF\xC3 end", "bad \\xFF\\xC3 end"},        // invalid bytes escaped
    };
    for (const Row& row : rows) {
      CAPTURE(row.input);
      CHECK(EscapeForMessage(row.input) == row.expected);
    }
  }

  TEST_CASE("CodepointIndex converts byte offsets around its checkpoints (every 64 bytes)") {
    // 10 bytes, 4 code points per unit: 1-, 2-, 3- and 4-byte characters, so
    // checkpoints fall inside multi-byte characters too.
    const std::string mixed = Repeat("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 60);  // 600 bytes
    const std::string ascii_256 = Repeat("x", 256);
    const std::string euro_258 = Repeat("\xE2\x82\xAC", 86);  // 258 bytes
    struct Row {
      const std::string* text;
      std::size_t byte;
      std::size_t expected;
    };
    const std::string empty;
    const std::vector<Row> rows = {
        // clang-format off
        {&empty, 0, 0},
        {&ascii_256, 0, 0},
        {&ascii_256, 63, 63},
        {&ascii_256, 64, 64},
        {&ascii_256, 65, 65},
        {&ascii_256, 255, 255},
        {&ascii_256, 256, 256},  // text.size()
        {&euro_258, 255, 85},    // the character starting at 255
        {&euro_258, 258, 86},
        {&mixed, 63, 26},        // "€" across the 64 checkpoint
        {&mixed, 66, 27},
        {&mixed, 130, 52},       // unit 13 starts at byte 130
        {&mixed, 250, 100},      // unit 25 starts at byte 250
        {&mixed, 251, 101},
        {&mixed, 253, 102},
        {&mixed, 256, 103},      // "😀" starts at 256: the checkpoint itself
        {&mixed, 260, 104},
        {&mixed, 510, 204},      // unit 51 starts at byte 510
        {&mixed, 516, 207},      // across the 512 checkpoint
        {&mixed, 600, 240},
        // clang-format on
    };
    for (const Row& row : rows) {
      CAPTURE(row.byte);
      CodepointIndex index(*row.text);
      CHECK(index.ToCodepoint(row.byte) == row.expected);
      CHECK(NaiveCodepoints(*row.text, row.byte) == row.expected);
    }
    // Every character boundary of the mixed text agrees with the slow count.
    CodepointIndex index(mixed);
    for (std::size_t i = 0; i <= mixed.size(); ++i) {
      if (i < mixed.size() && (static_cast<unsigned char>(mixed[i]) & 0xC0) == 0x80) continue;
      REQUIRE(index.ToCodepoint(i) == NaiveCodepoints(mixed, i));
    }
  }

  // CountCodepoints counts eight bytes at a time and sums 31 words before
  // adding the lanes: every prefix and suffix of texts longer than several
  // such sums, of every byte value (continuations, leads, ASCII, invalid
  // bytes) in runs and mixed, against the byte-by-byte count.
  TEST_CASE("CountCodepoints: the word-at-a-time count equals the byte-by-byte one") {
    std::vector<std::string> texts = {std::string(600, '\x80'), std::string(600, '\xBF'),
                                      std::string(600, 'a'),    std::string(600, '\xC0'),
                                      std::string(600, '\xFF'), std::string(600, '\x7F'),
                                      Repeat(kGrin, 150),       Repeat("\xC3\xA9", 300)};
    std::string every;
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 256; ++c) every += static_cast<char>((c * 37 + r * 11) & 0xFF);
    texts.push_back(every);
    std::uint32_t state = 12345;
    std::string random;
    for (int i = 0; i < 700; ++i) {
      state = state * 1103515245u + 12345u;
      random += static_cast<char>((state >> 16) & 0xFF);
    }
    texts.push_back(random);
    for (const std::string& t : texts) {
      for (std::size_t cut = 0; cut <= t.size(); ++cut) {
        CAPTURE(cut);
        const std::string_view view(t);
        REQUIRE(CountCodepoints(view.substr(0, cut)) == NaiveCodepoints(t, cut));
        REQUIRE(CountCodepoints(view.substr(cut)) ==
                NaiveCodepoints(t, t.size()) - NaiveCodepoints(t, cut));
      }
    }
  }

  TEST_CASE("WithoutPossessive: one list, three selections, whole-word endings kept or not") {
    struct Row {
      std::string word;
      Possessive which;
      bool keep_whole;
      std::string expected;
    } rows[] = {
        {"Valdor\xE2\x80\x99s", Possessive::kAny, true, "Valdor"},
        {"Valdor's", Possessive::kAny, true, "Valdor"},
        {"rebels\xE2\x80\x99", Possessive::kAny, true, "rebels"},
        {"rebels'", Possessive::kAny, true, "rebels"},
        {"Valdor", Possessive::kAny, true, "Valdor"},
        {"'s", Possessive::kAny, true, "'s"},  // an ending that is the whole word stays
        {"'s", Possessive::kAny, false, ""},   // ... unless told otherwise
        {"'", Possessive::kAny, false, ""},
        {"Kessler\xE2\x80\x99", Possessive::kWithS, true, "Kessler\xE2\x80\x99"},
        {"Kessler's", Possessive::kWithS, true, "Kessler"},
        {"Kessler's", Possessive::kApostrophe, true, "Kessler's"},
        {"Kessler\xE2\x80\x99", Possessive::kApostrophe, true, "Kessler"},
        {"\xE2\x80\x99", Possessive::kApostrophe, true, "\xE2\x80\x99"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(std::string(WithoutPossessive(r.word, r.which, r.keep_whole)) == r.expected);
    }
  }
}

}  // namespace whosaid::text
