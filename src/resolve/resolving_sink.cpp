#include "resolve/resolving_sink.h"

namespace whosaid::resolve {

void ResolvingSink::Write(const Document& doc, const DocResult& result) {
  resolver_.Add(doc, result);
  const std::size_t index = added_++;
  if (result.quotes.empty()) return;
  Held held{index, doc, {}};
  held.result.quotes = result.quotes;  // names and diagnostics are not written
  held_.push_back(std::move(held));
}

void ResolvingSink::End() {
  const EntityTable table = resolver_.Resolve();
  inner_.Begin();
  for (Held& h : held_) {
    EntityResolver::Apply(table, h.index, h.result);
    inner_.Write(h.doc, h.result);
  }
  inner_.End();
  held_.clear();
}

}  // namespace whosaid::resolve
