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
//   std::string line = R"({"text": "a \ud800 b"})";
//   ReplaceLoneSurrogates(line);   // {count 1, first_byte 12}; line has "\ufffd"
#pragma once

#include <string>
#include <string_view>

namespace whosaid::ingest {

struct RecordField {
  enum class Kind { kAbsent, kString, kInteger, kOther };
  Kind kind = Kind::kAbsent;
  std::string text;  // the string, or the integer in decimal; "" for anything else
  // For kOther, what the value is, for messages: "null", "a boolean", "a
  // fractional number", "an object", "an array"; "" otherwise.
  const char* other = "";
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

// JSON escapes of lone surrogates ("\ud800" not followed by a low surrogate,
// "\udc00" not preceded by a high one) encode no character: a JSON parser
// rejects the whole line. ReplaceLoneSurrogates rewrites each into "\ufffd"
// (U+FFFD, as invalid UTF-8 bytes become; the same length, so byte offsets
// in the line do not move) and says how many it replaced and where the
// first one starts. Escaped backslashes ("\\ud800", the text \ud800) are
// left alone.
struct SurrogateRepair {
  std::size_t count = 0;
  std::size_t first_byte = 0;  // of the first replaced escape (when count > 0)
};
SurrogateRepair ReplaceLoneSurrogates(std::string& line);

}  // namespace whosaid::ingest
