// whosaid::segment::SplitParagraphs — the document's paragraphs.
//
// A paragraph is a run of text between line breaks (\n, \r\n, \r, U+2029),
// with surrounding blanks trimmed; empty lines are skipped. News copy does not
// hard-wrap, so every line is a paragraph (both "one blank line between
// paragraphs" and "one paragraph per line" corpora read the same).
//
// Example
//   SplitParagraphs("A b.\n\n  C d.\n") → {[0,4), [8,12)}
#pragma once

#include <string_view>
#include <vector>

#include "core/record.h"

namespace whosaid::segment {

struct Paragraph {
  Span span;  // trimmed, non-empty
};

std::vector<Paragraph> SplitParagraphs(std::string_view text);

// True for the blanks that flank paragraphs and tokens: space, tab, no-break
// and other Unicode spaces (not line breaks, which SplitParagraphs handles).
bool IsBlank(char32_t c);

}  // namespace whosaid::segment
