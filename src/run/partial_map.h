// whosaid::run::MakePartial — the map step of a run: one document and its
// per-document result become its Partial (core/partial.h), with no text:
// the records, the text under the spans the outputs read, the events and
// figures, and the entity stage's name inputs (made from the text here,
// EntityResolver::Names). Pure and thread-safe: the runner calls it on its
// worker threads (runner.h, RunMap).
//
// Example
//   Partial p = MakePartial(doc, pipeline.Run(doc), resolver, /*ordinal=*/0);
//   std::string line = EncodePartial(p);   // `whosaid extract --partial`
#pragma once

#include <cstdint>

#include "core/doc_result.h"
#include "core/document.h"
#include "core/partial.h"
#include "resolve/entity_resolver.h"

namespace whosaid::run {

// Moves the records, events and figures out of `result` (its diagnostics stay).
Partial MakePartial(const Document& doc, DocResult&& result, const resolve::EntityResolver& names,
                    std::uint64_t ordinal);

}  // namespace whosaid::run
