// whosaid::cli::Reporter — everything the CLI says on standard error:
// per-document diagnostics ("whosaid: PATH:LINE: error: ..."), filtered by the
// --on-error policy, and a progress line when standard error is a terminal
// (never otherwise, so logs and pipes stay clean).
//
// Policies
//   fail  print every problem; the first error stops the run (stop() == true)
//   warn  print every problem and go on (default)
//   skip  go on without printing per-document problems; Finish() prints one
//         line counting the skipped inputs
//
// Example
//   Reporter reporter(OnError::kWarn, stderr, isatty(2));
//   reporter.Report(diagnostics);
//   if (reporter.stop()) ...
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "run/runner.h"

namespace whosaid::cli {

enum class OnError { kFail, kWarn, kSkip };

// Parses "fail", "warn" or "skip".
std::optional<OnError> ParseOnError(std::string_view name);

class Reporter : public run::RunObserver {
 public:
  Reporter(OnError policy, std::FILE* err, bool show_progress);

  void Report(const Diagnostic& diagnostic);
  void Report(const std::vector<Diagnostic>& diagnostics) override;
  // Prints "whosaid: MESSAGE" whatever the policy.
  void Message(std::string_view message);

  // At most a few times a second: "whosaid: N documents, X MB, Y MB/s".
  void Progress(std::size_t docs, std::size_t bytes) override;
  // Clears the progress line; under skip, counts what was skipped.
  void Finish();

  OnError policy() const { return policy_; }
  // kExitFailures when some input failed (and the policy is not skip), else
  // kExitOk: the status of a run that went to its end.
  int ExitStatus() const;
  bool stop() const override { return policy_ == OnError::kFail && errors_ > 0; }
  std::size_t errors() const { return errors_; }

 private:
  void ClearProgress();

  OnError policy_;
  std::FILE* err_;
  bool show_progress_;
  bool progress_shown_ = false;
  std::size_t errors_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_progress_;
};

}  // namespace whosaid::cli
