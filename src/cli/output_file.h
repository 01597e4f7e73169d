// whosaid::cli::OpenOutput — where every command writes: standard output, or
// the -o file through output::FileOutput (its own temporary file, fsync,
// atomic rename; removed on failure and on SIGTERM/SIGINT/SIGHUP).
//
// Refused with UsageError (status 2, before anything is read):
//   * an -o file that the run would read (ingest::InputThatReads: one of the
//     inputs, standard input, a document or sidecar under an input
//     directory) — `whosaid extract a.txt -o a.txt` would replace the article
//     with its records;
//   * an -o file that cannot be created (its directory is missing or not
//     writable, a symlink planted in a shared directory, …).
// An empty -o ("") is refused by the option parsers; "" here means standard
// output.
//
// Example
//   auto out = OpenOutput(options.output_path, options.inputs, options.ingest);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ingest/source.h"
#include "output/output_stream.h"

namespace whosaid::cli {

std::unique_ptr<output::OutputStream> OpenOutput(const std::string& path,
                                                 const std::vector<std::string>& inputs,
                                                 const ingest::IngestConfig& ingest);

// Throws UsageError when -o was given an empty name (`-o ""`, a variable
// that was not set): standard output would be written instead, silently.
void CheckOutputName(bool given, const std::string& path);

}  // namespace whosaid::cli
