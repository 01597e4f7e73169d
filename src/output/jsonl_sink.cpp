#include "output/jsonl_sink.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>
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
// straight into a buffer with room for the whole record (RecordRoom): no
// JSON value is built, and no write checks for room. Every string goes
// through PutString, which writes exactly what nlohmann's dump(-1, ' ',
// false, replace) writes (the format this sink had): '"' and '\\' escaped,
// the control characters as \b \t \n \f \r or \u00xx, the rest as is; a
// string that is not valid UTF-8 (never from a document, which ingest makes
// valid) is left to nlohmann, so that its replacement characters are the
// same. A string of n bytes takes at most 6n + 2 (\u00xx a byte; U+FFFD's
// three bytes for an invalid one).

// Room for a string of `n` bytes (or null), with a separating comma and
// the eight bytes PutString may store past its end.
constexpr std::size_t StringRoom(std::size_t n) { return 6 * n + 16; }
// Room for everything else of a record: the keys and punctuation (~330
// bytes), seven numbers of at most 20 digits and the confidence.
constexpr std::size_t kRecordFixed = 1024;

template <std::size_t N>
char* PutLiteral(char* p, const char (&literal)[N]) {
  std::memcpy(p, literal, N - 1);
  return p + N - 1;
}

char* PutNumber(char* p, std::size_t v) { return std::to_chars(p, p + 20, v).ptr; }

// The bytes of `w` (eight, little-endian: the first in the low byte) that a
// JSON string cannot pass as they are: a control character (< 0x20), '"',
// '\\' or a byte >= 0x80. Each of the four tests flags its lowest such
// byte exactly (a borrow runs only from a flagged byte to the bytes above
// it), so the lowest flag of the union is the first byte to look at.
std::uint64_t Special8(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return text::NonAscii8(w) | below_space | text::BytesEqual8(w, '"') | text::BytesEqual8(w, '\\');
}

// Some byte of w0 or w1 is one Special8 flags (a yes or no, no position:
// cheaper than Special8 twice). A byte >= 0x80 flags itself (the first
// term). In a word with none, each byte and each byte xor '"' or '\\' is
// below 0x80, so a subtraction borrows — and sets a high bit — only from a
// byte below 0x20 or from a zero byte of the xor (a byte equal to '"' or
// '\\'); with no such byte every difference stays below 0x80.
bool AnySpecial16(std::uint64_t w0, std::uint64_t w1) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const auto any = [](std::uint64_t w) {
    return w | (w - kOnes * 0x20) | ((w ^ (kOnes * '"')) - kOnes) | ((w ^ (kOnes * '\\')) - kOnes);
  };
  return ((any(w0) | any(w1)) & kHigh) != 0;
}

// `s` as a JSON string at p. Returns the end; `*codepoints` is the number of
// code points of s when it is valid UTF-8, else npos (nlohmann wrote it).
// Sixteen plain bytes at a time while there are (AnySpecial16), else eight:
// each word is stored whole, and p advances past its
// plain bytes up to the first special one (Special8), which is written on
// its own; the last word is padded with plain bytes. So it may store up to
// eight bytes past what it writes, within the string's room (StringRoom's
// slack): quotes are long runs of plain ASCII with a curly quotation mark
// or an apostrophe here and there.
char* PutString(char* p, std::string_view s, std::size_t* codepoints = nullptr) {
  constexpr std::uint64_t kPlain = 0x6161616161616161ULL;  // "aaaaaaaa"
  char* const mark = p;
  *p++ = '"';
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t continuations = 0;  // bytes of s that are not the first of a character
  for (std::size_t i = 0; i < n;) {
    if (n - i >= 16) {  // sixteen plain bytes (the common case) copied as read
      const std::uint64_t w0 = text::Load8(b + i), w1 = text::Load8(b + i + 8);
      if (!AnySpecial16(w0, w1)) {
        std::memcpy(p, &w0, 8);
        std::memcpy(p + 8, &w1, 8);
        p += 16;
        i += 16;
        continue;
      }
    }
    const std::size_t r = std::min<std::size_t>(n - i, 8);
    std::uint64_t w = kPlain;
    if (r == 8)
      std::memcpy(&w, b + i, 8);
    else
      std::memcpy(&w, b + i, r);
    std::memcpy(p, &w, 8);
    const std::uint64_t special = Special8(w);
    if (special == 0) {
      p += r;
      i += r;
      continue;
    }
    const auto plain = static_cast<std::size_t>(std::countr_zero(special)) / 8;  // < r
    p += plain;
    i += plain;
    const unsigned char c = b[i];
    if (c >= 0x80) {  // a multi-byte character: copied once known valid
      int32_t k = 0;
      const auto m = static_cast<int32_t>(std::min<std::size_t>(n - i, 4));
      UChar32 cp;
      U8_NEXT(b + i, k, m, cp);
      if (cp < 0) {
        const std::string dumped =
            Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        if (codepoints) *codepoints = std::string_view::npos;
        std::memcpy(mark, dumped.data(), dumped.size());
        return mark + dumped.size();
      }
      for (int32_t j = 0; j < k; ++j) *p++ = static_cast<char>(b[i + j]);
      continuations += static_cast<std::size_t>(k - 1);
      i += static_cast<std::size_t>(k);
      continue;
    }
    ++i;
    *p++ = '\\';
    switch (c) {
      case '"':
      case '\\':
        *p++ = static_cast<char>(c);
        break;
      case '\b':
        *p++ = 'b';
        break;
      case '\t':
        *p++ = 't';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\f':
        *p++ = 'f';
        break;
      case '\r':
        *p++ = 'r';
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        p = PutLiteral(p, "u00");
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 0xF];
      }
    }
  }
  *p++ = '"';
  if (codepoints) *codepoints = n - continuations;
  return p;
}

