// whosaid::index::EncodePartial / DecodePartial — what the index stores per
// document so that a later batch re-runs only the corpus stage (entities,
// event ids, statements) over every stored document, never the per-document
// pipeline: the DocResult fields the corpus stage reads (quote records with
// document-local speakers, the names the document mentions, its events and
// figures; not its diagnostics). The document's text and metadata are stored
// beside it (the `documents` table).
//
// The stored form is core's (core/partial_codec.h, EncodeStoredResult); this
// header only turns its errors into IndexError.
//
// Contract
//   * DecodePartial(EncodePartial(r)) equals r in every field the corpus stage
//     reads (doubles round-trip exactly), so a result read back gives the
//     same corpus output as the one the pipeline returned.
//   * The stored form is JSON {"v": kPartialVersion, ...}; DecodePartial
//     throws IndexError on another version or a malformed value.
//
// Example
//   std::string stored = index::EncodePartial(pipeline.Run(doc));
//   DocResult again = index::DecodePartial(stored);
#pragma once

#include <string>
#include <string_view>

#include "core/partial_codec.h"
#include "pipeline/pipeline.h"

namespace whosaid::index {

inline constexpr int kPartialVersion = kStoredResultVersion;

std::string EncodePartial(const DocResult& result);
DocResult DecodePartial(std::string_view stored);

}  // namespace whosaid::index
