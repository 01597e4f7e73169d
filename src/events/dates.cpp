#include "events/dates.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

#include "core/flat_map.h"
#include "core/text.h"  // SplitWords

namespace whosaid::events {
namespace {

enum class Slot { kLiteral, kMonth, kDay, kYear, kWeekday, kCount };

struct Item {
  Slot slot = Slot::kLiteral;
  std::vector<std::string> literals;
  bool optional = false;
};

enum class Meaning {
  kDate,
  kMonth,
  kMonthEarly,
  kMonthMid,
  kMonthLate,
  kYear,
  kWeekday,
  kDay,
  kDaysAgo,
  kWeeksAgo,
  kWeek,
  kWeekend,
  kMonthRel,
  kYearRel,
  kGeneric
};

struct Pattern {
  std::vector<Item> items;
  Meaning meaning = Meaning::kGeneric;
  int k = 0;            // the offset of relative meanings
  bool before = false;  // week 0 before: up to the day before the anchor
  // Its first two items are required, or only the first is optional
  // (MayMatchAt's pre-test reads them).
  bool two_required = false;
  bool optional_then_required = false;
};

// What one match bound.
struct Bind {
  int month = 0, day = 0, year = 0, weekday = -1, count = 0;
  bool literal = false;       // a literal word took part (for strict months)
  bool strict_month = false;  // the month word is also a common word
};

const std::unordered_map<std::string, Slot> kSlots = {{"MONTH", Slot::kMonth},
                                                      {"DAY", Slot::kDay},
                                                      {"YEAR", Slot::kYear},
                                                      {"WEEKDAY", Slot::kWeekday},
                                                      {"N", Slot::kCount}};

const std::unordered_map<std::string, Meaning> kMeanings = {
    {"date", Meaning::kDate},          {"month", Meaning::kMonth},
    {"year", Meaning::kYear},          {"month-early", Meaning::kMonthEarly},
    {"month-mid", Meaning::kMonthMid}, {"month-late", Meaning::kMonthLate},
    {"weekday", Meaning::kWeekday},    {"day", Meaning::kDay},
    {"days-ago", Meaning::kDaysAgo},   {"weeks-ago", Meaning::kWeeksAgo},
    {"week", Meaning::kWeek},          {"weekend", Meaning::kWeekend},
    {"generic", Meaning::kGeneric}};

// Parses a whole decimal token ("24", "2024"); -1 otherwise.
int Number(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && s.size() <= 4 ? v : -1;
}

// "24", "24th", "1st", "2nd", "3rd" → the day; -1 otherwise.
int DayNumber(const Word& w) {
  std::string_view s = w.lower;
  // (a word is a day only as one or two digits and a suffix: most words
  // are turned away by their length or first byte, unread)
  if (w.kind == segment::TokenKind::kWord &&
      (s.size() < 3 || s.size() > 4 || s[0] < '0' || s[0] > '9'))
    return -1;
  if (w.kind == segment::TokenKind::kWord && s.size() >= 3) {
    std::string_view suffix = s.substr(s.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") s.remove_suffix(2);
  } else if (w.kind != segment::TokenKind::kNumber) {
    return -1;
  }
  if (s.size() > 2) return -1;
  int d = Number(s);
  return d >= 1 && d <= 31 ? d : -1;
}

int YearNumber(const Word& w) {
  if (w.kind != segment::TokenKind::kNumber || w.lower.size() != 4) return -1;
  int y = Number(w.lower);
  return y >= 1900 && y <= 2099 ? y : -1;
}

// Within the years an ISO date can write (0001-9999): resolving against an
// anchor at either end of them may step outside ("January 2" after
// 9999-12-31).
bool Writable(const DateRange& r) {
  return CivilFromDays(r.first).year >= 1 && CivilFromDays(r.last).year <= 9999;
}

int ParseInt(const std::string& s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) throw std::invalid_argument(s);
  return v;
}

}  // namespace

struct DateFinder::Impl {
  DateConfig config;
  // probed per word of every text (MayStart): flat tables (core/flat_map.h)
  FlatMap<std::pair<int, bool>> months;
  FlatMap<int> weekdays, counts;
  std::vector<Pattern> patterns;
  PhraseIndex<int> future;  // words that mark a clause as future
  // The patterns that may start at a word: by literal, or by slot name
  // (kSlotKeys); each list ascending, each pattern once.
  FlatMap<std::vector<int>> first;
  // first's list of each slot (by Slot; null: no pattern starts with it),
  // found once (IndexStarts) rather than hashed per word (Candidates)
  std::array<const std::vector<int>*, static_cast<std::size_t>(Slot::kCount) + 1> slot_first{};
  // MayStart's one look-up: the keys of `first` and `counts` (kStarts), of
  // `months` and `weekdays` (kStartsCapitalised: only written so).
  static constexpr std::uint8_t kStarts = 1, kStartsCapitalised = 2;
  struct Start {
    std::uint8_t bits = 0;
    // The patterns a word with this lower case may start by its letters,
    // not capitalised [0] and capitalised [1] (a month or weekday counts
    // only so): ascending, each once. What a word may start as a number
    // (DAY, YEAR, N) Candidates adds.
    std::array<std::vector<int>, 2> patterns;
  };
  FlatMap<Start> starts;
  WordFilter start_words;  // the keys of `starts`, a pre-test
  void IndexStarts();

