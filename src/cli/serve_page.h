// whosaid::cli::kServePage — the single page `whosaid serve` shows: one
// self-contained HTML document (inline CSS and JavaScript, no external
// asset, works offline) over the JSON API of serve_command.cpp. Data from
// the index is inserted as text (textContent), never as HTML.
#pragma once

namespace whosaid::cli {

extern const char* const kServePage;

}  // namespace whosaid::cli
