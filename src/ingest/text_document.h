// whosaid::ingest text documents — one file (or standard input) is one
// document: its whole content, decoded as UTF-8.
//
// Contract
//   * Bytes that are not valid UTF-8 are replaced by U+FFFD (text::DecodeLossy)
//     and reported once per document as a warning
//     "PATH: byte N: warning: invalid UTF-8, replaced with U+FFFD (K sequences)",
//     N being the first bad byte's offset in the input.
//   * A NUL byte among the first IngestConfig::binary_sniff_bytes bytes means a
//     binary file: skipped with a warning.
//   * More than IngestConfig::max_doc_bytes bytes: skipped with an error.
//   * An unreadable file (missing, no permission, a read error): an error
//     naming the path and the system's reason.
//
// Example
//   auto loaded = whosaid::ingest::ReadTextFile("corpus/000_x.txt", {}, nullptr);
//   if (loaded.doc) Process(*loaded.doc);   // loaded.doc->id == "000_x"
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "ingest/metadata.h"
#include "ingest/source.h"

namespace whosaid::ingest {

// A document, or none when the input was skipped; with what went wrong.
struct LoadedDocument {
  std::optional<Document> doc;
  std::vector<Diagnostic> diagnostics;
};

// Builds a text document from raw bytes (binary guard, size limit, lossy
// decoding). `source` names the input in messages.
LoadedDocument MakeTextDocument(std::string_view bytes, std::string id, std::string source,
                                const IngestConfig& config);

// Reads the file at `path` as one document with id = its stem (file name
// without directory and extension) and the metadata `meta` (may be null).
LoadedDocument ReadTextFile(const std::filesystem::path& path, const IngestConfig& config,
                            const DocMeta* meta);

}  // namespace whosaid::ingest
