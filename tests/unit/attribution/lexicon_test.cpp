#include "attribution/lexicon.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "../support/rules_fixture.h"
#include "attribution/shape.h"
#include "quotes/scanner.h"
#include "segment/paragraphs.h"
#include "segment/title_case.h"
#include "segment/tokenizer.h"

namespace whosaid::attribution {
namespace {

const Lexicon& TheLexicon() { return testing::Rules().Shared<Lexicon>(); }

// The shape `shapes` builds of `text`, read as the pipeline reads it
// before (paragraphs, quotes, tokens).
Shape ShapeOf(const ShapeBuilder& shapes, const std::string& text) {
  static quotes::Scanner scanner(quotes::ScannerConfig{}, testing::Rules());
  static segment::Tokenizer tokenizer(segment::TokenizerConfig{}, testing::Rules());
  const auto paras = segment::SplitParagraphs(text);
  const auto q = scanner.Run(text, paras);
  std::vector<Span> top;
  for (const auto& quote : q.quotes)
    if (quote.depth == 0) top.push_back(quote.outer);
  const segment::Tokens tokens = tokenizer.Run(text, paras, q.mark_positions, top);
  return shapes.Run(text, tokens, q.quotes);
}

// The name of the shape symbol of a word or phrase (shape_classes.txt), as
// the examples in rules/ state it: a cue or nominal cue first, then the word's
// own class (mid-sentence; "cap" from its first letter).
std::string SymbolOf(const std::string& phrase) {
  std::vector<std::string> lower;
  std::istringstream in(phrase);
  for (std::string w; in >> w;) lower.push_back(segment::Lower(w));
  std::vector<std::string_view> views(lower.begin(), lower.end());
  bool cap = !phrase.empty() && phrase[0] >= 'A' && phrase[0] <= 'Z';
  const ShapeSymbols& sym = TheLexicon().alphabet().sym;
  if (!cap) {
    if (auto cue = TheLexicon().MatchCue(views))
      return std::string(sym.NameOf(TheLexicon().CueSymbol(*cue->cue, cue->participle)));
    if (TheLexicon().MatchNominal(views)) return std::string(sym.NameOf(sym.nominal_cue));
  }
  static ShapeBuilder shapes(ShapeConfig{}, testing::Rules());
  return std::string(sym.NameOf(shapes.WordSymbol(phrase, cap, false, true)));
}

TEST_SUITE("attribution") {
  TEST_CASE("the examples in the word-list rule files") {
    for (const char* file : {"cues.txt", "words.txt", "pronouns.txt", "roles.txt", "titles.txt",
                             "org_heads.txt", "sources.txt", "nominal_cues.txt"}) {
      auto examples = testing::Examples(file);
      CHECK_MESSAGE(!examples.empty(), file, " has no examples");
      for (const auto& ex : examples) {
        CAPTURE(file);
        CAPTURE(ex.line);
        CHECK(SymbolOf(ex.input) == ex.expected);
      }
    }
  }

  TEST_CASE("cues: every inflection, longest phrase first, flags") {
    struct Row {
      std::string words, lemma;
      std::size_t length;
    } rows[] = {
        {"said that", "say", 1},
        {"says", "say", 1},
        {"pointed out that", "point out", 2},
        {"according to X", "according to", 2},
        {"called for a", "call for", 2},
        {"called it", "call", 1},
        {"posted on social media that", "post on social media", 4},
    };
    for (const auto& row : rows) {
      CAPTURE(row.words);
      std::vector<std::string> lower;
      std::istringstream in(row.words);
      for (std::string w; in >> w;) lower.push_back(segment::Lower(w));
      std::vector<std::string_view> views(lower.begin(), lower.end());
      auto m = TheLexicon().MatchCue(views);
      REQUIRE(m);
      CHECK(m->cue->lemma == row.lemma);
      CHECK(m->words == row.length);
    }
    std::vector<std::string_view> said{"said"}, adds{"adds"};
    CHECK(TheLexicon().MatchCue(said)->cue->loose);
    CHECK_FALSE(TheLexicon().MatchCue(adds)->cue->loose);  // "adds another layer" is no speech
    // "lamented the closures", "offered a defence of the plan", "promised a new road":
    // the noun phrase is the content
    for (std::string_view w : {"lamented", "offered", "promised", "bemoaned", "disputed"}) {
      std::vector<std::string_view> one{w};
      CAPTURE(w);
      CHECK(TheLexicon().MatchCue(one)->cue->object);
    }
  }

  TEST_CASE("how long a word must be for its -ing to count: english.txt") {
    static ShapeBuilder shapes(ShapeConfig{}, testing::Rules());
    const ShapeSymbols& sym = TheLexicon().alphabet().sym;
    struct Row {
      std::string word;
      char expected;
    } rows[] = {
        {"gliding", sym.gerund},  // invented words, none of them a cue
        {"zing", sym.word},       // four letters: gerund_min_length is 5
        {"bling", sym.gerund},
        // the ending compared letter by letter (shape.cpp's EndsWith)
        {"blinq", sym.word},
        {"blxng", sym.word},
        {"xling", sym.gerund},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(shapes.WordSymbol(r.word, false, false, true) == r.expected);
    }
    // the length is the rules': a shorter one makes "zing" an -ing form
    std::ifstream in(testing::Rules().File("english.txt").path());
    std::stringstream text;
    text << in.rdbuf();
    std::string english = text.str();
    const std::string five = "gerund_min_length | 5";
    REQUIRE(english.find(five) != std::string::npos);
    english.replace(english.find(five), five.size(), "gerund_min_length | 4");
    auto shorter =
        testing::Rules().With("english.txt", rules::RuleFile::Parse("english.txt", english));
    ShapeBuilder short_shapes(ShapeConfig{}, *shorter);
    CHECK(short_shapes.WordSymbol("zing", false, false, true) == sym.gerund);
  }

  TEST_CASE("Facts: one look-up gives what each list look-up gives") {
    const Lexicon& lex = TheLexicon();
    const ShapeSymbols& sym = lex.alphabet().sym;
    struct Row {
      const char* word;
      char function;  // expected FunctionSymbol
      bool title, role, org_head, org_head_cap, past, starts_cue, starts_nominal;
    } rows[] = {
        {"the", sym.determiner, false, false, false, false, false, false, false},
        {"twenty-six", sym.number, false, false, false, false, false, false, false},  // compound
        {"gen", 0, true, false, false, false, false, false, false},
        {"gen.", 0, true, false, false, false, false, false, false},  // IsTitle drops the stop
        {"president", 0, true, true, false, false, false, false, false},
        {"ministry", 0, false, false, true, true, false, false, false},
        {"court", 0, false, false, false, true, false, false, false},  // org head only as Court
        {"went", 0, false, false, false, false, true, true, false},    // went on to say
        {"said", 0, false, false, false, false, true, true, false},
        {"pointed", 0, false, false, false, false, false, true, false},  // pointed out
        {"zzqx", 0, false, false, false, false, false, false, false},    // in no list
        {"zzqx-six", 0, false, false, false, false, false, false, false},
    };
    for (const Row& r : rows) {
      const std::string word = r.word;
      CAPTURE(word);
      const WordFacts f = lex.Facts(r.word);
      CHECK(f.function == r.function);
      CHECK(f.title == r.title);
      CHECK(f.role == r.role);
      CHECK(f.org_head == r.org_head);
      CHECK(f.org_head_cap == r.org_head_cap);
      CHECK(f.past == r.past);
      CHECK(f.starts_cue == r.starts_cue);
      CHECK(f.starts_nominal == r.starts_nominal);
      // and every field agrees with the look-up it stands for
      CHECK(f.function == lex.FunctionSymbol(r.word));
      CHECK(f.pronoun == lex.FindPronoun(r.word));
      CHECK(f.source == lex.SourceType(r.word));
      CHECK(f.particle == lex.NameParticle(r.word));
      CHECK(f.title == lex.IsTitle(r.word));
      CHECK(f.role == lex.IsRole(r.word));
      CHECK(f.org_head == lex.IsOrgHead(r.word, false));
      CHECK(f.org_head_cap == lex.IsOrgHead(r.word, true));
      CHECK(f.past == lex.IsIrregularPast(r.word));
      // told whether the word holds a '-' (Token::hyphen), the same answer
      const bool hyphen = word.find('-') != std::string::npos;
      CHECK(&lex.Facts(r.word, hyphen) == &lex.Facts(r.word));
    }
    CHECK(lex.Facts("in").starts_nominal);  // in a statement
    CHECK(lex.Facts("he").pronoun == lex.FindPronoun("he"));
    CHECK(lex.Facts("he").pronoun != nullptr);
    CHECK(lex.Facts("analysts").source == lex.SourceType("analysts"));
    CHECK(lex.Facts("analysts").source.has_value());
    CHECK(lex.Facts("bin").particle == Particle::kBoth);
  }

  TEST_CASE("Facts: the packed table answers as the lists, for every listed word and its kin") {
    const Lexicon& lex = TheLexicon();
    // every word of the rule files Facts reads, and words near them: cut,
    // grown, a byte changed before, at and past the eighth (the table
    // compares a word's first eight bytes in its slot, the rest apart)
    std::vector<std::string> words = {"",
                                      "a",
                                      "ab",
                                      "abc",
                                      "abcd",
                                      "abcdefgh",
                                      "abcdefghi",
                                      std::string(40, 'x'),
                                      std::string("a\0b", 3)};
    for (const char* file :
         {"words.txt", "roles.txt", "titles.txt", "org_heads.txt", "pronouns.txt", "sources.txt",
          "particles.txt", "cues.txt", "nominal_cues.txt", "portfolios.txt"}) {
      for (const auto& line : testing::Rules().File(file).lines()) {
        std::string w;
        for (char c : line.text + " ") {
          if (c == ' ' || c == '|' || c == ',' || c == '\t') {
            if (!w.empty()) words.push_back(segment::Lower(w));
            w.clear();
          } else {
            w += c;
          }
        }
      }
    }
    const std::size_t listed = words.size();
    for (std::size_t k = 0; k < listed; ++k) {
      const std::string w = words[k];
      words.push_back(w + ".");
      words.push_back(w + "s");
      words.push_back(w + "-six");
      if (!w.empty()) words.push_back(w.substr(0, w.size() - 1));
      for (std::size_t at : {std::size_t{0}, std::size_t{3}, std::size_t{7}, std::size_t{8},
                             std::size_t{11}, w.size() - 1}) {
        if (at >= w.size()) continue;
        std::string v = w;
        v[at] = static_cast<char>(v[at] ^ 1);
        words.push_back(v);
      }
    }
    CHECK(words.size() > 5000);
    std::size_t found = 0;
    for (const std::string& w : words) {
      CAPTURE(w);
      const bool hyphen = w.find('-') != std::string::npos;
      const WordFacts& f = lex.Facts(w);
      CHECK(&f == &lex.Facts(w, hyphen, lex.FactsHash(w)));
      CHECK(&f == &lex.Facts(w, hyphen));
      {  // the probe made once (ProbeIn: read in a longer buffer, or at its end)
        const Lexicon::Probe p = Lexicon::ProbeOf(w);
        CHECK(p.hash == lex.FactsHash(w));
        const std::string buffer = w + "zzzzzzzz";
        for (std::size_t end : {w.size(), w.size() + 1, w.size() + 7, buffer.size()}) {
          const Lexicon::Probe q =
              Lexicon::ProbeIn(std::string_view(buffer).substr(0, w.size()), buffer.data() + end);
          CHECK(q.head == p.head);
          CHECK(q.hash == p.hash);
        }
        std::uint32_t word = 0, word2 = 1;
        CHECK(&f == &lex.Facts(w, hyphen, p, word));
        lex.Facts(w, hyphen, p.hash, word2);
        CHECK(word == word2);
      }
      CHECK(f.function == lex.FunctionSymbol(w));
      CHECK(f.pronoun == lex.FindPronoun(w));
      CHECK(f.source == lex.SourceType(w));
      CHECK(f.particle == lex.NameParticle(w));
      CHECK(f.title == lex.IsTitle(w));
      CHECK(f.role == lex.IsRole(w));
      CHECK(f.org_head == lex.IsOrgHead(w, false));
      CHECK(f.org_head_cap == lex.IsOrgHead(w, true));
      CHECK(f.past == lex.IsIrregularPast(w));
      if (!f.starts_cue) CHECK_FALSE(lex.MatchCue({w}).has_value());
      if (!f.starts_nominal) CHECK(lex.MatchNominal({w}) == 0);
      found += f.function || f.pronoun || f.title || f.role || f.starts_cue;
    }
    CHECK(found > 1000);
  }

  TEST_CASE("MatchCue by the word's number answers as the phrase index, on every cue form") {
    const Lexicon& lex = TheLexicon();
    // every cue form's words, then each form cut short, followed by another
    // form's words, and with its last word changed
    std::vector<std::vector<std::string>> forms;
    for (const auto& line : testing::Rules().File("cues.txt").lines()) {
      const auto f = rules::RuleFile::Fields(line);
      REQUIRE(f.size() == 4);
      std::string form;
      for (char c : f[3] + ",") {
        if (c != ',') {
          form += c;
          continue;
        }
        std::vector<std::string> words;
        std::istringstream in(form);
        for (std::string w; in >> w;) words.push_back(segment::Lower(w));
        if (!words.empty()) forms.push_back(words);
        form.clear();
      }
    }
    REQUIRE(forms.size() > 500);
    std::vector<std::vector<std::string>> seqs;
    for (std::size_t k = 0; k < forms.size(); ++k) {
      const auto& f = forms[k];
      seqs.push_back(f);
      for (std::size_t n = 1; n < f.size(); ++n) seqs.emplace_back(f.begin(), f.begin() + n);
      auto more = f;
      const auto& next = forms[(k * 7 + 1) % forms.size()];
      more.insert(more.end(), next.begin(), next.end());
      seqs.push_back(more);
      more = f;
      more.push_back("that");
      seqs.push_back(more);
      more = f;
      more.back() += "x";
      seqs.push_back(more);
    }
    seqs.push_back({});
    seqs.push_back({"zzqx", "out"});
    std::size_t matched = 0;
    for (const auto& seq : seqs) {
      std::vector<std::string_view> words(seq.begin(), seq.end());
      CAPTURE(seq.size());
      CAPTURE(seq.empty() ? std::string() : seq[0]);
      const auto slow = lex.MatchCue(words);
      std::uint32_t word = Lexicon::kNoWord;
      if (!words.empty()) lex.Facts(words[0], false, lex.FactsHash(words[0]), word);
      const auto fast = lex.MatchCue(word, words);
      REQUIRE(slow.has_value() == fast.has_value());
      if (!slow) continue;
      ++matched;
      CHECK(slow->cue == fast->cue);
      CHECK(slow->words == fast->words);
      CHECK(slow->participle == fast->participle);
      const auto one = lex.MatchCue(std::vector<std::string_view>{words[0]});
      const auto one_fast = lex.MatchCueWord(words[0]);
      REQUIRE(one.has_value() == one_fast.has_value());
      if (one) {
        CHECK(one->cue == one_fast->cue);
        CHECK(one->participle == one_fast->participle);
      }
    }
    CHECK(matched > 1000);
    CHECK_FALSE(lex.MatchCueWord("zzqx").has_value());
    CHECK(lex.MatchCueWord("said")->cue ==
          lex.MatchCue(std::vector<std::string_view>{"said"})->cue);
  }

  TEST_CASE("MatchNominal: the first-two-words test answers as the phrases do") {
    const Lexicon& lex = TheLexicon();
    const std::string long_word(70, 'x');  // a pair too long for the test's buffer
    struct Row {
      std::vector<std::string_view> words;
      std::size_t match;  // MatchNominal(words)
    } rows[] = {
        {{"in", "a", "statement"}, 3},
        {{"in", "a", "statement", "on"}, 3},
        {{"in", "a", "video", "statement"}, 4},  // the longest
        {{"in", "a", "video"}, 3},
        {{"in", "the", "statement"}, 3},
        {{"in", "remarks"}, 2},
        {{"on", "twitter", "said"}, 2},
        {{"on", "x"}, 2},
        {{"in", "a"}, 0},  // a pair, but no phrase ends there
        {{"in", "the", "room"}, 0},
        {{"in", "washington"}, 0},  // no pair
        {{"at", "least"}, 0},
        {{"on"}, 0},
        {{"in", long_word}, 0},
        {{"said", "in", "a", "statement"}, 0},  // a later word opens none
    };
    for (const Row& r : rows) {
      CAPTURE(r.words[0]);
      CAPTURE(r.words.size());
      CHECK(lex.MatchNominal(r.words) == r.match);
    }
  }

  TEST_CASE("MatchNominal by listed words' numbers answers as a scan of every nominal cue") {
    const Lexicon& lex = TheLexicon();
    std::vector<std::vector<std::string>> cues;
    for (const auto& line : testing::Rules().File("nominal_cues.txt").lines()) {
      std::vector<std::string> words;
      std::istringstream in(line.text);
      for (std::string w; in >> w;) words.push_back(segment::Lower(w));
      if (!words.empty()) cues.push_back(words);
    }
    REQUIRE(cues.size() > 20);
    // each cue, cut short, followed by a word, with its last word changed,
    // and its first word before every other cue's second and later words
    std::vector<std::vector<std::string>> seqs;
    for (std::size_t k = 0; k < cues.size(); ++k) {
      const auto& c = cues[k];
      for (std::size_t n = 1; n <= c.size(); ++n) seqs.emplace_back(c.begin(), c.begin() + n);
      auto more = c;
      more.push_back("said");
      seqs.push_back(more);
      more = c;
      more.back() += "x";
      seqs.push_back(more);
      for (const auto& other : cues) {
        std::vector<std::string> mixed{c[0]};
        mixed.insert(mixed.end(), other.begin() + (other.size() > 1 ? 1 : 0), other.end());
        seqs.push_back(mixed);
      }
    }
    seqs.push_back({"zzqx", "a", "statement"});
    seqs.push_back({"in", "zzqx"});
    seqs.push_back({});
    std::size_t matched = 0;
    for (const auto& seq : seqs) {
      std::size_t longest = 0;  // the scan: the longest cue the sequence starts with
      for (const auto& c : cues) {
        if (c.size() <= seq.size() && std::equal(c.begin(), c.end(), seq.begin()))
          longest = std::max(longest, c.size());
      }
      std::vector<std::string_view> words(seq.begin(), seq.end());
      std::uint32_t word = Lexicon::kNoWord;
      if (!words.empty()) lex.Facts(words[0], false, lex.FactsHash(words[0]), word);
      CAPTURE(seq.empty() ? std::string() : seq[0]);
      CAPTURE(seq.size() > 1 ? seq[1] : std::string());
      CHECK(lex.MatchNominal(word, words) == longest);
      CHECK(lex.MatchNominal(words) == longest);
      matched += longest > 0;
    }
    CHECK(matched > 50);
  }

  TEST_CASE("shapes: a hyphenated word's particle name and -ed read through Token::hyphen") {
    static quotes::Scanner scanner(quotes::ScannerConfig{}, testing::Rules());
    static segment::Tokenizer tokenizer(segment::TokenizerConfig{}, testing::Rules());
    static ShapeBuilder shapes(ShapeConfig{}, testing::Rules());
    const ShapeSymbols& sym = TheLexicon().alphabet().sym;
    struct Row {
      std::string text, word;  // the unit of `word` (one token)
      char symbol;
      bool past;
    } rows[] = {
        {"Officials met al-Tamimi there.", "al-Tamimi", sym.name, false},  // a joined particle
        {"Officials met al-tamimi there.", "al-tamimi", sym.word, false},
        {"The black-owned firm grew.", "black-owned", sym.word, false},  // an adjective
        {"The raids occurred at night.", "occurred", sym.word, true},
        {"The raids occurrex at night.", "occurrex", sym.word, false},  // not -ed
        {"The raids occurrdd at night.", "occurrdd", sym.word, false},
        {"The self-funded raids occurred.", "self-funded", sym.word, false},
        // a number compound is known by its hyphen (Facts told Token::hyphen)
        {"Twenty-six people said so.", "Twenty-six", sym.number, false},
        {"Officials said twenty-six people left.", "twenty-six", sym.number, false},
        {"Officials said well-known people left.", "well-known", sym.word, false},  // no number
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      const auto paras = segment::SplitParagraphs(r.text);
      const auto q = scanner.Run(r.text, paras);
      std::vector<Span> top;
      for (const auto& quote : q.quotes)
        if (quote.depth == 0) top.push_back(quote.outer);
      const segment::Tokens tokens = tokenizer.Run(r.text, paras, q.mark_positions, top);
      const Shape shape = shapes.Run(r.text, tokens, q.quotes);
      bool found = false;
      for (const Unit& u : shape.units) {
        const Span w = tokens.tokens[u.first].span;
        if (u.end != u.first + 1 || r.text.substr(w.begin, w.size()) != r.word) continue;
        found = true;
        CHECK(u.symbol == r.symbol);
        CHECK(u.past == r.past);
      }
      CHECK(found);
    }
  }

  TEST_CASE("shapes: a headline paragraph is read as title case, decided as it is asked") {
    // Documents whose paragraphs are all headlines or all not, by
    // segment::IsTitleCase over their word tokens: the shape is the one a
    // builder that reads every paragraph as a headline makes (min words 0,
    // 0%), or the one of a builder that reads none so (min words past any
    // paragraph). The builder stops reading a paragraph once its answer is
    // known (NeverTitleCase); every early stop must give the full count's
    // answer. Words: capitalised (some listed: a cue, a preposition, a
    // determiner, a pronoun), lower case, numbers and commas (tokens, no
    // words), sentence ends inside.
    const ShapeConfig usual;
    ShapeConfig always = usual, never = usual;
    always.min_title_words = 0;
    always.title_case_percent = 0;
    never.min_title_words = 1000;
    const ShapeBuilder shapes(usual, testing::Rules()), all_title(always, testing::Rules()),
        no_title(never, testing::Rules());
    const char* caps[] = {"Says", "To", "The", "He", "Plan", "Varno", "Will", "Work"};
    const char* lower[] = {"says", "to", "the", "plan", "will", "work", "near"};
    const char* other[] = {",", "12", "."};
    std::uint64_t seed = 7;
    auto next = [&](std::uint64_t n) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      return (seed >> 33) % n;
    };
    const segment::TitleCaseConfig headline{usual.min_title_words, usual.title_case_percent};
    std::size_t titles = 0, differ = 0, early = 0;
    for (int doc = 0; doc < 3000; ++doc) {
      const bool want = next(2) == 0;  // every paragraph a headline, or none
      const std::size_t paragraphs = 1 + next(3);
      std::string text;
      for (std::size_t p = 0; p < paragraphs;) {
        std::string para;
        std::size_t words = 0, capitalised = 0, tokens = 1 + next(24);
        const std::size_t lower_share = next(5);  // of 8: 0 to 50% lower-case words
        for (std::size_t k = 0; k < tokens; ++k) {
          const std::size_t kind = next(8);
          if (!para.empty()) para += ' ';
          if (kind == 7) {
            para += other[next(3)];
          } else if (kind < lower_share) {
            para += lower[next(7)];
            ++words;
          } else {
            para += caps[next(8)];
            ++words;
            ++capitalised;
          }
        }
        if (segment::IsTitleCase(words, capitalised, headline) != want) continue;
        early += !want && tokens > 8;
        text += para + "\n";
        ++p;
      }
      CAPTURE(text);
      titles += want;
      const Shape got = ShapeOf(shapes, text);
      const Shape title = ShapeOf(all_title, text);
      const Shape plain = ShapeOf(no_title, text);
      differ += title.symbols != plain.symbols;
      CHECK(got.symbols == (want ? title : plain).symbols);
    }
    CHECK(titles > 1000);
    CHECK(titles < 2000);
    CHECK(differ > 1000);  // the reading matters in most documents
    CHECK(early > 500);
  }

