// whosaid::run::RunPipeline — streams documents from a source through the
// per-document pipeline on N threads and hands the results, in input order,
// to a consumer (the corpus run, run/corpus_run.h, is the usual one).
//
// How: documents are read in batches (at most RunConfig::batch_docs documents
// or batch_bytes bytes, whichever comes first, and always at least one), each
// batch is processed by up to `threads` threads, then written in order
// (with two or more threads, the next batch is processed while this one is
// consumed and the one after is read). So memory stays bounded by three
// batches whatever the corpus size, and the output is byte-identical for
// every thread count.
//
// Errors: reader and pipeline diagnostics go to the RunObserver (reader ones
// as they are read, a document's own with its result). A document whose
// processing throws gets an error naming it and no records; the others go
// on. The run stops early when RunObserver::stop() (--on-error fail).
// Exceptions the consumer throws (an output's WriteError) propagate to the
// caller. The library prints nothing: the CLI's Reporter (cli/reporter.h)
// is the observer that does.
//
// RunMap is the same with the map step (partial_map.h) on the worker
// threads too: the consumer gets each document's Partial, numbered from
// RunConfig::first_ordinal in input order.
//
// Example
//   RunStats stats = RunPipeline(reader, pipeline, consume, observer, {.threads = 4});
//   RunMap(reader, pipeline, resolver, [&](Partial&& p) { run.Add(std::move(p)); }, observer, {});
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/diagnostic.h"
#include "core/partial.h"
#include "ingest/source.h"
#include "pipeline/pipeline.h"
#include "resolve/entity_resolver.h"

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
  std::uint64_t first_ordinal = 0;                  // RunMap: the first document's ordinal
  // RunMap: called on each partial on the worker thread that made it, right
  // after the map step (must be thread-safe; may set Partial::prepared).
  std::function<void(Partial&)> prepare = nullptr;
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

// Gets each document's Partial, in input order.
using PartialConsumer = std::function<void(Partial&& partial)>;

// RunPipeline, then MakePartial (`names` makes the name inputs) on the
// worker threads.
RunStats RunMap(ingest::DocumentSource& source, const Pipeline& pipeline,
                const resolve::EntityResolver& names, const PartialConsumer& consume,
                RunObserver& observer, const RunConfig& config);

}  // namespace whosaid::run
