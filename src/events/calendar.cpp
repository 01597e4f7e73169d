#include "events/calendar.h"

#include <cstdio>

namespace whosaid::events {

// Howard Hinnant's days_from_civil / civil_from_days: exact for any year.
int DaysFromCivil(CivilDate date) {
  int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const int doy = (153 * mp + 2) / 5 + date.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  CivilDate d;
  d.day = doy - (153 * mp + 2) / 5 + 1;
  d.month = mp < 10 ? mp + 3 : mp - 9;
  d.year = yoe + era * 400 + (d.month <= 2 ? 1 : 0);
  return d;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[(month - 1) % 12];
}

bool ValidDate(CivilDate d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

int Weekday(int days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int w = (days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

DateRange DayRange(int days) { return {days, days, Precision::kDay}; }

DateRange MonthRange(int year, int month) {
  int first = DaysFromCivil({year, month, 1});
  return {first, first + DaysInMonth(year, month) - 1, Precision::kMonth};
}

DateRange YearRange(int year) {
  return {DaysFromCivil({year, 1, 1}), DaysFromCivil({year, 12, 31}), Precision::kYear};
}

namespace {

// Reads exactly `n` digits at s[at…]; -1 when they are not all digits.
int Digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<DateRange> ParseIsoDate(std::string_view iso) {
  if (iso.size() != 7 && iso.size() != 10) return std::nullopt;
  int year = Digits(iso, 0, 4), month = Digits(iso, 5, 2);
  if (year < 1 || month < 1 || month > 12 || iso[4] != '-') return std::nullopt;
  if (iso.size() == 7) return MonthRange(year, month);
  int day = Digits(iso, 8, 2);
  if (iso[7] != '-' || !ValidDate({year, month, day})) return std::nullopt;
  return DayRange(DaysFromCivil({year, month, day}));
}

namespace {

// "YYYY-MM[-DD]" as "%04d-%02d[-%02d]" writes it, for a year of 0 … 9999
// (digits written directly: the corpus stage formats every global event's
// date, and snprintf cost some 800 instructions a call); any other year
// through snprintf.
std::string FormatDay(const CivilDate& d, bool with_day) {
  char buf[48];
  if (d.year < 0 || d.year > 9999) {
    if (with_day)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    else
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    return buf;
  }
  auto two = [](char* at, int v) {
    at[0] = static_cast<char>('0' + v / 10);
    at[1] = static_cast<char>('0' + v % 10);
  };
  two(buf, d.year / 100);
  two(buf + 2, d.year % 100);
  buf[4] = '-';
  two(buf + 5, d.month);
  if (!with_day) return std::string(buf, 7);
  buf[7] = '-';
  two(buf + 8, d.day);
  return std::string(buf, 10);
}

}  // namespace

std::string FormatWhen(const DateRange& range) {
  CivilDate a = CivilFromDays(range.first);
  if (range.first == range.last) return FormatDay(a, true);
  CivilDate b = CivilFromDays(range.last);
  if (a.year == b.year && a.month == b.month) return FormatDay(a, false);
  return {};
}

}  // namespace whosaid::events
