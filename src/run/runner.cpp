#include "run/runner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <string>
#include <vector>

#include "core/parallel.h"

namespace whosaid::run {
namespace {

// Reads the next batch; reader diagnostics go straight to the observer.
std::vector<Document> ReadBatch(ingest::DocumentSource& source, RunObserver& observer,
                                const RunConfig& config) {
  std::vector<Document> batch;
  std::size_t bytes = 0;
  std::vector<Diagnostic> diagnostics;
  Document doc;
  while (batch.size() < config.batch_docs && bytes < config.batch_bytes) {
    bool got = source.Next(doc, diagnostics);
    observer.Report(diagnostics);
    diagnostics.clear();
    if (!got || observer.stop()) break;
    bytes += doc.text.size();
    batch.push_back(std::move(doc));
  }
  return batch;
}

// The error a document gets when Pipeline::Run threw on it. Built on the
// calling thread, after the workers joined: a worker's catch only stores the
// exception (no allocation there, so std::bad_alloc cannot escape it).
Diagnostic Failed(const Document& doc, const std::exception_ptr& error) {
  std::string what = "unknown exception";
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  return {Diagnostic::Severity::kError, doc.source, "internal error, document skipped: " + what};
}

// Runs the pipeline on every document of the batch, on up to `threads`
// threads (core/parallel.h); a document whose run throws gets an error and
// no records.
std::vector<DocResult> ProcessBatch(const Pipeline& pipeline, const std::vector<Document>& batch,
                                    unsigned threads) {
  std::vector<DocResult> results(batch.size());
  std::vector<std::exception_ptr> errors(batch.size());
  std::atomic<std::size_t> next{0};
  parallel::RunWorkers(std::min<std::size_t>(threads, batch.size()), [&](std::size_t) {
    for (std::size_t i; (i = next.fetch_add(1)) < batch.size();) {
      try {
        results[i] = pipeline.Run(batch[i]);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  });
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (errors[i]) results[i].diagnostics.push_back(Failed(batch[i], errors[i]));
  }
  return results;
}

}  // namespace

RunStats RunPipeline(ingest::DocumentSource& source, const Pipeline& pipeline,
                     const DocConsumer& consume, RunObserver& observer, const RunConfig& config) {
  RunStats stats;
  for (;;) {
    std::vector<Document> batch = ReadBatch(source, observer, config);
    if (observer.stop() || batch.empty()) break;
    std::vector<DocResult> results = ProcessBatch(pipeline, batch, config.threads);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      observer.Report(results[i].diagnostics);
      if (observer.stop()) return stats;
      ++stats.docs;
      stats.bytes += batch[i].text.size();
      stats.quotes += results[i].quotes.size();
      consume(std::move(batch[i]), std::move(results[i]));
    }
    observer.Progress(stats.docs, stats.bytes);
  }
  return stats;
}

}  // namespace whosaid::run
