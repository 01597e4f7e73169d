// whosaid::output::EventReportSink — the report of `whosaid events`: every
// event of the run, across documents, with the quotes about it.
//
// A Sink: Write() keeps, for each document, its id and a brief of each
// quote record (document, offsets, kind, text, speaker, local event); End()
// writes one entry per event of the run (CorpusResult::events, clustered by
// the runner: events/cluster.h) in id order (by date, undated last).
//
// JSON Lines (OutputFormat::kJsonl), one object per event:
//   {"id": "E3", "type": "airstrike", "where": ["Nineveh", "Sinjar"],
//    "places": [["Iraq", "Nineveh"], ["Iraq", "Nineveh", "Sinjar"]],
//    "actors": ["Turkey"], "when": "2019-03-12",
//    "label": "airstrike, Nineveh, 2019-03-12",
//    "documents": ["doc-1", …], "mentions": 31,
//    "quotes": [{"doc": "doc-1", "start": 210, "end": 262, "kind": "direct",
//                "speaker": "Hedayatullah Showarabani", "text": "The council should …"}, …]}
//   `where`, `when` and `label` are what quote records show as `event`;
//   `places` are the full gazetteer paths; `documents` sorted; quotes by
//   document, then offset (code points, as in quote records); `when` null
//   when unknown.
// Table (OutputFormat::kTable): a timeline for people, one row per event
// ordered by date — when, event label, documents, quotes, speakers — and a
// last line with the counts. Not a stable format.
//
// Example
//   EventReportSink sink(out, OutputFormat::kJsonl);
//   run::RunCorpus(reader, pipeline, stages, sink, observer, config);
#pragma once

#include <string>
#include <vector>

#include "core/event_index.h"
#include "output/sink.h"

namespace whosaid::output {

class EventReportSink : public Sink {
 public:
  EventReportSink(OutputStream& out, OutputFormat format) : out_(out), format_(format) {}

  void Write(const Document& doc, const DocResult& result) override;
  void End(const CorpusResult& corpus) override;

  struct QuoteBrief {
    std::string doc;
    std::size_t start = 0, end = 0;  // code points
    std::string kind, text, speaker;
    int event = -1;  // the document's local event
  };

 private:
  void WriteJsonl(const events::EventIndex& index) const;
  void WriteTable(const events::EventIndex& index) const;
  std::vector<const QuoteBrief*> QuotesOf(const events::GlobalEvent& e) const;

  OutputStream& out_;
  OutputFormat format_;
  std::vector<std::string> doc_ids_;             // per document
  std::vector<std::vector<QuoteBrief>> quotes_;  // per document
};

}  // namespace whosaid::output