  TEST_CASE("shapes: a shape built on a thread's kept storage equals a fresh one") {
    // ShapeBuilder::Run reuses the storage of the last Shape its thread let
    // go (shape.cpp: Spare). A new thread has none: its shapes are the fresh
    // ones, compared with those built here after shapes of longer, shorter
    // and quoted documents were let go.
    static ShapeBuilder shapes(ShapeConfig{}, testing::Rules());
    const std::vector<std::string> texts = {
        "\u201cWe will rebuild the bridge,\u201d the minister said on Monday. Officials met "
        "al-Tamimi there.\nMinister Says Plan Will Work\n\u201cNo,\u201d he said.",
        "He said so.",
        std::string(40, 'x') + " said the analysts, who reported that twenty-six people left.",
        "",
        "Some say the plan, which the Ministry of Defence announced, will fail, a spokesperson "
        "for the rebels told reporters. \u201cIt is not over yet, and it will not be,\u201d she "
        "added.\nThe raids occurred at night.",
    };
    auto build = [](const std::string& text) { return ShapeOf(shapes, text); };
    for (const std::string& text : texts) {
      CAPTURE(text);
      Shape fresh;
      std::thread([&] { fresh = build(text); }).join();
      for (const std::string& before : texts) {
        { const Shape let_go = build(before); }  // its storage kept for the next
        const Shape reused = build(text);
        CHECK(reused.symbols == fresh.symbols);
        CHECK(reused.unit_at == fresh.unit_at);
        CHECK(reused.pos_of == fresh.pos_of);
        REQUIRE(reused.units.size() == fresh.units.size());
        for (std::size_t k = 0; k < fresh.units.size(); ++k) {
          const Unit &a = reused.units[k], &b = fresh.units[k];
          CHECK(a.first == b.first);
          CHECK(a.end == b.end);
          CHECK(a.symbol == b.symbol);
          CHECK(a.cue == b.cue);
          CHECK(a.quote == b.quote);
          CHECK((a.participle == b.participle && a.verbish == b.verbish && a.past == b.past &&
                 a.nickname == b.nickname && a.passive == b.passive));
        }
      }
    }
  }

