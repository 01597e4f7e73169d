// whosaid::run::CorpusRun, RunCorpus — a whole run as a map and a reduce:
// documents through the per-document pipeline and the map step (runner.h,
// partial_map.h) into Partials (core/partial.h), then the corpus-level
// stages over all of them, then the output.
//
//   per document   CorpusRun::Add(Partial): kept (without its records,
//                  events and figures when CorpusStages::keep_documents is
//                  false); partials may come in any order and from any
//                  number of runs: Merge(other) takes another run's
//   once, at the end   CorpusRun::Finish, over the partials in input order
//                  (core/partial.h, InputOrder: ordinal, then document id):
//     1. entities  one entity per person or organisation across the run
//                  (resolve/entity_resolver.h, from each partial's name
//                  inputs); every record gets its speaker's id and name
//     2. events    (CorpusStages::events) one id per event across the run
//                  (events/cluster.h); every record gets its event
//     3. claims    (CorpusStages::claims) statements and figure lines
//                  (claims/claims_stage.h); every record gets its statement
//     4. spelling  (CorpusStages::spelling) the spelling report
//     5. output    sink.Begin(), Take() per partial in input order (its
//                  Skeleton: the text under its spans at their offsets),
//                  sink.End(corpus) (output/sink.h); a sink that Renders()
//                  gets Put(Render()) instead, rendered on the run's threads
// So one process (`whosaid extract`), or any number of mappers whose
// partials one `whosaid merge` adds, give the same bytes. The sink never sees
// a stage and the stages never see a format: every command is a choice of
// stages and one sink.
//
// Memory: per document, its name inputs, its events, the claims stage's
// summary of it (ClaimsStage::Summarize as it comes: terms, no text) with
// its records without text, and the rest of its partial (records, text
// pieces, figures) stay in memory up to CorpusStages::memory_budget,
// beyond which they are spilled to anonymous temporary files (one for each
// kind) and read back: the summaries in input order when the statement
// items are made (a spilled one's item features then go to another spill file, read by
// the grouping per pass and speaker block: claims/statements.h,
// FeatureSource), the name inputs into the entity
// stage (EntityResolver::Note as each partial comes, Fold in input order at
// the end: it keeps the distinct names, not the inputs), the events into
// the event stage (all at once for the clustering, then dropped) and again
// one at a time for the output, the partials for the output. No document's
// text is kept: each is rebuilt as a skeleton when written.
//
// Example
//   resolve::EntityResolver resolver(resolve::ResolverConfig{}, *rules);
//   run::CorpusStages stages;
//   stages.entities = &resolver;
//   stages.events = true;
//   output::JsonlSink sink(out);
//   run::RunCorpus(reader, pipeline, stages, sink, reporter, {.threads = 4});
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "claims/claims_stage.h"
#include "core/corpus_result.h"
#include "core/partial.h"
#include "events/cluster.h"
#include "output/sink.h"
#include "resolve/entity_resolver.h"
#include "resolve/spelling_report.h"
#include "run/runner.h"
#include "run/spill_file.h"

namespace whosaid::run {

struct CorpusStages {
  resolve::EntityResolver* entities = nullptr;  // required; must outlive the run
  // Give records run-wide event ids (and fill CorpusResult::events).
  bool events = false;
  events::ClusterConfig event_config;
  const claims::ClaimsStage* claims = nullptr;          // null: no statements
  const resolve::SpellingReporter* spelling = nullptr;  // null: no spelling report
  // False: no document is kept and the sink gets only Begin() and End()
  // (entities, spelling); events and claims need the documents.
  bool keep_documents = true;
  // False: the entity table's variants carry no documents or outlets and it
  // has no words (EntityResolver::KeepDetails; only the entities and
  // spelling reports read them).
  bool entity_details = true;
  // Partials held in memory (estimated bytes) before the run spills them,
  // and every later one, to a temporary file (run/spill_file.h). Spilling
  // early costs no time: the spill files stay in the page cache, and a run
  // in a smaller heap takes fewer page faults (PolNeAR train x11, one
  // thread: peak 155 MB at 64 MiB, 109 MB at 16 MiB, wall within noise).
  std::size_t memory_budget = std::size_t{16} << 20;
};

class CorpusRun {
 public:
  // `stages` (and what it points to) must outlive the run.
  explicit CorpusRun(const CorpusStages& stages) : stages_(stages) {}

  void Add(Partial partial);
  // The part of Add that needs no state of the run (the claims stage's
  // summary of the document), on any thread: RunCorpus has the worker
  // threads do it (RunConfig::prepare); Add does what was not done.
  void Prepare(Partial& partial) const;
  // Add(MakePartial(doc, result, …)) with the next ordinal of this run.
  void Add(Document doc, DocResult result);
  // Takes every partial of `other` (a run with the same stages).
  void Merge(CorpusRun&& other);
  // Runs the corpus stages and writes everything to `sink` (see above).
  void Finish(output::Sink& sink);
  // Threads Finish may use (>= 2: the event clustering beside the entity
  // stage, the entity stage's next batch of names read back and its short
  // forms decided beside the folding of this one (EntityResolver::
  // FoldBatches), the entity stage's memory released beside the claims
  // stage's first batches (EntityResolver::Clear), the claims stage's
  // per-document work (entities and events applied, statement items made,
  // a batch at a time; each batch appended in input order beside the next
  // one's work), the statement grouping and the output (each document read
  // back and rendered, output::Sink::Render, put in order:
  // parallel::ForEachInOrder) on that many threads; the output is the same
  // for any number).
  void SetThreads(unsigned threads) { threads_ = threads; }

