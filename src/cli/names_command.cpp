#include "cli/names_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "cli/exit_status.h"
#include "cli/extract_options.h"
#include "cli/output_file.h"
#include "cli/reporter.h"
#include "core/rules.h"
#include "core/text.h"
#include "entities/clusterer.h"
#include "ingest/byte_input.h"
#include "output/name_lines.h"
#include "output/output_stream.h"

namespace whosaid::cli {
namespace po = boost::program_options;
namespace {

constexpr std::size_t kMaxLineBytes = 64 * 1024;
// Past a line too long to be a name, so many more bytes are skipped looking
// for its end; then the input is given up (an endless line: /dev/zero).
constexpr std::size_t kMaxSkipBytes = std::size_t{1} << 20;

struct NamesOptions {
  bool help = false;
  bool explain = false;
  OnError on_error = OnError::kWarn;
  std::string input = "-";
  std::string output_path;
  std::string rules_dir;
  entities::ClusterConfig cluster;
};

po::options_description Options(NamesOptions& o, int& threads) {
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", po::bool_switch(&o.help), "show this help and exit")
      ("output,o", po::value(&o.output_path)->value_name("FILE"),
       "write to FILE instead of standard output (replaced only when the run ends)")
      ("rules", po::value(&o.rules_dir)->value_name("DIR"),
       "rules directory (default: $WHOSAID_RULES, the installed rules, the source tree's rules/)")
      ("threads", po::value(&threads)->value_name("N")->default_value(0),
       "worker threads; 0 = all cores")
      ("on-error", po::value<std::string>()->value_name("fail|warn|skip")
           ->default_value("warn")->notifier([&o](const std::string& v) {
             auto p = ParseOnError(v);
             if (!p) throw UsageError("--on-error " + v + ": expected fail, warn or skip");
             o.on_error = *p;
           }),
       "a line or FILE that cannot be used: fail = stop, write nothing (exit 1), warn = "
       "report and go on (exit 1), skip = go on quietly (exit 0)")
      ("explain", po::bool_switch(&o.explain),
       "say for each spelling that joined a cluster why (score, rule, aligned parts)");
  // clang-format on
  return desc;
}

NamesOptions ParseNamesOptions(const std::vector<std::string>& args) {
  NamesOptions o;
  int threads = 0;
  po::options_description all = Options(o, threads);
  std::vector<std::string> inputs;
  all.add_options()("input", po::value(&inputs), "input file");
  po::positional_options_description positional;
  positional.add("input", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help") && vm["help"].as<bool>()) {
      o.help = true;
      return o;
    }
    po::notify(vm);
    CheckOutputName(vm.count("output") > 0, o.output_path);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (o.help) return o;
  if (inputs.size() > 1)
    throw UsageError("names takes one FILE (got " + std::to_string(inputs.size()) + ")");
  if (!inputs.empty()) o.input = inputs[0];
  o.cluster.threads = ResolveThreads(threads);
  if (o.output_path == "-") o.output_path.clear();
  return o;
}

std::string NamesHelp() {
  NamesOptions o;
  int threads = 0;
  std::ostringstream out;
  out << "Usage: whosaid names [OPTIONS] [FILE]\n\n"
         "Clusters a list of names: every spelling and short form of one person or\n"
         "organisation gets the same cluster id. FILE (or standard input) holds one name\n"
         "per line, optionally followed by a TAB and its type, person or org. Writes one\n"
         "JSON object per input line, in order: {\"name\": ..., \"cluster\": ...}.\n\n"
      << Options(o, threads)
      << "\nExamples:\n"
         "  whosaid names names.tsv > clusters.jsonl\n"
         "  printf 'Enayatullah Khowarazami\\nMufti Enayatullah Khwarzami\\n' | whosaid names\n\n"
      << kExitStatusHelp;
  return out.str();
}

rules::RuleSetPtr LoadRules(const NamesOptions& o, const char* argv0) {
  std::filesystem::path dir = o.rules_dir;
  if (dir.empty()) dir = rules::RuleSet::DefaultDir(argv0);
  if (dir.empty())
    throw ConfigError("no rules directory found: give --rules DIR or set WHOSAID_RULES");
  return rules::RuleSet::Load(dir);
}

// The lines, deduplicated: each distinct (name, type) is one NameInput;
// `line_input` maps every line to it, so memory follows distinct names.
struct NameList {
  std::vector<entities::NameInput> inputs;
  std::vector<std::uint32_t> line_input;
};

Diagnostic LineError(const std::string& file, std::size_t line, const std::string& message) {
  return Diagnostic{Diagnostic::Severity::kError, file + ":" + std::to_string(line), message};
}

// "name<TAB>type" → input; problems go to the reporter.
entities::NameInput ParseLine(const std::string& raw, const std::string& file, std::size_t n,
                              Reporter& reporter) {
  std::string line = raw;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (text::FirstInvalidUtf8(line)) {
    reporter.Report(Diagnostic{Diagnostic::Severity::kWarning, file + ":" + std::to_string(n),
                               "invalid UTF-8 replaced by U+FFFD"});
    line = text::DecodeLossy(line).text;
  }
  entities::NameInput in;
  std::size_t tab = line.find('\t');
  in.name = line.substr(0, tab);
  if (tab == std::string::npos) return in;
  std::string type = line.substr(tab + 1);
  type = type.substr(0, type.find('\t'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  if (auto t = entities::ParseEntityType(type)) {
    in.type = *t;
  } else {  // the line is still clustered: a warning, not a failure
    reporter.Report(Diagnostic{Diagnostic::Severity::kWarning, file + ":" + std::to_string(n),
                               "unknown type '" + type + "' (expected person or org); guessed"});
  }
  return in;
}

NameList ReadNames(const std::string& path, Reporter& reporter) {
  NameList list;
  const bool stdin_input = path == "-";
  const std::string name = stdin_input ? "<stdin>" : path;
  int fd = stdin_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    reporter.Report(Diagnostic{Diagnostic::Severity::kError, name,
                               std::string("cannot read: ") + std::strerror(errno)});
    return list;
  }
  ingest::BufferedInput in(std::make_unique<ingest::FdInput>(fd, !stdin_input));
  std::unordered_map<std::string, std::uint32_t> seen;
  std::string raw;
  try {
    for (std::size_t n = 1; !reporter.stop(); ++n) {
      ingest::BufferedInput::Line r = in.ReadLine(raw, kMaxLineBytes, kMaxSkipBytes);
      if (r == ingest::BufferedInput::Line::kEnd) break;
      if (r == ingest::BufferedInput::Line::kEndless) {
        reporter.Report(LineError(name, n,
                                  "line longer than 1 MiB without an end: not a list of names; "
                                  "the rest of the input is not read"));
        break;
      }
      if (r == ingest::BufferedInput::Line::kTooLong) {
        reporter.Report(LineError(name, n, "line longer than 64 KiB: not a name"));
        raw.clear();
      }
      entities::NameInput input = ParseLine(raw, name, n, reporter);
      std::string key = std::to_string(static_cast<int>(input.type)) + "\t" + input.name;
      auto [it, fresh] =
          seen.emplace(std::move(key), static_cast<std::uint32_t>(list.inputs.size()));
      if (fresh) list.inputs.push_back(std::move(input));
      list.line_input.push_back(it->second);
    }
  } catch (const ingest::ReadError& e) {
    reporter.Report(
        Diagnostic{Diagnostic::Severity::kError, name, std::string("cannot read: ") + e.what()});
  }
  return list;
}

void WriteNames(const NameList& list, const entities::Clustering& c, bool explain,
                output::OutputStream& out) {
  std::unordered_map<std::string, const entities::MergeExplanation*> why;
  if (explain) {
    for (const auto& cluster : c.clusters) {
      for (const auto& m : cluster.merges) why.emplace(m.form, &m);
    }
  }
  for (std::uint32_t k : list.line_input) {
    const entities::NameInput& in = list.inputs[k];
    std::ptrdiff_t cl = c.cluster_of[k];
    const std::string* cluster = cl < 0 ? nullptr : &c.clusters[static_cast<std::size_t>(cl)].id;
    const entities::MergeExplanation* reason = nullptr;
    if (auto it = why.find(in.name); explain && it != why.end()) reason = it->second;
    out.Write(output::NameLine(in.name, cluster, reason));
  }
}

}  // namespace

int RunNames(const std::vector<std::string>& args, const char* argv0) {
  // Phase 1: options, rules (every names rule compiled), output.
  NamesOptions o = ParseNamesOptions(args);
  if (o.help) {
    std::fputs(NamesHelp().c_str(), stdout);
    return kExitOk;
  }
  rules::RuleSetPtr rules = LoadRules(o, argv0);
  const entities::NameClusterer clusterer(o.cluster, *rules);
  std::unique_ptr<output::OutputStream> out = OpenOutput(o.output_path, {o.input}, {});
  // Phase 2: read, cluster, write.
  Reporter reporter(o.on_error, stderr, false);
  NameList list = ReadNames(o.input, reporter);
  if (reporter.stop()) {
    reporter.Finish();
    reporter.Message("stopped at the first error (--on-error fail)");
    return kExitFailures;
  }
  entities::Clustering clustering = clusterer.Run(list.inputs);
  try {
    WriteNames(list, clustering, o.explain, *out);
    out->Commit();
  } catch (const output::WriteError& e) {
    reporter.Finish();
    if (e.broken_pipe()) return reporter.ExitStatus();  // a failed line still counts
    reporter.Message(std::string(e.what()) + "; the output is incomplete");
    return kExitFailures;
  }
  reporter.Finish();
  return reporter.ExitStatus();
}

}  // namespace whosaid::cli
