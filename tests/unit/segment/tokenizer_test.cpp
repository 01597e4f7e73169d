#include "segment/tokenizer.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "../support/rules_fixture.h"
#include "quotes/scanner.h"

namespace whosaid::segment {
namespace {

const Tokenizer& TheTokenizer() {
  static Tokenizer t(TokenizerConfig{}, testing::Rules());
  return t;
}

struct Tokenized {
  std::string text;
  Tokens tokens;
  std::string Word(std::size_t i) const {
    return text.substr(tokens.tokens[i].span.begin, tokens.tokens[i].span.size());
  }
};

Tokenized Tokenize(const std::string& text) {
  static quotes::Scanner scanner(quotes::ScannerConfig{}, testing::Rules());
  auto paras = SplitParagraphs(text);
  auto q = scanner.Run(text, paras);
  std::vector<Span> top;
  for (const auto& quote : q.quotes)
    if (quote.depth == 0) top.push_back(quote.outer);
  return {text, TheTokenizer().Run(text, paras, q.mark_positions, top)};
}

std::string Joined(const Tokenized& t) {
  std::string out;
  for (std::size_t i = 0; i < t.tokens.tokens.size(); ++i) {
    if (i) out += '|';
    out += t.Word(i);
  }
  return out;
}

TEST_SUITE("segment") {
  TEST_CASE("the examples in rules/abbreviations.txt") {
    for (const auto& ex : testing::Examples("abbreviations.txt")) {
      CAPTURE(ex.line);
      CHECK(std::to_string(Tokenize(ex.input).tokens.sentences.size()) == ex.expected);
    }
  }

  // Long runs of ASCII letters and digits (ReadAsciiRun), ending at the bytes
  // just outside each range (@ [ ` { / :) or at one above 0x7F: their end,
  // kind and case.
  TEST_CASE("long words: end, kind and case read eight bytes at a time") {
    struct Row {
      std::string text, tokens;
      TokenKind kind;  // the first token's
      bool cap, all_caps;
    } rows[] = {
        {"Internationalization rose", "Internationalization|rose", TokenKind::kWord, true, false},
        {"INTERNATIONAL rose", "INTERNATIONAL|rose", TokenKind::kWord, true, true},
        {"ABCDEFGHIJKLMNOPq rose", "ABCDEFGHIJKLMNOPq|rose", TokenKind::kWord, true, false},
        {"ABCDEFGH", "ABCDEFGH", TokenKind::kWord, true, true},
        {"ABCDEFGHIJKLMNOP, rose", "ABCDEFGHIJKLMNOP|,|rose", TokenKind::kWord, true, true},
        {"abcdefgZ rose", "abcdefgZ|rose", TokenKind::kWord, false, false},
        {"1234567890123 rose", "1234567890123|rose", TokenKind::kNumber, false, false},
        {"12345678901234567x rose", "12345678901234567x|rose", TokenKind::kWord, false, false},
        {"Zzzzzzz@zzzzzzzz rose", "Zzzzzzz|@|zzzzzzzz|rose", TokenKind::kWord, true, false},
        {"Abcdefghijk[l] rose", "Abcdefghijk|[|l|]|rose", TokenKind::kWord, true, false},
        {"Abcdefghij`k rose", "Abcdefghij|`|k|rose", TokenKind::kWord, true, false},
        {"Abcdefgh{x rose", "Abcdefgh|{|x|rose", TokenKind::kWord, true, false},
        {"123456789:0 rose", "123456789|:|0|rose", TokenKind::kNumber, false, false},
        {"12345678/90 rose", "12345678|/|90|rose", TokenKind::kNumber, false, false},
        {"ABCDEFGH\u00c9 rose", "ABCDEFGH\u00c9|rose", TokenKind::kWord, true, true},
        {"ABCDEFGH\u00e9 rose", "ABCDEFGH\u00e9|rose", TokenKind::kWord, true, false},
        {"Kiru-Morvia-Batan-Lorem rose", "Kiru-Morvia-Batan-Lorem|rose", TokenKind::kWord, true,
         false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      const Tokenized t = Tokenize(r.text);
      CHECK(Joined(t) == r.tokens);
      REQUIRE(!t.tokens.tokens.empty());
      CHECK(t.tokens.tokens[0].kind == r.kind);
      CHECK(t.tokens.tokens[0].cap == r.cap);
      CHECK(t.tokens.tokens[0].all_caps == r.all_caps);
    }
  }

  TEST_CASE("ASCII words of every length to 20: end, kind and case as one byte at a time reads") {
    // ReadAsciiRun reads eight bytes at a time and counts the letters and
    // capitals of the bytes before the first that ends the run: a stop (a
    // blank, a comma, a byte above 0x7F) at each position of each length,
    // checked against the words' definitions read one byte at a time.
    // (Lexer::Run ends a word at a blank " " or at the span's end ("": the
    // word alone) itself; at any other stop, WordEnd reads it again.)
    const std::string shapes[] = {"A", "a", "7", "Aa", "a7", "7a", "AA7", "7A"};
    const std::string stops[] = {" ", ",", "\u00e9", "@", "-", "\n", "\t", ""};
    for (std::size_t n = 1; n <= 20; ++n) {
      for (const std::string& shape : shapes) {
        std::string word;
        for (std::size_t k = 0; k < n; ++k) word += shape[k % shape.size()];
        for (const std::string& stop : stops) {
          const std::string text = stop.empty() ? word : word + stop + "x";
          CAPTURE(text);
          const Tokenized t = Tokenize(text);
          REQUIRE(!t.tokens.tokens.empty());
          const Token& tok = t.tokens.tokens[0];
          std::size_t letters = 0, upper = 0;
          for (char c : word) {
            letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
            upper += std::isupper(static_cast<unsigned char>(c)) != 0;
          }
          // é is a letter: the word goes on through it (and is no longer
          // ASCII); so does a hyphen before a letter ("7A-x")
          const bool joined = stop == "\u00e9" || stop == "-";
          CHECK(t.Word(0) == (joined ? word + stop + "x" : word));
          // its lower case, written eight bytes at a time as the word is
          // read (the bytes after it overwritten by the next token's)
          for (std::size_t i = 0; i < t.tokens.tokens.size(); ++i)
            CHECK(t.tokens.Lowered(i) == Lower(t.Word(i)));
          CHECK(t.tokens.lowered.size() == t.tokens.lowered_at.back());
          if (!joined) {
            CHECK(tok.kind == (letters ? TokenKind::kWord : TokenKind::kNumber));
            CHECK(tok.cap == (word[0] >= 'A' && word[0] <= 'Z'));
            // (a word opening with a digit is never all capitals: "7A7A")
            const bool digit_first = std::isdigit(static_cast<unsigned char>(word[0])) != 0;
            CHECK(tok.all_caps == (!digit_first && letters >= 2 && upper == letters));
          }
        }
      }
    }
  }

  TEST_CASE("tokens: possessives, abbreviations, numbers, quote marks") {
    struct Row {
      std::string text, tokens;
    } rows[] = {
        {"Kenya’s victims’ homes", "Kenya|’s|victims|’|homes"},
        {"the U.S. and D-S.C. said", "the|U.S.|and|D-S.C.|said"},
        {"Mr. Obama said 6,000 and 2.5", "Mr.|Obama|said|6,000|and|2.5"},
        {"Irada-e-Nasr began", "Irada-e-Nasr|began"},
        {"“Hi,” he said.", "“|Hi|,|”|he|said|."},
        {"don’t O’Brien", "don’t|O’Brien"},
        {"John F. Kennedy", "John|F.|Kennedy"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Joined(Tokenize(row.text)) == row.tokens);
    }
  }

  TEST_CASE("a quote mark at any byte that starts a token: a letter, a digit, an apostrophe") {
    // (the lexer answers IsMark from the cursor's neighbours: marks asked
    // of in order, repeated, in two paragraphs, at a word's first byte)
    struct Row {
      std::string text;
      std::vector<std::size_t> marks;
      std::string tokens;
      std::string kinds;  // w word, n number, q quote, p punct, s possessive
    } rows[] = {
        {"abc def", {}, "abc|def", "ww"},
        {"abc def", {0}, "a|bc|def", "qww"},
        {"abc def", {4}, "abc|d|ef", "wqw"},
        {"abc def", {0, 4}, "a|bc|d|ef", "qwqw"},
        {"abc def", {0, 0, 4, 4}, "a|bc|d|ef", "qwqw"},
        {"abc def", {1, 5}, "abc|def", "ww"},  // (inside a word: not a token's start)
        {"12 ab", {0, 3}, "1|2|a|b", "qnqw"},
        {"it's x", {2}, "it|'|s|x", "wqww"},
        {"\"ab\" c", {0, 3}, "\"|ab|\"|c", "qwqw"},
        {"ab, cd!\nef gh", {4, 8, 11}, "ab|,|c|d|!|e|f|g|h", "wpqwpqwqw"},
        {"x y z", {6, 9}, "x|y|z", "www"},  // (marks past the text)
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      CAPTURE(row.marks.size());
      const auto paras = SplitParagraphs(row.text);
      const Tokens t = TheTokenizer().Run(row.text, paras, row.marks, {});
      std::string joined, kinds;
      for (std::size_t i = 0; i < t.tokens.size(); ++i) {
        if (i) joined += '|';
        joined += row.text.substr(t.tokens[i].span.begin, t.tokens[i].span.size());
        kinds += "wnsqp"[static_cast<int>(t.tokens[i].kind)];
      }
      CHECK(joined == row.tokens);
      CHECK(kinds == row.kinds);
    }
  }

  TEST_CASE("sentences stay whole inside quotations and end after ?” before a new sentence") {
    struct Row {
      std::string text;
      std::size_t sentences;
    } rows[] = {
        {"“One. Two. Three,” he said. Then he left.", 2},
        {"He said so. She did too.", 2},
        {"“Is it?” Trump asked.", 2},
        {"Para one.\n\nPara two", 2},
        {"Gen. Nadeem Sarwar spoke.", 1},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Tokenize(row.text).tokens.sentences.size() == row.sentences);
    }
  }

  TEST_CASE("sentence ends after a word: '.' ends one unless the word kept it, ! ? … after any") {
    // An abbreviation or an initial keeps a full stop written right after
    // it (one token): a '.' token after a word always ends the sentence
    // (SentenceSplitter does not ask the word again); after ! ? … an
    // abbreviation or an initial still goes on.
    struct Row {
      std::string text, sentences;  // each sentence's first token, '|' between
    } rows[] = {
        {"He met Gen. Kamal. Then he left.", "He|Then"},
        {"He met the Gen. Then he left.", "He"},
        {"Ask the Gen! Then he left.", "Ask"},
        {"Ask Kamal! Then he left.", "Ask|Then"},
        {"It was J. Then he left.", "It"},
        {"It was J! Then he left.", "It"},
        {"It was JK. Then he left.", "It|Then"},
        {"It was 2pm. Then he left.", "It|Then"},
        {"It was 2.5. Then he left.", "It|Then"},
        {"The U.S. Then he left.", "The"},
        {"MR. Then he left.", "MR."},
        {"Is it Mr? Then he left.", "Is"},
        {"Caf\u00e9. Then he left.", "Caf\u00e9|Then"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      const Tokenized t = Tokenize(r.text);
      std::string got;
      for (const Sentence& s : t.tokens.sentences) {
        if (!got.empty()) got += '|';
        got += t.Word(s.first);
      }
      CHECK(got == r.sentences);
    }
  }

  TEST_CASE("paragraphs are lines; blank lines and surrounding blanks are dropped") {
    std::string text = "  A b.\n\n\tC d. \r\nE";
    auto paras = SplitParagraphs(text);
    REQUIRE(paras.size() == 3);
    CHECK(text.substr(paras[0].span.begin, paras[0].span.size()) == "A b.");
    CHECK(text.substr(paras[1].span.begin, paras[1].span.size()) == "C d.");
    CHECK(text.substr(paras[2].span.begin, paras[2].span.size()) == "E");
  }

  TEST_CASE("case folding keeps non-ASCII letters and folds ’ to '") {
    CHECK(Lower("ÉCOLE") == "école");
    CHECK(Lower("Kenya’s") == "kenya's");
  }

  // Lower's ASCII path works eight bytes (or four) at a time, with
  // overlapping loads for the tail: every length up to past 16, the bytes
  // around 'A' and 'Z', and a non-ASCII byte anywhere falls back to the
  // code points.
  TEST_CASE("case folding: ASCII at every length and at the letters' edges") {
    const struct Row {
      std::string in, out;
    } rows[] = {{"", ""},
                {"A", "a"},
                {"@[`{", "@[`{"},
                {"AZaz", "azaz"},
                {"@AZ[", "@az["},
                {"Kenya", "kenya"},
                {"NATO-LED", "nato-led"},
                {"ABCDEFGH", "abcdefgh"},
                {"ABCDEFGHI", "abcdefghi"},
                {"Abcdefghijklmno", "abcdefghijklmno"},
                {"ABCDEFGHIJKLMNOPQ", "abcdefghijklmnopq"},
                {"O'BRIEN@[X]", "o'brien@[x]"},
                {"ÉA", "éa"},
                {"ABCDÉ", "abcdé"},
                {"ABCDEFGHÉ", "abcdefghé"},
                {"ABCDEFGHIJ’S", "abcdefghij's"},
                {"Ü", "ü"}};
    for (const Row& row : rows) {
      CAPTURE(row.in);
      CHECK(Lower(row.in) == row.out);
      std::string appended = "X";
      AppendLower(appended, row.in);
      CHECK(appended == "X" + row.out);
    }
    for (std::size_t n = 0; n <= 20; ++n) {
      std::string upper, lower;
      for (std::size_t k = 0; k < n; ++k) {
        upper += static_cast<char>('A' + (k * 7) % 26);
        lower += static_cast<char>('a' + (k * 7) % 26);
      }
      CAPTURE(n);
      CHECK(Lower(upper) == lower);
    }
  }

  TEST_CASE("each token's lower case, ASCII or not, in Tokens::lowered") {
    const Tokenized t = Tokenize("The ÉCOLE in KIRU’S Centre said: “NO.” Über-CAPS ok");
    REQUIRE(t.tokens.lowered_at.size() == t.tokens.tokens.size() + 1);
    for (std::size_t i = 0; i < t.tokens.tokens.size(); ++i) {
      CAPTURE(t.Word(i));
      CHECK(t.tokens.Lowered(i) == Lower(t.Word(i)));
    }
    CHECK(t.tokens.lowered.size() == t.tokens.lowered_at.back());
  }

  TEST_CASE("every ASCII byte that is no letter, digit or blank: one token, its own lower case") {
    // (Lexer::Run makes the punctuation token of such a byte itself; a quote
    // mark, an apostrophe — a possessive after a word — go through AddOther)
    for (int b = 1; b < 0x80; ++b) {
      const char c = static_cast<char>(b);
      if (std::isalnum(b) || c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
      // (each made by appending: GCC's -Wrestrict misreads "Ab" + s + "cd")
      std::vector<std::string> texts(4);
      texts[0] += c;
      texts[1].append("Ab").push_back(c);
      texts[1].append("cd");
      texts[2].append("Ab ").push_back(c);
      texts[2].append(" cd");
      texts[3].append("7").push_back(c);
      for (const std::string& text : texts) {
        CAPTURE(text);
        const Tokenized t = Tokenize(text);
        REQUIRE(t.tokens.lowered_at.size() == t.tokens.tokens.size() + 1);
        for (std::size_t i = 0; i < t.tokens.tokens.size(); ++i) {
          CHECK(t.tokens.Lowered(i) == Lower(t.Word(i)));
          if (t.Word(i) == texts[0] && c != '\'' && c != '"')
            CHECK(t.tokens.tokens[i].kind == TokenKind::kPunct);
        }
        CHECK(t.tokens.lowered.size() == t.tokens.lowered_at.back());
      }
    }
    // an apostrophe after a word is its possessive
    const Tokenized t = Tokenize("Kiru's and Kirus' plan");
    CHECK(Joined(t) == "Kiru|'s|and|Kirus|'|plan");
    CHECK(t.tokens.tokens[1].kind == TokenKind::kPossessive);
  }

  TEST_CASE("Run on a thread's reused storage gives what a fresh run gives") {
    // (a Tokens gives its storage to the thread's next Run: each text is
    // tokenized after the one before was let go — longer and shorter texts
    // in turn, one whose lower case is longer than it (İ) — and compared
    // with a run made while the first holds the storage)
    const std::string texts[] = {
        "The \u00c9COLE in KIRU\u2019S Centre said: \u201cNO.\u201d \u00dcber-CAPS ok. Mr. "
        "Smith left.\nA second paragraph, 6,000 people \u2014 U.S. aid, e.g. here.",
        "Short.",
        "\u0130\u0130\u0130 \u0130STANBUL \u0130zmir said it. \u0130\u0130 again.",
        "",
        "x",
        "Long words: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP and 12345678901234567890 "
        "\u2018quoted\u2019 words, Afrin\u2019s, and the end.",
    };
    for (const std::string& text : texts) {
      CAPTURE(text);
      { const Tokenized first = Tokenize(text); }
      const Tokenized reused = Tokenize(text);
      const Tokenized fresh = Tokenize(text);  // (the spare is in `reused`)
      REQUIRE(reused.tokens.tokens.size() == fresh.tokens.tokens.size());
      for (std::size_t i = 0; i < fresh.tokens.tokens.size(); ++i) {
        CAPTURE(i);
        const Token &a = reused.tokens.tokens[i], &b = fresh.tokens.tokens[i];
        CHECK(a.span == b.span);
        CHECK(a.kind == b.kind);
        CHECK(a.cap == b.cap);
        CHECK(a.all_caps == b.all_caps);
        CHECK(a.hyphen == b.hyphen);
        CHECK(a.paragraph == b.paragraph);
        CHECK(a.sentence == b.sentence);
        CHECK(reused.tokens.Lowered(i) == Lower(reused.Word(i)));
      }
      CHECK(reused.tokens.lowered == fresh.tokens.lowered);
      CHECK(reused.tokens.lowered_at == fresh.tokens.lowered_at);
      CHECK(reused.tokens.paragraph_first == fresh.tokens.paragraph_first);
      CHECK(reused.tokens.sentences.size() == fresh.tokens.sentences.size());
    }
  }

  // LowerPunctuation: a token of ASCII and U+2000–U+203F characters is
  // lowered without ICU; each such character alone, inside and after a
  // word, and bytes that only look like one, give ICU's lower case code
  // point by code point (’ ‘ as '; a broken sequence as U+FFFD), in
  // Tokens::lowered and from Lower.
  TEST_CASE("each token's lower case: General Punctuation tokens as ICU lowers them") {
    auto icu_lower = [](const std::string& w) {
      std::string out;
      for (std::int32_t i = 0, n = static_cast<std::int32_t>(w.size()); i < n;) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const std::uint8_t*>(w.data()), i, n, c);
        if (c < 0) c = 0xFFFD;
        if (c == 0x2018 || c == 0x2019) c = '\'';
        c = u_tolower(c);
        char buf[4];
        std::int32_t len = 0;
        U8_APPEND_UNSAFE(reinterpret_cast<std::uint8_t*>(buf), len, c);
        out.append(buf, static_cast<std::size_t>(len));
      }
      return out;
    };
    std::string text;
    auto append = [&text](char32_t c) {
      text += static_cast<char>(0xE0 | (c >> 12));
      text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      text += static_cast<char>(0x80 | (c & 0x3F));
    };
    for (char32_t c = 0x2000; c <= 0x2040; ++c) {  // (U+2040: the next block's first)
      append(c);
      text += " A";
      append(c);
      text += "b Kiru";
      append(c);
      text += "S ";
    }
    text +=
        "\xE2\x80"
        "A \xE2\x81\x80 \xE2\x80";  // (a broken sequence; another block)
    const Tokenized t = Tokenize(text);
    REQUIRE(t.tokens.lowered_at.size() == t.tokens.tokens.size() + 1);
    for (std::size_t i = 0; i < t.tokens.tokens.size(); ++i) {
      CAPTURE(t.Word(i));
      CHECK(t.tokens.Lowered(i) == icu_lower(t.Word(i)));
      CHECK(Lower(t.Word(i)) == icu_lower(t.Word(i)));
    }
    CHECK(t.tokens.lowered.size() == t.tokens.lowered_at.back());
  }

  TEST_CASE("all capitals: TokenizerConfig::all_caps_letters letters or more, each upper case") {
    const std::string text = "A UN NATO Envoy";
    const std::vector<Paragraph> paras = SplitParagraphs(text);
    struct Row {
      int letters;
      std::vector<bool> expected;  // A, UN, NATO, Envoy
    } rows[] = {{2, {false, true, true, false}},
                {1, {true, true, true, false}},
                {3, {false, false, true, false}}};
    for (const Row& r : rows) {
      CAPTURE(r.letters);
      const Tokenizer t(TokenizerConfig{.all_caps_letters = r.letters}, testing::Rules());
      std::vector<bool> got;
      for (const Token& tok : t.Run(text, paras, {}, {}).tokens) got.push_back(tok.all_caps);
      CHECK(got == r.expected);
    }
  }

  TEST_CASE("word kind and case: ASCII words read once, others code point by code point") {
    struct Row {
      const char* word;
      TokenKind kind;
      bool cap, all_caps;
    } rows[] = {
        {"2024", TokenKind::kNumber, false, false}, {"6,000", TokenKind::kNumber, false, false},
        {"5th", TokenKind::kWord, false, false},    {"4x4", TokenKind::kWord, false, false},
        {"said", TokenKind::kWord, false, false},   {"Kiru", TokenKind::kWord, true, false},
        {"NATO", TokenKind::kWord, true, true},     {"A", TokenKind::kWord, true, false},
        {"iPhone", TokenKind::kWord, false, false}, {"G7", TokenKind::kWord, true, false},
        {"UN-led", TokenKind::kWord, true, false},  {"UN-LED", TokenKind::kWord, true, true},
        {"O'BRIEN", TokenKind::kWord, true, true},  {"ÉCOLE", TokenKind::kWord, true, true},
        {"École", TokenKind::kWord, true, false},   {"CAFÉ", TokenKind::kWord, true, true},
        {"café", TokenKind::kWord, false, false},   {"2024é", TokenKind::kWord, false, false},
        {"éA", TokenKind::kWord, false, false}};
    for (const Row& r : rows) {
      CAPTURE(r.word);
      const Tokenized t = Tokenize(std::string("x ") + r.word + " y");
      REQUIRE(t.tokens.tokens.size() == 3);
      const Token& tok = t.tokens.tokens[1];
      CHECK(t.Word(1) == r.word);
      CHECK(tok.kind == r.kind);
      CHECK(tok.cap == r.cap);
      CHECK(tok.all_caps == r.all_caps);
    }
  }

  TEST_CASE("Token::hyphen: an ASCII hyphen-minus inside the token, nothing else") {
    struct Row {
      const char* text;
      std::vector<bool> expected;  // per token
    } rows[] = {
        {"al-Masri said", {true, false}},
        {"Harakat-e-Ansar won 2-1", {true, false, true}},
        {"a - b", {false, false, false}},  // a lone dash is punctuation
        {"state-run", {true}},             // any word, not only a name
        {"non\u2010stop", {false}},        // U+2010 joins the word but is no '-'
        {"O'Brien's", {false, false}},
        {"abc- d", {false, false, false}},  // a final dash is punctuation
        {"Caf\u00e9-bar", {true}},          // a word with a byte above 0x7F
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      std::vector<bool> got;
      for (const Token& tok : Tokenize(r.text).tokens.tokens) got.push_back(tok.hyphen);
      CHECK(got == r.expected);
    }
  }

  TEST_CASE("WritesAbbreviation: IsAbbreviation of the lower case, long words turned away unread") {
    struct Row {
      const char* word;
      bool expected;
    } rows[] = {{"Mr", true},  {"MR", true},      {"mrs", true},
                {"Gen", true}, {"Dec", true},     {"said", false},
                {"", false},   {"Mister", false}, {"Administration", false},
                {"Ｍr", false}};
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(TheTokenizer().WritesAbbreviation(r.word) == r.expected);
      CHECK(TheTokenizer().WritesAbbreviation(r.word) ==
            TheTokenizer().IsAbbreviation(Lower(r.word)));
    }
  }
}

}  // namespace
}  // namespace whosaid::segment
