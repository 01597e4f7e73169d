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
// a batch, each thread taking the next document when it is free; a
// document whose run throws gets an error and no records. Document i's
// ordinal is first + i. Map() works on the calling thread and up to
// config.threads - 1 threads made for the batch (core/parallel.h,
// RunWorkers); Start() and Take() on a Pool's threads while the caller
// does something else.
class BatchMapper {
 public:
  BatchMapper(const Pipeline& pipeline, const resolve::EntityResolver* names,
              const RunConfig& config)
      : pipeline_(pipeline), names_(names), config_(config) {}

  std::vector<Mapped> Map(const std::vector<Document>& batch, std::uint64_t first) {
    Begin(batch, first);
    parallel::RunWorkers(std::min<std::size_t>(config_.threads, batch.size()), task_);
    return Collect();
  }
  void Start(parallel::Pool& pool, const std::vector<Document>& batch, std::uint64_t first) {
    Begin(batch, first);
    pool.Start(task_);
  }
  std::vector<Mapped> Take(parallel::Pool& pool) {
    pool.Wait();
    return Collect();
  }

 private:
  struct Task {
    BatchMapper* self;
    void operator()(std::size_t) const { self->Work(); }
  };

  void Begin(const std::vector<Document>& batch, std::uint64_t first) {
    batch_ = &batch;
    first_ = first;
    out_.assign(batch.size(), Mapped());
    errors_.assign(batch.size(), nullptr);
    next_.store(0);
  }
  void Work() {
    const std::vector<Document>& batch = *batch_;
    for (std::size_t i; (i = next_.fetch_add(1)) < batch.size();) {
      try {
        out_[i].result = pipeline_.Run(batch[i]);
        if (names_) {
          out_[i].partial = MakePartial(batch[i], std::move(out_[i].result), *names_, first_ + i);
          if (config_.prepare) config_.prepare(out_[i].partial);
        }
      } catch (...) {
        errors_[i] = std::current_exception();
      }
    }
  }
  std::vector<Mapped> Collect() {
    const std::vector<Document>& batch = *batch_;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!errors_[i]) continue;
      out_[i].result = DocResult{};
      out_[i].result.diagnostics.push_back(Failed(batch[i], errors_[i]));
      if (names_) out_[i].partial = MakePartial(batch[i], DocResult{}, *names_, first_ + i);
    }
    errors_.clear();
    return std::move(out_);
  }

  const Pipeline& pipeline_;
  const resolve::EntityResolver* names_;
  const RunConfig& config_;
  const std::vector<Document>* batch_ = nullptr;
  std::uint64_t first_ = 0;
  std::vector<Mapped> out_;
  std::vector<std::exception_ptr> errors_;
  std::atomic<std::size_t> next_{0};
  Task task_{this};
};

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
  BatchMapper mapper(pipeline, names, config);
  if (!ahead) {
    std::vector<Mapped> mapped = mapper.Map(batch.docs, config.first_ordinal);
    read += batch.docs.size();
    for (;;) {
      if (!consume(batch.docs, mapped)) return stats;
      Batch fresh = ReadBatch(source, observer, config, true);
      if (observer.stop() || fresh.docs.empty()) break;
      mapped = mapper.Map(fresh.docs, config.first_ordinal + read);
      read += fresh.docs.size();
      batch = std::move(fresh);
    }
    return stats;
  }
  // ahead: the pool's threads map the next batch while this thread
  // consumes this one and reads the one after (its diagnostics not yet
  // reported); the same threads for the whole run
  parallel::Pool pool(config.threads);
  // `work` runs while the pool maps; the pool is waited for even when it throws
  auto beside = [&](auto&& work) {
    try {
      work();
    } catch (...) {
      try {
        pool.Wait();
      } catch (...) {
        // the caller's exception goes first (as RunWorkers' lowest share would)
      }
      throw;
    }
    return mapper.Take(pool);
  };
  mapper.Start(pool, batch.docs, config.first_ordinal);
  Batch next;
  std::vector<Mapped> mapped = beside([&] { next = ReadBatch(source, observer, config, false); });
  read += batch.docs.size();
  for (;;) {
    bool go = true;
    Batch after;
    mapper.Start(pool, next.docs, config.first_ordinal + read);
    std::vector<Mapped> next_mapped = beside([&] {
      go = consume(batch.docs, mapped);
      if (go && !next.docs.empty()) after = ReadBatch(source, observer, config, false);
    });
    if (!go) return stats;
    ReportRead(next, observer);
    next_mapped.resize(next.docs.size());  // (documents after a stop dropped)
    if (observer.stop() || next.docs.empty()) break;
    read += next.docs.size();
    batch = std::move(next);
    mapped = std::move(next_mapped);
    next = std::move(after);
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
