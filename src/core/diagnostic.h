// whosaid::Diagnostic and whosaid::ConfigError — how problems are reported.
//
// Two kinds of problem, two mechanisms (see HACKING.md, "Errors"):
//   * ConfigError (an exception) for start-up problems the run cannot go on
//     with: a missing rules directory, a broken rule file, a bad option. It is
//     thrown by loaders and caught once, in the CLI's main, which prints it
//     and exits with status 2. Its message names the file and line.
//   * Diagnostic (a value) for per-document problems: an unreadable file,
//     invalid UTF-8, a malformed JSON Lines record. Readers and stages return
//     them; the CLI prints them on stderr and decides, by --on-error, whether
//     the run goes on. Library code never prints and never calls exit().
#pragma once

#include <stdexcept>
#include <string>

namespace whosaid {

// A start-up or configuration error; what() reads "file:line: what is wrong"
// when a file is involved.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kError;
  std::string where;    // "path", "path:line" or "path: byte 1234"
  std::string message;  // what is wrong, in words a user can act on

  std::string ToString() const {
    return where + ": " + (severity == Severity::kError ? "error: " : "warning: ") + message;
  }
};

}  // namespace whosaid
