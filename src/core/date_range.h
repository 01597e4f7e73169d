// whosaid::events::DateRange — what a text says about time, as the first and
// last day it covers (day numbers: days since 1970-01-01, proleptic
// Gregorian) and how precise it was. A plain value of the per-document
// result (core/doc_events.h); the calendar arithmetic on it is in
// events/calendar.h.
//
// Example
//   DateRange{20082, 20082, Precision::kDay}     // 2024-12-25
//   DateRange{20058, 20088, Precision::kMonth}   // December 2024
#pragma once

namespace whosaid::events {

enum class Precision { kDay, kWeek, kMonth, kYear };

struct DateRange {
  int first = 0;  // day number of the first day
  int last = 0;   // day number of the last day (inclusive)
  Precision precision = Precision::kDay;
  bool operator==(const DateRange&) const = default;
};

}  // namespace whosaid::events
