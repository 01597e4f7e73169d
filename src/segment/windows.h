// whosaid::segment::SplitWindows — cuts a very long text into windows that
// the pipeline reads one at a time, so its working memory (tokens, units,
// shapes: about 15 bytes per byte of text) follows the window size, not the
// document size. A 100 MB crawl dump on one line is read in 1 MiB pieces.
//
// Contract
//   The windows cover the text, in order, without gaps or overlaps; each is
//   at most `max_bytes` long and ends on a character boundary. A text of at
//   most `max_bytes` is one window (the usual case: nothing changes). A cut
//   goes, by preference, after the last line break in the second half of
//   the window, else after the last sentence end there (". ", "! ", "? "),
//   else after the last blank, else before the last character that fits.
//   A cut of the last kind goes through a word (a word longer than half a
//   window); the rest of that word, up to and with the first blank or line
//   break, is then a window of its own (when it fits in one), so the next
//   window starts clean — no quotation starts or ends at such a cut.
//   Quotations and coreference do not cross a cut. Linear in the text.
//
// Example
//   SplitWindows("A b.\nC d.\n", 6) → {[0,5), [5,10)}
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/record.h"

namespace whosaid::segment {

std::vector<Span> SplitWindows(std::string_view text, std::size_t max_bytes);

}  // namespace whosaid::segment
