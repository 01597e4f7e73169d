// whosaid::ingest::ReadRecord — the fields of one JSON Lines record, read
// without building the JSON value.
//
// A record line may be up to 2 × --max-doc-bytes long; as a JSON value
// (nlohmann's DOM) a line of 20 MB of "[[[[…" or of "1,1,1,…" took 1.5 GB.
// ReadRecord streams the line through a SAX parser and keeps only the fields
// a document uses, so memory is the line plus those strings, whatever the
// line's shape.
//
// Fields (see jsonl_source.h): top-level "id", "text", "outlet", "url",
// "date", and "publisher", "url", "publication_date" inside a top-level
// "meta" object. As in a JSON object, the last of two equal keys wins.
//
// Example
//   Record r = ReadRecord(R"({"id": 7, "text": "T", "meta": {"publisher": "P"}})");
//   // r.ok(), r.id.text == "7", r.text.text == "T", r.meta_publisher.text == "P"
#pragma once

#include <string>
#include <string_view>

namespace whosaid::ingest {

struct RecordField {
  enum class Kind { kAbsent, kString, kInteger, kOther };
  Kind kind = Kind::kAbsent;
  std::string text;  // the string, or the integer in decimal; "" for anything else
  bool is_string() const { return kind == Kind::kString; }
};

struct Record {
  std::string error;       // not JSON: the parser's message ("parse error at column 5: …")
  bool is_object = false;  // the line is one JSON object
  RecordField id, text, outlet, url, date;
  RecordField meta_publisher, meta_url, meta_publication_date;
  bool ok() const { return error.empty() && is_object; }
};

// `line` must be valid UTF-8 (the reader replaces invalid bytes first).
Record ReadRecord(std::string_view line);

}  // namespace whosaid::ingest
