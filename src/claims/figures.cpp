#include "claims/figures.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "claims/terms.h"
#include "core/classes.h"
#include "core/flat_map.h"
#include "core/phrase_index.h"
#include "core/text.h"
#include "core/view_hash.h"
#include "events/words.h"

namespace whosaid::claims {
namespace {

std::vector<std::string> Blank(std::string_view s) { return events::PhraseWords(s); }

struct Group {
  std::string name;
  bool count = false;    // a figure on its own
  bool outcome = false;  // the noun is an outcome (bodies, casualties)
  bool alone = false;    // no outcome attaches (airstrikes)
};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1,018" / "2.5" / "84,000" → value; nullopt for anything else.
std::optional<double> DigitValue(std::string_view w) {
  if (w.empty() || w[0] < '0' || w[0] > '9') return std::nullopt;
  std::string plain;
  bool dot = false;
  for (std::size_t k = 0; k < w.size(); ++k) {
    char c = w[k];
    if (c >= '0' && c <= '9') {
      plain += c;
    } else if (c == ',' && !dot) {
      // Thousands separators stand before groups of three digits.
      std::size_t run = 0;
      while (k + 1 + run < w.size() && w[k + 1 + run] >= '0' && w[k + 1 + run] <= '9') ++run;
      if (run != 3) return std::nullopt;
    } else if (c == '.' && !dot) {
      dot = true;
      plain += c;
    } else {
      return std::nullopt;
    }
  }
  if (plain.size() > 15) return std::nullopt;
  if (!dot) {
    // a whole number of at most 15 digits: exact as a double, as stod reads it
    double whole = 0;
    for (const char c : plain) whole = whole * 10 + (c - '0');
    return whole;
  }
  return std::stod(plain);
}

}  // namespace

struct FigureExtractor::Lexicon {
  ViewMap<double> numbers;  // probed with views (core/view_hash.h)
  ViewMap<double> multipliers;
  rules::PhraseIndex<std::pair<double, std::string>> vague;           // value, qualifier
  rules::PhraseIndex<std::pair<double, std::string>> number_phrases;  // "a dozen"
  rules::PhraseIndex<bool> zero;
  rules::PhraseIndex<std::string> qualifiers;
  rules::PhraseIndex<Group> groups;
  rules::PhraseIndex<std::string> outcomes;
  ViewMap<std::string> severity;
  rules::PhraseIndex<std::string> tolls;
  rules::PhraseIndex<bool> units;
  ViewSet months;
  rules::PhraseIndex<bool> subcount;
  rules::PhraseIndex<bool> alongside;
  rules::PhraseIndex<bool> periods;
  rules::PhraseIndex<bool> nonfigures;
  ViewMap<std::string> modifiers;
  ViewSet barriers;
  ViewSet list_and;  // words that join the items of a list
  // rules/english.txt: number_and, of, after_of
  std::string number_and, of;
  ViewSet after_of;
  std::size_t window = 6;
  ExtractorConfig config;
  // Words a figure can start with (besides digits): a quick test on every word.
  FlatSet starters;  // probed per word of every text (core/flat_map.h)
  // By first byte: bit min(n, 31) set when a starter of n bytes begins with
  // it (numbers are starters too): most words need no look-up.
  std::array<std::uint32_t, 256> starter_sizes{};
  // starter_sizes with every bit of a digit set: the words that may start a
  // number pass it (MayStart needs a digit, MayStartAs: the bit of the
  // word's size, or the hyphen path: a starter with its first byte), read
  // by the word scan as it reads each word (ReadRow, WordRow::starts)
  FirstByteSizes start_filter;
  // By first byte (its low 5 bits) and size (up to 15; longer ones with
  // 15): bit (second byte & 63) set when a starter of two bytes or more
  // has it: a superset of the starters, read before their hash look-up (a
  // word with a starter's first byte and size but none of its second bytes,
  // `the` beside `two` and `ten`, is turned away here).
  std::array<std::uint64_t, 32 * 16> starter_seconds{};
  // Starters that begin a number only as the first word of a phrase of two
  // words or more (`a` of `a dozen`, `tens` of `tens of thousands`: neither
  // a number, a phrase of one word, `no`, nor a word with a digit or a
  // hyphen), each with the second words of those phrases: ParseNumber reads
  // no number at such a word unless the next word of its stretch is one of
  // them (Scanner::NoPhraseAt). `a` is the most frequent starter of all.
  ViewMap<ViewSet> phrase_only;
  // By first byte: SizeBit of each phrase_only word's size (most starters,
  // digits, `no`, `one`, are turned away here without a hash look-up).
  std::array<std::uint32_t, 256> phrase_only_sizes{};
  static std::uint32_t SizeBit(std::size_t n) { return FirstByteSizes::SizeBit(n); }
  // (w of two bytes or more) its entry of starter_seconds and its bit there
  static std::size_t SecondsAt(std::string_view w) {
    return (static_cast<std::size_t>(static_cast<unsigned char>(w[0]) & 31) << 4) +
           std::min<std::size_t>(w.size(), 15);
  }
  static std::uint64_t SecondBit(std::string_view w) {
    return std::uint64_t{1} << (static_cast<unsigned char>(w[1]) & 63);
  }
  bool MayStartAs(std::string_view w) const {
    if ((starter_sizes[static_cast<unsigned char>(w[0])] & SizeBit(w.size())) == 0) return false;
    return w.size() < 2 || (starter_seconds[SecondsAt(w)] & SecondBit(w)) != 0;
  }
  // (`hyphen`: w holds a '-', RawWord::hyphen: most words need no search for one)
  bool MayStart(std::string_view w, bool hyphen) const {
    if (w.empty()) return false;
    if (w[0] >= '0' && w[0] <= '9') return true;
    if (starter_sizes[static_cast<unsigned char>(w[0])] == 0) return false;
    if (MayStartAs(w) && starters.Contains(w)) return true;
    // a number word before a hyphen: looked for only when a starter with
    // this first byte is short enough to be that word (most words are not)
    const std::uint32_t shorter = w.size() > 31 ? ~0u : SizeBit(w.size()) - 1;
    if (!hyphen || (starter_sizes[static_cast<unsigned char>(w[0])] & shorter) == 0) return false;
    std::size_t dash = w.find('-');
    return dash != std::string_view::npos && dash > 0 && MayStartAs(w.substr(0, dash)) &&
           numbers.count(w.substr(0, dash));
  }
};

FigureExtractor::~FigureExtractor() = default;

FigureExtractor::FigureExtractor(const ExtractorConfig& config, const rules::RuleSet& rules)
    : lex_(std::make_unique<Lexicon>()) {
  const rules::RuleFile& file = rules.File("claims/figures.txt");
  Lexicon& L = *lex_;
  L.config = config;
  const auto english = rules::Classes::Read(rules.File("english.txt"));  // core/classes.h
  L.number_and = english.Word("number_and");
  L.of = english.Word("of");
  for (const std::string& w : english.Words("after_of")) L.after_of.insert(w);
  // The phrases a number is read from (number phrases, vague, zero) by
  // first word: whether one is that word alone, and the second words of
  // the others (Lexicon::phrase_only).
  std::map<std::string, std::pair<bool, std::set<std::string>>> phrases_by_first;
  auto note_phrase = [&](const std::vector<std::string>& words) {
    if (words.empty()) return;
    auto& [alone, seconds] = phrases_by_first[words[0]];
    if (words.size() == 1)
      alone = true;
    else
      seconds.insert(words[1]);
  };
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    const std::string& kind = f[0];
    auto need = [&](std::size_t lo, std::size_t hi) {
      if (f.size() < lo || f.size() > hi)
        throw file.Error(line, "wrong number of fields for " + kind);
    };
    auto number = [&](const std::string& s) {
      std::optional<double> v = DigitValue(s);
      if (!v) throw file.Error(line, "expected a number, got '" + s + "'");
      return *v;
    };
    if (kind == "number") {
      need(3, 3);
      if (f[1].find(' ') != std::string::npos) {
        note_phrase(Blank(f[1]));
        L.number_phrases.Add(Blank(f[1]), {number(f[2]), ""});
      } else {
        L.numbers[f[1]] = number(f[2]);
      }
    } else if (kind == "multiplier") {
      need(3, 3);
      L.multipliers[f[1]] = number(f[2]);
    } else if (kind == "vague") {
      need(3, 3);
      note_phrase(Blank(f[1]));
      L.vague.Add(Blank(f[1]), {number(f[2]), f[1]});
    } else if (kind == "zero") {
      need(2, 2);
      note_phrase(Blank(f[1]));
      L.zero.Add(Blank(f[1]), true);
    } else if (kind == "qualifier") {
      need(3, 3);
      L.qualifiers.Add(Blank(f[1]), f[2]);
    } else if (kind == "group") {
      need(3, 4);
      Group g{f[2], false, false};
      if (f.size() == 4) {
        for (const std::string& flag : Blank(f[3])) {
          if (flag == "count") {
            g.count = true;
          } else if (flag == "outcome") {
            g.outcome = true;
          } else if (flag == "alone") {
            g.alone = true;
          } else {
            throw file.Error(line, "unknown flag '" + flag + "'");
          }
        }
      }
      L.groups.Add(Blank(f[1]), g);
    } else if (kind == "outcome") {
      need(3, 3);
      L.outcomes.Add(Blank(f[1]), f[2]);
    } else if (kind == "modifier") {
      need(3, 3);
      L.modifiers[f[1]] = f[2];
    } else if (kind == "nonfigure") {
      need(2, 2);
      L.nonfigures.Add(Blank(f[1]), true);
    } else if (kind == "severity") {
      need(3, 3);
      L.severity[f[1]] = f[2];
    } else if (kind == "toll") {
      need(3, 3);
      L.tolls.Add(Blank(f[1]), f[2]);
    } else if (kind == "unit" || kind == "month" || kind == "subcount" || kind == "period" ||
               kind == "alongside") {
      need(2, 64);
      for (std::size_t k = 1; k < f.size(); ++k) {
        if (kind == "unit") L.units.Add(Blank(f[k]), true);
        if (kind == "month") L.months.insert(f[k]);
        if (kind == "subcount") L.subcount.Add(Blank(f[k]), true);
        if (kind == "period") L.periods.Add(Blank(f[k]), true);
        if (kind == "alongside") L.alongside.Add(Blank(f[k]), true);
      }
    } else if (kind == "barrier" || kind == "list") {
      need(2, 2);
      for (const std::string& w : Blank(f[1])) (kind == "list" ? L.list_and : L.barriers).insert(w);
    } else if (kind == "window") {
      need(2, 2);
      L.window = static_cast<std::size_t>(number(f[1]));
    } else {
      throw file.Error(line, "unknown class '" + kind + "'");
    }
  }
  for (const auto& [word, value] : L.numbers) L.starters.Insert(word);
  L.vague.ForEachFirstWord([&](const std::string& w) { L.starters.Insert(w); });
  L.zero.ForEachFirstWord([&](const std::string& w) { L.starters.Insert(w); });
  L.number_phrases.ForEachFirstWord([&](const std::string& w) { L.starters.Insert(w); });
  L.starters.Insert("no");
  for (const auto& [first, by] : phrases_by_first) {
    const auto& [alone, seconds] = by;
    // (ParseNumber may read a number at any of these whatever follows)
    if (alone || first.empty() || first == "no" || L.numbers.count(first) > 0 ||
        first.find_first_of("0123456789-") != std::string::npos) {
      continue;
    }
    ViewSet& next = L.phrase_only[first];
    next.insert(seconds.begin(), seconds.end());
    L.phrase_only_sizes[static_cast<unsigned char>(first[0])] |= Lexicon::SizeBit(first.size());
  }
  L.starters.ForEach([&](const std::string& w) {
    if (!w.empty()) L.starter_sizes[static_cast<unsigned char>(w[0])] |= Lexicon::SizeBit(w.size());
    if (w.size() >= 2) L.starter_seconds[Lexicon::SecondsAt(w)] |= Lexicon::SecondBit(w);
  });
  L.start_filter.sizes = L.starter_sizes;
  for (char c = '0'; c <= '9'; ++c) L.start_filter.sizes[static_cast<unsigned char>(c)] = ~0u;
}

