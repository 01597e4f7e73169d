#include "ingest/directory.h"

#include <algorithm>

#include "ingest/metadata.h"

namespace whosaid::ingest {
namespace fs = std::filesystem;
namespace {

Diagnostic ListError(const fs::path& dir, const std::error_code& ec) {
  return {Diagnostic::Severity::kError, dir.string(), "cannot list directory: " + ec.message()};
}

// A file named like a document: listed when it is (or links to) a regular
// file; a link that leads nowhere (dangling, or a loop) is an error naming it.
void AddIfDocument(const fs::directory_entry& entry, std::string_view extension,
                   DirectoryListing& out) {
  const fs::path& p = entry.path();
  if (p.filename() == kMetaSidecarName || p.extension() != extension) return;
  std::error_code ec;
  fs::file_status status = fs::status(p, ec);  // follows a symlink to a file
  if (fs::is_regular_file(status)) {
    out.files.push_back(p);
  } else if (ec || !fs::exists(status)) {
    std::string reason = ec ? ec.message() : "a symbolic link to nothing";
    out.diagnostics.push_back({Diagnostic::Severity::kError, p.string(), "cannot read: " + reason});
  }
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
      } else {
        AddIfDocument(*it, extension, out);
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
  std::sort(out.diagnostics.begin(), out.diagnostics.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.where < b.where; });
  return out;
}

}  // namespace whosaid::ingest
