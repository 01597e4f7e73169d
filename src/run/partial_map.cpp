#include "run/partial_map.h"

#include <utility>

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
  p.names = names.TakeNames(doc, result);
  CutText cut = CutPieces(doc.text, ReadSpans(result.quotes, result.figures));
  p.codepoints = cut.codepoints;
  p.pieces = std::move(cut.pieces);
  p.quotes = std::move(result.quotes);
  p.events = std::move(result.events);
  p.figures = std::move(result.figures);
  return p;
}

}  // namespace whosaid::run