namespace {

// The words of a text. What lies between two words (a break, a sentence
// end: GapAfter) is read from the text only where the scanner asks, around
// the words that may start a number: most words are never asked about.
struct WordRow {
  WordLetters letters;  // the words' lower case (moved with the row: the views hold)
  std::vector<RawWord> words;
  // the numbers of the words that pass Lexicon::start_filter, in order: a
  // superset of those that may start a number (Scanner::NextStart)
  std::vector<std::uint32_t> starts;
};

// What lies between word k and word k + 1 of `words` (k + 1 < its size):
// `brk` punctuation that breaks a phrase (, ; : ( ) [ ] or a dash), `end`
// a sentence end (. ! ? or a line end). A blank alone is neither.
struct Gap {
  bool brk = false, end = false;
};
// (the gap's bytes: GapAfter's reading of any gap but one blank)
[[gnu::noinline]] Gap ReadGap(std::string_view gap) {
  Gap g;
  for (char c : gap) {
    if (c == '.' || c == '!' || c == '?' || c == '\n') g.end = true;
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']')
      g.brk = true;
  }
  // Dashes (– —) also break a phrase.
  if (gap.find("\u2014") != std::string_view::npos ||
      gap.find("\u2013") != std::string_view::npos || gap.find(" - ") != std::string_view::npos) {
    g.brk = true;
  }
  return g;
}
inline Gap GapAfter(std::string_view text, const std::vector<RawWord>& words, std::size_t k) {
  const std::size_t gap_begin = words[k].span.end, gap_end = words[k + 1].span.begin;
  // most gaps: one blank, no break, no sentence end
  if (gap_end - gap_begin == 1 && text[gap_begin] == ' ') return {};
  return ReadGap(text.substr(gap_begin, gap_end - gap_begin));
}

