#include "run/corpus_run.h"

#include <utility>

namespace whosaid::run {

void CorpusRun::Add(Document doc, DocResult result) {
  stages_.entities->Add(doc, result);
  if (!stages_.keep_documents) return;
  Kept kept;
  kept.doc = std::move(doc);
  if (result.quotes.empty() && result.figures.empty()) kept.doc.text = std::string();  // unused
  kept.result.quotes = std::move(result.quotes);  // names and diagnostics are not passed on
  kept.result.events = std::move(result.events);
  kept.result.figures = std::move(result.figures);
  kept_.push_back(std::move(kept));
}

CorpusResult CorpusRun::Resolve() {
  CorpusResult corpus;
  // 1. entities
  corpus.entities = stages_.entities->Resolve();
  for (std::size_t d = 0; d < kept_.size(); ++d)
    resolve::EntityResolver::Apply(corpus.entities, d, kept_[d].result);
  // 2. events
  if (stages_.events) {
    std::vector<events::DocEvents> docs;
    docs.reserve(kept_.size());
    for (Kept& k : kept_) docs.push_back(std::move(k.result.events));
    corpus.events = events::ClusterEvents(docs, stages_.event_config);
    for (std::size_t d = 0; d < kept_.size(); ++d) {
      DocResult& result = kept_[d].result;
      events::AssignEvents(corpus.events, d, docs[d], result.quotes);
      for (std::size_t e = 0; e < docs[d].events.size(); ++e) {
        const events::GlobalEvent* g = corpus.events.Find(d, static_cast<int>(e));
        docs[d].global.push_back(g ? g->ref : EventRef{});
      }
      result.events = std::move(docs[d]);
    }
  }
  // 3. claims
  if (stages_.claims) {
    corpus.figures.reserve(kept_.size());
    for (const Kept& k : kept_) corpus.figures.push_back(stages_.claims->Figures(k.doc, k.result));
    std::vector<claims::ClaimsDoc> docs;
    docs.reserve(kept_.size());
    for (std::size_t d = 0; d < kept_.size(); ++d)
      docs.push_back({&kept_[d].doc, &kept_[d].result, &corpus.figures[d]});
    corpus.claims = stages_.claims->Run(docs);
    for (std::size_t d = 0; d < kept_.size(); ++d)
      claims::ClaimsStage::Apply(corpus.claims, d, kept_[d].result);
  }
  // 4. spelling
  if (stages_.spelling) corpus.spelling = stages_.spelling->Build(corpus.entities);
  return corpus;
}

void CorpusRun::Finish(output::Sink& sink) {
  const CorpusResult corpus = Resolve();
  // 5. output
  sink.Begin();
  for (Kept& k : kept_) sink.Take(std::move(k.doc), std::move(k.result));
  sink.End(corpus);
  kept_.clear();
}

RunStats RunCorpus(ingest::DocumentSource& source, const Pipeline& pipeline,
                   const CorpusStages& stages, output::Sink& sink, RunObserver& observer,
                   const RunConfig& config) {
  CorpusRun run(stages);
  RunStats stats = RunPipeline(
      source, pipeline,
      [&](Document&& doc, DocResult&& result) { run.Add(std::move(doc), std::move(result)); },
      observer, config);
  if (!observer.stop()) run.Finish(sink);
  return stats;
}

}  // namespace whosaid::run
