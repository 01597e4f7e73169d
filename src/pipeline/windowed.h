// whosaid::RunInWindows — the per-document pipeline on a document of any
// size: one that fits a window (the usual case) is run as it is; a longer one
// is cut into windows (segment/windows.h), each run on its own, and the
// records put together with offsets into the whole document.
//
// Contract
//   Records come back in text order with byte offsets into `text`. Entity
//   ids stay document-wide: one speaker name keeps one id (P1, O2 …) in every
//   window. Quotations, coreference and event grouping do not cross a
//   window's edge; name mentions and events come back with offsets into
//   `text`, events in window order (DocEvents::quote_event stays parallel).
//   Memory: the working memory of one window, plus the records.
//
// Example
//   DocResult r = RunInWindows(doc.text, 1 << 20,
//                              [&](std::string_view w) { return RunSteps(w); });
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "pipeline/pipeline.h"

namespace whosaid {

DocResult RunInWindows(std::string_view text, std::size_t window_bytes,
                       const std::function<DocResult(std::string_view window)>& run_window);

}  // namespace whosaid
