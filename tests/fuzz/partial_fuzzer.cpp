// Fuzz target: partials as `whosaid merge` reads them — any bytes, a line
// at a time, through DecodePartial (core/partial_codec.h), and what decodes
// through the whole reduce: run::CorpusRun (entities, events, statements)
// and the JSON Lines sink. Also the spill forms' decoders on the same bytes
// (DecodeSpilledPartial, DecodeNames, DecodeEvents: internal files, but
// they must refuse what is not theirs with PartialError, never crash).
//
// Checks: a line either decodes or is refused with PartialError; what
// decodes encodes to a line that decodes to the same line again (a fixed
// point), and through the spill form to the same line too; the merge of
// the decoded partials (a repeated (ordinal, id) dropped, as merge refuses
// it) writes one JSON line per record, each parsing, with its quote's
// offsets inside the document and the quote's text the one of its piece.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "claims/claims_stage.h"
#include "core/partial_codec.h"
#include "fuzz_support.h"
#include "output/output_stream.h"
#include "output/sink.h"
#include "resolve/entity_resolver.h"
#include "run/corpus_run.h"

namespace {

using whosaid::Partial;
using whosaid::PartialError;

// What decodes is a fixed point of encode ∘ decode, in both forms.
void CheckRoundTrip(const Partial& p) {
  const std::string line = whosaid::EncodePartial(p);
  const Partial again = whosaid::DecodePartial(line);  // throws (→ crash) if refused
  FUZZ_CHECK(whosaid::EncodePartial(again) == line);
  const Partial spilled = whosaid::DecodeSpilledPartial(whosaid::EncodeSpilledPartial(p));
  FUZZ_CHECK(whosaid::EncodePartial(spilled) == line);
  FUZZ_CHECK(whosaid::DecodeNames(whosaid::EncodeNames(p.names)) == p.names);
}

// The spill decoders on bytes that are not theirs: refused or decoded.
void CheckSpillDecoders(std::string_view bytes) {
  try {
    (void)whosaid::DecodeSpilledPartial(bytes);
  } catch (const PartialError&) {
  }
  try {
    (void)whosaid::DecodeNames(bytes);
  } catch (const PartialError&) {
  }
  try {
    (void)whosaid::DecodeEvents(bytes);
  } catch (const PartialError&) {
  }
}

// Every line of the merge's output parses, inside its document's text.
void CheckOutput(const std::string& out, std::size_t records,
                 const std::vector<std::pair<std::string, std::size_t>>& lengths) {
  std::istringstream lines(out);
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    ++n;
    const auto rec = nlohmann::json::parse(line);  // throws (→ crash) on invalid JSON
    const auto& q = rec.at("quote");
    const auto start = q.at("start").get<std::size_t>(), end = q.at("end").get<std::size_t>();
    FUZZ_CHECK(start <= end);
    const std::string id = rec.at("doc").get<std::string>();
    bool inside = false;
    for (const auto& [doc, codepoints] : lengths) inside |= doc == id && end <= codepoints;
    FUZZ_CHECK(inside);
  }
  FUZZ_CHECK(n == records);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace whosaid;
  static const claims::ClaimsStage claims(
      [] {
        claims::ClaimsConfig ids_only;  // as extract and merge run it
        ids_only.details = false;
        return ids_only;
      }(),
      fuzz::Rules());
  const std::string_view input = fuzz::AsText(data, size);
  CheckSpillDecoders(input);

  std::vector<Partial> partials;
  std::set<std::pair<std::uint64_t, std::string>> seen;
  std::istringstream lines{std::string(input)};
  std::string line;
  while (std::getline(lines, line)) {
    CheckSpillDecoders(line);
    Partial p;
    try {
      p = DecodePartial(line);
    } catch (const PartialError&) {
      continue;
    }
    CheckRoundTrip(p);
    if (seen.emplace(p.ordinal, p.doc.id).second) partials.push_back(std::move(p));
  }
  if (partials.empty()) return 0;

  // The reduce, as `whosaid merge` runs it (cli/extract_merge.cpp).
  resolve::EntityResolver resolver(resolve::ResolverConfig{}, fuzz::Rules());
  run::CorpusStages stages;
  stages.entities = &resolver;
  stages.events = true;
  stages.claims = &claims;
  stages.entity_details = false;
  std::size_t records = 0;
  std::vector<std::pair<std::string, std::size_t>> lengths;
  run::CorpusRun run(stages);
  for (Partial& p : partials) {
    records += p.quotes.size();
    lengths.emplace_back(p.doc.id, p.codepoints);
    run.Add(std::move(p));
  }
  output::StringOutput out;
  auto sink = output::MakeSink(output::OutputFormat::kJsonl, out);
  run.Finish(*sink);
  CheckOutput(out.str(), records, lengths);
  return 0;
}