char* PutStringOrNull(char* p, const std::string& s) {
  return s.empty() ? PutLiteral(p, "null") : PutString(p, s);
}

// {"text": …, "start": …, "end": … (the caller closes it). The end's code
// point is the start's plus the text's code points, counted as it is
// written (a look-up only when nlohmann wrote it).
char* PutSpan(char* p, const Document& doc, const text::CodepointIndex& index, Span span) {
  span = Snap(doc.text, span);
  p = PutLiteral(p, "{\"text\":");
  std::size_t codepoints = 0;
  p = PutString(p, std::string_view(doc.text).substr(span.begin, span.end - span.begin),
                &codepoints);
  p = PutLiteral(p, ",\"start\":");
  const std::size_t start = index.ToCodepoint(span.begin);
  p = PutNumber(p, start);
  p = PutLiteral(p, ",\"end\":");
  return PutNumber(
      p, codepoints == std::string_view::npos ? index.ToCodepoint(span.end) : start + codepoints);
}

std::size_t SpanRoom(const Document& doc, Span span) {
  span = Snap(doc.text, span);
  return StringRoom(span.end - span.begin);
}

char* PutSpeaker(char* p, const Document& doc, const text::CodepointIndex& index,
                 const Speaker& s) {
  p = PutLiteral(p, "{\"entity\":");
  p = PutStringOrNull(p, s.entity);
  p = PutLiteral(p, ",\"name\":");
  p = PutStringOrNull(p, s.name);
  p = PutLiteral(p, ",\"mention\":");
  if (s.mention.empty()) {
    p = PutLiteral(p, "null");
  } else {
    p = PutSpan(p, doc, index, s.mention);
    *p++ = '}';
  }
  p = PutLiteral(p, ",\"type\":");
  p = PutString(p, ToString(s.type));
  p = PutLiteral(p, ",\"role\":");
  p = PutStringOrNull(p, s.role);
  p = PutLiteral(p, ",\"affiliation\":");
  p = PutStringOrNull(p, s.affiliation);
  *p++ = '}';
  return p;
}

std::size_t SpeakerRoom(const Document& doc, const Speaker& s) {
  return StringRoom(s.entity.size()) + StringRoom(s.name.size()) +
         (s.mention.empty() ? 0 : SpanRoom(doc, s.mention)) +
         StringRoom(std::strlen(ToString(s.type))) + StringRoom(s.role.size()) +
         StringRoom(s.affiliation.size());
}

char* PutEvent(char* p, const EventRef& e) {
  p = PutLiteral(p, "{\"id\":");
  p = PutStringOrNull(p, e.id);
  p = PutLiteral(p, ",\"type\":");
  p = PutStringOrNull(p, e.type);
  p = PutLiteral(p, ",\"where\":[");
  for (std::size_t i = 0; i < e.where.size(); ++i) {
    if (i > 0) *p++ = ',';
    p = PutString(p, e.where[i]);
  }
  p = PutLiteral(p, "],\"when\":");
  p = PutStringOrNull(p, e.when);
  p = PutLiteral(p, ",\"label\":");
  p = PutStringOrNull(p, e.label);
  *p++ = '}';
  return p;
}

std::size_t EventRoom(const EventRef& e) {
  std::size_t room = StringRoom(e.id.size()) + StringRoom(e.type.size()) +
                     StringRoom(e.when.size()) + StringRoom(e.label.size());
  for (const std::string& w : e.where) room += StringRoom(w.size());
  return room;
}

