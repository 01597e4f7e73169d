#include <cmath>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "output/claims_feed.h"

namespace whosaid::output {
namespace {

using Json = nlohmann::ordered_json;

Json Value(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) {
    return Json(static_cast<long long>(v));
  }
  return Json(v);
}

}  // namespace

std::string FigureLines(const ClaimsFeed& feed) {
  std::map<std::size_t, std::unique_ptr<text::CodepointIndex>> indexes;
  auto cp = [&](std::size_t doc, std::size_t byte) {
    auto& idx = indexes[doc];
    if (!idx) idx = std::make_unique<text::CodepointIndex>(feed.docs[doc].doc.text);
    return idx->ToCodepoint(std::min(byte, feed.docs[doc].doc.text.size()));
  };
  std::string out;
  for (const claims::FigureLine& line : feed.claims.lines) {
    Json j;
    j["event"] = line.event.empty() ? Json(nullptr) : Json(line.event);
    j["measure"] = line.measure;
    j["conflict"] = line.conflict;
    Json figures = Json::array();
    for (const claims::SourcedFigure& f : line.figures) {
      const Document& doc = feed.docs[f.doc_index].doc;
      Span s = f.figure.span;
      s.end = std::min(s.end, doc.text.size());
      s.begin = std::min(s.begin, s.end);
      Json x;
      x["value"] = Value(f.figure.value);
      x["qualifier"] = f.figure.qualifier.empty() ? Json(nullptr) : Json(f.figure.qualifier);
      x["text"] = doc.text.substr(s.begin, s.size());
      x["doc"] = doc.id;
      x["start"] = cp(f.doc_index, s.begin);
      x["end"] = cp(f.doc_index, s.end);
      if (f.source_entity.empty() && f.source_name.empty()) {
        x["source"] = nullptr;
      } else {
        x["source"] = {{"entity", f.source_entity.empty() ? Json(nullptr) : Json(f.source_entity)},
                       {"name", f.source_name.empty() ? Json(nullptr) : Json(f.source_name)}};
      }
      if (f.figure.subcount) x["subcount"] = true;
      figures.push_back(std::move(x));
    }
    j["figures"] = std::move(figures);
    out += j.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

}  // namespace whosaid::output
