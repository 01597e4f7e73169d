// whosaid::ingest directory listing — the document files under a directory.
//
// Contract
//   Lists, recursively, the regular files (or symlinks to them) whose name
//   ends in `extension`, except the metadata sidecar (meta.jsonl), sorted by
//   path (component by component) so every run reads them in the same order.
//   Symbolic links to directories are not followed, so a link loop cannot
//   make the walk run forever. A subdirectory that cannot be listed, or a
//   document-named link that leads nowhere (dangling, or a loop of links),
//   gives an error naming it; the rest of the walk goes on.
//
// Example
//   auto listing = whosaid::ingest::ListDocumentFiles("corpus", ".txt");
//   // listing.files == {"corpus/000_x.txt", "corpus/001_y.txt", ...}
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace whosaid::ingest {

struct DirectoryListing {
  std::vector<std::filesystem::path> files;
  std::vector<Diagnostic> diagnostics;
};

DirectoryListing ListDocumentFiles(const std::filesystem::path& dir, std::string_view extension);

}  // namespace whosaid::ingest
