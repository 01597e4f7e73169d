// whosaid::RecordLimits — the last step of the per-document pipeline: drops
// the quote records no reported speech could be (rules/records.txt).
//
// Contract
//   A record whose quote span is longer than max_quote_chars characters
//   (code points) is removed, with its entry of events.quote_event (kept
//   parallel to the records), and a warning "SOURCE: warning: a quote of N
//   characters at byte B dropped (longer than max_quote_chars, records.txt)".
//   Records within the limit are untouched, in order. Linear in the records.
//
// Example
//   RecordLimits limits(rules);  // max_quote_chars | 20000
//   limits.Run(doc, result);     // a 951,450-character quote: gone
#pragma once

#include <cstddef>

#include "core/doc_result.h"
#include "core/document.h"
#include "core/rules.h"

namespace whosaid {

// The one stage without a config: its limits are rules/records.txt (a
// second place for them would only disagree), so it is built from the rules
// alone and PipelineConfig has no field for it.
class RecordLimits {
 public:
  // Reads rules/records.txt; throws ConfigError on a bad or missing entry.
  explicit RecordLimits(const rules::RuleSet& rules);

  void Run(const Document& doc, DocResult& result) const;

  std::size_t max_quote_chars() const { return max_quote_chars_; }

 private:
  std::size_t max_quote_chars_ = 0;
};

}  // namespace whosaid
