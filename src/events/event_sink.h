// whosaid::events::EventIdSink — the corpus-level event pass of `whosaid
// extract`, as a Sink in front of the real one: it keeps every document and
// its result, and when the run ends gives every quote record the id of its
// event across all documents (ClusterEvents) and only then writes them, in
// input order, to the sink behind it.
//
// Cost: the run's documents and results stay in memory until the end (the
// corpus-level entity stage needs the same; a sharded `merge` is the way
// past one machine's memory, see ARCHITECTURE.md).
// Lifecycle: Begin() does nothing yet; Write() keeps; End() clusters, then
// calls Begin/Write…/End on the sink behind it. A run that stops early
// (--on-error fail) never calls End() and writes nothing.
//
// Example
//   auto sink = std::make_unique<events::EventIdSink>(output::MakeSink(format, out));
//   RunPipeline(reader, pipeline, *sink, reporter, config);
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "events/cluster.h"
#include "output/sink.h"

namespace whosaid::events {

class EventIdSink : public output::Sink {
 public:
  explicit EventIdSink(std::unique_ptr<output::Sink> next, const ClusterConfig& config = {})
      : next_(std::move(next)), config_(config) {}

  void Write(const Document& doc, const DocResult& result) override {
    kept_.emplace_back(doc, result);
  }
  void Take(Document doc, DocResult result) override {
    kept_.emplace_back(std::move(doc), std::move(result));
  }
  void End() override;

 private:
  std::unique_ptr<output::Sink> next_;
  ClusterConfig config_;
  std::vector<std::pair<Document, DocResult>> kept_;
};

}  // namespace whosaid::events
