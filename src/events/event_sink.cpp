#include "events/event_sink.h"

namespace whosaid::events {

void EventIdSink::End() {
  std::vector<DocEvents> docs;
  docs.reserve(kept_.size());
  for (auto& [doc, result] : kept_) docs.push_back(std::move(result.events));
  EventIndex index = ClusterEvents(docs, config_);
  next_->Begin();
  for (std::size_t d = 0; d < kept_.size(); ++d) {
    auto& [doc, result] = kept_[d];
    AssignEvents(index, d, docs[d], result.quotes);
    for (std::size_t e = 0; e < docs[d].events.size(); ++e) {
      const GlobalEvent* g = index.Find(d, static_cast<int>(e));
      docs[d].global.push_back(g ? g->ref : EventRef{});
    }
    result.events = std::move(docs[d]);
    next_->Take(std::move(doc), std::move(result));
  }
  next_->End();
  kept_.clear();
}

}  // namespace whosaid::events
