#include "run/runner.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
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
// would have reported them, until the observer says stop (then the run
// consumes none of its documents).
void ReportRead(Batch& batch, RunObserver& observer) {
  for (const std::vector<Diagnostic>& d : batch.diagnostics) {
    observer.Report(d);
    if (observer.stop()) break;
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
// RunWorkers).
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
    for (std::size_t i; (i = next_.fetch_add(1)) < batch.size();)
      MapOne(batch[i], first_ + i, out_[i], errors_[i]);
  }
  std::vector<Mapped> Collect() {
    const std::vector<Document>& batch = *batch_;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (errors_[i]) Fail(batch[i], first_ + i, errors_[i], out_[i]);
    }
    errors_.clear();
    return std::move(out_);
  }

 public:
  // Document `doc`'s result (and partial) into `out`, or its exception into
  // `error` (nothing thrown); Failed() then makes its error on the caller.
  void MapOne(const Document& doc, std::uint64_t ordinal, Mapped& out,
              std::exception_ptr& error) const noexcept {
    try {
      out.result = pipeline_.Run(doc);
      if (names_) {
        out.partial = MakePartial(doc, std::move(out.result), *names_, ordinal);
        if (config_.prepare) config_.prepare(out.partial);
      }
    } catch (...) {
      error = std::current_exception();  // no allocation: the exception is shared
    }
  }
  // A document whose MapOne failed: no records, its error.
  void Fail(const Document& doc, std::uint64_t ordinal, const std::exception_ptr& error,
            Mapped& out) const {
    out.result = DocResult{};
    out.result.diagnostics.push_back(Failed(doc, error));
    if (names_) out.partial = MakePartial(doc, DocResult{}, *names_, ordinal);
  }

 private:
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

// The batches of a run with two or more threads, mapped as one stream:
// Push() queues a batch (kept here until Take() returns it), and
// `threads` threads working for it as long as it lives, each
// take the oldest document not yet taken, of whichever batch is queued, so
// that no thread waits at the end of a batch while the next one is queued
// (a barrier per batch left a core idle while the other finished the
// batch's last document). Take() returns the oldest batch once every one of
// its documents is mapped, the calling thread mapping those not yet taken
// meanwhile — of that batch, then of the next ones: it waits only when every
// queued document is taken, not while another thread finishes the batch's
// last one (so a batch is mapped even when no thread could be started). A
// document's result depends on the document and its ordinal only (MapOne),
// not on the thread that made it. Its threads are the process's kept
// threads (core/parallel.h), back among the idle ones when it ends: the
// corpus stage's parallel steps then run on threads that mapped (their
// thread-local memos and allocator caches made), not on fresh ones.
class StreamMapper {
 public:
  struct Done {
    std::vector<Document> docs;
    std::vector<Mapped> mapped;
  };

  explicit StreamMapper(const BatchMapper& mapper, unsigned threads) : mapper_(mapper) {
    try {
      for (unsigned k = 0; k < threads; ++k) {
        std::function<void()> job = [this]() noexcept {
          try {
            Loop();
          } catch (...) {
            // (a lock that failed: Take() maps what this thread would have)
          }
          std::lock_guard<std::mutex> lock(mutex_);
          if (--running_ == 0) stopped_.notify_all();
        };
        {
          std::lock_guard<std::mutex> lock(mutex_);
          ++running_;
        }
        bool started = false;
        try {
          started = parallel::detail::RunOnKeptThread(job);
        } catch (...) {
          // (no memory for the pool itself: as no thread)
        }
        if (!started) {
          std::lock_guard<std::mutex> lock(mutex_);
          --running_;
          break;
        }
      }
    } catch (...) {
      // No more threads (a resource limit): Take() maps what they would have.
    }
  }
  ~StreamMapper() {
    std::unique_lock<std::mutex> lock(mutex_);
    stop_ = true;
    work_.notify_all();
    stopped_.wait(lock, [this] { return running_ == 0; });
  }
  StreamMapper(const StreamMapper&) = delete;
  StreamMapper& operator=(const StreamMapper&) = delete;

