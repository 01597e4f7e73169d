#include "ingest/input_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ingest/byte_input.h"
#include "ingest/directory.h"
#include "ingest/jsonl_source.h"
#include "ingest/text_document.h"

namespace whosaid::ingest {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStdinName = "<stdin>";
constexpr const char* kStdinId = "stdin";

Diagnostic Error(std::string where, std::string message) {
  return {Diagnostic::Severity::kError, std::move(where), std::move(message)};
}

void Append(std::vector<Diagnostic>& to, std::vector<Diagnostic>&& from) {
  for (auto& d : from) to.push_back(std::move(d));
}

bool SameFile(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// `file` (stat `st`) lies under the directory `dir`, at any depth.
bool Under(const fs::path& file, const struct stat& dir) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(file, ec);
  if (ec) return false;
  struct stat up {};
  for (p = p.parent_path(); ::stat(p.c_str(), &up) == 0; p = p.parent_path()) {
    if (SameFile(up, dir)) return true;
    if (p == p.parent_path()) break;
  }
  return false;
}

}  // namespace

std::optional<std::string> InputThatReads(const std::vector<std::string>& inputs,
                                          const IngestConfig& config, const fs::path& file) {
  struct stat target {
  }, in{};
  if (::stat(file.c_str(), &target) != 0 || !S_ISREG(target.st_mode)) return std::nullopt;
  const bool sidecar = file.filename() == kMetaSidecarName;
  const bool jsonl_only = config.format == InputFormat::kJsonl;
  const bool document = file.extension() == (jsonl_only ? ".jsonl" : ".txt") && !sidecar;
  for (const std::string& input : inputs) {
    if (input == "-") {
      if (::fstat(STDIN_FILENO, &in) == 0 && SameFile(in, target)) return "standard input";
      continue;
    }
    if (::stat(input.c_str(), &in) != 0) continue;
    if (SameFile(in, target)) return input;
    if (S_ISDIR(in.st_mode) && (document || (sidecar && !jsonl_only)) && Under(file, in))
      return input;
    const fs::path path(input);
    const bool text =
        !jsonl_only && (config.format == InputFormat::kText || path.extension() != ".jsonl");
    if (S_ISREG(in.st_mode) && text && sidecar) {
      const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
      std::error_code ec;
      if (fs::equivalent(dir / std::string(kMetaSidecarName), file, ec)) return input;
    }
  }
  return std::nullopt;
}

InputReader::InputReader(std::vector<std::string> inputs, const IngestConfig& config)
    : inputs_(std::move(inputs)), config_(config) {}

InputReader::~InputReader() = default;

bool InputReader::Next(Document& doc, std::vector<Diagnostic>& diagnostics) {
  for (;;) {
    if (jsonl_) {
      if (jsonl_->Next(doc, diagnostics)) {
        CheckDuplicateId(doc, diagnostics);
        return true;
      }
      jsonl_.reset();
    }
    if (!pending_.empty()) {
      Pending item = std::move(pending_.front());
      pending_.pop_front();
      if (Open(item, doc, diagnostics)) {
        CheckDuplicateId(doc, diagnostics);
        return true;
      }
      continue;
    }
    if (!ExpandNextInput(diagnostics)) return false;
  }
}

void InputReader::CheckDuplicateId(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  if (ids_seen_.insert(std::hash<std::string>{}(doc.id)).second) return;
  diagnostics.push_back(
      {Diagnostic::Severity::kWarning, doc.source,
       "duplicate id \"" + doc.id + "\": an earlier document has it too (both are kept)"});
}

