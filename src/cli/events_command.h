// whosaid::cli::RunEvents — `whosaid events`: documents in, one JSON object
// per event out (or a timeline table), each event with the documents that
// report it and the quotes about it (output/event_report.h).
//
//   whosaid events [OPTIONS] [PATH...]
//
// Inputs and options are those of `whosaid extract` (extract_options.h):
// -o FILE, --format jsonl|table, --rules DIR, --input-format, --threads,
// --on-error, --max-doc-bytes; --explain changes nothing here. Same exit
// statuses. Event ids are the ids `whosaid extract` gives the same inputs.
#pragma once

#include <string>
#include <vector>

namespace whosaid::cli {

// `args` are the words after "events". Throws UsageError and ConfigError.
int RunEvents(const std::vector<std::string>& args, const char* argv0);

}  // namespace whosaid::cli