// Splits "200security" (a number glued to the next word by a lost space)
// into its number and its word; leaves ordinals (4th) alone.
bool Glued(const RawWord& w) {
  const std::string_view s = w.lower;
  std::size_t k = 0;
  while (k < s.size() && ((s[k] >= '0' && s[k] <= '9') || s[k] == ',')) ++k;
  return k > 0 && k + 3 <= s.size() && s[k - 1] != ',' &&
         std::all_of(s.begin() + static_cast<long>(k), s.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

// `starts`: the numbers of the words that pass the start filter, which
// holds every word beginning with a digit (Lexicon::start_filter: all sizes
// of '0' to '9'), so only they are asked whether one is glued.
void SplitGlued(std::vector<RawWord>& words, const std::vector<std::uint32_t>& starts) {
  // (only a word that starts with a digit can be: the others are not asked)
  if (std::none_of(starts.begin(), starts.end(), [&](std::uint32_t k) {
        const RawWord& w = words[k];
        return !w.lower.empty() && static_cast<unsigned>(w.lower[0] - '0') < 10u && Glued(w);
      })) {
    return;
  }
  std::vector<RawWord> out;
  out.reserve(words.size());
  for (RawWord& w : words) {
    std::size_t k = 0;
    while (k < w.lower.size() && ((w.lower[k] >= '0' && w.lower[k] <= '9') || w.lower[k] == ','))
      ++k;
    std::string_view rest = w.lower.substr(k);
    bool glued = k > 0 && rest.size() >= 3 && rest[0] >= 'a' && rest[0] <= 'z' &&
                 std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!glued || w.lower[k - 1] == ',') {
      out.push_back(std::move(w));
      continue;
    }
    RawWord num = w, word = w;
    num.lower = w.lower.substr(0, k);
    num.span.end = w.span.begin + k;
    word.lower = rest;  // (both views of the row's letters)
    word.span.begin = w.span.begin + k;
    word.sentence_start = false;
    out.push_back(std::move(num));
    out.push_back(std::move(word));
  }
  words = std::move(out);
}

// The row of `text` into `row` (its storage reused: FigureExtractor::Run
// keeps one per thread, so that its next chunk writes pages already faulted in).
void ReadRow(std::string_view text, const FirstByteSizes& start_filter, WordRow& row) {
  // (no case flags read)
  ScanWordsBare(text, /*split_hyphens=*/false, row.letters, row.words, start_filter, row.starts);
  const std::size_t scanned = row.words.size();
  SplitGlued(row.words, row.starts);
  if (row.words.size() != scanned) {
    // (a word split in two: the numbers after it moved; rare)
    row.starts.clear();
    for (std::size_t k = 0; k < row.words.size(); ++k) {
      const RawWord& w = row.words[k];
      if (!w.lower.empty() && start_filter.Passes(w.lower, w.hyphen)) {
        row.starts.push_back(static_cast<std::uint32_t>(k));
      }
    }
  }
}

}  // namespace

