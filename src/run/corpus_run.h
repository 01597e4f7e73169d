// whosaid::run::CorpusRun, RunCorpus — a whole run: documents through the
// per-document pipeline (runner.h), then the corpus-level stages over all of
// them, then the output.
//
//   per document, in input order   CorpusRun::Add: the entity stage takes its
//                                  names (resolve/entity_resolver.h); the
//                                  document is kept, without its text when it
//                                  has no quote records or figures, with only
//                                  its records, events and figures
//   once, at the end               CorpusRun::Finish:
//     1. entities  one entity per person or organisation across the run;
//                  every record gets its speaker's id and canonical name
//     2. events    (CorpusStages::events) one id per event across the run
//                  (events/cluster.h); every record gets its event
//     3. claims    (CorpusStages::claims) statements and figure lines
//                  (claims/claims_stage.h); every record gets its statement
//     4. spelling  (CorpusStages::spelling) the spelling report
//     5. output    sink.Begin(), Take() per kept document in input order,
//                  sink.End(corpus) (output/sink.h)
// The sink never sees a stage and the stages never see a format: every
// command is a choice of stages and one sink.
//
// Memory: the kept documents (records, and the texts of documents with
// records) stay until the end, so a run needs about as much memory as its
// quoted text; shard very large archives into several runs.
//
// Example
//   resolve::EntityResolver resolver(resolve::ResolverConfig{}, *rules);
//   run::CorpusStages stages;
//   stages.entities = &resolver;
//   stages.events = true;
//   output::JsonlSink sink(out);
//   run::RunCorpus(reader, pipeline, stages, sink, reporter, {.threads = 4});
#pragma once

#include <vector>

#include "claims/claims_stage.h"
#include "core/corpus_result.h"
#include "events/cluster.h"
#include "output/sink.h"
#include "resolve/entity_resolver.h"
#include "resolve/spelling_report.h"
#include "run/runner.h"

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
};

class CorpusRun {
 public:
  // `stages` (and what it points to) must outlive the run.
  explicit CorpusRun(const CorpusStages& stages) : stages_(stages) {}

  void Add(Document doc, DocResult result);
  // Runs the corpus stages and writes everything to `sink` (see above).
  void Finish(output::Sink& sink);

 private:
  struct Kept {
    Document doc;
    DocResult result;
  };
  CorpusResult Resolve();

  const CorpusStages& stages_;
  std::vector<Kept> kept_;
};

// RunPipeline into a CorpusRun, then Finish(sink) unless the observer
// stopped the run (then the sink gets nothing).
RunStats RunCorpus(ingest::DocumentSource& source, const Pipeline& pipeline,
                   const CorpusStages& stages, output::Sink& sink, RunObserver& observer,
                   const RunConfig& config);

}  // namespace whosaid::run
