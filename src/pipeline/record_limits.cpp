#include "pipeline/record_limits.h"

#include <charconv>
#include <string>

#include "core/text.h"

namespace whosaid {
namespace {

constexpr const char* kFile = "records.txt";

}  // namespace

RecordLimits::RecordLimits(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File(kFile);
  for (const rules::RuleLine& line : file.lines()) {
    const std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || f[0] != "max_quote_chars")
      throw file.Error(line, "expected 'max_quote_chars | N'");
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(f[1].data(), f[1].data() + f[1].size(), n);
    if (ec != std::errc() || end != f[1].data() + f[1].size() || n == 0)
      throw file.Error(line, "max_quote_chars: '" + f[1] + "' is not a positive number");
    max_quote_chars_ = n;
  }
}

void RecordLimits::Run(const Document& doc, DocResult& result) const {
  std::vector<int>& quote_event = result.events.quote_event;
  const bool parallel = quote_event.size() == result.quotes.size();
  std::size_t kept = 0;
  for (std::size_t i = 0; i < result.quotes.size(); ++i) {
    const Span q = result.quotes[i].quote;
    // (a character takes at least one byte: a span of few bytes has few)
    const std::size_t chars =
        q.size() <= max_quote_chars_
            ? 0
            : text::CountCodepoints(std::string_view(doc.text).substr(q.begin, q.size()));
    if (chars > max_quote_chars_) {
      result.diagnostics.push_back({Diagnostic::Severity::kWarning, doc.source,
                                    "a quote of " + std::to_string(chars) + " characters at byte " +
                                        std::to_string(q.begin) +
                                        " dropped (longer than max_quote_chars, " + kFile + ")"});
      continue;
    }
    if (kept != i) {
      result.quotes[kept] = std::move(result.quotes[i]);
      if (parallel) quote_event[kept] = quote_event[i];
    }
    ++kept;
  }
  result.quotes.resize(kept);
  if (parallel) quote_event.resize(kept);
}

}  // namespace whosaid
