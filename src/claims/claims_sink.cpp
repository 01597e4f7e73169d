#include "claims/claims_sink.h"

namespace whosaid::claims {

void ClaimsSink::Take(Document doc, DocResult result) {
  DocFigures figures = stage_.Figures(doc, result);
  kept_.push_back({std::move(doc), std::move(result), std::move(figures)});
}

void ClaimsSink::End() {
  std::vector<ClaimsDoc> docs;
  docs.reserve(kept_.size());
  for (const KeptDoc& k : kept_) docs.push_back({&k.doc, &k.result, &k.figures});
  ClaimsResult claims = stage_.Run(docs);
  for (std::size_t d = 0; d < kept_.size(); ++d) ClaimsStage::Apply(claims, d, kept_[d].result);
  if (finish_) finish_(kept_, claims);
  if (next_) {
    next_->Begin();
    for (KeptDoc& k : kept_) next_->Take(std::move(k.doc), std::move(k.result));
    next_->End();
  }
  kept_.clear();
}

}  // namespace whosaid::claims