namespace {

struct Number {
  std::size_t first = 0, end = 0;  // words [first, end)
  double value = 0;
  std::string vague;  // the vague plural read, if any
  bool zero = false;
  std::optional<Group> group;  // `no casualties`: the group came with the number
  std::size_t group_end = 0;
};

class Scanner {
 public:
  Scanner(const FigureExtractor::Lexicon& lex, std::string_view text, const WordRow& row)
      : L(lex), text_(text), row_(row) {}

  std::vector<Figure> Run() const;

 private:
  std::string_view W(std::size_t k) const { return row_.words[k].lower; }
  // The first word from k that may start a number (MayStart), or the words'
  // end. Only the words of row_.starts are asked (every word that may start
  // one is there), from where the last call stopped (k grows from call to
  // call; the cursor is moved back if it does not).
  [[gnu::noinline]] std::size_t NextStart(std::size_t k) const {
    const std::vector<std::uint32_t>& starts = row_.starts;
    std::size_t c = start_at_;
    while (c > 0 && starts[c - 1] >= k) --c;
    while (c < starts.size() && starts[c] < k) ++c;
    for (; c < starts.size(); ++c) {
      const RawWord& w = row_.words[starts[c]];
      if (L.MayStart(w.lower, w.hyphen)) break;
    }
    start_at_ = c;
    return c < starts.size() ? starts[c] : row_.words.size();
  }
  // Punctuation or a sentence end after word k (GapAfter), or k the last
  // word. Read from the text at each call (most gaps are one blank: a
  // compare), never for the words far from any number.
  bool BreakAfter(std::size_t k) const {
    if (k + 1 >= row_.words.size()) return true;
    const Gap g = GapAfter(text_, row_.words, k);
    return g.brk || g.end;
  }
  // A sentence end between word k and k + 1 (false after the last word):
  // words j < k are of one sentence when none follows any of j … k - 1.
  bool EndAfter(std::size_t k) const {
    return k + 1 < row_.words.size() && GapAfter(text_, row_.words, k).end;
  }
  // The last word of word k's sentence.
  std::size_t SentenceLast(std::size_t k) const {
    while (k + 1 < row_.words.size() && !EndAfter(k)) ++k;
    return k;
  }
  // The end of the phrase-free stretch from k: the first word after a break.
  // (The last answer kept with the words it holds for: RunEnd(k) = e says
  // no break follows k … e - 2 and one follows e - 1, so RunEnd of any of
  // k … e - 1 is e; RunBegin(k) = b likewise for b … k. ParseNumber, Read,
  // Excluded and Run ask again for the same stretch.)
  std::size_t RunEnd(std::size_t k) const {
    if (run_end_from_ <= k && k < run_end_) return run_end_;
    const std::size_t from = k;
    while (k < row_.words.size() && !BreakAfter(k)) ++k;
    const std::size_t end = std::min(row_.words.size(), k + 1);
    if (from < end) {
      run_end_from_ = from;
      run_end_ = end;
    }
    return end;
  }
  std::size_t RunBegin(std::size_t k) const {
    if (run_begin_ <= k && k <= run_begin_to_) return run_begin_;
    const std::size_t to = k;
    while (k > 0 && !BreakAfter(k - 1)) --k;
    run_begin_ = k;
    run_begin_to_ = to;
    return k;
  }
  std::optional<Number> ParseNumber(std::size_t i) const;
  // True when ParseNumber(i) is nullopt because W(i) begins numbers only as
  // the first word of phrases (Lexicon::phrase_only) and the next word of
  // its stretch (RunEnd) begins none of them: each of ParseNumber's readings
  // needs W(i) a number, a digit, `no`, a hyphenated number, or a phrase
  // from W(i) within the stretch whose second word is W(i + 1). Asked first:
  // most such words (`a`) are no number, and ParseNumber's look-ups cost more.
  bool NoPhraseAt(std::size_t i) const {
    const std::string_view w = W(i);
    if (w.empty() ||
        (L.phrase_only_sizes[static_cast<unsigned char>(w[0])] & L.SizeBit(w.size())) == 0) {
      return false;
    }
    const auto it = L.phrase_only.find(w);
    if (it == L.phrase_only.end()) return false;
    // (i + 1 is in i's stretch when no break follows i)
    return BreakAfter(i) || it->second.count(W(i + 1)) == 0;
  }
  bool Excluded(const Number& n) const;
  bool InPeriodSentence(std::size_t k) const;
  // The figure at word i (number n); `inherited` is an outcome to use when
  // none is near (the sentence's earlier figure, after `including`);
  // *outcome gets the outcome read.
  std::optional<Figure> Read(std::size_t i, const Number& n, const std::string& inherited,
                             std::size_t* next, std::string* outcome_read) const;

