// whosaid::events::DateFinder — finds what a text says about time and
// resolves it against the document's date.
//
// Input: a document's Words, a token range, and the anchor (the document's
// date as a DateRange: a day, or a month when only "YYYY-MM" is known).
// Output: each time expression found, left to right (the longest pattern at
// each word), with its tokens and either a DateRange, "unknown" (said, but
// not resolvable against this anchor) or "generic" (a span such as "so far"
// or "in 2024" that marks a general statement).
//
// Rules: rules/events/dates.txt (words, patterns and meanings are documented
// there). Resolution follows the brief of issue 4: a weekday is the most
// recent such day on or before the publication day; a month-only anchor
// gives month-level results where they are sound and nothing where they are
// not (a weekday, "yesterday").
//
// Example
//   DateFinder dates(DateConfig{}, rules);
//   auto found = dates.Run(words, 0, words.size(), ParseIsoDate("2024-12-25"));
//   // "late on Tuesday" → found[0].range == DayRange(2024-12-24)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rules.h"
#include "events/calendar.h"
#include "events/words.h"

namespace whosaid::events {

struct DateConfig {
  // A day named without its year ("December 31") may lie this many days
  // after the anchor (an announced date); otherwise it is the latest such day
  // before the anchor.
  int future_days = 14;
  // A document without a date takes the first full date (day, month, year)
  // among its first this many words as its dateline.
  std::size_t dateline_words = 80;
  // A day said without its year reads forward when a future word
  // (dates.txt `future`) stands within this many words before it, or after
  // it, in its clause.
  std::size_t future_words_before = 6;
  std::size_t future_words_after = 4;
  // The forward reading of a day is dropped when it lies more than this many
  // days after the anchor.
  int max_ahead_days = 366;
};

struct DateMention {
  std::size_t first = 0;           // first word
  std::size_t end = 0;             // one past the last word
  std::optional<DateRange> range;  // nullopt: unknown (or generic)
  bool generic = false;            // a general span (so far, in 2024, this year)
  // A day, month or weekday said without its year resolves backwards (the
  // latest before the anchor) unless its clause speaks of the future ("will",
  // "next", "upcoming": dates.txt `future`); `ahead` is the forward reading
  // (the earliest on or after the anchor) when it differs, for a caller that
  // knows better (an election "in November" is ahead when that is nearer).
  std::optional<DateRange> ahead;
  bool future = false;   // its clause is marked future: `range` is the forward reading
  bool weekday = false;  // a weekday ("on Saturday"): ahead only when its clause is future
};

class DateFinder {
 public:
  // Compiles rules/events/dates.txt; throws ConfigError ("path:line: …").
  explicit DateFinder(const DateConfig& config, const rules::RuleSet& rules);
  ~DateFinder();
  DateFinder(const DateFinder&) = delete;
  DateFinder& operator=(const DateFinder&) = delete;

  // The time expressions of words [begin, end), left to right, resolved
  // against `anchor` (the entry point; the others below are its helpers for
  // the event stage).
  std::vector<DateMention> Run(const std::vector<Word>& words, std::size_t begin, std::size_t end,
                               const std::optional<DateRange>& anchor) const;

  // The document's anchor: its metadata date ("YYYY-MM-DD" / "YYYY-MM"),
  // else a full date among its first words, else nullopt.
  std::optional<DateRange> Anchor(const std::string& doc_date,
                                  const std::vector<Word>& words) const;
  // The date a document without a metadata date takes as its anchor: the
  // first full date among its first words ("DAMASCUS, November 6, 2024 —");
  // nullopt when doc_date is set or there is none.
  std::optional<DateMention> Dateline(const std::string& doc_date,
                                      const std::vector<Word>& words) const;

  // Could a time expression start at this word? (A cheap pre-test.)
  bool MayStart(const Word& w) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whosaid::events