  // Queues `docs`, numbered from `first`.
  void Push(std::vector<Document>&& docs, std::uint64_t first) {
    auto job = std::make_unique<Job>();
    job->out.resize(docs.size());
    job->errors.resize(docs.size());
    job->docs = std::move(docs);
    job->first = first;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    work_.notify_all();
  }
  // The oldest batch queued (there must be one), every document mapped.
  Done Take() {
    std::unique_lock<std::mutex> lock(mutex_);
    Job& job = *jobs_.front();
    while (job.done < job.docs.size()) {
      if (Job* open = Open()) {  // this batch's first, then the next one's
        Run(lock, *open, open->next++);
      } else {
        done_.wait(lock, [&job] { return job.done == job.docs.size(); });
      }
    }
    std::unique_ptr<Job> taken = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    for (std::size_t i = 0; i < taken->docs.size(); ++i) {
      if (taken->errors[i])
        mapper_.Fail(taken->docs[i], taken->first + i, taken->errors[i], taken->out[i]);
    }
    return {std::move(taken->docs), std::move(taken->out)};
  }

 private:
  struct Job {
    std::vector<Document> docs;
    std::uint64_t first = 0;
    std::vector<Mapped> out;
    std::vector<std::exception_ptr> errors;
    std::size_t next = 0;  // documents taken by a thread
    std::size_t done = 0;  // documents mapped
  };

  // Maps document i of `job` with the lock released (a job stays queued
  // until all its documents are done, so `job` outlives the call).
  void Run(std::unique_lock<std::mutex>& lock, Job& job, std::size_t i) {
    lock.unlock();
    mapper_.MapOne(job.docs[i], job.first + i, job.out[i], job.errors[i]);
    lock.lock();
    if (++job.done == job.docs.size()) done_.notify_all();
  }
  // The oldest job with a document not yet taken, or null.
  Job* Open() {
    for (auto& job : jobs_) {
      if (job->next < job->docs.size()) return job.get();
    }
    return nullptr;
  }
  void Loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      Job* job = nullptr;
      work_.wait(lock, [&] { return stop_ || (job = Open()) != nullptr; });
      if (stop_) return;
      Run(lock, *job, job->next++);
    }
  }

  const BatchMapper& mapper_;
  std::mutex mutex_;
  std::condition_variable work_, done_;
  std::deque<std::unique_ptr<Job>> jobs_;  // oldest first
  std::condition_variable stopped_;        // running_ fell to 0
  unsigned running_ = 0;                   // loops on kept threads not yet returned
  bool stop_ = false;
};

// RunPipeline and RunMap: `names` null → consume_doc, else consume_partial.
// With two or more threads, three batches are in flight: while the
// workers (StreamMapper) process the next two batches, the calling thread
// consumes this one (the consumer — the corpus run's Add, spilling — no
// longer waits for the workers, nor they for it) and then reads the batch
// after next and queues it (reading and parsing the input, JSON Lines
// records, is no longer a serial step between batches, and no worker waits
// at a batch's end). A batch read ahead reports its reader diagnostics just
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
  // ahead: the mapper's threads map the next batches while this thread
  // consumes this one and reads the one after (its diagnostics not yet
  // reported), then maps beside them in Take(); the same threads for the
  // whole run. threads - 1 of them, so that `threads` threads work: with as
  // many as the cores plus this one, three threads shared two cores in
  // turn (x11, two threads: 7.72-9.02 s wall against 8.31-9.27, less CPU).
  StreamMapper stream(mapper, config.threads - 1);
  // Queues a batch read (its documents go to the stream); its size.
  auto push = [&](Batch& b) {
    const std::size_t n = b.docs.size();
    if (n > 0) stream.Push(std::move(b.docs), config.first_ordinal + read);
    read += n;
    return n;
  };
  push(batch);
  Batch next = ReadBatch(source, observer, config, false);
  std::size_t queued = push(next);
  for (;;) {
    StreamMapper::Done done = stream.Take();
    if (!consume(done.docs, done.mapped)) return stats;
    Batch after;
    std::size_t after_queued = 0;
    if (queued > 0) {
      after = ReadBatch(source, observer, config, false);
      after_queued = push(after);
    }
    ReportRead(next, observer);
    if (observer.stop() || queued == 0) break;
    next = std::move(after);
    queued = after_queued;
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
