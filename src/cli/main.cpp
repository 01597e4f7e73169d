// whosaid — the command-line entry point; everything else is in the library
// and in cli/commands.cpp.
#include <csignal>

#include "cli/commands.h"
#include "output/temp_files.h"

int main(int argc, char** argv) {
  // A closed pipe (`whosaid extract corpus | head -1`) must not kill us:
  // writes then fail with EPIPE and the run ends quietly (status 0, or 1
  // when a document failed).
  std::signal(SIGPIPE, SIG_IGN);
  // SIGTERM, SIGINT, SIGHUP: remove the -o file's temporary file, then end
  // as the signal would have.
  whosaid::output::RemoveTempFilesOnSignals();
  return whosaid::cli::Main(argc, argv);
}