  void LoadWords(const rules::RuleFile& file, const rules::RuleLine& line,
                 const std::vector<std::string>& f);
  void LoadPattern(const rules::RuleFile& file, const rules::RuleLine& line,
                   const std::vector<std::string>& f);
  void IndexFirst(int id);

  bool MatchItem(const Item& item, const Word& w, Bind& b) const;
  // False when no match of p can start at words[i] (i < end): its item 1
  // does not match where a match would read it. Most candidates fail so,
  // at the next word ("this" before anything but morning, week, year …;
  // "in" before no month), and cost no Match.
  bool MayMatchAt(const Pattern& p, const std::vector<Word>& words, std::size_t i,
                  std::size_t end) const {
    if (!p.two_required && !p.optional_then_required) return true;
    Bind scratch;
    const bool next = i + 1 < end && MatchItem(p.items[1], words[i + 1], scratch);
    if (p.two_required) return next;  // item 0 at i, item 1 at i + 1
    // item 0 at i and item 1 at i + 1, or item 0 skipped and item 1 at i
    return next || MatchItem(p.items[1], words[i], scratch);
  }
  std::size_t Match(const Pattern& p, std::size_t k, const std::vector<Word>& words, std::size_t i,
                    std::size_t end, Bind& b) const;
  std::optional<DateRange> Resolve(const Pattern& p, const Bind& b,
                                   const std::optional<DateRange>& anchor) const;
  std::optional<DateRange> Ahead(const Pattern& p, const Bind& b,
                                 const std::optional<DateRange>& anchor) const;
  bool FutureClause(const std::vector<Word>& words, std::size_t begin, std::size_t end,
                    std::size_t first, std::size_t last) const;
  // The patterns that may start at w, given its StartOf: ascending, each
  // once (its entry's list, or `scratch` when a number's lists join it).
  const std::vector<int>& Candidates(const Word& w, const Start* start,
                                     std::vector<int>& scratch) const;
  // starts' entry of w's lower case (nullptr: none), through the pre-test.
  const Start* StartOf(const Word& w) const {
    return start_words.MayHoldKey(w.key) ? starts.Find(w.lower) : nullptr;
  }
  std::uint8_t StartBits(const Word& w) const {
    const Start* start = StartOf(w);
    return start ? start->bits : 0;
  }
  // MayStart, given w's StartBits.
  static bool MayStartWith(const Word& w, std::uint8_t bits) {
    if (w.kind == segment::TokenKind::kNumber) return true;
    if (w.kind != segment::TokenKind::kWord) return false;
    if ((bits & kStarts) || (w.cap && (bits & kStartsCapitalised))) return true;
    // (DayNumber's own first test, inline: most words are no "24th")
    if (w.lower.size() < 3 || w.lower.size() > 4 || w.lower[0] < '0' || w.lower[0] > '9')
      return false;
    return DayNumber(w) > 0;
  }
};

void DateFinder::Impl::LoadWords(const rules::RuleFile& file, const rules::RuleLine& line,
                                 const std::vector<std::string>& f) {
  if (f.size() < 3 || f.size() > 4 || (f.size() == 4 && f[3] != "strict")) {
    throw file.Error(line, "expected " + f[0] + " | NUMBER | WORDS [| strict]");
  }
  int n = 0;
  try {
    n = ParseInt(f[1]);
  } catch (const std::exception&) {
    throw file.Error(line, "'" + f[1] + "' is not a number");
  }
  for (const auto& w : CommaList(f[2])) {
    std::string lw = segment::Lower(w);
    // An abbreviation keeps its period in the token (Dec., see abbreviations.txt).
    // (a later line's value replaces an earlier one's)
    if (f[0] == "month" && n >= 1 && n <= 12) {
      months.Insert(lw, {}) = {n, f.size() == 4};
      months.Insert(lw + ".", {}) = {n, f.size() == 4};
    } else if (f[0] == "weekday" && n >= 0 && n <= 6) {
      weekdays.Insert(lw, 0) = n;
      weekdays.Insert(lw + ".", 0) = n;
    } else if (f[0] == "count" && n > 0) {
      counts.Insert(lw, 0) = n;
    } else {
      throw file.Error(line, "number " + f[1] + " out of range for " + f[0]);
    }
  }
}

void DateFinder::Impl::LoadPattern(const rules::RuleFile& file, const rules::RuleLine& line,
                                   const std::vector<std::string>& f) {
  if (f.size() != 3) throw file.Error(line, "expected pattern | ITEMS | MEANING");
  Pattern p;
  for (std::string item : text::SplitWords(f[1])) {
    Item it;
    if (item.size() > 1 && item.back() == '?') {
      it.optional = true;
      item.pop_back();
    }
    if (auto slot = kSlots.find(item); slot != kSlots.end()) {
      it.slot = slot->second;
    } else {
      item = segment::Lower(item);
      std::size_t start = 0;
      for (std::size_t bar; (bar = item.find('/', start)) != std::string::npos; start = bar + 1) {
        it.literals.push_back(item.substr(start, bar - start));
      }
      it.literals.push_back(item.substr(start));
    }
    p.items.push_back(std::move(it));
  }
  auto words = PhraseWords(f[2]);
  auto meaning = words.empty() ? kMeanings.end() : kMeanings.find(words[0]);
  if (meaning == kMeanings.end()) throw file.Error(line, "unknown meaning '" + f[2] + "'");
  p.meaning = meaning->second;
  if (p.meaning == Meaning::kMonth && words.size() > 1) p.meaning = Meaning::kMonthRel;
  if (p.meaning == Meaning::kYear && words.size() > 1) p.meaning = Meaning::kYearRel;
  bool relative = p.meaning == Meaning::kDay || p.meaning == Meaning::kWeek ||
                  p.meaning == Meaning::kMonthRel || p.meaning == Meaning::kYearRel;
  if (relative != (words.size() >= 2))
    throw file.Error(line, "'" + f[2] + "': wrong number of values");
  if (relative) {
    try {
      p.k = ParseInt(words[1]);
    } catch (const std::exception&) {
      throw file.Error(line, "'" + words[1] + "' is not a number");
    }
  }
  p.before = words.size() == 3 && words[2] == "before";
  if (words.size() == 3 && !p.before) throw file.Error(line, "unknown modifier '" + words[2] + "'");
  if (p.items.empty() ||
      std::all_of(p.items.begin(), p.items.end(), [](const Item& i) { return i.optional; })) {
    throw file.Error(line, "a pattern needs a required item");
  }
  if (p.items.size() >= 2 && !p.items[1].optional) {
    p.two_required = !p.items[0].optional;
    p.optional_then_required = p.items[0].optional;
  }
  patterns.push_back(std::move(p));
  IndexFirst(static_cast<int>(patterns.size()) - 1);
}

// The key under which `first` lists the patterns a slot may start, by Slot
// (a literal is its own key).
constexpr const char* kSlotKeys[] = {"", "#MONTH", "#DAY", "#YEAR", "#WEEKDAY", "#N"};
static_assert(std::size(kSlotKeys) == static_cast<std::size_t>(Slot::kCount) + 1);

// Every item up to and including the first required one may start a match.
void DateFinder::Impl::IndexFirst(int id) {
  for (const Item& item : patterns[static_cast<std::size_t>(id)].items) {
    if (item.slot == Slot::kLiteral) {
      for (const auto& l : item.literals) first.Insert(l, {}).push_back(id);
    } else {
      first.Insert(kSlotKeys[static_cast<int>(item.slot)], {}).push_back(id);
    }
    if (!item.optional) break;
  }
}

void DateFinder::Impl::IndexStarts() {
  // (IndexFirst adds the patterns in order: a list holds a pattern twice
  // only side by side)
  std::vector<std::string> keys;
  for (const auto& [key, ids] : first) keys.push_back(key);
  for (const std::string& key : keys) {
    std::vector<int>& ids = *first.Find(key);
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  for (std::size_t slot = 1; slot < slot_first.size(); ++slot)
    slot_first[slot] = first.Find(kSlotKeys[slot]);
  for (const auto& [key, ids] : first) starts.Insert(key, {}).bits |= kStarts;
  for (const auto& [key, n] : counts) starts.Insert(key, {}).bits |= kStarts;
  for (const auto& [key, m] : months) starts.Insert(key, {}).bits |= kStartsCapitalised;
  for (const auto& [key, n] : weekdays) starts.Insert(key, {}).bits |= kStartsCapitalised;
  // Each key's patterns by its letters, both cases: the lists its bits
  // lead to (every key of `first` and `counts` has kStarts, every month
  // and weekday kStartsCapitalised), joined.
  auto slot = [&](Slot s) { return slot_first[static_cast<std::size_t>(s)]; };
  std::vector<std::string> start_keys;
  for (const auto& [key, start] : starts) start_keys.push_back(key);
  for (const std::string& key : start_keys) {
    Start& start = *starts.Find(key);
    for (int cap = 0; cap < 2; ++cap) {
      std::vector<int>& out = start.patterns[static_cast<std::size_t>(cap)];
      auto add = [&](const std::vector<int>* ids) {
        if (ids) out.insert(out.end(), ids->begin(), ids->end());
      };
      const bool keyed = (start.bits & kStarts) != 0;
      const bool named = cap && (start.bits & kStartsCapitalised);
      if (keyed) add(first.Find(key));
      if (named && months.Contains(key)) add(slot(Slot::kMonth));
      if (named && weekdays.Contains(key)) add(slot(Slot::kWeekday));
      if (keyed && counts.Contains(key)) add(slot(Slot::kCount));
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
    }
  }
  for (const auto& [key, start] : starts) start_words.Add(key);
}

const std::vector<int>& DateFinder::Impl::Candidates(const Word& w, const Start* start,
                                                     std::vector<int>& scratch) const {
  static const std::vector<int> kNone;
  const std::vector<int>& by_letters = start ? start->patterns[w.cap ? 1 : 0] : kNone;
  // What a number (or "24th") may start besides: most words are no day,
  // year or number, and take their entry's list as it is.
  const bool day = DayNumber(w) > 0;
  const bool year = YearNumber(w) > 0;
  const bool number = w.kind == segment::TokenKind::kNumber && Number(w.lower) > 0;
  if (!day && !year && !number) return by_letters;
  scratch.assign(by_letters.begin(), by_letters.end());
  auto add = [&](Slot s) {
    if (const std::vector<int>* ids = slot_first[static_cast<std::size_t>(s)])
      scratch.insert(scratch.end(), ids->begin(), ids->end());
  };
  if (day) add(Slot::kDay);
  if (year) add(Slot::kYear);
  if (number) add(Slot::kCount);
  std::sort(scratch.begin(), scratch.end());
  scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
  return scratch;
}

bool DateFinder::Impl::MatchItem(const Item& item, const Word& w, Bind& b) const {
  switch (item.slot) {
    case Slot::kLiteral:
      if (std::find(item.literals.begin(), item.literals.end(), w.lower) == item.literals.end())
        return false;
      if (w.IsWord()) b.literal = true;
      return true;
    case Slot::kMonth: {
      const std::pair<int, bool>* month = w.cap ? months.Find(w.lower) : nullptr;
      if (!month) return false;
      b.month = month->first;
      b.strict_month = month->second;
      return true;
    }
    case Slot::kDay:
      b.day = DayNumber(w);
      return b.day > 0;
    case Slot::kYear:
      b.year = YearNumber(w);
      return b.year > 0;
    case Slot::kWeekday: {
      const int* weekday = w.cap ? weekdays.Find(w.lower) : nullptr;
      if (!weekday) return false;
      b.weekday = *weekday;
      return true;
    }
    case Slot::kCount: {
      const int* count = counts.Find(w.lower);
      b.count = count ? *count : (w.kind == segment::TokenKind::kNumber ? Number(w.lower) : -1);
      return b.count > 0;
    }
  }
  return false;
}

// The end of the longest match of items[k…] at words[i…]; 0 when none
// (a match is never empty, so 0 is free). `b` gets the longest match's binds.
std::size_t DateFinder::Impl::Match(const Pattern& p, std::size_t k, const std::vector<Word>& words,
                                    std::size_t i, std::size_t end, Bind& b) const {
  if (k == p.items.size()) return i;
  const Item& item = p.items[k];
  std::size_t best = 0;
  Bind best_bind;
  if (i < end) {
    Bind taken = b;
    if (MatchItem(item, words[i], taken)) {
      std::size_t e = Match(p, k + 1, words, i + 1, end, taken);
      if (e > best) best = e, best_bind = taken;
    }
  }
  if (item.optional) {
    Bind skipped = b;
    std::size_t e = Match(p, k + 1, words, i, end, skipped);
    if (e > best) best = e, best_bind = skipped;
  }
  if (best) b = best_bind;
  return best;
}

std::optional<DateRange> DateFinder::Impl::Resolve(const Pattern& p, const Bind& b,
                                                   const std::optional<DateRange>& anchor) const {
  const bool day_anchor = anchor && anchor->first == anchor->last;
  const int a = anchor ? anchor->last : 0;
  const CivilDate ac = CivilFromDays(a);
  switch (p.meaning) {
    case Meaning::kDate: {
      if (b.year) {
        if (!ValidDate({b.year, b.month, b.day})) return std::nullopt;
        return DayRange(DaysFromCivil({b.year, b.month, b.day}));
      }
      if (!anchor) return std::nullopt;
      for (int y = ac.year + 1; y >= ac.year - 1; --y) {
        if (!ValidDate({y, b.month, b.day})) continue;
        int d = DaysFromCivil({y, b.month, b.day});
        if (d <= a + config.future_days) return DayRange(d);
      }
      return std::nullopt;
    }
    case Meaning::kMonth:
    case Meaning::kMonthEarly:
    case Meaning::kMonthMid:
    case Meaning::kMonthLate: {
      if (!b.year && !anchor) return std::nullopt;
      DateRange r = MonthRange(b.year                ? b.year
                               : b.month <= ac.month ? ac.year
                                                     : ac.year - 1,
                               b.month);
      if (p.meaning == Meaning::kMonthEarly) r.last = r.first + 9;
      if (p.meaning == Meaning::kMonthMid) r = {r.first + 10, r.first + 19, Precision::kMonth};
      if (p.meaning == Meaning::kMonthLate) r.first += 20;
      return r;
    }
    case Meaning::kYear:
      return YearRange(b.year);
    case Meaning::kWeekday:
      if (!day_anchor) return std::nullopt;
      return DayRange(a - (Weekday(a) - b.weekday + 7) % 7);
    case Meaning::kDay:
      if (!day_anchor) return std::nullopt;
      return DayRange(a + p.k);
    case Meaning::kDaysAgo:
    case Meaning::kWeeksAgo:
      if (!day_anchor) return std::nullopt;
      return DayRange(a - b.count * (p.meaning == Meaning::kWeeksAgo ? 7 : 1));
    case Meaning::kWeek: {
      if (!day_anchor) return std::nullopt;
      int monday = a - Weekday(a) + 7 * p.k;
      DateRange r{monday, monday + 6, Precision::kWeek};
      if (p.before) r.last = std::min(r.last, a - 1);
      if (r.last < r.first) return std::nullopt;
      return r;
    }
    case Meaning::kWeekend: {
      if (!day_anchor) return std::nullopt;
      int saturday = (a - 1) - (Weekday(a - 1) - 5 + 7) % 7;
      return DateRange{saturday, std::min(saturday + 1, a), Precision::kWeek};
    }
    case Meaning::kMonthRel: {
      if (!anchor) return std::nullopt;
      int m = ac.year * 12 + (ac.month - 1) + p.k;
      return MonthRange(m / 12, m % 12 + 1);
    }
    case Meaning::kYearRel:
      if (!anchor) return std::nullopt;
      return YearRange(ac.year + p.k);
    case Meaning::kGeneric:
      return std::nullopt;
  }
  return std::nullopt;
}

// The forward reading of a day, month or weekday said without its year:
// the earliest on or after the anchor. nullopt when there is none to give.
std::optional<DateRange> DateFinder::Impl::Ahead(const Pattern& p, const Bind& b,
                                                 const std::optional<DateRange>& anchor) const {
  if (!anchor || b.year) return std::nullopt;
  const int a = anchor->last;
  const CivilDate ac = CivilFromDays(a);
  switch (p.meaning) {
    case Meaning::kDate:
      for (int y = ac.year; y <= ac.year + 1; ++y) {
        if (ValidDate({y, b.month, b.day}) && DaysFromCivil({y, b.month, b.day}) >= a) {
          return DayRange(DaysFromCivil({y, b.month, b.day}));
        }
      }
      return std::nullopt;
    case Meaning::kMonth:
    case Meaning::kMonthEarly:
    case Meaning::kMonthMid:
    case Meaning::kMonthLate: {
      Bind next = b;
      next.year = b.month >= ac.month ? ac.year : ac.year + 1;
      return Resolve(p, next, anchor);
    }
    case Meaning::kWeekday:
      if (anchor->first != anchor->last) return std::nullopt;
      return DayRange(a + (b.weekday - Weekday(a) + 7) % 7);
    default:
      return std::nullopt;
  }
}

// Whether a future word (dates.txt) stands within config.future_words_before
// words before the date or config.future_words_after after it, in its clause (a comma ends the
// clause after the date, not before it: "Next month, the party will …").
bool DateFinder::Impl::FutureClause(const std::vector<Word>& words, std::size_t begin,
                                    std::size_t end, std::size_t first, std::size_t last) const {
  auto hard_break = [&](const Word& w) {
    return w.kind == segment::TokenKind::kPunct &&
           (w.lower == ";" || w.lower == ":" || w.lower == "." || w.lower == "(" || w.lower == ")");
  };
  std::size_t from = first;
  for (std::size_t n = 0;
       from > begin && n < config.future_words_before && !hard_break(words[from - 1]); ++n)
    --from;
  std::size_t to = last;
  bool comma = last > first && words[last - 1].Is(",");  // "in July, 2016" may end on one
  for (std::size_t n = 0; !comma && to < end && n < config.future_words_after &&
                          !hard_break(words[to]) && !words[to].Is(",");
       ++n)
    ++to;
  for (std::size_t i = from; i < to; ++i) {
    if (words[i].IsWord() && future.Longest(i, to, LowerAt{words}).value) return true;
  }
  return false;
}

DateFinder::DateFinder(const DateConfig& config, const rules::RuleSet& rules)
    : impl_(std::make_unique<Impl>()) {
  impl_->config = config;
  const auto& file = rules.File("events/dates.txt");
  for (const auto& line : file.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f[0] == "month" || f[0] == "weekday" || f[0] == "count")
      impl_->LoadWords(file, line, f);
    else if (f[0] == "future" && f.size() == 2) {
      for (const auto& phrase : CommaList(f[1])) impl_->future.Add(PhraseWords(phrase), 1);
    } else if (f[0] == "pattern")
      impl_->LoadPattern(file, line, f);
    else
      throw file.Error(line,
                       "expected month, weekday, count, future or pattern, not '" + f[0] + "'");
  }
  impl_->IndexStarts();
}

DateFinder::~DateFinder() = default;

bool DateFinder::MayStart(const Word& w) const {
  if (w.kind == segment::TokenKind::kNumber) return true;
  if (w.kind != segment::TokenKind::kWord) return false;
  return Impl::MayStartWith(w, impl_->StartBits(w));
}

std::vector<DateMention> DateFinder::Run(const std::vector<Word>& words, std::size_t begin,
                                         std::size_t end,
                                         const std::optional<DateRange>& anchor) const {
  std::vector<DateMention> out;
  std::vector<int> scratch;
  for (std::size_t i = begin; i < end;) {
    // (a word's starts entry found once, for MayStart and Candidates; only
    // words and numbers may start a time expression)
    const Word& w = words[i];
    const Impl::Start* start =
        w.kind == segment::TokenKind::kWord || w.kind == segment::TokenKind::kNumber
            ? impl_->StartOf(w)
            : nullptr;
    if (!Impl::MayStartWith(w, start ? start->bits : 0)) {
      ++i;
      continue;
    }
    const std::vector<int>& candidates = impl_->Candidates(w, start, scratch);
    std::size_t best_end = 0;
    const Pattern* best = nullptr;
    Bind best_bind;
    for (int id : candidates) {
      const Pattern& p = impl_->patterns[static_cast<std::size_t>(id)];
      if (!impl_->MayMatchAt(p, words, i, end)) continue;
      Bind b;
      std::size_t e = impl_->Match(p, 0, words, i, end, b);
      bool strict_ok = !b.strict_month || b.literal || b.day || b.year;
      if (e > best_end && strict_ok) best_end = e, best = &p, best_bind = b;
    }
    if (!best) {
      ++i;
      continue;
    }
    DateMention m;
    m.first = i;
    m.end = best_end;
    m.range = impl_->Resolve(*best, best_bind, anchor);
    m.ahead = impl_->Ahead(*best, best_bind, anchor);
    m.weekday = best->meaning == Meaning::kWeekday;
    if (m.ahead && m.range && *m.ahead == *m.range) m.ahead.reset();
    if (m.ahead &&
        (!Writable(*m.ahead) || m.ahead->last > anchor->last + impl_->config.max_ahead_days))
      m.ahead.reset();
    if (m.ahead && impl_->FutureClause(words, begin, end, i, best_end)) {
      m.range = m.ahead;
      m.future = true;
    }
    if (m.range && !Writable(*m.range)) m.range.reset();  // unknown, not a guess
    m.generic =
        best->meaning == Meaning::kGeneric || (m.range && m.range->precision == Precision::kYear);
    if (m.generic) m.range.reset();
    out.push_back(m);
    i = best_end;
  }
  return out;
}

std::optional<DateRange> DateFinder::Anchor(const std::string& doc_date,
                                            const std::vector<Word>& words) const {
  if (auto d = ParseIsoDate(doc_date)) return d;
  if (auto dateline = Dateline(doc_date, words)) return dateline->range;
  return std::nullopt;
}

std::optional<DateMention> DateFinder::Dateline(const std::string& doc_date,
                                                const std::vector<Word>& words) const {
  if (ParseIsoDate(doc_date)) return std::nullopt;
  std::size_t end = std::min(words.size(), impl_->config.dateline_words);
  for (const DateMention& m : Run(words, 0, end, std::nullopt)) {
    if (m.range && m.range->precision == Precision::kDay) return m;
  }
  return std::nullopt;
}

}  // namespace whosaid::events
