// whosaid::cli::RunExtract, RunEntities, RunSpelling — the corpus commands:
//   extract   documents in, one JSON object per quote out (or a table), with
//             speakers resolved across the whole run;
//   entities  one JSON line per entity: every surface form with its
//             documents, outlets and count, roles, quote count (--explain:
//             why each form was merged);
//   spelling  the spelling-consistency report (a table, or --format json);
//   merge     (extract_merge.cpp) partials of `extract --partial` in, the
//             output of one `extract` over all their documents out;
//   events    one JSON line per event across documents, with the documents
//             that report it and the quotes about it (output/event_report.h),
//             or a timeline table; ids are the ones extract gives.
//
// Two-phase start: options are parsed, the rules loaded and every stage
// built (every rule compiled) and the output opened before the first
// document is read, so a usage or configuration problem exits with status 2
// at once. Then documents stream through the library's corpus run
// (run/corpus_run.h) into the command's sink (output/). See exit_status.h
// for the statuses.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/extract_options.h"
#include "cli/reporter.h"
#include "core/rules.h"
#include "output/output_stream.h"
#include "output/sink.h"
#include "pipeline/pipeline.h"
#include "resolve/entity_resolver.h"
#include "run/corpus_run.h"

namespace whosaid::cli {

// Everything a corpus command needs, built before the first document.
struct Setup {
  ExtractOptions options;
  rules::RuleSetPtr rules;
  std::unique_ptr<Pipeline> pipeline;
  std::unique_ptr<resolve::EntityResolver> resolver;
  std::unique_ptr<output::OutputStream> out;
};

// Phase 1 of a corpus command (for commands in other files too): options,
// rules, pipeline, resolver, output; nullopt after printing --help.
std::optional<Setup> Prepare(const std::vector<std::string>& args, const char* argv0,
                             CorpusCommand command);
// Phase 2: streams the documents through `stages` (entities: s.resolver)
// into `sink`; the exit status.
int Process(Setup& s, run::CorpusStages stages, output::Sink& sink);
// Phase 2 of any corpus command: `body` does the work, reporting to the
// reporter, and says whether the output is complete; then -o is committed
// (or, when not, nothing is, and the status is 1).
int Process(Setup& s, const std::function<bool(Reporter&)>& body);

// The corpus stages of `extract` (and `merge`): entities, events, statement ids.
// The claims settings of extract and merge: the user's (`options`, from
// ClaimsOptions), statement ids only.
claims::ClaimsConfig ExtractClaims(const claims::ClaimsConfig& options);
run::CorpusStages ExtractStages(const claims::ClaimsStage& claims);  // entities: set by Process

// `whosaid extract --partial` (extract_merge.cpp): each document's Partial,
// one JSON line each (docs/partial.md), in input order.
int WritePartials(Setup& s);

// `args` are the words after the command; `argv0` locates the default rules.
// Throw UsageError and ConfigError (main turns them into status 2).
int RunExtract(const std::vector<std::string>& args, const char* argv0);
int RunEntities(const std::vector<std::string>& args, const char* argv0);
int RunSpelling(const std::vector<std::string>& args, const char* argv0);
int RunEvents(const std::vector<std::string>& args, const char* argv0);
int RunMerge(const std::vector<std::string>& args, const char* argv0);

}  // namespace whosaid::cli
