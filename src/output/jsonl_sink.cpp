#include "output/jsonl_sink.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace whosaid::output {
namespace {

using Json = nlohmann::ordered_json;

bool IsContinuation(const std::string& s, std::size_t i) {
  return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}

// The span clamped to the text and widened to character boundaries.
Span Snap(const std::string& text, Span span) {
  span.end = std::min(span.end, text.size());
  span.begin = std::min(span.begin, span.end);
  while (span.begin > 0 && IsContinuation(text, span.begin)) --span.begin;
  while (IsContinuation(text, span.end)) ++span.end;
  return span;
}

// The line is written field by field in the fixed order of docs/output.md,
// into one string: no JSON value is built. Every string goes through
// Append, which writes exactly what nlohmann's dump(-1, ' ', false,
// replace) writes (the format this sink had): '"' and '\\' escaped, the
// control characters as \b \t \n \f \r or \u00xx, the rest as is; a string
// that is not valid UTF-8 (never from a document, which ingest makes valid)
// is left to nlohmann, so that its replacement characters are the same.
//
// Plain ASCII (no control character, quote or backslash) is passed eight
// bytes at a time (text::JsonPlainAscii8): quotes are long runs of it.
void Append(std::string& out, std::string_view s) {
  const std::size_t mark = out.size();
  out += '"';
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t plain = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < n;) {
    if (i + 8 <= n && text::JsonPlainAscii8(b + i)) {
      i += 8;
      continue;
    }
    const unsigned char c = b[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {  // a multi-byte character: copied once known valid
      int32_t k = 0;
      const auto m = static_cast<int32_t>(std::min<std::size_t>(n - i, 4));
      UChar32 cp;
      U8_NEXT(b + i, k, m, cp);
      if (cp < 0) {
        out.resize(mark);
        out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += static_cast<std::size_t>(k);
      continue;
    }
    out.append(s.data() + plain, i - plain);
    out += '\\';
    switch (c) {
      case '"':
      case '\\':
        out += static_cast<char>(c);
        break;
      case '\b':
        out += 'b';
        break;
      case '\t':
        out += 't';
        break;
      case '\n':
        out += 'n';
        break;
      case '\f':
        out += 'f';
        break;
      case '\r':
        out += 'r';
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
    plain = ++i;
  }
  out.append(s.data() + plain, n - plain);
  out += '"';
}

void AppendOrNull(std::string& out, const std::string& s) {
  if (s.empty())
    out += "null";
  else
    Append(out, s);
}

void AppendNumber(std::string& out, std::size_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// {"text": …, "start": …, "end": …, then `more` (",\"kind\":…") and "}".
void AppendSpan(std::string& out, const Document& doc, const text::CodepointIndex& index,
                Span span) {
  span = Snap(doc.text, span);
  out += "{\"text\":";
  Append(out, std::string_view(doc.text).substr(span.begin, span.end - span.begin));
  out += ",\"start\":";
  AppendNumber(out, index.ToCodepoint(span.begin));
  out += ",\"end\":";
  AppendNumber(out, index.ToCodepoint(span.end));
}

void AppendSpeaker(std::string& out, const Document& doc, const text::CodepointIndex& index,
                   const Speaker& s) {
  out += "{\"entity\":";
  AppendOrNull(out, s.entity);
  out += ",\"name\":";
  AppendOrNull(out, s.name);
  out += ",\"mention\":";
  if (s.mention.empty()) {
    out += "null";
  } else {
    AppendSpan(out, doc, index, s.mention);
    out += '}';
  }
  out += ",\"type\":";
  Append(out, ToString(s.type));
  out += ",\"role\":";
  AppendOrNull(out, s.role);
  out += ",\"affiliation\":";
  AppendOrNull(out, s.affiliation);
  out += '}';
}

void AppendEvent(std::string& out, const EventRef& e) {
  out += "{\"id\":";
  AppendOrNull(out, e.id);
  out += ",\"type\":";
  AppendOrNull(out, e.type);
  out += ",\"where\":[";
  for (std::size_t i = 0; i < e.where.size(); ++i) {
    if (i > 0) out += ',';
    Append(out, e.where[i]);
  }
  out += "],\"when\":";
  AppendOrNull(out, e.when);
  out += ",\"label\":";
  AppendOrNull(out, e.label);
  out += '}';
}

// The confidence clamped to [0, 1] and rounded to 4 decimals, as nlohmann
// writes that double (its shortest form, "0.94", "1.0"): one of 10,001
// values, each written once by nlohmann into a table.
void AppendConfidence(std::string& out, double c) {
  constexpr int kSteps = 10000;
  static const std::vector<std::string> table = [] {
    std::vector<std::string> t(kSteps + 1);
    for (int k = 0; k <= kSteps; ++k) t[k] = Json(k / 1e4).dump();
    return t;
  }();
  const double steps = std::isfinite(c) ? std::round(std::clamp(c, 0.0, 1.0) * 1e4) : 0.0;
  if (steps == 0 && std::signbit(steps)) {  // -0.0 stays -0.0, as nlohmann writes it
    out += Json(-0.0).dump();
    return;
  }
  out += table[static_cast<std::size_t>(steps)];
}

}  // namespace

std::string JsonlSink::RecordLine(const Document& doc, const text::CodepointIndex& index,
                                  const QuoteRecord& record, bool explain) {
  std::string line;
  AppendRecord(line, doc, index, record, explain);
  return line;
}

void JsonlSink::AppendRecord(std::string& out, const Document& doc,
                             const text::CodepointIndex& index, const QuoteRecord& record,
                             bool explain) {
  out += "{\"doc\":";
  Append(out, doc.id);
  out += ",\"outlet\":";
  AppendOrNull(out, doc.outlet);
  out += ",\"quote\":";
  AppendSpan(out, doc, index, record.quote);
  out += ",\"kind\":";
  Append(out, ToString(record.kind));
  out += "},\"cue\":";
  if (record.cue) {
    AppendSpan(out, doc, index, *record.cue);
    out += '}';
  } else {
    out += "null";
  }
  out += ",\"speaker\":";
  if (record.speaker)
    AppendSpeaker(out, doc, index, *record.speaker);
  else
    out += "null";
  out += ",\"event\":";
  if (record.event)
    AppendEvent(out, *record.event);
  else
    out += "null";
  if (record.statement) {
    out += ",\"statement\":{\"id\":";
    Append(out, record.statement->id);
    out += ",\"appearances\":";
    out += std::to_string(record.statement->appearances);
    out += '}';
  }
  out += ",\"confidence\":";
  AppendConfidence(out, record.confidence);
  if (explain) {
    out += ",\"rule\":";
    Append(out, record.rule);
  }
  out += "}\n";
}

void JsonlSink::Write(const Document& doc, const DocResult& result) { Put(Render(doc, result)); }

std::string JsonlSink::Render(const Document& doc, const DocResult& result) const {
  std::string lines;
  if (result.quotes.empty()) return lines;
  const text::CodepointIndex index(doc.text);
  for (const QuoteRecord& record : result.quotes) AppendRecord(lines, doc, index, record, explain_);
  return lines;
}

void JsonlSink::Put(std::string_view text) {
  if (!text.empty()) out_.Write(text);
}

}  // namespace whosaid::output
