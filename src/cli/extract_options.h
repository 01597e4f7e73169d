// whosaid::cli corpus options — the command line of `whosaid extract`,
// `whosaid entities` and `whosaid spelling`, bound by Boost.Program_options
// straight into the configs of the stages.
//
//   whosaid extract|entities|spelling [OPTIONS] [PATH...]
//
// Every option, with its default:
//   -o, --output FILE          none or "-" → standard output; FILE is
//                              replaced atomically when the run ends
//                              (cli/output_file.h); -o "" is a usage error
//   --format                   extract: jsonl|table (jsonl); entities: jsonl;
//                              claims: jsonld|table (jsonld, as kJsonl);
//                              spelling: table|json (table; json is written
//                              as OutputFormat::kJsonl)
//   --explain                  extract: the frame of each record; entities:
//                              why each form was merged
//   --figures, --check-worthy  claims only (cli/claims_command.h)
//   --rules DIR                rules::RuleSet::DefaultDir(argv[0])
//   --input-format auto|text|jsonl   auto
//   --threads N                0 → all cores (std::thread::hardware_concurrency)
//   --on-error fail|warn|skip  warn
//   --max-doc-bytes N          16M (suffixes K, M, G in any case: powers of 1024;
//                              see IngestConfig::max_doc_bytes for why 16M)
//   --partial                  extract only: write each document's Partial
//                              (docs/partial.md) instead of records
//   --first-ordinal N          extract only: the first document's ordinal (0);
//                              a shard starting at line N of the input gives N
//   --spill-after N            16M: partials held in memory before the run
//                              spills them to a temporary file (run/corpus_run.h)
//   --window-bytes, --min-quote-words, --pronoun-paragraphs, --group-paragraphs
//                              not for merge: cli/pipeline_options.h
//   merge                      PATH... are partial files; --input-format,
//                              --on-error and --max-doc-bytes are not offered
//   PATH...                    none → "-" (standard input)
//
// ParseExtractOptions throws UsageError on an unknown option or a bad value.
#pragma once

#include <boost/program_options/options_description.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "claims/claims_stage.h"
#include "cli/reporter.h"
#include "ingest/source.h"
#include "output/sink.h"
#include "pipeline/pipeline.h"

namespace whosaid::cli {

struct ExtractOptions {
  bool help = false;
  std::vector<std::string> inputs;  // never empty after parsing
  std::string output_path;          // "" or "-" → standard output
  output::OutputFormat format = output::OutputFormat::kJsonl;
  std::string rules_dir;  // "" → the default directory
  unsigned threads = 1;   // resolved: >= 1
  OnError on_error = OnError::kWarn;
  bool explain = false;             // add "rule" to each JSON record
  bool figures = false;             // claims: the figure lines instead of the Claim feed
  bool check_worthy = false;        // claims: only statements worth checking
  bool partial = false;             // extract: write partials (docs/partial.md)
  std::uint64_t first_ordinal = 0;  // extract --partial: the first document's ordinal
  std::size_t spill_after = std::size_t{16} << 20;  // CorpusStages::memory_budget
  ingest::IngestConfig ingest;
  PipelineConfig pipeline;
  claims::ClaimsConfig claims;  // claims: its settings (cli/pipeline_options.h ClaimsOptions)
};

enum class CorpusCommand { kExtract, kEntities, kSpelling, kEvents, kClaims, kMerge };

ExtractOptions ParseCorpusOptions(const std::vector<std::string>& args, CorpusCommand command);

// The option groups every command that runs the pipeline shares (extract,
// entities, spelling, events, claims, merge, index), added to `desc` so each
// command keeps its order: --rules and --threads (`threads` as given: 0 =
// all cores, see ResolveThreads); --input-format, --on-error (`on_error_help`
// says what a failed document does to the command) and --max-doc-bytes.
// Values land in `o`. The stage settings are PipelineOptions and
// ClaimsOptions (cli/pipeline_options.h).
void AddSourceOptions(boost::program_options::options_description& desc, ExtractOptions& o,
                      int& threads);
void AddInputOptions(boost::program_options::options_description& desc, ExtractOptions& o,
                     const char* on_error_help);
inline ExtractOptions ParseExtractOptions(const std::vector<std::string>& args) {
  return ParseCorpusOptions(args, CorpusCommand::kExtract);
}

// The text of `whosaid COMMAND --help`.
std::string CorpusHelp(CorpusCommand command);
inline std::string ExtractHelp() { return CorpusHelp(CorpusCommand::kExtract); }

// "64M" → 67108864; "1000" → 1000; "2m", "1g", "512KiB" (suffixes K, M, G,
// KiB, MiB, GiB in any case: powers of 1024); throws UsageError on anything
// else or 0.
std::size_t ParseByteSize(const std::string& text, const std::string& option);

// --threads N: 0 → all cores; throws UsageError outside 0 … 1024.
unsigned ResolveThreads(int n);

}  // namespace whosaid::cli
