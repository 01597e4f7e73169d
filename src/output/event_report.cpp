#include "output/event_report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.h"
#include "output/table_sink.h"

namespace whosaid::output {
namespace {

using Json = nlohmann::ordered_json;

std::string SpeakerOf(const Document& doc, const QuoteRecord& r) {
  if (!r.speaker) return {};
  if (!r.speaker->name.empty()) return r.speaker->name;
  const Span& m = r.speaker->mention;
  return !m.empty() && m.end <= doc.text.size() ? doc.text.substr(m.begin, m.size())
                                                : std::string();
}

std::vector<std::string> Documents(const events::GlobalEvent& e,
                                   const std::vector<std::string>& doc_ids) {
  std::set<std::string> ids;
  for (const auto& [doc, local] : e.members) ids.insert(doc_ids[doc]);
  return {ids.begin(), ids.end()};
}

}  // namespace

void EventReportSink::Write(const Document& doc, const DocResult& result) {
  const text::CodepointIndex index(doc.text);
  std::vector<QuoteBrief> briefs;
  for (std::size_t i = 0; i < result.quotes.size(); ++i) {
    const QuoteRecord& r = result.quotes[i];
    QuoteBrief b;
    b.doc = doc.id;
    std::size_t end = std::min(r.quote.end, doc.text.size()), begin = std::min(r.quote.begin, end);
    b.start = index.ToCodepoint(begin);
    b.end = index.ToCodepoint(end);
    b.kind = ToString(r.kind);
    b.text = doc.text.substr(begin, end - begin);
    b.speaker = SpeakerOf(doc, r);
    b.event = i < result.events.quote_event.size() ? result.events.quote_event[i] : -1;
    briefs.push_back(std::move(b));
  }
  doc_ids_.push_back(doc.id);
  quotes_.push_back(std::move(briefs));
}

std::vector<const EventReportSink::QuoteBrief*> EventReportSink::QuotesOf(
    const events::GlobalEvent& e) const {
  std::vector<const QuoteBrief*> out;
  for (const auto& [doc, local] : e.members) {
    for (const QuoteBrief& q : quotes_[doc]) {
      if (q.event == local) out.push_back(&q);
    }
  }
  std::sort(out.begin(), out.end(), [](const QuoteBrief* a, const QuoteBrief* b) {
    return a->doc != b->doc ? a->doc < b->doc : a->start < b->start;
  });
  return out;
}

void EventReportSink::WriteJsonl(const events::EventIndex& index) const {
  for (const events::GlobalEvent& e : index.events) {
    Json j;
    j["id"] = e.ref.id;
    j["type"] = e.ref.type;
    j["where"] = e.ref.where;
    Json places = Json::array();
    for (const auto& p : e.places) places.push_back(p.path);
    j["places"] = std::move(places);
    Json actors = Json::array();
    for (const auto& a : e.actors) actors.push_back(a.name);
    j["actors"] = std::move(actors);
    j["when"] = e.ref.when.empty() ? Json(nullptr) : Json(e.ref.when);
    j["label"] = e.ref.label;
    j["documents"] = Documents(e, doc_ids_);
    j["mentions"] = e.mentions;
    Json quotes = Json::array();
    for (const QuoteBrief* q : QuotesOf(e)) {
      quotes.push_back({{"doc", q->doc},
                        {"start", q->start},
                        {"end", q->end},
                        {"kind", q->kind},
                        {"speaker", q->speaker.empty() ? Json(nullptr) : Json(q->speaker)},
                        {"text", q->text}});
    }
    j["quotes"] = std::move(quotes);
    std::string line = j.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
    line += '\n';
    out_.Write(line);
  }
}

void EventReportSink::WriteTable(const events::EventIndex& index) const {
  auto row = [&](std::string_view when, std::string_view label, std::string_view docs,
                 std::string_view quotes, std::string_view speakers) {
    std::string line;
    for (auto [cell, width] :
         {std::pair{when, 11}, {label, 44}, {docs, 5}, {quotes, 7}, {speakers, 50}}) {
      std::string c = FitCell(cell, static_cast<std::size_t>(width));
      std::size_t w = DisplayWidth(c);
      line += c;
      if (width != 50)
        line.append(static_cast<std::size_t>(width) -
                        std::min<std::size_t>(w, static_cast<std::size_t>(width)) + 1,
                    ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    out_.Write(line);
  };
  row("WHEN", "EVENT", "DOCS", "QUOTES", "SPEAKERS");
  std::size_t quoted = 0;
  for (const events::GlobalEvent& e : index.events) {
    auto quotes = QuotesOf(e);
    std::vector<std::string> speakers;
    for (const QuoteBrief* q : quotes) {
      if (!q->speaker.empty() &&
          std::find(speakers.begin(), speakers.end(), q->speaker) == speakers.end()) {
        speakers.push_back(q->speaker);
      }
    }
    std::string who;
    for (const auto& s : speakers) who += (who.empty() ? "" : ", ") + s;
    quoted += quotes.size();
    row(e.ref.when.empty() ? "-" : e.ref.when, e.ref.label,
        std::to_string(Documents(e, doc_ids_).size()), std::to_string(quotes.size()),
        who.empty() ? "-" : who);
  }
  std::string total = std::to_string(index.events.size());
  total += " events, ";
  total += std::to_string(quoted);
  total += " quotes about them, ";
  total += std::to_string(doc_ids_.size());
  total += " documents\n";
  out_.Write(total);
}

void EventReportSink::End(const CorpusResult& corpus) {
  if (format_ == OutputFormat::kTable)
    WriteTable(corpus.events);
  else
    WriteJsonl(corpus.events);
}

}  // namespace whosaid::output
