#include "segment/paragraphs.h"

#include <unicode/uchar.h>

#include <array>
#include <cstdint>

#include "core/text.h"
#include "segment/byte_scan.h"

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

// The ASCII line breaks: every other one (U+0085, U+2028, U+2029) is a
// multi-byte character, whose first byte FirstStop stops at too.
constexpr std::array<unsigned char, 2> kAsciiBreaks{'\n', '\r'};

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
    // (the ASCII bytes that are no \n or \r passed sixteen at a time: no
    // line break starts among them; i stays at a character's first byte)
    i = FirstStop(reinterpret_cast<const unsigned char*>(text.data()), i, text.size(),
                  kAsciiBreaks);
    if (i >= text.size()) break;
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
