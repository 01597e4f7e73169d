#include "quotes/scanner.h"

#include <doctest/doctest.h>

#include "../support/rules_fixture.h"
#include "segment/paragraphs.h"

namespace whosaid::quotes {
namespace {

const Scanner& TheScanner() {
  static Scanner s(ScannerConfig{}, testing::Rules());
  return s;
}

// The contents of the top-level quotes, joined by " / ".
std::string TopLevel(const std::string& text) {
  auto paras = segment::SplitParagraphs(text);
  auto r = TheScanner().Run(text, paras);
  std::string out;
  for (const auto& q : r.quotes) {
    if (q.depth != 0) continue;
    if (!out.empty()) out += " / ";
    out += text.substr(q.inner.begin, q.inner.size());
  }
  return out;
}

TEST_SUITE("quotes") {
  TEST_CASE("the examples in rules/quote_marks.txt") {
    for (const auto& ex : testing::Examples("quote_marks.txt")) {
      CAPTURE(ex.line);
      CHECK(TopLevel(ex.input) == ex.expected);
    }
  }

  TEST_CASE("the examples in rules/transcript.txt: labelled turns never merge") {
    for (const auto& ex : testing::Examples("transcript.txt")) {
      CAPTURE(ex.line);
      std::string text;  // the examples write a line break as \n
      for (std::size_t i = 0; i < ex.input.size(); ++i) {
        if (ex.input[i] == '\\' && i + 1 < ex.input.size() && ex.input[i + 1] == 'n') {
          text.push_back('\n');
          ++i;
        } else {
          text.push_back(ex.input[i]);
        }
      }
      CHECK(TopLevel(text) == ex.expected);
    }
  }

  TEST_CASE("pairing: apostrophes, nesting, paragraphs, unclosed quotes") {
    struct Row {
      std::string text, expected;
    } rows[] = {
        {"Kenya’s victims’ homes in the ’90s.", ""},
        {"“A ‘B’ C,” he said.", "A ‘B’ C,"},
        {"“It’s done,” she said.", "It’s done,"},
        {"\"First,\" he said. \"Second.\"", "First, / Second."},
        // news convention: each paragraph reopens, only the last closes
        {"“One paragraph.\n\n“Two paragraphs.”\n\nAfter.", "One paragraph.\n\n“Two paragraphs."},
        // an unclosed quote ends at its paragraph; the next paragraph reads as usual
        {"“Never closed.\n\nHe said “closed” here.", "Never closed. / closed"},
        {"<tweet author=\"x\">“Hi there,” he said</tweet>", "Hi there,"},
        {"”Mr. Trump is wrong,” she said.", "Mr. Trump is wrong,"},
        {"The ‘victim’ narrative.", "victim"},
        {"\"Bob.\"\n\"What.\"", "Bob. / What."},
        // marks inside tags are no marks; the scan resumes after each tag
        {"He said <a href=\"x\">“Go,”</a> and <b>‘then’</b> <i>\"stop.\"</i>",
         "Go, / then / stop."},
        {"a < b and “c” <x", "c"},
        {"Text ``plain'' and <br/>\"end\"", "plain / end"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(TopLevel(row.text) == row.expected);
    }
  }

  TEST_CASE("NeverMark is true only of ASCII bytes at which MarkAt finds no mark") {
    const Scanner& s = TheScanner();
    for (int b = 1; b < 0x100; ++b) {
      CAPTURE(b);
      const std::string text(2, static_cast<char>(b));  // room for a two-character mark
      std::size_t length = 0;
      if (s.NeverMark(text[0])) CHECK(s.MarkAt(text, 0, &length) == nullptr);
      if (b < 0x80 && s.MarkAt(text, 0, &length) == nullptr) CHECK(s.NeverMark(text[0]));
      if (b >= 0x80) CHECK_FALSE(s.NeverMark(text[0]));
    }
    CHECK_FALSE(s.NeverMark('"'));
    CHECK(s.NeverMark('a'));
  }

  // SkipNeverMark stops where the byte loop over NeverMark stops: at every
  // start and limit of texts with marks (ASCII and multi-byte) at every
  // position of a sixteen-byte step, with the shipped marks (three ASCII
  // characters: sixteen bytes at a time) and with six ASCII marks (the byte
  // loop alone).
  TEST_CASE("SkipNeverMark stops at the first byte NeverMark turns down") {
    const auto six = testing::Rules().With(
        "quote_marks.txt",
        rules::RuleFile::Parse("quote_marks.txt",
                               "\" | double | either\n' | single | either\n` | single | open\n"
                               "< | single | open\n> | single | close\n~ | double | either\n"));
    const Scanner wide(ScannerConfig{}, *six);
    const std::vector<std::string> texts = {
        "",
        "plain text without any mark at all, longer than eight bytes",
        "a\"b",
        "0123456\"89abcdef\"",
        "01234567'9abcdef",
        "said \xE2\x80\x9CYes\xE2\x80\x9D, and left",
        "caf\xC3\xA9 au lait <b> ~tilde~ `tick' \"q\"",
        "xxxxxxxxxxxxxxx`",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
        "xxxxxxxxxxxxxxxxx\xE2\x80\x9Cxxxxxxxxxxxxxxx`xxxxxxxxxxxxxx",
        "\x80\x80\x80\x80\x80\x80\x80\x80\x80",
    };
    for (const Scanner* s : {&TheScanner(), &wide}) {
      for (const std::string& text : texts) {
        for (std::size_t limit = 0; limit <= text.size(); ++limit) {
          for (std::size_t i = 0; i <= limit; ++i) {
            std::size_t j = i;
            while (j < limit && s->NeverMark(text[j])) ++j;
            CAPTURE(text);
            CAPTURE(i);
            CAPTURE(limit);
            CHECK(s->SkipNeverMark(text, i, limit) == j);
          }
        }
      }
    }
  }

  TEST_CASE("offsets: outer spans hold the marks, inner spans the words") {
    std::string text = "X said “héllo wörld” then.";
    auto r = TheScanner().Run(text, segment::SplitParagraphs(text));
    REQUIRE(r.quotes.size() == 1);
    CHECK(text.substr(r.quotes[0].outer.begin, r.quotes[0].outer.size()) == "“héllo wörld”");
    CHECK(text.substr(r.quotes[0].inner.begin, r.quotes[0].inner.size()) == "héllo wörld");
    CHECK_FALSE(r.quotes[0].unclosed);
  }

  TEST_CASE("deep nesting is bounded") {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "“";
    text += "x";
    for (int i = 0; i < 10000; ++i) text += "”";
    auto r = TheScanner().Run(text, segment::SplitParagraphs(text));
    CHECK(r.quotes.size() <= ScannerConfig{}.max_depth);
  }
}

}  // namespace
}  // namespace whosaid::quotes
