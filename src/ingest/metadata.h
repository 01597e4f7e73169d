// whosaid::ingest metadata — a document's outlet, URL and date, and the
// `meta.jsonl` sidecar that gives them for the text files of a directory.
//
// Sidecar format (one JSON object per line; see corpus/meta.jsonl):
//   {"doc": "doc-1", "outlet": "Nile Courier", "url": null,
//    "date": "2019-03-13"}
//   `doc` is the file stem; the other fields are optional strings or null.
//   A malformed line, or one without a string `doc`, is skipped with a
//   warning "meta.jsonl:LINE: ..."; the sidecar is never read as a document.
//
// Dates are kept only in the form Document::date promises: "YYYY-MM-DD" or
// "YYYY-MM" (a longer ISO timestamp is cut to its date); anything else is
// dropped with a warning.
//
// Example
//   auto sidecar = whosaid::ingest::LoadMetaSidecar("corpus/meta.jsonl");
//   if (auto* m = sidecar.table.Find("doc-1")) doc.outlet = m->outlet;
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace whosaid::ingest {

// The name of the sidecar file looked for in each directory.
inline constexpr std::string_view kMetaSidecarName = "meta.jsonl";

struct DocMeta {
  std::string outlet;  // "" when unknown
  std::string url;     // "" when unknown
  std::string date;    // "YYYY-MM-DD", "YYYY-MM" or ""
};

class MetaTable {
 public:
  // The metadata of the document with this stem, or nullptr.
  const DocMeta* Find(std::string_view stem) const;
  void Add(std::string stem, DocMeta meta) { entries_[std::move(stem)] = std::move(meta); }
  std::size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, DocMeta, std::less<>> entries_;
};

struct LoadedSidecar {
  MetaTable table;
  std::vector<Diagnostic> diagnostics;
};

// Reads a meta.jsonl sidecar. An unreadable file gives an empty table and a
// warning (the documents are still read, without metadata).
LoadedSidecar LoadMetaSidecar(const std::filesystem::path& path);

// "2024-12-25" → "2024-12-25"; "2016-09-12T10:00:00Z" → "2016-09-12";
// "2025-01" → "2025-01"; "Dec 25" → nullopt.
std::optional<std::string> NormalizeIsoDate(std::string_view date);

}  // namespace whosaid::ingest
