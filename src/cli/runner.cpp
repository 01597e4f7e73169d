#include "cli/runner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace whosaid::cli {
namespace {

// Reads the next batch; reader diagnostics go straight to the reporter.
std::vector<Document> ReadBatch(ingest::DocumentSource& source, Reporter& reporter,
                                const RunConfig& config) {
  std::vector<Document> batch;
  std::size_t bytes = 0;
  std::vector<Diagnostic> diagnostics;
  Document doc;
  while (batch.size() < config.batch_docs && bytes < config.batch_bytes) {
    bool got = source.Next(doc, diagnostics);
    reporter.Report(diagnostics);
    diagnostics.clear();
    if (!got || reporter.stop()) break;
    bytes += doc.text.size();
    batch.push_back(std::move(doc));
  }
  return batch;
}

// Pipeline::Run, with any exception turned into an error on this document.
DocResult RunOne(const Pipeline& pipeline, const Document& doc) {
  try {
    return pipeline.Run(doc);
  } catch (const std::exception& e) {
    DocResult failed;
    failed.diagnostics.push_back({Diagnostic::Severity::kError, doc.source,
                                  std::string("internal error, document skipped: ") + e.what()});
    return failed;
  }
}

std::vector<DocResult> ProcessBatch(const Pipeline& pipeline, const std::vector<Document>& batch,
                                    unsigned threads) {
  std::vector<DocResult> results(batch.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < batch.size();) {
      results[i] = RunOne(pipeline, batch[i]);
    }
  };
  const std::size_t helpers = std::min<std::size_t>(threads, batch.size());
  std::vector<std::jthread> pool;
  for (std::size_t t = 1; t < helpers; ++t) pool.emplace_back(work);
  work();
  pool.clear();  // join before `results` is returned (moved)
  return results;
}

}  // namespace

RunStats RunPipeline(ingest::DocumentSource& source, const Pipeline& pipeline, output::Sink& sink,
                     Reporter& reporter, const RunConfig& config) {
  RunStats stats;
  sink.Begin();
  for (;;) {
    std::vector<Document> batch = ReadBatch(source, reporter, config);
    if (reporter.stop() || batch.empty()) break;
    std::vector<DocResult> results = ProcessBatch(pipeline, batch, config.threads);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      reporter.Report(results[i].diagnostics);
      if (reporter.stop()) return stats;
      ++stats.docs;
      stats.bytes += batch[i].text.size();
      stats.quotes += results[i].quotes.size();
      sink.Take(std::move(batch[i]), std::move(results[i]));  // a keeping sink moves, not copies
    }
    reporter.Progress(stats.docs, stats.bytes);
  }
  if (!reporter.stop()) sink.End();
  return stats;
}

}  // namespace whosaid::cli
