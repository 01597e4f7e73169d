// Fuzz target: the JSON Lines reader (ingest/jsonl_source.h) and the line
// reader under it (ingest/byte_input.h), with small limits so the size
// guards are exercised too.
//
// Checks: every document has an id and valid UTF-8 text within the limit;
// every diagnostic names "fuzz.jsonl:LINE" (or the file on a read error);
// BufferedInput::ReadLine gives back exactly the input's lines.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/text.h"
#include "fuzz_support.h"
#include "ingest/jsonl_source.h"

namespace {

using whosaid::ingest::BufferedInput;
using whosaid::ingest::StringInput;

// ReadLine with no effective limit must split exactly as '\n' does.
void CheckLines(std::string_view input) {
  BufferedInput in(std::make_unique<StringInput>(std::string(input)));
  std::string line, joined;
  std::size_t lines = 0;
  while (in.ReadLine(line, input.size() + 1) == BufferedInput::Line::kOk) {
    joined += line;
    joined += '\n';
    ++lines;
  }
  std::string expected(input);
  if (!expected.empty() && expected.back() != '\n') expected += '\n';
  FUZZ_CHECK(joined == expected);
  (void)lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace whosaid;
  const std::string_view input = fuzz::AsText(data, size);
  CheckLines(input);

  ingest::IngestConfig config;
  config.max_doc_bytes = 256;  // small, so lines over the limit occur
  ingest::JsonlSource source(
      "fuzz.jsonl", "fuzz",
      std::make_unique<BufferedInput>(std::make_unique<StringInput>(std::string(input))), config);
  Document doc;
  std::vector<Diagnostic> diagnostics;
  while (source.Next(doc, diagnostics)) {
    FUZZ_CHECK(!doc.id.empty());
    FUZZ_CHECK(doc.text.size() <= config.max_doc_bytes);
    FUZZ_CHECK(!text::FirstInvalidUtf8(doc.text));
    FUZZ_CHECK(doc.source.rfind("fuzz.jsonl:", 0) == 0);
  }
  for (const Diagnostic& d : diagnostics) {
    FUZZ_CHECK(d.where.rfind("fuzz.jsonl", 0) == 0);
    FUZZ_CHECK(!d.message.empty());
  }
  FUZZ_CHECK(!source.Next(doc, diagnostics));  // stays exhausted
  return 0;
}
