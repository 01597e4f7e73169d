// Fuzz target: the date parser of the event stage (events/dates.h,
// events/calendar.h) over any bytes. The input's first line is the
// document's date as metadata gives it (any string: "2024-12-25",
// "2024-12", rubbish); the rest is the text, decoded as the readers decode it.
//
// Checks: the document date parses only when it is what FormatWhen writes
// back; every time expression found lies inside the word range, left to
// right without overlap; every resolved range is a real interval (first <=
// last, on valid calendar days) whose precision matches its width; a `when`
// written for it parses back to a range that holds it; generic spans carry
// no range. The anchor, when found, is a day or a month.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/text.h"
#include "events/calendar.h"
#include "events/dates.h"
#include "events/words.h"
#include "fuzz_support.h"
#include "segment/paragraphs.h"
#include "segment/tokenizer.h"

namespace {

using whosaid::events::DateRange;
using whosaid::events::Precision;

void CheckRange(const DateRange& r) {
  using namespace whosaid::events;
  FUZZ_CHECK(r.first <= r.last);
  FUZZ_CHECK(ValidDate(CivilFromDays(r.first)) && ValidDate(CivilFromDays(r.last)));
  FUZZ_CHECK(DaysFromCivil(CivilFromDays(r.first)) == r.first);
  switch (r.precision) {
    case Precision::kDay:
      FUZZ_CHECK(Width(r) == 1);
      break;
    case Precision::kWeek:
      FUZZ_CHECK(Width(r) <= 7);
      break;
    case Precision::kMonth:
      FUZZ_CHECK(Width(r) <= 31);
      break;
    case Precision::kYear:
      FUZZ_CHECK(Width(r) <= 366);
      break;
  }
  const std::string when = FormatWhen(r);
  if (when.empty()) return;  // wider than a month: null
  auto back = ParseIsoDate(when);
  FUZZ_CHECK(back.has_value());
  FUZZ_CHECK(back->first <= r.first && r.last <= back->last);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace whosaid;
  static const segment::Tokenizer tokenizer(segment::TokenizerConfig{}, fuzz::Rules());
  static const events::DateFinder dates(events::DateConfig{}, fuzz::Rules());
  const std::string_view input = fuzz::AsText(data, size);
  const std::size_t newline = input.find('\n');
  const std::string doc_date(
      input.substr(0, newline == std::string_view::npos ? input.size() : newline));
  const std::string text =
      text::DecodeLossy(newline == std::string_view::npos ? std::string_view{}
                                                          : input.substr(newline + 1))
          .text;

  if (auto iso = events::ParseIsoDate(doc_date)) {
    CheckRange(*iso);
    FUZZ_CHECK(events::FormatWhen(*iso) == doc_date);
  }

  const auto paragraphs = segment::SplitParagraphs(text);
  const auto tokens = tokenizer.Run(text, paragraphs, {}, {});
  const events::Words words = events::ReadWords(text, tokens);
  const auto anchor = dates.Anchor(doc_date, words.words);
  if (anchor) {
    CheckRange(*anchor);
    FUZZ_CHECK(anchor->precision == Precision::kDay || anchor->precision == Precision::kMonth);
  }
  // The whole text, then a range inside it (the stage reads sentence by sentence).
  const std::size_t n = words.size();
  for (auto [begin, end] : {std::pair<std::size_t, std::size_t>{0, n}, {n / 3, n - n / 3}}) {
    std::size_t last_end = begin;
    for (const events::DateMention& m : dates.Run(words.words, begin, end, anchor)) {
      FUZZ_CHECK(m.first >= last_end && m.first < m.end && m.end <= end);
      last_end = m.end;
      if (m.range) CheckRange(*m.range);
      FUZZ_CHECK(!(m.generic && m.range));
    }
  }
  return 0;
}
