// whosaid::events calendar — days, date ranges and ISO dates.
//
// A date is a day number (days since 1970-01-01, proleptic Gregorian). What
// the text says about time is a DateRange: a single day ("December 24"), a
// month ("in March"), a week ("last week") or a year ("in 2024"), always as
// the first and last day it covers, so comparing two mentions is comparing
// two intervals whatever their precision.
//
// Contract
//   * ParseIsoDate accepts "YYYY-MM-DD" and "YYYY-MM" (a month-only date is a
//     kMonth range), years 0001-9999; anything else → nullopt.
//   * FormatWhen gives the output `when`: "YYYY-MM-DD" for a single day,
//     "YYYY-MM" for a range inside one month, "" (null) for anything wider.
//   * Near(a, b, slack) is true when the intervals lie within `slack` days
//     of each other (±2 days: Near(24 Dec, 26 Dec, 2)).
//
// Example
//   auto d = ParseIsoDate("2024-12-25");            // {20082, 20082, kDay}
//   Weekday(d->first) == 2;                          // Wednesday (0 = Monday)
//   FormatWhen(MonthRange(2025, 1)) == "2025-01";
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date_range.h"

namespace whosaid::events {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

int DaysFromCivil(CivilDate date);
CivilDate CivilFromDays(int days);
int DaysInMonth(int year, int month);
bool ValidDate(CivilDate date);
// 0 = Monday … 6 = Sunday.
int Weekday(int days);

DateRange DayRange(int days);
DateRange MonthRange(int year, int month);
DateRange YearRange(int year);

std::optional<DateRange> ParseIsoDate(std::string_view iso);
std::string FormatWhen(const DateRange& range);
// (inline: the event clustering asks it of every candidate cluster)
inline bool Near(const DateRange& a, const DateRange& b, int slack_days) {
  return a.first - slack_days <= b.last && b.first - slack_days <= a.last;
}
// Days covered: 1 for a single day.
inline int Width(const DateRange& r) { return r.last - r.first + 1; }

}  // namespace whosaid::events
