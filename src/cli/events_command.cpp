#include "cli/events_command.h"

#include <cstdio>
#include <string>

#include "cli/exit_status.h"
#include "cli/extract_command.h"
#include "output/event_report.h"

namespace whosaid::cli {
namespace {

std::string EventsHelp() {
  std::string help = ExtractHelp();
  // The options and inputs are extract's; only the first paragraphs differ.
  std::size_t inputs = help.find("PATH is");
  std::string out =
      "Usage: whosaid events [OPTIONS] [PATH...]\n\n"
      "Lists the events the documents report: one JSON object per event with its\n"
      "type, places, actors, date, label, the documents that report it and the\n"
      "quotes about it with their speakers; --format table gives a timeline\n"
      "ordered by date. Event ids are the ones `whosaid extract` gives the same\n"
      "documents.\n\n";
  out += inputs == std::string::npos ? help : help.substr(inputs);
  std::size_t examples = out.find("Examples:");
  if (examples != std::string::npos) {
    std::size_t status = out.find("Exit status", examples);
    out.replace(examples, status == std::string::npos ? std::string::npos : status - examples,
                "Examples:\n"
                "  whosaid events corpus > events.jsonl\n"
                "  whosaid events --format table corpus\n\n");
  }
  return out;
}

}  // namespace

int RunEvents(const std::vector<std::string>& args, const char* argv0) {
  ExtractOptions options = ParseExtractOptions(args);
  if (options.help) {
    std::fputs(EventsHelp().c_str(), stdout);
    return kExitOk;
  }
  return RunOverDocuments(std::move(options), argv0, [](const ExtractOptions& o, output::OutputStream& out) {
    return std::unique_ptr<output::Sink>(std::make_unique<output::EventReportSink>(out, o.format));
  });
}

}  // namespace whosaid::cli
