// whosaid::cli::RunExtract — `whosaid extract`: documents in, one JSON
// object per quote out (or a table).
//
// Two-phase start: options are parsed, the rules loaded and the pipeline
// built (every rule compiled) and the output opened before the first
// document is read, so a usage or configuration problem exits with status 2
// at once. Then documents stream through RunPipeline. See exit_status.h for
// the statuses.
#pragma once

#include <string>
#include <vector>

namespace whosaid::cli {

// `args` are the words after "extract"; `argv0` locates the default rules.
// Throws UsageError and ConfigError (main turns them into status 2).
int RunExtract(const std::vector<std::string>& args, const char* argv0);

}  // namespace whosaid::cli
