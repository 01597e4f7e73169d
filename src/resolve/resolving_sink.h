// whosaid::resolve::ResolvingSink — the corpus-level stage between the
// runner and an output sink: it holds every document's result until the run
// ends, resolves the entities over all of them (entity_resolver.h), then
// writes each document, in input order, with global speaker ids and
// canonical names.
//
// What the inner sink gets: every document, in input order, with its quote
// records, events and figures (names and diagnostics are not passed on); a
// document without quote records or figures comes without its text.
//
// Memory: the documents that have quote records are kept (text included)
// until End(), so a run needs about as much memory as its input; shard very
// large archives into several runs.
//
// Example
//   EntityResolver resolver(ResolverConfig{}, *rules);
//   ResolvingSink sink(resolver, *jsonl_sink);
//   RunPipeline(reader, pipeline, sink, reporter, config);   // Begin/Write/End
#pragma once

#include <vector>

#include "output/sink.h"
#include "resolve/entity_resolver.h"

namespace whosaid::resolve {

class ResolvingSink : public output::Sink {
 public:
  // `resolver` and `inner` must outlive the sink.
  ResolvingSink(EntityResolver& resolver, output::Sink& inner)
      : resolver_(resolver), inner_(inner) {}

  void Begin() override {}
  void Write(const Document& doc, const DocResult& result) override;
  void Take(Document doc, DocResult result) override;
  void End() override;

 private:
  struct Held {
    std::size_t index;  // Add() order
    Document doc;
    DocResult result;
  };
  EntityResolver& resolver_;
  output::Sink& inner_;
  std::size_t added_ = 0;
  std::vector<Held> held_;
};

// A sink that only feeds the resolver (for `whosaid entities` and `spelling`).
class ResolverFeed : public output::Sink {
 public:
  explicit ResolverFeed(EntityResolver& resolver) : resolver_(resolver) {}
  void Write(const Document& doc, const DocResult& result) override { resolver_.Add(doc, result); }

 private:
  EntityResolver& resolver_;
};

}  // namespace whosaid::resolve
