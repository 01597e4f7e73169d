#include "cli/extract_options.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cctype>
#include <limits>
#include <sstream>
#include <thread>

#include "cli/exit_status.h"
#include "cli/output_file.h"
#include "cli/pipeline_options.h"

namespace whosaid::cli {
namespace po = boost::program_options;
namespace {

constexpr unsigned kMaxThreads = 1024;

[[noreturn]] void BadValue(const std::string& option, const std::string& value,
                           const std::string& expected) {
  throw UsageError("--" + option + " " + value + ": expected " + expected);
}

// The --format values a command accepts ("value=format", the first is the default).
std::vector<std::pair<std::string, output::OutputFormat>> Formats(CorpusCommand command) {
  using F = output::OutputFormat;
  switch (command) {
    case CorpusCommand::kExtract:
    case CorpusCommand::kMerge:
      return {{"jsonl", F::kJsonl}, {"table", F::kTable}};
    case CorpusCommand::kEntities:
      return {{"jsonl", F::kJsonl}};
    case CorpusCommand::kSpelling:
      return {{"table", F::kTable}, {"json", F::kJsonl}};
    case CorpusCommand::kEvents:
      return {{"jsonl", F::kJsonl}, {"table", F::kTable}};
    case CorpusCommand::kClaims:
      return {{"jsonld", F::kJsonl}, {"table", F::kTable}};
  }
  return {{"jsonl", F::kJsonl}};
}

const char* FormatHelp(CorpusCommand command) {
  switch (command) {
    case CorpusCommand::kExtract:
    case CorpusCommand::kMerge:
      return "jsonl: one JSON object per quote (docs/output.md); table: for people";
    case CorpusCommand::kEntities:
      return "jsonl: one JSON object per entity (docs/output.md)";
    case CorpusCommand::kSpelling:
      return "table: for people; json: {\"groups\": [...]} for tools";
    case CorpusCommand::kEvents:
      return "jsonl: one JSON object per event (docs/output.md); table: a timeline by date";
    case CorpusCommand::kClaims:
      return "jsonld: schema.org Claims (docs/output.md); table: a fact-checker's worklist";
  }
  return "";
}

const char* ExplainHelp(CorpusCommand command) {
  switch (command) {
    case CorpusCommand::kEntities:
      return "add to each entity why each of its forms was merged (\"merges\": score, rule, shared "
             "context)";
    case CorpusCommand::kEvents:
    case CorpusCommand::kClaims:
      return "changes nothing here (accepted, as for extract)";
    default:
      return "add to each JSON record the attribution rule it rests on (\"rule\")";
  }
}

// The option table; values land in `o` (enums and sizes through notifiers).
po::options_description Options(ExtractOptions& o, int& threads, CorpusCommand command) {
  po::options_description desc("Options");
  const auto formats = Formats(command);
  std::string names;
  for (const auto& f : formats) names += (names.empty() ? "" : "|") + f.first;
  o.format = formats.front().second;
  // One option per paragraph reads better than the formatter's layout.
  // clang-format off
  desc.add_options()
      ("help,h", po::bool_switch(&o.help), "show this help and exit")
      ("explain", po::bool_switch(&o.explain), ExplainHelp(command))
      ("output,o", po::value(&o.output_path)->value_name("FILE"),
       "write to FILE instead of standard output (replaced only when the run ends)")
      ("format", po::value<std::string>()->value_name(names)->default_value(formats.front().first)
           ->notifier([&o, formats, names](const std::string& v) {
             for (const auto& f : formats) {
               if (f.first == v) o.format = f.second;
             }
             if (std::none_of(formats.begin(), formats.end(), [&](const auto& f) { return f.first == v; })) {
               BadValue("format", v, "one of " + names);
             }
           }),
       FormatHelp(command));
  AddSourceOptions(desc, o, threads);
  desc.add_options()
      ("spill-after", po::value<std::string>()->value_name("N")->default_value("16M")
           ->notifier([&o](const std::string& v) { o.spill_after = ParseByteSize(v, "spill-after"); }),
       "keep up to N bytes of per-document results in memory, then spill them to a temporary "
       "file ($TMPDIR) until the output is written");
  if (command == CorpusCommand::kMerge) {  // its inputs are partials
    desc.add(ClaimsOptions(o.claims));      // statement ids, as extract's
    return desc;
  }
  AddInputOptions(desc, o,
                  "a document that cannot be processed: fail = stop (exit 1), warn = report and "
                  "go on (exit 1), skip = go on quietly (exit 0)");
  if (command == CorpusCommand::kExtract) {
    desc.add_options()
        ("partial", po::bool_switch(&o.partial),
         "write each document's partial result (JSON Lines, docs/partial.md) for `whosaid "
         "merge` instead of records")
        ("first-ordinal", po::value(&o.first_ordinal)->value_name("N")->default_value(0),
         "with --partial: the order key of the first document (a shard that starts at line N "
         "of the whole input gives N)");
  }
  if (command == CorpusCommand::kClaims) {
    desc.add_options()
        ("figures", po::bool_switch(&o.figures),
         "write the figure lines (JSON Lines: event, measure, conflict, figures) instead")
        ("check-worthy", po::bool_switch(&o.check_worthy),
         "keep only statements that carry a figure, a date, a comparison or a conflict");
  }
  // clang-format on
  desc.add(PipelineOptions(o.pipeline));  // cli/pipeline_options.h
  if (command == CorpusCommand::kClaims || command == CorpusCommand::kExtract)
    desc.add(ClaimsOptions(o.claims));  // extract: its statement ids
  return desc;
}

}  // namespace

void AddSourceOptions(po::options_description& desc, ExtractOptions& o, int& threads) {
  // clang-format off
  desc.add_options()
      ("rules", po::value(&o.rules_dir)->value_name("DIR"),
       "rules directory (default: $WHOSAID_RULES, the installed rules, the source tree's rules/)")
      ("threads", po::value(&threads)->value_name("N")->default_value(0),
       "worker threads; 0 = all cores");
  // clang-format on
}

void AddInputOptions(po::options_description& desc, ExtractOptions& o, const char* on_error_help) {
  // clang-format off
  desc.add_options()
      ("input-format", po::value<std::string>()->value_name("auto|text|jsonl")
           ->default_value("auto")->notifier([&o](const std::string& v) {
             auto f = ingest::ParseInputFormat(v);
             if (!f) BadValue("input-format", v, "auto, text or jsonl");
             o.ingest.format = *f;
           }),
       "auto: *.jsonl files are JSON Lines, other files text; stdin is JSON Lines "
       "when it starts with '{'")
      ("on-error", po::value<std::string>()->value_name("fail|warn|skip")
           ->default_value("warn")->notifier([&o](const std::string& v) {
             auto p = ParseOnError(v);
             if (!p) BadValue("on-error", v, "fail, warn or skip");
             o.on_error = *p;
           }),
       on_error_help)
      ("max-doc-bytes", po::value<std::string>()->value_name("N")->default_value("16M")
           ->notifier([&o](const std::string& v) {
             o.ingest.max_doc_bytes = ParseByteSize(v, "max-doc-bytes");
           }),
       "skip (with an error) documents larger than N bytes; suffixes K, M, G (any case)");
  // clang-format on
}

unsigned ResolveThreads(int n) {
  if (n < 0 || static_cast<unsigned>(n) > kMaxThreads) {
    BadValue("threads", std::to_string(n), "0 (all cores) to " + std::to_string(kMaxThreads));
  }
  if (n > 0) return static_cast<unsigned>(n);
  return std::max(1u, std::thread::hardware_concurrency());
}

std::size_t ParseByteSize(const std::string& text, const std::string& option) {
  std::size_t i = 0;
  unsigned long long n = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    if (n > std::numeric_limits<std::size_t>::max() / 10) BadValue(option, text, "a size");
    n = n * 10 + static_cast<unsigned>(text[i++] - '0');
  }
  std::string suffix = text.substr(i);
  for (char& c : suffix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int shift = suffix.empty() ? 0 : -1;
  if (suffix == "k" || suffix == "kib") shift = 10;
  if (suffix == "m" || suffix == "mib") shift = 20;
  if (suffix == "g" || suffix == "gib") shift = 30;
  if (i == 0 || shift < 0 || n == 0 || n > (std::numeric_limits<std::size_t>::max() >> shift)) {
    BadValue(option, text, "a positive number of bytes, optionally with K, M or G");
  }
  return static_cast<std::size_t>(n) << shift;
}

ExtractOptions ParseCorpusOptions(const std::vector<std::string>& args, CorpusCommand command) {
  ExtractOptions o;
  int threads = 0;
  po::options_description visible = Options(o, threads, command);
  po::options_description all;
  all.add(visible).add_options()("input", po::value(&o.inputs)->composing(), "input paths");
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
  o.threads = ResolveThreads(threads);
  if (o.inputs.empty()) o.inputs.push_back("-");
  if (o.output_path == "-") o.output_path.clear();
  return o;
}

std::string CorpusHelp(CorpusCommand command) {
  ExtractOptions o;
  int threads = 0;
  std::ostringstream out;
  switch (command) {
    case CorpusCommand::kExtract:
      out << "Usage: whosaid extract [OPTIONS] [PATH...]\n\n"
             "Finds every quotation in the documents and who said it, in which role, about\n"
             "which event. Writes one JSON object per quote (see docs/output.md); speakers\n"
             "get one entity id and one canonical name across all documents of the run.\n\n";
      break;
    case CorpusCommand::kEntities:
      out << "Usage: whosaid entities [OPTIONS] [PATH...]\n\n"
             "The people, organisations and operations the documents quote or name, one\n"
             "JSON object per entity: every surface form with its documents, outlets and\n"
             "count, roles and affiliations, and how many quotes it has.\n\n";
      break;
    case CorpusCommand::kSpelling:
      out << "Usage: whosaid spelling [OPTIONS] [PATH...]\n\n"
             "The spelling-consistency report: every name spelled more than one way across\n"
             "the documents (transliterations, -e-/-i- connectors, British/American), each\n"
             "spelling with its documents and outlets, and the majority spelling.\n\n";
      break;
    case CorpusCommand::kEvents:
      out << "Usage: whosaid events [OPTIONS] [PATH...]\n\n"
             "The events the documents report, one JSON object per event: its type, places,\n"
             "actors, date and label, the documents that report it and the quotes about it\n"
             "with their speakers; --format table gives a timeline ordered by date. Event\n"
             "ids are the ones `whosaid extract` gives the same documents.\n\n";
      break;
    case CorpusCommand::kClaims:
      out << "Usage: whosaid claims [OPTIONS] [PATH...]\n\n"
             "The fact-check feed: one schema.org Claim per statement (the records of one\n"
             "speaker that report the same statement, across outlets, direct or indirect),\n"
             "with its author, every appearance, the event it is about and where outlets\n"
             "changed the words of a direct quote, as JSON-LD; --figures writes the figures\n"
             "stated about each event and their conflicts instead; --format table reads as\n"
             "a worklist (conflicts first).\n\n";
      break;
    case CorpusCommand::kMerge:
      break;
  }
  if (command == CorpusCommand::kMerge) {
    out << "Usage: whosaid merge [OPTIONS] PARTIAL...\n\n"
           "Combines the partial results that `whosaid extract --partial` wrote (any\n"
           "number of files, in any order and grouping) into exactly the output of one\n"
           "`whosaid extract` over all their documents: entity ids, canonical names,\n"
           "event and statement ids included (docs/partial.md). Give the same --rules as\n"
           "the extracts. PARTIAL is a file or - for standard input.\n\n"
        << Options(o, threads, command)
        << "\nExamples:\n"
           "  whosaid extract --partial -o a.partial a.jsonl\n"
           "  whosaid extract --partial --first-ordinal 5000 -o b.partial b.jsonl\n"
           "  whosaid merge -o quotes.jsonl a.partial b.partial\n\n"
        << kExitStatusHelp;
    return out.str();
  }
  out << "PATH is a text file (one document; its id is the file name without\n"
         "extension), a directory (every *.txt file under it, sorted, with outlet and\n"
         "date from a meta.jsonl beside them), a .jsonl file (one document per line:\n"
         "{\"id\", \"text\", \"outlet\"?, \"url\"?, \"date\"?}) or - for standard input\n"
         "(the default). Messages go to standard error as \"whosaid: PATH:LINE: ...\".\n\n"
      << Options(o, threads, command) << "\nExamples:\n";
  switch (command) {
    case CorpusCommand::kExtract:
      out << "  whosaid extract corpus > quotes.jsonl\n"
             "  whosaid extract --format table corpus/000_4a890afdb81e502d.txt\n"
             "  whosaid extract --threads 4 -o quotes.jsonl articles.jsonl\n"
             "  whosaid extract --partial --first-ordinal 5000 -o b.partial b.jsonl\n"
             "  cat article.txt | whosaid extract\n\n";
      break;
    case CorpusCommand::kEntities:
      out << "  whosaid entities corpus > entities.jsonl\n"
             "  whosaid entities --explain articles.jsonl\n\n";
      break;
    case CorpusCommand::kSpelling:
      out << "  whosaid spelling corpus\n"
             "  whosaid spelling --format json -o spelling.json corpus\n\n";
      break;
    case CorpusCommand::kEvents:
      out << "  whosaid events corpus > events.jsonl\n"
             "  whosaid events --format table corpus\n\n";
      break;
    case CorpusCommand::kClaims:
      out << "  whosaid claims corpus > claims.jsonld\n"
             "  whosaid claims --figures corpus > figures.jsonl\n"
             "  whosaid claims --format table --check-worthy corpus\n\n";
      break;
    case CorpusCommand::kMerge:
      break;
  }
  out << kExitStatusHelp;
  return out.str();
}

}  // namespace whosaid::cli
