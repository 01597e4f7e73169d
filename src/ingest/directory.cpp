#include "ingest/directory.h"

#include <algorithm>

#include "ingest/metadata.h"

namespace whosaid::ingest {
namespace fs = std::filesystem;
namespace {

Diagnostic ListError(const fs::path& dir, const std::error_code& ec) {
  return {Diagnostic::Severity::kError, dir.string(), "cannot list directory: " + ec.message()};
}

bool IsDocumentFile(const fs::directory_entry& entry, std::string_view extension) {
  std::error_code ec;
  const fs::path& p = entry.path();
  if (p.filename() == kMetaSidecarName) return false;
  if (p.extension() != extension) return false;
  return entry.is_regular_file(ec);  // follows a symlink to a file
}

// Adds the document files under `dir` to `out`; an explicit stack instead of
// recursion keeps deep trees off the call stack.
void Walk(const fs::path& root, std::string_view extension, DirectoryListing& out) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out.diagnostics.push_back(ListError(dir, ec));
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
        pending.push_back(it->path());
      } else if (IsDocumentFile(*it, extension)) {
        out.files.push_back(it->path());
      }
    }
    if (ec) out.diagnostics.push_back(ListError(dir, ec));
  }
}

}  // namespace

DirectoryListing ListDocumentFiles(const fs::path& dir, std::string_view extension) {
  DirectoryListing out;
  Walk(dir, extension, out);
  std::sort(out.files.begin(), out.files.end());
  return out;
}

}  // namespace whosaid::ingest
