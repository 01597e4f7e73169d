// whosaid::cli::Main — the `whosaid` command line: global options, then one
// command from a table.
//
//   whosaid [--help] [--version] COMMAND [ARGS...]
//
// Commands are rows of kCommands (commands.cpp); a planned command has a row
// without a function and says so when called. Main catches every exception:
// UsageError and ConfigError print "whosaid: MESSAGE" and return 2; anything
// else is an internal error (status 1).
#pragma once

namespace whosaid::cli {

int Main(int argc, char** argv);

}  // namespace whosaid::cli
