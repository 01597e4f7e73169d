#include "resolve/resolving_sink.h"

namespace whosaid::resolve {

void ResolvingSink::Write(const Document& doc, const DocResult& result) { Take(doc, result); }

void ResolvingSink::Take(Document doc, DocResult result) {
  resolver_.Add(doc, result);
  Held held;
  held.index = added_++;
  held.doc = std::move(doc);
  if (result.quotes.empty() && result.figures.empty()) held.doc.text = std::string();  // unused
  held.result.quotes = std::move(result.quotes);  // names and diagnostics are not passed on
  held.result.events = std::move(result.events);
  held.result.figures = std::move(result.figures);
  held_.push_back(std::move(held));
}

void ResolvingSink::End() {
  const EntityTable table = resolver_.Resolve();
  inner_.Begin();
  for (Held& h : held_) {
    EntityResolver::Apply(table, h.index, h.result);
    inner_.Take(std::move(h.doc), std::move(h.result));
  }
  inner_.End();
  held_.clear();
}

}  // namespace whosaid::resolve
