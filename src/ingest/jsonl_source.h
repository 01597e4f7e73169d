// whosaid::ingest::JsonlSource — documents from JSON Lines, one per line,
// read line by line (the file is never held whole in memory), each record
// field by field (jsonl_record.h: no JSON value is built, so no line shape
// costs more memory than the line).
//
// Record format
//   {"id": "doc-1", "text": "full article", "outlet": "...", "url": "...",
//    "date": "YYYY-MM-DD"}
//   `text` (a string) is required. `id` may be a string or a number; when it
//   is missing the document is named "STEM:LINE" (STEM = the file's stem)
//   with a warning. `outlet`, `url` and `date` are optional; when absent, the
//   PolNeAR-style `meta.publisher`, `meta.url` and `meta.publication_date`
//   are used. Other fields (gold annotations, ...) are ignored.
//
// Errors (each names "PATH:LINE" and the other lines go on)
//   * a line that is not a JSON object, or a record without a string `text`:
//     error, line skipped;
//   * a `text` longer than IngestConfig::max_doc_bytes, or a line longer than
//     2 × max_doc_bytes + 1 MiB (not even parsed): error, line skipped;
//   * invalid UTF-8 in the line: replaced by U+FFFD before parsing, warning;
//   * a read error: error, the rest of the input is lost.
//   Blank lines are skipped silently.
//
// Example
//   JsonlSource src("dev.jsonl", "dev", std::make_unique<BufferedInput>(
//                       std::make_unique<FdInput>(fd, true)), {});
//   while (src.Next(doc, diags)) ...
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/byte_input.h"
#include "ingest/source.h"

namespace whosaid::ingest {

class JsonlSource : public DocumentSource {
 public:
  // `name` is used in messages ("PATH:LINE"), `stem` in default ids.
  JsonlSource(std::string name, std::string stem, std::unique_ptr<BufferedInput> input,
              const IngestConfig& config);

  bool Next(Document& doc, std::vector<Diagnostic>& diagnostics) override;

 private:
  // One non-blank line → a document, or nullopt with an error.
  std::optional<Document> ParseRecord(std::string& line, const std::string& where,
                                      std::vector<Diagnostic>& diagnostics) const;

  std::string name_;
  std::string stem_;
  std::unique_ptr<BufferedInput> input_;
  IngestConfig config_;
  int line_number_ = 0;
  bool done_ = false;
  std::string line_;  // reused between lines
};

}  // namespace whosaid::ingest
