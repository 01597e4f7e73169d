#include "ingest/text_document.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "core/text.h"
#include "ingest/byte_input.h"

namespace whosaid::ingest {
namespace {

Diagnostic Error(std::string where, std::string message) {
  return {Diagnostic::Severity::kError, std::move(where), std::move(message)};
}

std::string TooLarge(std::size_t limit) {
  return "document larger than --max-doc-bytes (" + std::to_string(limit) + " bytes); skipped";
}

}  // namespace

LoadedDocument MakeTextDocument(std::string_view bytes, std::string id, std::string source,
                                const IngestConfig& config) {
  LoadedDocument out;
  if (bytes.size() > config.max_doc_bytes) {
    out.diagnostics.push_back(Error(source, TooLarge(config.max_doc_bytes)));
    return out;
  }
  std::size_t sniff = std::min(bytes.size(), config.binary_sniff_bytes);
  if (std::size_t nul = bytes.substr(0, sniff).find('\0'); nul != std::string_view::npos) {
    out.diagnostics.push_back(
        {Diagnostic::Severity::kWarning, source,
         "looks like a binary file (NUL byte at offset " + std::to_string(nul) + "); skipped"});
    return out;
  }
  text::Decoded decoded = text::DecodeLossy(bytes);
  if (!decoded.invalid.empty()) {
    std::size_t n = decoded.invalid_count;
    out.diagnostics.push_back({Diagnostic::Severity::kWarning,
                               source + ": byte " + std::to_string(decoded.invalid.front()),
                               "invalid UTF-8, replaced with U+FFFD (" + std::to_string(n) +
                                   (n == 1 ? " sequence)" : " sequences)")});
  }
  out.doc = Document{.id = std::move(id),
                     .text = std::move(decoded.text),
                     .outlet = "",
                     .url = "",
                     .date = "",
                     .source = std::move(source)};
  return out;
}

LoadedDocument ReadTextFile(const std::filesystem::path& path, const IngestConfig& config,
                            const DocMeta* meta) {
  const std::string name = path.string();
  LoadedDocument failed;
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    failed.diagnostics.push_back(Error(name, std::string("cannot open: ") + std::strerror(errno)));
    return failed;
  }
  BufferedInput in(std::make_unique<FdInput>(fd, /*owned=*/true));
  // Refuse an oversized regular file before reading any of it.
  struct stat st {};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular && static_cast<std::size_t>(st.st_size) > config.max_doc_bytes) {
    failed.diagnostics.push_back(Error(name, TooLarge(config.max_doc_bytes)));
    return failed;
  }
  std::string bytes;
  if (regular) bytes.reserve(static_cast<std::size_t>(st.st_size));  // one allocation, no doubling
  try {
    if (!in.ReadAll(bytes, config.max_doc_bytes)) {
      failed.diagnostics.push_back(Error(name, TooLarge(config.max_doc_bytes)));
      return failed;
    }
  } catch (const ReadError& e) {
    failed.diagnostics.push_back(Error(name, std::string("cannot read: ") + e.what()));
    return failed;
  }
  LoadedDocument out = MakeTextDocument(bytes, path.stem().string(), name, config);
  if (out.doc && meta) {
    out.doc->outlet = meta->outlet;
    out.doc->url = meta->url;
    out.doc->date = meta->date;
  }
  return out;
}

}  // namespace whosaid::ingest
