// whosaid::cli::RunNames — `whosaid names`: cluster a list of names, one per
// line, with the same matcher the corpus-level resolution uses
// (entities::NameClusterer).
//
//   whosaid names [OPTIONS] [FILE]        (standard input when no FILE or "-")
//
// Input: one name per line, optionally followed by a TAB and its type
// (`person` or `org`; otherwise guessed). Output: one JSON object per input
// line, in input order: {"name": "...", "cluster": "person:..."}; the
// cluster is null for a line that holds no name (empty, punctuation only).
// With --explain, a line whose spelling joined a cluster also gets
// "explain": {"matched", "score", "rule", "detail", "shared"}.
//
// Options, with defaults:
//   -o, --output FILE   standard output; FILE replaced atomically at the end
//   --rules DIR         rules::RuleSet::DefaultDir(argv[0])
//   --threads N         0 → all cores; the output is the same for every N
//   --explain           off
//
// Exit status as for extract: 0 success; 1 some lines could not be used (an
// unknown type, a line over 64 KiB, an unreadable FILE: each reported as
// "whosaid: FILE:LINE: error: …") or the output could not be written; 2
// usage or configuration error (bad option, bad rules), nothing read.
#pragma once

#include <string>
#include <vector>

namespace whosaid::cli {

// `args` are the words after "names". Throws UsageError and ConfigError.
int RunNames(const std::vector<std::string>& args, const char* argv0);

}  // namespace whosaid::cli
