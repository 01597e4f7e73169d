// Tests for claims/terms.h: the content terms of a statement (the examples
// of rules/claims/words.txt) and the spelling keys of the wording diff.
#include "claims/terms.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../support/rules_fixture.h"

namespace whosaid::claims {
namespace {

const TermLexicon& Lexicon() {
  static const TermLexicon lexicon(TermConfig{}, testing::Rules());
  return lexicon;
}

std::string Show(const std::vector<Term>& terms) {
  std::string out;
  for (const Term& t : terms) out += (out.empty() ? "" : " ") + t.key + (t.proper ? "*" : "");
  return out;
}

TEST_SUITE("claims.terms") {
  TEST_CASE("the examples of rules/claims/words.txt") {
    const auto examples = testing::Examples("claims/words.txt");
    REQUIRE(examples.size() >= 4);
    for (const auto& ex : examples) {
      CAPTURE(ex.line);
      CHECK(Show(Lexicon().Terms(ex.input)) == ex.expected);
    }
  }

  TEST_CASE("ForEachTerm gives the terms of the examples, the memo's keys read twice too") {
    const auto examples = testing::Examples("claims/words.txt");
    REQUIRE(examples.size() >= 4);
    for (const auto& ex : examples) {
      CAPTURE(ex.line);
      std::vector<Term> seen;
      Lexicon().ForEachTerm(ex.input, [&](std::string_view key, bool proper) {
        seen.push_back({std::string(key), proper});
      });
      CHECK(Show(seen) == ex.expected);
      // The same words again: every key now comes from the thread's memo.
      std::string keys, twice;
      for (const Term& t : seen) keys += t.key + " ";
      Lexicon().ForEachTerm(ex.input + "\n" + ex.input,
                            [&](std::string_view key, bool) { twice.append(key).append(" "); });
      CHECK(twice == keys + keys);
    }
  }

  TEST_CASE("TermKey's memo: a key read back as computed, whatever its shape") {
    // The memo holds a word and its key inline (the key as a prefix of the
    // word, or after it) or aside when the two pass 24 bytes: a row of each.
    struct Row {
      std::string lower, key;
    } rows[] = {
        {"march", "march"},    // the key the word
        {"marched", "march"},  // a prefix
        {"went", "go"},        // after the word
        {"won't", "not"},
        {"the", ""},
        {"84,000", "84000"},
        {"", ""},
        {"1,234,567", "1234567"},                // after the word, 16 bytes the two
        {"abcdefghijklmnopqrn't", "not"},        // 24 bytes the two: inline
        {"abcdefghijklmnopqrsn't", "not"},       // 25: aside
        {"123,456,789,012", "123456789012"},     // 27: aside
        {"antidisestablishmentarian", "antid"},  // a word of more than 24 bytes: aside
        {"counterrevolutionaries", "count"},
    };
    for (int pass = 0; pass < 3; ++pass) {  // the first computed, then from the memo
      for (const Row& r : rows) {
        CAPTURE(r.lower);
        CAPTURE(pass);
        CHECK(Lexicon().TermKey(r.lower) == r.key);
      }
    }
  }

  TEST_CASE("TermKey's memo: many words, a full memo and one of one word agree") {
    // Words of every length and ending, more than the memo keeps (it is
    // emptied and grows again): each asked of a memo holding it alone (two
    // lexicons in turn: the thread's memo is emptied for each), then of one
    // lexicon twice (found in the memo the second time).
    const TermLexicon other(TermConfig{}, testing::Rules());
    const std::string endings[] = {"", "s", "ed", "ing", "ised", "n't", "'s", "ies", "ation", "ly"};
    std::vector<std::string> words;
    for (std::uint32_t i = 0; words.size() < 90000; ++i) {
      std::string w;
      for (std::uint32_t x = i * 2654435761u, len = 1 + i % 31; w.size() < len; x = x * 69069 + 1)
        w.push_back(static_cast<char>('a' + (x >> 27) % 26));
      words.push_back(w + endings[i % 10]);
      if (i % 7 == 0) words.push_back(std::to_string(i * 37) + "," + std::to_string(100 + i % 900));
    }
    std::vector<std::string> alone;
    for (const std::string& w : words) {
      alone.push_back(Lexicon().TermKey(w));
      CHECK(other.TermKey(w) == alone.back());
    }
    for (int pass = 0; pass < 2; ++pass) {
      std::size_t differ = 0;
      for (std::size_t k = 0; k < words.size(); ++k) {
        const std::size_t i = pass == 0 ? k : words.size() - 1 - k;
        differ += Lexicon().TermKey(words[i]) != alone[i] ? 1 : 0;
      }
      CHECK(differ == 0);
    }
  }

  TEST_CASE("indirect speech shifts do not change the terms") {
    struct Row {
      std::string direct, indirect;
    } rows[] = {
        {"We will rebuild the bridge at Tarsk", "they would rebuild the bridge at Tarsk"},
        {"I have never met him", "he had never met him"},
        {"Our neighbours are safe", "their neighbors were safe"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.direct);
      std::vector<std::string> a, b;
      for (const Term& t : Lexicon().Terms(r.direct)) a.push_back(t.key);
      for (const Term& t : Lexicon().Terms(r.indirect)) b.push_back(t.key);
      CHECK(a == b);
    }
  }

  TEST_CASE("spelling keys: case, apostrophes and British spellings") {
    struct Row {
      std::string a, b;
      bool same;
    } rows[] = {
        {"Defence", "defense", true},     {"labour", "labor", true}, {"won’t", "won't", true},
        {"organised", "organized", true}, {"go", "remain", false},   {"four", "for", false},
        {"won’t", "will not", true},      {"we're", "we are", true}, {"isn't", "is not", true},
        {"can't", "will not", false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.a);
      std::vector<std::string> a, b;
      for (const SpelledWord& w : Lexicon().Words(r.a)) a.push_back(w.key);
      for (const SpelledWord& w : Lexicon().Words(r.b)) b.push_back(w.key);
      CHECK((a == b) == r.same);
    }
  }

  TEST_CASE("Spellings: Spell's keys with TermKey's content flag, asked once or again") {
    struct Row {
      std::string lower, keys;  // key, then * when a content term
    } rows[] = {
        {"defence", "defense*"},     {"won't", "will not"},   {"we're", "we are"},
        {"isn't", "is not"},         {"marched", "marched*"}, {"the", "the"},
        {"organised", "organized*"}, {"84,000", "84,000*"},   {"", ""},
    };
    auto show = [](const auto& spellings) {
      std::string out;
      for (std::size_t i = 0; i < spellings.size(); ++i) {
        const auto& s = spellings[i];
        if (!out.empty()) out.push_back(' ');
        out.append(s.key);
        if (s.content) out.push_back('*');
      }
      return out;
    };
    for (int pass = 0; pass < 2; ++pass) {  // the second from the thread's memo
      for (const Row& r : rows) {
        CAPTURE(r.lower);
        CAPTURE(pass);
        CHECK(show(Lexicon().Spellings(r.lower)) == r.keys);
        // what Spell and TermKey give one by one
        std::vector<SpelledWord> spelled;
        Lexicon().Spell({}, r.lower, spelled);
        std::vector<TermLexicon::Spelling> expected;
        for (const SpelledWord& w : spelled) {
          const std::string term = Lexicon().TermKey(w.key);
          expected.push_back({w.key, !term.empty() && term != TermLexicon::kNegation});
        }
        CHECK(show(Lexicon().Spellings(r.lower)) == show(expected));
      }
    }
  }

  TEST_CASE("Spellings: generated words, short and long, inline and kept aside, asked again") {
    // (the memo holds a word of one key inline when the word and key fit in
    // its slot, else aside; hundreds of words make it grow)
    const std::vector<std::string> stems = {"march",  "neighbour", "organis", "defence", "colour",
                                            "won't",  "we're",     "isn't",   "the",     "not",
                                            "84,000", "war-torn",  "x",       ""};
    const std::vector<std::string> ends = {"", "ed", "ing", "s", "'s", "ation", "-colour"};
    std::vector<std::string> words;
    for (int pad = 0; pad < 40; pad += 3) {
      for (const std::string& stem : stems) {
        for (const std::string& end : ends) words.push_back(std::string(pad, 'q') + stem + end);
      }
    }
    auto show = [](const auto& spellings) {
      std::string out;
      for (std::size_t i = 0; i < spellings.size(); ++i) {
        out.append(spellings[i].key);
        out.append(spellings[i].content ? "*|" : "|");
      }
      return out;
    };
    for (int pass = 0; pass < 2; ++pass) {
      for (const std::string& w : words) {
        CAPTURE(w);
        std::vector<SpelledWord> spelled;
        Lexicon().Spell({}, w, spelled);
        std::vector<TermLexicon::Spelling> expected;
        for (const SpelledWord& s : spelled) {
          const std::string term = Lexicon().TermKey(s.key);
          expected.push_back({s.key, !term.empty() && term != TermLexicon::kNegation});
        }
        CHECK(show(Lexicon().Spellings(w)) == show(expected));
      }
    }
  }

  TEST_CASE("ScanWords: spans, joiners, sentence starts") {
    WordLetters letters;
    auto words = ScanWords("“Tarsk’s 1,500 men,” she said. Then: war-torn", false, letters);
    std::vector<std::string> lower;
    for (const RawWord& w : words) lower.emplace_back(w.lower);
    CHECK(lower ==
          std::vector<std::string>{"tarsk's", "1,500", "men", "she", "said", "then", "war-torn"});
    CHECK(words[0].sentence_start);
    CHECK_FALSE(words[3].sentence_start);
    CHECK(words[5].sentence_start);
  }

  TEST_CASE("ScanWords: ASCII runs and other letters in one word, case flags") {
    // Each word: lower, span, cap, all_caps (the ASCII letters and digits of
    // a word are read without decoding; the rest with it: both must agree).
    struct Row {
      std::string text;
      bool split_hyphens;
      std::vector<std::string> lower;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      std::vector<bool> cap, all_caps;
    };
    const std::vector<Row> rows = {
        {"NATO Said", false, {"nato", "said"}, {{0, 4}, {5, 9}}, {true, true}, {true, false}},
        {"Müller ÉCOLE",
         false,
         {"müller", "école"},
         {{0, 7}, {8, 14}},
         {true, true},
         {false, true}},
        {"a1b2 X", false, {"a1b2", "x"}, {{0, 4}, {5, 6}}, {false, true}, {false, false}},
        {"US-led", false, {"us-led"}, {{0, 6}}, {true}, {false}},
        {"US-led", true, {"us", "led"}, {{0, 2}, {3, 6}}, {true, false}, {true, false}},
        {"3.5bn 1,000.",
         false,
         {"3.5bn", "1,000"},
         {{0, 5}, {6, 11}},
         {false, false},
         {false, false}},
        {"naïveTÉ end",
         false,
         {"naïveté", "end"},
         {{0, 9}, {10, 13}},
         {false, false},
         {false, false}},
        // runs read eight bytes at a time: longer than eight, ending at a
        // longer character or a joiner after a whole eight, near the end
        {"INTERNATIONALLY Recognised 12345678901 words. tail",
         false,
         {"internationally", "recognised", "12345678901", "words", "tail"},
         {{0, 15}, {16, 26}, {27, 38}, {39, 44}, {46, 50}},
         {true, true, false, false, false},
         {true, false, false, false, false}},
        {"ABCDEFGHé xyz padding",
         false,
         {"abcdefghé", "xyz", "padding"},
         {{0, 10}, {11, 14}, {15, 22}},
         {true, false, false},
         {false, false, false}},
        {"ABCDEFGÉ and more",
         false,
         {"abcdefgé", "and", "more"},
         {{0, 9}, {10, 13}, {14, 18}},
         {true, false, false},
         {true, false, false}},
        // the bytes beside the letters' ranges (@ [ ` { and controls that
        // would read as letters or digits with bit 5 set) end a word; a
        // comma or period joins digits only after an ASCII digit
        {"AbC@Dz[q`W{v",
         false,
         {"abc", "dz", "q", "w", "v"},
         {{0, 3}, {4, 6}, {7, 8}, {9, 10}, {11, 12}},
         {true, true, false, true, false},
         {false, false, false, false, false}},
        {"\x10\x19"
         "Ab\x1A"
         "9",
         false,
         {"ab", "9"},
         {{2, 4}, {5, 6}},
         {true, false},
         {false, false}},
        {"é,5 5,000 ü.000 7.5",
         false,
         {"é", "5", "5,000", "ü", "000", "7.5"},
         {{0, 2}, {3, 4}, {5, 10}, {11, 13}, {14, 17}, {18, 21}},
         {false, false, false, false, false, false},
         {false, false, false, false, false, false}},
        {"1234567,890 people here and there",
         false,
         {"1234567,890", "people", "here", "and", "there"},
         {{0, 11}, {12, 18}, {19, 23}, {24, 27}, {28, 33}},
         {false, false, false, false, false},
         {false, false, false, false, false}},
        {"WaterMELONS-grown x",
         true,
         {"watermelons", "grown", "x"},
         {{0, 11}, {12, 17}, {18, 19}},
         {true, false, false},
         {false, false, false}},
        // lower case longer than the text (2 bytes to 3: WordLetters' bound)
        // and shorter (’ to '), ASCII runs to the text's last byte
        {"ȺȺȺȺȺȺȺȺ ȾȾ", false, {"ⱥⱥⱥⱥⱥⱥⱥⱥ", "ⱦⱦ"}, {{0, 16}, {17, 21}}, {true, true}, {true, true}},
        {"Ⱥ", false, {"ⱥ"}, {{0, 2}}, {true}, {false}},
        {"Dom’s ABCDEFGHIJKLMNOPQRSTUVWXYZ",
         false,
         {"dom's", "abcdefghijklmnopqrstuvwxyz"},
         {{0, 7}, {8, 34}},
         {true, true},
         {false, true}},
        // all_caps: two letters or more, none lower case (digits and joiners
        // not counted), in runs of eight, the bytes after them and other letters
        {"AB1 A1 1A2B ABCDEFGHIJKLMNOp ABCDEFGHIJKLMNOP1 A'B ÉA Éa aÉ 12345678 x",
         false,
         {"ab1", "a1", "1a2b", "abcdefghijklmnop", "abcdefghijklmnop1", "a'b", "éa", "éa", "aé",
          "12345678", "x"},
         {{0, 3},
          {4, 6},
          {7, 11},
          {12, 28},
          {29, 46},
          {47, 50},
          {51, 54},
          {55, 58},
          {59, 62},
          {63, 71},
          {72, 73}},
         {true, true, false, true, true, true, true, true, false, false, false},
         {true, false, true, false, true, true, true, false, false, false, false}},
        {"@[`{ AZaz 0Z9",
         false,
         {"azaz", "0z9"},
         {{5, 9}, {10, 13}},
         {true, false},
         {false, false}},
        // the bytes beside A–Z and a–z end a run (one range test reads both cases)
        {"AB@CD[EF`GH{IJ padding",
         false,
         {"ab", "cd", "ef", "gh", "ij", "padding"},
         {{0, 2}, {3, 5}, {6, 8}, {9, 11}, {12, 14}, {15, 22}},
         {true, true, true, true, true, false},
         {true, true, true, true, true, false}},
        {"XY", false, {"xy"}, {{0, 2}}, {true}, {true}},
        {"Xy", false, {"xy"}, {{0, 2}}, {true}, {false}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      WordLetters letters;
      const std::vector<RawWord> words = ScanWords(row.text, row.split_hyphens, letters);
      std::vector<std::string> lower;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      std::vector<bool> cap, all_caps;
      for (const RawWord& w : words) {
        lower.emplace_back(w.lower);
        spans.emplace_back(w.span.begin, w.span.end);
        cap.push_back(w.cap);
        all_caps.push_back(w.all_caps);
      }
      CHECK(lower == row.lower);
      CHECK(spans == row.spans);
      CHECK(cap == row.cap);
      CHECK(all_caps == row.all_caps);
    }
  }

  TEST_CASE("ScanWords: RawWord::hyphen marks a word with a '-' inside, and only that") {
    struct Row {
      std::string text;
      bool split_hyphens;
      std::vector<bool> hyphen;
    };
    const std::vector<Row> rows = {
        {"forty-six war-torn six", false, {true, true, false}},
        {"forty-six war-torn six", true, {false, false, false, false, false}},
        {"a - b -c d- 1-2", false, {false, false, false, false, true}},
        {"1,500 it’s U.S. x", false, {false, false, false, false, false}},
        {"Forty-Six’s one-two-three", false, {true, true}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      WordLetters letters;
      std::vector<bool> hyphen;
      for (const RawWord& w : ScanWords(row.text, row.split_hyphens, letters)) {
        hyphen.push_back(w.hyphen);
        CHECK(w.hyphen == (w.lower.find('-') != std::string_view::npos));
      }
      CHECK(hyphen == row.hyphen);
    }
  }

  TEST_CASE("ScanWordsBare: ScanWords' words without sentence starts and case flags") {
    // each field but sentence_start and all_caps as ScanWords reads it
    // (ASCII runs of eight, other letters, joiners, glued pieces, the end)
    const std::vector<std::string> texts = {
        "“Tarsk’s 1,500 men,” she said. Then: war-torn",
        "NATO Said ÉCOLE naïveTÉ a1b2 X US-led 3.5bn 1,000. end",
        "INTERNATIONALLY Recognised 12345678901 words. tail ABCDEFGHé xyz 1234567,890 people",
        "ȺȺȺȺȺȺȺȺ ȾȾ Dom’s forty-six war-torn a - b -c d- 1-2 it’s U.S. x Forty-Six’s one-two",
        "saidWe will “march” — (on) [the] 9/11 12:55 $5 40% 200security",
        "",
        "x",
    };
    // (the form into a vector: one vector and one WordLetters for every
    // scan, in turn, as FigureExtractor's rows reuse them)
    WordLetters reused_letters;
    std::vector<RawWord> reused;
    for (const std::string& text : texts) {
      CAPTURE(text);
      for (const bool split : {false, true}) {
        WordLetters full_letters, bare_letters;
        const std::vector<RawWord> full = ScanWords(text, split, full_letters);
        const std::vector<RawWord> bare = ScanWordsBare(text, split, bare_letters);
        ScanWordsBare(text, split, reused_letters, reused);
        REQUIRE(bare.size() == full.size());
        REQUIRE(reused.size() == full.size());
        for (std::size_t k = 0; k < full.size(); ++k) {
          CHECK(bare[k].span == full[k].span);
          CHECK(bare[k].lower == full[k].lower);
          CHECK(bare[k].cap == full[k].cap);
          CHECK(bare[k].hyphen == full[k].hyphen);
          CHECK_FALSE(bare[k].sentence_start);
          CHECK_FALSE(bare[k].all_caps);
          CHECK(reused[k].span == full[k].span);
          CHECK(reused[k].lower == full[k].lower);
          CHECK(reused[k].cap == full[k].cap);
          CHECK(reused[k].hyphen == full[k].hyphen);
          CHECK_FALSE(reused[k].sentence_start);
          CHECK_FALSE(reused[k].all_caps);
        }
      }
    }
  }

  TEST_CASE("ScanWordsBare with a FirstByteSizes: the same words, and those that pass it") {
    // (the numbers `passing` lists are those Passes() accepts of the words
    // read without a filter, whatever the table: several tables, generated)
    const std::vector<std::string> texts = {
        "“Tarsk’s 1,500 men,” she said. Then: war-torn a dozen",
        "ȺȺȺȺȺȺȺȺ ȾȾ Dom’s forty-six war-torn a - b -c d- 1-2 it’s U.S. x Forty-Six’s one-two",
        "saidWe will “march” — (on) [the] 9/11 12:55 $5 40% 200security INTERNATIONALLYRECOGNISED",
        "",
        "x",
    };
    std::vector<FirstByteSizes> filters(4);
    for (std::size_t b = 0; b < 256; ++b) {
      filters[1].sizes[b] = static_cast<std::uint32_t>(b * 2654435761u);
      filters[2].sizes[b] = b % 3 == 0 ? ~0u : 0;
      filters[3].sizes[b] = b >= 'a' && b <= 'z' ? FirstByteSizes::SizeBit(b % 7) : 0;
    }
    WordLetters plain_letters, letters;
    std::vector<RawWord> plain, words;
    std::vector<std::uint32_t> passing = {7, 8};  // (emptied first)
    for (const std::string& text : texts) {
      for (const FirstByteSizes& filter : filters) {
        for (const bool split : {false, true}) {
          CAPTURE(text);
          ScanWordsBare(text, split, plain_letters, plain);
          ScanWordsBare(text, split, letters, words, filter, passing);
          REQUIRE(words.size() == plain.size());
          std::vector<std::uint32_t> expected;
          for (std::size_t k = 0; k < plain.size(); ++k) {
            CHECK(words[k].span == plain[k].span);
            CHECK(words[k].lower == plain[k].lower);
            CHECK(words[k].hyphen == plain[k].hyphen);
            if (filter.Passes(plain[k].lower, plain[k].hyphen)) {
              expected.push_back(static_cast<std::uint32_t>(k));
            }
          }
          CHECK(passing == expected);
        }
      }
    }
  }

  TEST_CASE("ScanWords: one WordLetters for scan after scan reads each as a fresh one") {
    const std::vector<std::string> texts = {
        "short one", "a much longer text, with ÉCOLE and Ⱥ and 1,500 words in it, than the first",
        "",          "ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ end",
        "last",
    };
    WordLetters reused;
    for (const std::string& text : texts) {
      CAPTURE(text);
      const std::vector<RawWord> words = ScanWords(text, true, reused);
      WordLetters fresh;
      const std::vector<RawWord> expected = ScanWords(text, true, fresh);
      REQUIRE(words.size() == expected.size());
      for (std::size_t k = 0; k < words.size(); ++k) {
        CHECK(words[k].lower == expected[k].lower);
        CHECK(words[k].span == expected[k].span);
      }
    }
  }

  TEST_CASE("ScannedText: a span's terms and words as a scan of the span alone reads them") {
    // Pieces laid end to end glue words (`saidWe`): a span may cut a word of
    // the whole text at either end, or a character; each row's span gives
    // what the lexicon gives for its text alone, and `terms` says what that is.
    struct Row {
      std::string text;
      std::size_t begin, end;
      std::string terms;  // Show(Terms(text.substr(begin, end - begin)))
    };
    const std::vector<Row> rows = {
        {"They said: \"We will march on Tarsk.\"", 12, 35, "march tarsk*"},
        {"he saidWe will march on Tarsk todayhe added", 7, 35, "march tarsk* today"},
        {"saidWe will march", 4, 17, "march"},
        {"We will marchsaid", 0, 13, "march"},
        {"xxWe rebuilt Tarsk bridgesyy", 2, 26, "recov tarsk* bridg"},
        {"abcdef", 2, 4, "cd"},
        {"Leader Vows To End The March. Then", 0, 28, "leade vow end march"},
        {"ok. Leader Vows To End The March", 4, 32, "leade vow end march"},
        {"the war-torn city", 4, 17, "war torn city"},
        {"a-war-torn city", 2, 15, "war torn city"},
        {"killed 84,000 people", 0, 20, "kill 84000 8e4 peopl"},
        {"killed 84,000 people", 8, 20, "4000 4e3 peopl"},
        {"Müller said: ÉCOLE won’t close", 13, 33, "écol* not clo"},
        {"Müller said", 1, 11, "üller sai"},
        {"Müller said", 2, 11, "ller sai"},
        {"", 0, 0, ""},
        {"word", 2, 9, "rd"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      CAPTURE(row.begin);
      ScannedText scanned(Lexicon(), row.text);
      const std::size_t end = std::min(row.end, row.text.size());
      const std::size_t begin = std::min(row.begin, end);
      const std::string alone = row.text.substr(begin, end - begin);
      const auto& words = scanned.WordsOf({row.begin, row.end});
      std::vector<Term> seen;
      scanned.ForEachTerm(words, [&](std::uint32_t id, std::string_view key, bool proper) {
        CHECK(scanned.Key(id) == key);
        seen.push_back({std::string(key), proper});
      });
      CHECK(Show(seen) == Show(Lexicon().Terms(alone)));
      CHECK(Show(seen) == row.terms);
      std::size_t bytes = 0;  // TermsSize: the letters and number of those terms
      for (const Term& t : seen) bytes += t.key.size();
      CHECK(scanned.TermsSize(words) == std::pair<std::size_t, std::size_t>(bytes, seen.size()));
      std::vector<std::string> spelled, expected;
      for (const SpelledWord& w : scanned.Words(words, begin))
        spelled.push_back(w.key + "@" + std::to_string(w.span.begin) + "-" +
                          std::to_string(w.span.end));
      for (const SpelledWord& w : Lexicon().Words(alone))
        expected.push_back(w.key + "@" + std::to_string(w.span.begin) + "-" +
                           std::to_string(w.span.end));
      CHECK(spelled == expected);
    }
  }

  TEST_CASE("ScannedText: AddWording gives Words' keys with TermKey's content flag") {
    // (a word of the text spelled once per text and read again for each
    // span: spans overlap and repeat; hyphen joins, contractions, British
    // spellings, `not`, dropped words and words scanned again at a cut)
    const std::string text =
        "They won't march; the neighbours' war-torn city marched. We didn't march "
        "through the war-torn city, the neighbours said: NOT ONE colour of 84,000";
    ScannedText scanned(Lexicon(), text);
    const std::vector<std::pair<std::size_t, std::size_t>> spans = {
        {0, text.size()}, {5, 40}, {0, text.size()}, {7, 60}, {30, 120}, {2, text.size() - 3},
        {40, 41},         {0, 0}};
    for (const auto& [begin, end] : spans) {
      CAPTURE(begin);
      CAPTURE(end);
      const auto& words = scanned.WordsOf({begin, end});
      PackedWords wording;
      scanned.AddWording(words, wording);
      PackedWords expected;
      for (const SpelledWord& w : Lexicon().Words(text.substr(begin, end - begin))) {
        const std::string term = Lexicon().TermKey(w.key);
        expected.Add(w.key, !term.empty() && term != TermLexicon::kNegation);
      }
      CHECK(wording == expected);
      CHECK(wording.size() == expected.size());
    }
  }

  TEST_CASE("ScannedText: key uses over the whole text, rounded numbers counted") {
    ScannedText scanned(Lexicon(), "The march, the MARCH and 84,000 or 80,000 marched");
    const std::vector<int> uses = scanned.KeyUses();
    auto count = [&](std::string_view key) {
      const std::uint32_t id = scanned.Find(key, UINT32_MAX);
      return id == UINT32_MAX ? 0 : uses[id];
    };
    CHECK(count("march") == 3);
    CHECK(count("8e4") == 2);
    CHECK(count("84000") == 1);
    CHECK(count("the") == 0);
    // a number rounds from four digits, not a year nor one with a leading 0
    ScannedText numbers(Lexicon(), "1999 2012 1000 9999 0999 123 12,345 5000000");
    const std::vector<int> n = numbers.KeyUses();
    auto in_numbers = [&](std::string_view key) {
      const std::uint32_t id = numbers.Find(key, UINT32_MAX);
      return id == UINT32_MAX ? 0 : n[id];
    };
    CHECK(in_numbers("1e3") == 1);
    CHECK(in_numbers("9e3") == 1);
    CHECK(in_numbers("1e4") == 1);
    CHECK(in_numbers("5e6") == 1);
    CHECK(in_numbers("1e3") + in_numbers("9e3") + in_numbers("1e4") + in_numbers("5e6") == 4);
    CHECK(numbers.keys() == 12);  // 8 numbers (12,345 as 12345) and 4 rounded
  }
}

}  // namespace
}  // namespace whosaid::claims
