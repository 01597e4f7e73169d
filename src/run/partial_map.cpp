#include "run/partial_map.h"

#include <utility>

#include "core/text.h"

namespace whosaid::run {

Partial MakePartial(const Document& doc, DocResult&& result, const resolve::EntityResolver& names,
                    std::uint64_t ordinal) {
  Partial p;
  p.ordinal = ordinal;
  p.doc.id = doc.id;
  p.doc.outlet = doc.outlet;
  p.doc.url = doc.url;
  p.doc.date = doc.date;
  p.doc.source = doc.source;
  p.bytes = doc.text.size();
  p.codepoints = text::CountCodepoints(doc.text);
  p.names = names.Names(doc, result);
  p.pieces = TextPieces(doc.text, ReadSpans(result.quotes, result.figures));
  p.quotes = std::move(result.quotes);
  p.events = std::move(result.events);
  p.figures = std::move(result.figures);
  result.names.clear();
  return p;
}

}  // namespace whosaid::run
