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

// One batch as read: its documents, and the reader's diagnostics of each
// read step (reported with the batch, step by step, as they were read).
struct Batch {
  std::vector<Document> docs;
  std::vector<std::vector<Diagnostic>> diagnostics;
};

// Reads the next batch. `report`: diagnostics go straight to the observer
// (and reading stops once it says stop); else they wait in the batch
// (ReportRead), so that a batch read ahead reports after the one before.
Batch ReadBatch(ingest::DocumentSource& source, RunObserver& observer, const RunConfig& config,
                bool report) {
  Batch batch;
  std::size_t bytes = 0;
  std::vector<Diagnostic> diagnostics;
  Document doc;
  while (batch.docs.size() < config.batch_docs && bytes < config.batch_bytes) {
    bool got = source.Next(doc, diagnostics);
    if (report) {
      observer.Report(diagnostics);
      diagnostics.clear();
      if (!got || observer.stop()) break;
    } else {
      batch.diagnostics.push_back(std::move(diagnostics));
      diagnostics.clear();
      if (!got) break;
    }
    bytes += doc.text.size();
    batch.docs.push_back(std::move(doc));
  }
  return batch;
}

// A batch read ahead: its reader diagnostics, step by step, as ReadBatch
// would have reported them; the documents after a stop are dropped.
void ReportRead(Batch& batch, RunObserver& observer) {
  for (std::size_t i = 0; i < batch.diagnostics.size(); ++i) {
    observer.Report(batch.diagnostics[i]);
    if (observer.stop()) {
      batch.docs.resize(std::min(batch.docs.size(), i));
      break;
    }
  }
  batch.diagnostics.clear();
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
                                 const std::vector<Document>& batch, const RunConfig& config,
                                 std::uint64_t first) {
  const unsigned threads = config.threads;
  std::vector<Mapped> out(batch.size());
  std::vector<std::exception_ptr> errors(batch.size());
  std::atomic<std::size_t> next{0};
  parallel::RunWorkers(std::min<std::size_t>(threads, batch.size()), [&](std::size_t) {
    for (std::size_t i; (i = next.fetch_add(1)) < batch.size();) {
      try {
        out[i].result = pipeline.Run(batch[i]);
        if (names) {
          out[i].partial = MakePartial(batch[i], std::move(out[i].result), *names, first + i);
          if (config.prepare) config.prepare(out[i].partial);
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
// With two or more threads, three batches are in flight: while the workers
// process the next batch, the calling thread consumes this one (the
// consumer — the corpus run's Add, spilling — no longer waits for the
// workers, nor they for it) and then reads the batch after next (reading
// and parsing the input, JSON Lines records, is no longer a serial step
// between batches). A batch read ahead reports its reader diagnostics just
// before it is consumed (ReportRead), so the order of everything the
// consumer and the observer see is the same as with one thread.
RunStats Run(ingest::DocumentSource& source, const Pipeline& pipeline,
             const resolve::EntityResolver* names, const DocConsumer& consume_doc,
             const PartialConsumer& consume_partial, RunObserver& observer,
             const RunConfig& config) {
  RunStats stats;
  const bool ahead = config.threads > 1;
  // Consumes a processed batch in order; false when the observer stopped.
  auto consume = [&](std::vector<Document>& batch, std::vector<Mapped>& mapped) {
    for (std::size_t i = 0; i < batch.size(); ++i) {
      observer.Report(mapped[i].result.diagnostics);
      if (observer.stop()) return false;
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
    return true;
  };
  std::uint64_t read = 0;  // documents read and processed
  Batch batch = ReadBatch(source, observer, config, true);
  if (observer.stop() || batch.docs.empty()) return stats;
  // ahead: the next batch, read while this one is processed (its
  // diagnostics not yet reported)
  std::vector<Mapped> mapped;
  Batch next;
  if (ahead) {
    parallel::RunWorkers(2, [&](std::size_t k) {
      if (k == 0)
        next = ReadBatch(source, observer, config, false);
      else
        mapped = ProcessBatch(pipeline, names, batch.docs, config, config.first_ordinal);
    });
  } else {
    mapped = ProcessBatch(pipeline, names, batch.docs, config, config.first_ordinal);
  }
  read += batch.docs.size();
  for (;;) {
    std::vector<Mapped> next_mapped;
    bool go = true;
    if (ahead) {
      Batch after;
      parallel::RunWorkers(2, [&](std::size_t k) {
        if (k == 0) {
          go = consume(batch.docs, mapped);
          if (go && !next.docs.empty()) after = ReadBatch(source, observer, config, false);
        } else if (!next.docs.empty()) {
          next_mapped =
              ProcessBatch(pipeline, names, next.docs, config, config.first_ordinal + read);
        }
      });
      if (!go) return stats;
      ReportRead(next, observer);
      next_mapped.resize(next.docs.size());  // (documents after a stop dropped)
      if (observer.stop() || next.docs.empty()) break;
      read += next.docs.size();
      batch = std::move(next);
      mapped = std::move(next_mapped);
      next = std::move(after);
    } else {
      if (!consume(batch.docs, mapped)) return stats;
      Batch fresh = ReadBatch(source, observer, config, true);
      if (!observer.stop() && !fresh.docs.empty())
        next_mapped =
            ProcessBatch(pipeline, names, fresh.docs, config, config.first_ordinal + read);
      if (observer.stop() || fresh.docs.empty()) break;
      read += fresh.docs.size();
      batch = std::move(fresh);
      mapped = std::move(next_mapped);
    }
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