bool InputReader::ExpandNextInput(std::vector<Diagnostic>& diagnostics) {
  if (next_input_ >= inputs_.size()) return false;
  const std::string& input = inputs_[next_input_++];
  using Kind = Pending::Kind;
  if (input == "-") {
    pending_.push_back({Kind::kStdin, {}});
    return true;
  }
  const fs::path path(input);
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    diagnostics.push_back(Error(input, "cannot read: " + (ec ? ec.message() : "no such file")));
    return true;
  }
  const bool jsonl_only = config_.format == InputFormat::kJsonl;
  if (fs::is_directory(status)) {
    const char* extension = jsonl_only ? ".jsonl" : ".txt";
    DirectoryListing listing = ListDocumentFiles(path, extension);
    Append(diagnostics, std::move(listing.diagnostics));
    if (listing.files.empty()) {  // a wrong path, or nothing yet: say so, it is no failure
      diagnostics.push_back({Diagnostic::Severity::kWarning, input,
                             std::string("no *") + extension +
                                 " file found under this directory; nothing read from it"});
    }
    for (auto& file : listing.files) {
      pending_.push_back({jsonl_only ? Kind::kJsonl : Kind::kText, std::move(file)});
    }
    return true;
  }
  bool jsonl = jsonl_only || (config_.format == InputFormat::kAuto && path.extension() == ".jsonl");
  pending_.push_back({jsonl ? Kind::kJsonl : Kind::kText, path});
  return true;
}

bool InputReader::Open(const Pending& item, Document& doc, std::vector<Diagnostic>& diagnostics) {
  switch (item.kind) {
    case Pending::Kind::kStdin:
      return OpenStdin(doc, diagnostics);
    case Pending::Kind::kJsonl:
      OpenJsonl(item.path, diagnostics);
      return false;
    case Pending::Kind::kText:
      break;
  }
  fs::path dir = item.path.has_parent_path() ? item.path.parent_path() : fs::path(".");
  const MetaTable& sidecar = SidecarOf(dir, diagnostics);
  LoadedDocument loaded = ReadTextFile(item.path, config_, sidecar.Find(item.path.stem().string()));
  Append(diagnostics, std::move(loaded.diagnostics));
  if (!loaded.doc) return false;
  doc = std::move(*loaded.doc);
  return true;
}

bool InputReader::OpenStdin(Document& doc, std::vector<Diagnostic>& diagnostics) {
  auto in = std::make_unique<BufferedInput>(std::make_unique<FdInput>(STDIN_FILENO, false));
  std::string bytes;
  try {
    bool jsonl = config_.format == InputFormat::kJsonl ||
                 (config_.format == InputFormat::kAuto && in->PeekFirstNonBlank() == '{');
    if (jsonl) {
      jsonl_ = std::make_unique<JsonlSource>(kStdinName, kStdinId, std::move(in), config_);
      return false;
    }
    if (!in->ReadAll(bytes, config_.max_doc_bytes)) {
      diagnostics.push_back(Error(kStdinName, "document larger than --max-doc-bytes (" +
                                                  std::to_string(config_.max_doc_bytes) +
                                                  " bytes); skipped"));
      return false;
    }
  } catch (const ReadError& e) {
    diagnostics.push_back(Error(kStdinName, std::string("cannot read: ") + e.what()));
    return false;
  }
  LoadedDocument loaded = MakeTextDocument(bytes, kStdinId, kStdinName, config_);
  Append(diagnostics, std::move(loaded.diagnostics));
  if (!loaded.doc) return false;
  doc = std::move(*loaded.doc);
  return true;
}

void InputReader::OpenJsonl(const fs::path& path, std::vector<Diagnostic>& diagnostics) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diagnostics.push_back(
        Error(path.string(), std::string("cannot open: ") + std::strerror(errno)));
    return;
  }
  auto in = std::make_unique<BufferedInput>(std::make_unique<FdInput>(fd, true));
  jsonl_ =
      std::make_unique<JsonlSource>(path.string(), path.stem().string(), std::move(in), config_);
}

const MetaTable& InputReader::SidecarOf(const fs::path& dir, std::vector<Diagnostic>& diagnostics) {
  auto it = sidecars_.find(dir);
  if (it != sidecars_.end()) return it->second;
  MetaTable table;
  fs::path sidecar = dir / std::string(kMetaSidecarName);
  std::error_code ec;
  if (fs::is_regular_file(sidecar, ec)) {
    LoadedSidecar loaded = LoadMetaSidecar(sidecar);
    Append(diagnostics, std::move(loaded.diagnostics));
    table = std::move(loaded.table);
  }
  return sidecars_.emplace(dir, std::move(table)).first->second;
}

}  // namespace whosaid::ingest
