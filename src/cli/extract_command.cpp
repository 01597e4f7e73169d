#include "cli/extract_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "cli/exit_status.h"
#include "cli/extract_options.h"
#include "cli/runner.h"
#include "core/rules.h"
#include "events/event_sink.h"
#include "ingest/input_reader.h"
#include "output/output_stream.h"

namespace whosaid::cli {
namespace {

rules::RuleSetPtr LoadRules(const ExtractOptions& options, const char* argv0) {
  std::filesystem::path dir = options.rules_dir;
  if (dir.empty()) dir = rules::RuleSet::DefaultDir(argv0);
  if (dir.empty()) {
    throw ConfigError("no rules directory found: give --rules DIR or set WHOSAID_RULES");
  }
  return rules::RuleSet::Load(dir);
}

// Standard output, or the -o file (a WriteError here is a usage problem).
std::unique_ptr<output::OutputStream> OpenOutput(const ExtractOptions& options) {
  if (options.output_path.empty()) {
    return std::make_unique<output::FdOutput>(STDOUT_FILENO, "<stdout>");
  }
  try {
    return std::make_unique<output::FileOutput>(options.output_path);
  } catch (const output::WriteError& e) {
    throw UsageError(e.what());
  }
}

// Streams the documents and writes the results; the exit status.
int Process(const ExtractOptions& options, const Pipeline& pipeline, output::OutputStream& out,
            const SinkFactory& make_sink) {
  Reporter reporter(options.on_error, stderr, ::isatty(STDERR_FILENO) == 1);
  ingest::InputReader reader(options.inputs, options.ingest);
  std::unique_ptr<output::Sink> sink = make_sink(options, out);
  try {
    RunPipeline(reader, pipeline, *sink, reporter, RunConfig{.threads = options.threads});
    if (reporter.stop()) {
      reporter.Finish();
      reporter.Message("stopped at the first error (--on-error fail)");
      return kExitFailures;
    }
    out.Commit();
  } catch (const output::WriteError& e) {
    reporter.Finish();
    if (e.broken_pipe()) return kExitOk;  // the reader has all it wanted
    reporter.Message(std::string(e.what()) + "; the output is incomplete");
    return kExitFailures;
  }
  reporter.Finish();
  bool failures = reporter.errors() > 0 && options.on_error != OnError::kSkip;
  return failures ? kExitFailures : kExitOk;
}

}  // namespace

int RunOverDocuments(ExtractOptions options, const char* argv0, const SinkFactory& make_sink) {
  // Phase 1 (continued): the rules, the pipeline, the output.
  rules::RuleSetPtr rules = LoadRules(options, argv0);
  if (const char* trace = std::getenv("WHOSAID_TRACE"); trace && *trace) options.pipeline.trace = true;
  const Pipeline pipeline(options.pipeline, *rules);
  std::unique_ptr<output::OutputStream> out = OpenOutput(options);
  // Phase 2: the documents.
  return Process(options, pipeline, *out, make_sink);
}

int RunExtract(const std::vector<std::string>& args, const char* argv0) {
  // Phase 1: everything that can be wrong with the command line or the rules.
  ExtractOptions options = ParseExtractOptions(args);
  if (options.help) {
    std::fputs(ExtractHelp().c_str(), stdout);
    return kExitOk;
  }
  return RunOverDocuments(std::move(options), argv0, [](const ExtractOptions& o, output::OutputStream& out) {
    // Records are written once the run ends: event ids span all documents.
    return std::unique_ptr<output::Sink>(
        std::make_unique<events::EventIdSink>(output::MakeSink(o.format, out, o.explain)));
  });
}

}  // namespace whosaid::cli
