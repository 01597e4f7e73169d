#include "cli/reporter.h"

#include "cli/exit_status.h"
#include "core/text.h"

namespace whosaid::cli {
namespace {
constexpr auto kProgressInterval = std::chrono::milliseconds(250);
}  // namespace

std::optional<OnError> ParseOnError(std::string_view name) {
  if (name == "fail") return OnError::kFail;
  if (name == "warn") return OnError::kWarn;
  if (name == "skip") return OnError::kSkip;
  return std::nullopt;
}

Reporter::Reporter(OnError policy, std::FILE* err, bool show_progress)
    : policy_(policy),
      err_(err),
      show_progress_(show_progress),
      start_(std::chrono::steady_clock::now()),
      last_progress_(start_) {}

void Reporter::Report(const Diagnostic& diagnostic) {
  if (diagnostic.severity == Diagnostic::Severity::kError) ++errors_;
  if (policy_ == OnError::kSkip) return;
  Message(diagnostic.ToString());
}

void Reporter::Report(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (stop()) return;  // under fail, nothing after the first error
    Report(d);
  }
}

void Reporter::Message(std::string_view message) {
  ClearProgress();
  // One message, one line: a newline in a file name must not split it.
  const std::string line = text::EscapeForMessage(message);
  std::fprintf(err_, "whosaid: %s\n", line.c_str());
}

void Reporter::Progress(std::size_t docs, std::size_t bytes) {
  if (!show_progress_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_progress_ < kProgressInterval) return;
  last_progress_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb = static_cast<double>(bytes) / 1e6;
  std::fprintf(err_, "\rwhosaid: %zu documents, %.1f MB, %.1f MB/s\033[K", docs, mb,
               seconds > 0 ? mb / seconds : 0.0);
  std::fflush(err_);
  progress_shown_ = true;
}

int Reporter::ExitStatus() const {
  return errors_ > 0 && policy_ != OnError::kSkip ? kExitFailures : kExitOk;
}

void Reporter::Finish() {
  ClearProgress();
  if (policy_ == OnError::kSkip && errors_ > 0) {
    Message(std::to_string(errors_) + " input(s) skipped because of errors (--on-error skip)");
  }
}

void Reporter::ClearProgress() {
  if (!progress_shown_) return;
  std::fputs("\r\033[K", err_);
  progress_shown_ = false;
}

}  // namespace whosaid::cli