 private:
  // What the claims stage needs of one document until the end.
  struct DocForClaims {
    claims::DocClaims summary;                        // ClaimsStage::Summarize
    DocResult result;                                 // its records (no text) and figures
    std::vector<std::pair<Span, Span>> figure_spans;  // its figures: compact → original
    claims::DocFigureInputs figure_inputs;            // once its result goes (figures alone)
    // Once the run spills, Prepare (on a worker) encodes the summary, its
    // records and figures (claims/summary_codec.h) and drops them: Add
    // only appends these bytes.
    bool encoded = false;
    std::string bytes;
    std::uint32_t records = 0;  // of the summary encoded
    // ... and the document's names, events and partial as Add would spill
    // them (EncodeNames, EncodeEvents, EncodePartial), the partial emptied
    // but for its names (Note reads them) and metadata.
    bool encoded_all = false;
    std::string names_bytes, events_bytes, partial_bytes;
  };
  // What the run keeps of one document until the end: small when all is
  // spilled (pointers, not values: a million documents are a million; 112
  // bytes each, where the grouping's peak is reached — its id and outlet
  // are kept apart, in keys_, and go after the entity stage's fold).
  struct Doc {
    // Where each kind of its records is in the run's spill files
    // (spills_[spill]): offsets and sizes apart, so that four slots take
    // 48 bytes, not 64.
    enum Kind : std::uint8_t { kNames, kEvents, kClaims, kPartial };
    SpillFile::Slot SlotOf(Kind kind) const { return {at[kind], size[kind]}; }
    void SetSlot(Kind kind, SpillFile::Slot slot);  // (throws over 4 GiB)

    std::uint64_t ordinal = 0;
    std::unique_ptr<PartialNames> names;        // for the entity stage, while held
    std::unique_ptr<events::DocEvents> events;  // for the event stage, while held
    std::shared_ptr<DocForClaims> claims;       // when claims run (Prepare), while held
    std::unique_ptr<Partial> held;              // the partial, until memory runs over budget
    std::uint64_t at[4] = {0, 0, 0, 0};         // else: each kind's slot (Slot)
    std::uint32_t size[4] = {0, 0, 0, 0};
    std::uint32_t spill = 0;           // which of spills_
    std::uint32_t claims_records = 0;  // records of its summary
    bool claims_spilled = false;       // else: its summary at SlotOf(kClaims)
  };
  static_assert(sizeof(void*) != 8 || sizeof(Doc) <= 112, "a Doc per document: keep it small");
  // A document's id and outlet, beside docs_ (same index) until the entity
  // stage's fold takes them.
  struct DocKey {
    std::string id, outlet;
  };
  // Prepare; with encode_all, once the run spills, also the document's
  // names, events and partial (DocForClaims::encoded_all).
  void Prepare(Partial& partial, bool encode_all) const;
  // Whether `bytes` more fit the memory budget (then counted as held);
  // else everything held is spilled, and so is all that comes later.
  bool Fits(std::size_t bytes);
  void Hold(Doc& doc, Partial&& partial);
  void HoldNames(Doc& doc, PartialNames&& names);
  void HoldEvents(Doc& doc, events::DocEvents&& events);
  void HoldClaims(Doc& doc, std::shared_ptr<DocForClaims>&& claims);
  void SpillClaims(Doc& doc, SpillFile& spill);
  void SpillHeld();
  Partial Take(Doc& doc);
  PartialNames TakeNames(Doc& doc);
  events::DocEvents TakeEvents(Doc& doc);
  CorpusResult Resolve();

  // A run's spill files: one for each kind of record. The run reads each
  // kind back in its own pass in input order (the names for the fold, the
  // events for the clustering and again with the claims, the summaries,
  // the partials for the output), so that each pass reads one file from
  // front to back and its read-ahead (SpillFile::Read) brings only what the
  // pass reads next: in one file for all four, each read-ahead brought the
  // other kinds' bytes too, and the run read the file about four times
  // over (x11, one thread: 9.8K reads of 64 KiB, 640 MB, for ~160 MB).
  struct Spills {
    SpillFile names, events, claims, partials;
    void Sync() {
      names.Sync();
      events.Sync();
      claims.Sync();
      partials.Sync();
    }
  };

  const CorpusStages& stages_;
  std::vector<Doc> docs_;
  std::vector<DocKey> keys_;                     // (empty once folded)
  std::vector<std::unique_ptr<Spills>> spills_;  // this run's, then those Merge() took
  std::size_t held_bytes_ = 0;
  std::atomic<bool> spilling_{false};  // spills_ made: Prepare encodes the summaries
  std::uint64_t next_ordinal_ = 0;
  unsigned threads_ = 1;
};

// RunMap into a CorpusRun, then Finish(sink) unless the observer stopped
// the run (then the sink gets nothing). Finish runs in 4 KiB pages only
// (core/allocator.h, SmallPages): what the corpus stage adds to the map's
// pages is never mapped in transparent huge pages.
RunStats RunCorpus(ingest::DocumentSource& source, const Pipeline& pipeline,
                   const CorpusStages& stages, output::Sink& sink, RunObserver& observer,
                   const RunConfig& config);

}  // namespace whosaid::run
