#include "cli/commands.h"

#include <boost/program_options.hpp>
#include <cstdio>
#include <exception>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/claims_command.h"
#include "cli/exit_status.h"
#include "cli/extract_command.h"
#include "cli/index_commands.h"
#include "cli/names_command.h"
#include "core/diagnostic.h"
#include "core/text.h"

namespace whosaid::cli {
namespace po = boost::program_options;
namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>& args, const char* argv0);  // null: planned
};

constexpr Command kCommands[] = {
    {"extract", "find the quotes and who said them (JSON Lines or a table)", RunExtract},
    {"entities", "the people, organisations and operations named, with every spelling",
     RunEntities},
    {"spelling", "names spelled more than one way across outlets (a table or JSON)", RunSpelling},
    {"names", "one cluster id per person or organisation in a list of names", RunNames},
    {"merge", "combine partial results (extract --partial) into the output of one run", RunMerge},
    {"events", "the events reported, across documents, with the quotes about them", RunEvents},
    {"claims", "statements across outlets, changed wordings, conflicting figures (JSON-LD)",
     RunClaims},
    {"index", "add documents to a quote index (SQLite) searchable by any spelling", RunIndex},
    {"search", "search a quote index: text, speaker in any spelling, role, outlet, event",
     RunSearch},
    {"serve", "a local web page over a quote index", RunServe},
};

const Command* FindCommand(std::string_view name) {
  for (const Command& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

po::options_description GlobalOptions() {
  po::options_description desc("Options");
  desc.add_options()("help,h", "show this help and exit")("version", "show the version and exit");
  return desc;
}

std::string GlobalHelp() {
  const char* out =
      "Usage: whosaid [--help] [--version] COMMAND [ARGS...]\n\n"
      "whosaid reads news articles and reports every quotation: who said what, in\n"
      "which role, about which event, with one name per person across outlets.\n\n"
      "Commands:\n";
  std::ostringstream text;
  text << out;
  for (const Command& c : kCommands) {
    text << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << "\n";
  }
  text << "\n"
       << GlobalOptions() << "\nRun 'whosaid COMMAND --help' for the options of a command.\n\n"
       << kExitStatusHelp;
  return text.str();
}

// Global options are the words before the command; they take no values, so
// the first word not starting with '-' is the command.
int Dispatch(const std::vector<std::string>& args, const char* argv0) {
  std::size_t k = 0;
  while (k < args.size() && args[k].size() > 1 && args[k][0] == '-') ++k;
  po::variables_map vm;
  try {
    std::vector<std::string> global(args.begin(), args.begin() + static_cast<long>(k));
    po::store(po::command_line_parser(global).options(GlobalOptions()).run(), vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    std::fputs(GlobalHelp().c_str(), stdout);
    return kExitOk;
  }
  if (vm.count("version")) {
    std::printf("whosaid %s\n", WHOSAID_VERSION);
    return kExitOk;
  }
  if (k == args.size()) throw UsageError("no command given");
  const Command* command = FindCommand(args[k]);
  if (!command) throw UsageError("unknown command '" + args[k] + "'");
  if (!command->run) throw UsageError("'" + args[k] + "' is not implemented yet");
  return command->run({args.begin() + static_cast<long>(k) + 1, args.end()}, argv0);
}

}  // namespace

int Main(int argc, char** argv) {
  const char* argv0 = argc > 0 ? argv[0] : "whosaid";
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  try {
    return Dispatch(args, argv0);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "whosaid: %s\nTry 'whosaid --help' or 'whosaid COMMAND --help'.\n",
                 text::EscapeForMessage(e.what()).c_str());
  } catch (const ConfigError& e) {
    std::fprintf(stderr, "whosaid: %s\n", text::EscapeForMessage(e.what()).c_str());
  } catch (const std::bad_alloc&) {
    // (no string built: there may be no memory for one)
    std::fputs(
        "whosaid: out of memory (std::bad_alloc): the run stopped; an -o file is left as it was\n",
        stderr);
    return kExitFailures;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "whosaid: internal error: %s\n", text::EscapeForMessage(e.what()).c_str());
    return kExitFailures;
  }
  return kExitUsage;
}

}  // namespace whosaid::cli
