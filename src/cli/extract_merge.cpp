// `whosaid extract --partial` (the map step's output) and `whosaid merge`
// (the reduce): partials in docs/partial.md's JSON Lines form.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/exit_status.h"
#include "cli/extract_command.h"
#include "core/partial_codec.h"
#include "ingest/input_reader.h"

namespace whosaid::cli {
namespace {

Diagnostic Error(const std::string& where, const std::string& what) {
  return {Diagnostic::Severity::kError, where, what};
}

// Adds every partial of `path` ("-": standard input) to `run`, with its
// order key to `keys`; a line that is no partial is an error naming it.
void ReadPartials(const std::string& path, run::CorpusRun& run,
                  std::vector<std::pair<std::uint64_t, std::string>>& keys, Reporter& reporter) {
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      reporter.Report(Error(path, "cannot be read"));
      return;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    try {
      Partial p = DecodePartial(line);
      keys.emplace_back(p.ordinal, p.doc.id);
      run.Add(std::move(p));
    } catch (const PartialError& e) {
      reporter.Report(Error(path + ":" + std::to_string(number), e.what()));
      if (reporter.stop()) return;
    }
  }
  if (in.bad()) reporter.Report(Error(path, "a read error"));
}

// A document whose partial came twice (a shard given twice, or two shards
// given the same --first-ordinal and overlapping documents).
bool Duplicates(std::vector<std::pair<std::uint64_t, std::string>>& keys, Reporter& reporter) {
  std::sort(keys.begin(), keys.end());
  auto twice = std::adjacent_find(keys.begin(), keys.end());
  if (twice == keys.end()) return false;
  reporter.Report(Error(twice->second, "its partial (ordinal " + std::to_string(twice->first) +
                                           ") was given more than once"));
  return true;
}

}  // namespace

int WritePartials(Setup& s) {
  return Process(s, [&](Reporter& reporter) {
    ingest::InputReader reader(s.options.inputs, s.options.ingest);
    run::RunConfig config{.threads = s.options.threads, .first_ordinal = s.options.first_ordinal};
    run::RunMap(
        reader, *s.pipeline, *s.resolver,
        [&](Partial&& p) {
          std::string line = EncodePartial(p);
          line += '\n';
          s.out->Write(line);
        },
        reporter, config);
    return !reporter.stop();
  });
}

int RunMerge(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kMerge);
  if (!s) return kExitOk;
  const claims::ClaimsStage claims(ExtractClaims(s->options.claims), *s->rules);
  std::unique_ptr<output::Sink> sink =
      output::MakeSink(s->options.format, *s->out, s->options.explain);
  run::CorpusStages stages = ExtractStages(claims);
  stages.entities = s->resolver.get();
  stages.memory_budget = s->options.spill_after;
  return Process(*s, [&](Reporter& reporter) {
    run::CorpusRun run(stages);
    std::vector<std::pair<std::uint64_t, std::string>> keys;
    for (const std::string& path : s->options.inputs) {
      ReadPartials(path, run, keys, reporter);
      if (reporter.stop()) return false;
    }
    // an incomplete set of partials is not the run's output: nothing is written
    if (Duplicates(keys, reporter) || reporter.errors() > 0) return false;
    run.Finish(*sink);
    return true;
  });
}

}  // namespace whosaid::cli
