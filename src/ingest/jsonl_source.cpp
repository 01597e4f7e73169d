#include "ingest/jsonl_source.h"

#include "core/text.h"
#include "ingest/jsonl_record.h"
#include "ingest/metadata.h"

namespace whosaid::ingest {
namespace {

Diagnostic Error(const std::string& where, std::string message) {
  return {Diagnostic::Severity::kError, where, std::move(message)};
}
Diagnostic Warning(const std::string& where, std::string message) {
  return {Diagnostic::Severity::kWarning, where, std::move(message)};
}

// The string of a top-level field, else of its "meta" counterpart, else "".
std::string FieldOrMeta(const RecordField& field, const RecordField& meta) {
  if (field.is_string()) return field.text;
  return meta.is_string() ? meta.text : "";
}

}  // namespace

JsonlSource::JsonlSource(std::string name, std::string stem, std::unique_ptr<BufferedInput> input,
                         const IngestConfig& config)
    : name_(std::move(name)), stem_(std::move(stem)), input_(std::move(input)), config_(config) {}

bool JsonlSource::Next(Document& doc, std::vector<Diagnostic>& diagnostics) {
  // JSON escapes make a line longer than its text; past this it cannot hold
  // a text within the limit worth parsing. Past the cap the rest of the line
  // is skipped to go on with the next record — but only for as many bytes
  // again: a line with no end (/dev/zero) stops the input.
  const std::size_t max_line = 2 * config_.max_doc_bytes + (std::size_t{1} << 20);
  while (!done_) {
    BufferedInput::Line status;
    try {
      status = input_->ReadLine(line_, max_line, max_line);
    } catch (const ReadError& e) {
      diagnostics.push_back(Error(name_, std::string("cannot read: ") + e.what()));
      done_ = true;
      break;
    }
    if (status == BufferedInput::Line::kEnd) break;
    ++line_number_;
    const std::string where = name_ + ":" + std::to_string(line_number_);
    if (status == BufferedInput::Line::kEndless) {
      diagnostics.push_back(Error(
          where,
          "line longer than " + std::to_string(2 * max_line) +
              " bytes without an end (see --max-doc-bytes); the rest of the input is not read"));
      break;
    }
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
  if (SurrogateRepair r = ReplaceLoneSurrogates(line); r.count > 0) {
    diagnostics.push_back(Warning(where, "byte " + std::to_string(r.first_byte) +
                                             " of the line: escape of a lone surrogate (" +
                                             std::to_string(r.count) +
                                             " in the line), replaced with U+FFFD"));
  }
  Record rec = ReadRecord(line);
  if (!rec.error.empty()) {
    diagnostics.push_back(Error(where, "malformed JSON (" + rec.error + "); skipped"));
    return std::nullopt;
  }
  if (!rec.is_object) {
    diagnostics.push_back(Error(where, "not a JSON object; skipped"));
    return std::nullopt;
  }
  if (!rec.text.is_string()) {
    diagnostics.push_back(Error(where, "record has no string \"text\"; skipped"));
    return std::nullopt;
  }
  Document doc;
  if (rec.text.text.size() > config_.max_doc_bytes) {
    diagnostics.push_back(Error(where, "\"text\" larger than --max-doc-bytes (" +
                                           std::to_string(config_.max_doc_bytes) +
                                           " bytes); skipped"));
    return std::nullopt;
  }
  doc.text = std::move(rec.text.text);
  doc.id = std::move(rec.id.text);  // a string, or an integer in decimal
  if (doc.id.empty()) {
    doc.id = stem_ + ":" + std::to_string(line_number_);
    const std::string why =
        rec.id.kind == RecordField::Kind::kOther
            ? std::string("\"id\" is ") + rec.id.other + ", not a string or an integer"
        : rec.id.kind == RecordField::Kind::kString ? "\"id\" is empty"
                                                    : "record has no \"id\"";
    diagnostics.push_back(Warning(where, why + "; named \"" + doc.id + "\""));
  }
  doc.outlet = FieldOrMeta(rec.outlet, rec.meta_publisher);
  doc.url = FieldOrMeta(rec.url, rec.meta_url);
  if (std::string date = FieldOrMeta(rec.date, rec.meta_publication_date); !date.empty()) {
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
