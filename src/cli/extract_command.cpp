#include "cli/extract_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <memory>

#include "cli/exit_status.h"
#include "cli/extract_options.h"
#include "cli/output_file.h"
#include "cli/reporter.h"
#include "core/rules.h"
#include "ingest/input_reader.h"
#include "output/entity_lines.h"
#include "output/event_report.h"
#include "output/output_stream.h"
#include "output/spelling_report.h"
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

// The pipeline (none for merge, which reads partials) and the resolver,
// each built from the rules (every pattern compiled with JIT, ICU's
// transforms made: about half of start-up each). With 2+ threads they are
// built concurrently, the resolver on a second thread (RuleSet::Shared is
// thread-safe, ICU's registry locks itself); an error is the one the
// sequential build would report: the pipeline's if it fails, else the
// resolver's.
void BuildStages(Setup& s, CorpusCommand command) {
  resolve::ResolverConfig config;  // news settings
  config.cluster.threads = s.options.threads;
  const rules::RuleSet& rules = *s.rules;
  auto resolver = [&rules, config] {
    return std::make_unique<resolve::EntityResolver>(config, rules);
  };
  const bool pipeline = command != CorpusCommand::kMerge;
  if (!pipeline || s.options.threads < 2) {
    if (pipeline) s.pipeline = std::make_unique<Pipeline>(s.options.pipeline, rules);
    s.resolver = resolver();
    return;
  }
  std::future<std::unique_ptr<resolve::EntityResolver>> built =
      std::async(std::launch::async, resolver);
  try {
    s.pipeline = std::make_unique<Pipeline>(s.options.pipeline, rules);
  } catch (...) {
    built.wait();  // its own error, if any, is not the one to report
    throw;
  }
  s.resolver = built.get();  // rethrows the resolver's error
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
  BuildStages(s, command);
  s.out = OpenOutput(s.options.output_path, s.options.inputs, s.options.ingest);
  return s;
}

int Process(Setup& s, const std::function<bool(Reporter&)>& body) {
  const ExtractOptions& options = s.options;
  Reporter reporter(options.on_error, stderr, ::isatty(STDERR_FILENO) == 1);
  try {
    if (!body(reporter)) {
      reporter.Finish();
      reporter.Message(reporter.stop() ? "stopped at the first error (--on-error fail)"
                                       : "nothing written");
      return kExitFailures;
    }
    s.out->Commit();
  } catch (const output::WriteError& e) {
    reporter.Finish();
    // A closed pipe: the reader has all it wanted — but a document that
    // failed still makes the status 1 (its error is on standard error).
    if (e.broken_pipe()) return reporter.ExitStatus();
    reporter.Message(std::string(e.what()) + "; the output is incomplete");
    return kExitFailures;
  }
  reporter.Finish();
  return reporter.ExitStatus();
}

int Process(Setup& s, run::CorpusStages stages, output::Sink& sink) {
  return Process(s, [&](Reporter& reporter) {
    ingest::InputReader reader(s.options.inputs, s.options.ingest);
    stages.entities = s.resolver.get();
    stages.memory_budget = s.options.spill_after;
    run::RunCorpus(reader, *s.pipeline, stages, sink, reporter,
                   run::RunConfig{.threads = s.options.threads});
    return !reporter.stop();
  });
}

int RunExtract(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kExtract);
  if (!s) return kExitOk;
  if (s->options.partial) return WritePartials(*s);
  // Records are written once the run ends: speaker, event and statement ids
  // span all documents.
  const claims::ClaimsStage claims(ExtractClaims(s->options.claims), *s->rules);
  std::unique_ptr<output::Sink> sink =
      output::MakeSink(s->options.format, *s->out, s->options.explain);
  return Process(*s, ExtractStages(claims), *sink);
}

claims::ClaimsConfig ExtractClaims(const claims::ClaimsConfig& options) {
  claims::ClaimsConfig ids_only = options;
  ids_only.details = false;  // extract writes statement ids only
  return ids_only;
}

run::CorpusStages ExtractStages(const claims::ClaimsStage& claims) {
  run::CorpusStages stages;
  stages.events = true;
  stages.claims = &claims;
  stages.entity_details = false;        // records need the entities' ids and names only
  stages.event_config.details = false;  // and the events' refs only
  return stages;
}

int RunEvents(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kEvents);
  if (!s) return kExitOk;
  // Quotes show their speakers' canonical names.
  output::EventReportSink report(*s->out, s->options.format);
  run::CorpusStages stages;
  stages.events = true;
  stages.entity_details = false;  // the report shows canonical names only
  return Process(*s, stages, report);
}

int RunEntities(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kEntities);
  if (!s) return kExitOk;
  output::EntitiesSink sink(*s->out, s->options.explain);
  run::CorpusStages stages;
  stages.keep_documents = false;
  return Process(*s, stages, sink);
}

int RunSpelling(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kSpelling);
  if (!s) return kExitOk;
  const resolve::SpellingReporter reporter(*s->rules, s->resolver->clusterer().parser(),
                                           s->resolver->clusterer().spelling());
  output::SpellingSink sink(*s->out, s->options.format);
  run::CorpusStages stages;
  stages.spelling = &reporter;
  stages.keep_documents = false;
  return Process(*s, stages, sink);
}

}  // namespace whosaid::cli
