// whosaid::DocResult — what the per-document pipeline (pipeline/pipeline.h)
// makes of one document, and all the corpus stages and the output sinks
// (output/sink.h) get of it: plain values, byte offsets into Document::text.
//
//   quotes       the quote records, in text order (core/record.h); their
//                speakers carry document-local names until the entity stage
//                gives them run-wide ids (run/corpus_run.h)
//   diagnostics  per-document warnings, for the reporter
//   names        every name the document mentions (core/name_mention.h)
//   events       its events and the one each quote is about (core/doc_events.h)
//   figures      the figures it states (core/figure.h)
//
// Example
//   whosaid::DocResult r = pipeline.Run(doc);
//   for (const whosaid::QuoteRecord& q : r.quotes) ...
#pragma once

#include <vector>

#include "core/diagnostic.h"
#include "core/doc_events.h"
#include "core/figure.h"
#include "core/name_mention.h"
#include "core/record.h"

namespace whosaid {

struct DocResult {
  std::vector<QuoteRecord> quotes;           // in text order
  std::vector<Diagnostic> diagnostics;       // per-document warnings
  std::vector<entities::NameMention> names;  // names mentioned, in text order
  events::DocEvents events;                  // its events; quote_event parallels `quotes`
  std::vector<claims::Figure> figures;       // figures it states (claims/figures.h), in text order
};

}  // namespace whosaid
