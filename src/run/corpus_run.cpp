#include "run/corpus_run.h"

#include <algorithm>
#include <utility>

#include "run/partial_map.h"

namespace whosaid::run {

void CorpusRun::Add(Partial partial) {
  if (!stages_.keep_documents) {  // only the names are needed
    partial.pieces = {};
    partial.quotes = {};
    partial.events = {};
    partial.figures = {};
  }
  partials_.push_back(std::move(partial));
}

void CorpusRun::Add(Document doc, DocResult result) {
  Add(MakePartial(doc, std::move(result), *stages_.entities, next_ordinal_++));
}

void CorpusRun::Merge(CorpusRun&& other) {
  partials_.insert(partials_.end(), std::make_move_iterator(other.partials_.begin()),
                   std::make_move_iterator(other.partials_.end()));
  other.partials_.clear();
}

CorpusResult CorpusRun::Resolve(std::vector<Kept>& kept) {
  CorpusResult corpus;
  // 1. entities
  corpus.entities = stages_.entities->Resolve();
  for (std::size_t d = 0; d < kept.size(); ++d)
    resolve::EntityResolver::Apply(corpus.entities, d, kept[d].result);
  // 2. events
  if (stages_.events) {
    std::vector<events::DocEvents> docs;
    docs.reserve(kept.size());
    for (Kept& k : kept) docs.push_back(std::move(k.result.events));
    corpus.events = events::ClusterEvents(docs, stages_.event_config);
    for (std::size_t d = 0; d < kept.size(); ++d) {
      DocResult& result = kept[d].result;
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
    corpus.figures.reserve(kept.size());
    for (const Kept& k : kept) corpus.figures.push_back(stages_.claims->Figures(k.doc, k.result));
    std::vector<claims::ClaimsDoc> docs;
    docs.reserve(kept.size());
    for (std::size_t d = 0; d < kept.size(); ++d)
      docs.push_back({&kept[d].doc, &kept[d].result, &corpus.figures[d]});
    corpus.claims = stages_.claims->Run(docs);
    for (std::size_t d = 0; d < kept.size(); ++d)
      claims::ClaimsStage::Apply(corpus.claims, d, kept[d].result);
  }
  // 4. spelling
  if (stages_.spelling) corpus.spelling = stages_.spelling->Build(corpus.entities);
  return corpus;
}

void CorpusRun::Finish(output::Sink& sink) {
  std::stable_sort(partials_.begin(), partials_.end(), InputOrder);
  std::vector<Kept> kept;
  if (stages_.keep_documents) kept.reserve(partials_.size());
  for (Partial& p : partials_) {
    stages_.entities->Add(p.names, p.doc.id, p.doc.outlet);
    if (!stages_.keep_documents) continue;
    Kept k;
    k.doc = p.quotes.empty() && p.figures.empty() ? std::move(p.doc) : Skeleton(p);
    k.result.quotes = std::move(p.quotes);
    k.result.events = std::move(p.events);
    k.result.figures = std::move(p.figures);
    kept.push_back(std::move(k));
  }
  partials_.clear();
  const CorpusResult corpus = Resolve(kept);
  // 5. output
  sink.Begin();
  for (Kept& k : kept) sink.Take(std::move(k.doc), std::move(k.result));
  sink.End(corpus);
}

RunStats RunCorpus(ingest::DocumentSource& source, const Pipeline& pipeline,
                   const CorpusStages& stages, output::Sink& sink, RunObserver& observer,
                   const RunConfig& config) {
  CorpusRun run(stages);
  RunStats stats = RunMap(
      source, pipeline, *stages.entities, [&](Partial&& p) { run.Add(std::move(p)); }, observer,
      config);
  if (!observer.stop()) run.Finish(sink);
  return stats;
}

}  // namespace whosaid::run
