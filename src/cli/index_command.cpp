#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "cli/exit_status.h"
#include "cli/extract_options.h"
#include "cli/index_commands.h"
#include "cli/pipeline_options.h"
#include "cli/reporter.h"
#include "index/query.h"
#include "index/schema.h"
#include "index/writer.h"
#include "ingest/input_reader.h"
#include "run/runner.h"

namespace whosaid::cli {
namespace po = boost::program_options;
namespace {

struct IndexOptions {
  bool help = false;
  std::string db = kDefaultDb;
  std::string dump;  // a table to print instead of indexing
  // What index shares with extract (rules, threads, inputs, input and
  // error options, the stage and claims settings); the rest of it unused.
  ExtractOptions run;
};

constexpr const char* kIndexUsage =
    "Usage: whosaid index [--db FILE] [OPTIONS] PATH...\n\n"
    "Adds the documents to a quote index (SQLite; created when missing; schema in\n"
    "docs/index.md), as one transaction: a document whose id is already there is\n"
    "replaced; entities, event ids and statements are recomputed over the whole\n"
    "index, so indexing A then B gives the same tables as A and B at once. An\n"
    "interrupted run leaves the index as it was.\n\n";

po::options_description IndexOptionTable(IndexOptions& o, int& threads) {
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", po::bool_switch(&o.help), "show this help and exit")
      ("db", po::value(&o.db)->value_name("FILE")->default_value(kDefaultDb), "the index file")
      ("dump", po::value(&o.dump)->value_name("TABLE"),
       "print every row of TABLE (tab-separated, ordered) and exit: for comparing indexes");
  // clang-format on
  AddSourceOptions(desc, o.run, threads);  // cli/extract_options.h: shared with extract
  AddInputOptions(desc, o.run,
                  "a document that cannot be read: fail = stop and index nothing (exit 1), warn "
                  "= report it and index the others (exit 1), skip = index the others quietly");
  desc.add(PipelineOptions(o.run.pipeline));  // cli/pipeline_options.h
  desc.add(ClaimsOptions(o.run.claims));      // statement ids across the index
  return desc;
}

IndexOptions ParseIndexOptions(const std::vector<std::string>& args) {
  IndexOptions o;
  int threads = 0;
  po::options_description all = IndexOptionTable(o, threads);
  all.add_options()("input", po::value(&o.run.inputs)->composing(), "input paths");
  po::positional_options_description positional;
  positional.add("input", -1);
  if (!ParseCommandLine(args, all, &positional)) {
    o.help = true;
    return o;
  }
  o.run.threads = ResolveThreads(threads);
  if (o.run.inputs.empty() && o.dump.empty()) throw UsageError("index: no PATH given");
  if (o.db.empty()) throw UsageError("--db: expected a file name");
  return o;
}

int Dump(const IndexOptions& o) {
  const index::Db db = OpenIndex(o.db, false);
  try {
    std::fputs(index::DumpTable(db, o.dump).c_str(), stdout);
  } catch (const index::IndexError& e) {
    throw UsageError(e.what());
  }
  return kExitOk;
}

}  // namespace

rules::RuleSetPtr LoadIndexRules(const std::string& rules_dir, const char* argv0) {
  std::filesystem::path dir = rules_dir;
  if (dir.empty()) dir = rules::RuleSet::DefaultDir(argv0);
  if (dir.empty()) {
    throw ConfigError("no rules directory found: give --rules DIR or set WHOSAID_RULES");
  }
  return rules::RuleSet::Load(dir);
}

bool ParseCommandLine(const std::vector<std::string>& args, const po::options_description& options,
                      const po::positional_options_description* positional) {
  try {
    po::variables_map vm;
    po::command_line_parser parser(args);
    parser.options(options);
    if (positional) parser.positional(*positional);
    po::store(parser.run(), vm);
    if (vm.count("help") && vm["help"].as<bool>()) return false;
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return true;
}

index::Db OpenIndex(const std::string& path, bool write) {
  try {
    return write ? index::OpenForWriting(path) : index::OpenForReading(path);
  } catch (const index::IndexError& e) {
    throw ConfigError(e.what());
  }
}

int RunIndex(const std::vector<std::string>& args, const char* argv0) {
  const IndexOptions o = ParseIndexOptions(args);
  if (o.help) {
    int threads = 0;
    IndexOptions defaults;
    std::cout << kIndexUsage << IndexOptionTable(defaults, threads);
    return kExitOk;
  }
  if (!o.dump.empty()) return Dump(o);
  // Two-phase start: rules, pipeline and the index open before any document.
  const rules::RuleSetPtr rules = LoadIndexRules(o.run.rules_dir, argv0);
  const Pipeline pipeline(o.run.pipeline, *rules);
  const index::Db db = OpenIndex(o.db, true);
  Reporter reporter(o.run.on_error, stderr, ::isatty(STDERR_FILENO) == 1);
  try {
    index::IndexWriter writer(db, *rules, {.threads = o.run.threads, .claims = o.run.claims});
    ingest::InputReader reader(o.run.inputs, o.run.ingest);
    run::RunPipeline(
        reader, pipeline,
        [&writer](Document&& doc, DocResult&& result) { writer.Add(doc, result); }, reporter,
        run::RunConfig{.threads = o.run.threads});
    reporter.Finish();
    if (reporter.stop()) {
      reporter.Message("stopped at the first error (--on-error fail); " + o.db +
                       " is left as it was");
      return kExitFailures;  // the writer rolls back
    }
    const index::IndexStats s = writer.Commit();
    reporter.Message("indexed " + std::to_string(s.added) + " documents (" +
                     std::to_string(s.replaced) + " replaced) into " + o.db + ": " +
                     std::to_string(s.documents) + " documents, " + std::to_string(s.quotes) +
                     " quotes, " + std::to_string(s.entities) + " entities, " +
                     std::to_string(s.events) + " events");
  } catch (const index::IndexError& e) {
    reporter.Finish();
    reporter.Message(std::string(e.what()) + "; " + o.db + " is left as it was before this run");
    return kExitFailures;
  }
  return reporter.ExitStatus();
}

}  // namespace whosaid::cli
