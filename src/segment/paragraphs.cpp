#include "segment/paragraphs.h"

#include <unicode/uchar.h>

#include <cstdint>

#include "core/text.h"

namespace whosaid::segment {

bool IsBlank(char32_t c) {
  if (c == ' ' || c == '\t' || c == 0xA0 || c == 0xFEFF || c == 0x200B) return true;
  if (c < 0x80) return false;
  return u_isUWhiteSpace(static_cast<UChar32>(c)) && c != 0x2028 && c != 0x2029;
}

namespace {

bool IsLineBreak(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85;
}

// Whether the eight bytes at `p` are ASCII and none is \n or \r: no line
// break (nor any multi-byte character) starts among them, so SplitParagraphs
// passes them eight at a time (news lines are long runs of such bytes).
bool PlainLine8(const char* p) {
  const std::uint64_t w = text::Load8(reinterpret_cast<const unsigned char*>(p));
  return (text::NonAscii8(w) | text::BytesEqual8(w, '\n') | text::BytesEqual8(w, '\r')) == 0;
}

void AddTrimmed(std::string_view text, std::size_t b, std::size_t e, std::vector<Paragraph>& out) {
  while (b < e) {
    std::size_t j = b;
    if (!IsBlank(text::Next(text, j))) break;
    b = j;
  }
  while (e > b) {
    std::size_t j = e;
    if (!IsBlank(text::Prev(text, j))) break;
    e = j;
  }
  if (b < e) out.push_back({Span{b, e}});
}

}  // namespace

std::vector<Paragraph> SplitParagraphs(std::string_view text) {
  std::vector<Paragraph> out;
  std::size_t start = 0, i = 0;
  while (i < text.size()) {
    // (eight plain bytes at a time: no line break starts among them)
    if (i + 8 <= text.size() && PlainLine8(text.data() + i)) {
      i += 8;
      continue;
    }
    std::size_t at = i;
    char32_t c = static_cast<unsigned char>(text[i]) < 0x80 ? static_cast<char32_t>(text[i++])
                                                            : text::Next(text, i);
    if (IsLineBreak(c)) {
      AddTrimmed(text, start, at, out);
      start = i;
    }
  }
  AddTrimmed(text, start, text.size(), out);
  return out;
}

}  // namespace whosaid::segment
