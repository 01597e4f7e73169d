#include "cli/output_file.h"

#include <unistd.h>

#include "cli/exit_status.h"
#include "ingest/input_reader.h"

namespace whosaid::cli {

std::unique_ptr<output::OutputStream> OpenOutput(const std::string& path,
                                                 const std::vector<std::string>& inputs,
                                                 const ingest::IngestConfig& ingest) {
  if (path.empty()) return std::make_unique<output::FdOutput>(STDOUT_FILENO, "<stdout>");
  if (auto input = ingest::InputThatReads(inputs, ingest, path)) {
    const std::string which = *input == path ? "" : " (read through " + *input + ")";
    throw UsageError("-o " + path + ": is an input of this run" + which +
                     "; refusing to overwrite it");
  }
  try {
    return std::make_unique<output::FileOutput>(path);
  } catch (const output::WriteError& e) {
    throw UsageError(e.what());
  }
}

void CheckOutputName(bool given, const std::string& path) {
  if (given && path.empty()) throw UsageError("-o: the file name is empty");
}

}  // namespace whosaid::cli
