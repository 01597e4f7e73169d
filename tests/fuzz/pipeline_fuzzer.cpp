// Fuzz target: the whole per-document path on any bytes — the text reader's
// decoding and guards (ingest/text_document.h), Pipeline::Run, and both
// sinks (JSON Lines and table). When the first byte is odd, the pipeline
// reads the document in windows of 64 bytes (pipeline/windowed.h), as it
// reads documents over 1 MiB.
//
// Checks: every record's spans lie inside the text, non-empty quotes; every
// name mention (entities/mentions.h) lies inside the text on character
// boundaries, and an acronym and its expansion point at each other; every
// JSON line parses, and its quote text is the text between its offsets.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/corpus_result.h"
#include "core/text.h"
#include "fuzz_support.h"
#include "ingest/text_document.h"
#include "output/sink.h"
#include "pipeline/pipeline.h"

namespace {

using whosaid::Span;

void CheckSpan(std::string_view text, Span s) {
  FUZZ_CHECK(s.begin <= s.end && s.end <= text.size());
}

// The code points [start, end) of valid UTF-8 `text`, as UTF-8.
std::string Codepoints(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t i = 0, n = 0, from = text.size();
  while (i < text.size() && n < end) {
    if (n == start) from = i;
    whosaid::text::Next(text, i);
    ++n;
  }
  if (n == start) from = i;
  FUZZ_CHECK(n == end && from <= i);
  return std::string(text.substr(from, i - from));
}

void CheckJsonLines(const whosaid::Document& doc, const std::string& out, std::size_t records) {
  std::istringstream lines(out);
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    ++n;
    auto rec = nlohmann::json::parse(line);  // throws (→ crash) on invalid JSON
    const auto& q = rec.at("quote");
    auto start = q.at("start").get<std::size_t>(), end = q.at("end").get<std::size_t>();
    FUZZ_CHECK(start < end);
    FUZZ_CHECK(Codepoints(doc.text, start, end) == q.at("text").get<std::string>());
  }
  FUZZ_CHECK(n == records);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace whosaid;
  static const Pipeline whole(PipelineConfig{}, fuzz::Rules());
  static const Pipeline windowed(PipelineConfig{.trace = false, .window_bytes = 64}, fuzz::Rules());
  const Pipeline& pipeline = size > 0 && (data[0] & 1) ? windowed : whole;
  ingest::IngestConfig config;
  config.max_doc_bytes = 1 << 20;
  auto loaded = ingest::MakeTextDocument(fuzz::AsText(data, size), "fuzz", "fuzz.txt", config);
  if (!loaded.doc) return 0;
  const Document& doc = *loaded.doc;
  FUZZ_CHECK(!text::FirstInvalidUtf8(doc.text));

  const DocResult result = pipeline.Run(doc);
  for (const QuoteRecord& r : result.quotes) {
    CheckSpan(doc.text, r.quote);
    FUZZ_CHECK(!r.quote.empty());
    if (r.cue) CheckSpan(doc.text, *r.cue);
    if (r.speaker) CheckSpan(doc.text, r.speaker->mention);
  }
  for (std::size_t i = 0; i < result.names.size(); ++i) {
    const entities::NameMention& m = result.names[i];
    CheckSpan(doc.text, m.span);
    FUZZ_CHECK(fuzz::OnBoundary(doc.text, m.span.begin) && fuzz::OnBoundary(doc.text, m.span.end));
    FUZZ_CHECK(m.same_as >= -1 && m.same_as < static_cast<std::ptrdiff_t>(result.names.size()));
    if (m.same_as >= 0) {
      FUZZ_CHECK(result.names[static_cast<std::size_t>(m.same_as)].same_as ==
                 static_cast<std::ptrdiff_t>(i));
    }
  }
  output::StringOutput jsonl, table;
  for (auto [format, out] : {std::pair{output::OutputFormat::kJsonl, &jsonl},
                             std::pair{output::OutputFormat::kTable, &table}}) {
    auto sink = output::MakeSink(format, *out, /*explain=*/true);
    sink->Begin();
    sink->Write(doc, result);
    sink->End(CorpusResult{});  // one document: no corpus stage ran
  }
  CheckJsonLines(doc, jsonl.str(), result.quotes.size());
  return 0;
}
