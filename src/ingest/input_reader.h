// whosaid::ingest::InputReader — the documents named on a command line.
//
// Each input is, in order:
//   "-"          standard input: one text document with id "stdin", or JSON
//                Lines (see InputFormat for how it is decided);
//   a directory  every *.txt file under it (recursively, sorted by path) as a
//                text document, with outlet/url/date from a meta.jsonl sidecar
//                in the file's own directory; with --input-format jsonl, every
//                *.jsonl file but the sidecars instead;
//   a file      *.jsonl → JSON Lines (with InputFormat::kAuto), otherwise one
//                text document with id = the file's stem, and sidecar metadata
//                as for a directory.
// A path that does not exist or cannot be read gives an error naming it;
// the other inputs are read all the same. A directory with no document file
// under it gives a warning ("no *.txt file found under this directory"). A document whose id an
// earlier document of the run already had (two x.txt in different directories, a JSON Lines id
// repeated) gets a warning; both are kept. (The ids seen are kept as 64-bit hashes: about 40 bytes
// per document.) Documents stream: a directory is listed when it is reached, files are read one at
// a time, JSON Lines one line at a time.
//
// Example
//   whosaid::ingest::InputReader reader({"corpus", "-"}, whosaid::ingest::IngestConfig{});
//   while (reader.Next(doc, diags)) ...
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/metadata.h"
#include "ingest/source.h"

namespace whosaid::ingest {

// The input (as given) through which a run over `inputs` would read `file`:
// `file` is that input or standard input (the same device and inode,
// symlinks followed), a document or the meta.jsonl sidecar under an input
// directory, or the sidecar beside an input text file. nullopt when `file`
// does not exist or would not be read. Commands refuse such an output file:
// `whosaid extract a.txt -o a.txt` would replace the article with its records.
std::optional<std::string> InputThatReads(const std::vector<std::string>& inputs,
                                          const IngestConfig& config,
                                          const std::filesystem::path& file);

class InputReader : public DocumentSource {
 public:
  InputReader(std::vector<std::string> inputs, const IngestConfig& config);
  ~InputReader() override;

  bool Next(Document& doc, std::vector<Diagnostic>& diagnostics) override;

 private:
  struct Pending {
    enum class Kind { kText, kJsonl, kStdin } kind;
    std::filesystem::path path;
  };

  // Turns the next command-line input into Pending items; false when none is left.
  bool ExpandNextInput(std::vector<Diagnostic>& diagnostics);
  // Reads a Pending item: a text document into `doc` (true), or opens a
  // JSON Lines source (false, jsonl_ set).
  bool Open(const Pending& item, Document& doc, std::vector<Diagnostic>& diagnostics);
  bool OpenStdin(Document& doc, std::vector<Diagnostic>& diagnostics);
  // Warns when an earlier document had the id of `doc`.
  void CheckDuplicateId(const Document& doc, std::vector<Diagnostic>& diagnostics);
  void OpenJsonl(const std::filesystem::path& path, std::vector<Diagnostic>& diagnostics);
  // The sidecar of `dir`, loaded once.
  const MetaTable& SidecarOf(const std::filesystem::path& dir,
                             std::vector<Diagnostic>& diagnostics);

  std::vector<std::string> inputs_;
  std::size_t next_input_ = 0;
  IngestConfig config_;
  std::deque<Pending> pending_;
  std::unique_ptr<DocumentSource> jsonl_;
  std::map<std::filesystem::path, MetaTable> sidecars_;
  std::unordered_set<std::uint64_t> ids_seen_;  // hashes of the ids read so far
};

}  // namespace whosaid::ingest
