#include "resolve/resolving_sink.h"

namespace whosaid::resolve {

void ResolvingSink::Write(const Document& doc, const DocResult& result) {
  resolver_.Add(doc, result);
  Held held;
  held.index = added_++;
  held.doc.id = doc.id;
  held.doc.outlet = doc.outlet;
  held.doc.url = doc.url;
  held.doc.date = doc.date;
  held.doc.source = doc.source;
  if (!result.quotes.empty()) held.doc.text = doc.text;  // records quote it
  held.result.quotes = result.quotes;  // names and diagnostics are not passed on
  held.result.events = result.events;
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
