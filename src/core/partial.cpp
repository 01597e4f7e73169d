#include "core/partial.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "core/text.h"

namespace whosaid {
namespace {

bool IsContinuation(const std::string& s, std::size_t i) {
  return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}

// Appends `chars` code points taking `bytes` bytes (chars <= bytes <= 4 *
// chars): four-byte characters while the surplus lasts, then one two- or
// three-byte character for the rest of it, then spaces.
void Fill(std::string& out, std::size_t bytes, std::size_t chars) {
  if (bytes < chars || bytes > 4 * chars) {  // counts no text has (a malformed partial)
    out.append(bytes, ' ');
    return;
  }
  std::size_t surplus = bytes - chars;  // bytes beyond one per character
  const std::size_t four = std::min(chars, surplus / 3);
  for (std::size_t i = 0; i < four; ++i) out += "\xF0\x90\x80\x80";  // U+10000
  surplus -= 3 * four;
  std::size_t rest = chars - four;
  if (surplus == 2 && rest > 0) out += "\xE2\x80\x80", --rest;  // U+2000
  if (surplus == 1 && rest > 0) out += "\xC2\xA0", --rest;      // U+00A0
  out.append(rest, ' ');
}

}  // namespace

CutText CutPieces(const std::string& text, std::vector<Span> spans) {
  for (Span& s : spans) {
    s.end = std::min(s.end, text.size());
    s.begin = std::min(s.begin, s.end);
    while (s.begin > 0 && IsContinuation(text, s.begin)) --s.begin;
    while (IsContinuation(text, s.end)) ++s.end;
  }
  std::erase_if(spans, [](const Span& s) { return s.empty(); });
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> joined;
  for (const Span& s : spans) {
    if (!joined.empty() && s.begin <= joined.back().end)
      joined.back().end = std::max(joined.back().end, s.end);
    else
      joined.push_back(s);
  }
  CutText cut;
  cut.pieces.reserve(joined.size());
  const std::string_view all(text);
  std::size_t counted = 0;  // code points in all[0, counted) are in cut.codepoints
  for (const Span& s : joined) {
    cut.codepoints += text::CountCodepoints(all.substr(counted, s.begin - counted));
    counted = s.begin;
    cut.pieces.push_back({s.begin, cut.codepoints, text.substr(s.begin, s.size())});
  }
  cut.codepoints += text::CountCodepoints(all.substr(counted));
  return cut;
}

std::vector<TextPiece> TextPieces(const std::string& text, std::vector<Span> spans) {
  return CutPieces(text, std::move(spans)).pieces;
}

std::vector<Span> ReadSpans(const std::vector<QuoteRecord>& quotes,
                            const std::vector<claims::Figure>& figures) {
  std::vector<Span> spans;
  for (const QuoteRecord& q : quotes) {
    spans.push_back(q.quote);
    if (q.cue) spans.push_back(*q.cue);
    if (q.speaker) spans.push_back(q.speaker->mention);
  }
  for (const claims::Figure& f : figures) spans.push_back(f.span);
  return spans;
}

Document Skeleton(const Partial& p) {
  Document doc = p.doc;
  doc.text.reserve(p.bytes);
  std::size_t codepoints = 0;
  for (const TextPiece& piece : p.pieces) {
    if (piece.byte < doc.text.size() || piece.codepoint < codepoints) continue;  // malformed
    Fill(doc.text, piece.byte - doc.text.size(), piece.codepoint - codepoints);
    doc.text += piece.text;
    codepoints = piece.codepoint + text::CountCodepoints(piece.text);
  }
  if (p.bytes >= doc.text.size() && p.codepoints >= codepoints)
    Fill(doc.text, p.bytes - doc.text.size(), p.codepoints - codepoints);
  return doc;
}

}  // namespace whosaid
