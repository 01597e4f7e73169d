// whosaid::output::Sink — where per-document results go. The pipeline and the
// CLI's runner write through this interface and never know the format; each
// format (JSON Lines, a table for people, later SQLite and reports) is one
// implementation.
//
// Lifecycle: Begin() once, Write() once per document in input order, End()
// once. Each call may throw WriteError (output_stream.h). A sink that keeps
// results until the end (the corpus-level stages) hands them on with Take(),
// which a keeping sink overrides to move rather than copy; by default Take()
// is Write().
//
// Example
//   whosaid::output::StringOutput out;
//   auto sink = whosaid::output::MakeSink(whosaid::output::OutputFormat::kJsonl, out);
//   sink->Begin();
//   sink->Write(doc, pipeline.Run(doc));
//   sink->End();
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "core/document.h"
#include "output/output_stream.h"
#include "pipeline/pipeline.h"

namespace whosaid::output {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Begin() {}
  virtual void Write(const Document& doc, const DocResult& result) = 0;
  virtual void Take(Document doc, DocResult result) { Write(doc, result); }
  virtual void End() {}
};

enum class OutputFormat {
  kJsonl,  // one JSON object per quote (docs/output.md)
  kTable,  // a fixed-width table for people
};

// Parses "jsonl" or "table"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

// The sink for `format`, writing to `out` (which must outlive it).
// `explain` adds to each JSON record the "rule" (attribution frame) it rests on.
std::unique_ptr<Sink> MakeSink(OutputFormat format, OutputStream& out, bool explain = false);

}  // namespace whosaid::output
