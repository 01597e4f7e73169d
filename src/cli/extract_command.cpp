#include "cli/extract_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>

#include "claims/claims_sink.h"
#include "cli/exit_status.h"
#include "cli/extract_options.h"
#include "cli/runner.h"
#include "core/rules.h"
#include "events/event_sink.h"
#include "ingest/input_reader.h"
#include "output/event_report.h"
#include "output/output_stream.h"
#include "resolve/resolving_sink.h"
#include "resolve/spelling_report.h"

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

}  // namespace

std::optional<Setup> Prepare(const std::vector<std::string>& args, const char* argv0,
                             CorpusCommand command) {
  Setup s;
  s.options = ParseCorpusOptions(args, command);
  if (s.options.help) {
    std::fputs(CorpusHelp(command).c_str(), stdout);
    return std::nullopt;
  }
  s.rules = LoadRules(s.options, argv0);
  if (const char* trace = std::getenv("WHOSAID_TRACE"); trace && *trace)
    s.options.pipeline.trace = true;
  s.pipeline = std::make_unique<Pipeline>(s.options.pipeline, *s.rules);
  resolve::ResolverConfig config;  // news settings
  config.cluster.threads = s.options.threads;
  s.resolver = std::make_unique<resolve::EntityResolver>(config, *s.rules);
  s.out = OpenOutput(s.options);
  return s;
}

int Process(Setup& s, output::Sink& sink, const std::function<void()>& finish) {
  const ExtractOptions& options = s.options;
  Reporter reporter(options.on_error, stderr, ::isatty(STDERR_FILENO) == 1);
  ingest::InputReader reader(options.inputs, options.ingest);
  try {
    RunPipeline(reader, *s.pipeline, sink, reporter, RunConfig{.threads = options.threads});
    if (reporter.stop()) {
      reporter.Finish();
      reporter.Message("stopped at the first error (--on-error fail)");
      return kExitFailures;
    }
    if (finish) finish();
    s.out->Commit();
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

int RunExtract(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kExtract);
  if (!s) return kExitOk;
  // Records are written once the run ends: speaker and event ids span all
  // documents (entities first, then events, then statements).
  // Statements (claims/) are grouped once ids are known, before writing.
  claims::ClaimsConfig ids_only;
  ids_only.details = false;  // extract writes statement ids only
  const claims::ClaimsStage claims(ids_only, *s->rules);
  events::EventIdSink event_ids(std::make_unique<claims::ClaimsSink>(
      claims, output::MakeSink(s->options.format, *s->out, s->options.explain)));
  resolve::ResolvingSink resolving(*s->resolver, event_ids);
  return Process(*s, resolving, nullptr);
}

int RunEvents(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kEvents);
  if (!s) return kExitOk;
  // Quotes show their speakers' canonical names.
  output::EventReportSink report(*s->out, s->options.format);
  resolve::ResolvingSink resolving(*s->resolver, report);
  return Process(*s, resolving, nullptr);
}

int RunEntities(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kEntities);
  if (!s) return kExitOk;
  resolve::ResolverFeed feed(*s->resolver);
  return Process(*s, feed, [&] {
    const resolve::EntityTable table = s->resolver->Resolve();
    for (const resolve::Entity& e : table.entities)
      s->out->Write(resolve::EntityLine(e, s->options.explain));
  });
}

int RunSpelling(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kSpelling);
  if (!s) return kExitOk;
  const resolve::SpellingReporter reporter(*s->rules, s->resolver->clusterer().parser(),
                                           s->resolver->clusterer().spelling());
  resolve::ResolverFeed feed(*s->resolver);
  return Process(*s, feed, [&] {
    const resolve::SpellingReport report = reporter.Build(s->resolver->Resolve());
    s->out->Write(s->options.format == output::OutputFormat::kJsonl ? resolve::ToJson(report)
                                                                    : resolve::ToTable(report));
  });
}

}  // namespace whosaid::cli
