#include "run/runner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <string>
#include <vector>

#include "core/parallel.h"
#include "run/partial_map.h"

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

// One document's result, and its Partial when the run maps.
struct Mapped {
  DocResult result;
  Partial partial;
};

// Runs the pipeline (and with `names`, the map step) on every document of
// the batch, on up to `threads` threads (core/parallel.h); a document whose
// run throws gets an error and no records. Document i's ordinal is first + i.
std::vector<Mapped> ProcessBatch(const Pipeline& pipeline, const resolve::EntityResolver* names,
                                 const std::vector<Document>& batch, unsigned threads,
                                 std::uint64_t first) {
  std::vector<Mapped> out(batch.size());
  std::vector<std::exception_ptr> errors(batch.size());
  std::atomic<std::size_t> next{0};
  parallel::RunWorkers(std::min<std::size_t>(threads, batch.size()), [&](std::size_t) {
    for (std::size_t i; (i = next.fetch_add(1)) < batch.size();) {
      try {
        out[i].result = pipeline.Run(batch[i]);
        if (names) {
          out[i].partial = MakePartial(batch[i], std::move(out[i].result), *names, first + i);
        }
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  });
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!errors[i]) continue;
    out[i].result = DocResult{};
    out[i].result.diagnostics.push_back(Failed(batch[i], errors[i]));
    if (names) out[i].partial = MakePartial(batch[i], DocResult{}, *names, first + i);
  }
  return out;
}

// RunPipeline and RunMap: `names` null → consume_doc, else consume_partial.
RunStats Run(ingest::DocumentSource& source, const Pipeline& pipeline,
             const resolve::EntityResolver* names, const DocConsumer& consume_doc,
             const PartialConsumer& consume_partial, RunObserver& observer,
             const RunConfig& config) {
  RunStats stats;
  for (;;) {
    std::vector<Document> batch = ReadBatch(source, observer, config);
    if (observer.stop() || batch.empty()) break;
    std::vector<Mapped> mapped =
        ProcessBatch(pipeline, names, batch, config.threads, config.first_ordinal + stats.docs);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      observer.Report(mapped[i].result.diagnostics);
      if (observer.stop()) return stats;
      ++stats.docs;
      stats.bytes += batch[i].text.size();
      if (names) {
        stats.quotes += mapped[i].partial.quotes.size();
        consume_partial(std::move(mapped[i].partial));
      } else {
        stats.quotes += mapped[i].result.quotes.size();
        consume_doc(std::move(batch[i]), std::move(mapped[i].result));
      }
    }
    observer.Progress(stats.docs, stats.bytes);
  }
  return stats;
}

}  // namespace

RunStats RunPipeline(ingest::DocumentSource& source, const Pipeline& pipeline,
                     const DocConsumer& consume, RunObserver& observer, const RunConfig& config) {
  return Run(source, pipeline, nullptr, consume, {}, observer, config);
}

RunStats RunMap(ingest::DocumentSource& source, const Pipeline& pipeline,
                const resolve::EntityResolver& names, const PartialConsumer& consume,
                RunObserver& observer, const RunConfig& config) {
  return Run(source, pipeline, &names, {}, consume, observer, config);
}

}  // namespace whosaid::run
