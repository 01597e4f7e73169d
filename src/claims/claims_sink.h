// whosaid::claims::ClaimsSink — the claims stage (claims_stage.h) as a Sink
// in the corpus chain, after the entity and event passes: it keeps every
// document with its result and figures (computed as each document arrives),
// and when the run ends groups the statements, gives every record its
// StatementRef, hands the whole run to `finish` (the claims command writes
// its feed there) and then passes the documents on, in input order, to
// `next` (extract's writer), if any.
//
// Memory: like EventIdSink, the run's documents stay until End().
// A run that stops early never calls End() and writes nothing.
//
// Example
//   ClaimsSink claims(stage, std::move(jsonl_sink));
//   events::EventIdSink ids(std::make_unique<ClaimsSinkRef>(claims)) …
#pragma once

#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "claims/claims_stage.h"
#include "output/sink.h"

namespace whosaid::claims {

struct KeptDoc {
  Document doc;
  DocResult result;
  DocFigures figures;
};

class ClaimsSink : public output::Sink {
 public:
  using Finish = std::function<void(const std::vector<KeptDoc>&, const ClaimsResult&)>;
  // `stage` must outlive the sink; `next` may be null, `finish` empty.
  ClaimsSink(const ClaimsStage& stage, std::unique_ptr<output::Sink> next, Finish finish = {})
      : stage_(stage), next_(std::move(next)), finish_(std::move(finish)) {}

  void Write(const Document& doc, const DocResult& result) override { Take(doc, result); }
  void Take(Document doc, DocResult result) override;
  void End() override;

 private:
  const ClaimsStage& stage_;
  std::unique_ptr<output::Sink> next_;
  Finish finish_;
  std::vector<KeptDoc> kept_;
};

}  // namespace whosaid::claims
