#include "events/dates.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <initializer_list>

#include "events/calendar.h"
#include "events_fixture.h"

namespace whosaid {
namespace {

// The WHEN of the first time expression in `text` against `anchor`:
// "YYYY-MM-DD", "YYYY-MM", "null" (found, unknown), "generic" or "none".
std::string FirstWhen(const std::string& anchor, const std::string& text) {
  auto words = testing::WordsOf(text);
  auto a = events::ParseIsoDate(anchor);
  auto found = testing::Dates().Run(words.words, 0, words.size(), a);
  if (found.empty()) return "none";
  if (found[0].generic) return "generic";
  if (!found[0].range) return "null";
  std::string when = events::FormatWhen(*found[0].range);
  return when.empty() ? "null" : when;
}

// One row of a table of FirstWhen cases.
struct WhenRow {
  const char* anchor;
  const char* text;
  const char* when;
};

void CheckWhens(std::initializer_list<WhenRow> rows) {
  for (const WhenRow& r : rows) {
    CAPTURE(r.anchor);
    CAPTURE(r.text);
    CHECK(FirstWhen(r.anchor, r.text) == r.when);
  }
}

TEST_SUITE("events") {
  TEST_CASE("the examples in rules/events/dates.txt") {
    for (const auto& ex : testing::Examples("events/dates.txt")) {
      CAPTURE(ex.line);
      CAPTURE(ex.input);
      auto [anchor, text] = testing::SplitAnchor(ex.input);
      CHECK(FirstWhen(anchor, text) == ex.expected);
    }
  }

  // MayStart: a number, a pattern's literal or a count word in any case,
  // a month or weekday only capitalised, or a day number ("5th").
  TEST_CASE("MayStart: which words a time expression may start at") {
    const struct Row {
      const char* word;
      bool may;
    } rows[] = {{"May", true},
                {"may", false},
                {"Monday", true},
                {"monday", false},
                {"Dec.", true},
                {"yesterday", true},
                {"Yesterday", true},
                {"the", true},
                {"early", true},
                {"one", true},
                {"One", true},
                {"5", true},
                {"2024", true},
                {"5th", true},
                {"31st", true},
                {"32nd", false},
                {"said", false},
                {"days", false},
                {",", false},
                // a day number: one or two digits and a suffix, nothing else
                // (most words are turned away by length and first byte)
                {"1st", true},
                {"3rd", true},
                {"22nd", true},
                {"12th", true},
                {"0th", false},
                {"123rd", false},
                {"1a", false},
                {"1sts", false},
                {"a1st", false},
                {"st", false},
                {"x9", false},
                {"9x", false}};
    for (const Row& row : rows) {
      CAPTURE(row.word);
      const auto words = testing::WordsOf(row.word);
      REQUIRE(words.size() >= 1);
      CHECK(testing::Dates().MayStart(words[0]) == row.may);
    }
  }

  // A word may start patterns by its own spelling and by one or more slots
  // (a number is a DAY and an N; 2024 a YEAR and an N; "three" an N): the
  // candidates are every such list's patterns, the longest match wins
  // (Candidates joins one list as it is, two or more sorted).
  TEST_CASE("a word that starts patterns through several lists") {
    CheckWhens({{"2024-12-25", "Militants struck 5 days ago.", "2024-12-20"},
                {"2024-12-25", "Militants struck three weeks ago.", "2024-12-04"},
                {"2024-12-25", "On May 5 the vote was held.", "2024-05-05"},
                {"2024-12-25", "On 5 December the raids began.", "2024-12-05"},
                {"2024-12-25", "Floods came in 2024.", "generic"},
                {"2024-12-25", "The protest took place last month.", "2024-11"},
                {"2024-12-25", "Gunmen attacked the post last night.", "2024-12-24"},
                {"2024-12-25", "In March, floods hit the valley.", "2024-03"}});
  }

  // Run turns a candidate pattern away by its item 1 before matching it
  // (MayMatchAt): at the next word when both first items are required, at
  // this word or the next when only the first is optional.
  TEST_CASE("a pattern's second item read before the match") {
    CheckWhens({{"2024-12-25", "The vote was held this evening", "2024-12-25"},
                {"2024-12-25", "Floods came in March", "2024-03"},
                {"2024-12-25", "It happened in", "none"},
                {"2024-12-25", "Yesterday the talks resumed.", "2024-12-24"},
                {"2024-12-25", "On the 5th of May 2024 talks began.", "2024-05-05"},
                {"2024-12-25", "The day before yesterday a bomb exploded.", "2024-12-23"},
                {"2024-12-25", "Police said 12 people died on December 3", "2024-12-03"}});
  }

  TEST_CASE("weekdays resolve to the most recent such day, across month and year ends") {
    CheckWhens({
        {"2024-12-25", "late on Tuesday", "2024-12-24"},  // published on a Wednesday
        {"2024-12-25", "on Wednesday", "2024-12-25"},     // the publication day itself
        {"2024-12-25", "on Thursday", "2024-12-19"},      // a week back, never ahead
        {"2024-12-01", "on Friday", "2024-11-29"},        // across a month end
        {"2025-01-02", "on Monday", "2024-12-30"},        // across a year end
        {"2025-01-01", "on Tuesday", "2024-12-31"},
        {"2024-03-01", "on Thursday", "2024-02-29"},  // a leap day
        {"2023-03-01", "on Tuesday", "2023-02-28"},
        {"2024-12", "on Tuesday", "null"},  // month-only date: unknown
        {"", "on Tuesday", "null"},         // no date at all
    });
  }

  TEST_CASE("month-only document dates give month-level results only where sound") {
    struct Row {
      const char* text;
      const char* when;
    } rows[] = {
        {"on December 24", "2024-12-24"},
        {"in December", "2024-12"},
        {"in January", "2025-01"},
        {"in March", "2024-03"},
        {"last month", "2024-12"},
        {"yesterday", "null"},
        {"last week", "null"},
        {"on Tuesday", "null"},
        {"in June 2023", "2023-06"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CHECK(FirstWhen("2025-01", r.text) == r.when);
    }
  }

  // FormatWhen writes the digits itself for years 0 … 9999: the same
  // text snprintf's "%04d-%02d[-%02d]" gives, on both sides of each width.
  TEST_CASE("calendar: FormatWhen as printf writes it") {
    const int years[] = {-1, 0, 9, 10, 99, 100, 999, 1000, 2024, 9999, 10000};
    const int months[] = {1, 9, 10, 12};
    for (int y : years) {
      for (int m : months) {
        CAPTURE(y);
        CAPTURE(m);
        const int first = events::DaysFromCivil({y, m, 1});
        const int last = first + events::DaysInMonth(y, m) - 1;
        char want[48];
        std::snprintf(want, sizeof want, "%04d-%02d", y, m);
        CHECK(events::FormatWhen({first, last, events::Precision::kMonth}) == want);
        for (int d : {1, 9, 10, events::DaysInMonth(y, m)}) {
          const int day = events::DaysFromCivil({y, m, d});
          std::snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
          CHECK(events::FormatWhen({day, day, events::Precision::kDay}) == want);
        }
      }
    }
  }

  TEST_CASE("calendar arithmetic") {
    CHECK(events::FormatWhen(*events::ParseIsoDate("2024-02-29")) == "2024-02-29");
    CHECK_FALSE(events::ParseIsoDate("2023-02-29"));
    CHECK_FALSE(events::ParseIsoDate("2024-13"));
    CHECK_FALSE(events::ParseIsoDate("24-12-2024"));
    CHECK(events::Weekday(events::ParseIsoDate("2024-12-25")->first) == 2);
    auto week =
        events::DateRange{events::ParseIsoDate("2024-12-30")->first,
                          events::ParseIsoDate("2025-01-05")->first, events::Precision::kWeek};
    CHECK(events::FormatWhen(week).empty());
    CHECK(
        events::Near(*events::ParseIsoDate("2024-12-24"), *events::ParseIsoDate("2024-12-26"), 2));
    CHECK_FALSE(
        events::Near(*events::ParseIsoDate("2024-12-24"), *events::ParseIsoDate("2024-12-27"), 2));
    CHECK(events::Near(*events::ParseIsoDate("2024-12"), *events::ParseIsoDate("2024-12-28"), 2));
  }

  TEST_CASE("a dateline dates a document without metadata") {
    auto words =
        testing::WordsOf("KABUL, 25 December 2024 (Reuters) - Officials said on Tuesday that …");
    auto anchor = testing::Dates().Anchor("", words.words);
    REQUIRE(anchor);
    CHECK(events::FormatWhen(*anchor) == "2024-12-25");
    CHECK(events::FormatWhen(*testing::Dates().Anchor("2024-03-18", words.words)) == "2024-03-18");
    CHECK_FALSE(testing::Dates().Anchor("", testing::WordsOf("Officials said on Tuesday.").words));
    // Where the dateline is: its words (the event stage keeps it from
    // dating events when their sentence says more).
    auto dateline = testing::Dates().Dateline("", words.words);
    REQUIRE(dateline);
    CHECK(words.words[dateline->first].lower == "25");
    CHECK(words.words[dateline->end - 1].lower == "2024");
    CHECK_FALSE(testing::Dates().Dateline("2024-03-18", words.words));
  }

  // Found by fuzz_dates: a day resolved past an anchor at the end of the
  // calendar was written as "10000-01-02", which no ISO reader takes back.
  TEST_CASE("dates only resolve within the years an ISO date can write") {
    CheckWhens({
        {"9999-12-31", "On January 2 it was signed.", "null"},
        {"9999-12-31", "On December 30 it was signed.", "9999-12-30"},
        {"0001-01-01", "It happened last month.", "null"},
        {"0001-01-03", "It happened yesterday.", "0001-01-02"},
    });
    CHECK_FALSE(events::ParseIsoDate("0000-01-01"));
    CHECK_FALSE(events::ParseIsoDate("0000-01"));
  }
}

}  // namespace
}  // namespace whosaid
