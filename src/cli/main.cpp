// whosaid — the command-line entry point; everything else is in the library
// and in cli/commands.cpp.
#include <csignal>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // A closed pipe (`whosaid extract corpus | head -1`) must not kill us:
  // writes then fail with EPIPE and the run ends quietly with status 0.
  std::signal(SIGPIPE, SIG_IGN);
  return whosaid::cli::Main(argc, argv);
}