  const FigureExtractor::Lexicon& L;
  std::string_view text_;
  const WordRow& row_;
  // RunEnd's last answer for the words [run_end_from_, run_end_), RunBegin's
  // for [run_begin_, run_begin_to_] (none at first)
  mutable std::size_t run_end_from_ = 1, run_end_ = 0;
  mutable std::size_t run_begin_ = 1, run_begin_to_ = 0;
  mutable std::size_t start_at_ = 0;  // NextStart's place in row_.starts
};

std::optional<Number> Scanner::ParseNumber(std::size_t i) const {
  auto get = [this](std::size_t k) { return W(k); };
  const std::size_t run_end = RunEnd(i);
  Number n;
  n.first = i;
  if (L.nonfigures.Longest(i, run_end, get).value) return std::nullopt;
  if (auto z = L.zero.Longest(i, run_end, get); z.value) {
    n.zero = true;
    n.end = i + z.length;
    return n;
  }
  if (W(i) == "no" && i + 1 < run_end) {
    if (auto g = L.groups.Longest(i + 1, run_end, get); g.value) {
      n.zero = true;
      n.end = i + 1;
      n.group = *g.value;
      n.group_end = i + 1 + g.length;
      return n;
    }
  }
  if (auto v = L.vague.Longest(i, run_end, get); v.value) {
    n.value = v.value->first;
    n.vague = v.value->second;
    n.end = i + v.length;
    return n;
  }
  if (auto d = DigitValue(W(i))) {
    n.value = *d;
    n.end = i + 1;
    if (n.end < run_end) {
      if (auto m = L.multipliers.find(W(n.end)); m != L.multipliers.end()) {
        // "84,000 thousand" is a slip for 84,000, not 84 million.
        if (!(n.value >= 1000 && m->second == 1000)) n.value *= m->second;
        ++n.end;
      }
    }
    return n;
  }
  if (auto p = L.number_phrases.Longest(i, run_end, get); p.value) {
    n.value = p.value->first;
    n.end = i + p.length;
    return n;
  }
  // Number words: "forty-six", "two hundred", "three thousand five hundred".
  double total = 0, current = 0;
  bool any = false;
  std::size_t k = i;
  for (; k < run_end; ++k) {
    std::string_view w = W(k);
    if (any && w == L.number_and) continue;
    bool ok = true;
    double part = 0;
    std::size_t from = 0;
    while (ok && from <= w.size()) {
      std::size_t dash = w.find('-', from);
      std::string_view piece =
          w.substr(from, dash == std::string_view::npos ? w.npos : dash - from);
      if (auto it = L.numbers.find(piece); it != L.numbers.end()) {
        part += it->second;
      } else {
        ok = false;
      }
      if (dash == std::string_view::npos) break;
      from = dash + 1;
    }
    if (ok) {
      current += part;
      any = true;
      continue;
    }
    auto m = L.multipliers.find(w);
    if (any && m != L.multipliers.end()) {
      current = std::max(current, 1.0) * m->second;
      if (m->second >= 1000) {
        total += current;
        current = 0;
      }
      continue;
    }
    break;
  }
  while (k > i && W(k - 1) == L.number_and) --k;
  if (!any) return std::nullopt;
  n.value = total + current;
  n.end = k;
  return n;
}

// Dates, times, money, percentages, ages and bare years.
bool Scanner::Excluded(const Number& n) const {
  auto get = [this](std::size_t k) { return W(k); };
  const RawWord& first = row_.words[n.first];
  const RawWord& last = row_.words[n.end - 1];
  if (first.span.begin > 0) {
    char before = text_[first.span.begin - 1];
    if (before == '$' || before == ':' || before == '/' ||
        text_.substr(0, first.span.begin).ends_with("\u00A3") ||
        text_.substr(0, first.span.begin).ends_with("\u20AC")) {
      return true;
    }
  }
  if (last.span.end < text_.size()) {
    char after = text_[last.span.end];
    if (after == '%' || after == ':' || after == '/') return true;
  }
  if (n.end < row_.words.size() && !BreakAfter(n.end - 1)) {
    if (L.units.Longest(n.end, RunEnd(n.end), get).value) return true;
    if (L.months.count(W(n.end))) return true;
  }
  // A month just before, even abbreviated with a period (Dec. 2).
  return n.first > 0 && L.months.count(W(n.first - 1)) > 0;
}

// Does the sentence of word k speak of a period (`this year`)?
bool Scanner::InPeriodSentence(std::size_t k) const {
  auto get = [this](std::size_t j) { return W(j); };
  std::size_t b = k;
  while (b > 0 && !EndAfter(b - 1)) --b;
  const std::size_t e = SentenceLast(k) + 1;
  for (std::size_t j = b; j < e; ++j) {
    if (L.periods.Longest(j, e, get).value) return true;
  }
  return false;
}

std::optional<Figure> Scanner::Read(std::size_t i, const Number& n, const std::string& inherited,
                                    std::size_t* next, std::string* outcome_read) const {
  auto get = [this](std::size_t k) { return W(k); };
  *next = n.end;
  if (!n.zero && Excluded(n)) return std::nullopt;
  const std::size_t run_end = RunEnd(i);
  const std::size_t run_begin = RunBegin(i);
  Figure f;
  f.value = n.value;
  f.qualifier = n.vague;
  std::size_t first = n.first;
  if (auto q = L.qualifiers.Before(run_begin, n.first, L.config.before_phrase_words, get);
      q.value && n.vague.empty()) {
    f.qualifier = *q.value;
    first = n.first - q.length;
  }
  // The counted noun: after the number, past `of` and a determiner, over at
  // most `window` modifiers.
  std::optional<Group> group = n.group;
  std::string modifier;  // `military` in `19 military fatalities`
  std::size_t after = n.group ? n.group_end : n.end;
  if (!group) {
    std::size_t k = n.end;
    if (k < run_end && W(k) == L.of) {
      ++k;
      if (k < run_end && L.after_of.count(W(k))) ++k;
    }
    for (std::size_t steps = 0; k < run_end && steps < L.window; ++k, ++steps) {
      if (auto g = L.groups.Longest(k, run_end, get); g.value) {
        group = *g.value;
        after = k + g.length;
        break;
      }
      if (auto m = L.modifiers.find(W(k)); m != L.modifiers.end()) modifier = m->second;
      if (L.barriers.count(W(k)) || L.outcomes.Longest(k, run_end, get).value || DigitValue(W(k))) {
        break;
      }
    }
  }
  // The outcome: the nearest within `window` words after the figure or
  // before it, in its stretch of words.
  std::string outcome;
  std::size_t outcome_at = 0;
  std::size_t best = L.window + 1;
  for (std::size_t k = after, d = 0; k < run_end && d < L.window; ++k, ++d) {
    if (auto o = L.outcomes.Longest(k, run_end, get); o.value) {
      outcome = *o.value;
      outcome_at = k;
      best = d;
      break;
    }
  }
  for (std::size_t d = 1; d <= L.window && first >= run_begin + d && d < best; ++d) {
    std::size_t k = first - d;
    if (auto o = L.outcomes.Longest(k, first, get); o.value) {
      outcome = *o.value;
      outcome_at = k;
      break;
    }
  }
  if (!outcome.empty() && outcome_at > 0 && !BreakAfter(outcome_at - 1)) {
    if (auto s = L.severity.find(W(outcome_at - 1)); s != L.severity.end()) {
      outcome = s->second + " " + outcome;
    }
  }
  if (outcome.empty() && group) outcome = inherited;
  if (outcome.empty() && !group) {
    // A toll earlier in the sentence: "the death toll … rose to 1,018".
    // (word k is in first's sentence while no sentence end follows it)
    for (std::size_t k = first; k-- > 0 && !EndAfter(k);) {
      if (auto t = L.tolls.Longest(k, first, get); t.value) {
        outcome = *t.value;
        break;
      }
    }
  }
  if (group && group->alone) {
    f.measure = group->name;
  } else if (group && group->outcome) {
    f.measure = modifier.empty() ? group->name : modifier + " " + group->name;
    f.outcome = true;
  } else if (!outcome.empty()) {
    f.measure = group && group->name != "people" ? group->name + " " + outcome : outcome;
    f.outcome = true;
  } else if (group && group->count) {
    f.measure = group->name;
  } else {
    return std::nullopt;
  }
  const bool bare_year = !group && n.end == n.first + 1 && AllDigits(W(n.first)) &&
                         W(n.first).size() == 4 && f.value >= L.config.min_bare_year &&
                         f.value <= L.config.max_bare_year;
  if (bare_year) return std::nullopt;
  if (n.zero && !group && outcome.empty()) return std::nullopt;
  if (InPeriodSentence(first)) return std::nullopt;
  // A bare number before a name is part of it (444 Brigade, 12 Tigers).
  if (!group && n.end < row_.words.size() && !BreakAfter(n.end - 1) && row_.words[n.end].cap) {
    return std::nullopt;
  }
  // A noun that is an outcome (deaths, bodies) passes it on to the parts.
  *outcome_read = outcome.empty() && group && group->outcome ? group->name : outcome;
  const std::size_t last = group ? after : n.end;
  f.span = {row_.words[first].span.begin, row_.words[last - 1].span.end};
  *next = last;
  return f;
}

std::vector<Figure> Scanner::Run() const {
  std::vector<Figure> out;
  std::size_t whole_last = 0;         // the last word of the last figure's sentence
  std::vector<std::string> outcomes;  // the outcome each figure was read with
  auto get = [this](std::size_t k) { return W(k); };
  for (std::size_t i = NextStart(0); i < row_.words.size(); i = NextStart(i)) {
    std::optional<Number> n = NoPhraseAt(i) ? std::nullopt : ParseNumber(i);
    if (!n) {
      ++i;
      continue;
    }
    std::size_t next = n->end;
    // After `including` in the same stretch of words (`including 5 women
    // and 3 children`), a figure is part of an earlier figure of its
    // sentence: it takes that figure's outcome, and is a sub-count when it
    // has its measure (a bare number takes the measure too). After `along
    // with` (up to two words before it: `along with about 12`) it only takes
    // the outcome.
    // (both read only with an earlier figure in the sentence: most numbers
    // have none, and skip the phrase look-ups back to their stretch's start)
    // (i comes after the last figure's first word: in its sentence up to its last word)
    const bool has_whole = !out.empty() && i <= whole_last;
    bool after_including = false;
    bool alongside = false;
    if (has_whole) {
      const std::size_t rb = RunBegin(i);
      for (std::size_t k = rb; k < i && !after_including; ++k) {
        after_including = L.subcount.Longest(k, i, get).value != nullptr;
      }
      for (std::size_t back = 0; back <= 2 && back <= i && !alongside; ++back) {
        alongside =
            L.alongside.Before(0, i - back, L.config.before_phrase_words, get).value != nullptr;
      }
    }
    // The next item of a list of parts (`including one over A, three over B
    // and eight over C`) is a part too.
    after_including = after_including || (has_whole && out.back().subcount && i > 0 &&
                                          (BreakAfter(i - 1) || L.list_and.count(W(i - 1)) > 0));
    const std::string inherited =
        (after_including || alongside) && has_whole ? outcomes.back() : "";
    std::string outcome;
    std::optional<Figure> f = Read(i, *n, inherited, &next, &outcome);
    if (after_including && has_whole) {
      if (f && f->measure == out.back().measure) f->subcount = true;
      if (!f && !n->zero && n->vague.empty() && !Excluded(*n)) {
        Figure part;
        part.value = n->value;
        part.measure = out.back().measure;
        part.outcome = out.back().outcome;
        part.subcount = true;
        part.span = {row_.words[n->first].span.begin, row_.words[n->end - 1].span.end};
        f = part;
        outcome = outcomes.back();
      }
    }
    if (f) {
      out.push_back(std::move(*f));
      whole_last = SentenceLast(i);
      outcomes.push_back(outcome);
    }
    i = std::max(next, i + 1);
  }
  return out;
}

}  // namespace

