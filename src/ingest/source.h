// whosaid::ingest — where documents come from.
//
// A DocumentSource yields Documents one at a time, so a corpus of any size is
// streamed: nothing holds more than the document being read (a JSON Lines
// file is read line by line; a directory is listed, then read file by file).
// Problems are reported as Diagnostics next to the documents and never stop
// the other inputs: an unreadable file, a malformed JSON Lines record or an
// oversized document is skipped with an error; invalid UTF-8 is replaced
// with U+FFFD and reported as a warning.
//
// Contract of Next()
//   Input:  `doc` (overwritten), `diagnostics` (appended to).
//   Output: true with `doc` filled when a document was read; false when the
//           source is exhausted. Diagnostics may be appended either way, and
//           several inputs may be skipped (with their diagnostics) inside one
//           call before a document is found.
//
// Example
//   whosaid::ingest::InputReader reader({"corpus", "extra.jsonl"}, {});
//   whosaid::Document doc;
//   std::vector<whosaid::Diagnostic> diags;
//   while (reader.Next(doc, diags)) Process(doc);
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"

namespace whosaid::ingest {

// How input files are interpreted (--input-format).
enum class InputFormat {
  kAuto,   // *.jsonl files are JSON Lines, everything else is text; standard
           // input is JSON Lines when its first non-blank byte is '{'
  kText,   // every input is one text document
  kJsonl,  // every input is JSON Lines, one document per line
};

// Parses "auto", "text" or "jsonl"; nullopt for anything else.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

struct IngestConfig {
  InputFormat format = InputFormat::kAuto;
  // Documents larger than this (file size, or the bytes of a JSON Lines
  // record's "text") are skipped with an error. Default 16 MiB: the corpus
  // stage keeps every name a document mentions until the run ends, about 50
  // bytes of memory per byte of text made only of names (16 MiB of it:
  // 820 MB peak), so a larger default would let one document take gigabytes.
  std::size_t max_doc_bytes = std::size_t{16} << 20;
  // A text input with a NUL byte among its first this many bytes is taken for
  // a binary file and skipped with a warning. Default 8 KiB.
  std::size_t binary_sniff_bytes = 8192;
};

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // See the contract above.
  virtual bool Next(Document& doc, std::vector<Diagnostic>& diagnostics) = 0;
};

}  // namespace whosaid::ingest
