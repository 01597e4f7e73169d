// whosaid::EncodePartial / DecodePartial — the serialised Partial
// (core/partial.h): one JSON object on one line per document, the contract
// of `whosaid extract --partial` and `whosaid merge` (docs/partial.md has
// every field). Also the index's stored per-document result
// (EncodeStoredResult: a DocResult with its name mentions, for a store that
// keeps the text beside it; index/partial_codec.h).
//
// Contract
//   * DecodePartial(EncodePartial(p)) equals p in every field (doubles
//     round-trip exactly), so merged partials give the output of one run.
//   * The line carries "partial_version": kPartialVersion; DecodePartial
//     throws PartialError on another version, on a value that is not JSON or
//     lacks a field, and on indices that point nowhere (a record's name
//     input, a figure's record, a piece out of order, a span of a record or
//     figure beyond the text or reversed) — a partial is input, never trusted.
//   * EncodePartial's line has no newline; the writer adds it.
//
// Example
//   std::string line = EncodePartial(partial);
//   Partial again = DecodePartial(line);
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/doc_result.h"
#include "core/partial.h"

namespace whosaid {

inline constexpr int kPartialVersion = 1;

class PartialError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string EncodePartial(const Partial& partial);
Partial DecodePartial(std::string_view line);

// The spill forms (run/corpus_run.h, run/spill_file.h): never written for
// anyone but the process that reads them back, so binary — a tag byte,
// then every field in order (numbers as varints, strings as a length and
// their bytes, doubles as their 8 bytes) — and cheap to write and read
// (a tenth of the JSON line's cost). Each Decode throws PartialError on
// bytes that are not its own form (cut short, a wrong tag, indices that
// point nowhere). A string that is not valid UTF-8 comes back as the JSON
// line would give it back (U+FFFD for each bad sequence).
//   A partial's name inputs alone, for a run that keeps them apart.
std::string EncodeNames(const PartialNames& names);
PartialNames DecodeNames(std::string_view bytes);
//   A partial's events alone (DocEvents::global is not kept), for the same.
std::string EncodeEvents(const events::DocEvents& events);
events::DocEvents DecodeEvents(std::string_view bytes);
//   A whole partial (its `prepared` aside): DecodeSpilledPartial(
//   EncodeSpilledPartial(p)) equals p in every field, as DecodePartial of
//   EncodePartial does.
std::string EncodeSpilledPartial(const Partial& partial);
Partial DecodeSpilledPartial(std::string_view bytes);

// The stored form of a DocResult (quotes, names, events, figures; not its
// diagnostics): {"v": kStoredResultVersion, ...}. Throws PartialError.
inline constexpr int kStoredResultVersion = 2;
std::string EncodeStoredResult(const DocResult& result);
DocResult DecodeStoredResult(std::string_view stored);

}  // namespace whosaid
