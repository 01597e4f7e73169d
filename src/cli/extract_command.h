// whosaid::cli::RunExtract — `whosaid extract`: documents in, one JSON
// object per quote out (or a table).
//
// Two-phase start: options are parsed, the rules loaded and the pipeline
// built (every rule compiled) and the output opened before the first
// document is read, so a usage or configuration problem exits with status 2
// at once. Then documents stream through RunPipeline. See exit_status.h for
// the statuses.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/extract_options.h"
#include "output/output_stream.h"
#include "output/sink.h"

namespace whosaid::cli {

// The sink a command writes through, over its output.
using SinkFactory =
    std::function<std::unique_ptr<output::Sink>(const ExtractOptions&, output::OutputStream&)>;

// The two phases after option parsing, shared by extract and events: load
// the rules, build the pipeline, open the output (status 2 on a problem),
// then stream the documents into the sink. Returns the exit status.
int RunOverDocuments(ExtractOptions options, const char* argv0, const SinkFactory& make_sink);

// `args` are the words after "extract"; `argv0` locates the default rules.
// Throws UsageError and ConfigError (main turns them into status 2).
int RunExtract(const std::vector<std::string>& args, const char* argv0);

}  // namespace whosaid::cli
