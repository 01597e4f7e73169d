// whosaid exit statuses — the same for every command, listed in --help and
// README.md.
#pragma once

#include <stdexcept>

namespace whosaid::cli {

// Everything read was processed and written (warnings may have been shown);
// also when the reader of standard output closed the pipe early.
inline constexpr int kExitOk = 0;
// Some documents could not be processed (the others were) — even when the
// reader then closed the pipe —, --on-error fail stopped the run, the output
// could not be written completely, or memory ran out.
inline constexpr int kExitFailures = 1;
// Usage or configuration error: unknown option or command, bad option value,
// missing --rules directory, bad rule file, output file that cannot be
// created or is an input of the run. Nothing was read.
inline constexpr int kExitUsage = 2;

// A command line that cannot be obeyed; main prints it with a hint and exits
// with kExitUsage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The help text's "Exit status" section.
inline constexpr const char* kExitStatusHelp =
    "Exit status:\n"
    "  0  success (warnings may have been printed), also when the reader closed the\n"
    "     pipe early\n"
    "  1  some documents could not be processed (the others were), --on-error fail\n"
    "     stopped the run, the output could not be written, or memory ran out\n"
    "  2  usage or configuration error: unknown option, bad value, missing --rules\n"
    "     directory, bad rule file, output file that cannot be created or is an\n"
    "     input; nothing was read\n"
    "  128+N  killed by signal N (SIGTERM, SIGINT, SIGHUP: the -o file is left as\n"
    "     it was)\n";

}  // namespace whosaid::cli