std::vector<Figure> FigureExtractor::Run(std::string_view text,
                                         const std::vector<QuoteRecord>& records) const {
  // Chunks of at most chunk_bytes (ExtractorConfig), cut at a line end or a blank, keep the
  // working memory small whatever the document (a figure never spans lines).
  const std::size_t chunk = lex_->config.chunk_bytes;
  std::vector<Figure> figures;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.size(), start + chunk);
    if (end < text.size()) {
      std::string_view piece = text.substr(start, end - start);
      std::size_t cut = piece.rfind('\n');
      if (cut == std::string_view::npos || cut < chunk / 2) cut = piece.rfind(' ');
      if (cut != std::string_view::npos && cut > 0) end = start + cut + 1;
      while (end > start + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    }
    std::string_view chunk = text.substr(start, end - start);
    start = end;
    // Every figure holds an ASCII digit or letter: skip a chunk without any
    // (binary or replaced bytes) at the cost of one pass over its bytes.
    if (std::none_of(chunk.begin(), chunk.end(), [](char c) {
          return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        })) {
      continue;
    }
    const auto offset = static_cast<std::size_t>(chunk.data() - text.data());
    thread_local WordRow row;  // (every field refilled by ReadRow)
    ReadRow(chunk, lex_->start_filter, row);
    for (Figure& f : Scanner(*lex_, chunk, row).Run()) {
      f.span.begin += offset;
      f.span.end += offset;
      figures.push_back(std::move(f));
    }
  }
  for (Figure& f : figures) {
    std::size_t best = text.size() + 1;
    for (std::size_t r = 0; r < records.size(); ++r) {
      const Span& q = records[r].quote;
      if (q.begin <= f.span.begin && f.span.end <= q.end && q.size() < best) {
        best = q.size();
        f.record = static_cast<int>(r);
      }
    }
  }
  return figures;
}

}  // namespace whosaid::claims