  TEST_CASE("StartsAlias: MatchAlias can match only after a word it takes") {
    const Lexicon& lex = TheLexicon();
    struct Row {
      std::vector<std::string_view> words;
      bool starts;        // StartsAlias(words[0])
      std::size_t match;  // MatchAlias(words)
    } rows[] = {
        {{"widely", "known", "as"}, true, 3},
        {{"known", "as"}, true, 2},
        {{"alias"}, true, 1},
        {{"widely", "read"}, true, 0},  // a first word, but no phrase
        {{"known"}, true, 0},
        {{"said", "known", "as"}, false, 0},
        {{"as"}, false, 0},  // a later word of a phrase opens none
    };
    for (const Row& r : rows) {
      CAPTURE(r.words[0]);
      CHECK(lex.StartsAlias(r.words[0]) == r.starts);
      CHECK(lex.MatchAlias(r.words) == r.match);
      if (lex.MatchAlias(r.words) > 0) CHECK(lex.StartsAlias(r.words[0]));
    }
  }

  TEST_CASE("a broken cue line names the file and line") {
    struct Row {
      const char* line;
      const char* message;
    };
    const Row rows[] = {
        {"shout | yell | - | shout, shouts", "unknown cue class 'yell'"},
        {"shout | say | - | shout, \t, shouts", "a cue form without a word"},
    };
    auto dir = std::filesystem::temp_directory_path() / "whosaid_bad_rules";
    for (const Row& r : rows) {
      CAPTURE(r.line);
      std::filesystem::create_directories(dir);
      for (const auto& [name, file] : testing::Rules().files()) {
        std::filesystem::create_directories((dir / name).parent_path());
        std::filesystem::copy_file(file.path(), dir / name,
                                   std::filesystem::copy_options::overwrite_existing);
      }
      {
        std::ofstream out(dir / "cues.txt", std::ios::app);
        out << r.line << "\n";
      }
      auto rules = rules::RuleSet::Load(dir);
      try {
        Lexicon bad(*rules);
        FAIL("expected a ConfigError");
      } catch (const ConfigError& e) {
        std::string what = e.what();
        CHECK(what.find("cues.txt:") != std::string::npos);
        CHECK(what.find(r.message) != std::string::npos);
      }
      std::filesystem::remove_all(dir);
    }
  }
}

}  // namespace
}  // namespace whosaid::attribution
