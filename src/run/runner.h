// whosaid::run::RunPipeline — streams documents from a source through the
// per-document pipeline on N threads and hands the results, in input order,
// to a consumer (the corpus run, run/corpus_run.h, is the usual one).
//
// How: documents are read in batches (at most RunConfig::batch_docs documents
// or batch_bytes bytes, whichever comes first, and always at least one), each
// batch is processed by up to `threads` threads, then written in order. So
// memory stays bounded by one batch whatever the corpus size, and the output
// is byte-identical for every thread count.
//
// Errors: reader and pipeline diagnostics go to the RunObserver (reader ones
// as they are read, a document's own with its result). A document whose
// processing throws gets an error naming it and no records; the others go
// on. The run stops early when RunObserver::stop() (--on-error fail).
// Exceptions the consumer throws (an output's WriteError) propagate to the
// caller. The library prints nothing: the CLI's Reporter (cli/reporter.h)
// is the observer that does.
//
// Example
//   RunStats stats = RunPipeline(reader, pipeline, consume, observer, {.threads = 4});
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "core/diagnostic.h"
#include "ingest/source.h"
#include "pipeline/pipeline.h"

namespace whosaid::run {

// Who hears about a run's problems and progress, and decides when it stops.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void Report(const std::vector<Diagnostic>& diagnostics) = 0;
  // True once the run must stop (the first error under --on-error fail).
  virtual bool stop() const = 0;
  virtual void Progress(std::size_t docs, std::size_t bytes) { (void)docs, (void)bytes; }
};

struct RunConfig {
  unsigned threads = 1;                             // worker threads (>= 1)
  std::size_t batch_docs = 256;                     // documents per batch
  std::size_t batch_bytes = std::size_t{64} << 20;  // text bytes per batch
};

struct RunStats {
  std::size_t docs = 0;    // documents read and processed
  std::size_t bytes = 0;   // their text bytes
  std::size_t quotes = 0;  // records written
};

// Gets each document with its result, in input order (moved: it may keep them).
using DocConsumer = std::function<void(Document&& doc, DocResult&& result)>;

// Calls `consume` once per document, in input order, until the source ends
// or the observer says stop.
RunStats RunPipeline(ingest::DocumentSource& source, const Pipeline& pipeline,
                     const DocConsumer& consume, RunObserver& observer, const RunConfig& config);

}  // namespace whosaid::run
