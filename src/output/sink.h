// whosaid::output::Sink — where a run's results go. The runner
// (run/corpus_run.h) writes through this interface and never knows the
// format; each output (JSON Lines, a table for people, entities, the
// spelling report, events, the claims feed, later SQLite) is one
// implementation in output/, and a new output is one more file here.
//
// Lifecycle: Begin() once; Write() once per document, in input order, with
// the run-wide ids already applied to its records (speaker entities and
// canonical names, events, statements); End(corpus) once, with what the
// corpus-level stages found across all documents (core/corpus_result.h).
// Each call may throw WriteError (output_stream.h). A sink that keeps
// documents until End() overrides Take() to move rather than copy; by
// default Take() is Write(). A run that stops early (--on-error fail) never
// calls End().
//
// A sink whose Write() only appends text made from the document alone says
// so (Renders() is true): the runner then calls Render() — const and
// thread-safe — for several documents at once on its worker threads, and
// Put() with each text in input order, instead of Write(); the bytes are
// the same.
//
// Example
//   whosaid::output::StringOutput out;
//   auto sink = whosaid::output::MakeSink(whosaid::output::OutputFormat::kJsonl, out);
//   sink->Begin();
//   sink->Write(doc, result);
//   sink->End(corpus);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/corpus_result.h"
#include "core/doc_result.h"
#include "core/document.h"
#include "output/output_stream.h"

namespace whosaid::output {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Begin() {}
  virtual void Write(const Document& doc, const DocResult& result) = 0;
  virtual void Take(Document doc, DocResult result) { Write(doc, result); }
  virtual bool Renders() const { return false; }
  virtual std::string Render(const Document& /*doc*/, const DocResult& /*result*/) const {
    return {};
  }
  virtual void Put(std::string_view /*text*/) {}
  virtual void End(const CorpusResult& /*corpus*/) {}
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
