#include "output/jsonl_sink.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace whosaid::output {
namespace {

using Json = nlohmann::ordered_json;

bool IsContinuation(const std::string& s, std::size_t i) {
  return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}

// The span clamped to the text and widened to character boundaries.
Span Snap(const std::string& text, Span span) {
  span.end = std::min(span.end, text.size());
  span.begin = std::min(span.begin, span.end);
  while (span.begin > 0 && IsContinuation(text, span.begin)) --span.begin;
  while (IsContinuation(text, span.end)) ++span.end;
  return span;
}

Json StringOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json SpanJson(const Document& doc, const text::CodepointIndex& index, Span span) {
  span = Snap(doc.text, span);
  Json j;
  j["text"] = doc.text.substr(span.begin, span.end - span.begin);
  j["start"] = index.ToCodepoint(span.begin);
  j["end"] = index.ToCodepoint(span.end);
  return j;
}

Json SpeakerJson(const Document& doc, const text::CodepointIndex& index, const Speaker& s) {
  Json j;
  j["entity"] = StringOrNull(s.entity);
  j["name"] = StringOrNull(s.name);
  j["mention"] = s.mention.empty() ? Json(nullptr) : SpanJson(doc, index, s.mention);
  j["type"] = ToString(s.type);
  j["role"] = StringOrNull(s.role);
  j["affiliation"] = StringOrNull(s.affiliation);
  return j;
}

Json EventJson(const EventRef& e) {
  Json j;
  j["id"] = StringOrNull(e.id);
  j["type"] = StringOrNull(e.type);
  j["where"] = e.where;
  j["when"] = StringOrNull(e.when);
  j["label"] = StringOrNull(e.label);
  return j;
}

double Confidence(double c) {
  if (!std::isfinite(c)) return 0.0;
  return std::round(std::clamp(c, 0.0, 1.0) * 1e4) / 1e4;
}

}  // namespace

std::string JsonlSink::RecordLine(const Document& doc, const text::CodepointIndex& index,
                                  const QuoteRecord& record, bool explain) {
  Json j;
  j["doc"] = doc.id;
  j["outlet"] = StringOrNull(doc.outlet);
  Json quote = SpanJson(doc, index, record.quote);
  quote["kind"] = ToString(record.kind);
  j["quote"] = std::move(quote);
  j["cue"] = record.cue ? SpanJson(doc, index, *record.cue) : Json(nullptr);
  j["speaker"] = record.speaker ? SpeakerJson(doc, index, *record.speaker) : Json(nullptr);
  j["event"] = record.event ? EventJson(*record.event) : Json(nullptr);
  if (record.statement) {
    j["statement"] = {{"id", record.statement->id}, {"appearances", record.statement->appearances}};
  }
  j["confidence"] = Confidence(record.confidence);
  if (explain) j["rule"] = record.rule;
  std::string line = j.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
  line += '\n';
  return line;
}

void JsonlSink::Write(const Document& doc, const DocResult& result) { Put(Render(doc, result)); }

std::string JsonlSink::Render(const Document& doc, const DocResult& result) const {
  std::string lines;
  if (result.quotes.empty()) return lines;
  const text::CodepointIndex index(doc.text);
  for (const QuoteRecord& record : result.quotes) lines += RecordLine(doc, index, record, explain_);
  return lines;
}

void JsonlSink::Put(std::string_view text) {
  if (!text.empty()) out_.Write(text);
}

}  // namespace whosaid::output
