// whosaid::output::JsonlSink — quote records as JSON Lines, exactly as
// docs/output.md specifies: one object per QuoteRecord, fields in this order:
//
//   {"doc": "doc-1", "outlet": "Nile Courier" | null,
//    "quote": {"text", "start", "end", "kind"},
//    "cue": {"text", "start", "end"} | null,
//    "speaker": {"entity": str|null, "name": str|null,
//                "mention": {"text", "start", "end"} | null,
//                "type", "role": str|null, "affiliation": str|null} | null,
//    "event": {"id", "type", "where": [...], "when": str|null, "label"} | null,
//    "statement": {"id": "S3", "appearances": 4}   (when the claims stage ran),
//    "confidence": 0.94}
//
// Contract
//   * Offsets are Unicode code points into Document::text (the records carry
//     byte offsets; text::CodepointIndex converts). A span that does not fall
//     on character boundaries is widened to the nearest ones, and one past
//     the end of the text is clamped, so that for every span
//     `text == doc.text[start:end]` (in code points) always holds.
//   * Span texts are taken from the document, never from the record.
//   * Empty strings are written as null; the output is valid UTF-8 (invalid
//     bytes in names or roles would be replaced by U+FFFD).
//   * confidence is clamped to [0, 1] and rounded to 4 decimals.
//
// Example
//   whosaid::output::JsonlSink sink(out);
//   sink.Write(doc, result);   // one line per record in result.quotes
#pragma once

#include <string>

#include "core/text.h"
#include "output/sink.h"

namespace whosaid::output {

class JsonlSink : public Sink {
 public:
  // `explain`: add "rule", the attribution frame or sieve the record rests on.
  explicit JsonlSink(OutputStream& out, bool explain = false) : out_(out), explain_(explain) {}
  void Write(const Document& doc, const DocResult& result) override;
  // Write() puts what Render() returns (rendered into a buffer the thread
  // keeps, not copied into a string of its own). Memory per thread that
  // writes: that buffer, as large as the largest document's lines with the
  // room reserved for the worst case of each record (6 bytes an input byte
  // of a string), kept for the thread; and the confidence strings, made on
  // first use (~320 KB).
  bool Renders() const override { return true; }
  std::string Render(const Document& doc, const DocResult& result) const override;
  void Put(std::string_view text) override;
  void End(const CorpusResult&) override { out_.Flush(); }

  // The JSON line (with its '\n') for one record; `index` is built on doc.text.
  static std::string RecordLine(const Document& doc, const text::CodepointIndex& index,
                                const QuoteRecord& record, bool explain = false);

 private:
  // RecordLine appended to `out` (no JSON value built: fields in order,
  // into room reserved for the whole record).
  static void AppendRecord(std::string& out, const Document& doc, const text::CodepointIndex& index,
                           const QuoteRecord& record, bool explain);

  OutputStream& out_;
  bool explain_ = false;
};

}  // namespace whosaid::output
