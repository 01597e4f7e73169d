#include "segment/windows.h"

#include <algorithm>

namespace whosaid::segment {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where the window [begin, limit) should end; limit < text.size().
std::size_t CutPoint(std::string_view text, std::size_t begin, std::size_t limit) {
  const std::size_t half = begin + (limit - begin) / 2;
  std::string_view tail = text.substr(half, limit - half);
  if (std::size_t nl = tail.rfind('\n'); nl != std::string_view::npos) return half + nl + 1;
  std::size_t blank = std::string_view::npos;
  for (std::size_t i = tail.size(); i-- > 1;) {
    if (tail[i] != ' ') continue;
    char before = tail[i - 1];
    if (before == '.' || before == '!' || before == '?') return half + i + 1;
    if (blank == std::string_view::npos) blank = i;
  }
  if (blank != std::string_view::npos) return half + blank + 1;
  std::size_t cut = limit;
  while (cut > begin + 1 && IsContinuation(text[cut])) --cut;
  return cut;
}

// A cut that is not after a line break or a blank went through a word.
bool InWord(std::string_view text, std::size_t cut) {
  return cut > 0 && cut < text.size() && text[cut - 1] != '\n' && text[cut - 1] != ' ';
}

// After a cut through a word, the end of that word's rest (after the first
// blank or line break within `max_bytes`), or npos.
std::size_t RestOfWord(std::string_view text, std::size_t begin, std::size_t max_bytes) {
  std::string_view ahead = text.substr(begin, max_bytes);
  std::size_t blank = ahead.find_first_of(" \n");
  return blank == std::string_view::npos ? blank : begin + blank + 1;
}

}  // namespace

std::vector<Span> SplitWindows(std::string_view text, std::size_t max_bytes) {
  std::vector<Span> out;
  max_bytes = std::max<std::size_t>(max_bytes, 8);  // room for any character
  std::size_t begin = 0;
  for (;;) {
    // The rest of a word cut in two is a window of its own, so that no
    // window but the word's own starts inside it: the text after it (a
    // quotation) is read from a clean start, never glued to the fragment.
    std::size_t end =
        InWord(text, begin) ? RestOfWord(text, begin, max_bytes) : std::string_view::npos;
    if (end == std::string_view::npos || end == text.size()) {
      if (text.size() - begin <= max_bytes) break;
      end = CutPoint(text, begin, begin + max_bytes);
    }
    out.push_back({begin, end});
    begin = end;
  }
  out.push_back({begin, text.size()});
  return out;
}

}  // namespace whosaid::segment
