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
//                       (cli/output_file.h: never FILE itself, never an input)
//   --rules DIR         rules::RuleSet::DefaultDir(argv[0])
//   --threads N         0 → all cores; the output is the same for every N
//   --on-error P        warn: a line or FILE that cannot be used is reported
//                       and the run goes on; fail: the first one stops the run
//                       (nothing written); skip: go on quietly, one count
//   --explain           off
//
// Exit status as for extract: 0 success (warnings — an unknown type, which
// is guessed, invalid UTF-8 — may have been printed); 1 some lines could not
// be used (a line over 64 KiB; a line over 1 MiB stops the reading: not a
// list of names) or FILE could not be read, each reported as
// "whosaid: FILE:LINE: error: …" (1 even when the reader of the output
// closed the pipe early), or the output could not be written; 2 usage or
// configuration error (bad option, bad rules, -o naming the input), nothing
// read.
#pragma once

#include <string>
#include <vector>

namespace whosaid::cli {

// `args` are the words after "names". Throws UsageError and ConfigError.
int RunNames(const std::vector<std::string>& args, const char* argv0);

}  // namespace whosaid::cli
