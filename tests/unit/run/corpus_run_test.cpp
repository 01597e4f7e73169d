#include "run/corpus_run.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "../support/pipeline_fixture.h"
#include "claims/claims_stage.h"
#include "output/jsonl_sink.h"
#include "output/output_stream.h"
#include "run/partial_map.h"

namespace whosaid {
namespace {

// The documents of a vector, in order.
class VectorSource : public ingest::DocumentSource {
 public:
  explicit VectorSource(std::vector<Document> docs) : docs_(std::move(docs)) {}
  bool Next(Document& doc, std::vector<Diagnostic>&) override {
    if (next_ == docs_.size()) return false;
    doc = docs_[next_++];
    return true;
  }

 private:
  std::vector<Document> docs_;
  std::size_t next_ = 0;
};

class Quiet : public run::RunObserver {
 public:
  void Report(const std::vector<Diagnostic>&) override {}
  bool stop() const override { return false; }
};

// Invented outlets, people and places; each text `copies` times, under other ids.
std::vector<Document> Documents(int copies = 3) {
  const std::vector<std::string> texts = {
      "“We will respond,” said Obaidullah Sherowazani, spokesperson for the Defence Ministry of "
      "Norland. Soomro said that the visit was about trade. Ibrahim Soomro, a security analyst, "
      "said the talks were a start.",
      "The Norland Defence Ministry, through its spokesperson Obaidullah Sherwazni, announced "
      "that the convoy reached its base. “The road is open,” Sherwazni said on Monday in Port "
      "Avel.",
      "Governor Ramzi Tarkan said the storm had passed. “Tarkan's men are ready,” he said. "
      "Foreign Minister Omar al-Shirwani said talks went well. Sirwani said the visit was useful.",
      "PM Daud Kamali said the budget was ready. “Taxes will fall,” Kamali told reporters in Port "
      "Avel. Protesters marched in support of Daud.",
      // figures (a document the claims stage holds with its figures' spans)
      "The shelling killed 46 people in Tarsk on Monday, Governor Ramzi Tarkan said. “At least "
      "12 of them were children,” Tarkan told reporters. Eight people died in the fire."};
  std::vector<Document> docs;
  for (int copy = 0; copy < copies; ++copy) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      Document d;
      d.id = "doc-" + std::to_string(copy) + "-" + std::to_string(i);
      d.outlet = i % 2 ? "Outlet B" : "Outlet A";
      d.text = texts[i];
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

// `extract`'s corpus stages: entities, events and statements (ids only).
// (Not to be copied: `stages` points into it.)
struct ExtractStages {
  static claims::ClaimsConfig IdsOnly() {
    claims::ClaimsConfig ids_only;
    ids_only.details = false;
    return ids_only;
  }
  explicit ExtractStages(std::size_t memory_budget) {
    stages.entities = &resolver;
    stages.events = true;
    stages.claims = &claims;
    stages.entity_details = false;
    stages.memory_budget = memory_budget;
  }
  ExtractStages(const ExtractStages&) = delete;
  ExtractStages& operator=(const ExtractStages&) = delete;

  resolve::EntityResolver resolver{resolve::ResolverConfig{}, testing::Rules()};
  const claims::ClaimsStage claims{IdsOnly(), testing::Rules()};
  run::CorpusStages stages;
};

// `extract`'s output (JSON Lines, entities, events and statements).
std::string Extract(unsigned threads, std::size_t batch_docs, std::size_t memory_budget,
                    int copies = 3) {
  ExtractStages x(memory_budget);
  output::StringOutput out;
  output::JsonlSink sink(out);
  VectorSource source(Documents(copies));
  Quiet observer;
  run::RunConfig config;
  config.threads = threads;
  config.batch_docs = batch_docs;
  run::RunCorpus(source, testing::ThePipeline(), x.stages, sink, observer, config);
  return out.str();
}

// The same as Extract(1, …), from three runs, each adding every third
// document (their ordinals those of one run), merged into the one that
// takes the last third (CorpusRun::Merge), in the order given.
std::string ExtractMerged(std::size_t memory_budget, std::vector<int> merge_order) {
  ExtractStages x(memory_budget);
  std::vector<std::unique_ptr<run::CorpusRun>> runs;
  for (int r = 0; r < 3; ++r) runs.push_back(std::make_unique<run::CorpusRun>(x.stages));
  const std::vector<Document> docs = Documents();
  for (std::size_t d = 0; d < docs.size(); ++d) {
    runs[d % 3]->Add(run::MakePartial(docs[d], testing::ThePipeline().Run(docs[d]), x.resolver, d));
  }
  run::CorpusRun& into = *runs[static_cast<std::size_t>(merge_order.back())];
  merge_order.pop_back();
  for (int r : merge_order) into.Merge(std::move(*runs[static_cast<std::size_t>(r)]));
  output::StringOutput out;
  output::JsonlSink sink(out);
  into.Finish(sink);
  return out.str();
}

TEST_SUITE("run") {
  TEST_CASE("the test corpus has documents with figures") {
    std::size_t figures = 0;
    for (const Document& d : Documents()) figures += testing::ThePipeline().Run(d).figures.size();
    CHECK(figures > 0);
  }

  TEST_CASE("extract's output is the same bytes for every thread count and batch size") {
    const std::string one = Extract(1, 256, std::size_t{64} << 20);
    CHECK(one.find("Sherowazani") != std::string::npos);
    CHECK(Extract(2, 256, std::size_t{64} << 20) == one);
    CHECK(Extract(2, 1, std::size_t{64} << 20) == one);
    CHECK(Extract(3, 2, std::size_t{64} << 20) == one);
    CHECK(Extract(2, 3, 1) == one);  // everything spilled
    // one document per batch: the spill starts at a document's claims (held, then spilled once)
    CHECK(Extract(1, 1, 1) == one);
    CHECK(Extract(2, 1, 4096) == one);
    CHECK(Extract(4, 1, 1) == one);  // batches of one document streamed to four threads
    // every summary spilled, read back and decoded by whichever of seven threads takes it
    CHECK(Extract(7, 5, 1) == one);
  }

  // Runs merged (each document's id and outlet kept beside it, CorpusRun::
  // keys_; its spill slots renumbered) in any order, held or spilled, give
  // one run's bytes.
  TEST_CASE("runs merged in any order give the bytes of one run") {
    const std::string one = Extract(1, 256, std::size_t{64} << 20);
    for (std::size_t budget : {std::size_t{64} << 20, std::size_t{1}, std::size_t{4096}}) {
      CAPTURE(budget);
      CHECK(ExtractMerged(budget, {0, 1, 2}) == one);
      CHECK(ExtractMerged(budget, {2, 0, 1}) == one);
      CHECK(ExtractMerged(budget, {1, 2, 0}) == one);
    }
  }

  // Each document's claims are made ready by whichever thread takes it and
  // appended in input order by one thread at a time, at most a window of
  // them waiting (CorpusRun::Resolve): more documents than the window, held
  // or spilled, give the same bytes on any number of threads.
  TEST_CASE("claims made ready on many threads are appended in input order") {
    constexpr int kCopies = 40;  // 200 documents: over three windows of 64
    const std::string one = Extract(1, 256, std::size_t{64} << 20, kCopies);
    CHECK(one.find("doc-39-4") != std::string::npos);
    for (unsigned threads : {1u, 2u, 3u, 7u}) {
      for (std::size_t budget : {std::size_t{64} << 20, std::size_t{1}}) {
        CAPTURE(threads);
        CAPTURE(budget);
        CHECK(Extract(threads, 16, budget, kCopies) == one);
      }
    }
  }
}

}  // namespace
}  // namespace whosaid
