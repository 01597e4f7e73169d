// whosaid::Document — one news article as read, plus its metadata.
//
// Contract
//   `text` is the document exactly as read, decoded as UTF-8. Where the input
//   held bytes that are not valid UTF-8, each maximal invalid subsequence has
//   been replaced by U+FFFD (the same rule Python's errors="replace" uses), so
//   code-point offsets into `text` match what a reader of the original file
//   with replacement sees. Nothing else is rewritten: no newline or quote
//   normalisation, no BOM stripping (a BOM is one code point, U+FEFF).
//   Every stage works on byte offsets into `text`; output converts them to
//   code points (see core/text.h, CodepointIndex).
//
// Example
//   Document d{.id = "doc-1", .text = "\"Hi,\" he said."};
#pragma once

#include <string>

namespace whosaid {

struct Document {
  std::string id;      // file stem, or the "id" of a JSON Lines record
  std::string text;    // valid UTF-8 (see above)
  std::string outlet;  // "" when unknown
  std::string url;     // "" when unknown
  std::string date;    // ISO date "YYYY-MM-DD" or "YYYY-MM"; "" when unknown
  std::string source;  // where it came from, for messages: "path" or "path:line"
};

}  // namespace whosaid
