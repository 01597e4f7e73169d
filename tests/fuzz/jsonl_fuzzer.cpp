// Fuzz target: the JSON Lines reader (ingest/jsonl_source.h) and the line
// reader under it (ingest/byte_input.h), with small limits so the size
// guards are exercised too.
//
// Checks: every document has an id and valid UTF-8 text within the limit;
// every diagnostic names "fuzz.jsonl:LINE" (or the file on a read error);
// BufferedInput::ReadLine gives back exactly the input's lines; the fields
// ReadRecord (ingest/jsonl_record.h) streams out of each line are those of
// the line parsed as a JSON value (nlohmann's DOM: the reference), also
// once lone surrogate escapes are replaced (ReplaceLoneSurrogates).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/text.h"
#include "fuzz_support.h"
#include "ingest/jsonl_record.h"
#include "ingest/jsonl_source.h"

namespace {

using whosaid::ingest::BufferedInput;
using whosaid::ingest::StringInput;

// ReadLine with no effective limit must split exactly as '\n' does.
void CheckLines(std::string_view input) {
  BufferedInput in(std::make_unique<StringInput>(std::string(input)));
  std::string line, joined;
  std::size_t lines = 0;
  while (in.ReadLine(line, input.size() + 1, 0) == BufferedInput::Line::kOk) {
    joined += line;
    joined += '\n';
    ++lines;
  }
  std::string expected(input);
  if (!expected.empty() && expected.back() != '\n') expected += '\n';
  FUZZ_CHECK(joined == expected);
  (void)lines;
}

using Json = nlohmann::json;

// What the DOM says a field is: "" absent or not a string (nor, for the id,
// an integer); else "=" + its text.
std::string DomField(const Json& object, const char* key, bool integer_ok) {
  auto it = object.find(key);
  if (it == object.end()) return "";
  if (it->is_string()) return "=" + it->get<std::string>();
  if (integer_ok && (it->is_number_integer() || it->is_number_unsigned())) return "=" + it->dump();
  return "";
}

std::string StreamedField(const whosaid::ingest::RecordField& f, bool integer_ok) {
  using Kind = whosaid::ingest::RecordField::Kind;
  return f.kind == Kind::kString || (integer_ok && f.kind == Kind::kInteger) ? "=" + f.text : "";
}

// ReadRecord against the DOM, on one line of valid UTF-8.
void CheckRecord(const std::string& line) {
  const whosaid::ingest::Record streamed = whosaid::ingest::ReadRecord(line);
  Json dom;
  try {
    dom = Json::parse(line);
  } catch (const Json::exception&) {
    FUZZ_CHECK(!streamed.error.empty());
    return;
  }
  FUZZ_CHECK(streamed.error.empty());
  FUZZ_CHECK(streamed.is_object == dom.is_object());
  if (!dom.is_object()) return;
  FUZZ_CHECK(StreamedField(streamed.id, true) == DomField(dom, "id", true));
  FUZZ_CHECK(StreamedField(streamed.text, false) == DomField(dom, "text", false));
  FUZZ_CHECK(StreamedField(streamed.outlet, false) == DomField(dom, "outlet", false));
  FUZZ_CHECK(StreamedField(streamed.url, false) == DomField(dom, "url", false));
  FUZZ_CHECK(StreamedField(streamed.date, false) == DomField(dom, "date", false));
  auto meta = dom.find("meta");
  const Json empty = Json::object();
  const Json& m = meta != dom.end() && meta->is_object() ? *meta : empty;
  FUZZ_CHECK(StreamedField(streamed.meta_publisher, false) == DomField(m, "publisher", false));
  FUZZ_CHECK(StreamedField(streamed.meta_url, false) == DomField(m, "url", false));
  FUZZ_CHECK(StreamedField(streamed.meta_publication_date, false) ==
             DomField(m, "publication_date", false));
}

// ReplaceLoneSurrogates keeps the length and what the DOM reads of a line
// that parsed before, never leaves a lone surrogate escape (a second pass
// finds none), and its result is read as the DOM reads it.
void CheckSurrogates(const std::string& line) {
  std::string repaired = line;
  const whosaid::ingest::SurrogateRepair r = whosaid::ingest::ReplaceLoneSurrogates(repaired);
  FUZZ_CHECK(repaired.size() == line.size());
  FUZZ_CHECK((r.count == 0) == (repaired == line));
  std::string again = repaired;
  FUZZ_CHECK(whosaid::ingest::ReplaceLoneSurrogates(again).count == 0);
  if (r.count > 0) CheckRecord(repaired);
}

void CheckRecords(std::string_view input) {
  std::istringstream lines{std::string(input)};
  std::string line;
  while (std::getline(lines, line)) {
    const std::string valid = whosaid::text::DecodeLossy(line).text;
    CheckRecord(valid);
    CheckSurrogates(valid);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace whosaid;
  const std::string_view input = fuzz::AsText(data, size);
  CheckLines(input);
  CheckRecords(input);

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