// The confidence clamped to [0, 1] and rounded to 4 decimals, as nlohmann
// writes that double (its shortest form, "0.94", "1.0"): one of 10,001
// values (and -0.0, which stays -0.0), each written by nlohmann the first
// time the thread meets it (a run meets a few hundred: making all of them
// at once cost ~10 M instructions a run).
char* PutConfidence(char* p, double c) {
  constexpr int kSteps = 10000;
  thread_local std::vector<std::string> table(kSteps + 2);
  const double steps = std::isfinite(c) ? std::round(std::clamp(c, 0.0, 1.0) * 1e4) : 0.0;
  const bool negative_zero = steps == 0 && std::signbit(steps);
  std::string& s = table[negative_zero ? kSteps + 1 : static_cast<std::size_t>(steps)];
  if (s.empty()) {
    s = negative_zero ? Json(-0.0).dump() : Json(steps / 1e4).dump();
    if (s.size() > 64) throw std::logic_error("JsonlSink: a confidence longer than its room");
  }
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// The most bytes AppendRecord writes for `record` (each string's room,
// kRecordFixed for the rest).
std::size_t RecordRoom(const Document& doc, const QuoteRecord& record, bool explain) {
  std::size_t room = kRecordFixed + StringRoom(doc.id.size()) + StringRoom(doc.outlet.size()) +
                     SpanRoom(doc, record.quote) + StringRoom(std::strlen(ToString(record.kind)));
  if (record.cue) room += SpanRoom(doc, *record.cue);
  if (record.speaker) room += SpeakerRoom(doc, *record.speaker);
  if (record.event) room += EventRoom(*record.event);
  if (record.statement) room += StringRoom(record.statement->id.size());
  if (explain) room += StringRoom(record.rule.size());
  return room;
}

char* PutRecord(char* p, const Document& doc, const text::CodepointIndex& index,
                const QuoteRecord& record, bool explain) {
  p = PutLiteral(p, "{\"doc\":");
  p = PutString(p, doc.id);
  p = PutLiteral(p, ",\"outlet\":");
  p = PutStringOrNull(p, doc.outlet);
  p = PutLiteral(p, ",\"quote\":");
  p = PutSpan(p, doc, index, record.quote);
  p = PutLiteral(p, ",\"kind\":");
  p = PutString(p, ToString(record.kind));
  p = PutLiteral(p, "},\"cue\":");
  if (record.cue) {
    p = PutSpan(p, doc, index, *record.cue);
    *p++ = '}';
  } else {
    p = PutLiteral(p, "null");
  }
  p = PutLiteral(p, ",\"speaker\":");
  if (record.speaker)
    p = PutSpeaker(p, doc, index, *record.speaker);
  else
    p = PutLiteral(p, "null");
  p = PutLiteral(p, ",\"event\":");
  if (record.event)
    p = PutEvent(p, *record.event);
  else
    p = PutLiteral(p, "null");
  if (record.statement) {
    p = PutLiteral(p, ",\"statement\":{\"id\":");
    p = PutString(p, record.statement->id);
    p = PutLiteral(p, ",\"appearances\":");
    p = std::to_chars(p, p + 20, record.statement->appearances).ptr;
    *p++ = '}';
  }
  p = PutLiteral(p, ",\"confidence\":");
  p = PutConfidence(p, record.confidence);
  if (explain) {
    p = PutLiteral(p, ",\"rule\":");
    p = PutString(p, record.rule);
  }
  return PutLiteral(p, "}\n");
}

// The lines of a document, rendered into a buffer kept by the thread: its
// size only grows (no clearing, no reallocation per document).
std::string_view RenderLines(const Document& doc, const DocResult& result, bool explain) {
  thread_local std::string buffer;
  if (result.quotes.empty()) return {};
  const text::CodepointIndex index(doc.text);
  std::size_t used = 0;
  for (const QuoteRecord& record : result.quotes) {
    const std::size_t room = RecordRoom(doc, record, explain);
    if (buffer.size() - used < room) buffer.resize(std::max(2 * buffer.size(), used + room));
    char* const begin = buffer.data() + used;
    const char* const end = PutRecord(begin, doc, index, record, explain);
    if (static_cast<std::size_t>(end - begin) > room)
      throw std::logic_error("JsonlSink: a record longer than its room");
    used += static_cast<std::size_t>(end - begin);
  }
  return {buffer.data(), used};
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
  const std::size_t at = out.size();
  out.resize(at + RecordRoom(doc, record, explain));
  const char* end = PutRecord(out.data() + at, doc, index, record, explain);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

void JsonlSink::Write(const Document& doc, const DocResult& result) {
  Put(RenderLines(doc, result, explain_));
}

std::string JsonlSink::Render(const Document& doc, const DocResult& result) const {
  return std::string(RenderLines(doc, result, explain_));
}

void JsonlSink::Put(std::string_view text) {
  if (!text.empty()) out_.Write(text);
}

}  // namespace whosaid::output
