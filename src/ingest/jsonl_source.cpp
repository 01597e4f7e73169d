#include "ingest/jsonl_source.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "ingest/metadata.h"

namespace whosaid::ingest {
namespace {

using Json = nlohmann::json;

Diagnostic Error(const std::string& where, std::string message) {
  return {Diagnostic::Severity::kError, where, std::move(message)};
}
Diagnostic Warning(const std::string& where, std::string message) {
  return {Diagnostic::Severity::kWarning, where, std::move(message)};
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 5:
// ..." without the bracketed tag and the always-1 line number. Any
// json::exception: a number too large for a double ("1e999") is an
// out_of_range, not a parse_error.
std::string ParseErrorText(const Json::exception& e) {
  std::string what = e.what();
  if (auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
  if (what.rfind("parse error at line 1, ", 0) == 0) what.replace(0, 23, "parse error at ");
  return what;
}

// The string at `key`, else at meta[`meta_key`], else "".
std::string FieldOrMeta(const Json& rec, const char* key, const char* meta_key) {
  if (auto it = rec.find(key); it != rec.end() && it->is_string()) return it->get<std::string>();
  auto meta = rec.find("meta");
  if (meta == rec.end() || !meta->is_object()) return "";
  auto it = meta->find(meta_key);
  return it != meta->end() && it->is_string() ? it->get<std::string>() : "";
}

// The record's id as a string; "" when missing or not a string/number.
std::string IdOf(const Json& rec) {
  auto it = rec.find("id");
  if (it == rec.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
  return "";
}

}  // namespace

JsonlSource::JsonlSource(std::string name, std::string stem, std::unique_ptr<BufferedInput> input,
                         const IngestConfig& config)
    : name_(std::move(name)), stem_(std::move(stem)), input_(std::move(input)), config_(config) {}

bool JsonlSource::Next(Document& doc, std::vector<Diagnostic>& diagnostics) {
  // JSON escapes make a line longer than its text; past this it cannot hold
  // a text within the limit worth parsing.
  const std::size_t max_line = 2 * config_.max_doc_bytes + (std::size_t{1} << 20);
  while (!done_) {
    BufferedInput::Line status;
    try {
      status = input_->ReadLine(line_, max_line);
    } catch (const ReadError& e) {
      diagnostics.push_back(Error(name_, std::string("cannot read: ") + e.what()));
      done_ = true;
      break;
    }
    if (status == BufferedInput::Line::kEnd) break;
    ++line_number_;
    const std::string where = name_ + ":" + std::to_string(line_number_);
    if (status == BufferedInput::Line::kTooLong) {
      diagnostics.push_back(Error(where, "line longer than " + std::to_string(max_line) +
                                             " bytes (see --max-doc-bytes); skipped"));
      continue;
    }
    if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (auto parsed = ParseRecord(line_, where, diagnostics)) {
      doc = std::move(*parsed);
      return true;
    }
  }
  done_ = true;
  return false;
}

std::optional<Document> JsonlSource::ParseRecord(std::string& line, const std::string& where,
                                                 std::vector<Diagnostic>& diagnostics) const {
  text::Decoded decoded = text::DecodeLossy(line);
  if (!decoded.invalid.empty()) {
    diagnostics.push_back(Warning(where, "byte " + std::to_string(decoded.invalid.front()) +
                                             " of the line: invalid UTF-8, replaced with U+FFFD"));
    line = std::move(decoded.text);
  }
  Json rec;
  try {
    rec = Json::parse(line);
  } catch (const Json::exception& e) {
    diagnostics.push_back(Error(where, "malformed JSON (" + ParseErrorText(e) + "); skipped"));
    return std::nullopt;
  }
  if (!rec.is_object()) {
    diagnostics.push_back(Error(where, "not a JSON object; skipped"));
    return std::nullopt;
  }
  auto text = rec.find("text");
  if (text == rec.end() || !text->is_string()) {
    diagnostics.push_back(Error(where, "record has no string \"text\"; skipped"));
    return std::nullopt;
  }
  Document doc;
  doc.text = text->get<std::string>();
  if (doc.text.size() > config_.max_doc_bytes) {
    diagnostics.push_back(Error(where, "\"text\" larger than --max-doc-bytes (" +
                                           std::to_string(config_.max_doc_bytes) +
                                           " bytes); skipped"));
    return std::nullopt;
  }
  doc.id = IdOf(rec);
  if (doc.id.empty()) {
    doc.id = stem_ + ":" + std::to_string(line_number_);
    diagnostics.push_back(Warning(where, "record has no \"id\"; named \"" + doc.id + "\""));
  }
  doc.outlet = FieldOrMeta(rec, "outlet", "publisher");
  doc.url = FieldOrMeta(rec, "url", "url");
  if (std::string date = FieldOrMeta(rec, "date", "publication_date"); !date.empty()) {
    if (auto iso = NormalizeIsoDate(date)) {
      doc.date = *iso;
    } else {
      diagnostics.push_back(
          Warning(where, "date \"" + date + "\" is not YYYY-MM-DD or YYYY-MM; ignored"));
    }
  }
  doc.source = where;
  return doc;
}

}  // namespace whosaid::ingest
