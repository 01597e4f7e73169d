// Fuzz target: the quote-mark scanner (quotes/scanner.h) and the paragraph
// splitter it runs on, over any bytes (decoded as the readers decode them).
//
// Checks: paragraphs are sorted, disjoint, non-empty and on character
// boundaries; quotations are sorted, inside the text, inner inside outer,
// on character boundaries; mark positions are sorted, unique, inside the
// quotations' paragraphs and each the start of a quote mark.
#include <cstddef>
#include <cstdint>

#include "core/text.h"
#include "fuzz_support.h"
#include "quotes/scanner.h"
#include "segment/paragraphs.h"

namespace {

using whosaid::Span;
using whosaid::fuzz::OnBoundary;

void CheckSpan(std::string_view text, Span s) {
  FUZZ_CHECK(s.begin <= s.end && s.end <= text.size());
  FUZZ_CHECK(OnBoundary(text, s.begin) && OnBoundary(text, s.end));
}

void CheckParagraphs(std::string_view text, const std::vector<whosaid::segment::Paragraph>& ps) {
  std::size_t last_end = 0;
  for (const auto& p : ps) {
    CheckSpan(text, p.span);
    FUZZ_CHECK(!p.span.empty());
    FUZZ_CHECK(p.span.begin >= last_end);
    last_end = p.span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace whosaid;
  static const quotes::Scanner scanner(quotes::ScannerConfig{}, fuzz::Rules());
  const std::string text = text::DecodeLossy(fuzz::AsText(data, size)).text;
  const auto paragraphs = segment::SplitParagraphs(text);
  CheckParagraphs(text, paragraphs);

  const auto result = scanner.Run(text, paragraphs);
  std::size_t last_begin = 0;
  for (const auto& q : result.quotes) {
    CheckSpan(text, q.outer);
    CheckSpan(text, q.inner);
    FUZZ_CHECK(q.outer.begin <= q.inner.begin && q.inner.end <= q.outer.end);
    FUZZ_CHECK(!q.inner.empty());
    FUZZ_CHECK(q.outer.begin >= last_begin);
    FUZZ_CHECK(q.depth >= 0 && q.paragraphs >= 1);
    if (!q.label.empty()) CheckSpan(text, q.label);
    last_begin = q.outer.begin;
  }
  for (std::size_t i = 0; i < result.mark_positions.size(); ++i) {
    std::size_t pos = result.mark_positions[i];
    FUZZ_CHECK(pos < text.size() && OnBoundary(text, pos));
    FUZZ_CHECK(i == 0 || result.mark_positions[i - 1] < pos);
    std::size_t len = 0;
    bool is_mark = scanner.MarkAt(text, pos, &len) != nullptr;
    // the second character of a two-character mark ('') is recorded too
    bool second = i > 0 && scanner.MarkAt(text, result.mark_positions[i - 1], &len) != nullptr;
    FUZZ_CHECK(is_mark || second);
  }
  return 0;
}
