// whosaid::cli::RunPipeline — streams documents from a source through the
// per-document pipeline on N threads and writes the results, in input order,
// to a sink.
//
// How: documents are read in batches (at most RunConfig::batch_docs documents
// or batch_bytes bytes, whichever comes first, and always at least one), each
// batch is processed by up to `threads` threads, then written in order. So
// memory stays bounded by one batch whatever the corpus size, and the output
// is byte-identical for every thread count.
//
// Errors: reader and pipeline diagnostics go to the Reporter (reader ones as
// they are read, a document's own with its result). A document whose
// processing throws gets an error naming it and no records; the others go
// on. The run stops early when Reporter::stop() (--on-error fail). Sink
// WriteErrors propagate to the caller.
//
// Example
//   RunStats stats = RunPipeline(reader, pipeline, *sink, reporter, {.threads = 4});
#pragma once

#include <cstddef>

#include "cli/reporter.h"
#include "ingest/source.h"
#include "output/sink.h"
#include "pipeline/pipeline.h"

namespace whosaid::cli {

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

// Calls sink.Begin(), Write() per document, End() (unless stopped early).
RunStats RunPipeline(ingest::DocumentSource& source, const Pipeline& pipeline, output::Sink& sink,
                     Reporter& reporter, const RunConfig& config);

}  // namespace whosaid::cli
